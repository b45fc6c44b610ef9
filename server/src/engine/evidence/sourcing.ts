// Decides whether a sentence (or one of its clauses) carries a source: a citation marker, or an inline
// attribution that names where the fact comes from. Shared by uncited-claim and unsourced-statistic.
import type { DocumentModel, Sentence, Span } from '../model';
import { mapProseSpan } from '../parse/mapping';
import { clauses } from '../parse/sentences';

export type CitationScope = 'sentence' | 'clause' | 'paragraph';

export function parseCitationScope(value: unknown): CitationScope {
  return value === 'clause' || value === 'paragraph' ? value : 'sentence';
}

// An inline source: "来源：…", "资料来源：", "数据来源:", "Source: …", "Sources:", "via …", an arXiv id or a DOI.
const INLINE_SOURCE =
  /(?:资料|数据|信息|图片|图表)?来源\s*[：:]|出处\s*[：:]|\b[Ss]ources?\s*:|arXiv:\s?\d{4}\.\d{4,5}|\bdoi\.org\/|\bdoi:\s?10\.\d{4,9}\//;

/** Source spans covered by one unit of citation scope around `sentence`. */
export function scopeSpan(model: DocumentModel, sentence: Sentence, scope: CitationScope): Span {
  if (scope === 'paragraph') return model.blocks[sentence.block]!.span;
  return sentence.span;
}

/** Whether prose names its source inline ("来源：…", "Source: …", an arXiv id, a DOI). */
export function hasInlineSource(text: string): boolean {
  return INLINE_SOURCE.test(text);
}

export interface SourcingIndex {
  /** True when the source span [start, end) contains a citation marker or a link. */
  hasMarkerOrLink(start: number, end: number): boolean;
}

/** Builds a lookup over marker and link spans once per document, so each query is a binary search. */
export function buildSourcingIndex(model: DocumentModel): SourcingIndex {
  const starts: number[] = [];
  for (const marker of model.citations) starts.push(marker.span.start);
  for (const block of model.blocks) for (const link of block.links) starts.push(link.span.start);
  starts.sort((a, b) => a - b);
  return {
    hasMarkerOrLink(start, end) {
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (starts[mid]! < start) low = mid + 1;
        else high = mid;
      }
      return low < starts.length && starts[low]! < end;
    },
  };
}

// Sentences and blocks are frozen model objects; a sentence with thousands of numbers asks for each of them.
const inlineSourceCache = new WeakMap<object, boolean>();

function hasInlineSourceCached(owner: object, text: string): boolean {
  let found = inlineSourceCache.get(owner);
  if (found === undefined) {
    found = INLINE_SOURCE.test(text);
    inlineSourceCache.set(owner, found);
  }
  return found;
}

/**
 * Whether the fact at `proseOffset` inside `sentence` is sourced under `scope`. With 'clause', only the
 * semicolon clause holding the fact counts; a sentence-level inline source still covers every clause.
 */
export function isSourced(
  model: DocumentModel,
  index: SourcingIndex,
  sentence: Sentence,
  scope: CitationScope,
  proseOffsetInSentence?: number,
): boolean {
  if (scope === 'paragraph') {
    const block = model.blocks[sentence.block]!;
    return index.hasMarkerOrLink(block.span.start, block.span.end) || hasInlineSourceCached(block, block.text);
  }
  if (hasInlineSourceCached(sentence, sentence.text)) return true;
  if (scope === 'clause' && proseOffsetInSentence !== undefined) {
    const clause = clauseAt(sentence, proseOffsetInSentence);
    if (clause) {
      const span = sentenceSubSpan(model, sentence, clause[0], clause[1]);
      return index.hasMarkerOrLink(span.start, span.end);
    }
  }
  return index.hasMarkerOrLink(sentence.span.start, sentence.span.end);
}

// A sentence's clauses, split once: a run-on sentence with thousands of figures asks for each of them.
const clauseCache = new WeakMap<Sentence, readonly (readonly [number, number])[]>();

/** The clause of `sentence` holding the offset (clauses are in order and do not overlap), if any. */
function clauseAt(sentence: Sentence, offset: number): readonly [number, number] | undefined {
  let ranges = clauseCache.get(sentence);
  if (ranges === undefined) {
    ranges = clauses(sentence.text);
    clauseCache.set(sentence, ranges);
  }
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle]![1] <= offset) low = middle + 1;
    else high = middle;
  }
  const clause = ranges[low];
  return clause !== undefined && offset >= clause[0] ? clause : undefined;
}

/** Source span of [from, to) offsets inside a sentence's text. */
export function sentenceSubSpan(model: DocumentModel, sentence: Sentence, from: number, to: number): Span {
  return mapProseSpan(model.blocks[sentence.block]!, sentence.proseStart + from, sentence.proseStart + to);
}
