// Hover text for a glossary term: the definition in the reader's language first, the other language after,
// then the scholars' views (if any), the term's place in the framework, related terms and the source.
import { format, type Locale, type Localized } from '../i18n';
import type { Framework } from '../framework/types';
import type { GlossaryEntry } from './types';

const LABELS = {
  views: { en: 'Views surveyed', 'zh-CN': '学者观点' },
  view: { en: '{0} [{1}]: {2}', 'zh-CN': '{0}［{1}］：{2}' },
  position: { en: 'Framework position', 'zh-CN': '框架位置' },
  related: { en: 'Related terms', 'zh-CN': '相关术语' },
  source: { en: 'Source', 'zh-CN': '来源' },
  lever: { en: 'lever "{0}" (section {1})', 'zh-CN': '杠杆：{0}（第 {1} 节）' },
  tier: { en: '{0} challenges (section {1})', 'zh-CN': '{0}挑战（第 {1} 节）' },
  countermeasure: {
    en: 'countermeasure dimension "{0}" (section {1}), answering {2} challenges',
    'zh-CN': '对策维度：{0}（第 {1} 节），回应{2}挑战',
  },
  unknownPosition: { en: '{0} "{1}"', 'zh-CN': '{0}“{1}”' },
  background: { en: 'background concept', 'zh-CN': '背景概念' },
  withNote: { en: '{0}: {1}', 'zh-CN': '{0}：{1}' },
  section: { en: 'the paper, section {0}', 'zh-CN': '论文第 {0} 节' },
  refs: { en: 'the paper, section {0}, references {1}', 'zh-CN': '论文第 {0} 节，参考文献 {1}' },
  listSeparator: { en: ', ', 'zh-CN': '、' },
  line: { en: '**{0}:** {1}', 'zh-CN': '**{0}**：{1}' },
} satisfies Record<string, Localized>;

function other(locale: Locale): Locale {
  return locale === 'en' ? 'zh-CN' : 'en';
}

/** Escapes characters that would turn plain text into Markdown markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}

function t(label: Localized, locale: Locale, ...args: readonly (string | number)[]): string {
  return format(label[locale], ...args);
}

function positionText(entry: GlossaryEntry, locale: Locale, framework: Framework): string {
  const { kind, id, note } = entry.position;
  let text: string;
  if (kind === 'background') {
    text = t(LABELS.background, locale);
  } else if (kind === 'lever') {
    const lever = framework.levers.find((item) => item.id === id);
    text = lever ? t(LABELS.lever, locale, lever.term[locale], lever.section) : t(LABELS.unknownPosition, locale, kind, id ?? '');
  } else if (kind === 'tier') {
    const tier = framework.tiers.find((item) => item.id === id);
    text = tier ? t(LABELS.tier, locale, tier.name[locale], tier.section) : t(LABELS.unknownPosition, locale, kind, id ?? '');
  } else {
    const dimension = framework.countermeasures.find((item) => item.id === id);
    const tier = dimension && framework.tiers.find((item) => item.id === dimension.answers);
    text = dimension
      ? t(LABELS.countermeasure, locale, dimension.name[locale], dimension.section, tier ? tier.name[locale] : dimension.answers)
      : t(LABELS.unknownPosition, locale, kind, id ?? '');
  }
  return escapeMarkdown(note ? t(LABELS.withNote, locale, text, note[locale]) : text);
}

/**
 * Markdown for a hover on a glossary term. `lookup` resolves related ids to entries (names are shown in the
 * reader's language; unknown ids are skipped); `framework` names the lever, tier or dimension.
 */
export function renderTermHover(
  entry: GlossaryEntry,
  locale: Locale,
  lookup: (id: string) => GlossaryEntry | undefined,
  framework: Framework,
): string {
  const second = other(locale);
  const heading =
    entry.term[locale] === entry.term[second]
      ? `**${escapeMarkdown(entry.term[locale])}**`
      : `**${escapeMarkdown(entry.term[locale])}** · ${escapeMarkdown(entry.term[second])}`;
  const parts: string[] = [heading, escapeMarkdown(entry.definition[locale])];
  if (entry.definition[second] !== entry.definition[locale]) parts.push(`*${escapeMarkdown(entry.definition[second])}*`);

  if (entry.views?.length) {
    const items = entry.views.map(
      (view) => `- ${escapeMarkdown(t(LABELS.view, locale, view.scholar[locale], view.ref, view.view[locale]))}`,
    );
    parts.push(`**${t(LABELS.views, locale)}**\n\n${items.join('\n')}`);
  }

  const lines = [t(LABELS.line, locale, t(LABELS.position, locale), positionText(entry, locale, framework))];
  const related = entry.related.flatMap((id) => {
    const target = lookup(id);
    return target ? [escapeMarkdown(target.term[locale])] : [];
  });
  if (related.length) {
    lines.push(t(LABELS.line, locale, t(LABELS.related, locale), related.join(t(LABELS.listSeparator, locale))));
  }
  if (entry.source) {
    const { section, refs } = entry.source;
    const where = refs.length
      ? t(LABELS.refs, locale, section, refs.map((ref) => `\\[${ref}\\]`).join(''))
      : t(LABELS.section, locale, section);
    lines.push(t(LABELS.line, locale, t(LABELS.source, locale), where));
  }
  parts.push(lines.join('  \n'));
  return parts.join('\n\n');
}
