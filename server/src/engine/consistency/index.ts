// Consistency of a draft's statistics: facts are read once per document model and shared by the two rules,
// inconsistent-statistic (arithmetic that does not add up) and conflicting-statistic (the same fact given
// different values in different places).
import type { DocumentModel } from '../model';
import { checkSentence, type ArithmeticIssue } from './arithmetic';
import { findConflicts, type ConflictIssue } from './conflicts';
import { readFacts, type Fact } from './facts';

export interface ConsistencyAnalysis {
  readonly facts: readonly Fact[];
  /** Arithmetic issues and 万/亿 slips, reported as inconsistent-statistic. */
  readonly arithmetic: readonly ArithmeticIssue[];
  readonly slips: readonly ConflictIssue[];
  /** Stated changes whose two values were found and compared, consistent or not. */
  readonly verifiedChanges: readonly Fact[];
  /** Value and rank conflicts, reported as conflicting-statistic. */
  readonly conflicts: readonly ConflictIssue[];
}

// Per model, not global: the model is frozen per (document, version), so the analysis can ride on it.
const cache = new WeakMap<DocumentModel, ConsistencyAnalysis>();

export function analyzeConsistency(model: DocumentModel): ConsistencyAnalysis {
  const cached = cache.get(model);
  if (cached) return cached;
  const facts = readFacts(model);
  const arithmetic: ArithmeticIssue[] = [];
  const verifiedChanges: Fact[] = [];
  let from = 0;
  for (let i = 1; i <= facts.length; i++) {
    if (i === facts.length || facts[i]!.sentence !== facts[from]!.sentence) {
      arithmetic.push(...checkSentence(facts.slice(from, i), verifiedChanges));
      from = i;
    }
  }
  const crossReference = findConflicts(facts);
  const analysis: ConsistencyAnalysis = {
    facts,
    arithmetic,
    verifiedChanges,
    slips: crossReference.filter((issue) => issue.type === 'scale'),
    conflicts: crossReference.filter((issue) => issue.type !== 'scale'),
  };
  cache.set(model, analysis);
  return analysis;
}

export { arithmeticReport, conflictReport } from './messages';
export type { ArithmeticIssue, ConflictIssue, Fact };
