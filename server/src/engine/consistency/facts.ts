// Facts: each statistic of a sentence read as (indicator, entities, period, value interval, kind), with the
// words around it that the checks need (its change verb, its order cues, whether it is a share). One pass
// over the sentences; every look-around is bounded by the clause the number sits in.
import type { DocumentModel, Sentence } from '../model';
import type { NumberMention } from '../numbers';
import { isReadInFull, numbersIn } from '../evidence/statistics';
import { memoizeByText } from '../memo';
import {
  COMPARATOR_BEFORE, DOWN_AFTER, DOWN_WORDS, EARLIER_CUE, FORECAST, GENERIC_INDICATORS, RESPECTIVELY, SHARE_CUE, TO_AFTER_VERB, UP_AFTER, UP_WORDS,
  entitiesIn, entityNames,
} from './lexicon';

export type Direction = 'up' | 'down';

export interface Fact {
  readonly sentence: Sentence;
  readonly mention: NumberMention;
  /** Index of the `；`-separated part of the sentence. */
  readonly part: number;
  readonly clauseStart: number;
  readonly clauseEnd: number;
  readonly role: 'level' | 'change';
  readonly direction: Direction | undefined;
  /** Sentence offset where the figure's wording starts: the change verb for a change, else the number. */
  readonly wordingStart: number;
  /** Normalised indicator ('' when none could be read); `indicatorText` is how it is shown. */
  readonly indicator: string;
  readonly indicatorText: string;
  /** Canonical entity ids, sorted. */
  readonly entities: readonly string[];
  /** The entities as a reader names them, by locale. */
  readonly entityNames: { readonly en: string; readonly 'zh-CN': string };
  readonly period: string | undefined;
  readonly periodText: string | undefined;
  /** The values the written figure allows, widened by half a unit of its last written digit. */
  readonly low: number;
  readonly high: number;
  /** percent, permille, currency:USD, count:人, quantity:GWh, rank, multiple, plain. */
  readonly kindKey: string;
  /** The written digits without separators and the scale factor, for the 万/亿 slip check. */
  readonly digits: string;
  readonly scaleFactor: number;
  readonly inParens: boolean;
  /** A percentage that is a share of a whole (占…的, …中约55%来自…, share of). */
  readonly share: boolean;
  /**
   * For a share, the part it measures when the text names one: the noun phrase before 占 (半导体占…), else the
   * indicator of the figure just before it in the sentence (半导体出口额为1 292亿美元，占…的18.9%); '' when none.
   */
  readonly sharePart: string;
  readonly forecast: boolean;
  /** The sentence pairs lists with 分别/respectively. */
  readonly respectively: boolean;
  /** The clause text before the number, from the previous statistic in the clause, at most NEAR characters. */
  readonly prefix: string;
  /** The clause text after the number, to the next statistic in the clause, at most NEAR characters. */
  readonly suffix: string;
}

// Brackets by code: these loops run over every character of every sentence with a statistic, and a
// one-character string of a Chinese character is a new string each time it is taken out of the text.
const BRACKET_STEP = new Int8Array(0x10000);
for (const ch of '(（[［〔【') BRACKET_STEP[ch.charCodeAt(0)] = 1;
for (const ch of ')）]］〕】') BRACKET_STEP[ch.charCodeAt(0)] = -1;
const SEMICOLONS = new Set([...'；;'].map((ch) => ch.charCodeAt(0)));
const SPACES_AFTER_COMMA = new Set([...' \t\u00a0\n'].map((ch) => ch.charCodeAt(0)));

/** +1 for an opening bracket, -1 for a closing one, 0 for anything else (NaN past the end included). */
function bracketStep(code: number): number {
  return BRACKET_STEP[code] ?? 0;
}

/** `[start, end)` ranges of the sentence split at ；/; (parts) and within them at ，,：: (clauses), outside brackets. */
function splitClauses(text: string): { part: number; start: number; end: number }[] {
  const out: { part: number; start: number; end: number }[] = [];
  let depth = 0;
  let part = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = text.charCodeAt(i);
    depth = Math.max(0, depth + bracketStep(code));
    const atEnd = i === text.length;
    const semicolon = SEMICOLONS.has(code);
    const comma = code === 0xff0c || code === 0xff1a || ((code === 0x2c || code === 0x3a) && SPACES_AFTER_COMMA.has(text.charCodeAt(i + 1)));
    if (atEnd || (depth === 0 && (semicolon || comma))) {
      out.push({ part, start, end: i });
      if (semicolon) part++;
      start = i + 1;
    }
  }
  return out;
}

/** Removes bracketed asides and citation markers (（研发经费与GDP之比）, [26]) in one pass, however deep. */
function dropAsides(text: string): string {
  let depth = 0;
  let kept = '';
  // Text outside brackets is copied a run at a time; the brackets themselves are always dropped.
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const step = bracketStep(text.charCodeAt(i));
    if (step === 0) continue;
    if (depth === 0) kept += text.slice(runStart, i);
    depth = Math.max(0, depth + step);
    runStart = i + 1;
  }
  if (runStart === 0) return text;
  return depth === 0 ? kept + text.slice(runStart) : kept;
}

/** How far around a number its cue words are looked for; also keeps every anchored pattern linear. */
const NEAR = 64;

// Words stripped from the ends of an indicator, matched with endsWith/startsWith rather than an anchored
// alternation, which backtracks on long runs.
const byLength = (words: readonly string[]): readonly string[] => [...words].sort((a, b) => b.length - a.length);
const TRAILING_ZH = byLength([
  '仅次于', '次于', '落后于', '领先于', '骤降至', '骤增至', '跌至', '涨至', '分别为', '分别占', '分别', '约为', '约合', '达到', '高达', '已达',
  '仅为', '只有', '保持在', '维持在', '始终', '保持', '维持', '增至', '降至', '升至', '减至', '增加到', '减少到', '下降到', '上升到', '提高到',
  '位居', '位列', '排名', '排在', '名列', '为', '是', '达', '约', '仅', '只', '已经', '已', '超过', '突破', '不足', '将近', '接近', '近', '逾',
  '超', '共', '合计', '总计', '累计', '均', '都', '也', '仍', '在', '中', '之间', '的', '占', '居', '列', '了', '至', '到', '第', '从', '由',
  '自', '较', '比',
]);
const TRAILING_EN = byLength([
  'fell', 'rose', 'grew', 'dropped', 'declined', 'increased', 'decreased', 'climbed', 'jumped', 'shrank', 'accounted for',
  'accounts for', 'account for', 'made up', 'from', 'was', 'is', 'were', 'are', 'stood at', 'stands at', 'reached', 'reaches',
  'amounted to', 'totalled', 'totaled', 'came to', 'hit', 'of', 'at', 'to', 'about', 'around', 'nearly', 'almost', 'some', 'roughly',
  'over', 'more than', 'only', 'just', 'ranked', 'ranks', 'placed', 'in', 'for', 'by', 'with', 'respectively',
]);
const LEADING_ZH = byLength(['而且', '而', '但是', '但', '同时', '此外', '另外', '并且', '并', '且', '其', '该', '这一', '此', '在', '于', '据', '根据', '对', '向', '从', '由', '与', '和', '及', '占']);
const LEADING_EN = byLength(['the', 'a', 'an', 'its', 'their', 'and', 'but', 'while', 'whereas', 'with', 'in', 'of', 'as', "'s", '’s']);
const SEPARATORS = ' \t\u00a0\u3000,，、\'’';
const isLetter = (ch: string): boolean => /^[a-z]$/i.test(ch);

/** Words by their first or last character, in the order given: only those can start or end a text there. */
function byEdge(words: readonly string[], edge: (word: string) => string): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const word of words) map.set(edge(word), [...(map.get(edge(word)) ?? []), word]);
  return map;
}
const firstChar = (word: string): string => word.charAt(0);
const lastChar = (word: string): string => word.charAt(word.length - 1);
const TRAILING_ZH_BY_LAST = byEdge(TRAILING_ZH, lastChar);
const TRAILING_EN_BY_LAST = byEdge(TRAILING_EN, lastChar);
const LEADING_ZH_BY_FIRST = byEdge(LEADING_ZH, firstChar);
const LEADING_EN_BY_FIRST = byEdge(LEADING_EN, firstChar);

/** Strips linking words, qualifiers and separators from both ends, one unit at a time (the end first). */
function stripEnds(text: string): string {
  let s = text;
  for (;;) {
    if (s === '') return s;
    if (SEPARATORS.includes(s.charAt(s.length - 1))) {
      s = s.slice(0, -1);
      continue;
    }
    if (SEPARATORS.includes(s.charAt(0))) {
      s = s.slice(1);
      continue;
    }
    const zhEnd = TRAILING_ZH_BY_LAST.get(lastChar(s))?.find((w) => s.endsWith(w) && !(w === '比' && s.endsWith('之比')));
    if (zhEnd) {
      s = s.slice(0, -zhEnd.length);
      continue;
    }
    const lower = s.toLowerCase();
    const enEnd = TRAILING_EN_BY_LAST.get(lastChar(lower))?.find((w) => lower.endsWith(w) && !isLetter(lower.charAt(lower.length - w.length - 1)));
    if (enEnd) {
      s = s.slice(0, -enEnd.length);
      continue;
    }
    const zhStart = LEADING_ZH_BY_FIRST.get(firstChar(s))?.find((w) => s.startsWith(w));
    if (zhStart) {
      s = s.slice(zhStart.length);
      continue;
    }
    const enStart = LEADING_EN_BY_FIRST.get(firstChar(lower))?.find((w) => lower.startsWith(w) && (!isLetter(w.charAt(0)) || !isLetter(lower.charAt(w.length))));
    if (enStart) {
      s = s.slice(enStart.length);
      continue;
    }
    return s;
  }
}

/** The noun phrase a number measures, read from the clause text before it. */
export function indicatorOf(prefix: string): { key: string; text: string } {
  let s = dropAsides(prefix);
  // Dates and periods are the period, not the indicator.
  s = s.replace(/(?:19|20)\d\d\s?年(?:\s?\d{1,2}\s?月)?(?:底|末|初|上半年|下半年|前|以来|起)?|\b(?:in\s{1,3})?(?:19|20)\d\d\b/g, '');
  s = s.replace(/(?:前|上)一?年|去年|上年同期|去年同期|当年|同期/g, '');
  for (const hit of entitiesIn(s).reverse()) s = s.slice(0, hit.start) + s.slice(hit.end);
  s = stripEnds(s);
  const de = s.lastIndexOf('的');
  if (de >= 0 && s.length - de - 1 >= 2) s = s.slice(de + 1);
  s = s.replace(/^(?:的|对|在|向)+/, '').trim();
  const text = s;
  const key = (/[\u4e00-\u9fff]/.test(s) ? s.replace(/\s+/g, '') : s.replace(/\s+/g, ' ')).toLowerCase();
  return { key, text };
}

export function isGenericIndicator(key: string): boolean {
  return GENERIC_INDICATORS.has(key) || key.length < 2;
}

/** The part a share measures: the noun phrase before 占 in its clause, else the figure before it. */
function sharePartOf(prefix: string, previous: string): string {
  const at = prefix.lastIndexOf('占');
  const own = at > 0 ? indicatorOf(prefix.slice(0, at)).key : '';
  return isGenericIndicator(own) ? previous : own;
}

/** Written digits and the half-unit of the last written digit, in base units. */
function precisionOf(m: NumberMention): { digits: string; half: number } {
  const match = /\d[\d,\s\u00a0\u2009\u202f]*(?:\.\d+)?/.exec(m.raw);
  if (!match) return { digits: '', half: 0 };
  const digits = match[0].replace(/[,\s\u00a0\u2009\u202f]/g, '');
  const factor = m.scale?.factor ?? 1;
  if (m.kind === 'rank') return { digits, half: 0 };
  const dot = digits.indexOf('.');
  if (dot >= 0) return { digits, half: 0.5 * 10 ** -(digits.length - dot - 1) * factor };
  // 45,000 may be a rounded figure: the trailing zeros of a long integer are not read as exact.
  let zeros = 0;
  while (digits.length >= 4 && zeros < digits.length && digits.charAt(digits.length - 1 - zeros) === '0') zeros++;
  return { digits, half: 0.5 * 10 ** Math.min(zeros, digits.length - 1) * factor };
}

function kindKeyOf(m: NumberMention): string {
  switch (m.kind) {
    case 'currency':
      return `currency:${m.currency ?? m.unit ?? ''}`;
    case 'count':
    case 'quantity':
      return `${m.kind}:${m.unit ?? ''}`;
    default:
      return m.kind;
  }
}

function periodKey(m: NumberMention): string {
  const numbers = m.raw.match(/\d+/g) ?? [];
  return m.kind === 'date' ? numbers.slice(0, 2).join('-') : numbers.join('-');
}

const DATE_REASONS = new Set(['year', 'date', 'time-span']);
const isDate = (m: NumberMention): boolean =>
  m.reason !== undefined && DATE_REASONS.has(m.reason) && /(?:19|20)\d\d/.test(m.raw) && (m.reason !== 'time-span' || /年|\d{4}/.test(m.raw));

function changeOf(prefix: string, suffix: string, m: NumberMention): { direction: Direction | undefined; verbLength: number } | undefined {
  if (m.kind !== 'percent' && m.kind !== 'percentagePoint') return undefined;
  if (TO_AFTER_VERB.test(prefix)) return undefined;
  const down = DOWN_WORDS.exec(prefix);
  if (down) return { direction: 'down', verbLength: down[0].length };
  const up = UP_WORDS.exec(prefix);
  if (up) return { direction: 'up', verbLength: up[0].length };
  if (DOWN_AFTER.test(suffix)) return { direction: 'down', verbLength: 0 };
  if (UP_AFTER.test(suffix)) return { direction: 'up', verbLength: 0 };
  if (m.kind === 'percentagePoint') return { direction: undefined, verbLength: 0 };
  return undefined;
}

/** Entity ids a clause is about: those it names, minus comparators (仅次于以色列), outside brackets; sorted. */
function clauseEntities(clause: string): string[] {
  const plain = dropAsides(clause);
  const ids = new Set<string>();
  for (const hit of entitiesIn(plain)) {
    if (COMPARATOR_BEFORE.test(plain.slice(Math.max(0, hit.start - 12), hit.start))) continue;
    ids.add(hit.id);
  }
  return [...ids].sort();
}

/** Whether a clause names who a figure is about: the world is a scope, not a subject. */
function hasSubject(ids: readonly string[]): boolean {
  return ids.some((id) => id !== 'WORLD');
}

/** Reads every statistic of the document (headings and the reference list excluded) as a fact. */
export function readFacts(model: DocumentModel): Fact[] {
  const facts: Fact[] = [];
  for (const sentence of model.sentences) {
    const block = model.blocks[sentence.block]!;
    if (block.kind === 'heading' || block.inReferences || block.inTable) continue;
    for (const fact of factsOfSentence(sentence.text)) facts.push({ sentence, ...fact });
  }
  return facts;
}

type SentenceFact = Omit<Fact, 'sentence'>;

/** The facts a sentence states, from its text alone (remembered by text; do not mutate). */
const factsOfSentence: (text: string) => readonly SentenceFact[] = memoizeByText((text) => Object.freeze(readSentenceFacts(text)));

function readSentenceFacts(text: string): SentenceFact[] {
  const facts: SentenceFact[] = [];
  // A run-on of thousands of characters is read only in part (evidence/statistics.ts): its figures are not
  // compared, since a check on part of a sentence could pair the wrong values.
  if (!isReadInFull(text)) return facts;
  const mentions = numbersIn(text);
  const statistics = mentions.filter((m) => m.isStatistic);
  if (statistics.length === 0) return facts;
  const clauses = splitClauses(text);
  // Bracket depth at each statistic's start, walked forward as the statistics are (they are in text order).
  let depth = 0;
  let depthAt = 0;
  const dates = mentions.filter(isDate);
  const sentencePeriods = new Set(dates.map(periodKey));
  const forecast = FORECAST.test(text);
  const respectively = RESPECTIVELY.test(text);
  let inherited: string[] = [];
  let clauseIndex = -1;
  let clauseIds: string[] = [];
  let clauseNames = entityNames(clauseIds);
  let lastEnd = 0;
  let ci = 0;
  let di = 0;
  let lastLevelIndicator = '';
  for (let index = 0; index < statistics.length; index++) {
    const m = statistics[index]!;
    for (; depthAt < m.start; depthAt++) depth = Math.max(0, depth + bracketStep(text.charCodeAt(depthAt)));
    while (ci + 1 < clauses.length && m.start >= clauses[ci]!.end) ci++;
    const clause = clauses[ci]!;
    if (ci !== clauseIndex) {
      // Entities of the clauses passed over carry the subject forward (…，占半导体总出口额的34%以上).
      for (let k = Math.max(0, clauseIndex + 1); k < ci; k++) {
        const between = clauseEntities(text.slice(clauses[k]!.start, clauses[k]!.end));
        if (hasSubject(between)) inherited = between;
      }
      const own = clauseEntities(text.slice(clause.start, clause.end));
      clauseIds = hasSubject(own) ? own : [...new Set([...inherited, ...own])].sort();
      if (hasSubject(own)) inherited = own;
      clauseNames = entityNames(clauseIds);
      clauseIndex = ci;
      lastEnd = clause.start;
    }
    const prefix = text.slice(Math.max(lastEnd, clause.start, m.start - NEAR), m.start);
    const next = statistics[index + 1];
    const suffix = text.slice(m.end, Math.min(clause.end, next ? next.start : clause.end, m.end + NEAR));
    lastEnd = m.end;
    const change = changeOf(prefix, suffix, m);
    let { key, text: indicatorText } = indicatorOf(change ? prefix.slice(0, prefix.length - change.verbLength) : prefix);
    // English names a rank's list after it: "ranked 34th in talent competitiveness".
    const listAfter = m.kind === 'rank' ? /^\s*(?:in|on|for)\s+(?:the\s+)?([A-Za-z][\w&' -]{2,50}?)(?:\s+(?:ranking|index|list))?\s*(?=(?:\[[^\]]*\])?\s*(?:[,.;]|$)|\s+in\s+(?:19|20)\d\d)/.exec(suffix) : null;
    if (isGenericIndicator(key) && listAfter) {
      indicatorText = listAfter[1]!.trim();
      key = indicatorText.toLowerCase();
    }
    // "$155.8 billion in 2022": a date right after the figure is its own; else the nearest before it.
    // Dates and statistics are both in text order, so one pointer finds the dates around each figure.
    while (di < dates.length && dates[di]!.end <= m.start) di++;
    const beforeDate = di > 0 && dates[di - 1]!.start >= clause.start ? dates[di - 1] : undefined;
    const afterDate = di < dates.length && dates[di]!.start >= m.end && dates[di]!.end <= clause.end ? dates[di] : undefined;
    const adjacent = afterDate && /^\s*(?:in\s+|at the end of\s+|as of\s+)?$/i.test(text.slice(m.end, Math.min(afterDate.start, m.end + NEAR))) ? afterDate : undefined;
    const own = adjacent ?? beforeDate ?? afterDate;
    const earlier = EARLIER_CUE.test(prefix);
    const periodMention = own ?? (sentencePeriods.size === 1 && !earlier ? dates[0] : undefined);
    const { digits, half } = precisionOf(m);
    const share = m.kind === 'percent' && (SHARE_CUE.test(prefix) || /中\s?(?:约|近|超过|逾)?\s?$/.test(prefix) || /^\s*(?:来自|流向)/.test(suffix));
    const lowerBound = m.qualifier === 'over' || m.qualifier === 'atLeast';
    const upperBound = m.qualifier === 'under' || m.qualifier === 'atMost' || m.qualifier === 'nearly';
    facts.push({
      mention: m,
      part: clause.part,
      clauseStart: clause.start,
      clauseEnd: clause.end,
      role: change ? 'change' : 'level',
      direction: change?.direction,
      wordingStart: m.start - (change?.verbLength ?? 0),
      indicator: key,
      indicatorText,
      entities: clauseIds,
      entityNames: clauseNames,
      period: periodMention ? periodKey(periodMention) : undefined,
      periodText: periodMention?.raw,
      low: lowerBound ? m.value.low : Math.min(m.value.low, m.point - half),
      high: upperBound ? m.value.high : Math.max(m.value.high, m.point + half),
      kindKey: kindKeyOf(m),
      digits,
      scaleFactor: m.scale?.factor ?? 1,
      inParens: depth > 0,
      share,
      sharePart: share ? sharePartOf(prefix, lastLevelIndicator) : '',
      forecast,
      respectively,
      prefix,
      suffix,
    });
    if (!change && !share && !isGenericIndicator(key)) lastLevelIndicator = key;
  }
  return facts;
}
