// The draft's challenge ↔ countermeasure structure: which units exist, which tier each belongs to, and
// which countermeasure answers which challenge. Evidence, strongest first: an explicit cross-reference, the
// framework tier, content similarity; a one-to-one best assignment decides. Section numbers and order
// never decide a match. Computed once per model and shared by the rules, symbols, code lenses and the map.
import type { DocumentModel, Section } from '../model';
import { paperFramework, rankCountermeasures, rankTiers, type Framework, type Ranked } from '../framework';
import { exemptSectionFlags, parseExemptSections } from '../evidence/exempt';
import { bestAssignment, buildSimilarity, type SimilarityModel } from './similarity';
import { findUnits, type StructureUnit } from './units';

export type { StructureUnit } from './units';

export type MatchEvidence = 'explicit' | 'tier' | 'similarity';

export interface StructurePair {
  readonly challenge: number;
  readonly countermeasure: number;
  readonly evidence: MatchEvidence;
  /** Content similarity in [0, 1]. */
  readonly similarity: number;
}

export interface Candidate {
  readonly countermeasure: number;
  readonly similarity: number;
}

export interface StructureAnalysis {
  readonly framework: Framework;
  readonly challenges: readonly StructureUnit[];
  readonly countermeasures: readonly StructureUnit[];
  /** Framework tier id of each challenge (or undefined). */
  readonly challengeTiers: readonly (string | undefined)[];
  /** Framework countermeasure dimension id of each countermeasure (or undefined). */
  readonly countermeasureDimensions: readonly (string | undefined)[];
  readonly pairs: readonly StructurePair[];
  readonly challengeParts: readonly number[];
  readonly countermeasureParts: readonly number[];
  /** For each challenge, countermeasures by descending similarity (for relatedInformation); none when not compared. */
  readonly candidates: readonly (readonly Candidate[])[];
  /** Whether units were compared by content; false in a draft too large to compare them pairwise. */
  readonly compared: boolean;
  /** Content similarity of a challenge and a countermeasure, in [0, 1] (0 when not compared). */
  similarity(challenge: number, countermeasure: number): number;
}

/** Below this similarity a content-only pairing is not trusted as an answer. */
export const MIN_SIMILARITY = 0.08;

function decisive<T>(ranked: readonly Ranked<T>[], minimum: number): T | undefined {
  const [first, second] = ranked;
  if (!first || first.matches.length < minimum) return undefined;
  if (second && second.matches.length >= first.matches.length) return undefined;
  return first.item;
}

/** A unit's tier: from its title when the title is decisive, else from the body when it clearly leans one way. */
function tierOf(unit: StructureUnit, framework: Framework): string | undefined {
  return (decisive(rankTiers(unit.title, framework), 1) ?? decisive(rankTiers(unit.text, framework), 3))?.id;
}

function dimensionOf(unit: StructureUnit, framework: Framework): string | undefined {
  return (decisive(rankCountermeasures(unit.title, framework), 1) ?? decisive(rankCountermeasures(unit.text, framework), 3))?.id;
}

function slug(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s+/g, '-');
}

const NUMBER_REFERENCE = /(?:针对|应对|对应|回应|解决|answers?|address(?:es)?|responds? to|in response to)\s*(?:第\s*)?(?:section\s*|§\s*)?(\d+(?:\.\d+)*)/giu;
const DIRECTIVE = /policylint-answers\s*:\s*([^>]+?)\s*(?:-->|$)/giu;
const LINK_TARGET = /\]\(#([^)\s]+)\)/g;

/** Challenges by what a countermeasure can name them with: number, title slug (with or without its number). */
interface ChallengeNames {
  readonly byNumber: ReadonlyMap<string, readonly number[]>;
  /** Slug of number and title, of the title alone, and of number and title without hyphens. */
  readonly bySlug: ReadonlyMap<string, readonly number[]>;
  readonly byTitleSlug: ReadonlyMap<string, readonly number[]>;
  readonly byBareSlug: ReadonlyMap<string, readonly number[]>;
}

function indexChallenges(challenges: readonly StructureUnit[]): ChallengeNames {
  const add = (map: Map<string, number[]>, key: string, index: number): void => {
    const list = map.get(key);
    if (list) list.push(index);
    else map.set(key, [index]);
  };
  const byNumber = new Map<string, number[]>();
  const bySlug = new Map<string, number[]>();
  const byTitleSlug = new Map<string, number[]>();
  const byBareSlug = new Map<string, number[]>();
  challenges.forEach((challenge, i) => {
    if (challenge.number !== undefined) add(byNumber, challenge.number, i);
    const own = slug(challenge.number ? `${challenge.number} ${challenge.title}` : challenge.title);
    add(bySlug, own, i);
    add(byTitleSlug, slug(challenge.title), i);
    add(byBareSlug, own.replace(/-/g, ''), i);
  });
  return { byNumber, bySlug, byTitleSlug, byBareSlug };
}

/** Challenges a countermeasure names explicitly: "针对4.2", a link to the heading, or a directive comment. */
function explicitTargets(model: DocumentModel, unit: StructureUnit, names: ChallengeNames): Set<number> {
  const targets = new Set<number>();
  const source = model.text.slice(unit.span.start, unit.span.end);
  const addAll = (found: readonly number[] | undefined): void => {
    for (const i of found ?? []) targets.add(i);
  };
  const byNumber = (ref: string): void => addAll(names.byNumber.get(ref));
  const byTitle = (ref: string): void => {
    const wanted = slug(ref);
    if (wanted === '') return;
    addAll(names.bySlug.get(wanted));
    addAll(names.byTitleSlug.get(wanted));
    addAll(names.byBareSlug.get(wanted.replace(/-/g, '')));
  };
  for (const match of unit.text.matchAll(NUMBER_REFERENCE)) byNumber(match[1]!);
  for (const match of source.matchAll(DIRECTIVE)) {
    for (const ref of match[1]!.split(/[,，;；]/)) {
      const trimmed = ref.trim();
      if (/^\d+(?:\.\d+)*$/.test(trimmed)) byNumber(trimmed);
      else byTitle(trimmed);
    }
  }
  for (const match of source.matchAll(LINK_TARGET)) {
    let target = match[1]!;
    try {
      target = decodeURIComponent(target);
    } catch {
      // Keep the raw fragment when it is not valid percent-encoding.
    }
    byTitle(target);
  }
  return targets;
}

/**
 * Up to this many challenges or countermeasures, units are compared by content and paired by the best one-to-one
 * assignment, whose cost grows with the cube of the count. Real drafts have a few dozen; a text with thousands of
 * challenge headings is paired by what it declares alone (matchByDeclaration).
 */
export const MAX_UNITS_COMPARED = 200;

type Matching = Pick<StructureAnalysis, 'pairs' | 'candidates' | 'compared' | 'similarity'>;

/**
 * The pairs that explicit references and framework tiers alone decide, or undefined when similarity may change
 * the assignment. They decide it when they pair each challenge and each countermeasure at most once and leave no
 * challenge and countermeasure both without such a pair: every other assignment gives up a pair worth at least 10
 * for one worth at most 1.
 */
function decidedByDeclaration(
  challengeCount: number,
  countermeasureCount: number,
  strong: (c: number, m: number) => MatchEvidence | undefined,
): number[] | undefined {
  const assignment = new Array<number>(challengeCount).fill(-1);
  const taken = new Array<boolean>(countermeasureCount).fill(false);
  for (let c = 0; c < challengeCount; c++) {
    for (let m = 0; m < countermeasureCount; m++) {
      if (strong(c, m) === undefined) continue;
      if (assignment[c] !== -1 || taken[m]) return undefined;
      assignment[c] = m;
      taken[m] = true;
    }
  }
  const freeChallenge = assignment.includes(-1);
  const freeCountermeasure = taken.includes(false);
  return freeChallenge && freeCountermeasure ? undefined : assignment;
}

/**
 * Explicit references outweigh any tier match, which outweighs any similarity; the best assignment decides.
 * Content similarity (word segmentation of every unit, the costliest step of a check) is computed only when it is
 * read: when declarations do not decide the pairs, or for a pair's score, the candidates of an unanswered
 * challenge or an orphan countermeasure's closest challenges.
 */
function matchByContent(
  challenges: readonly StructureUnit[],
  countermeasures: readonly StructureUnit[],
  explicit: readonly Set<number>[],
  challengeTiers: readonly (string | undefined)[],
  answersTier: readonly (string | undefined)[],
): Matching {
  let model: SimilarityModel | undefined;
  const score = (c: number, m: number): number =>
    (model ??= buildSimilarity(
      challenges.map((unit) => unit.text),
      countermeasures.map((unit) => unit.text),
    )).score(c, m);
  const strong = (c: number, m: number): MatchEvidence | undefined => {
    if (explicit[m]!.has(c)) return 'explicit';
    if (challengeTiers[c] !== undefined && challengeTiers[c] === answersTier[m]) return 'tier';
    return undefined;
  };
  const evidenceOf = (c: number, m: number): MatchEvidence | undefined =>
    strong(c, m) ?? (score(c, m) >= MIN_SIMILARITY ? 'similarity' : undefined);
  const assignment =
    decidedByDeclaration(challenges.length, countermeasures.length, strong) ??
    bestAssignment(
      challenges.map((_, c) =>
        countermeasures.map((_, m) => {
          const evidence = evidenceOf(c, m);
          const similarity = score(c, m);
          if (evidence === 'explicit') return 100 + similarity;
          if (evidence === 'tier') return 10 + similarity;
          return evidence === 'similarity' ? similarity : 0;
        }),
      ),
    );
  const pairs: StructurePair[] = [];
  assignment.forEach((m, c) => {
    if (m < 0) return;
    const evidence = evidenceOf(c, m);
    if (evidence) {
      pairs.push({
        challenge: c,
        countermeasure: m,
        evidence,
        get similarity() {
          return score(c, m);
        },
      });
    }
  });
  let candidates: (readonly Candidate[])[] | undefined;
  return {
    pairs,
    get candidates() {
      return (candidates ??= challenges.map((_, c) =>
        countermeasures
          .map((_, m) => ({ countermeasure: m, similarity: score(c, m) }))
          .sort((a, b) => b.similarity - a.similarity),
      ));
    },
    compared: true,
    similarity: score,
  };
}

/**
 * Pairs by explicit references, then by framework tier, each challenge in order taking the first countermeasure
 * still free: linear in the number of units and references, for drafts too large to compare by content.
 */
function matchByDeclaration(
  challengeCount: number,
  countermeasureCount: number,
  explicit: readonly Set<number>[],
  challengeTiers: readonly (string | undefined)[],
  answersTier: readonly (string | undefined)[],
): Matching {
  const naming: number[][] = Array.from({ length: challengeCount }, () => []);
  explicit.forEach((targets, m) => {
    for (const c of targets) naming[c]!.push(m);
  });
  const byTier = new Map<string, number[]>();
  answersTier.forEach((tier, m) => {
    if (tier === undefined) return;
    const queue = byTier.get(tier);
    if (queue) queue.push(m);
    else byTier.set(tier, [m]);
  });
  const taken = new Array<boolean>(countermeasureCount).fill(false);
  const chosen = new Array<StructurePair | undefined>(challengeCount);
  for (let c = 0; c < challengeCount; c++) {
    const m = naming[c]!.find((candidate) => !taken[candidate]);
    if (m === undefined) continue;
    taken[m] = true;
    chosen[c] = { challenge: c, countermeasure: m, evidence: 'explicit', similarity: 0 };
  }
  const nextFree = new Map<string, number>();
  for (let c = 0; c < challengeCount; c++) {
    const tier = challengeTiers[c];
    const queue = tier === undefined ? undefined : byTier.get(tier);
    if (chosen[c] || !queue) continue;
    let k = nextFree.get(tier!) ?? 0;
    while (k < queue.length && taken[queue[k]!]) k++;
    nextFree.set(tier!, k + 1);
    if (k >= queue.length) continue;
    taken[queue[k]!] = true;
    chosen[c] = { challenge: c, countermeasure: queue[k]!, evidence: 'tier', similarity: 0 };
  }
  return {
    pairs: chosen.filter((pair): pair is StructurePair => pair !== undefined),
    candidates: Array.from({ length: challengeCount }, () => []),
    compared: false,
    similarity: () => 0,
  };
}

const cache = new WeakMap<DocumentModel, Map<string, StructureAnalysis>>();

export interface StructureOptions {
  readonly framework?: Framework;
  readonly exemptSections?: unknown;
}

export function analyzeStructure(model: DocumentModel, options: StructureOptions = {}): StructureAnalysis {
  const framework = options.framework ?? paperFramework;
  const exemptNames = parseExemptSections(options.exemptSections);
  const key = `${framework.id}\u0000${exemptNames.join('\u0001')}`;
  let perModel = cache.get(model);
  const cached = perModel?.get(key);
  if (cached) return cached;

  const exempt = exemptSectionFlags(model, exemptNames);
  const { units, challengeParts, countermeasureParts } = findUnits(model, framework, (section: Section) => exempt[section.index] === true);
  const challenges = units.filter((unit) => unit.kind === 'challenge');
  const countermeasures = units.filter((unit) => unit.kind === 'countermeasure');
  const challengeTiers = challenges.map((unit) => tierOf(unit, framework));
  const countermeasureDimensions = countermeasures.map((unit) => dimensionOf(unit, framework));
  const answersTier = countermeasureDimensions.map((id) => framework.countermeasures.find((d) => d.id === id)?.answers);

  const names = indexChallenges(challenges);
  const explicit = countermeasures.map((unit) => explicitTargets(model, unit, names));
  const matching =
    Math.max(challenges.length, countermeasures.length) <= MAX_UNITS_COMPARED
      ? matchByContent(challenges, countermeasures, explicit, challengeTiers, answersTier)
      : matchByDeclaration(challenges.length, countermeasures.length, explicit, challengeTiers, answersTier);
  const analysis: StructureAnalysis = {
    framework,
    challenges,
    countermeasures,
    challengeTiers,
    countermeasureDimensions,
    challengeParts,
    countermeasureParts,
    pairs: matching.pairs,
    // Read through, not copied: the candidates are computed when first read.
    get candidates() {
      return matching.candidates;
    },
    compared: matching.compared,
    similarity: matching.similarity,
  };
  if (!perModel) {
    perModel = new Map();
    cache.set(model, perModel);
  }
  perModel.set(key, analysis);
  return analysis;
}
