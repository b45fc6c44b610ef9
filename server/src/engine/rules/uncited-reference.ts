// A reference-list entry that no citation marker in the text points to.
import type { Finding, Rule } from '../finding';
import { localize, quote, type Localized } from '../i18n';
import type { DocumentModel, ReferenceEntry } from '../model';
import { bodyMarkers, citedByAny, entries, linesOf } from '../citation-index';

const message: Localized = {
  en: 'Reference {0} is not cited anywhere in the text.',
  'zh-CN': '参考文献{0}在正文中没有被引用。',
};
const removeTitle: Localized = {
  en: 'Remove reference {0}',
  'zh-CN': '删除参考文献{0}',
};

/**
 * Entries nobody cites. Entries without a number or key can only be matched by author-year markers, so they
 * are judged only in documents that use author-year citations.
 */
function uncitedEntries(model: DocumentModel): ReferenceEntry[] {
  const markers = bodyMarkers(model);
  const judgeUnlabelled = markers.some((marker) => marker.style === 'author-year');
  const isCited = citedByAny(markers);
  return entries(model).filter((entry) => {
    const labelled = entry.number !== undefined || entry.key !== undefined;
    if (!labelled && !judgeUnlabelled) return false;
    return !isCited(entry);
  });
}

function findingSpan(entry: ReferenceEntry) {
  return entry.labelSpan.end > entry.labelSpan.start ? entry.labelSpan : entry.span;
}

/**
 * A Markdown ordered list numbers its items by position, so deleting an item in the middle would silently
 * renumber every later entry (and point their citations elsewhere). Only the last item, or the first when the
 * next one spells out its own number, can go without that.
 */
function removalKeepsNumbers(model: DocumentModel, entry: ReferenceEntry): boolean {
  if (entry.kind !== 'list' || entry.number === undefined) return true;
  const siblings = entries(model).filter((other) => other.kind === 'list' && other.number !== undefined);
  const index = siblings.indexOf(entry);
  if (index === siblings.length - 1) return true;
  const next = siblings[index + 1]!;
  const written = /\d+/.exec(model.text.slice(next.labelSpan.start, next.labelSpan.end))?.[0];
  return index === 0 && written !== undefined && Number(written) === next.number;
}

export const uncitedReference: Rule = {
  id: 'uncited-reference',
  defaultSeverity: 'warning',
  description: {
    en: 'Every entry of the reference list should be cited in the text.',
    'zh-CN': '参考文献列表中的每个条目都应在正文中被引用。',
  },
  tags: ['unnecessary'],
  fixable: false,
  check(model, context) {
    return uncitedEntries(model).map((entry): Omit<Finding, 'severity' | 'rule'> => ({
      message: localize(message, context.locale, quote(model.text.slice(entry.span.start, entry.span.end), context.locale)),
      span: findingSpan(entry),
      related: [],
      data: { number: entry.number ?? null, key: entry.key ?? null },
    }));
  },
  fixes(model, finding, context) {
    const entry = uncitedEntries(model).find((candidate) => {
      const span = findingSpan(candidate);
      return span.start === finding.span.start && span.end === finding.span.end;
    });
    if (!entry || !removalKeepsNumbers(model, entry)) return [];
    const lines = linesOf(model.text, entry.span);
    const label = model.text.slice(entry.labelSpan.start, entry.labelSpan.end);
    return [
      {
        title: localize(removeTitle, context.locale, label || quote(entry.text, context.locale, 20)),
        kind: 'quickfix',
        edits: [{ span: { start: lines.start, end: lines.end }, newText: '' }],
        // Deleting a source is a judgement call (citing it may be the right fix), so never the one-key default.
        preferred: false,
      },
    ];
  },
};
