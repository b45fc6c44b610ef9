// Reading glossary entries from user data (JSON or YAML already parsed). Lenient like the framework reader: a
// plain string counts for both languages, "zh" is accepted for "zh-CN", and an entry may give only a term and a
// definition. Entries that cannot be used are dropped with a located, bilingual issue.
import { format, type Localized } from '../i18n';
import type { GlossaryEntry, GlossaryIssue, GlossaryPosition, PositionKind, ScholarView } from './types';

const MESSAGES = {
  notList: { en: '{0} must be a list of glossary entries.', 'zh-CN': '{0} 必须是术语条目的列表。' },
  notObject: { en: '{0} must be an object.', 'zh-CN': '{0} 必须是一个对象。' },
  text: {
    en: '{0} needs text: a string, or an object with "en" and "zh-CN".',
    'zh-CN': '{0} 需要文本：一个字符串，或含 “en” 与 “zh-CN” 的对象。',
  },
  strings: { en: '{0} must be a list of strings.', 'zh-CN': '{0} 必须是字符串列表。' },
  kind: {
    en: '{0} must be one of "lever", "tier", "countermeasure" or "background"; found {1}.',
    'zh-CN': '{0} 必须是 “lever”“tier”“countermeasure”“background” 之一，实际为 {1}。',
  },
  source: {
    en: '{0} must have a "section" such as "4.1" and "refs", a list of reference numbers.',
    'zh-CN': '{0} 需要 “section”（如 “4.1”）和 “refs”（参考文献编号列表）。',
  },
} satisfies Record<string, Localized>;

const KINDS: readonly PositionKind[] = ['lever', 'tier', 'countermeasure', 'background'];

type Raw = Record<string, unknown>;

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readLocalized(value: unknown): Localized | undefined {
  if (typeof value === 'string' && value.trim()) return { en: value, 'zh-CN': value };
  if (!isObject(value)) return undefined;
  const en = typeof value.en === 'string' ? value.en.trim() : '';
  const zhRaw = value['zh-CN'] ?? value.zh;
  const zh = typeof zhRaw === 'string' ? zhRaw.trim() : '';
  if (!en && !zh) return undefined;
  // A term known in one language only keeps that language in both slots rather than an empty string.
  return { en: en || zh, 'zh-CN': zh || en };
}

function readStrings(value: unknown): string[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return undefined;
  return value.map((item: string) => item.trim()).filter((item) => item !== '');
}

function slug(term: Localized): string {
  const ascii = term.en.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `user-${ascii || term['zh-CN']}`;
}

export function readGlossaryEntries(value: unknown, path = 'glossary'): { entries: GlossaryEntry[]; issues: GlossaryIssue[] } {
  const issues: GlossaryIssue[] = [];
  const report = (at: string, template: Localized, ...args: string[]): void => {
    issues.push({ path: at, message: { en: format(template.en, at, ...args), 'zh-CN': format(template['zh-CN'], at, ...args) } });
  };
  if (!Array.isArray(value)) {
    report(path, MESSAGES.notList);
    return { entries: [], issues };
  }
  const entries: GlossaryEntry[] = [];
  value.forEach((raw, index) => {
    const at = `${path}[${index}]`;
    if (!isObject(raw)) return report(at, MESSAGES.notObject);
    const term = readLocalized(raw.term);
    if (!term) return report(`${at}.term`, MESSAGES.text);
    const definition = readLocalized(raw.definition);
    if (!definition) return report(`${at}.definition`, MESSAGES.text);
    const aliases = readStrings(raw.aliases);
    if (!aliases) return report(`${at}.aliases`, MESSAGES.strings);
    const related = readStrings(raw.related);
    if (!related) return report(`${at}.related`, MESSAGES.strings);

    let position: GlossaryPosition = { kind: 'background' };
    if (raw.position !== undefined) {
      const rawPosition = isObject(raw.position) ? raw.position : { kind: raw.position };
      const kind = rawPosition.kind;
      if (typeof kind !== 'string' || !KINDS.includes(kind as PositionKind)) {
        return report(`${at}.position.kind`, MESSAGES.kind, JSON.stringify(kind) ?? 'undefined');
      }
      const note = readLocalized(rawPosition.note);
      position = {
        kind: kind as PositionKind,
        ...(typeof rawPosition.id === 'string' ? { id: rawPosition.id } : {}),
        ...(note ? { note } : {}),
      };
    }

    let source: GlossaryEntry['source'];
    if (raw.source !== undefined) {
      const rawSource = raw.source;
      const section = isObject(rawSource) ? rawSource.section : undefined;
      const refs = isObject(rawSource) ? (rawSource.refs ?? []) : undefined;
      if (
        (typeof section !== 'string' && typeof section !== 'number') ||
        !Array.isArray(refs) ||
        !refs.every((ref) => Number.isInteger(ref) && (ref as number) > 0)
      ) {
        return report(`${at}.source`, MESSAGES.source);
      }
      source = { section: String(section), refs: refs as number[] };
    }

    const views: ScholarView[] = [];
    if (Array.isArray(raw.views)) {
      for (const rawView of raw.views) {
        if (!isObject(rawView)) continue;
        const scholar = readLocalized(rawView.scholar);
        const view = readLocalized(rawView.view);
        if (scholar && view && Number.isInteger(rawView.ref)) views.push({ scholar, view, ref: rawView.ref as number });
      }
    }

    entries.push({
      id: typeof raw.id === 'string' && raw.id.trim() ? raw.id.trim() : slug(term),
      term,
      aliases,
      definition,
      position,
      related,
      ...(source ? { source } : {}),
      ...(views.length ? { views } : {}),
    });
  });
  return { entries, issues };
}
