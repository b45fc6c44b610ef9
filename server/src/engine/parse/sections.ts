// The section tree: one section per heading, nested by depth, with the leading section number split off
// ("4.1 内生挑战" → "4.1" + "内生挑战") so rules can pair chapters by number.
import type { Section, Span } from '../model';

export interface HeadingInput {
  readonly depth: number;
  readonly text: string;
  readonly span: Span;
}

const CHINESE_NUMERAL = '[一二三四五六七八九十百零〇两]';
const NUMBER_PATTERNS: readonly RegExp[] = [
  // 第一章 / 第3节 / 第二部分
  new RegExp(`^(第(?:${CHINESE_NUMERAL}+|[0-9]+)(?:章|节|部分|篇|编))[\\s、：:．.]*`),
  // （一） (一) （1）
  new RegExp(`^([（(](?:${CHINESE_NUMERAL}+|[0-9]+)[）)])\\s*`),
  // 一、 / 二. / 三 标题
  new RegExp(`^(${CHINESE_NUMERAL}+)(?:[、．.]\\s*|\\s+)`),
  // 4.1 / 4.1.2 (may touch the title directly in Chinese headings: "4.1内生挑战")
  /^([0-9]+(?:\.[0-9]+)+)\.?(?:\s+|(?=[^\s0-9.%]))/,
  // 4 / 4. / 4、 — a bare number needs a separator, so "2022年…" is not section 2022
  /^([0-9]+)(?:[.．](?![0-9])\s*|、\s*|\s+)(?=\S)/,
  /^([0-9]+)\.?$/,
];

export function splitSectionNumber(title: string): { number: string | undefined; rest: string } {
  for (const pattern of NUMBER_PATTERNS) {
    const match = pattern.exec(title);
    if (match) return { number: match[1], rest: title.slice(match[0].length).trim() };
  }
  return { number: undefined, rest: title };
}

export function buildSections(headings: readonly HeadingInput[], textLength: number): Section[] {
  const ends: number[] = new Array<number>(headings.length).fill(textLength);
  const parents: number[] = new Array<number>(headings.length).fill(-1);
  // Open headings, shallowest first: a new heading closes every open one at its depth or deeper.
  const open: number[] = [];
  headings.forEach((heading, index) => {
    while (open.length > 0 && headings[open[open.length - 1]!]!.depth >= heading.depth) {
      ends[open.pop()!] = heading.span.start;
    }
    parents[index] = open.length > 0 ? open[open.length - 1]! : -1;
    open.push(index);
  });

  const children: number[][] = headings.map(() => []);
  parents.forEach((parent, index) => {
    if (parent >= 0) children[parent]!.push(index);
  });

  return headings.map((heading, index) => {
    const title = heading.text.trim();
    const { number, rest } = splitSectionNumber(title);
    return {
      index,
      depth: heading.depth,
      title,
      number,
      titleWithoutNumber: rest,
      headingSpan: heading.span,
      span: { start: heading.span.start, end: ends[index]! },
      parent: parents[index]!,
      children: children[index]!,
    };
  });
}
