// Word lists of the reader: units, currencies, qualifiers and the cue words of references and ranks.

import type { NumberKind, Qualifier } from './types';
import { wordList } from './text';

export interface UnitInfo {
  readonly kind: NumberKind;
  /** Unit as reported (the canonical spelling of the written unit). */
  readonly unit: string;
  readonly currency?: string;
}

function table(entries: readonly (readonly [string, NumberKind, string?, string?])[]): ReadonlyMap<string, UnitInfo> {
  const map = new Map<string, UnitInfo>();
  for (const [written, kind, unit, currency] of entries) {
    map.set(written, currency === undefined ? { kind, unit: unit ?? written } : { kind, unit: unit ?? written, currency });
  }
  return map;
}

/** Measure words after which a number counts things (800多个, 93起, 11座). */
export const MEASURE_WORDS = [
  '个', '位', '起', '座', '项', '家', '名', '人次', '人', '次', '件', '所', '台', '辆', '架', '艘', '篇', '部', '种',
  '类', '批', '条', '只', '头', '户', '株', '份', '套', '例', '场', '轮', '届', '支', '颗', '枚', '片', '间', '栋',
  '处', '队', '款', '组', '张', '本', '册', '笔', '宗', '门', '道', '点', '层', '方面', '所', '省', '市', '县', '村', '席',
  '户', '位数',
] as const;

/** Measure words that make a small count (≤ 3) an ordinary phrase rather than a statistic: 3个方面, 两种. */
export const GENERIC_MEASURES: ReadonlySet<string> = new Set(['个', '种', '类', '项', '条', '点', '方面', '层', '次', '部', '道', '门', '批', '轮', '片', '份', '套', '批']);

export const UNITS: ReadonlyMap<string, UnitInfo> = table([
  ['%', 'percent'], ['％', 'percent', '%'], ['‰', 'permille'], ['个百分点', 'percentagePoint'], ['百分点', 'percentagePoint'],
  ['percentage points', 'percentagePoint'], ['percentage point', 'percentagePoint'], ['pp', 'percentagePoint'],
  ['p.p.', 'percentagePoint'], ['percent', 'percent', '%'], ['per cent', 'percent', '%'], ['basis points', 'percentagePoint', 'bp'],
  ['bps', 'percentagePoint', 'bp'],
  ['美元', 'currency', '美元', 'USD'], ['美金', 'currency', '美金', 'USD'], ['韩元', 'currency', '韩元', 'KRW'],
  ['日元', 'currency', '日元', 'JPY'], ['欧元', 'currency', '欧元', 'EUR'], ['英镑', 'currency', '英镑', 'GBP'],
  ['港元', 'currency', '港元', 'HKD'], ['港币', 'currency', '港币', 'HKD'], ['澳元', 'currency', '澳元', 'AUD'],
  ['加元', 'currency', '加元', 'CAD'], ['卢布', 'currency', '卢布', 'RUB'], ['新台币', 'currency', '新台币', 'TWD'],
  ['元人民币', 'currency', '元', 'CNY'], ['人民币', 'currency', '人民币', 'CNY'], ['元', 'currency', '元', 'CNY'],
  ['US dollars', 'currency', 'USD', 'USD'], ['dollars', 'currency', 'USD', 'USD'], ['euros', 'currency', 'EUR', 'EUR'],
  ['yuan', 'currency', 'CNY', 'CNY'], ['RMB', 'currency', 'CNY', 'CNY'], ['won', 'currency', 'KRW', 'KRW'],
  ['yen', 'currency', 'JPY', 'JPY'], ['USD', 'currency', 'USD', 'USD'], ['EUR', 'currency', 'EUR', 'EUR'],
  ['KRW', 'currency', 'KRW', 'KRW'], ['JPY', 'currency', 'JPY', 'JPY'], ['CNY', 'currency', 'CNY', 'CNY'],
  ['倍', 'multiple'], ['×', 'multiple'], ['x', 'multiple', '×'], ['times', 'multiple', '×'], ['-fold', 'multiple', 'fold'],
  ['fold', 'multiple', 'fold'],
  ['个月', 'duration'], ['年', 'duration'], ['周年', 'duration'], ['天', 'duration'], ['小时', 'duration'], ['分钟', 'duration'],
  ['秒', 'duration'], ['周', 'duration'], ['星期', 'duration'], ['岁', 'quantity'],
  ['years', 'duration'], ['year', 'duration'], ['months', 'duration'], ['month', 'duration'], ['weeks', 'duration'],
  ['days', 'duration'], ['hours', 'duration'], ['decades', 'duration'],
  ['千瓦时', 'quantity'], ['千瓦', 'quantity'], ['兆瓦', 'quantity'], ['吉瓦', 'quantity'], ['瓦', 'quantity'],
  ['吨', 'quantity'], ['千克', 'quantity'], ['公斤', 'quantity'], ['克', 'quantity'], ['千米', 'quantity'], ['公里', 'quantity'],
  ['平方公里', 'quantity'], ['平方千米', 'quantity'], ['平方米', 'quantity'], ['立方米', 'quantity'], ['厘米', 'quantity'],
  ['毫米', 'quantity'], ['纳米', 'quantity'], ['米', 'quantity'], ['公顷', 'quantity'], ['亩', 'quantity'], ['升', 'quantity'],
  ['桶', 'quantity'], ['斤', 'quantity'], ['标准箱', 'quantity'], ['TEU', 'quantity'], ['度', 'quantity'], ['摄氏度', 'quantity'], ['℃', 'quantity'], ['分', 'quantity'],
  ['TWh', 'quantity'], ['GWh', 'quantity'], ['MWh', 'quantity'], ['kWh', 'quantity'], ['TW', 'quantity'], ['GW', 'quantity'],
  ['MW', 'quantity'], ['kW', 'quantity'], ['km', 'quantity'], ['kg', 'quantity'], ['tonnes', 'quantity'], ['tons', 'quantity'],
  ['nm', 'quantity'], ['mm', 'quantity'], ['cm', 'quantity'], ['m', 'quantity'], ['°C', 'quantity'], ['points', 'quantity'],
  ...MEASURE_WORDS.map((word) => [word, 'count'] as const),
]);

export const UNIT_WORDS = wordList([...UNITS.keys()]);

/** Units that begin with a magnitude character: check them before reading 千 or 百 as a magnitude. */
export const MAGNITUDE_UNITS = wordList(['千米', '千克', '千瓦时', '千瓦', '百分点', '千分之', '百分之']);

/** Currency signs and codes written before the number. */
export const CURRENCY_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['US$', 'USD'], ['HK$', 'HKD'], ['A$', 'AUD'], ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'CNY'], ['￥', 'CNY'],
  ['₩', 'KRW'], ['RMB', 'CNY'], ['USD', 'USD'], ['EUR', 'EUR'], ['KRW', 'KRW'], ['JPY', 'JPY'], ['CNY', 'CNY'],
  ['GBP', 'GBP'], ['人民币', 'CNY'], ['美元', 'USD'],
]);
export const CURRENCY_PREFIX_WORDS = wordList([...CURRENCY_PREFIXES.keys()]);

/** Qualifiers written before the number. */
export const PREFIX_QUALIFIERS: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ['约合', 'approx'], ['约为', 'approx'], ['约占', 'approx'], ['约有', 'approx'], ['约达', 'approx'], ['大约有', 'approx'],
  ['超过了', 'over'], ['达到了', 'reaches'], ['接近于', 'nearly'], ['大约', 'approx'], ['大概', 'approx'], ['约', 'approx'], ['将近', 'nearly'], ['接近', 'nearly'],
  ['近', 'nearly'], ['超过', 'over'], ['超出', 'over'], ['超', 'over'], ['逾', 'over'], ['高于', 'over'], ['多于', 'over'],
  ['大于', 'over'], ['多达', 'reaches'], ['高达', 'reaches'], ['达到', 'reaches'], ['达', 'reaches'], ['不足', 'under'],
  ['不到', 'under'], ['少于', 'under'], ['低于', 'under'], ['小于', 'under'], ['不超过', 'atMost'], ['不高于', 'atMost'],
  ['不多于', 'atMost'], ['至多', 'atMost'], ['最多', 'atMost'], ['不少于', 'atLeast'], ['不低于', 'atLeast'],
  ['至少', 'atLeast'], ['最少', 'atLeast'],
  ['approximately', 'approx'], ['approx.', 'approx'], ['about', 'approx'], ['around', 'approx'], ['roughly', 'approx'],
  ['some', 'approx'], ['an estimated', 'approx'], ['estimated', 'approx'], ['nearly', 'nearly'], ['almost', 'nearly'],
  ['close to', 'nearly'], ['more than', 'over'], ['over', 'over'], ['above', 'over'], ['exceeding', 'over'],
  ['just over', 'over'], ['at least', 'atLeast'], ['no less than', 'atLeast'], ['no fewer than', 'atLeast'],
  ['up to', 'atMost'], ['at most', 'atMost'], ['no more than', 'atMost'], ['not more than', 'atMost'],
  ['less than', 'under'], ['fewer than', 'under'], ['under', 'under'], ['below', 'under'], ['just under', 'under'],
  ['as many as', 'reaches'], ['as much as', 'reaches'], ['as high as', 'reaches'],
  ['~', 'approx'], ['～', 'approx'], ['≈', 'approx'], ['>', 'over'], ['<', 'under'], ['≥', 'atLeast'], ['≤', 'atMost'],
  ['>=', 'atLeast'], ['<=', 'atMost'],
]);
export const PREFIX_QUALIFIER_WORDS = wordList([...PREFIX_QUALIFIERS.keys()]);

/** Qualifiers written after the number and unit. */
export const SUFFIX_QUALIFIERS: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ['以上', 'atLeast'], ['以下', 'atMost'], ['以内', 'atMost'], ['之内', 'atMost'], ['左右', 'approx'], ['上下', 'approx'],
  ['有余', 'more'], ['出头', 'more'], ['多', 'more'], ['余', 'more'], ['强', 'over'], ['弱', 'under'],
  ['或更多', 'atLeast'], ['或以上', 'atLeast'], ['及以上', 'atLeast'], ['或更少', 'atMost'], ['及以下', 'atMost'],
  [' or more', 'atLeast'], [' or so', 'approx'], [' or less', 'atMost'], ['+', 'atLeast'], ['-plus', 'atLeast'],
]);
export const SUFFIX_QUALIFIER_WORDS = wordList([...SUFFIX_QUALIFIERS.keys()]);

/** Characters after 上下 that make it a noun (上下游, 上下文), not "about". */
export const NOT_AFTER_SHANGXIA = '游文级楼班层功来';

/** Scale words after a number, English. */
export const ENGLISH_SCALE_WORDS = wordList(['thousand', 'million', 'billion', 'trillion', 'bn', 'mn', 'tn', 'hundred']);

/** Words before a number that make it a reference to part of the document. */
export const SECTION_WORDS = wordList([
  '第', 'Section', 'Sect.', 'Sec.', 'Chapter', 'Chap.', 'Ch.', 'Part', 'Appendix', 'Annex', '§', 'Eq.', 'Eqn.', 'Equation',
  '式', '公式', '附录', 'Article', 'Art.', 'p.', 'pp.', 'page', 'pages', 'Vol.', 'No.', 'no.', '#',
]);
export const FIGURE_WORDS = wordList(['图', '表', '附图', '附表', '图表', 'Figure', 'Fig.', 'Figs.', 'Table', 'Tables', 'Exhibit', 'Box', 'Chart']);
/** Characters before 图 or 表 that make a word (发表, 代表, 试图), not a figure reference. */
export const NOT_BEFORE_FIGURE = '发代试企意力地蓝版宏略构列贪视制绘外仪报';

/** Cue words before 第N that make it a rank (排名第6名, 位居全球第二). */
export const RANK_CUES = ['排名', '排', '位居', '位列', '居', '名列', '列', '位于', '跻身', '排行', '排位'];
export const ENGLISH_RANK_CUES = wordList(['ranked', 'ranks', 'ranking', 'rank', 'placed', 'placing', 'came']);

/** After 第N: what the ordinal numbers. */
export const ORDINAL_SUFFIXES: ReadonlyMap<string, 'rank' | 'section-ref' | 'label' | 'ordinal'> = new Map([
  ['位', 'rank'], ['名', 'rank'], ['章', 'section-ref'], ['节', 'section-ref'], ['条', 'section-ref'], ['款', 'section-ref'],
  ['部分', 'section-ref'], ['篇', 'section-ref'], ['页', 'section-ref'], ['期', 'label'], ['卷', 'label'], ['版', 'label'],
  ['号', 'label'], ['次', 'ordinal'], ['届', 'ordinal'], ['个', 'ordinal'], ['批', 'ordinal'], ['轮', 'ordinal'],
]);
export const ORDINAL_SUFFIX_WORDS = wordList([...ORDINAL_SUFFIXES.keys()]);

/** Context before a duration that makes it a measured value (平均寿命40年), not a time window (过去5年). */
export const DURATION_STAT_CUES = [
  '寿命', '平均', '历时', '耗时', '用时', '周期', '工期', '长达', '仅', '需要', '需', '缩短', '延长', '提前', '只有',
  'lifespan', 'average', 'lasted', 'takes', 'took', 'life',
];
/** Words after a duration that make it a time window: 30多年来, 10年内. */
export const TIME_WINDOW_AFTER = wordList(['以来', '来', '之内', '内', '中', '后', '前', '间', '里', '期间']);

/** Cue words before a code such as F213.2. */
export const CODE_CUES = ['分类号', '编号', '代码', '代号', '号：', '号:', 'DOI', 'ISBN', 'ISSN', 'No:', 'ID'];

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan.', 1], ['february', 2], ['feb.', 2], ['march', 3], ['mar.', 3], ['april', 4], ['apr.', 4],
  ['may', 5], ['june', 6], ['jun.', 6], ['july', 7], ['jul.', 7], ['august', 8], ['aug.', 8], ['september', 9],
  ['sept.', 9], ['sep.', 9], ['october', 10], ['oct.', 10], ['november', 11], ['nov.', 11], ['december', 12], ['dec.', 12],
]);
export const MONTH_WORDS = wordList([...MONTHS.keys()]);


/** Names built on numerals that no rule can tell from a count. */
export const NUMERAL_NAMES = wordList([
  '第二个百年', '两个一百年', '一带一路', '一国两制', '两会', '三农', '双碳', '四个全面', '五位一体', '四个自信', '两个维护',
  '两个确立', '三链', '四个意识', '三个代表', '四个现代化', '八项规定', '五大发展理念', '三去一降一补', '双循环', '两个大局', '十四五', '十三五', '十五五', '二十大', '十九大', '十八大', '三中全会', '四中全会', '五中全会',
  '二中全会', '一中全会', '六中全会', '七中全会',
]);

/** Words before a number that make it a version. */
export const VERSION_WORDS = wordList(['version', 'ver.', 'v.', 'release', 'release', '版本']);
