import type { Localized } from '../i18n';

/** Where a term sits in the framework: one of its levers, tiers or countermeasure dimensions, or background. */
export type PositionKind = 'lever' | 'tier' | 'countermeasure' | 'background';

export interface GlossaryPosition {
  readonly kind: PositionKind;
  /** Id of the lever, tier or countermeasure dimension; absent for background terms. */
  readonly id?: string;
  /** Extra words on the position, shown after the framework label. */
  readonly note?: Localized;
}

/** A scholar's reading of a term as the paper surveys it (e.g. the views on 新质生产力 in section 1.1). */
export interface ScholarView {
  readonly scholar: Localized;
  /** Reference number in the paper's reference list. */
  readonly ref: number;
  readonly view: Localized;
}

export interface GlossarySource {
  /** Section of the paper (or of the user's own source) that uses the term, e.g. "1.1". */
  readonly section: string;
  /** Reference numbers cited there for the term. */
  readonly refs: readonly number[];
}

export interface GlossaryEntry {
  readonly id: string;
  readonly term: Localized;
  /** Other spellings in either language; matched like the terms themselves. */
  readonly aliases: readonly string[];
  readonly definition: Localized;
  readonly position: GlossaryPosition;
  /** Ids of related entries. */
  readonly related: readonly string[];
  /** Every bundled entry has one; user entries may leave it out. */
  readonly source?: GlossarySource;
  readonly views?: readonly ScholarView[];
}

export interface GlossaryIssue {
  readonly path: string;
  readonly message: Localized;
}
