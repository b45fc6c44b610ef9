// orphan-countermeasure: a countermeasure that answers none of the draft's challenges.
import type { Rule } from '../finding';
import { localize, quote } from '../i18n';
import { analyzeStructure } from '../structure';
import type { Framework } from '../framework';

const messages = {
  orphan: {
    en: 'Countermeasure {0} answers none of the challenges the draft raises.',
    'zh-CN': '对策{0}没有对应稿件提出的任何挑战。',
  },
  closest: {
    en: 'Closest challenge {0} (similarity {1})',
    'zh-CN': '最接近的挑战{0}（相似度 {1}）',
  },
} as const;

export const orphanCountermeasure: Rule = {
  id: 'orphan-countermeasure',
  defaultSeverity: 'information',
  fixable: false,
  description: {
    en: 'A countermeasure answers none of the challenges the draft raises.',
    'zh-CN': '对策没有对应稿件提出的任何挑战。',
  },
  check(model, context) {
    const framework = context.options.framework as Framework | undefined;
    const analysis = analyzeStructure(model, { framework, exemptSections: context.options.exemptSections });
    if (analysis.challenges.length === 0) return [];
    const used = new Set(analysis.pairs.map((pair) => pair.countermeasure));
    const findings = [];
    for (let m = 0; m < analysis.countermeasures.length; m++) {
      if (used.has(m)) continue;
      const unit = analysis.countermeasures[m]!;
      const label = unit.number ? `${unit.number} ${unit.title}` : unit.title;
      // A draft too large to compare by content has no closest challenge to offer.
      const closest = analysis.compared
        ? analysis.challenges
            .map((challenge, c) => ({ challenge, similarity: analysis.similarity(c, m) }))
            .sort((a, b) => b.similarity - a.similarity)
            .slice(0, 2)
        : [];
      findings.push({
        span: unit.anchor,
        message: localize(messages.orphan, context.locale, quote(label, context.locale)),
        related: closest.map(({ challenge, similarity }) => ({
          span: challenge.anchor,
          message: localize(
            messages.closest,
            context.locale,
            quote(challenge.number ? `${challenge.number} ${challenge.title}` : challenge.title, context.locale),
            similarity.toFixed(2),
          ),
        })),
        data: { text: model.text.slice(unit.anchor.start, unit.anchor.end) },
      });
    }
    return findings;
  },
};
