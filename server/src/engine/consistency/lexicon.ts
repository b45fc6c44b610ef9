// Words the consistency checks read around a number: who a figure is about (entities), which way a change
// goes, what marks an earlier value, a share of a whole, a forecast. Small, closed lists: a word missing here
// costs recall, never precision, because every check needs its cue before it says anything.

/** Countries, blocs and organisations a policy draft compares, by canonical id. Longest forms first. */
export const ENTITY_FORMS: readonly (readonly [string, readonly string[]])[] = [
  ['CN+KR', ['中韩', '韩中']],
  ['CN+US', ['中美', '美中']],
  ['KR+US', ['韩美', '美韩']],
  ['CN+JP', ['中日', '日中']],
  ['JP+KR', ['日韩', '韩日']],
  ['CN', ['中华人民共和国', '中国大陆', '中国', '我国', '中方', '对华', '在华', '来华', '赴华', '访华', '涉华', 'China', "China's", 'Chinese', 'PRC']],
  ['KR', ['大韩民国', '韩国', '韩方', '南韩', '对韩', '在韩', '赴韩', 'South Korea', "South Korea's", 'Korea', "Korea's", 'Korean', 'ROK']],
  ['US', ['美利坚合众国', '美国', '美方', '对美', '在美', '赴美', 'United States', 'the US', 'the U.S.', 'U.S.', 'USA', 'America', 'American']],
  ['JP', ['日本', '对日', 'Japan', "Japan's", 'Japanese']],
  ['EU', ['欧盟', '欧洲联盟', 'European Union', 'the EU', 'EU']],
  ['OECD', ['经济合作与发展组织', '经合组织', 'OECD']],
  ['DE', ['德国', 'Germany', 'German']],
  ['IL', ['以色列', 'Israel']],
  ['GB', ['英国', 'United Kingdom', 'the UK', 'Britain', 'British']],
  ['FR', ['法国', 'France', 'French']],
  ['IN', ['印度', 'India', 'Indian']],
  ['VN', ['越南', 'Vietnam', 'Viet Nam', 'Vietnamese']],
  ['TW', ['中国台湾', '台湾地区', '台湾', 'Taiwan']],
  ['HK', ['中国香港', '香港', 'Hong Kong']],
  ['RU', ['俄罗斯', 'Russia', 'Russian']],
  ['SE', ['瑞典', 'Sweden', 'Swedish']],
  ['SG', ['新加坡', 'Singapore']],
  ['ASEAN', ['东盟', 'ASEAN']],
  ['WORLD', ['全球', '世界', '全世界', 'worldwide', 'global', 'the world']],
  ['Samsung', ['三星电子', '三星', 'Samsung Electronics', 'Samsung']],
  ['SKHynix', ['SK海力士', 'SK hynix', 'SK Hynix']],
  ['Huawei', ['华为', 'Huawei']],
  ['TSMC', ['台积电', 'TSMC']],
];

const NAMES: Record<string, readonly [string, string]> = {
  CN: ['China', '中国'], KR: ['Korea', '韩国'], US: ['the United States', '美国'], JP: ['Japan', '日本'], EU: ['the EU', '欧盟'],
  OECD: ['the OECD', 'OECD'], DE: ['Germany', '德国'], IL: ['Israel', '以色列'], GB: ['the UK', '英国'], FR: ['France', '法国'],
  IN: ['India', '印度'], VN: ['Vietnam', '越南'], TW: ['Taiwan', '中国台湾'], HK: ['Hong Kong', '中国香港'], RU: ['Russia', '俄罗斯'],
  SE: ['Sweden', '瑞典'], SG: ['Singapore', '新加坡'], ASEAN: ['ASEAN', '东盟'], WORLD: ['the world', '全球'],
  Samsung: ['Samsung', '三星'], SKHynix: ['SK hynix', 'SK海力士'], Huawei: ['Huawei', '华为'], TSMC: ['TSMC', '台积电'],
};

/** Entity ids named for a message: "Korea, China" / "韩国、中国". */
export function entityNames(ids: readonly string[]): { readonly en: string; readonly 'zh-CN': string } {
  return {
    en: ids.map((id) => NAMES[id]?.[0] ?? id).join(', '),
    'zh-CN': ids.map((id) => NAMES[id]?.[1] ?? id).join('、'),
  };
}

export interface EntityHit {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly surface: string;
}

const FORM_TO_ID = new Map<string, string>();
for (const [id, forms] of ENTITY_FORMS) for (const form of forms) FORM_TO_ID.set(form.toLowerCase(), id);

// A Latin form is a whole word (US inside "USD", EU inside "Europe" are not); a Han form matches anywhere.
interface EntityForm {
  /** The form in lower case. */
  readonly lower: string;
  readonly latin: boolean;
  readonly id: string;
}

const isAsciiLetterCode = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const foldAscii = (code: number): number => (code >= 0x41 && code <= 0x5a ? code + 0x20 : code);

/** Forms by the code of their (lower-case) first character, longest first: the first that fits wins. */
const FORMS_BY_FIRST = new Map<number, EntityForm[]>();
for (const lower of [...FORM_TO_ID.keys()].sort((a, b) => b.length - a.length)) {
  const first = lower.charCodeAt(0);
  const list = FORMS_BY_FIRST.get(first) ?? [];
  list.push({ lower, latin: isAsciiLetterCode(first), id: FORM_TO_ID.get(lower)! });
  FORMS_BY_FIRST.set(first, list);
}

/** The form that starts at `at`: ASCII letters match in either case, a Latin form only as a whole word. */
function formAt(text: string, at: number, forms: readonly EntityForm[]): EntityForm | undefined {
  for (const form of forms) {
    const end = at + form.lower.length;
    if (end > text.length) continue;
    if (form.latin && (isAsciiLetterCode(text.charCodeAt(at - 1)) || isAsciiLetterCode(text.charCodeAt(end)))) continue;
    let k = 1;
    while (k < form.lower.length && foldAscii(text.charCodeAt(at + k)) === form.lower.charCodeAt(k)) k++;
    if (k === form.lower.length) return form;
  }
  return undefined;
}

// Case matters for the short Latin acronyms: "us" is a pronoun, "eu" nothing.
const CASED_ACRONYMS = new Set(['us', 'eu', 'the us', 'the eu', 'prc', 'rok', 'usa']);
const isCasedAcronym = (lower: string, surface: string): boolean =>
  CASED_ACRONYMS.has(lower) && surface !== surface.toUpperCase() && !surface.startsWith('the ');

/**
 * Entities named in `text`, left to right, never overlapping; at each place the longest form wins. Composite
 * forms (中韩) give each member. One pass with a look-up per character: a single alternation of every form
 * tries them all at each character, which on a long clause costs seconds.
 */
export function entitiesIn(text: string): EntityHit[] {
  const hits: EntityHit[] = [];
  for (let i = 0; i < text.length; i++) {
    const forms = FORMS_BY_FIRST.get(foldAscii(text.charCodeAt(i)));
    if (forms === undefined) continue;
    const form = formAt(text, i, forms);
    if (form === undefined) continue;
    const end = i + form.lower.length;
    const surface = text.slice(i, end);
    // A lower-case "us" is still read (and skipped), so that nothing inside it starts another entity.
    if (!isCasedAcronym(form.lower, surface)) {
      for (const member of form.id.split('+')) hits.push({ id: member, start: i, end, surface });
    }
    i = end - 1;
  }
  return hits;
}

/** A comparator is not the subject: 仅次于以色列, 落后于美国, behind Israel, than Japan. */
export const COMPARATOR_BEFORE = /(?:仅次于|次于|落后于|领先于|超过|超越|高于|低于|不及|相比|比|较|与|同|和|及|behind|after|than|ahead of|compared with|compared to|versus|vs\.?)\s{0,3}$/i;

/** Verbs and nouns that make a percentage a change rather than a level. */
export const UP_WORDS = /\b(?:an?\s{1,3})?(?:increase|rise|gain|growth|jump)\s{1,3}of(?:\s{1,3}(?:about|around|some|nearly|almost|over|roughly))?\s{0,3}$|(?:增幅|涨幅|增速|增长率)(?:为|达|约)?\s{0,3}$|(?:同比|环比|较上年|比上年)?(?:增加|增长|提高|提升|上升|上涨|扩大|攀升|增|涨|升)(?:了)?(?:约|近|超过|逾)?\s{0,3}$|(?:\b(?:rose|rise|rises|risen|increased?|increases|grew|grow|grows|grown|up|gained?|climbed?|jumped?)\b(?:\s{1,3}by)?(?:\s{1,3}(?:about|around|some|nearly|almost|over|more than|roughly))?\s{0,3})$/i;
export const DOWN_WORDS = /\b(?:an?\s{1,3})?(?:decline|decrease|drop|fall|reduction|contraction)\s{1,3}of(?:\s{1,3}(?:about|around|some|nearly|almost|over|roughly))?\s{0,3}$|(?:降幅|跌幅)(?:为|达|约)?\s{0,3}$|(?:同比|环比|较上年|比上年)?(?:减少|下降|降低|下滑|下跌|缩小|回落|萎缩|缩减|锐减|骤降|减|降|跌)(?:了)?(?:约|近|超过|逾)?\s{0,3}$|(?:\b(?:fell|fall|falls|fallen|decreased?|decreases|declined?|declines|dropped|drop|drops|down|shrank|shrunk|lost)\b(?:\s{1,3}by)?(?:\s{1,3}(?:about|around|some|nearly|almost|over|more than|roughly))?\s{0,3})$/i;
/** A change named after its figure: "a 4.4% decline", "4.4%的降幅". */
export const UP_AFTER = /^\s{0,3}(?:的)?(?:增幅|涨幅|增长|增速)|^\s{0,3}(?:increase|rise|gain|growth|jump)\b/i;
export const DOWN_AFTER = /^\s{0,3}(?:的)?(?:降幅|跌幅|下降|减少)|^\s{0,3}(?:decrease|decline|drop|fall|reduction|contraction)\b/i;
/** A change verb followed by 到/至/to makes the figure the new level, not the change. */
export const TO_AFTER_VERB = /(?:增加|增长|提高|提升|上升|上涨|扩大|攀升|减少|下降|降低|下滑|下跌|缩小|回落|萎缩|缩减|锐减|骤降|增|涨|升|减|降|跌)(?:了)?(?:到|至)(?:了)?(?:约|近|超过|逾)?\s{0,3}$|\b(?:rose|risen|increased|grew|grown|fell|fallen|decreased|declined|dropped|shrank|climbed|jumped)\s{1,3}to\s{0,3}$/i;

/** "From" before the old value; "to" between the old and the new. */
export const FROM_CUE = /(?:从|由|自)$|\bfrom\s{0,3}$/i;
export const TO_CUE = /(?:到|至)|\bto\b/i;
/** A marker that the value after it is the earlier one: 比前一年的, 较上年同期, compared with, from. */
export const EARLIER_CUE = /(?:(?<![占之对])比(?![重例率])|较(?![高大低小为多少快慢强弱好差])|相比|对比|同比|上年同期|去年同期|上年|去年|前一年|上一年|前年)|\b(?:compared (?:with|to)|than|from|a year earlier|last year|the previous year|the year before)\b/i;

/** Sentences about plans, targets and forecasts: their figures are not facts to reconcile. */
export const FORECAST = /计划|目标|预计|预测|预期|力争|争取|有望|将达|将会|规划|\b(?:target|goal|plan(?:s|ned)?|forecast|projected|expected|expects?|will|aims? to)\b/i;

/** A share of a whole: 占…的, 占比, 比重, 份额, accounted for, share of. */
export const SHARE_CUE = /占|比重|份额|占比|来自|accounted for|accounts for|account for|made up|makes up|share of/i;
/** Nested shares (of which, 其中) are parts of a part: they need not sum to 100% with the rest. */
export const NESTED_CUE = /其中|包括|以及其|of which|of these|including|among them/i;
export const RESPECTIVELY = /分别|respectively/i;

/** Indicator words too generic to identify a statistic on their own. */
export const GENERIC_INDICATORS: ReadonlySet<string> = new Set([
  '', '比例', '比重', '占比', '份额', '数量', '规模', '排名', '名次', '人数', '数据', '金额', '总额', '水平', '增速', '增幅', '数字', '指数',
  '得分', '分数', '比率', '总量', '总数', '数值', '平均', '均值', '约', '其', '该', '这一比例', '此', '达', '为', '占',
  'share', 'proportion', 'rate', 'number', 'ranking', 'rank', 'total', 'figure', 'amount', 'level', 'value', 'score', 'index',
  'percentage', 'it', 'this', 'that', 'they',
]);
