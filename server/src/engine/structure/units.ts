// Recognises the draft's challenge and countermeasure units: sections whose heading (or whose part's
// heading) carries cue words, and — inside a part without sub-headings — its list items and enumerated
// paragraphs (一是/二是, 其一/其二, 首先/其次/最后, **lead-in**：).
import type { DocumentModel, ProseBlock, Section, Span } from '../model';
import { findCues, type Framework, type HeadingKind } from '../framework';
import { mapProseSpan } from '../parse/mapping';

export interface StructureUnit {
  readonly kind: HeadingKind;
  /** Section holding the unit (the unit's own section, or the part for an item). */
  readonly section: number;
  /** True for a list item or enumerated paragraph rather than a whole section. */
  readonly isItem: boolean;
  readonly span: Span;
  /** Where a finding sits: the heading, or the item's first line. */
  readonly anchor: Span;
  readonly title: string;
  readonly number: string | undefined;
  /** Title and body prose, for similarity and explicit references. */
  readonly text: string;
}

// Cues that also occur in ordinary headings ("拓宽创新践行路径", "研究问题"): they only mark a heading at
// the top level of the draft or inside a part of the same kind. Other cues mark a heading anywhere.
const WEAK_CUES = new Set([
  '问题', '风险', '不足', '制约', '短板', '路径', '策略', '思路', 'problems', 'problem', 'risks', 'risk',
  'gaps', 'gap', 'responses', 'response', 'measures', 'paths', 'strategies', 'strategy',
]);

function cueStrength(title: string, cues: readonly string[]): 'strong' | 'weak' | undefined {
  const found = findCues(title, cues);
  if (found.length === 0) return undefined;
  return found.some((match) => !WEAK_CUES.has(match.cue.toLowerCase())) ? 'strong' : 'weak';
}

interface Classified {
  readonly challenge: 'strong' | 'weak' | undefined;
  readonly countermeasure: 'strong' | 'weak' | undefined;
}

function classify(section: Section, framework: Framework): Classified {
  return {
    challenge: cueStrength(section.titleWithoutNumber, framework.headingCues.challenge),
    countermeasure: cueStrength(section.titleWithoutNumber, framework.headingCues.countermeasure),
  };
}

/** The kind a heading declares given its parent's kind ('mixed' when it announces both). */
function kindOf(c: Classified, parentKind: HeadingKind | 'mixed' | undefined, topLevel: boolean): HeadingKind | 'mixed' | undefined {
  const counts = (strength: 'strong' | 'weak' | undefined, kind: HeadingKind): boolean =>
    strength === 'strong' || (strength === 'weak' && (topLevel || parentKind === kind || parentKind === 'mixed'));
  const challenge = counts(c.challenge, 'challenge');
  const countermeasure = counts(c.countermeasure, 'countermeasure');
  if (challenge && countermeasure) return 'mixed';
  if (challenge) return 'challenge';
  if (countermeasure) return 'countermeasure';
  return undefined;
}

const ENUMERATOR = /^\s*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|首先|其次|再次|然后|此外|最后|第[一二三四五六七八九十]+[，、,：:]|\(?[0-9一二三四五六七八九十]+\)|（[0-9一二三四五六七八九十]+）|[0-9]+[、.．)]\s*|Firstly|First,|Secondly|Second,|Thirdly|Third,|Finally|Lastly)/u;
const LEAD_IN = /^\s*\uFFFC?[^。！？\n]{1,30}[：:]/u;
// A bold lead-in in the source: "**政策层面：**…" or "**政策层面**：…".
const BOLD_LEAD_IN = /^(?:\*\*|__)[^*_\n]{1,30}?(?:[：:](?:\*\*|__)|(?:\*\*|__)[：:])/u;

function isListItemHead(model: DocumentModel, block: ProseBlock): boolean {
  if (!block.inListItem) return false;
  let lineStart = block.span.start;
  while (lineStart > 0 && model.text[lineStart - 1] !== '\n' && model.text[lineStart - 1] !== '\r') lineStart--;
  return /^[\s>]*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?$/.test(model.text.slice(lineStart, block.span.start));
}

/** Index of the first block that starts at or after `offset` (blocks are in source order). */
function firstBlockFrom(model: DocumentModel, offset: number): number {
  let low = 0;
  let high = model.blocks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (model.blocks[middle]!.span.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The blocks after a section's heading, up to the section's end (its sub-sections included). */
function blocksOf(model: DocumentModel, section: Section): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  for (let i = firstBlockFrom(model, section.headingSpan.end + 1); i < model.blocks.length; i++) {
    const block = model.blocks[i]!;
    if (block.span.start >= section.span.end) break;
    blocks.push(block);
  }
  return blocks;
}

/** Enumerated items directly inside a section without sub-headings; fewer than two means none. */
function itemsOf(model: DocumentModel, section: Section, kind: HeadingKind): StructureUnit[] {
  const blocks = blocksOf(model, section).filter((block) => block.section === section.index && block.kind === 'paragraph');
  const heads: number[] = [];
  blocks.forEach((block, i) => {
    const startsItem = isListItemHead(model, block) || (!block.inListItem && (ENUMERATOR.test(block.text) || BOLD_LEAD_IN.test(model.text.slice(block.span.start, block.span.start + 80))));
    if (startsItem) heads.push(i);
  });
  if (heads.length < 2) return [];
  return heads.map((head, n) => {
    const first = blocks[head]!;
    const last = blocks[(n + 1 < heads.length ? heads[n + 1]! : blocks.length) - 1]!;
    const text = blocks.slice(head, n + 1 < heads.length ? heads[n + 1]! : blocks.length).map((b) => b.text).join('\n');
    const firstLine = first.text.split('\n')[0]!;
    // The first line of prose, mapped back to the source (a prose length is not a source length).
    const anchorEnd = Math.min(first.span.end, mapProseSpan(first, 0, firstLine.length).end);
    const title = (LEAD_IN.exec(firstLine)?.[0] ?? firstLine.slice(0, 30)).replace(/\uFFFC/g, '').replace(/[：:]\s*$/, '').trim();
    return {
      kind,
      section: section.index,
      isItem: true,
      span: { start: first.span.start, end: last.span.end },
      anchor: { start: first.span.start, end: anchorEnd },
      title,
      number: undefined,
      text,
    };
  });
}

function sectionText(model: DocumentModel, section: Section): string {
  const parts = [section.title];
  for (const block of blocksOf(model, section)) if (block.kind !== 'heading') parts.push(block.text);
  return parts.join('\n');
}

function sectionUnit(model: DocumentModel, section: Section, kind: HeadingKind): StructureUnit {
  return {
    kind,
    section: section.index,
    isItem: false,
    span: section.span,
    anchor: section.headingSpan,
    title: section.titleWithoutNumber,
    number: section.number,
    text: sectionText(model, section),
  };
}

export interface UnitsResult {
  readonly units: readonly StructureUnit[];
  /** Sections that announce a challenge part / a countermeasure part (the outermost ones). */
  readonly challengeParts: readonly number[];
  readonly countermeasureParts: readonly number[];
}

/** The draft's top level: the shallowest heading depth, ignoring a lone title heading above it. */
function topDepth(sections: readonly Section[]): number {
  if (sections.length === 0) return 1;
  // A loop, not Math.min(...depths): spreading a hundred thousand headings overflows the call stack.
  const shallowest = (from: number): number => {
    let min = Infinity;
    for (let i = from; i < sections.length; i++) min = Math.min(min, sections[i]!.depth);
    return min;
  };
  const min = shallowest(0);
  const atMin = sections.filter((s) => s.depth === min);
  if (atMin.length === 1 && atMin[0]!.index === 0 && sections.length > 1) return shallowest(1);
  return min;
}

export function findUnits(model: DocumentModel, framework: Framework, isExemptSection: (section: Section) => boolean): UnitsResult {
  const units: StructureUnit[] = [];
  const challengeParts: number[] = [];
  const countermeasureParts: number[] = [];
  const top = topDepth(model.sections);

  const visit = (section: Section, parentKind: HeadingKind | 'mixed' | undefined): void => {
    if (isExemptSection(section)) return;
    if (section.depth < top) {
      // The document title above the top level names the whole draft, not a part of it.
      for (const child of section.children) visit(model.sections[child]!, undefined);
      return;
    }
    // Inside a challenge or countermeasure part every sub-section takes the part's kind: "应对人才挑战"
    // under 对策 is an answer, not a new challenge. Only neutral or mixed parents let a heading choose.
    const inherited = parentKind === 'challenge' || parentKind === 'countermeasure';
    const own = inherited ? undefined : kindOf(classify(section, framework), parentKind, section.depth <= top);
    const kind = own ?? parentKind;
    if (own && own !== parentKind && parentKind === undefined) {
      if (own === 'challenge' || own === 'mixed') challengeParts.push(section.index);
      if (own === 'countermeasure' || own === 'mixed') countermeasureParts.push(section.index);
    }
    if (section.children.length > 0) {
      for (const child of section.children) visit(model.sections[child]!, kind);
      return;
    }
    if (kind === 'challenge' || kind === 'countermeasure') {
      // A part without sub-headings holds its units as items; a sub-section is one unit.
      const items = own !== undefined && parentKind === undefined ? itemsOf(model, section, kind) : [];
      if (items.length > 0) for (const item of items) units.push(item);
      else units.push(sectionUnit(model, section, kind));
    }
  };
  for (const section of model.sections) if (section.parent < 0) visit(section, undefined);
  return { units, challengeParts, countermeasureParts };
}
