// A citation marker that names a reference the reference list does not contain.
import type { Finding, Fix, Rule } from '../finding';
import { localize, quote, type Localized } from '../i18n';
import type { CitationMarker, DocumentModel } from '../model';
import { parseDocument } from '../parse';
import {
  bodyMarkers,
  declaresBibliography,
  entriesForName,
  hasReferenceList,
  namesOf,
  stubEdits,
  stubPlaceholder,
} from '../citation-index';

const message: Localized = {
  en: 'Citation {0} refers to {1}, which is missing from the reference list.',
  'zh-CN': '引用{0}所指的 {1} 在参考文献列表中不存在。',
};
const messagePlural: Localized = {
  en: 'Citation {0} refers to {1}, which are missing from the reference list.',
  'zh-CN': '引用{0}所指的 {1} 在参考文献列表中不存在。',
};
const addStubTitle: Localized = {
  en: 'Add a stub reference entry for {0}',
  'zh-CN': '为 {0} 添加待补充的参考文献条目',
};
const addAllStubsTitle: Localized = {
  en: 'Add stub reference entries for all missing citations',
  'zh-CN': '为所有缺失的引用添加待补充的参考文献条目',
};

/** The numbers or keys of one marker that have no entry, or none when the marker cannot be judged. */
function missingNames(model: DocumentModel, marker: CitationMarker): (number | string)[] {
  if (marker.style === 'footnote') {
    if (!model.references) return [];
  } else if (!hasReferenceList(model)) {
    return [];
  }
  if (marker.style === 'pandoc' && declaresBibliography(model)) return [];
  const missing = namesOf(marker).filter((name) => entriesForName(model, marker.style, name).length === 0);
  return [...new Set(missing)];
}

function displayName(marker: CitationMarker, name: number | string): string {
  if (typeof name === 'number') return `[${name}]`;
  if (marker.style === 'footnote') return `[^${name}]`;
  if (marker.style === 'pandoc') return `@${name}`;
  return name.replace('|', ', ');
}

/** What a stub can be written for: numbers and footnote labels; pandoc keys and author-year names need a person. */
function fixableNames(marker: CitationMarker, missing: readonly (number | string)[]) {
  const numbers = marker.style === 'numeric' ? missing.filter((name): name is number => typeof name === 'number') : [];
  const footnoteKeys = marker.style === 'footnote' ? missing.filter((name): name is string => typeof name === 'string') : [];
  return { numbers, footnoteKeys };
}

function entryCount(model: DocumentModel): number {
  return model.references?.entries.length ?? 0;
}

function stubFix(model: DocumentModel, numbers: number[], footnoteKeys: string[], title: string, kind: Fix['kind']): Fix | undefined {
  const { edits, cursor } = stubEdits(model, numbers, footnoteKeys);
  if (edits.length === 0) return undefined;
  // A stub written into an unclosed code fence or HTML comment (at the end of the list or of the text) adds
  // no entry: offer no fix rather than one that changes the text without resolving the citation.
  const placeholder = stubPlaceholder(model);
  const stubs = edits.reduce((count, edit) => count + edit.newText.split(placeholder).length - 1, 0);
  let fixed = model.text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    fixed = fixed.slice(0, edit.span.start) + edit.newText + fixed.slice(edit.span.end);
  }
  if (entryCount(parseDocument(fixed)) < entryCount(model) + stubs) return undefined;
  return { title, kind, edits, preferred: true, ...(cursor === undefined ? {} : { cursor }) };
}

export const danglingCitation: Rule = {
  id: 'dangling-citation',
  defaultSeverity: 'error',
  description: {
    en: 'Every citation marker must name an entry of the reference list.',
    'zh-CN': '每个引用标记都必须对应参考文献列表中的条目。',
  },
  fixable: true,
  check(model, context) {
    const findings: Omit<Finding, 'severity' | 'rule'>[] = [];
    for (const marker of bodyMarkers(model)) {
      const missing = missingNames(model, marker);
      if (missing.length === 0) continue;
      const markerText = model.text.slice(marker.span.start, marker.span.end);
      const names = missing.map((name) => displayName(marker, name));
      findings.push({
        message: localize(names.length > 1 ? messagePlural : message, context.locale, quote(markerText, context.locale), names.join(', ')),
        span: marker.span,
        related: [],
        data: { style: marker.style, missing },
      });
    }
    return findings;
  },
  fixes(model, finding, context) {
    const marker = bodyMarkers(model).find(
      (candidate) => candidate.span.start === finding.span.start && candidate.span.end === finding.span.end,
    );
    if (!marker) return [];
    const { numbers, footnoteKeys } = fixableNames(marker, missingNames(model, marker));
    const names = [...numbers.map((n) => `[${n}]`), ...footnoteKeys.map((key) => `[^${key}]`)].join(', ');
    const fix = stubFix(model, numbers, footnoteKeys, localize(addStubTitle, context.locale, names), 'quickfix');
    return fix ? [fix] : [];
  },
  fixAll(model, context) {
    const numbers: number[] = [];
    const footnoteKeys: string[] = [];
    for (const marker of bodyMarkers(model)) {
      const names = fixableNames(marker, missingNames(model, marker));
      numbers.push(...names.numbers);
      footnoteKeys.push(...names.footnoteKeys);
    }
    return stubFix(model, numbers, footnoteKeys, localize(addAllStubsTitle, context.locale), 'source.fixAll');
  },
};
