// unsourced-statistic: a number that reports a measured or counted fact, with no source in its scope.
// The range is the number itself (with its qualifier and unit). Statistics in a table or a figure/table
// caption count as sourced when the caption, or a source note beside the table, names a source.
import type { Rule } from '../finding';
import { localize, quote, type Localized } from '../i18n';
import type { DocumentModel, ProseBlock } from '../model';
import type { NumberKind } from '../numbers';
import { exemptBlocks, parseExemptSections } from '../evidence/exempt';
import { buildSourcingIndex, hasInlineSource, isSourced, parseCitationScope, sentenceSubSpan } from '../evidence/sourcing';
import { statisticsIn } from '../evidence/statistics';
import { citationFixes } from '../evidence/fixes';
import { findClaim, isAuthorVoice } from '../evidence/claims';
import { analyzeStructure } from '../structure';
import type { Framework } from '../framework';

const message: Localized = {
  en: 'Statistic without a source: {0} ({1}) has no citation in its {2}.',
  'zh-CN': '数据缺少来源：{0}（{1}）所在的{2}没有引用标注。',
};

const kindNames: Partial<Record<NumberKind, Localized>> = {
  percent: { en: 'a percentage', 'zh-CN': '百分比' },
  permille: { en: 'a per-mille figure', 'zh-CN': '千分比' },
  percentagePoint: { en: 'a change in percentage points', 'zh-CN': '百分点变化' },
  currency: { en: 'an amount of money', 'zh-CN': '金额' },
  count: { en: 'a count', 'zh-CN': '数量' },
  rank: { en: 'a rank', 'zh-CN': '排名' },
  multiple: { en: 'a multiple', 'zh-CN': '倍数' },
  quantity: { en: 'a measured quantity', 'zh-CN': '计量数据' },
  duration: { en: 'a duration', 'zh-CN': '时长' },
};
const genericKind: Localized = { en: 'a figure', 'zh-CN': '数据' };

const scopeNames: Record<'sentence' | 'clause' | 'paragraph', Localized> = {
  sentence: { en: 'sentence', 'zh-CN': '句子' },
  clause: { en: 'clause', 'zh-CN': '分句' },
  paragraph: { en: 'paragraph', 'zh-CN': '段落' },
};

/** Caption and source-note blocks that belong to each table, keyed by the table's first cell block. */
function tableSourcing(model: DocumentModel, index: ReturnType<typeof buildSourcingIndex>): (block: ProseBlock) => boolean {
  const sourced = new Set<number>();
  const blocks = model.blocks;
  let i = 0;
  while (i < blocks.length) {
    if (!blocks[i]!.inTable) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < blocks.length && blocks[j + 1]!.inTable && blocks[j + 1]!.section === blocks[i]!.section) j++;
    const neighbours = [blocks[i - 1], blocks[j + 1]].filter((b): b is ProseBlock => b !== undefined && !b.inTable);
    const named = neighbours.some(
      (b) => (b.kind === 'caption' || hasInlineSource(b.text)) && (hasInlineSource(b.text) || index.hasMarkerOrLink(b.span.start, b.span.end)),
    );
    if (named) for (let k = i; k <= j; k++) sourced.add(k);
    i = j + 1;
  }
  return (block) => sourced.has(block.index);
}

/** Whether an offset lies in a countermeasure unit of the draft's structure. */
function countermeasureSpans(model: DocumentModel, options: { readonly [key: string]: unknown }): (offset: number) => boolean {
  const framework = options.framework as Framework | undefined;
  const spans = analyzeStructure(model, { framework, exemptSections: options.exemptSections })
    .countermeasures.map((unit) => unit.span)
    .sort((a, b) => a.start - b.start);
  // The furthest end among the spans up to each one: asked once per sentence, answered by binary search.
  const furthestEnd: number[] = [];
  for (const span of spans) furthestEnd.push(Math.max(span.end, furthestEnd[furthestEnd.length - 1] ?? -Infinity));
  return (offset) => {
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (spans[middle]!.start <= offset) low = middle + 1;
      else high = middle;
    }
    return low > 0 && furthestEnd[low - 1]! > offset;
  };
}

function reportsSomeoneElse(text: string): boolean {
  const cue = findClaim(text);
  return cue !== undefined && cue.kind !== 'record';
}

export const unsourcedStatistic: Rule = {
  id: 'unsourced-statistic',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    en: 'A statistic — a percentage, amount, count, rank or multiple — has no source.',
    'zh-CN': '统计数据（百分比、金额、数量、排名或倍数）没有注明来源。',
  },
  check(model, context) {
    const scope = parseCitationScope(context.options.citationScope);
    const isExempt = exemptBlocks(model, parseExemptSections(context.options.exemptSections));
    const index = buildSourcingIndex(model);
    const tableIsSourced = tableSourcing(model, index);
    const inCountermeasure = countermeasureSpans(model, context.options);
    const findings = [];
    for (const sentence of model.sentences) {
      const block = model.blocks[sentence.block]!;
      if (block.kind === 'heading' || block.inReferences || isExempt(block)) continue;
      if (block.inTable && tableIsSourced(block)) continue;
      // Outside clause scope a source covers every figure of the sentence: a sourced sentence (most of them, in
      // a well-cited draft) needs no reading at all.
      if (scope !== 'clause' && isSourced(model, index, sentence, scope)) continue;
      const mentions = statisticsIn(sentence.text);
      if (mentions.length === 0) continue;
      // Numbers in the author's own questions, framing and recommendations are proposals, not reported
      // facts; so are numbers in a countermeasure, unless the sentence reports someone else's finding.
      if (isAuthorVoice(sentence.text)) continue;
      if (inCountermeasure(sentence.span.start) && !reportsSomeoneElse(sentence.text)) continue;
      for (const mention of mentions) {
        if (isSourced(model, index, sentence, scope, mention.start)) continue;
        const span = sentenceSubSpan(model, sentence, mention.start, mention.end);
        findings.push({
          span,
          message: localize(
            message,
            context.locale,
            quote(mention.raw, context.locale),
            (kindNames[mention.kind] ?? genericKind)[context.locale],
            scopeNames[scope][context.locale],
          ),
          related: [],
          data: { text: model.text.slice(span.start, span.end), kind: mention.kind },
        });
      }
    }
    return findings;
  },
  fixes(model, finding, context) {
    return citationFixes(model, finding, context, { cite: true });
  },
};
