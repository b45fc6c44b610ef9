// Results of pure per-text analyses (a sentence's numbers, its claim cue, a passage's topic words), remembered
// by the text they were computed from. A re-check after an edit meets mostly the same sentences again, so it
// costs the changed sentences, not the document. Each memo is bounded; the oldest entries go first.
// Callers must treat remembered results as immutable: the same object is handed to every caller.

const memos: Map<string, unknown>[] = [];
const NO_RESULTS: readonly never[] = Object.freeze([]);

/** Wraps a pure function of a string so that repeated texts are answered from memory. */
export function memoizeByText<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const remembered = new Map<string, T>();
  memos.push(remembered as Map<string, unknown>);
  return (text) => {
    const known = remembered.get(text);
    if (known !== undefined || remembered.has(text)) return known as T;
    let value = compute(text);
    // Most sentences have no number and no claim: one shared empty result instead of one each.
    if (Array.isArray(value) && value.length === 0) value = NO_RESULTS as T;
    if (remembered.size >= limit) remembered.delete(remembered.keys().next().value!);
    remembered.set(text, value);
    return value;
  };
}

/** Forgets every remembered result (benchmarks measure cold checks with it). */
export function resetMemos(): void {
  for (const memo of memos) memo.clear();
}
