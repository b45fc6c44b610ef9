// Recognises sentences that state a fact a careful reviewer would want sourced, and tells them apart
// from the author's own recommendations, framing and structure. Works on one sentence's prose text.
//
// Cues come in two strengths. Strong cues (someone else's finding, a quotation, a nameless source) make a
// claim even inside a recommendation ("报告指出，必须…" still reports what a report said). Weak cues (a
// dated event, a record or ranking) are dropped when the sentence is the author's recommendation
// ("中国应于2025年前发布…" proposes, it does not report).
//
// Every pattern below is bounded: no nested quantifiers, only short bounded gaps, so matching stays linear.
import { memoizeByText } from '../memo';

export type ClaimKind = 'attribution' | 'dated-event' | 'quotation' | 'record' | 'vague-attribution';

export interface ClaimCue {
  readonly kind: ClaimKind;
  /** Offsets of the cue inside the sentence text. */
  readonly start: number;
  readonly end: number;
}

const HAN = '\\p{Script=Han}';

// --- Chinese -------------------------------------------------------------------------------------------

// 据…显示 / 据统计 / 据新华社报道 / 根据…的统计 / 根据…数据.
const ZH_ACCORDING = new RegExp(
  `(?:根据|依据|据)[^，。；！？,;]{0,40}?(?:显示|统计|报道|调查|测算|估算|估计|预测|数据|所示|发布|公布|称|介绍|透露|披露|报告|研究)`,
  'u',
);
// 数据显示 / 调查显示 / 研究表明 / 报告指出 / 白皮书称 / 民调发现.
const ZH_SOURCE_SAYS =
  /(?:数据|调查|研究|报告|统计|资料|民调|舆论调查|白皮书|蓝皮书|研究结果|统计公报|公报|文件|声明|说明书)(?:结果)?(?:显示|表明|指出|发现|称|证实|揭示|预测|认为|提到|强调)/u;
// 有预测称 / 有报道称 / 有研究指出.
const ZH_SOME_SOURCE = /有(?:预测|报道|研究|分析|调查|消息|数据|统计)(?:称|指出|显示|表明|认为|发现)/u;
// A named subject reporting: "李晓华[7]指出", "马克思将生产力定义为", "党的二十大报告指出", "《…》强调".
const ZH_NAMED_SAYS = new RegExp(
  `(?:^|[，,；;：:\\s\\uFFFC])((?:[${HAN}A-Za-z0-9·（）()《》“”\\-]{2,24}?))(?:\\[[^\\]]{1,12}\\])?(?:等人?)?(?:\\[[^\\]]{1,12}\\])?` +
    `(?:指出|认为|表示|强调|提出|主张|发现|透露|坦承|承认|宣布|(?<![简名对堪号被自统俗并总职昵尊谦爱美人声])称(?![为作号赞])|(?<![所来小游劝演解传据学听])说(?![明服法])|声称|坦言|警告|宣称|证实|披露|写道|将[^，。；]{1,30}?(?:定义为|界定为|视为)|把[^，。；]{1,30}?(?:定义为|界定为))`,
  'u',
);
// Subjects that make the verb the author's own inference or a non-person ("这表明", "本文认为", "研究指出" handled above).
const ZH_SELF_OR_INFERENCE =
  /^(?:这|此|上述|由此|可见|因此|所以|其|它|我们|本文|笔者|本研究|本章|本节|下文|上文|文章|他们|人们|大家|也|还|并|且|而|但|则|更|已|将|可|都|均)|^(?:我国|学界|社会|实践|历史|事实|经验|现实|结果|数据|研究)$/u;
const LEADING_CONJUNCTION = /^(?:尽管|虽然|虽|但是|但|而且|而|并且|并|且|如|例如|譬如|比如|其中|此外|另外|同时|然而|因此|所以|不过)/u;
// A theory or school as the subject: "新熊彼特增长理论的核心思想在于", "历史唯物主义认为".
const ZH_THEORY_SAYS =
  /[\p{Script=Han}]{2,16}?(?:理论|学说|学派|主义|假说|模型|定律)(?:的)?(?:核心)?(?:思想|观点|主张|命题)?(?:在于|认为|强调|主张|指出|表明)/u;
// Tried from every Han character, ZH_THEORY_SAYS was a twentieth of a check: it runs only where a theory is named.
const THEORY_NOUN = /理论|学说|学派|主义|假说|模型|定律/;
// A document or plan as the subject: "规划把氢能明确为…", "《方案》将…列为…".
const ZH_DOCUMENT_SAYS =
  /(?:》|规划|纲要|方案|意见|通知|文件|协定|协议|战略|法案|条例|报告|声明|白皮书)(?:中)?(?:把|将)[^，。；]{1,30}?(?:明确为|定位为|列为|确定为|列入|纳入|界定为|定义为)/u;
// "正如一位学者所言", "如…所说".
const ZH_AS_SAID = /(?:正如|如同|诚如|如)[^，。；]{1,30}?所(?:言|说|述|指出的|强调的|认为的)/u;
// Passive attributions: "…被视为…", "农业被列为优先合作领域之一".
const ZH_PASSIVE =
  /被(?:普遍|广泛|公认|一致|正式)?(?:视为|认为|称为|誉为|列为|评为|定义为|界定为|纳入|认定为|确定为)/u;
// Nameless sources: no citation can follow them.
const ZH_VAGUE =
  /有人(?:认为|指出|说|表示|称)|有(?:观点|声音|学者|专家|分析人士|评论|人士|舆论)(?:认为|指出|表示|称|说)|(?:部分|一些|不少|许多|多数)(?:学者|专家|人士|分析人士|观察人士)(?:认为|指出|表示|称)|专家(?:们)?(?:指出|认为|表示|称)|业内(?:人士)?(?:普遍)?认为|普遍认为|据悉|据了解|据传|外界(?:普遍)?认为|众所周知|有(?:业内|行业|知情|消息)?人士(?:透露|称|说|表示|指出|认为)|有消息(?:称|说)/u;
// A dated past event: "2023年4月，韩国总统尹锡悦访问美国".
const ZH_DATE = /(?:(?:(?:19|20)\d{2}|[一二〇零○]{4})年(?:\d{1,2}月(?:\d{1,2}日)?|初|底|末|年中|上半年|下半年|春|夏|秋|冬)?|\d{1,2}月\d{1,2}日|近日|日前|同年|次年|当年)(?!以来|至今|起|期间|间|至|到|—|–|-|～|~|\d)/u;
const ZH_EVENT_VERB =
  /访问|访华|访韩|访美|出访|举行|举办|召开|签署|签订|发布|印发|公布|宣布|启动|成立|设立|建立|出台|颁布|通过|达成|发表|关闭|实施|施行|推出|开通|开幕|闭幕|开学|开业|开工|竣工|投运|上市|发射|通车|会晤|会谈|上线|投产|建成|落成|加入|退出|进入|批准|获批|决定|限制|禁止|制裁|主办|开展|组织|征集|提出|生效|实行|签约|揭牌|挂牌|落户|当选|就任|收购|并购|合并|宣告|更名|停产|减产|扩产/u;
const ZH_FUTURE = /将(?!其|会|军)|计划|拟|预计|有望|即将|未来|到\d{4}年|至\d{4}年前|前(?:后)?实现/u;
// A named government or body acting: "韩国政府出台了一系列支持政策", "拜登政府…加大投资力度".
const ZH_ACTOR_EVENT =
  /(?:政府|当局|白宫|国会|议会|国务院|内阁|总统|总理|首相|欧盟委员会|欧盟|联合国|世界贸易组织|世贸组织)[^，。；]{0,30}?(?:出台|推出|实施|发起|启动|签署|颁布|宣布|通过|采取|加大|设立|成立|建立|批准|否决|限制|禁止)(?:了|过)?/u;
// Records and rankings.
const ZH_RECORD =
  /(?:最(?:快|慢|高|低|多|少|大|小|早|晚|集中|密集|活跃|发达|先进|落后|强|弱|长|短|广泛|领先|频繁)的?[^，。；]{0,12}?之一)|(?:最(?:快|慢|高|低|多|少|大|小|早|晚|集中|密集|活跃|发达|先进|落后|强|弱|长|短|广泛|频繁))(?![化限程])(?!的?(?:变数|挑战|问题|障碍|风险|难点|短板|瓶颈|不确定性|优势|特点|机遇|动力|意义|价值|作用|影响|困难|难题))|首次|第一次|创(?:下)?(?:历史)?(?:新高|新低|纪录|记录)|历史(?:最高|最低|新高|新低)|唯一的?|最大的|规模最大|全球最大|世界最大|最高的|最低的|位居|位列|排名第|排在第|居(?:全球|世界|全国)第|世界第一|全球第一|全国第一|首位|遥遥领先|仅次于/u;
// Quotations: a quoted passage of at least 8 characters with a reporting verb in the sentence.
const ZH_QUOTE = /[“「『]([^”」』]{8,200})[”」』]/u;
const ZH_QUOTE_VERB = /说|称|表示|指出|强调|提出|写道|宣布|声明/u;

// --- English -------------------------------------------------------------------------------------------

const EN_ACCORDING = /\b(?:according to|as reported by|as cited by|data from|figures from|estimates from)\b/i;
const EN_SOURCE_SAYS =
  /\b(?:stud(?:y|ies)|research|survey|surveys|report|reports|data|analysis|analyses|evidence|estimates|polls?|statistics|findings|census)\s+(?:by\s+[\w .&-]{1,40}?\s+)?(?:shows?|showed|suggests?|suggested|indicates?|indicated|finds|found|reveals?|revealed|estimates?|estimated|demonstrates?|demonstrated|confirms?|confirmed|concludes?|concluded|reports?|reported)\b/i;
const EN_NAMED_SAYS =
  /\b(?:[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|and|&|the)){0,6}|(?:the\s+)?(?:[A-Z]{2,}))(?:\s+et al\.?)?\s+(?:(?:(?:has|have|had)\s+(?:long\s+)?)?(?:found|reported|argued|estimated|noted|stated|claimed|showed|concluded|warned|observed|defined|announced|wrote|said|insisted|maintained|contended|asserted|stressed|acknowledged|admitted|denied|pledged|projected|predicted|told)\b|(?:finds|reports|argues|estimates|notes|states|claims|shows|concludes|warns|observes|defines|announces|writes|says|insists|maintains|contends|asserts|stresses|acknowledges|admits|denies|pledges|projects|predicts|forecasts)(?=\s+that\b|\s*:))/;
// A generic group as the subject: "Industry executives have warned that", "Human rights groups report that".
const EN_GROUP_SAYS =
  /\b(?:[A-Za-z-]+\s+){0,3}(?:executives|officials|analysts|researchers|economists|scholars|critics|observers|groups|investors|diplomats|ministers|regulators|lawmakers|manufacturers|firms|companies|insurers|shipowners|producers|governments|agencies|unions|advocates|campaigners|NGOs)\s+(?:have\s+|had\s+)?(?:warned|said|say|argue|argued|report|reported|claim|claimed|estimate|estimated|note|noted|insist|insisted|complain|complained|predict|predicted|expect|expected|fear|feared)\b/;
// Passive attributions: "was described by officials as", "is widely regarded as".
const EN_PASSIVE =
  /\b(?:was|were|is|are|has been|have been)\s+(?:widely\s+|generally\s+|often\s+)?(?:described|regarded|seen|considered|viewed|characteri[sz]ed|called|labelled|labeled|hailed|ranked|named)\s+(?:by\s+[\w\s-]{1,40}?\s+)?as\b/i;
const EN_SELF = /^(?:we|this (?:paper|article|study|report|section|chapter)|the (?:author|authors|present study)|I|our|it|this|these|they|that)\b/i;
const EN_VAGUE =
  /\breportedly\b|\b(?:some|many|most|several|certain|a few)\s+(?:[a-z-]+\s+)?[a-z]+s\s+(?:say|said|argue|argued|believe|believed|claim|claimed|note|noted|suggest|suggested|think|thought|see|saw|view|viewed|regard|regarded|consider|considered|fear|feared|expect|expected|warn|warned)\b|\bexperts\s+(?:\w+ly\s+)?(?:agree|agreed|say|said|note|noted|believe|believed|warn|warned)\b|\bit is (?:widely|generally|commonly|often) (?:believed|accepted|known|thought|held|said|argued|reported)\b|\bexperts (?:say|said|agree|agreed|note|noted|believe|believed)\b|\b(?:observers|critics) (?:note|noted|say|said)\b/i;
const EN_DATE =
  /\b(?:(?:[Ii]n|[Oo]n|[Bb]y|[Ss]ince|[Ff]rom|[Dd]uring)\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d{2}\b/;
const EN_EVENT_VERB =
  /\b(?:announced|signed|launched|visited|held|hosted|released|published|established|founded|adopted|passed|imposed|banned|introduced|unveiled|opened|closed|enacted|approved|issued|agreed|convened|joined|withdrew|declared|restricted|sanctioned|created|set up|added|ordered|entered|took effect|came into force|won|elected|acquired|merged|cut|raised|expanded|suspended|halted|completed|began|started|ended|delivered|awarded|granted|blocked|lifted|extended|tightened|relaxed|placed|listed)\b/i;
const EN_FUTURE = /\b(?:will|plans? to|is expected to|are expected to|by 20\d{2}|aims? to|intends? to|would)\b/i;
const EN_RECORD =
  /\b(?:one of the (?:most \w+|\w+est)|(?:the|its|their|[\w]+'s) most (?:powerful|advanced|important|widely|valuable|populous|productive|polluting|expensive)|topped|tops the|the (?:largest|biggest|highest|lowest|smallest|first|only|fastest|leading|hardest|earliest|oldest|newest)(?! (?:durable |viable |realistic |sensible |practical |credible )?(?:way|option|solution|answer|means|choice|path|challenge|problem|question|risk|priority|step|lesson|reason|point|part|group|type|kind|category|section|chapter|issue|one|is|are|was|were|of (?:these|them|the)\b))(?![,.:;])|a (?:record|new high|new low|historic high)|record[- ](?:high|low)|for the first time|ranked|ranks|ranking|second only to|world'?s (?:largest|biggest|leading|first))\b/i;
const EN_QUOTE = /["“]([^"”]{12,300})["”]/;
const EN_QUOTE_VERB = /\b(?:said|says|stated|states|wrote|writes|declared|declares|noted|notes|told|remarked|put it)\b/i;

// --- Not claims ----------------------------------------------------------------------------------------

// The author's recommendations and obligations. "应" only as a modal, never inside 应用/应对/适应/响应 ….
const ZH_NORMATIVE =
  /(?<![适响对相供反效顺呼回感理答报])应(?:当|该)?(?![用对急运邀届变试征聘])|理应|(?<![所军无])需(?:要)?(?![求])|必须|亟(?:待|需|须)|务必|着力|宜(?!居|人)|建议|力争|(?<![重主需只必想摘纲概简首紧次提纪])要(?=加快|加强|推动|坚持|建立|完善|提升|促进|深化|积极|注重|把|以|在|发挥|强化|健全|抓住|重视|做好|围绕|着眼)|可(?:以)?(?=通过|制定|考虑|借鉴|依托|利用|建立|推动|探索|设立|加强)/u;
const EN_NORMATIVE =
  /\b(?:should|must|ought to|needs? to|have to|has to|we recommend|it is recommended|recommend(?:s|ed)? that|we propose|we suggest|it is essential|it is necessary|is needed|are needed|could consider|a realistic (?:goal|target) is|our (?:goal|target) is|aim (?:for|at))\b/i;
const ZH_FRAMING = /(?<![日资成基根样版文剧范课脚账读书标原])本(?:文|研究|章|节|报告)|笔者|(?<![以])下文|上文|(?<![论中英原全正译])文中|如前所述|综上所述|综合上述|如下[：:]|以下[几两三四五六七八九十\d]*(?:个)?方面|结构如下/u;
const EN_FRAMING = /\b(?:this (?:paper|article|study|report|brief|chapter|section)|we argue|we show|we find|we use|we define|we call|we refer to|we identify|we make|we propose|we focus|in this paper|below we|as discussed above|in sum|as follows|follows?:)\b|^(?:[A-Z][a-z]+ ){0,2}(?:steps|recommendations|principles|lessons|options|barriers) follow\b/i;
const ZH_STRUCTURAL = /如(?:图|表)\s*\d+\s*所示|见(?:图|表)\s*\d+|(?:图|表)\s*\d+\s*(?:显示|表明|给出|列出|展示)/u;
const EN_STRUCTURAL = /\b(?:as shown in|see|shown in|illustrated in|listed in)\s+(?:Figure|Fig\.|Table|Section|Chapter)\s*\d/i;
const ZH_DEFINITION = /^[^，。]{1,20}?(?:是指|指的是|，即)/u;

function firstMatch(pattern: RegExp, text: string, kind: ClaimKind, group = 0): ClaimCue | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const start = match.index + (group === 0 ? 0 : match[0].indexOf(match[group]!));
  const length = group === 0 ? match[0].length : match[group]!.length;
  return { kind, start, end: start + length };
}

function namedAttribution(text: string): ClaimCue | undefined {
  const zh = ZH_NAMED_SAYS.exec(text);
  if (zh) {
    const subject = zh[1]!;
    // A clause often opens with a conjunction ("尽管韩国提出"); the cue starts at the subject itself.
    const lead = LEADING_CONJUNCTION.exec(subject)?.[0].length ?? 0;
    const named = subject.slice(lead);
    if (named.length >= 2 && !ZH_SELF_OR_INFERENCE.test(named) && /\p{Script=Han}|[A-Z]/u.test(named)) {
      const start = zh.index + zh[0].indexOf(subject) + lead;
      return { kind: 'attribution', start, end: zh.index + zh[0].length };
    }
  }
  const en = EN_NAMED_SAYS.exec(text);
  if (en && !EN_SELF.test(en[0])) return { kind: 'attribution', start: en.index, end: en.index + en[0].length };
  return undefined;
}

function quotation(text: string): ClaimCue | undefined {
  const zh = ZH_QUOTE.exec(text);
  if (zh && ZH_QUOTE_VERB.test(text)) return { kind: 'quotation', start: zh.index, end: zh.index + zh[0].length };
  const en = EN_QUOTE.exec(text);
  if (en && EN_QUOTE_VERB.test(text)) return { kind: 'quotation', start: en.index, end: en.index + en[0].length };
  return undefined;
}

function datedEvent(text: string): ClaimCue | undefined {
  for (const [datePattern, verbPattern, futurePattern] of [
    [ZH_DATE, ZH_EVENT_VERB, ZH_FUTURE],
    [EN_DATE, EN_EVENT_VERB, EN_FUTURE],
  ] as const) {
    const date = datePattern.exec(text);
    if (!date) continue;
    const rest = text.slice(date.index + date[0].length);
    const verb = verbPattern.exec(rest);
    if (verb && !futurePattern.test(text.slice(date.index, date.index + date[0].length + verb.index + 1))) {
      return { kind: 'dated-event', start: date.index, end: date.index + date[0].length + verb.index + verb[0].length };
    }
    // English also puts the date last: "The United States passed the act in August 2022."
    if (datePattern === EN_DATE) {
      const before = verbPattern.exec(text.slice(0, date.index));
      if (before && !futurePattern.test(text.slice(0, date.index))) {
        return { kind: 'dated-event', start: before.index, end: date.index + date[0].length };
      }
    }
  }
  return undefined;
}

/** Whether the sentence is a question, the author's framing, a structural pointer or a definition. */
function isNeverAClaim(text: string): boolean {
  const trimmed = text.trim();
  if (/[？?]["”’」』）)]*$/u.test(trimmed)) return true;
  return (
    ZH_FRAMING.test(trimmed) ||
    EN_FRAMING.test(trimmed) ||
    ZH_STRUCTURAL.test(trimmed) ||
    EN_STRUCTURAL.test(trimmed) ||
    ZH_DEFINITION.test(trimmed)
  );
}

export function isNormative(text: string): boolean {
  return ZH_NORMATIVE.test(text) || EN_NORMATIVE.test(text);
}

/** Someone else's finding or words: these make a claim even inside a recommendation. */
function strongCue(text: string): ClaimCue | undefined {
  return (
    firstMatch(ZH_ACCORDING, text, 'attribution') ??
    firstMatch(ZH_SOURCE_SAYS, text, 'attribution') ??
    firstMatch(ZH_SOME_SOURCE, text, 'attribution') ??
    firstMatch(EN_ACCORDING, text, 'attribution') ??
    firstMatch(EN_SOURCE_SAYS, text, 'attribution') ??
    namedAttribution(text) ??
    (THEORY_NOUN.test(text) ? firstMatch(ZH_THEORY_SAYS, text, 'attribution') : undefined) ??
    firstMatch(ZH_DOCUMENT_SAYS, text, 'attribution') ??
    firstMatch(ZH_AS_SAID, text, 'attribution') ??
    firstMatch(EN_GROUP_SAYS, text, 'attribution') ??
    firstMatch(EN_PASSIVE, text, 'attribution') ??
    quotation(text)
  );
}

/**
 * Whether a sentence speaks in the author's own voice — a question, framing, a definition, a structural
 * pointer, or a recommendation that reports nobody else's words — so its numbers are proposals or
 * structure, not reported facts.
 */
export const isAuthorVoice: (text: string) => boolean = memoizeByText(speaksForTheAuthor);

function speaksForTheAuthor(text: string): boolean {
  if (firstMatch(ZH_VAGUE, text, 'vague-attribution') ?? firstMatch(EN_VAGUE, text, 'vague-attribution')) return false;
  if (isNeverAClaim(text)) return true;
  return isNormative(text) && strongCue(text) === undefined;
}

/** The strongest claim cue in a sentence, or undefined when the sentence needs no source. */
export const findClaim: (text: string) => ClaimCue | undefined = memoizeByText(strongestClaim);

function strongestClaim(text: string): ClaimCue | undefined {
  const vague = firstMatch(ZH_VAGUE, text, 'vague-attribution') ?? firstMatch(EN_VAGUE, text, 'vague-attribution');
  if (vague) return vague;
  if (isNeverAClaim(text)) return undefined;
  const strong = strongCue(text);
  if (strong) return strong;
  if (isNormative(text)) return undefined;
  return (
    datedEvent(text) ??
    firstMatch(ZH_ACTOR_EVENT, text, 'dated-event') ??
    firstMatch(ZH_PASSIVE, text, 'attribution') ??
    firstMatch(ZH_RECORD, text, 'record') ??
    firstMatch(EN_RECORD, text, 'record')
  );
}
