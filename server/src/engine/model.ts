// The frozen document model every rule, hover, completion and code action reads.
// All offsets are string indices (UTF-16 code units) into `DocumentModel.text`, the text exactly as the
// editor holds it (after a leading BOM is removed by the caller). Conversion to line/character happens in
// `positions.ts` only.

/** A half-open source span [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Maps a prose string back to source offsets: prose[proseStart .. proseStart+length) ↔ source[sourceStart ..). */
export interface ProseSegment {
  readonly proseStart: number;
  readonly sourceStart: number;
  readonly length: number;
  /** False when the prose text differs from the source (escapes, entities): map the whole segment coarsely. */
  readonly exact: boolean;
  /** Source end of this segment (equals sourceStart + length when exact). */
  readonly sourceEnd: number;
}

export type BlockKind = 'paragraph' | 'heading' | 'tableCell' | 'caption';

/**
 * A leaf block whose inline content is prose: its text is the concatenation of the text nodes, with
 * inline code, inline HTML and images replaced by one U+FFFC each, and link URLs dropped.
 */
export interface ProseBlock {
  readonly index: number;
  readonly kind: BlockKind;
  readonly span: Span;
  readonly text: string;
  readonly segments: readonly ProseSegment[];
  /** Index into `DocumentModel.sections` of the innermost section containing the block (-1 before the first heading). */
  readonly section: number;
  /** True inside a list item (any depth). */
  readonly inListItem: boolean;
  /** True inside a block quote. */
  readonly inBlockQuote: boolean;
  /** True inside a GFM table. */
  readonly inTable: boolean;
  /** True inside the reference list section or a footnote definition. */
  readonly inReferences: boolean;
  /** Source spans of links inside this block (their URL is never prose). */
  readonly links: readonly LinkInfo[];
}

export interface LinkInfo {
  readonly span: Span;
  readonly url: string;
}

export interface Sentence {
  readonly block: number;
  /** Offsets into the block's prose text. */
  readonly proseStart: number;
  readonly proseEnd: number;
  readonly text: string;
  readonly span: Span;
}

export interface Section {
  readonly index: number;
  readonly depth: number;
  /** Heading text as prose (markup removed), trimmed. */
  readonly title: string;
  /** Leading section number such as "4.1" or "一" if the title has one, else undefined. */
  readonly number: string | undefined;
  /** Title with the leading number removed. */
  readonly titleWithoutNumber: string;
  /** Span of the heading line. */
  readonly headingSpan: Span;
  /** From the heading to the start of the next heading of the same or lower depth (or end of text). */
  readonly span: Span;
  readonly parent: number;
  readonly children: readonly number[];
}

export type CitationStyle =
  | 'numeric' // [1] [1,3] [1-5] ［1］ 〔1〕 <sup>[1]</sup> ^[1]^
  | 'footnote' // [^note]
  | 'pandoc' // [@key; @key2]
  | 'author-year'; // （张三，2023） (Smith, 2020)

export interface CitationMarker {
  readonly style: CitationStyle;
  readonly span: Span;
  /** Numbers named by a numeric marker, expanded from ranges, in written order. */
  readonly numbers: readonly number[];
  /** Keys named by footnote / pandoc markers; "author|year" for author-year markers. */
  readonly keys: readonly string[];
  /** Prose block the marker sits in. */
  readonly block: number;
  /** Offsets of the marker in the block's prose text. */
  readonly proseStart: number;
  readonly proseEnd: number;
}

export interface ReferenceEntry {
  /** Numeric label ([1] …, 1. …) or undefined for keyed entries. */
  readonly number: number | undefined;
  /** Footnote label or key, for keyed entries. */
  readonly key: string | undefined;
  readonly text: string;
  /** The whole entry line(s). */
  readonly span: Span;
  /** The label part ("[1]", "1.", "[^note]:"). */
  readonly labelSpan: Span;
  readonly kind: 'list' | 'bracket' | 'footnote';
}

export interface ReferenceList {
  /** Section index of the reference-list heading, or -1 when only footnote definitions exist. */
  readonly section: number;
  readonly headingSpan: Span | undefined;
  /** Span of the whole reference-list section. */
  readonly span: Span | undefined;
  readonly entries: readonly ReferenceEntry[];
}

export interface FrontMatter {
  readonly span: Span;
  readonly value: string;
}

export interface DocumentModel {
  readonly text: string;
  /** Offsets where each line starts (line 0 at offset 0); lines end at \n, \r\n or \r. */
  readonly lineStarts: readonly number[];
  readonly sections: readonly Section[];
  readonly blocks: readonly ProseBlock[];
  readonly sentences: readonly Sentence[];
  readonly citations: readonly CitationMarker[];
  readonly references: ReferenceList | undefined;
  readonly frontMatter: FrontMatter | undefined;
  /** Spans that are never prose: code blocks, inline code, HTML, front matter, link URLs. */
  readonly nonProse: readonly Span[];
  /** HTML comments (whole comment spans and their inner text), for directives. */
  readonly comments: readonly { readonly span: Span; readonly body: string }[];
}
