// conflicting-statistic: the same indicator for the same entity and period given incompatible values in
// two places, or two ranks on one list that cannot both hold. The range is the later figure; the earlier
// one is the related location.
import type { Rule } from '../finding';
import { analyzeConsistency, conflictReport } from '../consistency';

export const conflictingStatistic: Rule = {
  id: 'conflicting-statistic',
  defaultSeverity: 'information',
  fixable: false,
  description: {
    en: 'The same statistic — indicator, entity, period — is given different values or ranks in different places.',
    'zh-CN': '同一统计数据（指标、主体、时间相同）在不同位置的数值或排名不一致。',
  },
  check(model, context) {
    return analyzeConsistency(model).conflicts.map((issue) => ({ ...conflictReport(model, issue, context.locale), data: { kind: issue.type } }));
  },
};
