// Quantities written without an exact figure that still report a measured fact and so need a source:
// "tens of millions of dollars", "two dozen ships", "one in three projects", "prices halved", "fell to
// zero", 数倍, 翻了一番, 减半, 万吨级. They carry no value precise enough to compare, so they are read here,
// apart from readNumbers, and used only to decide whether a sentence reports a statistic.
import type { NumberKind, NumberMention } from './types';

interface VaguePattern {
  readonly pattern: RegExp;
  readonly kind: NumberKind;
  /** Lower and upper bounds of the value, when the phrase implies them. */
  readonly value: (match: RegExpExecArray) => { low: number; high: number };
}

const SMALL: Readonly<Record<string, number>> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const SCALE: Readonly<Record<string, number>> = { thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12 };
const BAND: Readonly<Record<string, number>> = { tens: 10, dozens: 12, hundreds: 100, thousands: 1000 };

const count = (text: string): number => SMALL[text.toLowerCase()] ?? Number(text);

const PATTERNS: readonly VaguePattern[] = [
  {
    // "tens of millions", "hundreds of thousands", "dozens of"
    pattern: /\b(tens|dozens|hundreds|thousands) of (thousands|millions|billions|trillions)?\b/gi,
    kind: 'count',
    value: (m) => {
      const band = BAND[m[1]!.toLowerCase()]!;
      const scale = m[2] ? SCALE[m[2].toLowerCase()]! : 1;
      return { low: band * scale, high: band * 10 * scale };
    },
  },
  {
    pattern: /\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}) dozen\b/gi,
    kind: 'count',
    value: (m) => ({ low: count(m[1]!) * 12, high: count(m[1]!) * 12 }),
  },
  {
    // "one in three", "1 in 5": a share
    pattern: /\b(one|two|three|four|\d{1,2}) in (two|three|four|five|six|seven|eight|nine|ten|\d{1,4})\b/gi,
    kind: 'percent',
    value: (m) => {
      const share = (100 * count(m[1]!)) / count(m[2]!);
      return { low: share, high: share };
    },
  },
  {
    pattern: /\b(halved|doubled|tripled|trebled|quadrupled)\b/gi,
    kind: 'multiple',
    value: (m) => {
      const factor = { halved: 0.5, doubled: 2, tripled: 3, trebled: 3, quadrupled: 4 }[m[1]!.toLowerCase() as 'halved']!;
      return { low: factor, high: factor };
    },
  },
  {
    pattern: /\b(?:fell|dropped|declined|shrank|fallen|dropped|plunged|collapsed) to zero\b/gi,
    kind: 'quantity',
    value: () => ({ low: 0, high: 0 }),
  },
  {
    // 数倍, 几倍, 十几倍, 数十倍
    pattern: /(?:数|几|十几|数十|几十)倍/gu,
    kind: 'multiple',
    value: () => ({ low: 2, high: 100 }),
  },
  {
    pattern: /翻了?(一|两|三|四)番|翻番|减半|腰斩/gu,
    kind: 'multiple',
    value: (m) => {
      if (m[0] === '减半' || m[0] === '腰斩') return { low: 0.5, high: 0.5 };
      const times = { 一: 1, 两: 2, 三: 3, 四: 4 }[(m[1] ?? '一') as '一']!;
      return { low: 2 ** times, high: 2 ** times };
    },
  },
  {
    // 万吨级, 百万千瓦级, 千人级: a capacity class
    pattern: /(?:\d+|[十百千])?(?:[十百千万亿]|百万|千万)(?:吨|千瓦|兆瓦|吉瓦|人|台|辆|标准箱)级/gu,
    kind: 'quantity',
    value: () => ({ low: 0, high: Number.POSITIVE_INFINITY }),
  },
];

/** Every pattern above needs an ASCII letter or one of these characters: most sentences need not run them. */
const MAY_HOLD_VAGUE = /[A-Za-z倍番半斩级]/;

export function readVagueQuantities(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  if (!MAY_HOLD_VAGUE.test(text)) return mentions;
  for (const { pattern, kind, value } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const interval = value(match);
      mentions.push({
        start: match.index,
        end: match.index + match[0].length,
        raw: match[0],
        value: interval,
        point: interval.low,
        kind,
        unit: undefined,
        currency: undefined,
        qualifier: undefined,
        scale: undefined,
        isRange: false,
        isStatistic: true,
        reason: undefined,
      });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
