// Citation markers exist but the document has no reference list for them to point into.
import type { Rule } from '../finding';
import { localize, quote, type Localized } from '../i18n';
import type { CitationMarker, DocumentModel } from '../model';
import { parseDocument } from '../parse';
import {
  bodyMarkers,
  breaksToBlankLine,
  declaresBibliography,
  eolOf,
  hasReferenceList,
  isChineseDocument,
  stubPlaceholder,
} from '../citation-index';

const message: Localized = {
  en: 'The text has {0} citation marker(s), starting with {1}, but no reference list.',
  'zh-CN': '正文有 {0} 处引用标记（第一处为{1}），但没有参考文献列表。',
};
const fixTitle: Localized = {
  en: 'Add a reference list section at the end',
  'zh-CN': '在文末添加参考文献部分',
};

/** Every number the markers name, once each, in ascending order. */
function citedNumbers(markers: readonly CitationMarker[]): number[] {
  const numbers = new Set<number>();
  for (const marker of markers) for (const n of marker.numbers) numbers.add(n);
  return [...numbers].sort((a, b) => a - b);
}

function markersNeedingList(model: DocumentModel): CitationMarker[] {
  if (hasReferenceList(model)) return [];
  const bibliography = declaresBibliography(model);
  return bodyMarkers(model).filter(
    (marker) => marker.style === 'numeric' || marker.style === 'author-year' || (marker.style === 'pandoc' && !bibliography),
  );
}

export const missingReferenceList: Rule = {
  id: 'missing-reference-list',
  defaultSeverity: 'warning',
  description: {
    en: 'A document that cites sources needs a reference list.',
    'zh-CN': '有引用的文档需要参考文献列表。',
  },
  fixable: true,
  check(model, context) {
    const markers = markersNeedingList(model);
    const first = markers[0];
    if (!first) return [];
    const firstText = model.text.slice(first.span.start, first.span.end);
    const numbers = citedNumbers(markers);
    return [
      {
        message: localize(message, context.locale, markers.length, quote(firstText, context.locale)),
        span: first.span,
        related: [],
        data: { count: markers.length, numbers },
      },
    ];
  },
  fixes(model, _finding, context) {
    const markers = markersNeedingList(model);
    if (markers.length === 0) return [];
    const text = model.text;
    const eol = eolOf(text);
    const placeholder = stubPlaceholder(model);
    const heading = isChineseDocument(model) ? '## 参考文献' : '## References';
    const numbers = citedNumbers(markers);
    const lines = numbers.length > 0 ? numbers.map((n) => `[${n}] ${placeholder}`) : [placeholder];
    const lead = breaksToBlankLine(text, eol) + heading + eol + eol;
    const firstLabel = numbers.length > 0 ? `[${numbers[0]}] ` : '';
    const newText = lead + lines.join(eol) + eol;
    // Text appended after an unclosed code fence or HTML comment would become part of it: offer no fix
    // rather than one that leaves the finding in place.
    if (!hasReferenceList(parseDocument(text + newText))) return [];
    return [
      {
        title: localize(fixTitle, context.locale),
        kind: 'quickfix',
        edits: [{ span: { start: text.length, end: text.length }, newText }],
        preferred: true,
        cursor: text.length + lead.length + firstLabel.length,
      },
    ];
  },
};
