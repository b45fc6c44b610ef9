// Shared reading of citations and the reference list for the citation rules, their fixes and navigation:
// which markers name which entries, where an entry's lines start and end, and how stub entries are written.
import type { TextEditSpan } from './finding';
import type { CitationMarker, DocumentModel, ReferenceEntry, Span } from './model';

/** The line break the document already uses, so inserted lines match it. */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) return '\r\n';
  if (lf < 0 && text.includes('\r')) return '\r';
  return '\n';
}

const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN_LETTER = /[A-Za-z]/g;

/**
 * Decides the language of generated text from the prose outside the reference list (references are often
 * English even in Chinese papers). A CJK character carries about as much as a short English word, so a
 * document counts as Chinese when CJK characters are at least a quarter as many as Latin letters.
 */
export function isChineseDocument(model: DocumentModel): boolean {
  const prose = model.blocks.filter((block) => !block.inReferences).map((block) => block.text);
  const sample = prose.length > 0 ? prose.join('\n') : model.text;
  const cjk = sample.match(CJK_CHAR)?.length ?? 0;
  const latin = sample.match(LATIN_LETTER)?.length ?? 0;
  return cjk > 0 && cjk * 4 >= latin;
}

export const PLACEHOLDER_ZH = '待补充：作者. 题名[J]. 刊名, 年, 卷(期): 页码.';
export const PLACEHOLDER_EN = 'TODO: Author. Title. Publisher, Year.';

export function stubPlaceholder(model: DocumentModel): string {
  return isChineseDocument(model) ? PLACEHOLDER_ZH : PLACEHOLDER_EN;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** The lines a span sits on: first line start, end of the last line's content, and after its line break. */
export interface LineRange {
  readonly start: number;
  readonly contentEnd: number;
  readonly end: number;
}

export function linesOf(text: string, span: Span): LineRange {
  let start = span.start;
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
  let contentEnd = span.end;
  if (contentEnd > span.start && text.charCodeAt(contentEnd - 1) === 10) {
    contentEnd--;
    if (contentEnd > span.start && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
  } else if (contentEnd > span.start && text.charCodeAt(contentEnd - 1) === 13) {
    contentEnd--;
  } else {
    while (contentEnd < text.length && !isLineBreak(text.charCodeAt(contentEnd))) contentEnd++;
  }
  let end = contentEnd;
  if (text.charCodeAt(end) === 13) end++;
  if (text.charCodeAt(end) === 10 && (end === contentEnd || text.charCodeAt(end - 1) === 13)) end++;
  return { start, contentEnd, end };
}

export function entries(model: DocumentModel): readonly ReferenceEntry[] {
  return model.references?.entries ?? [];
}

export function numberedEntries(model: DocumentModel): ReferenceEntry[] {
  return entries(model).filter((entry) => entry.number !== undefined);
}

// Indexes over the frozen model, built once per model: a long reference list and thousands of markers would
// otherwise be compared pairwise, once per rule.
const bodyMarkerCache = new WeakMap<DocumentModel, readonly CitationMarker[]>();

/** Markers in the text, leaving out anything the parser may have read off an entry's own label. */
export function bodyMarkers(model: DocumentModel): CitationMarker[] {
  let markers = bodyMarkerCache.get(model);
  if (markers === undefined) {
    const overlapsLabel = labelOverlapTest(entries(model).map((entry) => entry.labelSpan));
    markers = model.citations.filter((marker) => !overlapsLabel(marker.span)).sort((a, b) => a.span.start - b.span.start);
    bodyMarkerCache.set(model, markers);
  }
  return markers.slice();
}

/** A test for whether a span overlaps any of `labels`, by binary search over the labels in order of start. */
function labelOverlapTest(labels: readonly Span[]): (span: Span) => boolean {
  const sorted = [...labels].sort((a, b) => a.start - b.start);
  // The furthest end among the labels up to each one: a span overlaps some label starting before its end iff
  // that furthest end passes its start.
  const furthestEnd: number[] = [];
  for (const label of sorted) furthestEnd.push(Math.max(label.end, furthestEnd[furthestEnd.length - 1] ?? -Infinity));
  return (span) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]!.start < span.end) low = middle + 1;
      else high = middle;
    }
    return low > 0 && furthestEnd[low - 1]! > span.start;
  };
}

/**
 * A reference list that numbered, pandoc and author-year citations can point into: a reference-list section,
 * or entries other than footnote definitions. Footnote definitions alone only serve footnote markers.
 */
export function hasReferenceList(model: DocumentModel): boolean {
  const references = model.references;
  if (!references) return false;
  return references.section >= 0 || references.entries.some((entry) => entry.kind !== 'footnote');
}

export function declaresBibliography(model: DocumentModel): boolean {
  return model.frontMatter !== undefined && /^\s*bibliography\s*:/m.test(model.frontMatter.value);
}

function sameKey(style: CitationMarker['style'], key: string, entry: ReferenceEntry): boolean {
  if (entry.key === undefined) return false;
  // Footnote labels match case-insensitively in CommonMark/GFM; citation keys are exact.
  return style === 'footnote' ? entry.key.toLowerCase() === key.toLowerCase() : entry.key === key;
}

/** Surname and year of an "author|year" key: "Smith and Jones|2020a" → Smith, 2020. */
function authorYear(key: string): { surname: string; year: string } | undefined {
  const bar = key.lastIndexOf('|');
  if (bar < 0) return undefined;
  const author = key.slice(0, bar);
  const year = /\d{4}/.exec(key.slice(bar + 1))?.[0];
  const surname = author
    .split(/\s+(?:and|&)\s+|\s+et\s+al\.?|等|、|，|,|;|；/i)[0]
    ?.trim()
    .replace(/[.\s]+$/, '');
  if (!year || !surname) return undefined;
  return { surname, year };
}

export function entryMatchesAuthorYear(entry: ReferenceEntry, key: string): boolean {
  const parts = authorYear(key);
  if (!parts) return false;
  return entry.text.toLowerCase().includes(parts.surname.toLowerCase()) && entry.text.includes(parts.year);
}

/** The four-digit runs an entry's text contains (every one a year could be read as), for looking entries up. */
function fourDigitRuns(text: string): Set<string> {
  const runs = new Set<string>();
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    digits = code >= 0x30 && code <= 0x39 ? digits + 1 : 0;
    if (digits >= 4) runs.add(text.slice(i - 3, i + 1));
  }
  return runs;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The reference list's entries by what a marker can name: number, exact key, key in lower case, year. */
interface EntryIndex {
  readonly byNumber: ReadonlyMap<number, readonly ReferenceEntry[]>;
  readonly byKey: ReadonlyMap<string, readonly ReferenceEntry[]>;
  readonly byLowerKey: ReadonlyMap<string, readonly ReferenceEntry[]>;
  /** Built on the first author-year look-up: it reads every entry's text. */
  byYear: ReadonlyMap<string, readonly ReferenceEntry[]> | undefined;
}

/** Look-ups answered by scanning the list before it is indexed: a draft citing a few entries needs no index. */
const SCANS_BEFORE_INDEX = 16;

const entryLookups = new WeakMap<DocumentModel, { scans: number; index: EntryIndex | undefined }>();

function entryIndex(model: DocumentModel): EntryIndex | undefined {
  let state = entryLookups.get(model);
  if (!state) entryLookups.set(model, (state = { scans: 0, index: undefined }));
  if (state.index || state.scans++ < SCANS_BEFORE_INDEX) return state.index;
  const byNumber = new Map<number, ReferenceEntry[]>();
  const byKey = new Map<string, ReferenceEntry[]>();
  const byLowerKey = new Map<string, ReferenceEntry[]>();
  for (const entry of entries(model)) {
    if (entry.number !== undefined) addTo(byNumber, entry.number, entry);
    if (entry.key !== undefined) {
      addTo(byKey, entry.key, entry);
      addTo(byLowerKey, entry.key.toLowerCase(), entry);
    }
  }
  state.index = { byNumber, byKey, byLowerKey, byYear: undefined };
  return state.index;
}

function entriesByYear(model: DocumentModel, index: EntryIndex): ReadonlyMap<string, readonly ReferenceEntry[]> {
  if (index.byYear === undefined) {
    const byYear = new Map<string, ReferenceEntry[]>();
    for (const entry of entries(model)) for (const year of fourDigitRuns(entry.text)) addTo(byYear, year, entry);
    index.byYear = byYear;
  }
  return index.byYear;
}

/** The entries one name in a marker (a number or a key) names, in list order; none when it is missing. */
export function entriesForName(
  model: DocumentModel,
  style: CitationMarker['style'],
  name: number | string,
): ReferenceEntry[] {
  const index = entryIndex(model);
  if (!index) {
    return entries(model).filter((entry) => {
      if (typeof name === 'number') return entry.number === name;
      if (style === 'author-year') return entryMatchesAuthorYear(entry, name);
      return sameKey(style, name, entry);
    });
  }
  if (typeof name === 'number') return [...(index.byNumber.get(name) ?? [])];
  if (style === 'author-year') {
    const year = authorYear(name)?.year;
    const candidates = year === undefined ? [] : entriesByYear(model, index).get(year) ?? [];
    return candidates.filter((entry) => entryMatchesAuthorYear(entry, name));
  }
  // Footnote labels match without regard to case (sameKey); other keys exactly.
  return [...((style === 'footnote' ? index.byLowerKey.get(name.toLowerCase()) : index.byKey.get(name)) ?? [])];
}

/** A test for whether any of `markers` cites an entry (as markerCitesEntry), answered from sets of what they name. */
export function citedByAny(markers: readonly CitationMarker[]): (entry: ReferenceEntry) => boolean {
  const numbers = new Set<number>();
  const keys = new Set<string>();
  const footnoteKeys = new Set<string>();
  const authorYears = new Map<string, string[]>();
  for (const marker of markers) {
    if (marker.style === 'numeric') for (const n of marker.numbers) numbers.add(n);
    else if (marker.style === 'footnote') for (const key of marker.keys) footnoteKeys.add(key.toLowerCase());
    else if (marker.style === 'author-year') for (const key of marker.keys) {
      const year = authorYear(key)?.year;
      if (year !== undefined) addTo(authorYears, year, key);
    }
    else for (const key of marker.keys) keys.add(key);
  }
  return (entry) => {
    if (entry.number !== undefined && numbers.has(entry.number)) return true;
    if (entry.key !== undefined && (keys.has(entry.key) || footnoteKeys.has(entry.key.toLowerCase()))) return true;
    if (authorYears.size === 0) return false;
    for (const year of fourDigitRuns(entry.text)) {
      if (authorYears.get(year)?.some((key) => entryMatchesAuthorYear(entry, key))) return true;
    }
    return false;
  };
}

/** The names a marker cites: its numbers for numeric markers, else its keys. */
export function namesOf(marker: CitationMarker): readonly (number | string)[] {
  return marker.style === 'numeric' ? marker.numbers : marker.keys;
}

export function markerCitesEntry(marker: CitationMarker, entry: ReferenceEntry): boolean {
  if (marker.style === 'numeric') return entry.number !== undefined && marker.numbers.includes(entry.number);
  if (marker.style === 'author-year') return marker.keys.some((key) => entryMatchesAuthorYear(entry, key));
  return marker.keys.some((key) => sameKey(marker.style, key, entry));
}

/** The label with its number replaced, keeping full-width digits full-width ("［１］" → "［３］"). */
function withNumber(label: string, value: number): string {
  return label.replace(/[0-9\uff10-\uff19]+/, (digits) =>
    /[\uff10-\uff19]/.test(digits)
      ? String(value).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))
      : String(value),
  );
}

/** How a template entry is written: what precedes its label, the label, and the gap before its text. */
function entryStyle(text: string, entry: ReferenceEntry): { prefix: string; label: string; gap: string } {
  const lines = linesOf(text, entry.labelSpan);
  const prefix = text.slice(lines.start, entry.labelSpan.start);
  const label = text.slice(entry.labelSpan.start, entry.labelSpan.end);
  const gap = /^[ \t\u3000]*/.exec(text.slice(entry.labelSpan.end, lines.contentEnd))?.[0] ?? ' ';
  return { prefix, label, gap };
}

/** Whitespace between two consecutive entries ("\n", or "\n\n" when entries are separate paragraphs). */
function entrySeparator(text: string, list: readonly ReferenceEntry[], eol: string): string {
  for (let i = 0; i + 1 < list.length; i++) {
    const between = text.slice(linesOf(text, list[i]!.span).contentEnd, linesOf(text, list[i + 1]!.span).start);
    if (/^\s+$/.test(between) && /[\r\n]/.test(between)) return between;
  }
  return eol;
}

export interface StubEdits {
  readonly edits: TextEditSpan[];
  /** Where the first stub's placeholder starts once the edits are applied. */
  readonly cursor: number | undefined;
}

interface PendingInsertion {
  at: number;
  pieces: string[];
  /** Offset of the first placeholder inside the joined pieces, if this insertion carries the first one. */
  placeholderOffset?: number;
}

function finish(insertions: PendingInsertion[]): StubEdits {
  insertions.sort((a, b) => a.at - b.at);
  const edits: TextEditSpan[] = [];
  let cursor: number | undefined;
  let shift = 0;
  for (const insertion of insertions) {
    const newText = insertion.pieces.join('');
    if (insertion.placeholderOffset !== undefined && cursor === undefined) {
      cursor = insertion.at + shift + insertion.placeholderOffset;
    }
    edits.push({ span: { start: insertion.at, end: insertion.at }, newText });
    shift += newText.length;
  }
  return { edits, cursor };
}

function insertionAt(insertions: Map<number, PendingInsertion>, at: number): PendingInsertion {
  let insertion = insertions.get(at);
  if (!insertion) {
    insertion = { at, pieces: [] };
    insertions.set(at, insertion);
  }
  return insertion;
}

function addPiece(insertion: PendingInsertion, before: string, placeholder: string, after: string, mark: boolean): void {
  if (mark && insertion.placeholderOffset === undefined) {
    insertion.placeholderOffset = insertion.pieces.join('').length + before.length;
  }
  insertion.pieces.push(before + placeholder + after);
}

/**
 * Edits that add a stub entry for each missing number at its numeric place in the list, written like the
 * neighbouring entries, and a footnote definition for each missing footnote label.
 */
export function stubEdits(model: DocumentModel, numbers: readonly number[], footnoteKeys: readonly string[]): StubEdits {
  const text = model.text;
  const eol = eolOf(text);
  const placeholder = stubPlaceholder(model);
  const insertions = new Map<number, PendingInsertion>();
  let first = true;

  const numbered = numberedEntries(model);
  const listed = new Set(numbered.map((entry) => entry.number));
  let wanted = [...new Set(numbers)].filter((n) => !listed.has(n)).sort((a, b) => a - b);
  if (numbered.length > 0 && numbered.every((entry) => entry.kind === 'list')) {
    // A Markdown ordered list numbers its items by position: a stub can only be added after the last item
    // (anything before the first would renumber them all), and reaching n means filling the numbers before it.
    const last = numbered[numbered.length - 1]!.number!;
    const highest = wanted.reduce((max, n) => Math.max(max, n), last);
    wanted = [];
    for (let n = last + 1; n <= highest; n++) wanted.push(n);
  }
  if (wanted.length > 0) {
    const separator = entrySeparator(text, numbered, eol);
    const firstAbove = firstEntryAbove(numbered);
    for (const n of wanted) {
      const next = firstAbove(n);
      if (next) {
        const style = entryStyle(text, next);
        const insertion = insertionAt(insertions, linesOf(text, next.span).start);
        addPiece(insertion, style.prefix + withNumber(style.label, n) + style.gap, placeholder, separator, first);
      } else if (numbered.length > 0) {
        const last = numbered[numbered.length - 1]!;
        const style = entryStyle(text, last);
        const insertion = insertionAt(insertions, linesOf(text, last.span).contentEnd);
        addPiece(insertion, separator + style.prefix + withNumber(style.label, n) + style.gap, placeholder, '', first);
      } else {
        const insertion = insertionAt(insertions, endOfListContent(model));
        const lead = insertion.pieces.length === 0 ? eol + eol : eol;
        addPiece(insertion, `${lead}[${n}] `, placeholder, '', first);
      }
      first = false;
    }
  }

  const footnotes = entries(model).filter((entry) => entry.kind === 'footnote');
  const defined = new Set(footnotes.map((entry) => entry.key?.toLowerCase()));
  const wantedKeys = [...new Set(footnoteKeys)].filter((key) => !defined.has(key.toLowerCase()));
  const footnoteSeparator = wantedKeys.length > 0 ? entrySeparator(text, footnotes, eol) : eol;
  for (const key of wantedKeys) {
    const last = footnotes[footnotes.length - 1];
    if (last) {
      const insertion = insertionAt(insertions, linesOf(text, last.span).contentEnd);
      addPiece(insertion, `${footnoteSeparator}[^${key}]: `, placeholder, '', first);
    } else {
      const insertion = insertionAt(insertions, text.length);
      // A numeric stub appended at the same place ends without a line break; a definition needs its own paragraph.
      const before = insertion.pieces.join('');
      const lead = before.length === 0 ? breaksToBlankLine(text, eol) : before.endsWith(eol) ? '' : eol + eol;
      addPiece(insertion, `${lead}[^${key}]: `, placeholder, eol, first);
    }
    first = false;
  }
  return finish([...insertions.values()]);
}

/**
 * The first entry in list order numbered above n (lists need not be in order). That is where the largest number
 * so far first passes n, and the largest number so far only grows: a binary search over it finds the place.
 */
function firstEntryAbove(list: readonly ReferenceEntry[]): (n: number) => ReferenceEntry | undefined {
  const largestSoFar: number[] = [];
  for (const entry of list) largestSoFar.push(Math.max(entry.number!, largestSoFar[largestSoFar.length - 1] ?? -Infinity));
  return (n) => {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (largestSoFar[middle]! > n) high = middle;
      else low = middle + 1;
    }
    return list[low];
  };
}

/** Where to append inside a reference list that has no numbered entries yet: after its last text. */
function endOfListContent(model: DocumentModel): number {
  const references = model.references;
  const text = model.text;
  if (references?.span) {
    let end = references.span.end;
    while (end > references.span.start && /\s/.test(text[end - 1]!)) end--;
    return end;
  }
  const lastEntry = references?.entries[references.entries.length - 1];
  if (lastEntry) return linesOf(text, lastEntry.span).contentEnd;
  return text.length;
}

/** Line breaks to add at the end of the text so that what is appended starts after a blank line. */
export function breaksToBlankLine(text: string, eol: string): string {
  if (text.length === 0) return '';
  // Counted by hand: /(?:\r\n|\n|\r)*$/ backtracks exponentially over a run of CRLFs that is not at the end.
  let count = 0;
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (code !== 10 && code !== 13) break;
    end -= code === 10 && text.charCodeAt(end - 2) === 13 ? 2 : 1;
    count++;
  }
  return eol.repeat(Math.max(0, 2 - count));
}
