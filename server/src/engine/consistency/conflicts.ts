// Cross-reference conflicts: the same indicator, entity, period and kind given incompatible values in two
// places, ranks on one list that cannot both hold, and the same digits written with 万 in one place and 亿
// in another. Facts are indexed by key in a Map, so the cost is linear in the number of facts; within one
// key only a few distinct values are kept to compare against.
import type { Fact } from './facts';
import { isGenericIndicator } from './facts';
import { EARLIER_CUE, FROM_CUE } from './lexicon';

export type ConflictIssue =
  | { readonly type: 'value' | 'rank'; readonly fact: Fact; readonly other: Fact }
  | { readonly type: 'scale'; readonly fact: Fact; readonly other: Fact; readonly factor: number };

/** How many distinct, mutually consistent earlier values of one key a new fact is compared with. */
const KEPT_PER_KEY = 8;

/** The text before a trailing "2016年的" or "2021 ", so a "from" before the date is seen. */
function trimDateTail(text: string): string {
  let end = text.length;
  while (end > 0 && '0123456789年的 '.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/** Whether a fact states one value of one thing at one time, clearly enough to compare across the draft. */
function comparable(fact: Fact): boolean {
  if (fact.role !== 'level' || fact.inParens || fact.forecast || fact.mention.isRange) return false;
  // 分别/respectively pairs each figure with another name of a list; which one is not read here.
  if (fact.respectively) return false;
  if (fact.period === undefined || fact.entities.length === 0 || isGenericIndicator(fact.indicator)) return false;
  // A value introduced as the earlier one of a comparison (比前一年的…, from …) belongs to another period.
  if (EARLIER_CUE.test(fact.prefix) || FROM_CUE.test(trimDateTail(fact.prefix))) return false;
  return fact.kindKey !== 'plain' && fact.kindKey !== 'percentagePoint';
}

const keyOf = (fact: Fact): string => [fact.kindKey, fact.indicator, fact.entities.join('+'), fact.period].join('\u0000');

/** Shares of one whole conflict only when they measure the same part, or one of them names none. */
const samePart = (a: Fact, b: Fact): boolean => a.sharePart === '' || b.sharePart === '' || a.sharePart === b.sharePart;

const disjoint = (a: Fact, b: Fact): boolean => a.high < b.low - 1e-9 || b.high < a.low - 1e-9;

const SLIP_FACTORS = [1e3, 1e4, 1e8, 1e12];

function scaleSlip(a: Fact, b: Fact): number | undefined {
  if (a.digits === '' || a.digits !== b.digits || a.scaleFactor === b.scaleFactor) return undefined;
  const factor = Math.max(a.scaleFactor, b.scaleFactor) / Math.min(a.scaleFactor, b.scaleFactor);
  return SLIP_FACTORS.some((f) => Math.abs(f - factor) < 1e-6 * f) ? factor : undefined;
}

/** Conflicts between the facts of a document, each reported once, on the later figure. */
export function findConflicts(facts: readonly Fact[]): ConflictIssue[] {
  const eligible = facts.filter(comparable);
  // A sentence that states two values under one key compares them (from … to …); it is not a conflict.
  const perSentence = new Map<string, number>();
  const sentenceKey = (fact: Fact): string => `${fact.sentence.span.start}\u0000${keyOf(fact)}`;
  for (const fact of eligible) perSentence.set(sentenceKey(fact), (perSentence.get(sentenceKey(fact)) ?? 0) + 1);
  const single = eligible.filter((fact) => perSentence.get(sentenceKey(fact)) === 1);

  const issues: ConflictIssue[] = [];
  const byKey = new Map<string, Fact[]>();
  const byDigits = new Map<string, Fact[]>();
  const reported = new Set<Fact>();
  for (const fact of single) {
    // The 万/亿 slip: the same digits for the same indicator, entities and period, at another scale.
    if (fact.mention.scale && fact.kindKey !== 'percent' && fact.kindKey !== 'rank') {
      const digitsKey = `${fact.digits}\u0000${keyOf(fact)}`;
      const seen = byDigits.get(digitsKey) ?? [];
      const slipped = seen.find((other) => scaleSlip(fact, other) !== undefined);
      if (slipped && !reported.has(fact)) {
        issues.push({ type: 'scale', fact, other: slipped, factor: scaleSlip(fact, slipped)! });
        reported.add(fact);
      }
      if (seen.length < KEPT_PER_KEY) seen.push(fact);
      byDigits.set(digitsKey, seen);
    }
    const key = keyOf(fact);
    const seen = byKey.get(key) ?? [];
    const other = seen.find((earlier) => samePart(earlier, fact) && disjoint(earlier, fact));
    if (other && !reported.has(fact) && scaleSlip(fact, other) === undefined) {
      issues.push({ type: fact.kindKey === 'rank' ? 'rank' : 'value', fact, other });
      reported.add(fact);
    }
    // Only values consistent with what came before are kept: a repeat of the first value after a conflicting
    // one is not reported again.
    if (!other && seen.length < KEPT_PER_KEY && !seen.some((s) => s.low === fact.low && s.high === fact.high)) seen.push(fact);
    byKey.set(key, seen);
  }
  return issues;
}
