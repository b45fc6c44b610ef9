// Citation markers in prose: numeric ([1], ［1］, 〔1〕, ^[1]^), footnote ([^n]), pandoc ([@key]) and
// author-year ((Smith, 2020), （张三，2023）). Each candidate is examined within a bounded window after its
// opening bracket, so scanning stays linear however many brackets, digits or spaces a document holds.
import type { CitationMarker, CitationStyle } from '../model';

export interface RawMarker {
  readonly style: CitationStyle;
  readonly proseStart: number;
  readonly proseEnd: number;
  readonly numbers: readonly number[];
  readonly keys: readonly string[];
}

const MAX_RANGE = 500;
const MAX_NUMBERS = 2000;
const NUMERIC_WINDOW = 200;
const KEYED_WINDOW = 300;
const PAREN_WINDOW = 200;

const BRACKET_CLOSE: Record<string, string> = { '[': ']', '［': '］', '〔': '〕' };
const LIST_SEPARATORS = new Set([',', '，', '、', ';', '；']);
const RANGE_DASHES = new Set(['-', '–', '—', '~', '～', '－', '‐', '‑']);

function digitValue(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\u3000' || char === '\u00a0';
}

/** Parses "1, 3-5" into numbers, or undefined if the content is not a numeric citation list. */
export function parseNumericList(content: string): number[] | undefined {
  const numbers: number[] = [];
  let index = 0;
  const skipSpaces = (): void => {
    while (index < content.length && isSpace(content[index]!)) index++;
  };
  const readNumber = (): number | undefined => {
    let value = 0;
    let digits = 0;
    while (index < content.length && digitValue(content[index]!) >= 0) {
      if (digits >= 6) return undefined;
      value = value * 10 + digitValue(content[index]!);
      digits++;
      index++;
    }
    return digits > 0 && value > 0 ? value : undefined;
  };
  for (;;) {
    skipSpaces();
    const first = readNumber();
    if (first === undefined) return undefined;
    skipSpaces();
    if (index < content.length && RANGE_DASHES.has(content[index]!)) {
      index++;
      skipSpaces();
      const last = readNumber();
      if (last === undefined || last < first || last - first + 1 > MAX_RANGE) return undefined;
      if (numbers.length + (last - first + 1) > MAX_NUMBERS) return undefined;
      for (let n = first; n <= last; n++) numbers.push(n);
      skipSpaces();
    } else {
      if (numbers.length >= MAX_NUMBERS) return undefined;
      numbers.push(first);
    }
    if (index >= content.length) return numbers;
    if (!LIST_SEPARATORS.has(content[index]!)) return undefined;
    index++;
  }
}

/** Index of `close` after `open`, within `window` characters and without another opener in between. */
function findClose(text: string, open: number, close: string, window: number, stopAt: ReadonlySet<string>): number {
  const limit = Math.min(text.length, open + 1 + window);
  for (let k = open + 1; k < limit; k++) {
    const char = text[k]!;
    if (char === close) return k;
    if (stopAt.has(char)) return -1;
  }
  return -1;
}

const SQUARE_OPENERS = new Set(['[', '［', '〔']);
const PAREN_STOPS = new Set(['(', '（', '\n']);

function footnoteAt(text: string, open: number): RawMarker | undefined {
  const close = findClose(text, open + 1, ']', 100, new Set(['[', ' ', '\t', '\n', '\r']));
  if (close < 0 || close === open + 2) return undefined;
  return { style: 'footnote', proseStart: open, proseEnd: close + 1, numbers: [], keys: [text.slice(open + 2, close)] };
}

function numericAt(text: string, open: number): RawMarker | undefined {
  const close = findClose(text, open, BRACKET_CLOSE[text[open]!]!, NUMERIC_WINDOW, SQUARE_OPENERS);
  if (close < 0) return undefined;
  const after = text[close + 1];
  // "[1](…)" and "[1]: …" are link syntax the parser did not turn into links, not citations.
  if (after === '(' || after === ':') return undefined;
  const numbers = parseNumericList(text.slice(open + 1, close));
  if (!numbers) return undefined;
  if (text[open] === '[' && text[open - 1] === '^' && after === '^') {
    return { style: 'numeric', proseStart: open - 1, proseEnd: close + 2, numbers, keys: [] };
  }
  return { style: 'numeric', proseStart: open, proseEnd: close + 1, numbers, keys: [] };
}

// A pandoc key: starts with a letter, digit or _, may contain inner punctuation, never ends with it.
const PANDOC_KEY = /^-?@([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?)/u;

function pandocAt(text: string, open: number): RawMarker | undefined {
  const close = findClose(text, open, ']', KEYED_WINDOW, SQUARE_OPENERS);
  if (close < 0) return undefined;
  const content = text.slice(open + 1, close);
  if (!content.includes('@')) return undefined;
  const keys: string[] = [];
  for (const part of content.split(';')) {
    let found: string | undefined;
    for (let k = 0; k < part.length; k++) {
      if (part[k] !== '@' && !(part[k] === '-' && part[k + 1] === '@')) continue;
      const before = part[k - 1];
      if (before !== undefined && !/[\s\p{P}]/u.test(before)) continue;
      const match = PANDOC_KEY.exec(part.slice(k));
      if (match) {
        found = match[1];
        break;
      }
    }
    if (found === undefined) return undefined;
    keys.push(found);
  }
  return { style: 'pandoc', proseStart: open, proseEnd: close + 1, numbers: [], keys };
}

const YEAR = '(?:1[5-9][0-9]{2}|20[0-9]{2})[a-z]?';
const PAGES = '(?:\\s*[,，:：]\\s*(?:pp?\\.\\s*)?[0-9]+(?:\\s*[-–][0-9]+)?)?';
const YEARS = `(${YEAR}(?:\\s*[,，、]\\s*${YEAR})*)${PAGES}`;
// Name characters exclude the separators (、和与及等), so every split of the string is unambiguous.
const CJK_NAME = '[\\u3400-\\u9fff\\uf900-\\ufaff·•][^\\s、，,和与及等;；()（）0-9]{0,19}';
const CJK_AUTHORS = new RegExp(`^(${CJK_NAME})(?:等人?)?(?:[、和与及]${CJK_NAME}(?:等人?)?)*\\s*[，,]\\s*${YEARS}$`, 'u');
const LATIN_WORD = "[A-Z][\\p{L}'’-]*";
const PARTICLE = '(?:(?:van|von|de|der|den|del|da|di|du|la|le)\\s+)';
const LATIN_NAME = `${PARTICLE}*${LATIN_WORD}(?:\\s+${LATIN_WORD}){0,3}`;
const LATIN_AUTHORS = new RegExp(
  `^(${LATIN_NAME})(?:\\s+et\\s+al\\.?|(?:\\s*,\\s*${LATIN_NAME})*\\s*,?\\s+(?:and|&)\\s+${LATIN_NAME}|\\s*&\\s*${LATIN_NAME})?\\s*[,，]?\\s*${YEARS}$`,
  'u',
);
// Capitalised words that precede a year in parentheses without naming an author.
const NOT_AUTHORS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'spring',
  'summer', 'autumn', 'fall', 'winter', 'see', 'since', 'from', 'in', 'as', 'of', 'before', 'after', 'until', 'by',
  'figure', 'fig', 'table', 'chapter', 'section', 'vol', 'volume', 'year', 'fy', 'q', 'and', 'or', 'the', 'to', 'for',
  'est', 'ca', 'circa', 'ad', 'bc', 'ce', 'bce', 'no', 'page', 'p', 'pp', 'eq', 'e.g', 'cf', 'also',
]);

function authorYearPart(part: string): string[] | undefined {
  const trimmed = part.trim();
  if (trimmed.length === 0) return undefined;
  const cjk = CJK_AUTHORS.exec(trimmed);
  const match = cjk ?? LATIN_AUTHORS.exec(trimmed);
  if (!match) return undefined;
  const author = match[1]!.trim();
  if (!cjk && NOT_AUTHORS.has(author.split(/\s+/)[0]!.toLowerCase())) return undefined;
  const years = match[2]!.split(/\s*[,，、]\s*/);
  return years.map((year) => `${author}|${year}`);
}

function authorYearAt(text: string, open: number): RawMarker | undefined {
  let close = -1;
  const limit = Math.min(text.length, open + 1 + PAREN_WINDOW);
  for (let k = open + 1; k < limit; k++) {
    const char = text[k]!;
    if (char === ')' || char === '）') {
      close = k;
      break;
    }
    if (PAREN_STOPS.has(char)) return undefined;
  }
  if (close < 0) return undefined;
  const content = text.slice(open + 1, close);
  // Cheap gate before the patterns: an author-year citation always contains a four-digit year.
  if (!/[0-9]{4}/.test(content)) return undefined;
  const keys: string[] = [];
  for (const part of content.split(/[;；]/)) {
    const partKeys = authorYearPart(part);
    if (!partKeys) return undefined;
    keys.push(...partKeys);
  }
  return { style: 'author-year', proseStart: open, proseEnd: close + 1, numbers: [], keys };
}

/** All citation markers in one block's prose, in order. */
export function scanCitations(text: string): RawMarker[] {
  const markers: RawMarker[] = [];
  let index = 0;
  while (index < text.length) {
    // By code, not by one-character string: this runs over every character of every block.
    const code = text.charCodeAt(index);
    let marker: RawMarker | undefined;
    if (code === 0x5b /* [ */ && text.charCodeAt(index + 1) === 0x5e /* ^ */) marker = footnoteAt(text, index);
    else if (code === 0x5b /* [ */ || code === 0xff3b /* ［ */ || code === 0x3014 /* 〔 */) {
      marker = numericAt(text, index) ?? (code === 0x5b ? pandocAt(text, index) : undefined);
    } else if (code === 0x28 /* ( */ || code === 0xff08 /* （ */) marker = authorYearAt(text, index);
    if (marker) {
      markers.push(marker);
      index = marker.proseEnd;
    } else {
      index++;
    }
  }
  return markers;
}

export function toCitation(raw: RawMarker, block: number, span: { start: number; end: number }): CitationMarker {
  return { style: raw.style, span, numbers: raw.numbers, keys: raw.keys, block, proseStart: raw.proseStart, proseEnd: raw.proseEnd };
}
