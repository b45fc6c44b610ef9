// Chinese numerals: 两千三百万, 十余, 二〇二二, 壹佰, and the magnitude words 万, 亿, 万亿 …

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};

const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

export function isChineseDigit(ch: string): boolean {
  return DIGITS[ch] !== undefined;
}

const NUMERAL_CHARS: ReadonlySet<string> = new Set([...Object.keys(DIGITS), ...Object.keys(SMALL_UNITS), ...Object.keys(LARGE_UNITS)]);

export function isChineseNumeralChar(ch: string): boolean {
  return NUMERAL_CHARS.has(ch);
}

const MAGNITUDE_CHARS: ReadonlySet<string> = new Set([...Object.keys(SMALL_UNITS), ...Object.keys(LARGE_UNITS)]);

export function isMagnitudeChar(ch: string): boolean {
  return MAGNITUDE_CHARS.has(ch);
}

const ENGLISH_SCALES: Readonly<Record<string, number>> = {
  hundred: 1e2, thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, mio: 1e6,
  billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, dozen: 12,
};

/**
 * The factor a magnitude word stands for: 万 → 1e4, 万亿 → 1e12, 千万 → 1e7, million → 1e6, bn → 1e9.
 * Undefined for anything else. Chinese magnitudes multiply (万亿 = 万 × 亿).
 */
export function magnitudeOf(word: string): number | undefined {
  const english = ENGLISH_SCALES[word.toLowerCase()];
  if (english !== undefined) return english;
  if (word.length === 0) return undefined;
  let factor = 1;
  for (const ch of word) {
    const unit = SMALL_UNITS[ch] ?? LARGE_UNITS[ch];
    if (unit === undefined) return undefined;
    factor *= unit;
  }
  return factor;
}

/**
 * The value of a Chinese numeral: 两千三百万 → 23000000, 十五 → 15, 二〇二二 → 2022, 三 → 3.
 * Undefined when the string is not a numeral or is ill-formed (十四五, 百百).
 */
export function parseChineseNumeral(s: string): number | undefined {
  const read = readChineseNumeral(s, 0, s.length);
  return read !== undefined && read.end === s.length && !read.irregular ? read.value : undefined;
}

export interface ChineseNumeralRead {
  readonly end: number;
  readonly value: number;
  /** Written digit by digit without units (二〇二二): a year or a code, never an amount. */
  readonly digitByDigit: boolean;
  /** Contains 百, 千, 万 or 亿. */
  readonly hasMagnitude: boolean;
  /** Place value of the last non-zero numeral (两千三百 → 100), for the width of 多 and 约. */
  readonly step: number;
  /** Two digits in a row after a unit, or a unit repeated out of order: not a well-formed numeral. */
  readonly irregular: boolean;
}

/** Reads the longest run of numeral characters in text[start, limit) and evaluates it. */
export function readChineseNumeral(text: string, start: number, limit: number): ChineseNumeralRead | undefined {
  let end = start;
  while (end < limit && isChineseNumeralChar(text.charAt(end))) end++;
  if (end === start) return undefined;
  const run = text.slice(start, end);
  let digitCount = 0;
  let unitCount = 0;
  for (const ch of run) {
    if (DIGITS[ch] !== undefined) digitCount++;
    else unitCount++;
  }
  if (unitCount === 0 && digitCount > 1) {
    let value = 0;
    for (const ch of run) value = value * 10 + (DIGITS[ch] ?? 0);
    return { end, value, digitByDigit: true, hasMagnitude: false, step: 1, irregular: false };
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  let step = 1;
  let irregular = false;
  let lastSmall = Infinity;
  let hasMagnitude = false;
  for (const ch of run) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit > 0) irregular = true;
      digit = d;
      if (d !== 0) step = 1;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      if (small >= lastSmall) irregular = true;
      lastSmall = small;
      if (small >= 100) hasMagnitude = true;
      const times = digit < 0 ? 1 : digit;
      section += times * small;
      if (times !== 0) step = small;
      digit = -1;
      continue;
    }
    const large = LARGE_UNITS[ch] ?? 1;
    hasMagnitude = true;
    lastSmall = Infinity;
    const sectionValue = section + Math.max(digit, 0);
    if (large === 1e8) {
      total = (total + sectionValue) * large;
    } else {
      section = sectionValue * large;
      digit = -1;
      step *= large;
      if (section === 0 && total === 0) irregular = true;
      continue;
    }
    if (total === 0) irregular = true;
    step *= large;
    section = 0;
    digit = -1;
  }
  const value = total + section + Math.max(digit, 0);
  return { end, value, digitByDigit: false, hasMagnitude, step, irregular };
}
