// The working record of one mention while the reader builds it, and how it becomes a NumberMention.

import type { NonStatisticReason, NumberKind, NumberMention, NumberScale, Qualifier } from './types';
import { tidy } from './text';

/**
 * Every field is always present, optional ones as `undefined`: drafts come only from `newDraft`, so they all
 * share one object shape. A field added later would give them new shapes that V8 holds weakly; once no draft is
 * alive, a full collection drops those shapes, and the reader's optimised code with them (issue 7).
 */
export interface Draft {
  start: number;
  end: number;
  /** Where the numeral itself starts and ends (without qualifier, sign, scale or unit). */
  coreStart: number;
  coreEnd: number;
  /** Written value before the scale is applied. */
  written: number;
  /** Place value of the last non-zero written digit, before scaling (800 → 100, 1.78 → 0.01). */
  step: number;
  /** Precision of the written digits, before scaling (4.50 → 0.01, 800 → 1). */
  precision: number;
  /** The scale word (万, 亿, million) and its factor. */
  scale: NumberScale | undefined;
  kind: NumberKind;
  unit: string | undefined;
  currency: string | undefined;
  qualifier: Qualifier | undefined;
  reason: NonStatisticReason | undefined;
  script: 'arabic' | 'chinese' | 'english';
  integer: boolean;
  /** Digits before the decimal point (Arabic only). */
  intDigits: number;
  grouped: boolean;
  /** Written with 第 before it. */
  ordinalMarker: boolean;
  /** An interval fixed by the words themselves (过半 → 50..100), overriding the qualifier rule. */
  fixed: { low: number; high: number } | undefined;
  /** The second end of a range. */
  rangeEnd: Draft | undefined;
  // How the numeral itself was written, for classify():
  /** Arabic digits written with a decimal point twice or more (1.2.3). */
  dotted: boolean;
  /** Arabic digits with a leading zero (007). */
  leadingZero: boolean;
  /** Chinese numeral written digit by digit (二〇二二). */
  digitByDigit: boolean;
  /** Chinese numeral that is no well-formed number (十四五). */
  irregular: boolean;
  /** What English number words said they were (twenty, twice, third). */
  wordKind: 'cardinal' | 'multiple' | 'ordinal' | undefined;
}

/** A draft of the numeral at [start, end): the value 0 until the reader sets it, a plain number of no unit. */
export function newDraft(start: number, end: number, script: Draft['script']): Draft {
  return {
    start, end, coreStart: start, coreEnd: end, written: 0, step: 1, precision: 1, scale: undefined, kind: 'plain',
    unit: undefined, currency: undefined, qualifier: undefined, reason: undefined, script, integer: true, intDigits: 0,
    grouped: false, ordinalMarker: false, fixed: undefined, rangeEnd: undefined, dotted: false, leadingZero: false,
    digitByDigit: false, irregular: false, wordKind: undefined,
  };
}

export function baseValue(d: Draft): number {
  return scaled(d.written, d.scale?.factor ?? 1);
}

function scaled(x: number, factor: number): number {
  if (factor === 1 || !Number.isFinite(x)) return x * factor;
  // Shifting the decimal exponent keeps 1.78 × 万 exactly 17800.
  const exponent = Math.log10(factor);
  const written = String(x);
  if (Number.isInteger(exponent) && !written.includes('e')) return tidy(Number(`${written}e${exponent}`));
  return tidy(x * factor);
}

/**
 * The interval a single (non-range) draft allows, after its qualifier (or `qualifier` instead); it always holds
 * the written value.
 */
export function intervalOf(d: Draft, qualifier = d.qualifier): { low: number; high: number } {
  if (d.fixed) return d.fixed;
  const v = baseValue(d);
  const { low, high } = widen(d, v, qualifier);
  return { low: Math.min(low, v), high: Math.max(high, v) };
}

function widen(d: Draft, v: number, qualifier: Qualifier | undefined): { low: number; high: number } {
  if (!Number.isFinite(v)) return { low: v, high: v };
  const factor = d.scale?.factor ?? 1;
  const step = scaled(d.step, factor);
  const precision = scaled(d.precision, factor);
  const size = Math.abs(v);
  const bounded = Math.max(Math.min(step, 0.1 * size), precision / 2);
  switch (qualifier) {
    case 'approx': {
      const margin = Math.max(Math.min(step / 2, 0.1 * size), precision / 2);
      return { low: tidy(v - margin), high: tidy(v + margin) };
    }
    case 'over':
    case 'atLeast':
      return { low: v, high: tidy(v + bounded) };
    case 'more':
      return { low: v, high: tidy(v + step) };
    case 'under':
    case 'atMost':
      return { low: tidy(Math.max(Math.min(0, v), v - step)), high: v };
    case 'nearly':
      return { low: tidy(v - bounded), high: v };
    default:
      return { low: v, high: v };
  }
}

export function toMention(text: string, d: Draft): NumberMention {
  let value = intervalOf(d);
  if (d.rangeEnd) {
    // 约10~20%: "about" covers both ends.
    const other = intervalOf(d.rangeEnd, d.qualifier === 'approx' && d.rangeEnd.qualifier === undefined ? d.qualifier : d.rangeEnd.qualifier);
    value = { low: Math.min(value.low, other.low), high: Math.max(value.high, other.high) };
  }
  // One literal with every field: all mentions share one shape (see Draft).
  return {
    start: d.start,
    end: d.end,
    raw: text.slice(d.start, d.end),
    value,
    point: baseValue(d),
    kind: d.kind,
    unit: d.unit,
    currency: d.currency,
    qualifier: d.qualifier,
    scale: d.scale,
    isRange: d.rangeEnd !== undefined,
    isStatistic: d.reason === undefined,
    reason: d.reason,
  };
}

