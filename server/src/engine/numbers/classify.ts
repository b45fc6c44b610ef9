// Deciding what a number is from its surroundings: a year, a date, a reference to a figure or section,
// a list ordinal, a name, a code, an idiom — or a statistic. All look-arounds are bounded windows.

import type { Draft } from './draft';
import {
  CODE_CUES, DURATION_STAT_CUES, ENGLISH_RANK_CUES, FIGURE_WORDS, GENERIC_MEASURES, MONTH_WORDS, NOT_BEFORE_FIGURE,
  NUMERAL_NAMES, ORDINAL_SUFFIXES, ORDINAL_SUFFIX_WORDS, RANK_CUES, SECTION_WORDS, TIME_WINDOW_AFTER, VERSION_WORDS,
} from './lexicon';
import { TIME_WORDS, wordAt } from './english';
import { digitAt, isAsciiLetter, isDecimalPoint, isDigit, isHan, isInlineSpace, matchAt, matchBefore, skipSpace, skipSpaceBack, oneOf } from './text';

const CLAUSE_BREAKS = '，。；：！？,.;:!?\n\r、（）()“”"‘’《》';
const LIST_BEFORE = '，。；：！？;:!?\n\r\t （(\uFFFC';
const SCALE_DEFINITION_CUES = ['范围', '满分', '评分', 'scale of', 'out of', 'range of'];

function hasCue(window: string, cues: readonly string[]): boolean {
  if (window.length === 0) return false;
  const lower = window.toLowerCase();
  return cues.some((cue) => lower.includes(cue));
}

function windowBefore(text: string, end: number, floor: number, size: number): string {
  return text.slice(Math.max(floor, end - size), end);
}

/** Text before `end` back to the nearest clause break, at most `size` characters. */
function clauseBefore(text: string, end: number, size: number): string {
  let s = end;
  while (s > 0 && end - s < size && !oneOf(CLAUSE_BREAKS, text.charAt(s - 1))) s--;
  return text.slice(s, end);
}

/** 1000–2199 before 年; a bare number only from 1800, since 1000 or 1200 alone is more often a count. */
function isYearLike(d: Draft): boolean {
  const min = d.unit === '年' ? 1000 : 1800;
  if (!d.integer || d.scale !== undefined || d.written < min || d.written > 2199) return false;
  return d.script === 'arabic' ? d.intDigits === 4 && !d.grouped : d.digitByDigit;
}

function setReason(d: Draft, kind: Draft['kind'], reason: NonNullable<Draft['reason']>, end?: number): void {
  d.kind = kind;
  d.reason = reason;
  if (end !== undefined) d.end = end;
}

function atTextStart(text: string, pos: number): boolean {
  let s = pos;
  while (s > 0 && (isInlineSpace(text, s - 1) || text.charAt(s - 1) === '\uFFFC' || text.charAt(s - 1) === '\t')) s--;
  // A converted document may put an anchor such as "[bookmark: _Hlk…]" right before a heading number.
  return s === 0 || text.charAt(s - 1) === '\n' || (text.charAt(s - 1) === ']' && anchorBefore(text, s - 1));
}

/** Whether the "]" at `close` ends a short bracketed anchor that starts a line: "[bookmark: _Hlk…]". */
function anchorBefore(text: string, close: number): boolean {
  for (let k = close - 1; k >= 0 && close - k <= 40; k--) {
    const c = text.charAt(k);
    if (c === '[') return k === 0 || text.charAt(k - 1) === '\n';
    if (c === ']' || c === '\n') return false;
  }
  return false;
}

/** Dates, times, years and durations from the character right after the numeral. */
function classifyTime(text: string, d: Draft, floor: number): boolean {
  const after = text.charAt(d.coreEnd);
  const bare = d.scale === undefined && d.integer && d.qualifier === undefined && !d.ordinalMarker;
  if (bare && after === '月' && d.written >= 1 && d.written <= 12) {
    setReason(d, 'date', 'date', d.coreEnd + 1);
    return true;
  }
  if (bare && (after === '日' || (after === '号' && text.charAt(d.coreStart - 1) === '月')) && d.written >= 1 && d.written <= 31) {
    setReason(d, 'date', 'date', d.coreEnd + 1);
    return true;
  }
  if (bare && (after === ':' || after === '：') && d.written <= 24 && isDigit(text, d.coreEnd + 1) && isDigit(text, d.coreEnd + 2) &&
      !isDigit(text, d.coreEnd + 3) && digitAt(text, d.coreEnd + 1) <= 5) {
    setReason(d, 'time', 'time', d.coreEnd + 3);
    return true;
  }
  if (bare && (after === '时' || after === '点') && d.written <= 24 &&
      (isDigit(text, d.coreEnd + 1) || /(上午|下午|晚上|凌晨|早上|中午|傍晚)$/.test(windowBefore(text, d.coreStart, floor, 2)))) {
    let e = d.coreEnd + 1;
    const minutes = e;
    while (isDigit(text, e) && e - minutes < 2) e++;
    if (e > minutes && text.charAt(e) === '分') e++;
    setReason(d, 'time', 'time', e);
    return true;
  }
  if (text.startsWith('世纪', d.coreEnd) && d.integer && d.written <= 30) {
    setReason(d, 'year', 'year', d.coreEnd + 2);
    return true;
  }
  if (d.unit === '年' || (d.kind === 'count' && d.unit === '起' && isYearLike(d))) {
    if (text.charAt(d.end) === '代' && d.integer) {
      setReason(d, 'year', 'year', d.end + 1);
      d.unit = undefined;
      return true;
    }
    if (isYearLike(d) && d.qualifier === undefined) {
      setReason(d, 'year', 'year', d.unit === '年' && text.charAt(d.end) === '度' ? d.end + 1 : d.unit === '年' ? d.end : d.coreEnd);
      d.unit = undefined;
      return true;
    }
  }
  if (isYearLike(d) && d.unit === undefined && d.currency === undefined && d.qualifier === undefined) {
    // A bare 1000–2199 is a year: "2023 revenue", "the 2022 report". Counts that size are grouped or carry a unit.
    setReason(d, 'year', 'year');
    return true;
  }
  if (isYearLike(d) && d.unit === undefined && d.currency === undefined && d.qualifier === 'approx' && !countedNounFollows(text, d.end)) {
    // "due around 2026", "by about 2030.": an approximate date; "about 2000 firms" stays a count.
    setReason(d, 'year', 'year', d.coreEnd);
    d.qualifier = undefined;
    d.start = d.coreStart;
    return true;
  }
  return false;
}

/** Whether an English word that is not a function word follows (the thing being counted). */
function countedNounFollows(text: string, end: number): boolean {
  let i = end;
  while (text.charAt(i) === ' ') i++;
  if (!isAsciiLetter(text, i)) return false;
  return !STOP_WORDS.has(wordAt(text, i).word);
}

const STOP_WORDS = new Set([
  'of', 'to', 'and', 'or', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'the', 'a', 'an', 'is', 'are', 'was', 'were',
  'be', 'per', 'than', 'as', 'that', 'which', 'who', 'it', 'its', 'this', 'these', 'those', 'but', 'if', 'when', 'while',
  'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'not', 'so', 'up', 'out', 'into', 'over', 'under',
]);

function countNounAfter(text: string, end: number): boolean {
  if (!isInlineSpace(text, end) || !isAsciiLetter(text, end + 1)) return false;
  const c = text.charCodeAt(end + 1);
  if (c < 0x61) return false;
  return !STOP_WORDS.has(wordAt(text, end + 1).word);
}

/** English dates: "March 2023", "7 March 2023", "March 7, 2023". */
function classifyEnglishDate(text: string, d: Draft, floor: number): boolean {
  if (d.script !== 'arabic' || !d.integer || d.scale !== undefined || d.unit !== undefined || d.qualifier !== undefined) return false;
  const before = skipSpaceBack(text, d.coreStart, floor);
  const monthBefore = before < d.coreStart ? matchBefore(text, before, floor, MONTH_WORDS) : undefined;
  const monthAfterStart = skipSpace(text, d.coreEnd);
  const monthAfter = monthAfterStart > d.coreEnd ? matchAt(text, monthAfterStart, MONTH_WORDS) : undefined;
  const isDay = d.written >= 1 && d.written <= 31 && d.intDigits <= 2;
  const isYear = d.intDigits === 4 && d.written >= 1000 && d.written <= 2199;
  if (monthBefore !== undefined && (isDay || isYear) && !(monthBefore === 'may' && text.charAt(before - 3) === 'm')) {
    d.start = before - monthBefore.length;
    let end = d.coreEnd;
    if (isDay && text.charAt(end) === ',' && isInlineSpace(text, end + 1) && isDigit(text, end + 2)) {
      let e = end + 2;
      while (isDigit(text, e) && e - end < 7) e++;
      if (e - end - 2 === 4) end = e;
    }
    setReason(d, 'date', 'date', end);
    return true;
  }
  if (monthAfter !== undefined && isDay && monthAfter !== 'may') {
    let end = monthAfterStart + monthAfter.length;
    if (isInlineSpace(text, end) && isDigit(text, end + 1) && isDigit(text, end + 4) && !isDigit(text, end + 5)) end += 5;
    setReason(d, 'date', 'date', end);
    return true;
  }
  return false;
}

/** Figure, table and section references; heading numbers. */
function classifyReference(text: string, d: Draft, floor: number): boolean {
  if (d.qualifier !== undefined || d.currency !== undefined || d.ordinalMarker) return false;
  let before = skipSpaceBack(text, d.coreStart, floor);
  if (text.charAt(before - 1) === '(' && before - 1 >= floor) before = skipSpaceBack(text, before - 1, floor);
  const figure = matchBefore(text, before, floor, FIGURE_WORDS);
  if (figure !== undefined && !(isHan(figure, 0) && oneOf(NOT_BEFORE_FIGURE, text.charAt(before - figure.length - 1)))) {
    d.start = before - figure.length;
    setReason(d, 'label', 'figure-ref', d.coreEnd);
    d.unit = undefined;
    return true;
  }
  const section = matchBefore(text, before, floor, SECTION_WORDS);
  if (section !== undefined && section !== '第') {
    d.start = before - section.length;
    setReason(d, 'label', /^(no\.|#|vol\.)$/i.test(section) ? 'code' : 'section-ref', d.coreEnd);
    return true;
  }
  if (matchBefore(text, before, floor, VERSION_WORDS) !== undefined || text.startsWith('版', d.coreEnd)) {
    setReason(d, 'label', 'version', d.coreEnd);
    d.unit = undefined;
    return true;
  }
  const after = text.charAt(d.coreEnd);
  if ((after === '节' || after === '章') && d.scale === undefined) {
    setReason(d, 'label', 'section-ref', d.coreEnd + 1);
    return true;
  }
  if (d.script === 'arabic' && atTextStart(text, d.coreStart) && d.unit === undefined && d.scale === undefined) {
    const c = text.charAt(d.coreEnd);
    const next = text.charAt(d.coreEnd + 1);
    if ((c === '、' || c === ')' || c === '）' || ((c === '.' || c === '．') && (isInlineSpace(text, d.coreEnd + 1) || isHan(text, d.coreEnd + 1)))) && d.integer) {
      setReason(d, 'ordinal', 'list-ordinal', d.coreEnd + 1);
      return true;
    }
    const spaced = c === '\t' || (isInlineSpace(text, d.coreEnd) && (isInlineSpace(text, d.coreEnd + 1) || isHan(text, d.coreEnd + 1) || /[A-Z]/.test(next)));
    if (spaced && (!d.integer || d.dotted || d.written < 100)) {
      setReason(d, 'label', 'section-ref', d.coreEnd);
      return true;
    }
  }
  // 1.2.3, and 4.0 / 3.0 with no unit: "工业4.0", "Web 3.0" are versions or names, not measurements.
  const pointZero = d.script === 'arabic' && d.coreEnd - d.coreStart >= 3 && text.charAt(d.coreEnd - 1) === '0' &&
    isDecimalPoint(text, d.coreEnd - 2) && d.unit === undefined && d.scale === undefined && d.kind === 'plain';
  if (d.dotted || pointZero) {
    setReason(d, 'label', 'version', d.coreEnd);
    return true;
  }
  return false;
}

/** 第N: rank (排名第6名, 第43位, 位居第二), a section (第3章), an issue (第2期), an enumeration or an ordinal. */
function classifyOrdinalMarker(text: string, d: Draft): void {
  const at = skipSpace(text, d.coreEnd);
  const suffix = matchAt(text, at, ORDINAL_SUFFIX_WORDS);
  d.unit = undefined;
  d.currency = undefined;
  d.qualifier = undefined;
  d.end = d.coreEnd;
  const role = suffix === undefined ? undefined : ORDINAL_SUFFIXES.get(suffix);
  // 第 sits right before the numeral or one space before it ("第 6 位").
  const markerAt = text.charAt(d.coreStart - 1) === '第' ? d.coreStart - 1 : d.coreStart - 2;
  d.start = Math.max(d.start, markerAt);
  const cueWindow = clauseBefore(text, markerAt, 8);
  const rankCue = RANK_CUES.some((cue) => cueWindow.includes(cue));
  const biggest = text.charAt(at) === '大' && role === undefined;
  if (role === 'rank' || biggest || (rankCue && (role === undefined || role === 'ordinal'))) {
    d.kind = 'rank';
    if (role === 'rank' && suffix !== undefined) {
      d.unit = suffix;
      d.end = at + suffix.length;
    } else if (biggest) {
      // 第一大贸易伙伴, 第二大经济体: the rank by size.
      d.unit = '大';
      d.end = at + 1;
    }
    return;
  }
  if (suffix !== undefined && role !== undefined) {
    setReason(d, role === 'ordinal' ? 'ordinal' : 'label', role === 'section-ref' ? 'section-ref' : 'ordinal', at + suffix.length);
    return;
  }
  const next = text.charAt(d.coreEnd);
  if (oneOf('，,、：:', next) || next === '是') {
    setReason(d, 'ordinal', 'list-ordinal');
    return;
  }
  setReason(d, 'ordinal', 'ordinal');
}

const OPEN_QUOTES = '“‘「『"\'';
const CLOSE_QUOTES = '”’」』"\'';

function inShortQuote(text: string, d: Draft): boolean {
  let s = d.coreStart - 1;
  while (s >= 0 && d.coreStart - s <= 6 && !oneOf(OPEN_QUOTES, text.charAt(s))) {
    if (oneOf(CLAUSE_BREAKS, text.charAt(s)) && !oneOf('”’"', text.charAt(s))) return false;
    s--;
  }
  if (s < 0 || d.coreStart - s > 6) return false;
  let e = d.end;
  while (e < text.length && e - d.end <= 6 && !oneOf(CLOSE_QUOTES, text.charAt(e))) {
    if (oneOf(CLAUSE_BREAKS, text.charAt(e))) return false;
    e++;
  }
  return e < text.length && e - d.end <= 6;
}

/**
 * For each character of a numeral name, the names that hold it and where: a name covering the numeral's first
 * character must hold that character. In NUMERAL_NAMES order (longest first), then by start, as a scan of every
 * name at every start would find them; only these few are compared with the text.
 */
const NAMES_BY_CHAR: ReadonlyMap<string, readonly { readonly name: string; readonly offset: number }[]> = (() => {
  const map = new Map<string, { name: string; offset: number }[]>();
  for (const name of NUMERAL_NAMES.words) {
    for (let offset = name.length - 1; offset >= 0; offset--) {
      const list = map.get(name.charAt(offset)) ?? [];
      list.push({ name, offset });
      map.set(name.charAt(offset), list);
    }
  }
  return map;
})();

/** A numeral name (十四五, 一带一路) that covers the draft's first numeral character. */
function numeralName(text: string, d: Draft): { start: number; end: number } | undefined {
  if (d.script !== 'chinese') return undefined;
  for (const { name, offset } of NAMES_BY_CHAR.get(text.charAt(d.coreStart)) ?? []) {
    const start = d.coreStart - offset;
    if (start >= 0 && text.startsWith(name, start)) return { start, end: start + name.length };
  }
  return undefined;
}

/** Chinese numerals used as words: 一个, 两国, 一系列, 一是, 其二, 二十大. */
function classifyChineseWord(text: string, d: Draft): boolean {
  const before = text.charAt(d.coreStart - 1);
  const after = text.charAt(d.coreEnd);
  if (d.written <= 10 && d.unit === undefined && d.qualifier === undefined &&
      (after === '是' || after === '、' || after === '则') && (d.coreStart === 0 || oneOf(LIST_BEFORE, before))) {
    setReason(d, 'ordinal', 'list-ordinal', after === '、' ? d.coreEnd + 1 : d.coreEnd);
    return true;
  }
  if ((before === '（' || before === '(') && (after === '）' || after === ')') && d.written <= 30 && d.unit === undefined) {
    // （一）、（二）: numbered paragraphs.
    d.start = d.coreStart - 1;
    setReason(d, 'ordinal', 'list-ordinal', d.coreEnd + 1);
    return true;
  }
  if (before === '其' && d.written <= 10 && d.unit === undefined) {
    d.start = d.coreStart - 1;
    setReason(d, 'ordinal', 'list-ordinal');
    return true;
  }
  if (d.digitByDigit && d.unit !== undefined && d.written < 100 && d.unit !== '年') {
    // 两三个, 三五家: "a few", not a figure.
    setReason(d, d.kind, 'idiom');
    return true;
  }
  // 九一八, 五四: numerals read digit by digit name events and codes; 十四五 is no well-formed number.
  const digitName = d.digitByDigit && d.unit === undefined;
  if (d.irregular || digitName || inShortQuote(text, d) || (after === '大' && d.unit === undefined)) {
    setReason(d, 'name', 'name', d.unit === undefined ? d.end : d.coreEnd);
    return true;
  }
  if (d.unit === undefined && d.kind !== 'percent' && d.kind !== 'permille' && d.qualifier === undefined && d.scale === undefined && d.written < 100) {
    setReason(d, 'plain', 'idiom');
    return true;
  }
  return false;
}

/** Whether a duration is a measured value (平均寿命40年, 仅2.5年) or a time window (过去5年, 30多年来). */
function classifyDuration(text: string, d: Draft): void {
  if (matchAt(text, d.end, TIME_WINDOW_AFTER) !== undefined) {
    d.reason = 'time-span';
    return;
  }
  const clause = clauseBefore(text, d.start, 12).toLowerCase();
  if (DURATION_STAT_CUES.some((cue) => clause.includes(cue))) return;
  if (!d.integer && d.script !== 'chinese') return;
  d.reason = 'time-span';
}

/** Fills in kind and reason. `floor` is the end of the previous mention. */
export function classify(text: string, d: Draft, floor: number): void {
  if (d.reason !== undefined) return;
  const name = numeralName(text, d);
  if (name !== undefined && name.start >= floor) {
    d.start = Math.min(d.start, name.start);
    setReason(d, 'name', 'name', Math.max(name.end, d.coreEnd));
    d.unit = undefined;
    return;
  }
  if (d.ordinalMarker) {
    classifyOrdinalMarker(text, d);
    return;
  }
  if (d.kind === 'ordinal') {
    const cue = matchBefore(text, skipSpaceBack(text, d.start, floor), floor, ENGLISH_RANK_CUES);
    if (cue !== undefined) d.kind = 'rank';
    else d.reason = 'ordinal';
    return;
  }
  if (classifyEnglishDate(text, d, floor)) return;
  if (classifyTime(text, d, floor)) return;
  if (classifyReference(text, d, floor)) return;
  if (d.script === 'arabic' && d.unit === undefined && d.scale === undefined && d.currency === undefined) {
    const cueWindow = windowBefore(text, d.coreStart, 0, 24);
    if (d.leadingZero || (d.integer && d.intDigits >= 7 && !d.grouped) || CODE_CUES.some((cue) => cueWindow.includes(cue))) {
      setReason(d, 'label', 'code');
      return;
    }
    const open = text.charAt(d.coreStart - 1);
    const close = text.charAt(d.coreEnd);
    if ((open === '(' || open === '（') && (close === ')' || close === '）') && d.integer && d.written < 100 && d.qualifier === undefined) {
      d.start = d.coreStart - 1;
      setReason(d, 'ordinal', 'list-ordinal', d.coreEnd + 1);
      return;
    }
  }
  if (d.script === 'chinese' && classifyChineseWord(text, d)) return;
  if ((d.kind === 'quantity' || d.kind === 'plain') && hasCue(clauseBefore(text, d.start, 8), SCALE_DEFINITION_CUES)) {
    d.reason = 'scale-definition';
    return;
  }
  if (d.kind === 'duration') {
    classifyDuration(text, d);
    return;
  }
  if (d.kind === 'plain' && text.charAt(d.end) === '-' && isAsciiLetter(text, d.end + 1) && TIME_WORDS.has(wordAt(text, d.end + 1).word)) {
    // a 5-year plan, a 30-day window.
    d.kind = 'duration';
    d.end = wordAt(text, d.end + 1).end;
    d.reason = 'time-span';
    return;
  }
  if (d.kind === 'plain' && countNounAfter(text, d.end)) d.kind = 'count';
  const small = d.integer && d.written >= 0 && d.written <= 3 && d.qualifier === undefined && d.scale === undefined;
  if (d.kind === 'count' && small && d.written === 1 && d.script !== 'arabic') {
    d.reason = 'idiom';
  } else if (small && ((d.kind === 'count' && (d.unit === undefined || GENERIC_MEASURES.has(d.unit))) || d.kind === 'plain')) {
    d.reason = 'small-count';
  } else if (d.kind === 'count' && d.qualifier === undefined && d.scale === undefined && STRUCTURE_NOUN.test(text.slice(d.end, d.end + 2))) {
    // "四个方面", "五项原则", "六大任务": parts of the text's own argument, not counted facts.
    d.reason = 'structure';
  } else if ((d.kind === 'plain' || d.kind === 'count') && d.unit === undefined && insideShortQuote(text, d.start, d.end)) {
    // "Fit for 55", 《重大领域交叉前沿方向2022》: a number inside a quoted title is part of the name.
    d.reason = 'name';
  }
}

const STRUCTURE_NOUN = /^(?:方面|层面|维度|部分|环节|阶段|角度|步骤|原则|特点|特征|特性|问题|挑战|建议|措施|对策|举措|路径|途径|方向|任务|要点|板块|支柱)/u;
const QUOTE_PAIRS: readonly (readonly [string, string])[] = [['“', '”'], ['《', '》'], ['「', '」'], ['"', '"']];

/** Whether [start, end) lies inside a quotation of at most 24 characters on both sides. */
function insideShortQuote(text: string, start: number, end: number): boolean {
  // Only the 24 characters either side matter; searching further would make long texts quadratic.
  const windowStart = Math.max(0, start - 25);
  for (const [open, close] of QUOTE_PAIRS) {
    const found = text.slice(windowStart, start).lastIndexOf(open);
    const before = found < 0 ? -1 : windowStart + found;
    if (before < 0 || start - before > 24) continue;
    const between = text.slice(before + 1, start);
    if (between.includes(close) || (open === close && between.includes(open))) continue;
    const foundAfter = text.slice(end, end + 25).indexOf(close);
    const after = foundAfter < 0 ? -1 : end + foundAfter;
    if (after >= 0 && after - end <= 24 && !text.slice(end, after).includes(open === close ? '\n' : open)) return true;
  }
  return false;
}
