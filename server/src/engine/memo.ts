// Results of pure per-text analyses (a sentence's numbers, its claim cue, a passage's topic words), remembered
// by the text they were computed from. A re-check after an edit meets mostly the same sentences again, so it
// costs the changed sentences, not the document. Memory is bounded; the oldest texts go first.
// Callers must treat remembered results as immutable: the same object is handed to every caller.
//
// The per-sentence memos share one table: a sentence's numbers, statistics, claim cue and facts sit in one row
// under one copy of the sentence. With a map per memo, each map kept its own key for the same sentence, and a
// key sliced from a piece of the draft kept that whole piece alive after the parse cache had let it go (ten
// 1 MB drafts: ~7 MB of such pieces, and a map entry per memo per sentence).
//
// Every remembered result notes the generation of use that last asked for it (the parse cache, parse/pieces.ts,
// does the same). The language server starts a generation with each check and, once idle, keeps only what its
// latest check used (check.ts, trimCaches): results for drafts open in the background would otherwise hold
// memory all day for an edit that may never come.

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 substrings are views of their
 * parent: a remembered sentence sliced from a draft would keep the entire version of the draft (or piece) it
 * was cut from. Prepending a character makes a two-part string; slicing it off again copies the characters
 * into a string of their own.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

let generation = 0;

/** The generation results used now are noted with. */
export function currentGeneration(): number {
  return generation;
}

/** Starts a generation of use and returns it. */
export function nextGeneration(): number {
  return ++generation;
}

const NO_RESULTS: readonly never[] = Object.freeze([]);
/** A slot no result has been stored in (a result may be `undefined`). */
const NOT_YET: unique symbol = Symbol('not yet');

/** Where a row keeps the generation that last used it; the memos' slots follow. */
const USED = 0;

/** Results by text: one row per text, one slot in it per memo that uses the table, after the row's USED. */
class TextTable {
  private readonly rows = new Map<string, unknown[]>();
  private slots = USED + 1;

  constructor(private readonly limit: number) {
    tables.push(this);
  }

  addSlot(): number {
    return this.slots++;
  }

  get<T>(text: string, slot: number, compute: (text: string) => T): T {
    let row = this.rows.get(text);
    if (row === undefined) {
      if (this.rows.size >= this.limit) this.rows.delete(this.rows.keys().next().value!);
      row = new Array<unknown>(this.slots).fill(NOT_YET);
      this.rows.set(ownCopy(text), row);
    }
    row[USED] = generation;
    // A slot added after the row was made (modules load in any order) is past its end: not yet computed.
    const known = slot < row.length ? row[slot] : NOT_YET;
    if (known !== NOT_YET) return known as T;
    let value = compute(text);
    // Most sentences have no number and no claim: one shared empty result instead of one each.
    if (Array.isArray(value) && value.length === 0) value = NO_RESULTS as T;
    row[slot] = value;
    return value;
  }

  clear(): void {
    this.rows.clear();
  }

  /** Forgets the rows no generation from `since` on has used. */
  trim(since: number): void {
    for (const [text, row] of this.rows) if ((row[USED] as number) < since) this.rows.delete(text);
  }
}

const tables: TextTable[] = [];

/**
 * Texts the shared table keeps: a 1 MB draft has ~7,000 sentences, and topic-word passages (cut at line breaks
 * and semicolons too) add rows where they differ from sentences; a few drafts' worth.
 */
const SHARED_ROWS = 30_000;
const shared = new TextTable(SHARED_ROWS);

/**
 * Wraps a pure function of a string so that repeated texts are answered from memory: in the shared table, or
 * in a table of its own of `limit` texts (for texts of another kind, such as whole sections).
 */
export function memoizeByText<T>(compute: (text: string) => T, limit?: number): (text: string) => T {
  const table = limit === undefined ? shared : new TextTable(limit);
  const slot = table.addSlot();
  return (text) => table.get(text, slot, compute);
}

/** Forgets every remembered result (benchmarks measure cold checks with it). */
export function resetMemos(): void {
  for (const table of tables) table.clear();
}

/** Forgets the remembered results no generation from `since` on has used. */
export function trimMemos(since: number): void {
  for (const table of tables) table.trim(since);
}
