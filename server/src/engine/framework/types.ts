// The analytical framework as typed data. The bundled framework is the paper's (new quality productive forces and
// Sino-ROK S&T cooperation); users can replace or extend it with their own tiers in the same shape (docs/framework.md).
import type { Localized } from '../i18n';

/** Lever ids of the paper's framework (section 2.1–2.3). User frameworks may use any id. */
export const PAPER_LEVER_IDS = ['new', 'quality', 'productivity'] as const;
export type PaperLeverId = (typeof PAPER_LEVER_IDS)[number];

/** Challenge tier ids of the paper's framework (section 4.1–4.3). */
export const PAPER_TIER_IDS = ['endogenous', 'core', 'external'] as const;
export type PaperTierId = (typeof PAPER_TIER_IDS)[number];

/** Countermeasure dimension ids of the paper's framework (section 5.1–5.3). */
export const PAPER_COUNTERMEASURE_IDS = ['endogenous-environment', 'core-competitiveness', 'external-drivers'] as const;
export type PaperCountermeasureId = (typeof PAPER_COUNTERMEASURE_IDS)[number];

/**
 * Words that signal a concept. A cue with a CJK character matches as a substring; a Latin cue matches as a whole
 * word, case-insensitively, except an acronym written in capitals (two or more, no lower case: "US", "IPEF"),
 * which matches case-sensitively so that "US" never matches "us".
 */
export type CueList = readonly string[];

/** One of the ways the central concept drives the subject (the paper: 新 / 质 / 生产力). */
export interface FrameworkLever {
  readonly id: string;
  readonly term: Localized;
  readonly meaning: Localized;
  readonly howItDrivesCooperation: Localized;
  readonly cues: CueList;
  /** Section of the source that develops the lever, e.g. "2.1". */
  readonly section: string;
}

/** A tier of challenges (the paper: 内生 / 核心 / 外源). */
export interface ChallengeTier {
  readonly id: string;
  readonly name: Localized;
  readonly meaning: Localized;
  readonly cues: CueList;
  readonly section: string;
}

/** A countermeasure dimension; `answers` names the tier it responds to. */
export interface CountermeasureDimension {
  readonly id: string;
  readonly name: Localized;
  readonly meaning: Localized;
  readonly cues: CueList;
  readonly answers: string;
  readonly section: string;
}

export interface FrameworkSource {
  readonly citation: Localized;
  /** Section numbers that exist in the source, so that glossary entries can be checked against them. */
  readonly sections?: readonly string[];
  /** Number of entries in the source's reference list, when known. */
  readonly referenceCount?: number;
}

export interface Framework {
  readonly id: string;
  readonly title: Localized;
  readonly source: FrameworkSource;
  readonly levers: readonly FrameworkLever[];
  readonly tiers: readonly ChallengeTier[];
  readonly countermeasures: readonly CountermeasureDimension[];
  /** Words that mark a heading as a challenge section or a countermeasure section. */
  readonly headingCues: { readonly challenge: CueList; readonly countermeasure: CueList };
  /** Ordered series of enumerators (一是/二是…, 其一/其二…, 首先/其次/最后). */
  readonly enumerators: readonly (readonly string[])[];
}

export type MergeMode = 'replace' | 'extend';

export interface FrameworkIssue {
  /** Errors make the user framework unusable (the base is kept); warnings are advice. */
  readonly severity: 'error' | 'warning';
  /** Where in the user data, e.g. "tiers[1].cues[0]". */
  readonly path: string;
  readonly message: Localized;
}

export interface MergeResult {
  readonly framework: Framework;
  readonly issues: readonly FrameworkIssue[];
}
