// unanswered-challenge: every challenge the draft raises must be answered by a countermeasure. A draft
// with challenges but no countermeasure part gets one finding on the challenge part instead of one per
// challenge. The fix inserts a countermeasure skeleton that mirrors the challenge.
import type { Fix, Rule } from '../finding';
import { localize, quote } from '../i18n';
import { analyzeStructure, type StructureAnalysis } from '../structure';
import type { Framework } from '../framework';
import { countermeasureSkeletonFix } from '../structure/skeleton';

const messages = {
  unanswered: {
    en: 'Unanswered challenge: no countermeasure answers {0}.',
    'zh-CN': '挑战未获回应：没有对策回应{0}。',
  },
  unansweredTier: {
    en: 'Unanswered challenge: no countermeasure answers {0} (tier {1}; expected a countermeasure on {2}).',
    'zh-CN': '挑战未获回应：没有对策回应{0}（{1}挑战，应有“{2}”方面的对策）。',
  },
  noCountermeasures: {
    en: 'The draft raises {0} challenge(s) but has no countermeasure part (对策/建议/recommendations).',
    'zh-CN': '本稿提出了{0}项挑战，但没有对策部分（对策、建议或举措）。',
  },
  candidate: {
    en: 'Closest countermeasure {0} (similarity {1})',
    'zh-CN': '最接近的对策{0}（相似度 {1}）',
  },
} as const;

function frameworkOf(options: { readonly [key: string]: unknown }): Framework | undefined {
  const framework = options.framework;
  return framework && typeof framework === 'object' && 'tiers' in framework ? (framework as Framework) : undefined;
}

function unitLabel(analysis: StructureAnalysis, index: number, kind: 'challenge' | 'countermeasure'): string {
  const unit = kind === 'challenge' ? analysis.challenges[index]! : analysis.countermeasures[index]!;
  return unit.number ? `${unit.number} ${unit.title}` : unit.title;
}

export const unansweredChallenge: Rule = {
  id: 'unanswered-challenge',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    en: 'A challenge the draft raises is not answered by any countermeasure.',
    'zh-CN': '稿件提出的挑战没有任何对策予以回应。',
  },
  check(model, context) {
    const analysis = analyzeStructure(model, { framework: frameworkOf(context.options), exemptSections: context.options.exemptSections });
    const { challenges, countermeasures, pairs, framework } = analysis;
    if (challenges.length === 0) return [];
    if (countermeasures.length === 0 && analysis.countermeasureParts.length === 0) {
      const part = analysis.challengeParts[0];
      const span = part !== undefined ? model.sections[part]!.headingSpan : challenges[0]!.anchor;
      return [
        {
          span,
          message: localize(messages.noCountermeasures, context.locale, challenges.length),
          related: challenges.map((unit) => ({ span: unit.anchor, message: quote(unit.title, context.locale) })),
          data: { text: model.text.slice(span.start, span.end), challenge: 0 },
        },
      ];
    }
    const answered = new Set(pairs.map((pair) => pair.challenge));
    const findings = [];
    for (let c = 0; c < challenges.length; c++) {
      if (answered.has(c)) continue;
      const unit = challenges[c]!;
      const tierId = analysis.challengeTiers[c];
      const tier = framework.tiers.find((t) => t.id === tierId);
      const dimension = framework.countermeasures.find((d) => d.answers === tierId);
      const label = quote(unitLabel(analysis, c, 'challenge'), context.locale);
      const message =
        tier && dimension
          ? localize(messages.unansweredTier, context.locale, label, tier.name[context.locale], dimension.name[context.locale])
          : localize(messages.unanswered, context.locale, label);
      const related = analysis.candidates[c]!.slice(0, 3).map((candidate) => ({
        span: countermeasures[candidate.countermeasure]!.anchor,
        message: localize(
          messages.candidate,
          context.locale,
          quote(unitLabel(analysis, candidate.countermeasure, 'countermeasure'), context.locale),
          candidate.similarity.toFixed(2),
        ),
      }));
      findings.push({
        span: unit.anchor,
        message,
        related,
        data: { text: model.text.slice(unit.anchor.start, unit.anchor.end), challenge: c },
      });
    }
    return findings;
  },
  fixes(model, finding, context): Fix[] {
    const analysis = analyzeStructure(model, { framework: frameworkOf(context.options), exemptSections: context.options.exemptSections });
    const index = analysis.challenges.findIndex((unit) => unit.anchor.start === finding.span.start);
    if (index < 0) return [];
    const fix = countermeasureSkeletonFix(model, analysis, index, context.locale);
    return fix ? [fix] : [];
  },
};
