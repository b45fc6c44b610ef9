// Reading one number: the numeral itself (Arabic, Chinese or English words), then what follows it
// (多, scale, unit, 以上) and what precedes it (约, 超过, $, 第). Every step looks at a bounded number of
// characters; the only unbounded loops walk forward over digits or letters that the caller then skips.

import { isMagnitudeChar, magnitudeOf, readChineseNumeral } from './chinese';
import { newDraft, type Draft } from './draft';
import { readEnglishNumber, wordAt } from './english';
import {
  CURRENCY_PREFIXES, CURRENCY_PREFIX_WORDS, ENGLISH_SCALE_WORDS, MAGNITUDE_UNITS, NOT_AFTER_SHANGXIA,
  PREFIX_QUALIFIERS, PREFIX_QUALIFIER_WORDS, SUFFIX_QUALIFIERS, SUFFIX_QUALIFIER_WORDS, UNITS, UNIT_WORDS,
} from './lexicon';
import {
  asciiDigits, digitAt, isAsciiLetter, isDecimalPoint, isDigit, isGroupSeparator, isInlineSpace, isWordChar,
  matchAt, matchBefore, skipSpaceBack, oneOf } from './text';

/** Place value of the last non-zero digit of an integer (800 → 100, 0 → 1). */
function integerStep(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 1;
  let step = 1;
  while (step < 1e15 && value % (step * 10) === 0) step *= 10;
  return step;
}

/** Digits with grouping ("1 558", "3,500", "1 850") and decimals; version-like "1.2.3" is marked dotted. */
export function readArabicCore(text: string, i: number): Draft {
  let j = i;
  while (isDigit(text, j)) j++;
  const intDigits = j - i;
  let grouped = false;
  if (intDigits <= 3) {
    const separator = text.charAt(j);
    while (
      isGroupSeparator(text, j) && text.charAt(j) === separator &&
      isDigit(text, j + 1) && isDigit(text, j + 2) && isDigit(text, j + 3) && !isDigit(text, j + 4)
    ) {
      j += 4;
      grouped = true;
    }
  }
  const intEnd = j;
  let decimals = 0;
  let dotted = false;
  if (isDecimalPoint(text, j) && isDigit(text, j + 1)) {
    let k = j + 1;
    while (isDigit(text, k)) k++;
    decimals = k - j - 1;
    j = k;
  }
  const valueEnd = j;
  while (isDecimalPoint(text, j) && isDigit(text, j + 1)) {
    dotted = true;
    let k = j + 1;
    while (isDigit(text, k)) k++;
    j = k;
  }
  const written = Number(asciiDigits(text, i, valueEnd));
  const draft = newDraft(i, j, 'arabic');
  draft.written = written;
  draft.integer = decimals === 0;
  draft.precision = decimals === 0 ? 1 : Number(`1e-${decimals}`);
  draft.step = decimals === 0 ? integerStep(written) : draft.precision;
  draft.intDigits = intDigits + (intEnd - i - intDigits) * 3 / 4;
  draft.grouped = grouped;
  draft.dotted = dotted;
  draft.leadingZero = intDigits > 1 && digitAt(text, i) === 0 && !grouped && decimals === 0;
  return draft;
}

/** A Chinese numeral run (两千三百万, 十余, 二〇二二) as a draft, or undefined for a lone 百/千/万/亿. */
export function readChineseCore(text: string, i: number): Draft | undefined {
  const read = readChineseNumeral(text, i, text.length);
  if (!read) return undefined;
  const draft = newDraft(i, read.end, 'chinese');
  draft.written = read.value;
  draft.step = read.step;
  draft.intDigits = String(read.value).length;
  draft.digitByDigit = read.digitByDigit;
  draft.irregular = read.irregular || (read.value === 0 && !read.digitByDigit);
  return draft;
}

/** English number words at a word start, or undefined. */
export function readEnglishCore(text: string, i: number): Draft | undefined {
  const read = readEnglishNumber(text, i);
  if (!read) return undefined;
  const draft = newDraft(i, read.end, 'english');
  const factor = read.scaleWord !== undefined ? magnitudeOf(read.scaleWord) ?? 1 : 1;
  draft.written = read.value / factor;
  draft.step = Math.max(read.step / factor, 1);
  draft.integer = Number.isInteger(read.value);
  if (read.scaleWord !== undefined && factor !== 1) draft.scale = { word: read.scaleWord, factor };
  draft.wordKind = read.kind;
  return draft;
}

/** The unit at `pos`, allowing one space before it; returns the unit's end. */
export function unitAt(text: string, pos: number): { word: string; start: number; end: number } | undefined {
  const direct = matchAt(text, pos, UNIT_WORDS);
  if (direct !== undefined) return { word: direct, start: pos, end: pos + direct.length };
  if (isInlineSpace(text, pos)) {
    const spaced = matchAt(text, pos + 1, UNIT_WORDS);
    // A one-letter unit after a space ("5 m", "3 x") is too often a word of its own.
    if (spaced !== undefined && (spaced.length > 1 || !isAsciiLetter(spaced, 0))) {
      return { word: spaced, start: pos + 1, end: pos + 1 + spaced.length };
    }
  }
  return undefined;
}

const CHENG_NOT_BEFORE = '为立功果本员就长熟效交都型绩分品年人熟败形像份';

/**
 * Reads what follows the numeral: 多/余, a scale (万, 亿, million, bn), a unit, a trailing qualifier.
 * Letters glued to Arabic digits that are no unit make the whole token a name (5G, 3D).
 */
/** Characters that may follow the score unit 分 without making it part of a word. */
const SCORE_FOLLOWERS = '以左上下的之及和与或至到，。；、）';

export function readSuffix(text: string, d: Draft): void {
  let pos = d.coreEnd;
  if (d.script === 'arabic' && isAsciiLetter(text, pos)) {
    const { word, end } = wordAt(text, pos);
    if (word === 'th' || word === 'st' || word === 'nd' || word === 'rd') {
      d.kind = 'ordinal';
      d.end = end;
      return;
    }
    if (word === 's' && d.integer && (d.intDigits === 4 || d.intDigits === 2) && d.written % 10 === 0) {
      d.kind = 'year';
      d.reason = 'year';
      d.end = end;
      return;
    }
    // 5bn, 10k, $5m: "m" and "b" mean million and billion only after a currency sign (else 5m is metres).
    const scaleOk = ['bn', 'mn', 'tn'].includes(word) || (text.charAt(pos) === 'k' && word === 'k') ||
      (d.currency !== undefined && ['m', 'b'].includes(word));
    if (!scaleOk && matchAt(text, pos, UNIT_WORDS) === undefined) {
      let e = pos;
      while (isWordChar(text, e) || ((text.charAt(e) === '-' || text.charAt(e) === '.') && isWordChar(text, e + 1))) e++;
      d.kind = 'name';
      d.reason = 'name';
      d.end = e;
      return;
    }
  }

  let more = false;
  const ch = text.charAt(pos);
  if ((ch === '多' || ch === '余') && isMagnitudeChar(text.charAt(pos + 1)) && text.charAt(pos + 1) !== '十') {
    more = true;
    pos++;
  }
  if (d.script === 'arabic' && matchAt(text, pos, MAGNITUDE_UNITS) === undefined && text.charAt(pos) !== '十') {
    let m = pos;
    while (m - pos < 3 && isMagnitudeChar(text.charAt(m))) m++;
    const factor = m > pos ? magnitudeOf(text.slice(pos, m)) : undefined;
    if (factor !== undefined) {
      d.scale = { word: text.slice(pos, m), factor };
      pos = m;
    }
  } else if (d.script === 'chinese' && more) {
    // 十余万: the magnitude after 余 scales the numeral before it.
    let m = pos;
    while (m - pos < 3 && isMagnitudeChar(text.charAt(m))) m++;
    const factor = magnitudeOf(text.slice(pos, m));
    if (factor !== undefined) {
      d.scale = { word: text.slice(pos, m), factor };
      pos = m;
    }
  }
  if (d.script === 'arabic' && d.scale === undefined) {
    const glued = isAsciiLetter(text, pos);
    const at = glued ? pos : isInlineSpace(text, pos) && isAsciiLetter(text, pos + 1) ? pos + 1 : -1;
    if (at >= 0) {
      const { word, end } = wordAt(text, at);
      const known = matchAt(text, at, ENGLISH_SCALE_WORDS);
      const short = glued && (text.charAt(at) === 'k' && word === 'k' || (d.currency !== undefined && (word === 'm' || word === 'b')));
      if (known !== undefined || short) {
        const factor = magnitudeOf(word);
        if (factor !== undefined) {
          d.scale = { word: text.slice(at, end), factor };
          pos = end;
        }
      }
    }
  }
  const after = text.charAt(pos);
  if (!more && (after === '多' || after === '余' || after === '来' || after === '几') && unitAt(text, pos + 1) !== undefined) {
    more = true;
    pos++;
  }
  if (more) d.qualifier = 'more';
  d.end = pos;

  // 三成, 近两成: tenths, a percentage.
  if (text.charAt(pos) === '成' && d.integer && d.written >= 1 && d.written <= 10 && d.scale === undefined &&
      !oneOf(CHENG_NOT_BEFORE, text.charAt(pos + 1))) {
    d.kind = 'percent';
    d.unit = '成';
    d.written *= 10;
    d.step = 10;
    d.end = pos + 1;
    readTrailingQualifier(text, d);
    return;
  }

  const found = unitAt(text, pos);
  // 分 is a score ("4分") but not the first character of a word ("这一分布", "一分为二").
  const unit = found && found.word === '分' && /\p{Script=Han}/u.test(text.charAt(found.end)) && !oneOf(SCORE_FOLLOWERS, text.charAt(found.end)) ? undefined : found;
  if (unit !== undefined) {
    const info = UNITS.get(unit.word) ?? UNITS.get(unit.word.toLowerCase());
    if (info) {
      d.kind = info.kind;
      d.unit = info.unit;
      if (info.currency !== undefined) d.currency = info.currency;
      d.end = unit.end;
      if (d.kind === 'currency' && text.startsWith('人民币', d.end) && unit.word === '元') d.end += 3;
    }
  } else if (d.currency !== undefined) {
    d.kind = 'currency';
  }
  readTrailingQualifier(text, d);
}

export function readTrailingQualifier(text: string, d: Draft): void {
  if (d.qualifier !== undefined) return;
  const word = matchAt(text, d.end, SUFFIX_QUALIFIER_WORDS);
  if (word === undefined) return;
  if (word === '上下' && oneOf(NOT_AFTER_SHANGXIA, text.charAt(d.end + 2))) return;
  if ((word === '多' || word === '余' || word === '有余' || word === '出头') && d.kind !== 'duration') return;
  if ((word === '强' || word === '弱') && d.kind !== 'percent') return;
  if (word === '+' && isDigit(text, d.end + 1)) return;
  const qualifier = SUFFIX_QUALIFIERS.get(word);
  if (qualifier === undefined) return;
  d.qualifier = qualifier;
  d.end += word.length;
}

const APPROX_NOT_AFTER = '节制条契公签预简大';
const NEAR_NOT_AFTER = '最附临靠亲贴';
const REACH_NOT_AFTER = '到表发传抵下送通转直';

/**
 * Reads what precedes the numeral, never reaching below `floor` (the end of the previous mention):
 * a minus sign, a currency sign or code, 第, and a qualifier.
 */
export function readPrefix(text: string, d: Draft, floor: number): void {
  let s = d.coreStart;
  if (d.script === 'arabic' && s - 1 >= floor) {
    const c = text.charAt(s - 1);
    if ((c === '-' || c === '−') && !(s - 2 >= 0 && (isWordChar(text, s - 2) || text.charAt(s - 2) === '%'))) {
      d.written = -d.written;
      s--;
    }
  }
  const currencyEnd = skipSpaceBack(text, s, floor);
  const currency = matchBefore(text, currencyEnd, floor, CURRENCY_PREFIX_WORDS);
  if (currency !== undefined && (currencyEnd === s || isAsciiLetter(currency, currency.length - 1) || currency === '人民币' || currency === '美元')) {
    const code = CURRENCY_PREFIXES.get(currency) ?? CURRENCY_PREFIXES.get(currency.toUpperCase());
    const start = currencyEnd - currency.length;
    const gluedToWord = isAsciiLetter(currency, 0) && start > 0 && isWordChar(text, start - 1);
    if (code !== undefined && !gluedToWord) {
      d.currency = code;
      if (d.kind === 'plain') d.kind = 'currency';
      s = start;
    }
  }
  const ordinalEnd = skipSpaceBack(text, s, floor);
  if (ordinalEnd - 1 >= floor && text.charAt(ordinalEnd - 1) === '第') {
    d.ordinalMarker = true;
    s = ordinalEnd - 1;
  }
  const qualifierEnd = skipSpaceBack(text, s, floor);
  const word = matchBefore(text, qualifierEnd, floor, PREFIX_QUALIFIER_WORDS);
  if (word !== undefined && d.qualifier === undefined) {
    const start = qualifierEnd - word.length;
    const before = start > 0 ? text.charAt(start - 1) : '';
    const symbol = !isAsciiLetter(word, 0) && word.charCodeAt(0) < 0x2e80;
    const rejected =
      (word === '约' && oneOf(APPROX_NOT_AFTER, before)) ||
      (word === '近' && oneOf(NEAR_NOT_AFTER, before)) ||
      (word === '达' && oneOf(REACH_NOT_AFTER, before)) ||
      (word === '超' && before === '赶') ||
      (symbol && (isDigit(text, start - 1) || before === '%' || (isDigit(text, start - 2) && isInlineSpace(text, start - 1))));
    if (!rejected) {
      d.qualifier = PREFIX_QUALIFIERS.get(word) ?? PREFIX_QUALIFIERS.get(word.toLowerCase());
      s = start;
    }
  }
  d.start = s;
}
