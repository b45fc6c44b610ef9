// Statistics in a sentence: the number reader's mentions that report a measured or counted fact.
import { readNumbers, type NumberMention } from '../numbers';

export function statisticsIn(text: string): NumberMention[] {
  return readNumbers(text).filter((mention) => mention.isStatistic);
}

export function sentenceHasStatistic(text: string): boolean {
  return statisticsIn(text).length > 0;
}
