// Finding cue words in prose. Chinese has no spaces, so a CJK cue matches anywhere; a Latin cue matches as a whole
// word so that "risk" does not fire inside "asterisk". Capitalised acronyms are case-sensitive ("US" ≠ "us").
import type { Span } from '../model';
import type { ChallengeTier, CountermeasureDimension, CueList, Framework } from './types';

export interface CueMatch {
  readonly cue: string;
  readonly span: Span;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const ACRONYM = /^(?=(?:[^A-Z]*[A-Z]){2})[^a-z]*$/;

interface CompiledCues {
  readonly insensitive: RegExp | undefined;
  readonly sensitive: RegExp | undefined;
}

const compiled = new WeakMap<CueList, CompiledCues>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cuePattern(cue: string): string {
  const body = escape(cue).replace(/\s+/g, '\\s+');
  if (CJK.test(cue)) return body;
  const before = /^[A-Za-z0-9]/.test(cue) ? '(?<![A-Za-z0-9])' : '';
  const after = /[A-Za-z0-9]$/.test(cue) ? '(?![A-Za-z0-9])' : '';
  return `${before}${body}${after}`;
}

function compile(cues: CueList): CompiledCues {
  let result = compiled.get(cues);
  if (result) return result;
  const byLength = [...new Set(cues)].sort((a, b) => b.length - a.length);
  const build = (list: string[], flags: string): RegExp | undefined =>
    list.length ? new RegExp(list.map(cuePattern).join('|'), flags) : undefined;
  result = {
    insensitive: build(byLength.filter((cue) => !ACRONYM.test(cue)), 'giu'),
    sensitive: build(byLength.filter((cue) => ACRONYM.test(cue)), 'gu'),
  };
  compiled.set(cues, result);
  return result;
}

/** All non-overlapping cue occurrences in `text`, longest first where they overlap, in text order. */
export function findCues(text: string, cues: CueList): CueMatch[] {
  const { insensitive, sensitive } = compile(cues);
  const found: CueMatch[] = [];
  // exec on the compiled pattern rather than matchAll, which clones the pattern on every call: this runs for
  // every heading and unit of the draft, thousands of times on a long one.
  for (const pattern of [insensitive, sensitive]) {
    if (!pattern) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      found.push({ cue: match[0], span: { start: match.index, end: match.index + match[0].length } });
      // An empty cue (from a custom framework) matches everywhere: step over one code point, as matchAll does.
      if (match[0] === '') pattern.lastIndex += (text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1;
    }
  }
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const result: CueMatch[] = [];
  for (const match of found) {
    const last = result[result.length - 1];
    if (last && match.span.start < last.span.end) continue;
    result.push(match);
  }
  return result;
}

export type HeadingKind = 'challenge' | 'countermeasure';

const CONJUNCTION = /^\s*(?:与|和|及|及其|以及|、|\/|&|,|and|\s)\s*$/i;

/**
 * Whether a heading announces challenges, countermeasures, or both ("挑战与对策", "Risks and responses": two
 * cues joined only by a conjunction). When both kinds occur otherwise, the head word decides: Chinese puts it
 * last ("回应外源挑战的对策" is a countermeasure), English first ("Responses to the risks" too).
 */
export function headingKind(title: string, framework: Framework): HeadingKind | 'both' | undefined {
  const cues = [
    ...findCues(title, framework.headingCues.challenge).map((match) => ({ match, kind: 'challenge' as const })),
    ...findCues(title, framework.headingCues.countermeasure).map((match) => ({ match, kind: 'countermeasure' as const })),
  ].sort((a, b) => a.match.span.start - b.match.span.start);
  if (cues.length === 0) return undefined;
  const kinds = new Set(cues.map((cue) => cue.kind));
  if (kinds.size === 1) return cues[0]!.kind;
  for (let i = 1; i < cues.length; i++) {
    const [before, after] = [cues[i - 1]!, cues[i]!];
    const between = title.slice(before.match.span.end, after.match.span.start);
    if (before.kind !== after.kind && CONJUNCTION.test(between)) return 'both';
  }
  const last = cues[cues.length - 1]!;
  return CJK.test(last.match.cue) ? last.kind : cues[0]!.kind;
}

export interface Ranked<T> {
  readonly item: T;
  readonly matches: readonly CueMatch[];
}

function rank<T extends { readonly cues: CueList }>(text: string, items: readonly T[]): Ranked<T>[] {
  return items
    .map((item) => ({ item, matches: findCues(text, item.cues) }))
    .filter((ranked) => ranked.matches.length > 0)
    .sort((a, b) => b.matches.length - a.matches.length);
}

/** Challenge tiers whose cues occur in `text`, most matches first (ties keep framework order). */
export function rankTiers(text: string, framework: Framework): Ranked<ChallengeTier>[] {
  return rank(text, framework.tiers);
}

/** Countermeasure dimensions whose cues occur in `text`, most matches first. */
export function rankCountermeasures(text: string, framework: Framework): Ranked<CountermeasureDimension>[] {
  return rank(text, framework.countermeasures);
}

/** The countermeasure dimensions that answer a tier. */
export function countermeasuresFor(tierId: string, framework: Framework): CountermeasureDimension[] {
  return framework.countermeasures.filter((dimension) => dimension.answers === tierId);
}
