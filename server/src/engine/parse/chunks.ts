// Where a document can be cut into pieces that the Markdown parser reads exactly as it reads them inside the
// whole text, so that a re-check after an edit parses only the piece that changed (the others come from the
// parse cache) and no piece is larger than it needs to be.
//
// A cut is made only at the start of a line that ends every open block whatever came before it:
// - an ATX heading at column 0 (it interrupts a paragraph, is never a lazy continuation, and closes every list
//   item and block quote, none of which can hold an unindented line that is not paragraph text);
// - after a blank line, a line at column 0 that starts with a letter (a paragraph: after a blank line an
//   unindented paragraph continues no list item, quote or footnote).
// Two things can still run across such a line: a fenced code block without its closing fence and an HTML block.
// The parser's own tree says whether a piece ends inside one (`endsOpen`), and then the rest of the text is
// parsed as one piece. Link reference definitions are global (a `[label]` anywhere resolves against them), so
// a text that has any is not cut; footnote calls depend only on whether their label is defined, so each piece
// is parsed after stub definitions of every label the text defines.
import type { MdNode } from './markdown';

/** A piece is at least this long (UTF-16 units) unless the text ends: each parser call costs ~80 µs. */
export const MIN_CHUNK = 2000;

export interface ChunkPlan {
  /** Offsets where pieces start; the first is 0. */
  readonly starts: readonly number[];
  /** Labels (normalized) of the lines that look like footnote definitions; some may be inside code or comments. */
  readonly footnoteLabels: readonly string[];
}

interface Line {
  readonly start: number;
  /** End of the content, before the line break. */
  readonly end: number;
}

function* lines(text: string, from: number): Generator<Line> {
  let start = from;
  while (start < text.length) {
    let end = start;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === 10 || code === 13) break;
      end++;
    }
    yield { start, end };
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

function isBlank(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

function isAtxHeading(text: string, line: Line): boolean {
  let i = line.start;
  while (i < line.end && i - line.start < 7 && text.charCodeAt(i) === 35 /* # */) i++;
  const hashes = i - line.start;
  if (hashes < 1 || hashes > 6) return false;
  return i === line.end || text[i] === ' ' || text[i] === '\t';
}

const LETTER = /\p{L}/u;

function startsWithLetter(text: string, line: Line): boolean {
  if (line.end === line.start) return false;
  const code = text.codePointAt(line.start)!;
  return LETTER.test(String.fromCodePoint(code));
}

/** Skips what may precede a definition on its line: indentation, block quote markers, list markers. */
function definitionStart(text: string, line: Line): number {
  let i = line.start;
  for (;;) {
    const char = text[i];
    if (char === ' ' || char === '\t' || char === '>') i++;
    else if ((char === '-' || char === '*' || char === '+') && (text[i + 1] === ' ' || text[i + 1] === '\t')) i += 2;
    else {
      let digits = i;
      while (digits - i < 9 && text.charCodeAt(digits) >= 48 && text.charCodeAt(digits) <= 57) digits++;
      if (digits > i && (text[digits] === '.' || text[digits] === ')') && (text[digits + 1] === ' ' || text[digits + 1] === '\t')) {
        i = digits + 2;
      } else return i;
    }
    if (i >= line.end) return i;
  }
}

/** "[label]:" at `from`: the label (with its leading ^ for footnotes), or undefined. */
function definitionLabel(text: string, from: number, lineEnd: number): string | undefined {
  if (text[from] !== '[') return undefined;
  for (let i = from + 1; i < lineEnd && i - from <= 1000; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '[') return undefined;
    else if (char === ']') return text[i + 1] === ':' && i > from + 1 ? text.slice(from + 1, i) : undefined;
  }
  return undefined;
}

/**
 * Whether the footnote definition at the start of `line` (label `label`, with its caret) reads the same when a
 * piece starts with it. After a paragraph line, the definition interrupts that paragraph, and the parser carries
 * that into the definition's first line, where an empty list item, a list not starting at 1, HTML or indented
 * code then cannot begin (found by property testing: "[^1]: 2022." after a paragraph line holds the paragraph
 * "2022.", at the start of a piece an empty list item). Content that might begin such a block stays uncut.
 */
function opensAlikeAfterParagraph(text: string, line: Line, label: string): boolean {
  let i = line.start + label.length + 3; // "[", the label, "]:"
  let columns = 0;
  while (i < line.end && (text[i] === ' ' || text[i] === '\t')) {
    columns += text[i] === '\t' ? 4 : 1;
    i++;
  }
  return i < line.end && columns < 4 && !'0123456789-+*<|['.includes(text[i]!);
}

/** A paragraph longer than this (UTF-16 units) is cut too, see `planChunks`. */
export const LONG_PARAGRAPH = 16_000;

/** Characters after which a line longer than LONG_PARAGRAPH may be cut (and between "]" and "["). */
const LINE_CUT_AFTER = '。！？；';

/**
 * Where the text may be cut, or undefined when it must be parsed whole (it defines link references).
 * `bodyStart` is where the text after any front matter begins: front matter is always a piece of its own.
 *
 * Besides the exact cuts, a paragraph longer than LONG_PARAGRAPH is cut at its lines that start with a letter
 * or '[', and a longer line after a sentence end or between "][": the parser's handling of brackets is
 * quadratic in a paragraph's length (20,000 "[1]" in one paragraph took 4.6 s), and no draft has a paragraph
 * of 16,000 characters. Such a paragraph becomes several, and inline markup running across a cut is read as
 * text; nothing else changes.
 */
export function planChunks(text: string, bodyStart: number, minChunk = MIN_CHUNK): ChunkPlan | undefined {
  const starts = [0];
  if (bodyStart > 0 && bodyStart < text.length) starts.push(bodyStart);
  const footnoteLabels = new Set<string>();
  let previousBlank = true;
  let lastStart = starts[starts.length - 1]!;
  let paragraphStart = lastStart;
  const cutAt = (offset: number): void => {
    starts.push(offset);
    lastStart = offset;
  };
  for (const line of lines(text, bodyStart)) {
    const label = definitionLabel(text, definitionStart(text, line), line.end);
    let footnoteAtLineStart = false;
    if (label !== undefined) {
      // "[^a b]:" is not a footnote definition (labels have no white space) but a link reference definition.
      if (!label.startsWith('^') || label.length === 1 || /\s/.test(label)) return undefined;
      footnoteLabels.add(normalizeLabel(label.slice(1)));
      footnoteAtLineStart = text.charCodeAt(line.start) === 91 /* [ */ && (previousBlank || opensAlikeAfterParagraph(text, line, label));
    }
    const blank = isBlank(text, line);
    if (previousBlank || isAtxHeading(text, line)) paragraphStart = line.start;
    // A footnote definition at column 0 ends whatever came before it, as a heading does (with the caveat above).
    const exact = isAtxHeading(text, line) || footnoteAtLineStart || (previousBlank && startsWithLetter(text, line));
    const long = !blank && line.start - Math.max(lastStart, paragraphStart) >= LONG_PARAGRAPH && (startsWithLetter(text, line) || text[line.start] === '[');
    if ((exact && line.start - lastStart >= minChunk) || long) cutAt(line.start);
    if (line.end - line.start > LONG_PARAGRAPH && text[line.start] !== '|') {
      for (let i = line.start; i < line.end; i++) {
        const after = text[i - 1]!;
        if (i - lastStart >= LONG_PARAGRAPH && (LINE_CUT_AFTER.includes(after) || (after === ']' && text[i] === '['))) cutAt(i);
      }
    }
    previousBlank = blank;
  }
  return { starts, footnoteLabels: [...footnoteLabels] };
}

/** A label as the parser matches it: runs of white space as one space, no case. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

/** Labels of the footnote calls ("[^label]") in a piece that some definition in the text defines (`defined`: normalized). */
export function calledLabels(piece: string, defined: ReadonlySet<string>): string[] {
  const called = new Set<string>();
  let from = piece.indexOf('[^');
  while (from >= 0) {
    const close = piece.indexOf(']', from + 2);
    if (close < 0) break;
    const label = piece.slice(from + 2, close);
    // "[^label]:" is the definition itself, not a call.
    if (defined.has(normalizeLabel(label)) && piece[close + 1] !== ':') called.add(label);
    from = piece.indexOf('[^', from + 2);
  }
  return [...called];
}

/**
 * Definitions of every footnote label, so that calls in a piece resolve as they do in the whole text. A last
 * unindented paragraph ends the definitions, so that the piece starts as a document starts (an indented first
 * line would otherwise continue the last definition). No labels, no stubs: the piece is parsed as it is.
 */
export function footnoteStubs(labels: readonly string[]): string {
  if (labels.length === 0) return '';
  return `${labels.map((label) => `[^${label}]: .\n\n`).join('')}.\n\n`;
}

/** The opening fence of a fenced code block's source ("```", "~~~~"), or undefined for indented code. */
function openingFence(source: string): string | undefined {
  const trimmed = source.replace(/^[ \t>]*/, '');
  const char = trimmed[0];
  if (char !== '`' && char !== '~') return undefined;
  let length = 0;
  while (trimmed[length] === char) length++;
  return length >= 3 ? char.repeat(length) : undefined;
}

function fencedCodeIsClosed(source: string, fence: string): boolean {
  const lastBreak = Math.max(source.lastIndexOf('\n'), source.lastIndexOf('\r'));
  if (lastBreak < 0) return false;
  const last = source.slice(lastBreak + 1).replace(/^[ \t>]*/, '').trimEnd();
  return last.length >= fence.length && [...last].every((char) => char === fence[0]);
}

function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length && count < 2; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/**
 * Whether the piece `source` (parsed into `root`) ends inside a block that would run on into the next piece:
 * a fenced code block that lacks its closing fence, or an HTML block that the end of the piece cut off. Such
 * a block is always on the rightmost path of the tree.
 */
export function endsOpen(root: MdNode, source: string): boolean {
  let node: MdNode | undefined = root;
  while (node) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      const own = source.slice(start, end);
      if (node.type === 'code') {
        const fence = openingFence(own);
        if (fence !== undefined && !fencedCodeIsClosed(own, fence)) return true;
      } else if (node.type === 'html') {
        const closedComment = own.startsWith('<!--') && own.trimEnd().endsWith('-->');
        // A blank line after it ended it; otherwise only the end of the piece did.
        if (!closedComment && lineBreaks(source.slice(end)) < 2) return true;
      }
    }
    const children: readonly MdNode[] | undefined = node.children;
    node = children && children.length > 0 ? children[children.length - 1] : undefined;
  }
  return false;
}
