// The tree of a piece that holds nothing but plain paragraphs and simple ATX headings, built without the
// Markdown parser. Most of a policy draft is such text: Chinese prose with numeric citation markers between
// headings. The parser spends most of a cold check on it, to find no syntax at all. `plainTree` recognises a
// text where no Markdown construct can start, conservatively, and gives the tree the parser would give
// (types and offsets, which is all the rest of the engine reads); any doubt returns undefined and the parser
// reads the text. `plain.test.ts` compares both on generated texts.
//
// A text is plain when every line is one of:
// - blank (spaces and tabs only);
// - an ATX heading: 1–6 '#', one space, then content that is not blank, does not end with '#' (a closing
//   sequence) and has no trailing white space;
// - a paragraph line that starts with an ASCII letter, a character outside ASCII that is not white space,
//   digits not followed by '.' or ')', or "[label]" not followed by ':' (or a '[' that no ']' follows), has no
//   trailing white space, and is not indented. Such a line cannot
//   start a list, quote, code block, HTML block, table delimiter row, setext underline or thematic break;
// - a footnote definition "[^label]: text" (a simple label; text as a paragraph line starts), whose paragraph
//   the following paragraph lines continue, as in the parser;
// and no line holds inline syntax: none of \ ` * _ < @ NUL, at most one '~' in a block, no '&' that may start a character reference,
// no "![" (image), "](" (inline link), "[^" (footnote call), "://" or "www." (autolink literals). Brackets otherwise stay text: the text has no link
// reference definitions (chunks.ts parses a text that has any in one piece, and never calls this for it), so a
// "[12]" resolves to nothing and is literal.
import type { MdNode } from './markdown';

/** Characters that may start inline syntax anywhere in a line (as UTF-16 codes). */
const INLINE_SYNTAX = new Set([0x5c /* \ */, 0x60 /* ` */, 0x2a /* * */, 0x5f /* _ */, 0x3c /* < */, 0x40 /* @ */, 0]);

/** White space that the parser trims or treats as indentation, or that Unicode counts as white space. */
function isSpaceLike(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x85 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Whether the '&' at `index` may start a character reference ("&#…", "&name;"); "R&D" cannot. */
function mayBeReference(text: string, index: number, to: number): boolean {
  const next = text.charCodeAt(index + 1);
  if (next === 0x23 /* # */) return true;
  let i = index + 1;
  while (i < to && i - index <= 32 && (isAsciiLetter(text.charCodeAt(i)) || isAsciiDigit(text.charCodeAt(i)))) i++;
  return i > index + 1 && text.charCodeAt(i) === 0x3b /* ; */;
}

/**
 * Whether a line starting at `start` may start with text: an ASCII letter, a character outside ASCII that
 * is not white space, digits that are not a list marker ("2022年", not "1." or "1)"), or a bracket that is
 * not a link reference definition ("[1] 作者", not "[a]: url").
 */
function startsText(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (isAsciiLetter(first) || (first >= 0x80 && !isSpaceLike(first))) return true;
  if (first === 0x5b /* [ */) {
    // A reference list entry "[1] 作者…": a link reference definition's label ends at its first "]", followed by ":".
    const close = text.indexOf(']', start + 1);
    // No "]" anywhere after it: no label can close, on this line or a later one.
    if (close < 0) return true;
    return close > start + 1 && close < end && text.charCodeAt(close + 1) !== 0x3a /* : */ && text.lastIndexOf('[', close) === start;
  }
  let i = start;
  while (i < end && isAsciiDigit(text.charCodeAt(i))) i++;
  if (i === start || i === end) return false;
  const after = text.charCodeAt(i);
  return after !== 0x2e /* . */ && after !== 0x29 /* ) */;
}

/**
 * How many '~' `text[from, to)` holds, or -1 when it may hold inline syntax. One '~' in a block is text
 * ("0~10分"); two may pair into strikethrough, so the caller rejects a block with more than one.
 */
function plainInlineTildes(text: string, from: number, to: number): number {
  let tildes = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) continue;
    if (code === 0x7e /* ~ */) tildes++;
    if (INLINE_SYNTAX.has(code)) return -1;
    if (code === 0x26 /* & */ && mayBeReference(text, i, to)) return -1;
    const next = text.charCodeAt(i + 1);
    if (code === 0x21 /* ! */ && next === 0x5b /* [ */) return -1;
    if (code === 0x5d /* ] */ && next === 0x28 /* ( */) return -1;
    if (code === 0x5b /* [ */ && next === 0x5e /* ^ */) return -1;
    if (code === 0x3a /* : */ && next === 0x2f && text.charCodeAt(i + 2) === 0x2f) return -1;
    if ((code === 0x77 || code === 0x57) /* w W */ && i + 3 < to && text.slice(i, i + 4).toLowerCase() === 'www.') return -1;
  }
  return tildes;
}

type Position = { start: { offset: number }; end: { offset: number } };

const at = (start: number, end: number): Position => ({ start: { offset: start }, end: { offset: end } });

/** The heading's content start on an ATX heading line, -1 when the line is not a plain heading, 0 when it has no '#'. */
function headingContentStart(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && i - start < 7 && text.charCodeAt(i) === 0x23 /* # */) i++;
  const hashes = i - start;
  if (hashes === 0) return 0;
  if (hashes > 6 || text.charCodeAt(i) !== 0x20 || i + 1 >= end) return -1;
  const first = text.charCodeAt(i + 1);
  const last = text.charCodeAt(end - 1);
  if (isSpaceLike(first) || isSpaceLike(last) || last === 0x23) return -1;
  return i + 1;
}

/** A footnote label the shortcut takes: ASCII letters, digits, '-' and CJK ideographs, whose identifier is its lower case. */
function isSimpleLabelChar(code: number): boolean {
  return isAsciiLetter(code) || isAsciiDigit(code) || code === 0x2d /* - */ || (code >= 0x4e00 && code <= 0x9fff);
}

/** "[^label]: text" at the line start: where the label ends (its "]") and the text starts, or undefined. */
function footnoteDefinitionAt(text: string, start: number, end: number): { labelEnd: number; contentStart: number } | undefined {
  if (text.charCodeAt(start) !== 0x5b /* [ */ || text.charCodeAt(start + 1) !== 0x5e /* ^ */) return undefined;
  let i = start + 2;
  while (i < end && i - start < 100 && isSimpleLabelChar(text.charCodeAt(i))) i++;
  if (i === start + 2 || text.charCodeAt(i) !== 0x5d /* ] */ || text.charCodeAt(i + 1) !== 0x3a /* : */) return undefined;
  const contentStart = text.charCodeAt(i + 2) === 0x20 ? i + 3 : i + 2;
  return contentStart < end && startsText(text, contentStart, end) ? { labelEnd: i, contentStart } : undefined;
}

/** The tree the Markdown parser gives `text`, when the text is plain (see the file comment); else undefined. */
export function plainTree(text: string): MdNode | undefined {
  const children: MdNode[] = [];
  let paragraphStart = -1;
  let paragraphEnd = -1;
  let paragraphTildes = 0;
  /** The footnote definition that holds the open paragraph: where it starts and its label. */
  let footnote: { start: number; label: string } | undefined;
  const closeParagraph = (): void => {
    if (paragraphStart < 0) return;
    const position = at(paragraphStart, paragraphEnd);
    const paragraph: MdNode = { type: 'paragraph', position, children: [{ type: 'text', value: text.slice(paragraphStart, paragraphEnd), position }] };
    if (footnote) {
      const { start, label } = footnote;
      children.push({ type: 'footnoteDefinition', identifier: label.toLowerCase(), label, position: at(start, paragraphEnd), children: [paragraph] });
    } else {
      children.push(paragraph);
    }
    paragraphStart = -1;
    footnote = undefined;
  };
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === 10 || code === 13) break;
      end++;
    }
    const next = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    let blank = true;
    for (let i = start; i < end && blank; i++) {
      const code = text.charCodeAt(i);
      if (code !== 0x20 && code !== 0x09) blank = false;
    }
    if (blank) {
      if (paragraphTildes > 1) return undefined;
      closeParagraph();
      start = next;
      continue;
    }
    const last = text.charCodeAt(end - 1);
    const contentStart = headingContentStart(text, start, end);
    if (contentStart < 0) return undefined;
    if (contentStart > 0) {
      const tildes = plainInlineTildes(text, contentStart, end);
      if (tildes < 0 || tildes > 1 || paragraphTildes > 1) return undefined;
      closeParagraph();
      const textNode: MdNode = { type: 'text', value: text.slice(contentStart, end), position: at(contentStart, end) };
      children.push({ type: 'heading', depth: contentStart - start - 1, position: at(start, end), children: [textNode] });
    } else {
      // A footnote definition interrupts a paragraph; lines after it continue its paragraph lazily.
      const definition = footnoteDefinitionAt(text, start, end);
      if (definition) {
        if (paragraphTildes > 1) return undefined;
        closeParagraph();
      }
      const textStart = definition ? definition.contentStart : start;
      const tildes = definition || startsText(text, start, end) ? (isSpaceLike(last) ? -1 : plainInlineTildes(text, textStart, end)) : -1;
      if (tildes < 0) return undefined;
      if (definition) footnote = { start, label: text.slice(start + 2, definition.labelEnd) };
      if (paragraphStart < 0) {
        paragraphStart = textStart;
        paragraphTildes = 0;
      }
      paragraphTildes += tildes;
      paragraphEnd = end;
    }
    start = next;
  }
  if (paragraphTildes > 1) return undefined;
  closeParagraph();
  return { type: 'root', position: at(0, text.length), children };
}
