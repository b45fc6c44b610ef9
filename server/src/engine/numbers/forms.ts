// Numbers written in special forms: citation markers, circled ordinals, dates in figures, names glued to
// digits, English number words, 百分之…, 半数, 三分之一's relatives, and rough magnitudes (上千, 数百).

import { isChineseNumeralChar, magnitudeOf } from './chinese';
import { classify } from './classify';
import { newDraft, type Draft } from './draft';
import { TIME_WORDS, foldMultiple, mayStartNumber, readFraction, wordAt } from './english';
import { CODE_CUES, CURRENCY_PREFIXES, ENGLISH_RANK_CUES } from './lexicon';
import { readArabicCore, readChineseCore, readEnglishCore, readPrefix, readSuffix, readTrailingQualifier } from './scan';
import { asciiDigits, isAsciiLetter, isDigit, isWordChar, matchBefore, oneOf, skipSpaceBack } from './text';

const CITATION_CLOSE: Readonly<Record<string, string>> = { '[': ']', '［': '］', '〔': '〕' };
const CITATION_INNER = ',，、;；-–—~^ \u2009';

export function isCitationOpen(ch: string): boolean {
  return CITATION_CLOSE[ch] !== undefined;
}

export function labelDraft(start: number, end: number, value: number, kind: Draft['kind'], reason: NonNullable<Draft['reason']>): Draft {
  const d = newDraft(start, end, 'arabic');
  d.written = value;
  d.kind = kind;
  d.reason = reason;
  d.intDigits = String(value).length;
  return d;
}

/** ①–⑳, ⑴–⒇, ⒈–⒛, ❶–❿: list ordinals. */
export function circledValue(code: number): number {
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  if (code >= 0x2474 && code <= 0x2487) return code - 0x2474 + 1;
  if (code >= 0x2488 && code <= 0x249b) return code - 0x2488 + 1;
  if (code >= 0x2776 && code <= 0x277f) return code - 0x2776 + 1;
  return 0;
}

/** [12], [1-5], [1,3], ［3］, 〔1〕: one citation label over the numbers inside. */
export function readCitation(text: string, open: number): { draft: Draft; resume: number } | undefined {
  const close = CITATION_CLOSE[text.charAt(open)];
  let j = open + 1;
  let first = -1;
  let last = -1;
  while (j < text.length && j - open <= 40) {
    if (isDigit(text, j)) {
      if (first < 0) first = j;
      last = j + 1;
    } else if (!oneOf(CITATION_INNER, text.charAt(j))) {
      break;
    }
    j++;
  }
  if (first < 0 || text.charAt(j) !== close) return undefined;
  let firstEnd = first;
  while (isDigit(text, firstEnd)) firstEnd++;
  return { draft: labelDraft(first, last, Number(asciiDigits(text, first, firstEnd)), 'label', 'citation'), resume: j + 1 };
}


/** 2023-09-07, 2022/10/7, 2023.9.7, 2022/10: a date written in figures, year first. */
export function readNumericDate(text: string, i: number): Draft | undefined {
  for (let k = 0; k < 4; k++) if (!isDigit(text, i + k)) return undefined;
  if (isDigit(text, i + 4) || isDigit(text, i - 1)) return undefined;
  const year = Number(asciiDigits(text, i, i + 4));
  const sep = text.charAt(i + 4);
  if (year < 1000 || year > 2199 || !oneOf('-/.', sep)) return undefined;
  const part = (at: number, max: number): number => {
    let e = at;
    while (isDigit(text, e) && e - at < 3) e++;
    const n = e - at;
    return n >= 1 && n <= 2 && Number(asciiDigits(text, at, e)) >= 1 && Number(asciiDigits(text, at, e)) <= max ? e : -1;
  };
  const monthEnd = part(i + 5, 12);
  if (monthEnd < 0) return undefined;
  const dayEnd = text.charAt(monthEnd) === sep ? part(monthEnd + 1, 31) : -1;
  // "2018-2020" is a range of years and "2022.10" a decimal; a year and month alone need a slash.
  if (dayEnd < 0 && sep !== '/') return undefined;
  return labelDraft(i, dayEnd < 0 ? monthEnd : dayEnd, year, 'date', 'date');
}

/**
 * An ASCII word: a name glued to digits (GPT-4, H100, V3.2, COVID-19, F213.2), a currency code before
 * digits (RMB100), an English number (twenty-five, a million, twice, threefold), or nothing.
 */
export function readWord(text: string, i: number, floor: number): { draft?: Draft; resume: number } {
  let e = i;
  while (isAsciiLetter(text, e)) e++;
  const letters = text.slice(i, e);
  if (isDigit(text, e) || ((text.charAt(e) === '-' || text.charAt(e) === '_') && isDigit(text, e + 1))) {
    if (isDigit(text, e) && CURRENCY_PREFIXES.has(letters) && letters === letters.toUpperCase()) return { resume: e };
    let t = e;
    while (isWordChar(text, t) || (oneOf('-._', text.charAt(t)) && isWordChar(text, t + 1))) t++;
    const token = text.slice(i, t);
    let firstDigit = e;
    while (!isDigit(text, firstDigit)) firstDigit++;
    let digitsEnd = firstDigit;
    while (isDigit(text, digitsEnd)) digitsEnd++;
    const value = Number(asciiDigits(text, firstDigit, digitsEnd));
    const window = text.slice(Math.max(0, i - 24), i);
    const dotted = token.includes('.');
    const reason = /^v(ersion)?$/i.test(letters) ? 'version'
      : CODE_CUES.some((cue) => window.includes(cue)) || (dotted && letters.length === 1) ? 'code'
      : 'name';
    return { draft: labelDraft(i, t, value, reason === 'name' ? 'name' : 'label', reason), resume: t };
  }
  if (!mayStartNumber(letters.toLowerCase())) return { resume: e };
  const fold = foldMultiple(letters.toLowerCase());
  if (fold !== undefined) {
    const d = labelDraft(i, e, fold, 'multiple', 'name');
    d.reason = undefined;
    d.script = 'english';
    d.unit = '×';
    readPrefix(text, d, floor);
    return { draft: d, resume: e };
  }
  const a = letters.toLowerCase() === 'a' || letters.toLowerCase() === 'an';
  const core = readEnglishCore(text, i);
  const fraction = core === undefined && a ? readFraction(text, e, 1)
    : core !== undefined && core.scale === undefined && core.wordKind === 'cardinal' ? readFraction(text, core.end, core.written)
    : undefined;
  if (fraction !== undefined) {
    // two-thirds, a quarter: a share.
    const d = labelDraft(i, fraction.end, fraction.percent, 'percent', 'name');
    d.reason = undefined;
    d.script = 'english';
    d.integer = false;
    d.precision = 0.01;
    d.step = 0.01;
    readPrefix(text, d, floor);
    return { draft: d, resume: d.end };
  }
  if (!core) return { resume: e };
  if (text.charAt(core.end) === '-' && isAsciiLetter(text, core.end + 1) && core.wordKind === 'cardinal') {
    // five-year plan, two-way trade: an adjective, not a figure.
    const next = wordAt(text, core.end + 1);
    if (next.word !== 'fold' && next.word !== 'plus') {
      const time = TIME_WORDS.has(next.word);
      core.end = next.end;
      core.kind = time ? 'duration' : 'plain';
      core.reason = time ? 'time-span' : 'idiom';
      return { draft: core, resume: core.end };
    }
  }
  if (core.wordKind === 'ordinal') {
    const cue = matchBefore(text, skipSpaceBack(text, i, floor), floor, ENGLISH_RANK_CUES);
    if (cue === undefined) return { resume: e };
    core.kind = 'rank';
    return { draft: core, resume: core.end };
  }
  if (core.wordKind === 'multiple') {
    if (letters.toLowerCase() === 'half') {
      if (wordAt(text, core.end + 1).word !== 'of') return { resume: e };
      core.kind = 'percent';
      core.written = 50;
      core.step = 50;
    } else {
      core.kind = 'multiple';
      core.unit = '×';
    }
    readPrefix(text, core, floor);
    return { draft: core, resume: core.end };
  }
  readPrefix(text, core, floor);
  readSuffix(text, core);
  classify(text, core, floor);
  return { draft: core, resume: core.end };
}

/** 百分之三十, 百分之3.5, 千分之五. */
export function readPerCent(text: string, i: number, floor: number): Draft | undefined {
  const at = i + 3;
  const core = isDigit(text, at) ? readArabicCore(text, at) : isChineseNumeralChar(text.charAt(at)) ? readChineseCore(text, at) : undefined;
  if (!core) return undefined;
  const d: Draft = core;
  const permille = text.charAt(i) === '千';
  d.kind = permille ? 'permille' : 'percent';
  d.unit = permille ? '‰' : '%';
  d.coreStart = i;
  d.start = i;
  readPrefix(text, d, floor);
  readTrailingQualifier(text, d);
  return d;
}

/** 半数, 过半, 超过半数, 半数以上: a share of one half. */
export function readHalf(text: string, i: number, floor: number): Draft | undefined {
  const guo = text.charAt(i - 1) === '过' && i - 1 >= floor && text.charAt(i - 2) !== '超';
  if (text.charAt(i + 1) !== '数' && !guo) return undefined;
  const d = labelDraft(i, text.charAt(i + 1) === '数' ? i + 2 : i + 1, 50, 'percent', 'name');
  d.reason = undefined;
  d.step = 50;
  d.script = 'chinese';
  if (guo) {
    d.start = i - 1;
    d.qualifier = 'over';
  } else {
    readPrefix(text, d, floor);
  }
  readTrailingQualifier(text, d);
  const q = d.qualifier;
  d.fixed = q === 'over' || q === 'atLeast' || q === 'more' ? { low: 50, high: 100 }
    : q === 'nearly' ? { low: 45, high: 50 }
    : q === 'approx' ? { low: 45, high: 55 }
    : q === 'under' || q === 'atMost' ? { low: 0, high: 50 }
    : { low: 50, high: 50 };
  return d;
}


/**
 * A magnitude without a digit: 上千 (a thousand or more), 数百 and 几十 (some hundreds, tens), 逾百, 近万;
 * read as [M, 10M) or as M under its qualifier. A lone 百 or 万 with no cue is a word (百姓, 万物).
 */
export function readRoughMagnitude(text: string, core: Draft, floor: number): { draft?: Draft; resume: number } {
  const i = core.coreStart;
  const factor = magnitudeOf(text.slice(i, core.coreEnd));
  if (factor === undefined) return { resume: core.end };
  const d: Draft = core;
  d.written = factor;
  d.step = factor;
  const cue = i - 1 >= floor ? text.charAt(i - 1) : '';
  if (oneOf('上数几', cue)) {
    d.start = i - 1;
    d.qualifier = cue === '上' ? 'atLeast' : 'approx';
    d.fixed = { low: factor, high: 10 * factor };
    readSuffix(text, d);
    d.start = i - 1;
    return { draft: d, resume: d.end };
  }
  readPrefix(text, d, floor);
  if (d.qualifier === undefined || d.currency !== undefined) return { resume: core.end };
  readSuffix(text, d);
  if (d.qualifier === undefined) return { resume: core.end };
  return { draft: d, resume: d.end };
}

export function readHalfOfOne(core: Draft, text: string): Draft {
  core.end = core.coreEnd + 1;
  core.coreEnd = core.end;
  core.written = 50;
  core.step = 50;
  core.kind = 'percent';
  readTrailingQualifier(text, core);
  return core;
}
