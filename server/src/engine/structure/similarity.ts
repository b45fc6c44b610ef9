// Content similarity between two sections: words from Intl.Segmenter (Chinese has no spaces), TF-IDF
// weights over the units being compared, cosine of the weight vectors. Scores lie in [0, 1].

import { memoizeByText } from '../memo';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

// Function words that carry no topic in either language.
const STOPWORDS = new Set(
  (
    '的 了 和 与 及 以及 在 是 等 对 为 中 以 其 之 而 或 并 也 都 将 把 被 从 向 于 由 这 那 此 该 各 一 个 有 无 不 更 最 很 已 已经 还 又 使 让 通过 进行 实现 方面 问题 方面的 相关 我们 他们 可以 能够 需要 应 应当 要 加强 推动 促进 提升 提高 发展 建立 完善 一些 一种 一定 当前 目前 同时 因此 但是 但 然而 并且 以及 对于 关于 作为 进一步 不断 方式 情况 ' +
    'the a an and or of to in on for with by as at from is are was were be been being this that these those it its their our we they he she which who whom whose what when where how not no more most very also can could should would will may might must need needs into than then there here such'
  ).split(/\s+/),
);

/**
 * Topic words of one sentence or line: lower-cased, no stopwords, no numbers, crude English plural folding.
 * Joined by spaces (a word-like segment holds no white space): remembered for thousands of passages, one string
 * each costs a fifth of an array of word strings (ten 1 MB drafts: ~5 MB less heap).
 */
function wordsOfPassage(text: string): string {
  const words: string[] = [];
  for (const part of segmenter.segment(text)) {
    if (!part.isWordLike) continue;
    let word = part.segment.toLowerCase();
    if (/^[\d.,%]+$/.test(word) || STOPWORDS.has(word)) continue;
    if (/^[a-z]{4,}s$/.test(word) && !word.endsWith('ss')) word = word.slice(0, -1);
    words.push(word);
  }
  return words.join(' ');
}

const rememberedWords = memoizeByText(wordsOfPassage);

/** Sentence ends and line breaks are word boundaries in any language: 。！？；!?; and a line break. */
function endsPassage(code: number): boolean {
  switch (code) {
    case 0x3002:
    case 0xff01:
    case 0xff1f:
    case 0xff1b:
    case 0x21:
    case 0x3f:
    case 0x3b:
    case 0x0a:
      return true;
    default:
      return false;
  }
}

/**
 * Calls `visit` with each topic word of a text, in order. Segmented passage by passage: ICU's word breaker is
 * several times slower on one long string than on its sentences, and a re-check meets most passages again (their
 * words are remembered by text).
 */
function forEachTopicWord(text: string, visit: (word: string) => void): void {
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !endsPassage(text.charCodeAt(i))) continue;
    if (i > start || i < text.length) {
      const words = rememberedWords(text.slice(start, i + 1));
      if (words !== '') for (const word of words.split(' ')) visit(word);
    }
    start = i + 1;
  }
}

export interface SimilarityModel {
  /** Cosine similarity of TF-IDF vectors of document i of `left` and document j of `right`. */
  score(leftIndex: number, rightIndex: number): number;
}

/** A unit's distinct words, in order of first use, and how often each occurs. */
interface Terms {
  readonly words: readonly string[];
  readonly counts: Int32Array;
}

/**
 * Word counts of a unit's text, remembered by text. Its words are remembered passage by passage, so counting them
 * again costs ~2 ms for the 120 units of a 1 MB draft; a few hundred units are kept, not thousands. Kept as a
 * word list and a typed array of counts, a third of what a map of words to counts takes (ten 1 MB drafts: the
 * 256 units kept took ~3 MB as maps).
 */
const termsOf: (text: string) => Terms = memoizeByText((text) => {
  const index = new Map<string, number>();
  const words: string[] = [];
  const counts: number[] = [];
  forEachTopicWord(text, (word) => {
    const at = index.get(word);
    if (at === undefined) {
      index.set(word, words.length);
      words.push(word);
      counts.push(1);
    } else {
      counts[at]!++;
    }
  });
  return { words, counts: Int32Array.from(counts) };
}, 256);

/** A unit's TF-IDF vector: word ids and their weights, the weights of unit length. */
interface Vector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/**
 * Builds TF-IDF vectors for two groups of texts with document frequencies counted over both groups. Words get
 * numbers, so vectors, document frequencies and the index below are typed arrays, not maps of strings.
 */
export function buildSimilarity(left: readonly string[], right: readonly string[]): SimilarityModel {
  // Nothing to compare with: no text needs segmenting (a draft of challenges alone has thousands of them).
  if (left.length === 0 || right.length === 0) return { score: () => 0 };
  const all = [...left, ...right].map(termsOf);
  const idOf = new Map<string, number>();
  const unitIds = all.map(({ words }) => {
    const ids = new Int32Array(words.length);
    words.forEach((word, k) => {
      let id = idOf.get(word);
      if (id === undefined) idOf.set(word, (id = idOf.size));
      ids[k] = id;
    });
    return ids;
  });
  const documentFrequency = new Int32Array(idOf.size);
  for (const ids of unitIds) for (const id of ids) documentFrequency[id]!++;
  const total = all.length;
  const vectors: Vector[] = all.map(({ counts }, unit) => {
    const ids = unitIds[unit]!;
    const weights = new Float64Array(ids.length);
    let norm = 0;
    for (let k = 0; k < ids.length; k++) {
      const weight = (1 + Math.log(counts[k]!)) * Math.log(1 + total / documentFrequency[ids[k]!]!);
      weights[k] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { ids, weights };
  });
  // Every score at once through an index of the right-hand words (word id → right units and weights, packed):
  // pairs that share no word cost nothing.
  const rightCount = right.length;
  const postingStart = new Int32Array(idOf.size + 1);
  for (let r = 0; r < rightCount; r++) for (const id of vectors[left.length + r]!.ids) postingStart[id + 1]!++;
  for (let id = 0; id < idOf.size; id++) postingStart[id + 1]! += postingStart[id]!;
  const postingUnit = new Int32Array(postingStart[idOf.size]!);
  const postingWeight = new Float64Array(postingUnit.length);
  const filled = postingStart.slice(0, idOf.size);
  for (let r = 0; r < rightCount; r++) {
    const { ids, weights } = vectors[left.length + r]!;
    for (let k = 0; k < ids.length; k++) {
      const at = filled[ids[k]!]!++;
      postingUnit[at] = r;
      postingWeight[at] = weights[k]!;
    }
  }
  const scores = new Float64Array(left.length * rightCount);
  for (let l = 0; l < left.length; l++) {
    const { ids, weights } = vectors[l]!;
    const row = l * rightCount;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const weight = weights[k]!;
      for (let at = postingStart[id]!; at < postingStart[id + 1]!; at++) scores[row + postingUnit[at]!]! += weight * postingWeight[at]!;
    }
  }
  return {
    score: (leftIndex, rightIndex) => scores[leftIndex * rightCount + rightIndex] ?? 0,
  };
}

/**
 * Maximum-weight one-to-one assignment (Hungarian algorithm on the negated matrix). Returns for each row
 * the assigned column or -1. Cells with weight ≤ 0 are never assigned.
 */
export function bestAssignment(weights: readonly (readonly number[])[]): number[] {
  const rows = weights.length;
  const columns = rows === 0 ? 0 : weights[0]!.length;
  if (rows === 0 || columns === 0) return new Array<number>(rows).fill(-1);
  const n = Math.max(rows, columns);
  const max = weights.reduce((largest, row) => row.reduce((m, weight) => Math.max(m, weight), largest), 0);
  // Square cost matrix, 1-based as the classic formulation; padding costs nothing.
  const cost = (i: number, j: number): number =>
    i <= rows && j <= columns ? max - Math.max(0, weights[i - 1]![j - 1]!) : max;
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const match = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    match[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = match[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const current = cost(i0, j) - u[i0]! - v[j]!;
        if (current < minv[j]!) {
          minv[j] = current;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[match[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minv[j]! -= delta;
        }
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do {
      const j1 = way[j0]!;
      match[j0] = match[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= columns; j++) {
    const i = match[j]!;
    if (i >= 1 && i <= rows && weights[i - 1]![j - 1]! > 0) result[i - 1] = j - 1;
  }
  return result;
}
