// Statistics in a sentence: the number reader's mentions that report a measured or counted fact, plus
// vague quantities ("tens of millions", 数倍, 翻番) that report one without an exact figure.
import { readNumbers, type NumberMention } from '../numbers';
import { readVagueQuantities } from '../numbers/vague';
import { memoizeByText } from '../memo';

/**
 * How much of a sentence is read for numbers. The longest sentence of the labelled corpus has 465 characters;
 * a "sentence" of thousands is a run-on, a pasted table or data dump, and reading all of it would flood the
 * draft with one finding per figure (a megabyte of `约1` has 250,000) and cost seconds. Only its first
 * READ_LIMIT characters are read, which still flags it; one citation sources it all.
 */
export const READ_LIMIT = 2_000;

/**
 * Numbers whose reading could depend on text past the cut are left out. Every look-around of the reader is
 * shorter than 64 characters (numbers/text.ts), and a figure may be joined into a range with the one right
 * after it: twice that keeps both clear of the cut, so the figures kept are read as in the whole sentence.
 */
export const CUT_MARGIN = 128;

/** Whether a sentence is short enough to be read in full (and so compared by the consistency checks). */
export function isReadInFull(text: string): boolean {
  return text.length <= READ_LIMIT;
}

/** Every number of a sentence, or of its first READ_LIMIT characters. Remembered by text; do not mutate. */
export const numbersIn: (text: string) => readonly NumberMention[] = memoizeByText((text) => Object.freeze(readWindow(text, readNumbers)));

function readWindow(text: string, read: (text: string) => readonly NumberMention[]): readonly NumberMention[] {
  if (isReadInFull(text)) return read(text);
  const keepBefore = READ_LIMIT - CUT_MARGIN;
  return read(text.slice(0, READ_LIMIT)).filter((mention) => mention.end <= keepBefore);
}

/** The statistics in a sentence, in text order. Remembered by text; do not mutate. */
export const statisticsIn: (text: string) => readonly NumberMention[] = memoizeByText((text) => Object.freeze(findStatistics(text)));

function findStatistics(text: string): NumberMention[] {
  const statistics = numbersIn(text).filter((mention) => mention.isStatistic);
  // The phrase outranks the reader's view of its parts ("two" in "two dozen" alone is a small count), but a
  // statistic the reader found there already covers it.
  const vague = withoutOverlaps(readWindow(text, readVagueQuantities), statistics);
  return vague.length === 0 ? statistics : [...statistics, ...vague].sort((a, b) => a.start - b.start);
}

/** The mentions of `candidates` that overlap none of `taken`; both sorted by start, `taken` never overlapping. */
function withoutOverlaps(candidates: readonly NumberMention[], taken: readonly NumberMention[]): NumberMention[] {
  const kept: NumberMention[] = [];
  let t = 0;
  for (const candidate of candidates) {
    // `taken` does not overlap itself, so its ends rise with its starts: those ending before this candidate
    // starts end before every later candidate starts too.
    while (t < taken.length && taken[t]!.end <= candidate.start) t++;
    if (t < taken.length && taken[t]!.start < candidate.end) continue;
    kept.push(candidate);
  }
  return kept;
}

export function sentenceHasStatistic(text: string): boolean {
  return statisticsIn(text).length > 0;
}
