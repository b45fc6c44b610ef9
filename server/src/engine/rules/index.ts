// The ordered rule registry: findings at the same offset are reported in this order, and every rule listed
// here has a page at docs/rules/<id>.md.
import type { Rule } from '../finding';
import { citationOrder } from './citation-order';
import { danglingCitation } from './dangling-citation';
import { fileTooLarge } from './file-too-large';
import { missingReferenceList } from './missing-reference-list';
import { uncitedReference } from './uncited-reference';
import { unsourcedStatistic } from './unsourced-statistic';
import { uncitedClaim } from './uncited-claim';
import { unansweredChallenge } from './unanswered-challenge';
import { orphanCountermeasure } from './orphan-countermeasure';
import { invalidDirective } from './invalid-directive';
import { inconsistentStatistic } from './inconsistent-statistic';
import { conflictingStatistic } from './conflicting-statistic';

export const rules: readonly Rule[] = [
  fileTooLarge,
  missingReferenceList,
  danglingCitation,
  uncitedReference,
  citationOrder,
  unsourcedStatistic,
  uncitedClaim,
  unansweredChallenge,
  orphanCountermeasure,
  invalidDirective,
  inconsistentStatistic,
  conflictingStatistic,
];

const byId = new Map(rules.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
