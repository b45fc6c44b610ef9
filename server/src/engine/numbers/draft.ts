// The working record of one mention while the reader builds it, and how it becomes a NumberMention.

import type { NonStatisticReason, NumberKind, NumberMention, NumberScale, Qualifier } from './types';
import { tidy } from './text';

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
  scale?: NumberScale;
  kind: NumberKind;
  unit?: string;
  currency?: string;
  qualifier?: Qualifier;
  reason?: NonStatisticReason;
  script: 'arabic' | 'chinese' | 'english';
  integer: boolean;
  /** Digits before the decimal point (Arabic only). */
  intDigits: number;
  grouped: boolean;
  /** Written with 第 before it. */
  ordinalMarker: boolean;
  /** An interval fixed by the words themselves (过半 → 50..100), overriding the qualifier rule. */
  fixed?: { low: number; high: number };
  /** The second end of a range. */
  rangeEnd?: Draft;
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

/** The interval a single (non-range) draft allows, after its qualifier; it always holds the written value. */
export function intervalOf(d: Draft): { low: number; high: number } {
  if (d.fixed) return d.fixed;
  const v = baseValue(d);
  const { low, high } = widen(d, v);
  return { low: Math.min(low, v), high: Math.max(high, v) };
}

function widen(d: Draft, v: number): { low: number; high: number } {
  if (!Number.isFinite(v)) return { low: v, high: v };
  const factor = d.scale?.factor ?? 1;
  const step = scaled(d.step, factor);
  const precision = scaled(d.precision, factor);
  const size = Math.abs(v);
  const bounded = Math.max(Math.min(step, 0.1 * size), precision / 2);
  switch (d.qualifier) {
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
    const end = d.qualifier === 'approx' && d.rangeEnd.qualifier === undefined ? { ...d.rangeEnd, qualifier: d.qualifier } : d.rangeEnd;
    const other = intervalOf(end);
    value = { low: Math.min(value.low, other.low), high: Math.max(value.high, other.high) };
  }
  const mention: Mutable<NumberMention> = {
    start: d.start,
    end: d.end,
    raw: text.slice(d.start, d.end),
    value,
    point: baseValue(d),
    kind: d.kind,
    isRange: d.rangeEnd !== undefined,
    isStatistic: d.reason === undefined,
  };
  if (d.unit !== undefined) mention.unit = d.unit;
  if (d.currency !== undefined) mention.currency = d.currency;
  if (d.qualifier !== undefined) mention.qualifier = d.qualifier;
  if (d.scale !== undefined) mention.scale = d.scale;
  if (d.reason !== undefined) mention.reason = d.reason;
  return mention;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
