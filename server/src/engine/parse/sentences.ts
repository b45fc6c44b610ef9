// Sentence and clause splitting over a block's prose text, for Chinese and English mixed freely. Every
// decision looks at a bounded window around a terminator, so the whole pass is linear in the text.

/** A half-open range into the prose text. */
export type Range = [start: number, end: number];

const CJK_TERMINATORS = new Set(['。', '！', '？', '｡']);
const LATIN_TERMINATORS = new Set(['.', '!', '?']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'", '〕', '］', ']']);
const ELLIPSIS = '…';
const OBJECT_REPLACEMENT = '\uFFFC';

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'al', 'fig', 'figs', 'dr', 'mr', 'mrs', 'ms', 'vs', 'etc', 'inc', 'ltd', 'co',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'p', 'pp', 'vol', 'cf',
  'eq', 'eqs', 'ch', 'sec', 'no', 'nos', 'st', 'prof', 'jr', 'sr', 'approx', 'dept', 'est', 'ed', 'eds', 'op',
]);

// A line break inside a Chinese paragraph usually marks a line the author meant to stand alone (a title,
// a list written as lines); an English paragraph is more often hard-wrapped mid-sentence.
const CONTINUING_PUNCTUATION = new Set(['，', '、', '；', '：', '“', '‘', '（', '《', '【', '—', '-', ',', ';', ':']);

function isCjk(char: string): boolean {
  const code = char.charCodeAt(0);
  return (
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xd840 && code <= 0xd87f) || // high surrogates of CJK Extension B and later
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef)
  );
}

function isWhitespace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\u3000' || char === '\u00a0';
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** Length of a citation marker at `index` that should stay with the sentence before it, or 0. */
function trailingMarkerLength(text: string, index: number): number {
  let start = index;
  if (text[start] === '^' && text[start + 1] === '[') start++;
  const open = text[start];
  const close = open === '[' ? ']' : open === '［' ? '］' : open === '〔' ? '〕' : undefined;
  if (!close) return 0;
  const first = text[start + 1];
  if (first === undefined || !(isDigit(first) || (first >= '０' && first <= '９') || first === '^' || first === '@' || first === '-')) {
    return 0;
  }
  const limit = Math.min(text.length, start + 120);
  for (let k = start + 1; k < limit; k++) {
    const char = text[k]!;
    if (char === close) {
      let end = k + 1;
      if (start > index && text[end] === '^') end++;
      return end - index;
    }
    if (char === '\n' || char === '[' || char === '［' || char === '〔') return 0;
  }
  return 0;
}

/** After a terminator: more terminators, closing quotes/brackets and citation markers belong to it. */
function extendTerminator(text: string, index: number): number {
  let end = index;
  while (end < text.length) {
    const char = text[end]!;
    if (CJK_TERMINATORS.has(char) || LATIN_TERMINATORS.has(char) || char === ELLIPSIS || CLOSERS.has(char) || char === OBJECT_REPLACEMENT) {
      end++;
      continue;
    }
    const marker = trailingMarkerLength(text, end);
    if (marker === 0) break;
    end += marker;
  }
  return end;
}

/** The word before a period: letters and inner periods back to whitespace or an opening bracket. */
function wordBefore(text: string, dot: number): string {
  let start = dot;
  while (start > 0 && dot - start < 12) {
    const char = text[start - 1]!;
    if (/[A-Za-z.]/.test(char)) start--;
    else break;
  }
  return text.slice(start, dot);
}

function isAbbreviationPeriod(text: string, dot: number): boolean {
  const word = wordBefore(text, dot);
  if (word.length === 0) return false;
  // "J. Smith": a single capital is an initial.
  if (word.length === 1 && word >= 'A' && word <= 'Z') return true;
  const lower = word.toLowerCase().replace(/^\.+/, '');
  if (!ABBREVIATIONS.has(lower)) {
    // Dotted initialisms of any kind (U.S.A., Ph.D.) never end a sentence by themselves.
    return /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(lower);
  }
  if (lower === 'no' || lower === 'nos') {
    let next = dot + 1;
    while (isWhitespace(text[next])) next++;
    return isDigit(text[next]);
  }
  return true;
}

function nextVisible(text: string, index: number): number {
  let k = index;
  while (k < text.length && isWhitespace(text[k])) k++;
  return k;
}

/**
 * Whether the character at `index` ends a sentence, and where the run it starts (terminators, closers,
 * markers) ends. A run that does not end a sentence is skipped whole, keeping long runs of dots linear.
 */
function sentenceEndAt(text: string, index: number): { end: number; ends: boolean } {
  const char = text[index]!;
  if (CJK_TERMINATORS.has(char)) return { end: extendTerminator(text, index + 1), ends: true };
  if (char === ELLIPSIS) {
    if (text[index + 1] !== ELLIPSIS) return { end: index + 1, ends: false };
    const end = extendTerminator(text, index + 2);
    return { end, ends: end >= text.length || isWhitespace(text[end]) || hasCjkTerminator(text, index, end) };
  }
  if (!LATIN_TERMINATORS.has(char)) return { end: index + 1, ends: false };
  if (char === '.' && isAbbreviationPeriod(text, index)) return { end: index + 1, ends: false };
  const end = extendTerminator(text, index + 1);
  return { end, ends: end >= text.length || isWhitespace(text[end]) || hasCjkTerminator(text, index, end) };
}

function hasCjkTerminator(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (CJK_TERMINATORS.has(text[k]!)) return true;
  return false;
}

const MARKER_OPENERS: Record<string, string> = { ']': '[', '］': '［', '〕': '〔' };

function breaksAtNewline(text: string, index: number, sentenceStart: number): boolean {
  let before = index - 1;
  while (before >= sentenceStart && isWhitespace(text[before])) before--;
  if (before < sentenceStart) return false;
  // Look through a citation marker ("……领域[1]") to the text it follows.
  const opener = MARKER_OPENERS[text[before]!];
  if (opener) {
    for (let k = before - 1; k > sentenceStart && before - k <= 40; k--) {
      if (text[k] === opener) {
        before = k - 1;
        break;
      }
    }
  }
  const previous = text[before]!;
  if (CONTINUING_PUNCTUATION.has(previous) || !isCjk(previous)) return false;
  return nextVisible(text, index + 1) < text.length;
}

function trimRange(text: string, start: number, end: number): Range | undefined {
  let s = start;
  let e = end;
  while (s < e && isWhitespace(text[s])) s++;
  while (e > s && isWhitespace(text[e - 1])) e--;
  for (let k = s; k < e; k++) {
    if (text[k] !== OBJECT_REPLACEMENT) return [s, e];
  }
  return undefined;
}

/**
 * 1 at the UTF-16 codes of the characters `sentenceEndAt` may end a sentence at, and the line break. A table, not
 * a set: it is read for every character of the draft, and with a set look-up splitting the blocks of the paper
 * ×20 into sentences took 2.5 times as long (5.5 ms against 2.2).
 */
const MAY_END = new Uint8Array(0x10000);
for (const char of [...CJK_TERMINATORS, ...LATIN_TERMINATORS, ELLIPSIS, '\n']) MAY_END[char.charCodeAt(0)] = 1;

/** Splits prose into trimmed sentence ranges. */
export function splitSentences(text: string): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  const close = (end: number): void => {
    const range = trimRange(text, start, end);
    if (range) ranges.push(range);
    start = end;
  };
  let index = 0;
  while (index < text.length) {
    // Most characters neither end a sentence nor break a line: skip them without making a string of each.
    if (MAY_END[text.charCodeAt(index)] === 0) {
      index++;
      continue;
    }
    const char = text[index]!;
    if (char === '\n' && breaksAtNewline(text, index, start)) {
      close(index);
      index++;
      continue;
    }
    const { end, ends } = sentenceEndAt(text, index);
    if (ends) close(end);
    index = end;
  }
  close(text.length);
  return ranges;
}

const OPENERS: Record<string, string> = { '(': ')', '（': '）', '[': ']', '［': '］', '〔': '〕' };
const CLOSING = new Set(Object.values(OPENERS));

/**
 * Splits a sentence into clauses at ；/; outside brackets, so "(Smith, 2020; Lee, 2021)" stays whole.
 * Ranges are offsets into `sentence`, trimmed, separators excluded.
 */
export function clauses(sentence: string): Range[] {
  const ranges: Range[] = [];
  let depth = 0;
  let start = 0;
  const close = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isWhitespace(sentence[s])) s++;
    while (e > s && isWhitespace(sentence[e - 1])) e--;
    if (e > s) ranges.push([s, e]);
  };
  for (let index = 0; index < sentence.length; index++) {
    const char = sentence[index]!;
    if (char in OPENERS) depth++;
    else if (CLOSING.has(char)) depth = Math.max(0, depth - 1);
    else if ((char === '；' || char === ';') && depth === 0) {
      close(index);
      start = index + 1;
    }
  }
  close(sentence.length);
  return ranges;
}
