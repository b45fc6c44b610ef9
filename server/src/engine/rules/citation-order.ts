// Numbered references must be numbered in the order they are first cited (GB/T 7714 顺序编码制).
import type { Finding, Fix, Rule, TextEditSpan } from '../finding';
import { localize, quote, type Locale, type Localized } from '../i18n';
import type { CitationMarker, DocumentModel, ReferenceEntry, Span } from '../model';
import { bodyMarkers, linesOf, numberedEntries, overlaps, type LineRange } from '../citation-index';

const message: Localized = {
  en: 'Reference [{0}] is first cited here, after reference [{1}]; number references in the order they are first cited.',
  'zh-CN': '文献 [{0}] 在此处首次被引用，却排在文献 [{1}] 之后；参考文献应按首次引用的先后顺序编号。',
};
// A marker naming several references ("[3, 6-8]") says which of them is out of order.
const messageInGroup: Localized = {
  en: 'Reference [{0}] in {2} is first cited here, after reference [{1}]; number references in the order they are first cited.',
  'zh-CN': '{2}中的文献 [{0}] 在此处首次被引用，却排在文献 [{1}] 之后；参考文献应按首次引用的先后顺序编号。',
};
const fixTitle: Localized = {
  en: 'Renumber citations and references in order of first citation',
  'zh-CN': '按首次引用的顺序重新编号引用和参考文献',
};

// The parser's range dashes and list separators, with the spaces around them.
const DASH = /^[\s\u3000]*[-–—~～－‐‑][\s\u3000]*$/;
const COMMA = /^[\s\u3000]*[,，、;；][\s\u3000]*$/;
const DIGIT = /[0-9\uff10-\uff19]/;
const DIGITS = /[0-9\uff10-\uff19]+/g;

/** Reads ASCII or full-width digits. */
function numberValue(digits: string): number {
  return Number(digits.replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

/** Writes a number in the digits the original used (full-width stays full-width). */
function writeNumber(value: number, fullWidth: boolean): string {
  const ascii = String(value);
  return fullWidth ? ascii.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))) : ascii;
}

function numericMarkers(model: DocumentModel): CitationMarker[] {
  return bodyMarkers(model).filter((marker) => marker.style === 'numeric' && marker.numbers.length > 0);
}

/** The part of a marker from its first to its last digit ("1, 3–5" in "［1, 3–5］"). */
function numberContent(markerText: string): { start: number; end: number } | undefined {
  const start = markerText.search(DIGIT);
  if (start < 0) return undefined;
  let end = markerText.length;
  while (end > start && !DIGIT.test(markerText[end - 1]!)) end--;
  return { start, end };
}

interface Punctuation {
  dash: string | undefined;
  separator: string | undefined;
}

function punctuationOf(content: string): Punctuation {
  const between = content.split(DIGITS).slice(1, -1);
  return { dash: between.find((gap) => DASH.test(gap)), separator: between.find((gap) => COMMA.test(gap)) };
}

/** Ascending numbers written with runs of three or more as ranges ("1–3, 5"). */
function compress(numbers: readonly number[], dash: string, separator: string, fullWidth: boolean): string {
  const write = (value: number): string => writeNumber(value, fullWidth);
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${write(sorted[i]!)}${dash}${write(sorted[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(write(sorted[k]!));
    i = j + 1;
  }
  return parts.join(separator);
}

/** Old number → new number: cited numbers by first citation, then uncited entries in list order. */
function renumbering(model: DocumentModel): Map<number, number> {
  const mapping = new Map<number, number>();
  for (const marker of numericMarkers(model)) {
    for (const n of marker.numbers) if (!mapping.has(n)) mapping.set(n, mapping.size + 1);
  }
  for (const entry of numberedEntries(model)) {
    if (!mapping.has(entry.number!)) mapping.set(entry.number!, mapping.size + 1);
  }
  return mapping;
}

interface LocalEdit {
  start: number;
  end: number;
  newText: string;
}

function markerEdit(text: string, marker: CitationMarker, mapping: Map<number, number>, defaults: Punctuation): LocalEdit | undefined {
  const markerText = text.slice(marker.span.start, marker.span.end);
  const content = numberContent(markerText);
  if (!content) return undefined;
  const inner = markerText.slice(content.start, content.end);
  const gaps = inner.split(DIGITS).slice(1, -1);
  const fullWidth = /[\uff10-\uff19]/.test(inner);
  let newInner: string;
  if (gaps.every((gap) => DASH.test(gap) || COMMA.test(gap))) {
    const own = punctuationOf(inner);
    const mapped = marker.numbers.map((n) => mapping.get(n) ?? n);
    newInner = compress(mapped, own.dash ?? defaults.dash ?? '–', own.separator ?? defaults.separator ?? ',', fullWidth);
  } else {
    // Unknown punctuation (page numbers, notes): renumber the cited numbers in place and keep the rest.
    newInner = inner.replace(DIGITS, (digits) => {
      const value = numberValue(digits);
      const mapped = marker.numbers.includes(value) ? mapping.get(value) : undefined;
      return mapped === undefined ? digits : writeNumber(mapped, fullWidth);
    });
  }
  if (newInner === inner) return undefined;
  return { start: marker.span.start + content.start, end: marker.span.start + content.end, newText: newInner };
}

function applyLocal(text: string, base: number, edits: readonly LocalEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start - base) + edit.newText + result.slice(edit.end - base);
  }
  return result;
}

/** Index of the first of `items` (in order of marker start) whose marker starts at or after `offset`. */
function firstStartingAt(items: readonly { readonly marker: CitationMarker }[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle]!.marker.span.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether a span overlaps one of the entries' slots, which follow each other without overlapping. */
function overlapsSlot(slots: readonly LineRange[]): (span: Span) => boolean {
  return (span) => {
    // The last slot starting before the span's end is the only one that can reach into it.
    let low = 0;
    let high = slots.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (slots[middle]!.start < span.end) low = middle + 1;
      else high = middle;
    }
    const slot = slots[low - 1];
    return slot !== undefined && overlaps(span, { start: slot.start, end: slot.contentEnd });
  };
}

function renumberFix(model: DocumentModel, locale: Locale, kind: Fix['kind']): Fix | undefined {
  const text = model.text;
  const mapping = renumbering(model);
  const markers = numericMarkers(model);
  // A marker mapped coarsely to its source (a decoded entity, a NUL read as U+FFFD) has no exact place to edit,
  // and renumbering the others without it would cite the wrong entries: no fix then.
  const exact = (marker: CitationMarker): boolean =>
    text.slice(marker.span.start, marker.span.end) === model.blocks[marker.block]!.text.slice(marker.proseStart, marker.proseEnd);
  if (!markers.every(exact)) return undefined;
  const defaults: Punctuation = { dash: undefined, separator: undefined };
  for (const marker of markers) {
    const content = numberContent(text.slice(marker.span.start, marker.span.end));
    if (!content) continue;
    const own = punctuationOf(text.slice(marker.span.start + content.start, marker.span.start + content.end));
    defaults.dash ??= own.dash;
    defaults.separator ??= own.separator;
  }
  const markerEdits = markers
    .map((marker) => ({ marker, edit: markerEdit(text, marker, mapping, defaults) }))
    .filter((item): item is { marker: CitationMarker; edit: LocalEdit } => item.edit !== undefined);

  const list = numberedEntries(model);
  const slots = list.map((entry) => linesOf(text, entry.span));
  for (let i = 0; i + 1 < slots.length; i++) {
    if (slots[i]!.contentEnd > slots[i + 1]!.start) return undefined; // entries share a line: too odd to reorder
  }
  const rewritten = (entry: ReferenceEntry): string => {
    const lines = linesOf(text, entry.span);
    const local: LocalEdit[] = [];
    const label = text.slice(entry.labelSpan.start, entry.labelSpan.end);
    const newLabel = label.replace(/[0-9\uff10-\uff19]+/, (digits) =>
      writeNumber(mapping.get(entry.number!) ?? numberValue(digits), /[\uff10-\uff19]/.test(digits)),
    );
    if (newLabel !== label) local.push({ start: entry.labelSpan.start, end: entry.labelSpan.end, newText: newLabel });
    // Markers are in text order: only those from the entry's first line on can lie inside it.
    for (let k = firstStartingAt(markerEdits, lines.start); k < markerEdits.length; k++) {
      const { marker, edit } = markerEdits[k]!;
      if (marker.span.start > lines.contentEnd) break;
      if (marker.span.end <= lines.contentEnd) local.push(edit);
    }
    return applyLocal(text.slice(lines.start, lines.contentEnd), lines.start, local);
  };
  const ordered = list
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => mapping.get(a.entry.number!)! - mapping.get(b.entry.number!)! || a.index - b.index)
    .map((item) => item.entry);

  const edits: TextEditSpan[] = [];
  slots.forEach((slot, i) => {
    const newText = rewritten(ordered[i]!);
    if (newText !== text.slice(slot.start, slot.contentEnd)) {
      edits.push({ span: { start: slot.start, end: slot.contentEnd }, newText });
    }
  });
  const inEntry = overlapsSlot(slots);
  for (const { edit } of markerEdits) {
    if (!inEntry({ start: edit.start, end: edit.end })) edits.push({ span: { start: edit.start, end: edit.end }, newText: edit.newText });
  }
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => a.span.start - b.span.start);
  return { title: localize(fixTitle, locale), kind, edits, preferred: true };
}

export const citationOrder: Rule = {
  id: 'citation-order',
  defaultSeverity: 'information',
  description: {
    en: 'Numbered references are numbered in the order they are first cited.',
    'zh-CN': '顺序编码的参考文献按首次引用的先后编号。',
  },
  fixable: true,
  check(model, context) {
    const findings: Omit<Finding, 'severity' | 'rule'>[] = [];
    const seen = new Set<number>();
    let largest = 0;
    for (const marker of numericMarkers(model)) {
      let flagged: { number: number; after: number } | undefined;
      for (const n of marker.numbers) {
        if (seen.has(n)) continue;
        seen.add(n);
        if (n < largest && !flagged) flagged = { number: n, after: largest };
        largest = Math.max(largest, n);
      }
      if (!flagged) continue;
      const markerText = model.text.slice(marker.span.start, marker.span.end);
      findings.push({
        message: localize(marker.numbers.length > 1 ? messageInGroup : message, context.locale, flagged.number, flagged.after, quote(markerText, context.locale)),
        span: marker.span,
        related: [],
        data: flagged,
      });
    }
    return findings;
  },
  fixes(model, _finding, context) {
    const fix = renumberFix(model, context.locale, 'quickfix');
    return fix ? [fix] : [];
  },
  fixAll(model, context) {
    return renumberFix(model, context.locale, 'source.fixAll');
  },
};
