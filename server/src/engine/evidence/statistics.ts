// Statistics in a sentence: the number reader's mentions that report a measured or counted fact, plus
// vague quantities ("tens of millions", 数倍, 翻番) that report one without an exact figure.
import { readNumbers, type NumberMention } from '../numbers';
import { readVagueQuantities } from '../numbers/vague';
import { memoizeByText } from '../memo';

/** The statistics in a sentence, in text order. Remembered by text; do not mutate. */
export const statisticsIn: (text: string) => readonly NumberMention[] = memoizeByText((text) => Object.freeze(findStatistics(text)));

function findStatistics(text: string): NumberMention[] {
  const mentions = readNumbers(text);
  const statistics = mentions.filter((mention) => mention.isStatistic);
  // The phrase outranks the reader's view of its parts ("two" in "two dozen" alone is a small count), but a
  // statistic the reader found there already covers it.
  const vague = readVagueQuantities(text).filter((v) => !statistics.some((m) => m.start < v.end && v.start < m.end));
  return vague.length === 0 ? statistics : [...statistics, ...vague].sort((a, b) => a.start - b.start);
}

export function sentenceHasStatistic(text: string): boolean {
  return statisticsIn(text).length > 0;
}
