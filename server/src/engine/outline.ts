// The draft's outline (section tree with challenges and countermeasures marked and paired) and the code
// lenses that link each challenge to its answer and back. Pure: the server maps these to LSP types.
import type { Locale } from './i18n';
import { format } from './i18n';
import type { DocumentModel, Span } from './model';
import { analyzeStructure, type StructureAnalysis, type StructureOptions } from './structure';

export type OutlineKind = 'section' | 'challenge' | 'countermeasure' | 'references';

export interface OutlineSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: readonly OutlineSymbol[];
}

export interface StructureLens {
  readonly span: Span;
  readonly title: string;
  /** Where the lens leads. */
  readonly target: Span;
}

const words = {
  challenge: { en: 'challenge', 'zh-CN': '挑战' },
  countermeasure: { en: 'countermeasure', 'zh-CN': '对策' },
  unanswered: { en: 'unanswered', 'zh-CN': '未回应' },
  answersNothing: { en: 'answers no challenge', 'zh-CN': '未对应挑战' },
  references: { en: 'reference list · {0} entries', 'zh-CN': '参考文献 · {0} 条' },
} as const;

function label(unit: { readonly number: string | undefined; readonly title: string }): string {
  return unit.number ?? (unit.title.length > 16 ? `${unit.title.slice(0, 15)}…` : unit.title);
}

interface Pairing {
  readonly partnerOfChallenge: Map<number, number>;
  readonly partnerOfCountermeasure: Map<number, number>;
}

function pairing(analysis: StructureAnalysis): Pairing {
  const partnerOfChallenge = new Map<number, number>();
  const partnerOfCountermeasure = new Map<number, number>();
  for (const pair of analysis.pairs) {
    partnerOfChallenge.set(pair.challenge, pair.countermeasure);
    partnerOfCountermeasure.set(pair.countermeasure, pair.challenge);
  }
  return { partnerOfChallenge, partnerOfCountermeasure };
}

function tierName(analysis: StructureAnalysis, tierId: string | undefined, locale: Locale): string | undefined {
  return analysis.framework.tiers.find((tier) => tier.id === tierId)?.name[locale];
}

function dimensionName(analysis: StructureAnalysis, id: string | undefined, locale: Locale): string | undefined {
  return analysis.framework.countermeasures.find((d) => d.id === id)?.name[locale];
}

function challengeDetail(analysis: StructureAnalysis, c: number, pairs: Pairing, locale: Locale): string {
  const parts: string[] = [words.challenge[locale]];
  const tier = tierName(analysis, analysis.challengeTiers[c], locale);
  if (tier) parts.push(tier);
  const partner = pairs.partnerOfChallenge.get(c);
  parts.push(partner === undefined ? words.unanswered[locale] : `→ ${words.countermeasure[locale]} ${label(analysis.countermeasures[partner]!)}`);
  return parts.join(' · ');
}

function countermeasureDetail(analysis: StructureAnalysis, m: number, pairs: Pairing, locale: Locale): string {
  const parts: string[] = [words.countermeasure[locale]];
  const dimension = dimensionName(analysis, analysis.countermeasureDimensions[m], locale);
  if (dimension) parts.push(dimension);
  const partner = pairs.partnerOfCountermeasure.get(m);
  parts.push(partner === undefined ? words.answersNothing[locale] : `← ${words.challenge[locale]} ${label(analysis.challenges[partner]!)}`);
  return parts.join(' · ');
}

export function documentOutline(model: DocumentModel, locale: Locale, options: StructureOptions = {}): OutlineSymbol[] {
  const analysis = analyzeStructure(model, options);
  const pairs = pairing(analysis);
  const challengeBySection = new Map<number, number>();
  const countermeasureBySection = new Map<number, number>();
  const itemsBySection = new Map<number, OutlineSymbol[]>();
  analysis.challenges.forEach((unit, c) => {
    if (!unit.isItem) challengeBySection.set(unit.section, c);
    else pushItem(itemsBySection, unit.section, { name: unit.title, detail: challengeDetail(analysis, c, pairs, locale), kind: 'challenge', span: unit.span, selectionSpan: unit.anchor, children: [] });
  });
  analysis.countermeasures.forEach((unit, m) => {
    if (!unit.isItem) countermeasureBySection.set(unit.section, m);
    else pushItem(itemsBySection, unit.section, { name: unit.title, detail: countermeasureDetail(analysis, m, pairs, locale), kind: 'countermeasure', span: unit.span, selectionSpan: unit.anchor, children: [] });
  });
  const referenceSection = model.references?.section ?? -1;

  const build = (index: number): OutlineSymbol => {
    const section = model.sections[index]!;
    const children = [...(itemsBySection.get(index) ?? []), ...section.children.map(build)];
    const c = challengeBySection.get(index);
    const m = countermeasureBySection.get(index);
    const base = { name: section.title || '…', span: section.span, selectionSpan: section.headingSpan, children };
    if (c !== undefined) return { ...base, kind: 'challenge', detail: challengeDetail(analysis, c, pairs, locale) };
    if (m !== undefined) return { ...base, kind: 'countermeasure', detail: countermeasureDetail(analysis, m, pairs, locale) };
    if (index === referenceSection) {
      return { ...base, kind: 'references', detail: format(words.references[locale], model.references!.entries.length) };
    }
    return { ...base, kind: 'section', detail: '' };
  };
  return model.sections.filter((section) => section.parent < 0).map((section) => build(section.index));
}

function pushItem(map: Map<number, OutlineSymbol[]>, section: number, symbol: OutlineSymbol): void {
  const list = map.get(section);
  if (list) list.push(symbol);
  else map.set(section, [symbol]);
}

/** "→ 对策 5.2" on each answered challenge, "← 挑战 4.2" on each countermeasure that answers one. */
export function structureLenses(model: DocumentModel, locale: Locale, options: StructureOptions = {}): StructureLens[] {
  const analysis = analyzeStructure(model, options);
  const lenses: StructureLens[] = [];
  for (const pair of analysis.pairs) {
    const challenge = analysis.challenges[pair.challenge]!;
    const countermeasure = analysis.countermeasures[pair.countermeasure]!;
    lenses.push({ span: challenge.anchor, title: `→ ${words.countermeasure[locale]} ${label(countermeasure)}`, target: countermeasure.anchor });
    lenses.push({ span: countermeasure.anchor, title: `← ${words.challenge[locale]} ${label(challenge)}`, target: challenge.anchor });
  }
  return lenses.sort((a, b) => a.span.start - b.span.start);
}
