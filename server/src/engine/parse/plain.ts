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
//   "**" followed by anything but white space, digits not followed by '.' or ')', or "[label]" not followed by ':' (or a '[' that no ']' follows), has no
//   trailing white space, and is not indented. Such a line cannot
//   start a list, quote, code block, HTML block, table delimiter row, setext underline or thematic break;
// - a footnote definition "[^label]: text" (a simple label; text as a paragraph line starts), whose paragraph
//   the following paragraph lines continue, as in the parser;
// and no line holds inline syntax: none of \ ` _ < @ NUL, at most one '~' in a block, no '&' that may start a character reference,
// no "![" (image), "](" (inline link), "[^" (footnote call), "://" or "www." (autolink literals). Brackets otherwise stay text: the text has no link
// reference definitions (chunks.ts parses a text that has any in one piece, and never calls this for it), so a
// "[12]" resolves to nothing and is literal.
//
// The one inline construct read here is strong emphasis written "**…**", as policy drafts write lead-ins
// ("**摘要**：", "**Abstract:**"). A block is read only when every '*' in it belongs to a run of exactly two, the
// runs pair off in order (first with second, third with fourth…) on one line each, each opening run can open and
// each closing run can close, and no '~' touches a run. Whether a run can open or close is decided as the
// parser's CJK-friendly emphasis decides it (micromark-extension-cjk-friendly: "**“新”**与" is strong there,
// not in plain CommonMark), with its own character classes; a variation selector or a lone surrogate beside a
// run leaves the block to the parser. Pairs in order need nothing more: a run of two that can close takes the
// nearest unmatched run before it that can open, and runs of two never meet the rule of three.
import { classifyCharacter, isCjk, isCjkOrIvs, isNonCjkPunctuation, isUnicodeWhitespace } from 'micromark-extension-cjk-friendly-util';
import { frontMatterFences, type MdNode } from './markdown';

/** Characters that may start inline syntax anywhere in a line (as UTF-16 codes); '*' is read by `isStarPair`. */
const INLINE_SYNTAX = new Set([0x5c /* \ */, 0x60 /* ` */, 0x5f /* _ */, 0x3c /* < */, 0x40 /* @ */, 0]);

const STAR = 0x2a;
const TILDE = 0x7e;
/** What a block's edges and line ends count as beside a run: white space. */
const EDGE = 0x20;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
const isVariationSelector = (code: number): boolean => (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef);

/** The code point that ends just before `index`, EDGE at the block's start or a line end; -1 for a lone surrogate. */
function codePointBefore(text: string, index: number, from: number): number {
  if (index <= from) return EDGE;
  const code = text.charCodeAt(index - 1);
  if (code === 10 || code === 13) return EDGE;
  if (isHighSurrogate(code)) return -1;
  if (!isLowSurrogate(code)) return code;
  return index - 2 >= from && isHighSurrogate(text.charCodeAt(index - 2)) ? text.codePointAt(index - 2)! : -1;
}

/** The code point that starts at `index`, EDGE at the block's end or a line end; -1 for a lone surrogate. */
function codePointAt(text: string, index: number, to: number): number {
  if (index >= to) return EDGE;
  const code = text.charCodeAt(index);
  if (code === 10 || code === 13) return EDGE;
  if (isLowSurrogate(code)) return -1;
  if (!isHighSurrogate(code)) return code;
  return index + 1 < to && isLowSurrogate(text.charCodeAt(index + 1)) ? text.codePointAt(index)! : -1;
}

/**
 * Whether the "**" at `index` (its block's inline text is `[from, to)`) can open and can close strong emphasis,
 * or undefined when the characters beside it are ones the shortcut leaves to the parser.
 */
function flanking(text: string, index: number, from: number, to: number): { readonly open: boolean; readonly close: boolean } | undefined {
  const previous = codePointBefore(text, index, from);
  const next = codePointAt(text, index + 2, to);
  if (previous < 0 || next < 0 || isVariationSelector(previous) || isVariationSelector(next)) return undefined;
  const before = classifyCharacter(previous);
  const after = classifyCharacter(next);
  const beforeSpaceOrPunctuation = isNonCjkPunctuation(before) || isUnicodeWhitespace(before);
  const afterSpaceOrPunctuation = isNonCjkPunctuation(after) || isUnicodeWhitespace(after);
  return {
    open: !afterSpaceOrPunctuation || (isNonCjkPunctuation(after) && (beforeSpaceOrPunctuation || isCjkOrIvs(before))),
    close: !beforeSpaceOrPunctuation || (isNonCjkPunctuation(before) && (afterSpaceOrPunctuation || isCjk(after))),
  };
}

/**
 * The children of a paragraph or heading whose inline text is `[from, to)` and whose "**" runs start at
 * `stars`: text, and strong emphasis holding text. Undefined when the runs do not pair off in order on one
 * line each (see the file comment).
 */
function inlineChildren(text: string, from: number, to: number, stars: readonly number[]): MdNode[] | undefined {
  if (stars.length === 0) return [{ type: 'text', value: text.slice(from, to), position: at(from, to) }];
  if (stars.length % 2 !== 0) return undefined;
  const children: MdNode[] = [];
  let textStart = from;
  for (let k = 0; k < stars.length; k += 2) {
    const open = stars[k]!;
    const close = stars[k + 1]!;
    if (!flanking(text, open, from, to)?.open || !flanking(text, close, from, to)?.close) return undefined;
    for (let i = open + 2; i < close; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === 13) return undefined;
    }
    if (open > textStart) children.push({ type: 'text', value: text.slice(textStart, open), position: at(textStart, open) });
    const inner: MdNode = { type: 'text', value: text.slice(open + 2, close), position: at(open + 2, close) };
    children.push({ type: 'strong', position: at(open, close + 2), children: [inner] });
    textStart = close + 2;
  }
  if (to > textStart) children.push({ type: 'text', value: text.slice(textStart, to), position: at(textStart, to) });
  return children;
}

/**
 * Whether `index` starts a run of exactly two '*' with no '~' beside it: the only run of '*' the shortcut reads.
 */
function isStarPair(text: string, index: number): boolean {
  return (
    text.charCodeAt(index + 1) === STAR &&
    text.charCodeAt(index + 2) !== STAR &&
    text.charCodeAt(index - 1) !== STAR &&
    text.charCodeAt(index - 1) !== TILDE &&
    text.charCodeAt(index + 2) !== TILDE
  );
}

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
 * is not white space, "**" and no white space, digits that are not a list marker ("2022年", not "1." or "1)"), or a bracket that is
 * not a link reference definition ("[1] 作者", not "[a]: url").
 */
function startsText(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (isAsciiLetter(first) || (first >= 0x80 && !isSpaceLike(first))) return true;
  // "**摘要**": two '*' and no white space after them cannot start a list or a thematic break.
  if (first === STAR) return start + 2 < end && isStarPair(text, start) && !isSpaceLike(text.charCodeAt(start + 2));
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
 * ("0~10分"); two may pair into strikethrough, so the caller rejects a block with more than one. Where a "**"
 * run starts is added to `stars`.
 */
function plainInlineTildes(text: string, from: number, to: number, stars: number[]): number {
  let tildes = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) continue;
    if (code === TILDE) tildes++;
    if (code === STAR) {
      if (!isStarPair(text, i)) return -1;
      stars.push(i);
      i++;
      continue;
    }
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
  /** Where the "**" runs of the open paragraph start. */
  let paragraphStars: number[] = [];
  /** The footnote definition that holds the open paragraph: where it starts and its label. */
  let footnote: { start: number; label: string } | undefined;
  /** False when the open paragraph's inline syntax is not one the shortcut reads (two '~', or its emphasis). */
  const closeParagraph = (): boolean => {
    if (paragraphTildes > 1) return false;
    if (paragraphStart < 0) return true;
    const inline = inlineChildren(text, paragraphStart, paragraphEnd, paragraphStars);
    if (!inline) return false;
    const paragraph: MdNode = { type: 'paragraph', position: at(paragraphStart, paragraphEnd), children: inline };
    if (footnote) {
      const { start, label } = footnote;
      children.push({ type: 'footnoteDefinition', identifier: label.toLowerCase(), label, position: at(start, paragraphEnd), children: [paragraph] });
    } else {
      children.push(paragraph);
    }
    paragraphStart = -1;
    footnote = undefined;
    return true;
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
      if (!closeParagraph()) return undefined;
      start = next;
      continue;
    }
    const last = text.charCodeAt(end - 1);
    const contentStart = headingContentStart(text, start, end);
    if (contentStart < 0) return undefined;
    if (contentStart > 0) {
      const stars: number[] = [];
      const tildes = plainInlineTildes(text, contentStart, end, stars);
      if (tildes < 0 || tildes > 1 || !closeParagraph()) return undefined;
      const inline = inlineChildren(text, contentStart, end, stars);
      if (!inline) return undefined;
      children.push({ type: 'heading', depth: contentStart - start - 1, position: at(start, end), children: inline });
    } else {
      // A footnote definition interrupts a paragraph; lines after it continue its paragraph lazily.
      const definition = footnoteDefinitionAt(text, start, end);
      if (definition && !closeParagraph()) return undefined;
      const textStart = definition ? definition.contentStart : start;
      if (paragraphStart < 0) paragraphStars = [];
      const tildes = definition || startsText(text, start, end) ? (isSpaceLike(last) ? -1 : plainInlineTildes(text, textStart, end, paragraphStars)) : -1;
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
  if (!closeParagraph()) return undefined;
  return { type: 'root', position: at(0, text.length), children };
}

/**
 * A piece that is exactly a closed front matter block (the piece plan cuts the text after it), as the parser's
 * front matter extension reads it: one yaml (---) or toml (+++) node whose value is the lines between the
 * fences, ending where the closing fence line's content ends. Undefined for anything else, which the parser
 * reads. The benchmark's warm servers had never parsed front matter: the parser's front matter path cost the
 * paper's first check about a millisecond (issue 7).
 */
export function frontMatterTree(text: string): MdNode | undefined {
  const fences = frontMatterFences(text);
  // The parser reads U+0000 as U+FFFD: such a block is left to it.
  if (!fences || fences.bodyStart !== text.length || text.includes('\0')) return undefined;
  const { contentStart, closingStart, closingEnd } = fences;
  // The value runs from the line after the opening fence to the line break before the closing one.
  let valueEnd = closingStart;
  if (valueEnd > contentStart && text.charCodeAt(valueEnd - 1) === 0x0a) valueEnd--;
  if (valueEnd > contentStart && text.charCodeAt(valueEnd - 1) === 0x0d) valueEnd--;
  const type = text.startsWith('---') ? 'yaml' : 'toml';
  return { type: 'root', position: at(0, text.length), children: [{ type, value: text.slice(contentStart, valueEnd), position: at(0, closingEnd) }] };
}
