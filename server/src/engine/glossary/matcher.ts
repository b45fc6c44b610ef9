// The term index: one trie over every term and alias, keyed by lower-cased UTF-16 code units with whitespace runs
// folded to one space. Chinese has no word breaks, so a lookup walks the trie from each possible start before the
// offset; the first character decides the branch, so each walk costs at most the length of the longest term.
import type { Span } from '../model';
import type { GlossaryEntry } from './types';

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  entry: GlossaryEntry | undefined;
}

export interface TermIndex {
  readonly root: TrieNode;
  /** Longest key in code units; bounds how far back a match covering an offset can start. */
  readonly maxLength: number;
}

export interface TermMatch {
  readonly entry: GlossaryEntry;
  readonly span: Span;
}

const WORD_CHAR = /[A-Za-z0-9]/;
const SPACE = /\s/;

function fold(ch: string): string {
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

/** The index key of a term: lower case, trimmed, inner whitespace runs as one space. */
export function termKey(term: string): string {
  // Code units, not code points: the walk compares one UTF-16 unit at a time.
  return term.trim().replace(/\s+/g, ' ').split('').map(fold).join('');
}

/** Every surface form of an entry: both terms and all aliases. */
export function surfaceForms(entry: GlossaryEntry): string[] {
  return [entry.term['zh-CN'], entry.term.en, ...entry.aliases].filter((form) => form.trim() !== '');
}

/** Builds the index; when two entries share a surface form, the later entry wins. */
export function buildTermIndex(entries: readonly GlossaryEntry[]): TermIndex {
  const root: TrieNode = { children: new Map(), entry: undefined };
  let maxLength = 0;
  for (const entry of entries) {
    for (const form of surfaceForms(entry)) {
      const key = termKey(form);
      let node = root;
      for (const unit of key.split('')) {
        let next = node.children.get(unit);
        if (!next) {
          next = { children: new Map(), entry: undefined };
          node.children.set(unit, next);
        }
        node = next;
      }
      node.entry = entry;
      maxLength = Math.max(maxLength, key.length);
    }
  }
  return { root, maxLength };
}

/** True when a match [start, end) does not cut a Latin word or number in half. */
function onWordBoundaries(text: string, start: number, end: number): boolean {
  if (WORD_CHAR.test(text[start]!) && start > 0 && WORD_CHAR.test(text[start - 1]!)) return false;
  if (WORD_CHAR.test(text[end - 1]!) && end < text.length && WORD_CHAR.test(text[end]!)) return false;
  return true;
}

/** Walks the trie from `start`, calling `found` for every complete term. */
function walk(text: string, start: number, index: TermIndex, found: (entry: GlossaryEntry, end: number) => void): void {
  let node = index.root;
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (SPACE.test(ch)) {
      if (i === start) return;
      const next = node.children.get(' ');
      if (!next) return;
      while (i < text.length && SPACE.test(text[i]!)) i++;
      node = next;
      continue;
    }
    const next = node.children.get(fold(ch));
    if (!next) return;
    node = next;
    i++;
    if (node.entry && onWordBoundaries(text, start, i)) found(node.entry, i);
  }
}

/**
 * The longest term occurrence whose span [start, end) contains `offset`; ties go to the earlier start.
 * Chinese terms match anywhere; Latin terms match case-insensitively and only as whole words.
 */
export function matchAt(text: string, offset: number, index: TermIndex): TermMatch | undefined {
  if (offset < 0 || offset >= text.length || index.maxLength === 0) return undefined;
  // Whitespace runs inside a multi-word term may be longer than the single space in the key.
  const earliest = Math.max(0, offset - index.maxLength * 2);
  let best: TermMatch | undefined;
  for (let start = offset; start >= earliest; start--) {
    walk(text, start, index, (entry, end) => {
      if (end <= offset) return;
      const length = end - start;
      if (!best || length > best.span.end - best.span.start || (length === best.span.end - best.span.start && start < best.span.start)) {
        best = { entry, span: { start, end } };
      }
    });
  }
  return best;
}

/** Every non-overlapping term occurrence in text order, longest first where they compete. */
export function matchAll(text: string, index: TermIndex): TermMatch[] {
  const result: TermMatch[] = [];
  let start = 0;
  while (start < text.length) {
    let longest: TermMatch | undefined;
    walk(text, start, index, (entry, end) => {
      longest = { entry, span: { start, end } };
    });
    if (longest) {
      result.push(longest);
      start = longest.span.end;
    } else {
      start++;
    }
  }
  return result;
}
