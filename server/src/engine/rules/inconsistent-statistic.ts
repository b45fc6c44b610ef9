// inconsistent-statistic: arithmetic that does not add up — a stated change against the two values it joins,
// percentage points against relative change, shares of one whole over 100%, the same figure with 万 in one
// place and 亿 in another. The range is the stated change (or the last share, or the slipped figure).
import type { Rule } from '../finding';
import { analyzeConsistency, arithmeticReport, conflictReport } from '../consistency';

export const inconsistentStatistic: Rule = {
  id: 'inconsistent-statistic',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    en: 'The arithmetic of the statistics does not add up: a change, percentage points, shares over 100%, a 万/亿 slip.',
    'zh-CN': '统计数据的计算不符：变化幅度、百分点、占比之和超过100%或“万”“亿”混用。',
  },
  check(model, context) {
    const analysis = analyzeConsistency(model);
    return [
      ...analysis.arithmetic.map((issue) => arithmeticReport(model, issue, context.locale)),
      ...analysis.slips.map((issue) => conflictReport(model, issue, context.locale)),
    ].map((report) => ({ ...report, data: { kind: 'arithmetic' } }));
  },
};
