// Quick fixes shared by uncited-claim and unsourced-statistic: add a citation (a new numbered marker at the
// end of the sentence and a stub entry in the reference list, creating one if needed), cite an existing
// entry, or silence the rule for this line or this file with a directive comment.
import type { Finding, Fix, RuleContext, TextEditSpan } from '../finding';
import { localize, type Localized } from '../i18n';
import type { DocumentModel, Sentence } from '../model';
import { mapProseSpan } from '../parse/mapping';
import {
  bodyMarkers,
  breaksToBlankLine,
  eolOf,
  isChineseDocument,
  numberedEntries,
  stubEdits,
  stubPlaceholder,
} from '../citation-index';

const titles = {
  addCitation: { en: 'Add citation [{0}] and a reference entry to fill in', 'zh-CN': '添加引用 [{0}] 并在参考文献中补充条目' },
  citeExisting: { en: 'Cite [{0}] {1}', 'zh-CN': '引用 [{0}] {1}' },
  disableLine: { en: 'Disable {0} for this line', 'zh-CN': '在本行停用 {0}' },
  disableFile: { en: 'Disable {0} in this file', 'zh-CN': '在本文件中停用 {0}' },
} satisfies Record<string, Localized>;

/** How many existing entries to offer as "cite [n]" actions; longer lists are reached by completion. */
const MAX_CITE_ACTIONS = 8;

function sentenceAt(model: DocumentModel, offset: number): Sentence | undefined {
  let low = 0;
  let high = model.sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const sentence = model.sentences[mid]!;
    if (offset < sentence.span.start) high = mid - 1;
    else if (offset >= sentence.span.end) low = mid + 1;
    else return sentence;
  }
  return undefined;
}

const TERMINATORS = new Set(['。', '！', '？', '.', '!', '?', '…', '；', ';']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'", ' ', '\t', '\n']);

/** Source offset where a marker goes: before the sentence's final punctuation, as GB/T 7714 places it. */
function markerOffset(model: DocumentModel, sentence: Sentence): number {
  const text = sentence.text;
  let end = text.length;
  while (end > 0 && CLOSERS.has(text[end - 1]!)) end--;
  let start = end;
  while (start > 0 && TERMINATORS.has(text[start - 1]!)) start--;
  // Without final punctuation the marker goes after the last character.
  const at = start < end ? start : text.length;
  const block = model.blocks[sentence.block]!;
  return mapProseSpan(block, sentence.proseStart + at, sentence.proseStart + at).start;
}

function nextFreeNumber(model: DocumentModel): number {
  let highest = 0;
  for (const entry of numberedEntries(model)) highest = Math.max(highest, entry.number ?? 0);
  for (const marker of bodyMarkers(model)) for (const n of marker.numbers) highest = Math.max(highest, n);
  return highest + 1;
}

/** Stub entry for number n: into the existing list, or a new reference list section at the end. */
function entryEdits(model: DocumentModel, n: number): { edits: TextEditSpan[]; cursor: number | undefined } {
  if (model.references && model.references.section >= 0) return stubEdits(model, [n], []);
  const text = model.text;
  const eol = eolOf(text);
  const heading = isChineseDocument(model) ? '## 参考文献' : '## References';
  const lead = `${breaksToBlankLine(text, eol)}${heading}${eol}${eol}[${n}] `;
  return {
    edits: [{ span: { start: text.length, end: text.length }, newText: `${lead}${stubPlaceholder(model)}${eol}` }],
    cursor: text.length + lead.length,
  };
}

function lineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/** Where a file-level directive goes: the first line, or right after the front matter. */
function fileDirectiveOffset(model: DocumentModel): number {
  if (!model.frontMatter) return 0;
  const end = lineEnd(model.text, model.frontMatter.span.end);
  return Math.min(model.text.length, end + eolOf(model.text).length);
}

export function citationFixes(model: DocumentModel, finding: Finding, context: RuleContext, options: { readonly cite: boolean }): Fix[] {
  const fixes: Fix[] = [];
  const sentence = sentenceAt(model, finding.span.start);
  if (options.cite && sentence) {
    const at = markerOffset(model, sentence);
    const n = nextFreeNumber(model);
    const marker = `[${n}]`;
    const entry = entryEdits(model, n);
    fixes.push({
      title: localize(titles.addCitation, context.locale, n),
      kind: 'quickfix',
      preferred: true,
      edits: [{ span: { start: at, end: at }, newText: marker }, ...entry.edits],
      // Every entry edit lies after the sentence, so the cursor moves by the marker's length.
      ...(entry.cursor !== undefined ? { cursor: entry.cursor + marker.length } : {}),
    });
    for (const existing of numberedEntries(model).slice(0, MAX_CITE_ACTIONS)) {
      const summary = existing.text.length > 40 ? `${existing.text.slice(0, 39)}…` : existing.text;
      fixes.push({
        title: localize(titles.citeExisting, context.locale, existing.number!, summary),
        kind: 'quickfix',
        edits: [{ span: { start: at, end: at }, newText: `[${existing.number}]` }],
      });
    }
  }
  const eol = eolOf(model.text);
  const end = lineEnd(model.text, finding.span.end);
  fixes.push({
    title: localize(titles.disableLine, context.locale, finding.rule),
    kind: 'quickfix',
    edits: [{ span: { start: end, end }, newText: ` <!-- policylint-disable-line ${finding.rule} -->` }],
  });
  const top = fileDirectiveOffset(model);
  fixes.push({
    title: localize(titles.disableFile, context.locale, finding.rule),
    kind: 'quickfix',
    edits: [{ span: { start: top, end: top }, newText: `<!-- policylint-disable-file ${finding.rule} -->${eol}${eol}` }],
  });
  return fixes;
}
