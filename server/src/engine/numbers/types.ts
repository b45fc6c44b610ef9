// Types of the number reader. A mention is one number as the prose writes it: the digits or numerals,
// the qualifier around them (约, 超过, 以上, about …), the scale (万, 亿, million …) and the unit.

export type NumberKind =
  | 'percent'
  | 'permille'
  | 'percentagePoint'
  | 'currency'
  | 'count'
  | 'rank'
  | 'multiple'
  | 'quantity'
  | 'plain'
  | 'year'
  | 'date'
  | 'time'
  | 'duration'
  | 'ordinal'
  | 'label'
  | 'name';

/**
 * How a qualifier moves the written value:
 * approx (约, 左右, about) ± rounding; over (超过, 逾, more than) just above; atLeast (以上, 至少, at least)
 * from the value up; under (不足, 低于, less than) just below; atMost (以下, 以内, up to) up to the value;
 * nearly (近, 将近, almost) slightly below; more (800多, 十余) the next place value up;
 * reaches (达, 高达, as many as) the written value exactly, said with emphasis.
 */
export type Qualifier = 'approx' | 'over' | 'under' | 'atLeast' | 'atMost' | 'nearly' | 'more' | 'reaches';

/** Why a mention is not a statistic. */
export type NonStatisticReason =
  | 'year'
  | 'date'
  | 'time'
  | 'time-span'
  | 'section-ref'
  | 'figure-ref'
  | 'list-ordinal'
  | 'ordinal'
  | 'citation'
  | 'name'
  | 'version'
  | 'code'
  | 'idiom'
  | 'small-count'
  | 'scale-definition'
  | 'structure';

export interface NumberInterval {
  readonly low: number;
  readonly high: number;
}

export interface NumberScale {
  /** The scale word as written: 万, 亿, 万亿, million, bn … */
  readonly word: string;
  readonly factor: number;
}

/** Every field is always present (undefined when it does not apply), so that all mentions share one shape. */
export interface NumberMention {
  /** Span in the text read: the number with its qualifier, currency sign, scale and unit. */
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /**
   * The values the text allows, in base units (1.78万 → 17800; percentages stay in percent, 34% → 34).
   * A range gives its ends; a qualifier widens the written value (see `Qualifier`).
   */
  readonly value: NumberInterval;
  /** The written value in base units; for a range, its first end. */
  readonly point: number;
  readonly kind: NumberKind;
  /** The unit as written ('%', '美元', '个', 'GWh' …), when there is one. */
  readonly unit: string | undefined;
  /** ISO 4217 code for currency amounts. */
  readonly currency: string | undefined;
  readonly qualifier: Qualifier | undefined;
  readonly scale: NumberScale | undefined;
  /** True for "13.9%–31.7%", "2–3 个", "5-10 million", "2018年至2020年". */
  readonly isRange: boolean;
  /** True when the number needs a source: a share, amount, count, rank, multiple or measured quantity. */
  readonly isStatistic: boolean;
  /** Set exactly when `isStatistic` is false. */
  readonly reason: NonStatisticReason | undefined;
}
