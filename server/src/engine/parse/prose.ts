// Walks the mdast tree once and turns every leaf block with inline content into prose: plain text plus a
// segment map back to the source. Everything that is not prose (code, HTML, front matter, URLs) is
// recorded as such so rules never mistake a URL's digits for a statistic.
import type { BlockKind, FrontMatter, LinkInfo, ProseSegment, Span } from '../model';
import { nodeSpan, type MdNode } from './markdown';

/** Stands in for inline content that is not prose (inline code, inline HTML, images, autolinks). */
export const OBJECT_REPLACEMENT = '\uFFFC';

/** A prose block before the section tree is known. */
export interface DraftBlock {
  /** Heading level (1–6) for headings. */
  readonly depth: number | undefined;
  readonly kind: BlockKind;
  readonly span: Span;
  readonly text: string;
  readonly segments: readonly ProseSegment[];
  readonly inListItem: boolean;
  readonly inBlockQuote: boolean;
  readonly inTable: boolean;
  readonly inFootnote: boolean;
  readonly links: readonly LinkInfo[];
}

export interface ProseWalk {
  readonly blocks: DraftBlock[];
  /** Index into `blocks` for each paragraph/heading node, so later passes can find a node's prose. */
  readonly blockOfNode: Map<MdNode, number>;
  readonly nonProse: Span[];
  readonly comments: { readonly span: Span; readonly body: string }[];
  readonly frontMatter: FrontMatter | undefined;
}

interface Context {
  readonly inListItem: boolean;
  readonly inBlockQuote: boolean;
  readonly inTable: boolean;
  readonly inFootnote: boolean;
}

const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

class ProseBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly segments: ProseSegment[] = [];

  constructor(private readonly source: string) {}

  get text(): string {
    return this.parts.join('');
  }

  addExact(value: string, sourceStart: number): void {
    if (value.length === 0) return;
    const previous = this.segments[this.segments.length - 1];
    if (previous && previous.exact && previous.sourceEnd === sourceStart) {
      this.segments[this.segments.length - 1] = {
        proseStart: previous.proseStart,
        sourceStart: previous.sourceStart,
        length: previous.length + value.length,
        exact: true,
        sourceEnd: previous.sourceEnd + value.length,
      };
    } else {
      this.segments.push({ proseStart: this.length, sourceStart, length: value.length, exact: true, sourceEnd: sourceStart + value.length });
    }
    this.push(value);
  }

  addCoarse(raw: string, sourceStart: number, sourceEnd: number): void {
    const value = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    if (value.length === 0) return;
    this.segments.push({ proseStart: this.length, sourceStart, length: value.length, exact: false, sourceEnd });
    this.push(value);
  }

  /**
   * Adds a text node's value, aligning it with its source slice character by character. The value differs
   * from the source only by what the parser removed (escaping backslashes, container prefixes such as "> ",
   * indentation and trailing spaces at line ends) or decoded (character references), so a single forward
   * pass keeps almost everything exact; anything it cannot explain is mapped coarsely.
   */
  addAligned(value: string, sourceStart: number, sourceEnd: number): void {
    const source = this.source;
    // Most text is its source slice unchanged: then every character is exact (a literal "&amp;" in both is not
    // a decoded reference), unless a carriage return needs its line-ending treatment below.
    if (value.length === sourceEnd - sourceStart && value.indexOf('\r') < 0 && source.startsWith(value, sourceStart)) {
      this.addExact(value, sourceStart);
      return;
    }
    let i = 0;
    let j = sourceStart;
    let runStart = 0;
    let runSource = sourceStart;
    const flush = (): void => {
      if (i > runStart) this.addExact(value.slice(runStart, i), runSource);
    };
    while (i < value.length) {
      if (value.charCodeAt(i) === 13 /* \r */) {
        // Line endings become "\n" in prose whatever the file uses, so CRLF and CR text reads like LF text.
        flush();
        while (j < sourceEnd && source[j] !== '\r' && (source[j] === ' ' || source[j] === '\t' || source[j] === '>')) j++;
        if (source[j] !== '\r') {
          this.addCoarse(value.slice(i), Math.min(j, sourceEnd), sourceEnd);
          return;
        }
        if (value[i + 1] === '\n' && source[j + 1] === '\n') {
          i++;
          j++;
        } else {
          this.addCoarse('\n', j, j + 1);
          i++;
          j++;
        }
        runStart = i;
        runSource = j;
        continue;
      }
      if (j < sourceEnd && value.charCodeAt(i) === source.charCodeAt(j) && !this.isDecodedReference(value, i, j, sourceEnd)) {
        i++;
        j++;
        continue;
      }
      flush();
      const sourceChar = j < sourceEnd ? source[j]! : '';
      if (sourceChar === '\\' && j + 1 < sourceEnd && source[j + 1] === value[i]) {
        j++;
      } else if (sourceChar === '&') {
        const consumed = this.alignReference(value, i, j, sourceEnd);
        if (consumed) {
          i += consumed.valueLength;
          j = consumed.sourceEnd;
        } else {
          this.addCoarse(value.slice(i), j, sourceEnd);
          return;
        }
      } else if (sourceChar === ' ' || sourceChar === '\t' || sourceChar === '>' || sourceChar === '\r' || sourceChar === '\n') {
        j++;
      } else {
        this.addCoarse(value.slice(i), j < sourceEnd ? j : sourceEnd, sourceEnd);
        return;
      }
      runStart = i;
      runSource = j;
    }
    flush();
  }

  /** "&amp;" in the source and "&" in the value: the first characters agree but the reference was decoded. */
  private isDecodedReference(value: string, valueIndex: number, sourceIndex: number, sourceEnd: number): boolean {
    if (this.source.charCodeAt(sourceIndex) !== 38 /* & */) return false;
    const match = CHARACTER_REFERENCE.exec(this.source.slice(sourceIndex, Math.min(sourceEnd, sourceIndex + 40)));
    return match !== null && !value.startsWith(match[0], valueIndex);
  }

  /** A character reference (&amp; &#12345;) decodes to one or two UTF-16 units; map them to the whole reference. */
  private alignReference(
    value: string,
    valueIndex: number,
    sourceIndex: number,
    sourceEnd: number,
  ): { valueLength: number; sourceEnd: number } | undefined {
    const source = this.source;
    const limit = Math.min(sourceEnd, sourceIndex + 40);
    let semicolon = -1;
    for (let k = sourceIndex + 1; k < limit; k++) {
      if (source[k] === ';') {
        semicolon = k;
        break;
      }
    }
    if (semicolon < 0) return undefined;
    const after = semicolon + 1;
    for (const valueLength of [1, 2]) {
      const nextValue = valueIndex + valueLength;
      if (nextValue > value.length) break;
      const fits = nextValue === value.length ? true : after < sourceEnd && value[nextValue] === source[after];
      if (fits) {
        this.addCoarse(value.slice(valueIndex, nextValue), sourceIndex, after);
        return { valueLength, sourceEnd: after };
      }
    }
    return undefined;
  }

  private push(value: string): void {
    this.parts.push(value);
    this.length += value.length;
  }
}

export function walkProse(root: MdNode, source: string): ProseWalk {
  const definitions = new Map<string, string>();
  collectDefinitions(root, definitions);

  const blocks: DraftBlock[] = [];
  const blockOfNode = new Map<MdNode, number>();
  const nonProse: Span[] = [];
  const comments: { span: Span; body: string }[] = [];
  let frontMatter: FrontMatter | undefined;

  const addHtml = (span: Span): void => {
    nonProse.push(span);
    collectComments(source, span, comments);
  };

  const walkInline = (node: MdNode, builder: ProseBuilder, links: LinkInfo[]): void => {
    const span = nodeSpan(node);
    switch (node.type) {
      case 'text':
        if (span && node.value !== undefined) builder.addAligned(node.value, span.start, span.end);
        return;
      case 'inlineCode':
      case 'image':
      case 'imageReference':
        if (span) {
          builder.addCoarse(OBJECT_REPLACEMENT, span.start, span.end);
          nonProse.push(span);
        }
        return;
      case 'html':
        if (span) {
          builder.addCoarse(OBJECT_REPLACEMENT, span.start, span.end);
          addHtml(span);
        }
        return;
      case 'footnoteReference':
        // The literal "[^label]" stays in the prose so citation scanning sees footnote markers.
        if (span) builder.addExact(source.slice(span.start, span.end), span.start);
        return;
      case 'break':
        if (span) builder.addCoarse('\n', span.start, span.end);
        return;
      case 'link':
        if (span) walkLink(node, span, builder, links);
        return;
      case 'linkReference':
        if (span) links.push({ span, url: definitions.get(node.identifier ?? '') ?? '' });
        for (const child of node.children ?? []) walkInline(child, builder, links);
        return;
      default:
        if (node.children) for (const child of node.children) walkInline(child, builder, links);
        else if (span && node.value !== undefined) builder.addAligned(node.value, span.start, span.end);
    }
  };

  const walkLink = (node: MdNode, span: Span, builder: ProseBuilder, links: LinkInfo[]): void => {
    links.push({ span, url: node.url ?? '' });
    const children = node.children ?? [];
    const lastEnd = children.length > 0 ? nodeSpan(children[children.length - 1]!)?.end : undefined;
    // Autolinks (<https://…>, bare www.…) have no text of their own: the URL is all there is.
    if (lastEnd !== undefined && span.end - lastEnd <= 1) {
      const urlEnd = source.charAt(span.start) === '<' ? span.end : bareUrlEnd(source, span.start, span.end);
      if (urlEnd < span.end) {
        // The swallowed text is the tail of both the source span and the node's URL.
        const url = node.url ?? '';
        links[links.length - 1] = { span: { start: span.start, end: urlEnd }, url: url.slice(0, Math.max(0, url.length - (span.end - urlEnd))) };
      }
      builder.addCoarse(OBJECT_REPLACEMENT, span.start, urlEnd);
      nonProse.push({ start: span.start, end: urlEnd });
      // What GFM swallowed after a bare URL in Chinese text ("…gov.cn）。按照…") is prose again.
      if (urlEnd < span.end) builder.addExact(source.slice(urlEnd, span.end), urlEnd);
      return;
    }
    for (const child of children) walkInline(child, builder, links);
    const urlStart = lastEnd ?? span.start + 1;
    if (urlStart < span.end) nonProse.push({ start: urlStart, end: span.end });
  };

  const makeBlock = (node: MdNode, kind: BlockKind, context: Context): void => {
    const span = nodeSpan(node);
    if (!span) return;
    const builder = new ProseBuilder(source);
    const links: LinkInfo[] = [];
    for (const child of node.children ?? []) walkInline(child, builder, links);
    const text = builder.text;
    blockOfNode.set(node, blocks.length);
    blocks.push({
      depth: node.depth,
      kind: kind === 'paragraph' && isCaption(text) ? 'caption' : kind,
      span,
      text,
      segments: builder.segments,
      ...context,
      links,
    });
  };

  const walkBlock = (node: MdNode, context: Context): void => {
    const span = nodeSpan(node);
    switch (node.type) {
      case 'paragraph':
        makeBlock(node, 'paragraph', context);
        return;
      case 'heading':
        makeBlock(node, 'heading', context);
        return;
      case 'table':
        for (const row of node.children ?? []) {
          for (const cell of row.children ?? []) makeBlock(cell, 'tableCell', { ...context, inTable: true });
        }
        return;
      case 'code':
      case 'definition':
        if (span) nonProse.push(span);
        return;
      case 'html':
        if (span) addHtml(span);
        return;
      case 'yaml':
      case 'toml':
        if (span) {
          nonProse.push(span);
          frontMatter ??= { span, value: node.value ?? '' };
        }
        return;
      case 'footnoteDefinition':
        for (const child of node.children ?? []) walkBlock(child, { ...context, inFootnote: true });
        return;
      case 'listItem':
        for (const child of node.children ?? []) walkBlock(child, { ...context, inListItem: true });
        return;
      case 'blockquote':
        for (const child of node.children ?? []) walkBlock(child, { ...context, inBlockQuote: true });
        return;
      default:
        for (const child of node.children ?? []) walkBlock(child, context);
    }
  };

  walkBlock(root, { inListItem: false, inBlockQuote: false, inTable: false, inFootnote: false });
  nonProse.sort((a, b) => a.start - b.start || a.end - b.end);
  comments.sort((a, b) => a.span.start - b.span.start);
  return { blocks, blockOfNode, nonProse, comments, frontMatter };
}

function collectDefinitions(node: MdNode, definitions: Map<string, string>): void {
  if (node.type === 'definition' && node.identifier !== undefined && !definitions.has(node.identifier)) {
    definitions.set(node.identifier, node.url ?? '');
  }
  for (const child of node.children ?? []) collectDefinitions(child, definitions);
}

function collectComments(source: string, span: Span, comments: { span: Span; body: string }[]): void {
  let from = span.start;
  while (from < span.end) {
    const open = source.indexOf('<!--', from);
    if (open < 0 || open >= span.end) return;
    const close = source.indexOf('-->', open + 4);
    if (close < 0 || close + 3 > span.end) return;
    comments.push({ span: { start: open, end: close + 3 }, body: source.slice(open + 4, close).trim() });
    from = close + 3;
  }
}

// "图1  逻辑架构", "表 2-1：…", "Figure 3. Sales", "Fig. 4 …" — a label, a separator, then a short title.
const CAPTION = /^(?:(?:图|表)\s*[0-9０-９]+(?:[.\-－–][0-9０-９]+)*(?:\s+|[：:．.]\s*)|(?:Figure|Fig\.|Table)\s*[0-9]+(?:[.\-–][0-9]+)*(?:\s+|[:.]\s*))\S/i;

function isCaption(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 200 || trimmed.includes('\n') || !CAPTION.test(trimmed)) return false;
  // A sentence such as "图1 显示，…。…" is prose that happens to start with a label, not a caption.
  const inner = trimmed.slice(0, -1);
  return !/[。！？]/.test(inner);
}

/**
 * Where a bare URL really ends. GFM's autolink literal runs until whitespace, so in Chinese text it swallows
 * the full-width punctuation and the words after it ("https://data.stats.gov.cn）。按照…"). A URL is ASCII: it
 * ends at the first non-ASCII character, less trailing punctuation and an unbalanced closing parenthesis.
 */
function bareUrlEnd(source: string, start: number, end: number): number {
  let stop = start;
  while (stop < end && source.charCodeAt(stop) > 0x20 && source.charCodeAt(stop) < 0x7f) stop++;
  if (stop === end) return end;
  while (stop > start && '.,;:!?\'"*_~'.includes(source.charAt(stop - 1))) stop--;
  const url = source.slice(start, stop);
  if (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) stop--;
  return stop;
}
