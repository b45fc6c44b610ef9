// Character classes and bounded look-ups. Everything here inspects a fixed number of characters, so the
// scanner stays linear however the input is shaped.

/** The value of an ASCII or full-width digit, else -1. */
export function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

export function isDigit(text: string, i: number): boolean {
  return digitAt(text, i) >= 0;
}

export function isAsciiLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** ASCII letters, digits and the underscore: the characters of an identifier-like token. */
export function isWordChar(text: string, i: number): boolean {
  return isAsciiLetter(text, i) || isDigit(text, i) || text.charCodeAt(i) === 0x5f;
}

export function isHan(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;
}

/** One space a number may be spaced from its unit or qualifier by (never a line break). */
export function isInlineSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x20 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x2005 || c === 0x2006 || c === 0x3000;
}

/** Digit-group separators: comma, space, no-break space, thin spaces. */
export function isGroupSeparator(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x2c || c === 0x20 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

export function isDecimalPoint(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x2e || c === 0xff0e;
}

/** Skips at most one inline space. */
export function skipSpace(text: string, i: number): number {
  return isInlineSpace(text, i) ? i + 1 : i;
}

/** Steps back over at most one inline space, never below `floor`. */
export function skipSpaceBack(text: string, i: number, floor: number): number {
  return i - 1 >= floor && isInlineSpace(text, i - 1) ? i - 1 : i;
}

/**
 * A word list indexed by its first and last character (ASCII letters folded to lower case), so a look-up
 * compares only the few words that can match, longest first.
 */
export interface WordList {
  readonly words: readonly string[];
  readonly byFirst: ReadonlyMap<string, readonly string[]>;
  readonly byLast: ReadonlyMap<string, readonly string[]>;
}

function fold(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : ch;
}

export function wordList(words: readonly string[]): WordList {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  const byFirst = new Map<string, string[]>();
  const byLast = new Map<string, string[]>();
  for (const word of sorted) {
    const first = fold(word.charAt(0));
    const last = fold(word.charAt(word.length - 1));
    byFirst.set(first, [...(byFirst.get(first) ?? []), word]);
    byLast.set(last, [...(byLast.get(last) ?? []), word]);
  }
  return { words: sorted, byFirst, byLast };
}

function sameWord(piece: string, word: string): boolean {
  return piece === word || (isAsciiLetter(word, 0) && piece.toLowerCase() === word.toLowerCase());
}

/**
 * The longest word of the list that starts at `i`. Words that begin with an ASCII letter match
 * case-insensitively and must end at a word boundary.
 */
export function matchAt(text: string, i: number, list: WordList): string | undefined {
  const candidates = list.byFirst.get(fold(text.charAt(i)));
  if (candidates === undefined) return undefined;
  for (const word of candidates) {
    if (sameWord(text.slice(i, i + word.length), word) && endsCleanly(text, i, word)) return word;
  }
  return undefined;
}

function endsCleanly(text: string, i: number, word: string): boolean {
  return !isAsciiLetter(word, word.length - 1) || !isAsciiLetter(text, i + word.length);
}

/**
 * The longest word of the list that ends at `end` and starts at or after `floor`. Words that begin with
 * an ASCII letter match case-insensitively and must start at a word boundary.
 */
export function matchBefore(text: string, end: number, floor: number, list: WordList): string | undefined {
  if (end <= floor) return undefined;
  const candidates = list.byLast.get(fold(text.charAt(end - 1)));
  if (candidates === undefined) return undefined;
  for (const word of candidates) {
    const start = end - word.length;
    if (start < floor || !sameWord(text.slice(start, end), word)) continue;
    if (isAsciiLetter(word, 0) && start > 0 && isAsciiLetter(text, start - 1)) continue;
    return word;
  }
  return undefined;
}

/** The ASCII digits of text[start, end), full-width digits converted, separators dropped. */
export function asciiDigits(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const d = digitAt(text, i);
    if (d >= 0) out += String(d);
    else if (isDecimalPoint(text, i)) out += '.';
  }
  return out;
}

/** Rounds away binary noise: 1.78 × 10⁴ is 17800, not 17800.000000000004. */
export function tidy(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(15));
}

/** Whether `ch` is one of `chars`; false for the empty string that charAt returns past the ends. */
export function oneOf(chars: string, ch: string): boolean {
  return ch.length > 0 && chars.includes(ch);
}
