// Hover, go to definition, find references and completion: citation markers and reference entries first,
// glossary terms (hover and completion) everywhere else in prose.
import {
  bodyMarkers,
  entries,
  entriesForName,
  markerCitesEntry,
  namesOf,
  numberedEntries,
} from './citation-index';
import { localize, type Localized } from './i18n';
import type { CitationMarker, DocumentModel, ProseBlock, ReferenceEntry, Span } from './model';
import type { EngineOptions } from './options';
import { findTermAt, glossaryCompletions, paperGlossary, termHoverMarkdown } from './glossary';
import { paperFramework } from './framework';
import { mapProseSpan, sourceToProse } from './parse/mapping';

export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

export interface CompletionResult {
  readonly label: string;
  readonly detail: string;
  readonly documentation?: string;
  readonly replaceSpan: Span;
  readonly newText: string;
  readonly kind: 'reference' | 'term';
  readonly sortText?: string;
}

const missingEntry: Localized = {
  en: '**{0}** is missing from the reference list.',
  'zh-CN': '参考文献列表中没有 **{0}**。',
};
const moreNames: Localized = {
  en: '… and {0} more.',
  'zh-CN': '……另有 {0} 条。',
};

/** More than this many names in one hover (a long range like [1–40]) are summarised. */
const HOVER_LIMIT = 12;
const DETAIL_LENGTH = 60;

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

function markerAt(model: DocumentModel, offset: number): CitationMarker | undefined {
  return bodyMarkers(model).find((marker) => contains(marker.span, offset));
}

function entryAt(model: DocumentModel, offset: number): ReferenceEntry | undefined {
  return entries(model).find((entry) => contains(entry.span, offset) || contains(entry.labelSpan, offset));
}

function displayName(marker: CitationMarker, name: number | string): string {
  if (typeof name === 'number') return `[${name}]`;
  if (marker.style === 'footnote') return `[^${name}]`;
  if (marker.style === 'pandoc') return `@${name}`;
  return name.replace('|', ', ');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The prose block containing a source offset, if any. */
function blockAt(model: DocumentModel, offset: number): ProseBlock | undefined {
  let low = 0;
  let high = model.blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = model.blocks[mid]!;
    if (offset < block.span.start) high = mid - 1;
    else if (offset >= block.span.end) low = mid + 1;
    else return block;
  }
  return undefined;
}

/** The glossary term under the cursor: its definition, framework position and source. */
function termHover(model: DocumentModel, offset: number, options: EngineOptions): HoverResult | undefined {
  const block = blockAt(model, offset);
  if (!block) return undefined;
  const proseOffset = sourceToProse(block, offset);
  if (proseOffset === undefined) return undefined;
  const glossary = options.glossary ?? paperGlossary;
  const match = findTermAt(block.text, proseOffset, glossary);
  if (!match) return undefined;
  return {
    markdown: termHoverMarkdown(match.entry, options.locale, glossary, options.framework ?? paperFramework),
    span: mapProseSpan(block, match.span.start, match.span.end),
  };
}

export function hoverAt(model: DocumentModel, offset: number, options: EngineOptions): HoverResult | undefined {
  const marker = markerAt(model, offset);
  if (!marker) return termHover(model, offset, options);
  const names = [...new Set(namesOf(marker))];
  const lines = names.slice(0, HOVER_LIMIT).map((name) => {
    const found = entriesForName(model, marker.style, name);
    const label = displayName(marker, name);
    if (found.length === 0) return localize(missingEntry, options.locale, label);
    return found.map((entry) => `**${label}** ${oneLine(entry.text)}`).join('\n\n');
  });
  if (names.length > HOVER_LIMIT) lines.push(localize(moreNames, options.locale, names.length - HOVER_LIMIT));
  if (lines.length === 0) return undefined;
  return { markdown: lines.join('\n\n'), span: marker.span };
}

export function definitionAt(model: DocumentModel, offset: number): Span[] {
  const marker = markerAt(model, offset);
  if (!marker) return [];
  const found = new Set<ReferenceEntry>();
  for (const name of namesOf(marker)) for (const entry of entriesForName(model, marker.style, name)) found.add(entry);
  return [...found].sort((a, b) => a.span.start - b.span.start).map((entry) => entry.span);
}

/** On an entry: every marker citing it. On a marker: every marker citing one of the same entries or names. */
export function referencesAt(model: DocumentModel, offset: number): Span[] {
  const markers = bodyMarkers(model);
  const entry = entryAt(model, offset);
  if (entry) return markers.filter((marker) => markerCitesEntry(marker, entry)).map((marker) => marker.span);
  const marker = markerAt(model, offset);
  if (!marker) return [];
  const names = new Set(namesOf(marker));
  return markers
    .filter((other) => other.style === marker.style && namesOf(other).some((name) => names.has(name)))
    .map((other) => other.span);
}

const OPEN_MARKER = /([[［])[\d\s,，、\-–]*$/;

function shorten(text: string, max: number): string {
  const line = oneLine(text);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function inNonProse(model: DocumentModel, offset: number): boolean {
  return model.nonProse.some((span) => span.start < offset && offset < span.end);
}

const HAN_RUN = /\p{Script=Han}{1,8}$/u;
const LATIN_WORDS = /[A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*){0,3}$/;

/**
 * Glossary terms completing what was typed last: the longest Chinese tail (up to 8 characters) that starts
 * a term, or the trailing English words. Chinese has no spaces, so the tail is tried from longest to shortest,
 * down to two characters.
 */
function termCompletions(before: string, offset: number, options: EngineOptions): CompletionResult[] {
  const glossary = options.glossary ?? paperGlossary;
  const candidates: string[] = [];
  const han = HAN_RUN.exec(before)?.[0];
  // One character starts too many terms to be a request for any of them.
  if (han) for (let length = han.length; length >= 2; length--) candidates.push(han.slice(han.length - length));
  const latin = LATIN_WORDS.exec(before)?.[0];
  if (latin) {
    const words = latin.split(' ');
    for (let i = 0; i < words.length; i++) candidates.push(words.slice(i).join(' '));
  }
  for (const prefix of candidates) {
    if (prefix.length < 2) continue;
    const found = glossaryCompletions(prefix, glossary, 30);
    if (found.length === 0) continue;
    return found.map((completion, index) => ({
      label: completion.label,
      detail: `${completion.entry.term['zh-CN']} · ${completion.entry.term.en}`,
      documentation: completion.entry.definition[options.locale],
      replaceSpan: { start: offset - prefix.length, end: offset },
      newText: completion.label,
      kind: 'term',
      sortText: String(index).padStart(3, '0'),
    }));
  }
  return [];
}

export function completionsAt(model: DocumentModel, offset: number, options: EngineOptions): CompletionResult[] {
  if (offset < 0 || offset > model.text.length || inNonProse(model, offset)) return [];
  const lineStart = Math.max(model.text.lastIndexOf('\n', offset - 1), model.text.lastIndexOf('\r', offset - 1)) + 1;
  const before = model.text.slice(lineStart, offset);
  const open = OPEN_MARKER.exec(before);
  if (!open) return termCompletions(before, offset, options);
  const typed = /\d*$/.exec(before)![0];
  const close = open[1] === '［' ? '］' : ']';
  const next = model.text[offset];
  const closing = next === ']' || next === '］' ? '' : close;
  const replaceSpan = { start: offset - typed.length, end: offset };
  // A loop, not Math.max(...numbers): a reference list of over 100,000 entries would overflow the call stack.
  let largest = 0;
  for (const entry of numberedEntries(model)) largest = Math.max(largest, entry.number!);
  const width = String(largest).length;
  const seen = new Set<number>();
  const results: CompletionResult[] = [];
  for (const entry of numberedEntries(model)) {
    const n = entry.number!;
    if (seen.has(n)) continue;
    seen.add(n);
    results.push({
      label: `[${n}]`,
      detail: shorten(entry.text, DETAIL_LENGTH),
      documentation: oneLine(entry.text),
      replaceSpan,
      newText: `${n}${closing}`,
      kind: 'reference',
      sortText: String(n).padStart(width, '0'),
    });
  }
  return results;
}
