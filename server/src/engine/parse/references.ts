// The reference list: the section under a 参考文献 / References heading (list items or labelled lines) and
// every footnote definition in the document.
import type { ProseBlock, ReferenceEntry, ReferenceList, Section, Span } from '../model';
import { mapProseSpan } from './mapping';
import { nodeSpan, type MdNode } from './markdown';
import type { SkeletonNode } from './pieces';

const PRIMARY_TITLES = new Set(['参考文献', '参考资料', '引用文献', 'references', 'reference', 'bibliography', 'works cited']);
const SECONDARY_TITLES = new Set(['注释', 'notes', 'sources']);

function normalizedTitle(section: Section): string {
  return section.titleWithoutNumber.trim().replace(/[：:]$/, '').trim().toLowerCase();
}

/** The reference-list section: a primary title wins over notes/sources headings. */
export function findReferenceSection(sections: readonly Section[]): number {
  const primary = sections.findIndex((section) => PRIMARY_TITLES.has(normalizedTitle(section)));
  if (primary >= 0) return primary;
  return sections.findIndex((section) => SECONDARY_TITLES.has(normalizedTitle(section)));
}

interface Label {
  readonly number: number;
  /** Prose offsets of the label, relative to the string it was read from. */
  readonly start: number;
  readonly end: number;
  readonly bracket: boolean;
}

function digitValue(char: string | undefined): number {
  if (char === undefined) return -1;
  const code = char.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

function readNumber(text: string, from: number): { value: number; end: number } | undefined {
  let value = 0;
  let end = from;
  while (end - from < 6 && digitValue(text[end]) >= 0) {
    value = value * 10 + digitValue(text[end]);
    end++;
  }
  return end > from && digitValue(text[end]) < 0 ? { value, end } : undefined;
}

const BRACKETS: Record<string, string> = { '[': ']', '［': '］', '〔': '〕' };

/** A label at `from`: [1] ［1］ 〔1〕 (bracket), or 1. 1) 1、 1． (numbered line). */
function readLabel(text: string, from: number, allowNumbered: boolean): Label | undefined {
  const close = BRACKETS[text[from] ?? ''];
  if (close) {
    const number = readNumber(text, from + 1);
    if (number && text[number.end] === close) return { number: number.value, start: from, end: number.end + 1, bracket: true };
    return undefined;
  }
  if (!allowNumbered) return undefined;
  const number = readNumber(text, from);
  if (!number) return undefined;
  const punctuation = text[number.end];
  if (punctuation === ')' || punctuation === '）' || punctuation === '、') {
    return { number: number.value, start: from, end: number.end + 1, bracket: false };
  }
  // "1. Smith" is a label; "2020.05" is a date.
  if ((punctuation === '.' || punctuation === '．') && digitValue(text[number.end + 1]) < 0) {
    return { number: number.value, start: from, end: number.end + 1, bracket: false };
  }
  return undefined;
}

function isCjkChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xffef) || (code >= 0xd840 && code <= 0xd87f);
}

/** Joins wrapped lines: Chinese lines join directly, others with a space. */
function joinLines(parts: readonly string[]): string {
  let joined = '';
  for (const raw of parts.flatMap((part) => part.split('\n'))) {
    const part = raw.trim();
    if (part.length === 0) continue;
    if (joined.length === 0) joined = part;
    else joined += isCjkChar(joined[joined.length - 1]) && isCjkChar(part[0]) ? part : ` ${part}`;
  }
  return joined;
}

function leadingSpaces(text: string, from: number, to: number): number {
  let k = from;
  while (k < to && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u3000')) k++;
  return k;
}

interface DraftEntry {
  number: number | undefined;
  labelSpan: Span;
  kind: ReferenceEntry['kind'];
  spanStart: number;
  spanEnd: number;
  parts: string[];
}

function finish(entry: DraftEntry): ReferenceEntry {
  return {
    number: entry.number,
    key: undefined,
    text: joinLines(entry.parts),
    span: { start: entry.spanStart, end: entry.spanEnd },
    labelSpan: entry.labelSpan,
    kind: entry.kind,
  };
}

/**
 * One entry per line that starts with a label; unlabelled lines continue the entry before them. A list
 * item passes its own entry in as `current`, so labelled lines lazily continued into it still split off.
 */
function paragraphEntries(
  block: ProseBlock,
  entries: ReferenceEntry[],
  initial?: DraftEntry,
  from = 0,
): DraftEntry | undefined {
  const text = block.text;
  let current: DraftEntry | undefined = initial;
  let lineStart = from;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const contentStart = leadingSpaces(text, lineStart, lineEnd);
    let contentEnd = lineEnd;
    while (contentEnd > contentStart && /\s/.test(text[contentEnd - 1]!)) contentEnd--;
    if (contentEnd > contentStart) {
      const label = readLabel(text, contentStart, true);
      const lineSpan = mapProseSpan(block, contentStart, contentEnd);
      if (label || !current) {
        if (current) entries.push(finish(current));
        current = {
          number: label?.number,
          labelSpan: label ? mapProseSpan(block, label.start, label.end) : { start: lineSpan.start, end: lineSpan.start },
          kind: label?.bracket === false ? 'list' : label ? 'bracket' : 'list',
          spanStart: lineSpan.start,
          spanEnd: lineSpan.end,
          parts: [text.slice(label ? label.end : contentStart, contentEnd)],
        };
      } else {
        current.spanEnd = lineSpan.end;
        current.parts.push(text.slice(contentStart, contentEnd));
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return current;
}

function listItemEntries(
  item: MdNode,
  itemIndex: number,
  list: MdNode,
  source: string,
  itemBlocks: readonly ProseBlock[],
  entries: ReferenceEntry[],
): void {
  const span = nodeSpan(item);
  if (!span) return;
  let markerEnd = span.start;
  while (markerEnd < span.end && !/\s/.test(source[markerEnd]!)) markerEnd++;
  let current: DraftEntry = {
    number: list.ordered ? (list.start ?? 1) + itemIndex : undefined,
    labelSpan: { start: span.start, end: markerEnd },
    kind: 'list',
    spanStart: span.start,
    spanEnd: span.end,
    parts: [],
  };
  const [first, ...rest] = itemBlocks;
  if (first) {
    const contentStart = leadingSpaces(first.text, 0, first.text.length);
    const label = readLabel(first.text, contentStart, false);
    let firstText = first.text;
    if (label) {
      current.number = label.number;
      current.labelSpan = mapProseSpan(first, label.start, label.end);
      current.kind = 'bracket';
      firstText = first.text.slice(label.end);
    }
    const newline = firstText.indexOf('\n');
    current.parts.push(newline < 0 ? firstText : firstText.slice(0, newline));
    if (newline >= 0) {
      // Lines after the first may be further entries lazily continued into this item's paragraph.
      const offset = first.text.length - firstText.length + newline + 1;
      const itemEntry = current;
      current.spanEnd = mapProseSpan(first, 0, offset - 1).end;
      current = paragraphEntries(first, entries, current, offset) ?? itemEntry;
      if (current === itemEntry) current.spanEnd = span.end;
    }
  }
  for (const block of rest) current.parts.push(block.text);
  if (rest.length > 0) current.spanEnd = span.end;
  entries.push(finish(current));
}

function footnoteEntry(definition: MdNode, source: string, inside: readonly ProseBlock[]): ReferenceEntry | undefined {
  const span = nodeSpan(definition);
  if (!span) return undefined;
  const labelEnd = source.indexOf(']:', span.start);
  return {
    number: undefined,
    key: definition.label ?? definition.identifier ?? '',
    text: joinLines(inside.map((block) => block.text)),
    span,
    labelSpan: { start: span.start, end: labelEnd >= 0 && labelEnd < span.end ? labelEnd + 2 : span.start },
    kind: 'footnote',
  };
}

export interface ReferenceInput {
  /** Block-level nodes in source offsets; a prose block's node carries its index in `blocks`. */
  readonly root: SkeletonNode;
  readonly source: string;
  readonly sections: readonly Section[];
  readonly sectionIndex: number;
  readonly blocks: readonly ProseBlock[];
  readonly footnoteDefinitions: readonly SkeletonNode[];
}

export function buildReferenceList(input: ReferenceInput): ReferenceList | undefined {
  const { root, source, sections, sectionIndex, blocks, footnoteDefinitions } = input;
  const section = sectionIndex >= 0 ? sections[sectionIndex] : undefined;
  if (!section && footnoteDefinitions.length === 0) return undefined;

  const entries: ReferenceEntry[] = [];
  const blocksUnder = (node: SkeletonNode): ProseBlock[] => {
    const found: ProseBlock[] = [];
    const visit = (child: SkeletonNode): void => {
      const index = child.block;
      if (index !== undefined) found.push(blocks[index]!);
      else for (const grandchild of child.children ?? []) visit(grandchild);
    };
    visit(node);
    return found;
  };

  if (section) {
    const from = section.headingSpan.end;
    const to = section.span.end;
    const visit = (node: SkeletonNode): void => {
      const span = nodeSpan(node);
      if (!span || span.end <= from || span.start >= to) return;
      if (node.type === 'footnoteDefinition' || node.type === 'heading') return;
      if (node.type === 'list' && span.start >= from) {
        (node.children ?? []).forEach((item, index) => {
          listItemEntries(item, index, node, source, blocksUnder(item), entries);
        });
        return;
      }
      if (node.type === 'paragraph' && span.start >= from) {
        const index = node.block;
        const last = index !== undefined ? paragraphEntries(blocks[index]!, entries) : undefined;
        if (last) entries.push(finish(last));
        return;
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(root);
  }
  for (const definition of footnoteDefinitions) {
    const entry = footnoteEntry(definition, source, blocksUnder(definition));
    if (entry) entries.push(entry);
  }
  entries.sort((a, b) => a.span.start - b.span.start);

  return {
    section: section ? sectionIndex : -1,
    headingSpan: section?.headingSpan,
    span: section?.span,
    entries,
  };
}
