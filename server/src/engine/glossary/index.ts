// The glossary of the paper's terms: loading, indexing, lookup at an offset, hover text, user extensions and
// completion. Pure data and functions; the hover and completion providers call these.
import glossaryData from './glossary.json';
import type { Locale } from '../i18n';
import type { Span } from '../model';
import { paperFramework } from '../framework';
import type { Framework } from '../framework/types';
import { deepFreeze } from '../framework/merge';
import { buildTermIndex, matchAll, matchAt, surfaceForms, termKey, type TermIndex, type TermMatch } from './matcher';
import { renderTermHover } from './hover';
import { readGlossaryEntries } from './read';
import type { GlossaryEntry } from './types';

export type * from './types';
export type { TermMatch } from './matcher';
export { readGlossaryEntries } from './read';
export { termKey, surfaceForms } from './matcher';

export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  readonly byId: ReadonlyMap<string, GlossaryEntry>;
  /** Opaque lookup structure used by `findTermAt` and `findTerms`. */
  readonly index: TermIndex;
}

/** Indexes entries; later entries win when two share an id or a surface form. */
export function createGlossary(entries: readonly GlossaryEntry[]): Glossary {
  const byId = new Map<string, GlossaryEntry>();
  for (const entry of entries) byId.set(entry.id, deepFreeze(entry));
  const unique = [...byId.values()];
  return Object.freeze({ entries: Object.freeze(unique), byId, index: buildTermIndex(unique) });
}

function loadPaperGlossary(): Glossary {
  const { entries, issues } = readGlossaryEntries((glossaryData as { entries: unknown }).entries, 'glossary.json');
  if (issues.length > 0) {
    // The bundled file is part of the build; a broken entry is a defect the tests must catch.
    throw new Error(`glossary.json is invalid: ${issues.map((issue) => issue.message.en).join(' ')}`);
  }
  return createGlossary(entries);
}

/** The bundled glossary of terms from the paper. */
export const paperGlossary: Glossary = loadPaperGlossary();

/**
 * The glossary term under `offset` in `text`: the longest term or alias whose span contains the offset
 * (so 新质生产力 wins over 生产力 anywhere inside it). Chinese terms match anywhere; English terms match
 * case-insensitively as whole words, with any run of whitespace between their words.
 */
export function findTermAt(text: string, offset: number, glossary: Glossary = paperGlossary): { entry: GlossaryEntry; span: Span } | undefined {
  return matchAt(text, offset, glossary.index);
}

/** Every glossary term in `text`, left to right, longest match first where terms overlap. */
export function findTerms(text: string, glossary: Glossary = paperGlossary): TermMatch[] {
  return matchAll(text, glossary.index);
}

/** Markdown hover for an entry, in `locale` first and the other language after. */
export function termHoverMarkdown(
  entry: GlossaryEntry,
  locale: Locale,
  glossary: Glossary = paperGlossary,
  framework: Framework = paperFramework,
): string {
  return renderTermHover(entry, locale, (id) => glossary.byId.get(id), framework);
}

/**
 * Adds user entries to a glossary. A user entry replaces the base entry with the same id, or else the base
 * entry with the same Chinese or English term (keeping that entry's id); otherwise it is added. A replaced
 * entry's aliases go with it.
 */
export function mergeGlossary(base: Glossary, userEntries: readonly GlossaryEntry[]): Glossary {
  const entries = [...base.entries];
  for (const user of userEntries) {
    const userTerms = new Set([termKey(user.term['zh-CN']), termKey(user.term.en)]);
    const at = entries.findIndex(
      (entry) => entry.id === user.id || userTerms.has(termKey(entry.term['zh-CN'])) || userTerms.has(termKey(entry.term.en)),
    );
    // A replacement by term takes over the base id so that other entries' related links keep working.
    if (at >= 0) entries[at] = entries[at]!.id === user.id ? user : { ...user, id: entries[at]!.id };
    else entries.push(user);
  }
  return createGlossary(entries);
}

export interface GlossaryCompletion {
  /** The text to insert: a term or alias exactly as written in the glossary. */
  readonly label: string;
  readonly entry: GlossaryEntry;
  /** Whether the label is the entry's own term or one of its aliases. */
  readonly isAlias: boolean;
}

/**
 * Terms and aliases starting with `prefix` (case-insensitive, whitespace folded), own terms before aliases,
 * shorter labels first. An empty prefix lists every entry's terms.
 */
export function glossaryCompletions(prefix: string, glossary: Glossary = paperGlossary, limit = 50): GlossaryCompletion[] {
  const key = termKey(prefix);
  const seen = new Set<string>();
  const result: GlossaryCompletion[] = [];
  for (const entry of glossary.entries) {
    const terms = [entry.term['zh-CN'], entry.term.en];
    for (const label of surfaceForms(entry)) {
      const isAlias = !terms.includes(label);
      if ((key === '' && isAlias) || !termKey(label).startsWith(key) || seen.has(label)) continue;
      seen.add(label);
      result.push({ label, entry, isAlias });
    }
  }
  result.sort(
    (a, b) => Number(a.isAlias) - Number(b.isAlias) || a.label.length - b.label.length || a.label.localeCompare(b.label),
  );
  return result.slice(0, limit);
}
