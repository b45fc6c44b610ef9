// Arithmetic inside one sentence: a stated change against the two values it joins (from A to B, a fall of
// C%; B, 比前一年的A减少了C%; X，同比增加Y%，为Z，上年同期为W), percentage points against relative change,
// and shares of one whole that add up to more than 100%. Each check needs an explicit cue; without one it
// stays silent.
import type { Fact } from './facts';
import { indicatorOf, isGenericIndicator } from './facts';
import { EARLIER_CUE, FROM_CUE, NESTED_CUE, RESPECTIVELY, SHARE_CUE, TO_CUE } from './lexicon';

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export type ArithmeticIssue =
  | {
      readonly type: 'change' | 'pointsForPercent' | 'percentForPoints' | 'points';
      readonly change: Fact;
      readonly from: Fact;
      readonly to: Fact;
      /** (to − from) / from × 100 and to − from, from the written values. */
      readonly relative: number;
      readonly difference: number;
    }
  | { readonly type: 'shares'; readonly shares: readonly Fact[]; readonly total: number };

const EPSILON = 1e-9;
const overlaps = (a: Interval, b: Interval): boolean => a.low <= b.high + EPSILON && b.low <= a.high + EPSILON;

/** What the stated change allows, signed by its direction word; unsigned when there is none. */
function statedChange(change: Fact): Interval[] {
  const magnitude = { low: change.low, high: change.high };
  if (change.direction === 'up') return [magnitude];
  if (change.direction === 'down') return [{ low: -magnitude.high, high: -magnitude.low }];
  return [magnitude, { low: -magnitude.high, high: -magnitude.low }];
}

const CHANGE_TO = /(?:增加|减少|下降|上升|增长|提高|降低|下滑|回落|降|增|升|跌|涨|减)(?:了)?(?:到|至)|\b(?:rose|fell|increased|decreased|dropped|declined|grew|climbed|shrank)\s{1,3}to\b/i;
const TRAILING_DATE = /(?:(?:19|20)\d\d\s?年(?:底|末|初)?\s?的?|\bin\s{1,3}(?:19|20)\d\d\s?)$/;

/** Which of two values is the earlier one, if the sentence says so; undefined when it does not. */
function order(a: Fact, b: Fact): { from: Fact; to: Fact } | undefined {
  const text = a.sentence.text;
  const between = text.slice(a.mention.end, b.mention.start);
  const beforeA = a.prefix.replace(/的\s?$/, '').replace(TRAILING_DATE, '').replace(/的\s?$/, '');
  if (FROM_CUE.test(beforeA) && TO_CUE.test(between)) return { from: a, to: b };
  if (CHANGE_TO.test(between)) return { from: a, to: b };
  if (EARLIER_CUE.test(b.prefix) && !TO_CUE.test(b.prefix)) return { from: b, to: a };
  if (EARLIER_CUE.test(a.prefix) && !TO_CUE.test(a.prefix) && !FROM_CUE.test(beforeA)) return { from: a, to: b };
  if (a.period && b.period && a.period !== b.period && /^\d{4}$/.test(a.period) && /^\d{4}$/.test(b.period)) {
    return Number(a.period) < Number(b.period) ? { from: a, to: b } : { from: b, to: a };
  }
  return undefined;
}

/** The stated change must be about the two values: no other indicator or subject of its own. */
function changeIsAbout(change: Fact, from: Fact, to: Fact): boolean {
  const text = change.sentence.text;
  const first = Math.min(from.mention.start, to.mention.start, change.mention.start);
  const last = Math.max(from.mention.end, to.mention.end, change.mention.end);
  if (NESTED_CUE.test(text.slice(first, last))) return false;
  if (change.clauseStart === to.clauseStart || change.clauseStart === from.clauseStart) return true;
  const own = indicatorOf(change.prefix.slice(0, change.prefix.length - (change.mention.start - change.wordingStart)));
  if (isGenericIndicator(own.key)) return true;
  if (own.key === from.indicator || own.key === to.indicator) return true;
  // "Exports fell by 4.4%, from A to B": the change names the indicator, the values name none at all.
  return change.mention.start < from.mention.start && from.indicator === '' && to.indicator === '';
}

/** Checks one stated change; `verified` collects the changes whose two values were found and compared. */
function checkChange(change: Fact, levels: readonly Fact[], verified: Fact[]): ArithmeticIssue | undefined {
  const wantPercent = change.mention.kind === 'percentagePoint';
  const byKind = new Map<string, Fact[]>();
  for (const level of levels) {
    if (level.inParens || level.kindKey === 'rank') continue;
    if (wantPercent && level.kindKey !== 'percent') continue;
    const list = byKind.get(level.kindKey) ?? [];
    list.push(level);
    byKind.set(level.kindKey, list);
  }
  const pairs = [...byKind.values()].filter((list) => list.length === 2);
  if (pairs.length !== 1 || [...byKind.values()].some((list) => list.length > 2)) return undefined;
  const [a, b] = pairs[0]!;
  const ordered = order(a!, b!);
  if (!ordered) return undefined;
  const { from, to } = ordered;
  if (from.low <= 0 || !changeIsAbout(change, from, to)) return undefined;
  verified.push(change);
  const relative: Interval = { low: (to.low / from.high - 1) * 100, high: (to.high / from.low - 1) * 100 };
  const difference: Interval = { low: to.low - from.high, high: to.high - from.low };
  const stated = statedChange(change);
  const relOk = stated.some((s) => overlaps(s, relative));
  const diffOk = from.kindKey === 'percent' && stated.some((s) => overlaps(s, difference));
  const written = {
    relative: (to.mention.point / from.mention.point - 1) * 100,
    difference: to.mention.point - from.mention.point,
  };
  if (change.mention.kind === 'percentagePoint') {
    if (diffOk) return undefined;
    return { type: relOk ? 'pointsForPercent' : 'points', change, from, to, ...written };
  }
  if (relOk) return undefined;
  return { type: diffOk ? 'percentForPoints' : 'change', change, from, to, ...written };
}

const RUN_SEPARATOR = /^\s*(?:、|，|,|和|及|与|以及|and|,\s*and|;)\s*$/i;

/** The whole a share is of: 占(半导体总出口额)的…, (半导体总出口额)中约55%…, "of (Korea's exports)". */
function wholeOf(fact: Fact): string | undefined {
  const prefix = fact.prefix;
  const at = prefix.lastIndexOf('占');
  if (at >= 0) {
    const explicit = /^([^，。；,;]{2,30}?)的\s?(?:比重|份额|比例)?\s?(?:约|近|超过|逾|达|为)?\s?$/.exec(prefix.slice(at + 1));
    if (explicit) return explicit[1]!.replace(/\s+/g, '');
  }
  const inside = prefix.lastIndexOf('中');
  if (inside >= 2 && /^\s?(?:约|近|超过|逾)?\s?$/.test(prefix.slice(inside + 1))) {
    const head = prefix.slice(Math.max(0, inside - 30), inside).split(/[，。；,;、]/).pop()!;
    if (head.length >= 2) return head.replace(/\s+/g, '').replace(/^(?:19|20)\d\d年/, '');
  }
  const english = /^\s{0,3}(?:of|in)\s{1,3}([a-z][a-z\s'’-]{2,40}?)\s{0,3}(?:respectively)?\s{0,3}$/i.exec(fact.suffix.split(/[,;.]/)[0] ?? '');
  if (english) return english[1]!.toLowerCase().trim();
  return undefined;
}

/** Shares listed with 分别/respectively, or clause by clause under one whole, that add up to over 100%. */
function checkShares(part: readonly Fact[]): ArithmeticIssue | undefined {
  const text = part[0]!.sentence.text;
  const first = part[0]!;
  const partText = text.slice(first.clauseStart, part[part.length - 1]!.clauseEnd);
  if (NESTED_CUE.test(partText) || part.some((f) => f.role === 'change')) return undefined;
  const periods = new Set(part.map((f) => f.period).filter((p) => p !== undefined));
  if (periods.size > 1) return undefined;
  const percents = part.filter((f) => f.kindKey === 'percent' && f.role === 'level' && !f.inParens && !f.mention.isRange);
  if (percents.length < 2) return undefined;
  let shares: Fact[] = [];
  if (RESPECTIVELY.test(partText) && SHARE_CUE.test(partText)) {
    // The run of percentages joined only by 、/和/and.
    let run: Fact[] = [];
    for (const fact of percents) {
      const previous = run[run.length - 1];
      if (previous && RUN_SEPARATOR.test(text.slice(previous.mention.end, fact.mention.start))) run.push(fact);
      else {
        if (run.length > shares.length) shares = run;
        run = [fact];
      }
    }
    if (run.length > shares.length) shares = run;
  } else {
    // Clause by clause: every share names the same whole (占半导体总出口额的…), or only the first does.
    const wholes = percents.map(wholeOf);
    const named = wholes.filter((w) => w !== undefined);
    if (named.length === 0 || new Set(named).size !== 1 || wholes[0] === undefined) return undefined;
    if (!percents.every((f) => SHARE_CUE.test(f.prefix) || SHARE_CUE.test(f.suffix))) return undefined;
    if (new Set(percents.map((f) => f.clauseStart)).size !== percents.length) return undefined;
    shares = percents;
  }
  if (shares.length < 2) return undefined;
  const total = shares.reduce((sum, f) => sum + f.low, 0);
  if (total <= 100 + EPSILON) return undefined;
  return { type: 'shares', shares, total: shares.reduce((sum, f) => sum + f.mention.point, 0) };
}

/** Arithmetic issues of one sentence's facts (in order). */
export function checkSentence(facts: readonly Fact[], verified: Fact[]): ArithmeticIssue[] {
  const issues: ArithmeticIssue[] = [];
  const parts = new Map<number, Fact[]>();
  for (const fact of facts) {
    if (fact.forecast) continue;
    const list = parts.get(fact.part) ?? [];
    list.push(fact);
    parts.set(fact.part, list);
  }
  for (const part of parts.values()) {
    const changes = part.filter((f) => f.role === 'change' && !f.inParens);
    const levels = part.filter((f) => f.role === 'level');
    if (changes.length === 1) {
      const issue = checkChange(changes[0]!, levels, verified);
      if (issue) issues.push(issue);
    }
    const shares = checkShares(part);
    if (shares) issues.push(shares);
  }
  return issues;
}
