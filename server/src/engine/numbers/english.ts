// English number words: "twenty-five", "two hundred", "a million", "three-fold", "twice".

import { isAsciiLetter } from './text';

const ONES: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const MULTIPLES: Readonly<Record<string, number>> = { twice: 2, double: 2, triple: 3, quadruple: 4, half: 0.5 };
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};

export interface EnglishNumberRead {
  readonly end: number;
  readonly value: number;
  /** Place value of the last word (two hundred → 100). */
  readonly step: number;
  readonly kind: 'cardinal' | 'multiple' | 'ordinal';
  /** The largest scale word used (million in "three million"), for the mention's scale. */
  readonly scaleWord?: string;
}

/** The lower-case ASCII word starting at i, and where it ends. */
export function wordAt(text: string, i: number): { word: string; end: number } {
  let end = i;
  while (isAsciiLetter(text, end)) end++;
  return { word: text.slice(i, end).toLowerCase(), end };
}

/**
 * Reads a number written in English words starting at `i` (which starts a word), or undefined.
 * "a"/"an" count only before a scale word ("a million").
 */
export function readEnglishNumber(text: string, i: number): EnglishNumberRead | undefined {
  const first = wordAt(text, i);
  const multiple = MULTIPLES[first.word];
  if (multiple !== undefined) return { end: first.end, value: multiple, step: 1, kind: 'multiple' };
  const ordinal = ORDINALS[first.word];
  if (ordinal !== undefined) return { end: first.end, value: ordinal, step: 1, kind: 'ordinal' };

  let total = 0;
  let current = 0;
  let step = 1;
  let end = i;
  let pos = i;
  let scaleWord: string | undefined;
  let words = 0;
  // A number phrase has at most a handful of words; the bound keeps "one one one …" linear.
  while (words < 8) {
    const { word, end: wordEnd } = wordAt(text, pos);
    if (word.length === 0) break;
    const one = ONES[word] ?? TENS[word];
    const scale = SCALES[word];
    if ((word === 'a' || word === 'an') && words === 0) {
      const next = wordAt(text, wordEnd + 1);
      if (text.charAt(wordEnd) !== ' ' || SCALES[next.word] === undefined) return undefined;
      current = 1;
    } else if (one !== undefined) {
      if (words > 0 && current % 10 !== 0 && current !== 0) break;
      current += one;
      step = one >= 20 && one % 10 === 0 ? 10 : 1;
      end = wordEnd;
    } else if (scale !== undefined && (words > 0 || current > 0)) {
      if (scale === 100) current = Math.max(current, 1) * 100;
      else {
        total += Math.max(current, 1) * scale;
        current = 0;
      }
      step = scale;
      scaleWord = word;
      end = wordEnd;
    } else if (word === 'and' && words > 0 && (total > 0 || current >= 100)) {
      // "one hundred and twenty": continue only if a number word follows.
    } else {
      break;
    }
    words++;
    const sep = text.charAt(wordEnd);
    if ((sep === ' ' || sep === '-') && isAsciiLetter(text, wordEnd + 1)) pos = wordEnd + 1;
    else break;
  }
  if (end === i) return undefined;
  const value = total + current;
  return scaleWord === undefined ? { end, value, step, kind: 'cardinal' } : { end, value, step, kind: 'cardinal', scaleWord };
}

/** "threefold" → 3, "tenfold" → 10; undefined for other words. */
export function foldMultiple(word: string): number | undefined {
  if (!word.endsWith('fold') || word.length <= 4) return undefined;
  const head = word.slice(0, -4);
  return ONES[head] ?? TENS[head];
}

const DENOMINATORS: Readonly<Record<string, number>> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5,
  sixth: 6, sixths: 6, eighth: 8, eighths: 8, tenth: 10, tenths: 10,
};

/** "two-thirds", "one third", "a quarter": the share in percent and where the phrase ends. */
export function readFraction(text: string, numeratorEnd: number, numerator: number): { end: number; percent: number } | undefined {
  const sep = text.charAt(numeratorEnd);
  if (sep !== '-' && sep !== ' ') return undefined;
  const { word, end } = wordAt(text, numeratorEnd + 1);
  const denominator = DENOMINATORS[word];
  if (denominator === undefined) return undefined;
  if (numerator > 1 && !word.endsWith('s')) return undefined;
  return { end, percent: Number(((numerator / denominator) * 100).toPrecision(4)) };
}

/** Units of time that make "five-year", "5-year", "30-day" a time span used as an adjective. */
export const TIME_WORDS: ReadonlySet<string> = new Set(['year', 'month', 'week', 'day', 'hour', 'decade', 'minute']);

const FIRST_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(ONES), ...Object.keys(TENS), ...Object.keys(MULTIPLES), ...Object.keys(ORDINALS), 'a', 'an',
]);

/** Whether a lower-case word can begin an English number phrase (cheap pre-check before parsing). */
export function mayStartNumber(word: string): boolean {
  return FIRST_WORDS.has(word) || word.endsWith('fold');
}
