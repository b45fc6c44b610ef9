// The number reader: finds every number in a sentence or paragraph of prose as policy drafts write them
// (1 558.1亿美元, 约1.78万人, 34%以上, 两千三百万, 三成, ranked 13th, 5-10 million) and says what each
// is — a statistic with its interval, unit and qualifier, or a year, reference, ordinal or name and why.
// Pure and linear: one left-to-right pass with bounded look-arounds, then one pass joining ranges and dates.

import { isChineseNumeralChar, isMagnitudeChar } from './chinese';
import { classify } from './classify';
import { toMention, type Draft } from './draft';
import {
  circledValue, isCitationOpen, labelDraft, readCitation, readHalf, readHalfOfOne, readNumericDate, readPerCent,
  readRoughMagnitude, readWord,
} from './forms';
import { joinRangesAndDates } from './join';
import { readArabicCore, readChineseCore, readPrefix, readSuffix, readTrailingQualifier } from './scan';
import { asciiDigits, isAsciiLetter, isDigit, oneOf } from './text';
import type { NumberMention } from './types';

export type * from './types';
export { parseChineseNumeral, magnitudeOf } from './chinese';

const CHINESE_COUNTING = '零〇一二三四五六七八九两壹贰叁肆伍陆柒捌玖十拾';

/** What a character may start, by char code: nothing, a number, or a word if no ASCII letter precedes it. */
const NOTHING = 0;
const NUMBER = 1;
const WORD = 2;
/**
 * One table look-up per character: the scan looks at every character of every sentence, and most start nothing.
 * Numbers start at a digit (ASCII or full-width), a citation bracket, a circled ordinal (①, ⑴, ⒈, ❶) or a
 * Chinese numeral; English number words and names glued to digits (GPT-4) at the first letter of a word.
 */
const STARTS = new Uint8Array(0x10000);
for (const ch of '0123456789０１２３４５６７８９[［〔半零〇一二三四五六七八九两壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿') STARTS[ch.charCodeAt(0)] = NUMBER;
for (let code = 0x2460; code <= 0x277f; code++) if (circledValue(code) > 0) STARTS[code] = NUMBER;
for (let code = 0x41; code <= 0x7a; code++) if (code <= 0x5a || code >= 0x61) STARTS[code] = WORD;

/**
 * Where a scan stands: the drafts kept so far, the end of the last one (no later number reaches back before it),
 * the position. A plain object from one literal, not a class instance: see Draft on why shapes must last.
 */
interface Scan {
  readonly drafts: Draft[];
  floor: number;
  i: number;
}

/** Keeps a draft and moves past it, and past `resume` when the reader consumed more (a citation's bracket). */
function accept(scan: Scan, d: Draft, resume = d.end): void {
  d.start = Math.max(d.start, scan.floor);
  scan.drafts.push(d);
  scan.floor = d.end;
  scan.i = Math.max(scan.i + 1, resume, d.end);
}

/** Reads every number in `text`: sorted by start, never overlapping. */
export function readNumbers(text: string): readonly NumberMention[] {
  const scan: Scan = { drafts: [], floor: 0, i: 0 };
  while (scan.i < text.length) {
    // Fast path: most characters of a paper start no number.
    let i = scan.i;
    let starts = STARTS[text.charCodeAt(i)];
    while (starts === NOTHING || (starts === WORD && isAsciiLetter(text, i - 1))) {
      if (++i >= text.length) break;
      starts = STARTS[text.charCodeAt(i)];
    }
    scan.i = i;
    if (i >= text.length) break;
    const code = text.charCodeAt(i);
    const ch = text.charAt(i);
    if (isCitationOpen(ch)) {
      const citation = readCitation(text, i);
      if (citation) {
        accept(scan, citation.draft, citation.resume);
        continue;
      }
    }
    const circled = circledValue(code);
    if (circled > 0) {
      accept(scan, labelDraft(i, i + 1, circled, 'ordinal', 'list-ordinal'));
      continue;
    }
    if (isDigit(text, i)) {
      accept(scan, readArabic(text, i, scan.floor));
      continue;
    }
    if (isAsciiLetter(text, i) && !isAsciiLetter(text, i - 1)) {
      const word = readWord(text, i, scan.floor);
      if (word.draft) accept(scan, word.draft);
      else scan.i = word.resume;
      continue;
    }
    if (text.startsWith('百分之', i) || text.startsWith('千分之', i)) {
      const d = readPerCent(text, i, scan.floor);
      if (d) {
        accept(scan, d);
        continue;
      }
    }
    if (ch === '半') {
      const d = readHalf(text, i, scan.floor);
      if (d) {
        accept(scan, d);
        continue;
      }
    }
    if (isChineseNumeralChar(ch)) {
      const chinese = readChinese(text, i, scan.floor);
      if (chinese.draft) accept(scan, chinese.draft);
      else scan.i = chinese.resume;
      continue;
    }
    scan.i++;
  }
  return joinRangesAndDates(text, scan.drafts).map((d) => toMention(text, d));
}


function readArabic(text: string, i: number, floor: number): Draft {
  const date = readNumericDate(text, i);
  if (date) return date;
  const core = readArabicCore(text, i);
  const d: Draft = core;
  readPrefix(text, d, floor);
  if (readArabicFraction(text, d)) return d;
  if (!core.dotted) readSuffix(text, d);
  classify(text, d, floor);
  return d;
}


/** A run of Chinese numeral characters: a number, a fraction (三分之一), or a word (一定, 千万) skipped. */
/** 1/3, 2/5: a proper fraction written in figures, read as a share in percent. */
function readArabicFraction(text: string, d: Draft): boolean {
  if (!d.integer || d.grouped || text.charAt(d.coreEnd) !== '/' || !isDigit(text, d.coreEnd + 1)) return false;
  let e = d.coreEnd + 1;
  while (isDigit(text, e) && e - d.coreEnd <= 4) e++;
  const denominator = Number(asciiDigits(text, d.coreEnd + 1, e));
  if (isDigit(text, e) || text.charAt(e) === '/' || !(d.written > 0 && d.written < denominator && denominator <= 1000)) return false;
  d.written = Number(((d.written / denominator) * 100).toPrecision(4));
  d.integer = false;
  d.step = 0.01;
  d.precision = 0.01;
  d.kind = 'percent';
  d.unit = '/';
  d.end = e;
  return true;
}

function readChinese(text: string, i: number, floor: number): { draft?: Draft; resume: number } {
  const core = readChineseCore(text, i);
  if (!core) return { resume: i + 1 };
  const run = text.slice(i, core.end);
  // A lone formal numeral or zero is a word part far more often than a number: 队伍, 大陆, 零部件.
  if (run.length === 1 && '零〇壹贰叁肆伍陆柒捌玖拾佰仟'.includes(run)) return { resume: core.end };
  const counting = [...run].some((c) => CHINESE_COUNTING.includes(c));
  if (!counting) {
    // 上千, 数百, 几万: a rough magnitude, read as [M, 10M); a lone 百 or 万 elsewhere is a word (百姓, 万物).
    return readRoughMagnitude(text, core, floor);
  }
  if (oneOf('数几', text.charAt(i - 1)) && i - 1 >= floor && oneOf('十百千万', run.charAt(0))) {
    // 几十个, 数十万: tens (hundreds …) of.
    return readRoughMagnitude(text, core, floor);
  }
  if (text.startsWith('分之', core.end)) {
    const numerator = readChineseCore(text, core.end + 2);
    if (numerator && core.written > 0) {
      const d: Draft = numerator;
      d.coreStart = i;
      d.start = i;
      d.written = Number(((numerator.written / core.written) * 100).toPrecision(4));
      d.step = 0.01;
      d.precision = 0.01;
      d.integer = false;
      d.kind = 'percent';
      d.unit = '分之';
      readPrefix(text, d, floor);
      readTrailingQualifier(text, d);
      return { draft: d, resume: d.end };
    }
  }
  if (text.charAt(core.end) === '番' && (text.charAt(i - 1) === '翻' || text.slice(i - 2, i) === '翻了')) {
    // 翻一番 doubles, 翻两番 quadruples.
    const d: Draft = core;
    d.start = text.charAt(i - 1) === '翻' ? i - 1 : i - 2;
    d.start = Math.max(d.start, floor);
    d.written = 2 ** core.written;
    d.kind = 'multiple';
    d.unit = '番';
    d.end = core.end + 1;
    return { draft: d, resume: d.end };
  }
  if (run === '一' && text.charAt(core.end) === '半') {
    const d = readHalfOfOne(core, text);
    readPrefix(text, d, floor);
    return { draft: d, resume: d.end };
  }
  const d: Draft = core;
  readPrefix(text, d, floor);
  readSuffix(text, d);
  classify(text, d, floor);
  if (isMagnitudeChar(text.charAt(d.end - 1)) && d.end === core.end && d.reason === 'idiom') return { resume: core.end };
  return { draft: d, resume: d.end };
}

