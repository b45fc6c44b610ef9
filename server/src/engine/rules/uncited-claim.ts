// uncited-claim: a factual claim (someone else's finding, a dated event, a quotation, a record) with no
// citation in its scope. The range is the cue that makes it a claim; the fix adds a citation at the end
// of the sentence.
import type { Rule } from '../finding';
import type { Localized } from '../i18n';
import { localize, quote } from '../i18n';
import { findClaim, type ClaimKind } from '../evidence/claims';
import { exemptBlocks, parseExemptSections } from '../evidence/exempt';
import { buildSourcingIndex, isSourced, parseCitationScope, sentenceSubSpan } from '../evidence/sourcing';
import { sentenceHasStatistic } from '../evidence/statistics';
import { citationFixes } from '../evidence/fixes';

const messages: Record<ClaimKind, Localized> = {
  attribution: {
    en: 'Claim without a citation: {0} reports what a source found or said, but no citation follows.',
    'zh-CN': '论断缺少引用：{0}转述了他人的观点或数据，但没有引用标注。',
  },
  'dated-event': {
    en: 'Claim without a citation: the dated event {0} has no source.',
    'zh-CN': '论断缺少引用：带日期的事件{0}没有注明来源。',
  },
  quotation: {
    en: 'Quotation without a citation: {0} has no source.',
    'zh-CN': '引语缺少引用：{0}没有注明出处。',
  },
  record: {
    en: 'Claim without a citation: the record or ranking {0} has no source.',
    'zh-CN': '论断缺少引用：纪录或排名{0}没有注明来源。',
  },
  'vague-attribution': {
    en: 'Nameless source: {0} names no one, so no citation can back it. Name the source and cite it.',
    'zh-CN': '来源不明：{0}没有指明出处，无法加注引用。请写明具体来源并标注引用。',
  },
};

export const uncitedClaim: Rule = {
  id: 'uncited-claim',
  defaultSeverity: 'information',
  fixable: false,
  description: {
    en: 'A factual claim — an attributed finding, a dated event, a quotation, a record — has no citation.',
    'zh-CN': '事实性论断（转述的观点或数据、带日期的事件、引语、纪录或排名）没有引用标注。',
  },
  check(model, context) {
    const scope = parseCitationScope(context.options.citationScope);
    const isExempt = exemptBlocks(model, parseExemptSections(context.options.exemptSections));
    const index = buildSourcingIndex(model);
    const findings = [];
    for (const sentence of model.sentences) {
      const block = model.blocks[sentence.block]!;
      if (block.kind !== 'paragraph' || block.inReferences || block.inTable || isExempt(block)) continue;
      // Outside clause scope a sourced sentence is sourced wherever its cue is: no need to look for one.
      if (scope !== 'clause' && isSourced(model, index, sentence, scope)) continue;
      const cue = findClaim(sentence.text);
      if (!cue || isSourced(model, index, sentence, scope, cue.start)) continue;
      // A sentence whose number is already reported by unsourced-statistic needs no second flag.
      if (cue.kind !== 'vague-attribution' && sentenceHasStatistic(sentence.text)) continue;
      const span = sentenceSubSpan(model, sentence, cue.start, cue.end);
      const cueText = sentence.text.slice(cue.start, cue.end);
      findings.push({
        span,
        message: localize(messages[cue.kind], context.locale, quote(cueText, context.locale)),
        related: [],
        data: { text: model.text.slice(span.start, span.end), kind: cue.kind },
      });
    }
    return findings;
  },
  fixes(model, finding, context) {
    return finding.data?.kind === 'vague-attribution'
      ? citationFixes(model, finding, context, { cite: false })
      : citationFixes(model, finding, context, { cite: true });
  },
};
