// Message templates of the two consistency rules. Each shows the numbers side by side and the arithmetic;
// figures are quoted as written, computed values rounded to two decimals.
import type { RelatedInfo } from '../finding';
import { localize, quote, type Locale, type Localized } from '../i18n';
import type { DocumentModel, Span } from '../model';
import { mapProseSpan } from '../parse/mapping';
import { positionAt } from '../positions';
import type { ArithmeticIssue } from './arithmetic';
import type { ConflictIssue } from './conflicts';
import type { Fact } from './facts';

const templates = {
  change: {
    en: 'Change does not add up: from {0} to {1} is ({1} − {0}) / {0} = {2}%, but the text says {3}.',
    'zh-CN': '变化幅度与数值不符：由{0}到{1}，({1} − {0}) / {0} = {2}%，而文中为{3}。',
  },
  points: {
    en: 'Percentage points do not add up: from {0} to {1} is {1} − {0} = {2} percentage points, but the text says {3}.',
    'zh-CN': '百分点之差与数值不符：由{0}到{1}，{1} − {0} = {2}个百分点，而文中为{3}。',
  },
  pointsForPercent: {
    en: 'Percentage points where a relative change was meant: from {0} to {1} is {1} − {0} = {2} percentage points, but the text says {3}, which is the relative change ({1} − {0}) / {0} = {4}%.',
    'zh-CN': '“个百分点”疑为相对变化：由{0}到{1}，{1} − {0} = {2}个百分点，而文中为{3}，与相对变化({1} − {0}) / {0} = {4}%相符。',
  },
  percentForPoints: {
    en: 'A relative change where percentage points were meant: from {0} to {1} is ({1} − {0}) / {0} = {2}%, but the text says {3}, which is the difference {1} − {0} = {4} percentage points.',
    'zh-CN': '百分比变化疑为百分点之差：由{0}到{1}，相对变化为({1} − {0}) / {0} = {2}%，而文中为{3}，与差值{1} − {0} = {4}个百分点相符。',
  },
  shares: {
    en: 'Shares of one whole add up to more than 100%: {0} = {1}%.',
    'zh-CN': '同一总体的各部分占比之和超过100%：{0} = {1}%。',
  },
  scale: {
    en: 'Same figure at another scale ({3}, {4}): {0} here but {1} on line {2}, a factor of {5}; one of them has the wrong scale word (万/亿, million/billion).',
    'zh-CN': '同一数据数量级不一致：{3}（{4}）此处为{0}，第{2}行为{1}，相差{5}倍，疑为“万”“亿”等单位之误。',
  },
  value: {
    en: 'Conflicting figures for {0} ({1}, {2}): {3} here, but {4} on line {5}; the two cannot both hold.',
    'zh-CN': '同一数据前后不一致：{1}（{2}）的{0}此处为{3}，而第{5}行为{4}，二者不能同时成立。',
  },
  rank: {
    en: 'Conflicting ranks on {0} ({1}, {2}): {3} here, but {4} on line {5}; one list cannot rank it both ways.',
    'zh-CN': '排名前后矛盾：{1}（{2}）的{0}此处为{3}，而第{5}行为{4}，同一榜单不能同时成立。',
  },
} satisfies Record<string, Localized>;

const indicatorTemplates = {
  share: { en: 'the share of {0}', 'zh-CN': '{0}中的占比' },
  rank: { en: 'the {0} ranking', 'zh-CN': '{0}排名' },
  plain: { en: '{0}', 'zh-CN': '{0}' },
} satisfies Record<string, Localized>;

const relatedTemplates = {
  from: { en: 'Earlier value: {0}', 'zh-CN': '变化前的数值：{0}' },
  to: { en: 'Later value: {0}', 'zh-CN': '变化后的数值：{0}' },
  share: { en: 'Another share of the same whole: {0}', 'zh-CN': '同一总体的另一部分占比：{0}' },
  other: { en: 'The other figure: {0}', 'zh-CN': '另一处数据：{0}' },
} satisfies Record<string, Localized>;

/** A computed value for a message: two decimals at most, a true minus sign. */
export function figure(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const text = String(Math.abs(rounded) < 1e-9 ? 0 : rounded);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

const signed = (value: number): string => (Math.round(value * 100) > 0 ? `+${figure(value)}` : figure(value));

export function factSpan(model: DocumentModel, fact: Fact, fromWording = false): Span {
  const sentence = fact.sentence;
  const start = fromWording ? fact.wordingStart : fact.mention.start;
  return mapProseSpan(model.blocks[sentence.block]!, sentence.proseStart + start, sentence.proseStart + fact.mention.end);
}

const written = (fact: Fact): string => fact.mention.raw.trim();
const wording = (fact: Fact, locale: Locale): string => quote(fact.sentence.text.slice(fact.wordingStart, fact.mention.end), locale);
const lineOf = (model: DocumentModel, span: Span): number => positionAt(model.lineStarts, model.text, span.start).line + 1;

export interface Report {
  readonly span: Span;
  readonly message: string;
  readonly related: RelatedInfo[];
}

function relatedTo(model: DocumentModel, fact: Fact, template: Localized, locale: Locale): RelatedInfo {
  return { span: factSpan(model, fact), message: localize(template, locale, quote(written(fact), locale)) };
}

export function arithmeticReport(model: DocumentModel, issue: ArithmeticIssue, locale: Locale): Report {
  if (issue.type === 'shares') {
    const last = issue.shares[issue.shares.length - 1]!;
    const sum = issue.shares.map((f) => written(f)).join(' + ');
    return {
      span: factSpan(model, last),
      message: localize(templates.shares, locale, sum, figure(issue.total)),
      related: issue.shares.slice(0, -1).map((f) => relatedTo(model, f, relatedTemplates.share, locale)),
    };
  }
  const from = written(issue.from);
  const to = written(issue.to);
  const stated = wording(issue.change, locale);
  const relative = signed(issue.relative);
  const difference = signed(issue.difference);
  const args: Record<typeof issue.type, readonly string[]> = {
    change: [from, to, relative, stated],
    points: [from, to, difference, stated],
    pointsForPercent: [from, to, difference, stated, relative],
    percentForPoints: [from, to, relative, stated, difference],
  };
  return {
    span: factSpan(model, issue.change, true),
    message: localize(templates[issue.type], locale, ...args[issue.type]),
    related: [relatedTo(model, issue.from, relatedTemplates.from, locale), relatedTo(model, issue.to, relatedTemplates.to, locale)],
  };
}

export function conflictReport(model: DocumentModel, issue: ConflictIssue, locale: Locale): Report {
  const { fact, other } = issue;
  const otherSpan = factSpan(model, other);
  const line = lineOf(model, otherSpan);
  const entity = fact.entityNames[locale];
  const shape = fact.kindKey === 'rank' ? 'rank' : fact.share ? 'share' : 'plain';
  const indicator = localize(indicatorTemplates[shape], locale, fact.indicatorText);
  const period = fact.periodText ?? fact.period ?? '';
  const here = quote(written(fact), locale);
  const there = quote(written(other), locale);
  const message =
    issue.type === 'scale'
      ? localize(templates.scale, locale, here, there, line, entity, period, figure(issue.factor))
      : localize(templates[issue.type], locale, indicator, entity, period, here, there, line);
  return { span: factSpan(model, fact), message, related: [relatedTo(model, other, relatedTemplates.other, locale)] };
}
