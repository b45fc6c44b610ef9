import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNumbers, type NumberMention } from '../src/engine/numbers';

// Statistics the reader must find: the exact span (raw), kind, unit, currency, qualifier and interval.
interface Expect {
  kind?: NumberMention['kind'];
  unit?: string;
  currency?: string;
  qualifier?: NumberMention['qualifier'];
  point?: number;
  low?: number;
  high?: number;
  range?: boolean;
}

const statistics: [text: string, raw: string, expect: Expect][] = [
  // Digit grouping, decimals, full-width forms.
  ['2022年韩国对华出口额1 558.1亿美元，比前一年减少', '1 558.1亿美元', { kind: 'currency', currency: 'USD', unit: '美元', point: 155_810_000_000 }],
  ['约合人民币6 111.8亿元）', '约合人民币6 111.8亿元', { kind: 'currency', currency: 'CNY', qualifier: 'approx', point: 611_180_000_000 }],
  ['拨款3 500万美元[32]', '3 500万美元', { kind: 'currency', currency: 'USD', point: 35_000_000 }],
  ['共计3,500家企业', '3,500家', { kind: 'count', unit: '家', point: 3500 }],
  ['与GDP之比达到5.21%，仅次于', '达到5.21%', { kind: 'percent', unit: '%', qualifier: 'reaches', point: 5.21, low: 5.21, high: 5.21 }],
  ['经费投入达到112.646万亿韩元（', '达到112.646万亿韩元', { kind: 'currency', currency: 'KRW', point: 112_646_000_000_000 }],
  ['增长１２３％。', '１２３％', { kind: 'percent', unit: '%', point: 123 }],
  ['占比１２.５%', '１２.５%', { kind: 'percent', point: 12.5 }],
  ['共 1\u2009000\u2009000 人', '1\u2009000\u2009000 人', { kind: 'count', point: 1_000_000 }],
  ['共 2\u202f500 人', '2\u202f500 人', { kind: 'count', point: 2500 }],
  ['1 850个物品有进口依赖', '1 850个', { kind: 'count', unit: '个', point: 1850 }],
  // Ranges.
  ['税率为13.9%–31.7%。', '13.9%–31.7%', { kind: 'percent', low: 13.9, high: 31.7, range: true, point: 13.9 }],
  ['相差2–3 个数量级', '2–3 个', { kind: 'count', unit: '个', low: 2, high: 3, range: true }],
  ['增长10%至20%', '10%至20%', { kind: 'percent', low: 10, high: 20, range: true }],
  ['between 5-10 million people', '5-10 million', { low: 5_000_000, high: 10_000_000, range: true }],
  ['投资5至10亿元', '5至10亿元', { kind: 'currency', currency: 'CNY', low: 500_000_000, high: 1_000_000_000, range: true }],
  ['约10~20%的企业', '约10~20%', { kind: 'percent', qualifier: 'approx', low: 9, high: 22, range: true }],
  ['10-20% of firms', '10-20%', { kind: 'percent', low: 10, high: 20, range: true }],
  // Chinese magnitudes and numerals.
  ['估计损失达25万亿韩元[47]', '达25万亿韩元', { kind: 'currency', currency: 'KRW', point: 25e12 }],
  ['员工人数从2016年的4.50万人减少', '4.50万人', { kind: 'count', unit: '人', point: 45_000 }],
  ['约1.78万人', '约1.78万人', { kind: 'count', qualifier: 'approx', point: 17_800, low: 17_750, high: 17_850 }],
  ['人口两千三百万', '两千三百万', { kind: 'plain', point: 23_000_000 }],
  ['两千三百万人', '两千三百万人', { kind: 'count', unit: '人', point: 23_000_000 }],
  ['占百分之三十', '百分之三十', { kind: 'percent', unit: '%', point: 30 }],
  ['约百分之3.5', '约百分之3.5', { kind: 'percent', qualifier: 'approx', point: 3.5 }],
  ['千分之五', '千分之五', { kind: 'permille', unit: '‰', point: 5 }],
  ['市场份额占三成', '三成', { kind: 'percent', unit: '成', point: 30 }],
  ['过半企业', '过半', { kind: 'percent', qualifier: 'over', low: 50, high: 100 }],
  ['超过半数的韩国人', '超过半数', { kind: 'percent', qualifier: 'over', low: 50, high: 100 }],
  ['半数以上', '半数以上', { kind: 'percent', qualifier: 'atLeast', low: 50, high: 100 }],
  ['近两成', '近两成', { kind: 'percent', qualifier: 'nearly', point: 20, low: 18, high: 20 }],
  ['十余个国家', '十余个', { kind: 'count', qualifier: 'more', low: 10, high: 20 }],
  ['二十多万人', '二十多万人', { kind: 'count', qualifier: 'more', low: 200_000, high: 300_000 }],
  ['30多万人', '30多万人', { kind: 'count', qualifier: 'more', low: 300_000, high: 400_000 }],
  ['三分之一的企业', '三分之一', { kind: 'percent', point: 33.33 }],
  ['上千个项目', '上千个', { kind: 'count', qualifier: 'atLeast', low: 1000, high: 10_000 }],
  ['数百家企业', '数百家', { kind: 'count', qualifier: 'approx', low: 100, high: 1000 }],
  ['一半的企业', '一半', { kind: 'percent', point: 50 }],
  ['十五个省', '十五个', { kind: 'count', point: 15 }],
  ['五千人', '五千人', { kind: 'count', point: 5000 }],
  ['3千万元', '3千万元', { kind: 'currency', point: 30_000_000 }],
  ['翻了一番', '翻了一番', { kind: 'multiple', point: 2 }],
  ['翻两番', '翻两番', { kind: 'multiple', point: 4 }],
  // Percent, permille, percentage points.
  ['约55%来自中国', '约55%', { kind: 'percent', qualifier: 'approx', low: 54.5, high: 55.5 }],
  ['减少了约60%[36]', '约60%', { kind: 'percent', qualifier: 'approx', low: 55, high: 65 }],
  ['占半导体总出口额的34%以上', '34%以上', { kind: 'percent', qualifier: 'atLeast', low: 34, high: 35 }],
  ['超过34%', '超过34%', { kind: 'percent', qualifier: 'over', low: 34, high: 35 }],
  ['不足1%', '不足1%', { kind: 'percent', qualifier: 'under', low: 0, high: 1 }],
  ['3%左右', '3%左右', { kind: 'percent', qualifier: 'approx', low: 2.5, high: 3.5 }],
  ['5%上下', '5%上下', { kind: 'percent', qualifier: 'approx' }],
  ['15%强', '15%强', { kind: 'percent', qualifier: 'over' }],
  ['3‰', '3‰', { kind: 'permille', unit: '‰', point: 3 }],
  ['提高3个百分点', '3个百分点', { kind: 'percentagePoint', unit: '个百分点', point: 3 }],
  ['下降0.5百分点', '0.5百分点', { kind: 'percentagePoint', point: 0.5 }],
  ['up 2.5 percentage points', '2.5 percentage points', { kind: 'percentagePoint', point: 2.5 }],
  ['rose 1 percentage point', '1 percentage point', { kind: 'percentagePoint', point: 1 }],
  ['about 30 percent of', 'about 30 percent', { kind: 'percent', unit: '%', qualifier: 'approx', point: 30 }],
  ['some 12 per cent', 'some 12 per cent', { kind: 'percent', qualifier: 'approx' }],
  ['增长了-3.2%', '-3.2%', { kind: 'percent', point: -3.2 }],
  ['约 30 %', '约 30 %', { kind: 'percent', qualifier: 'approx', point: 30 }],
  // Currencies.
  ['为114亿美元，创下历史新高', '114亿美元', { kind: 'currency', currency: 'USD', point: 11_400_000_000 }],
  ['连续两个月超过100亿美元[3]', '超过100亿美元', { kind: 'currency', qualifier: 'over', low: 10e9, high: 11e9 }],
  ['高达795亿美元', '高达795亿美元', { kind: 'currency', qualifier: 'reaches', point: 79_500_000_000 }],
  ['1000亿日元', '1000亿日元', { kind: 'currency', currency: 'JPY' }],
  ['50亿欧元', '50亿欧元', { kind: 'currency', currency: 'EUR' }],
  ['人民币500元', '人民币500元', { kind: 'currency', currency: 'CNY', point: 500 }],
  ['500元人民币', '500元人民币', { kind: 'currency', currency: 'CNY', point: 500 }],
  ['cost $5m in total', '$5m', { kind: 'currency', currency: 'USD', point: 5e6 }],
  ['US$3.2 billion', 'US$3.2 billion', { kind: 'currency', currency: 'USD', point: 3.2e9 }],
  ['USD 500 million', 'USD 500 million', { kind: 'currency', currency: 'USD', point: 5e8 }],
  ['RMB 100 billion', 'RMB 100 billion', { kind: 'currency', currency: 'CNY', point: 1e11 }],
  ['RMB100', 'RMB100', { kind: 'currency', currency: 'CNY', point: 100 }],
  ['€20bn', '€20bn', { kind: 'currency', currency: 'EUR', point: 2e10 }],
  ['¥100', '¥100', { kind: 'currency', currency: 'CNY', point: 100 }],
  ['₩5 trillion', '₩5 trillion', { kind: 'currency', currency: 'KRW', point: 5e12 }],
  ['over $2bn', 'over $2bn', { kind: 'currency', qualifier: 'over', point: 2e9 }],
  ['3 billion dollars', '3 billion dollars', { kind: 'currency', currency: 'USD', point: 3e9 }],
  ['40 billion won', '40 billion won', { kind: 'currency', currency: 'KRW' }],
  // Counts.
  ['组织了800多个科技代表团', '800多个', { kind: 'count', qualifier: 'more', low: 800, high: 900 }],
  ['800多项联合研究项目', '800多项', { kind: 'count', unit: '项', low: 800, high: 900 }],
  ['370多位青年科学家', '370多位', { kind: 'count', unit: '位', low: 370, high: 380 }],
  ['100多个科技考察团', '100多个', { kind: 'count', low: 100, high: 200 }],
  ['发生了93起相关案件', '93起', { kind: 'count', unit: '起', point: 93 }],
  ['建成11座大型电池工厂', '11座', { kind: 'count', unit: '座', point: 11 }],
  ['其中9座将由韩国公司建造', '9座', { kind: 'count', point: 9 }],
  ['与印太地区的13个国', '13个', { kind: 'count', unit: '个', point: 13 }],
  ['在64个主要国家中', '64个', { kind: 'count', point: 64 }],
  ['5个代表团', '5个', { kind: 'count', point: 5 }],
  ['about 2000 firms applied', 'about 2000', { kind: 'count', point: 2000, qualifier: 'approx' }],
  ['2起案件', '2起', { kind: 'count', point: 2 }],
  ['64 countries', '64', { kind: 'count', point: 64 }],
  ['5,000 jobs', '5,000', { kind: 'count', point: 5000 }],
  ['twenty-five agencies', 'twenty-five', { kind: 'count', point: 25 }],
  ['a million people', 'a million', { kind: 'count', point: 1e6 }],
  ['two hundred firms', 'two hundred', { point: 200 }],
  ['Over 300 firms', 'Over 300', { kind: 'count', qualifier: 'over', point: 300 }],
  ['50+ countries', '50+', { qualifier: 'atLeast', point: 50 }],
  ['nearly 3 million people', 'nearly 3 million', { qualifier: 'nearly', point: 3e6, high: 3e6 }],
  ['at least 40% of', 'at least 40%', { kind: 'percent', qualifier: 'atLeast', low: 40 }],
  ['less than 10 percent', 'less than 10 percent', { kind: 'percent', qualifier: 'under', high: 10 }],
  ['almost 20%', 'almost 20%', { kind: 'percent', qualifier: 'nearly', high: 20 }],
  ['approximately 1,200 firms', 'approximately 1,200', { qualifier: 'approx', point: 1200 }],
  ['around 7%', 'around 7%', { qualifier: 'approx' }],
  ['more than 60%', 'more than 60%', { qualifier: 'over', low: 60 }],
  ['up to 30%', 'up to 30%', { qualifier: 'atMost', high: 30 }],
  ['under 5%', 'under 5%', { qualifier: 'under', high: 5 }],
  ['10% or more', '10% or more', { qualifier: 'atLeast', low: 10 }],
  // Ranks.
  ['在64个主要国家中排名第43位', '第43位', { kind: 'rank', unit: '位', point: 43 }],
  ['数字竞争力排名第6名[54]', '第6名', { kind: 'rank', unit: '名', point: 6 }],
  ['人才竞争力排名第34名', '第34名', { kind: 'rank', point: 34 }],
  ['仅次于以色列位居全球第二[50]', '第二', { kind: 'rank', point: 2 }],
  ['位列全球第13位', '第13位', { kind: 'rank', point: 13 }],
  ['落后于美国（第 6 位）', '第 6 位', { kind: 'rank', point: 6 }],
  ['排名第一', '第一', { kind: 'rank', point: 1 }],
  ['Korea ranked 13th among', '13th', { kind: 'rank', point: 13 }],
  ['China ranks second', 'second', { kind: 'rank', point: 2 }],
  // Multiples.
  ['a 19× increase', '19×', { kind: 'multiple', unit: '×', point: 19 }],
  ['增长1.7倍', '1.7倍', { kind: 'multiple', unit: '倍', point: 1.7 }],
  ['5.04× faster', '5.04×', { kind: 'multiple', point: 5.04 }],
  ['a three-fold rise', 'three-fold', { kind: 'multiple', point: 3 }],
  ['grew threefold', 'threefold', { kind: 'multiple', point: 3 }],
  ['rose twice as fast', 'twice', { kind: 'multiple', point: 2 }],
  ['3 times larger', '3 times', { kind: 'multiple', point: 3 }],
  ['a 10x gain', '10x', { kind: 'multiple', point: 10 }],
  // Quantities and measured durations.
  ['总产能达到382 GWh；', '达到382 GWh', { kind: 'quantity', unit: 'GWh', point: 382 }],
  ['发现了超100万吨的大型稀土矿床', '超100万吨', { kind: 'quantity', unit: '吨', qualifier: 'over', point: 1e6 }],
  ['平均寿命仅2.5年', '2.5年', { kind: 'duration', unit: '年', point: 2.5 }],
  ['欧美企业平均寿命40年', '40年', { kind: 'duration', point: 40 }],
  ['日本企业平均寿命58年[52]', '58年', { kind: 'duration', point: 58 }],
  ['韩国得分为4分（', '4分', { kind: 'quantity', unit: '分', point: 4 }],
  ['5 GW of capacity', '5 GW', { kind: 'quantity', unit: 'GW', point: 5 }],
  ['300 km', '300 km', { kind: 'quantity', unit: 'km', point: 300 }],
  ['1.5万平方公里', '1.5万平方公里', { kind: 'quantity', point: 15_000 }],
  ['the average lifespan is 12 years', '12 years', { kind: 'duration', point: 12 }],
  ['10 GWh', '10 GWh', { kind: 'quantity', point: 10 }],
  // Words and forms met in other drafts.
  ['中国是韩国第一大贸易伙伴', '第一大', { kind: 'rank', point: 1 }],
  ['Around two-thirds of firms', 'Around two-thirds', { kind: 'percent', qualifier: 'approx', point: 66.67 }],
  ['a third of the budget', 'a third', { kind: 'percent', point: 33.33 }],
  ['three quarters of the', 'three quarters', { kind: 'percent', point: 75 }],
  ['half of the firms', 'half', { kind: 'percent', point: 50 }],
  ['占比约为30%', '约为30%', { kind: 'percent', qualifier: 'approx', point: 30 }],
  ['逾百亿元', '逾百亿元', { kind: 'currency', qualifier: 'over', point: 1e10 }],
  ['近千家企业', '近千家', { kind: 'count', qualifier: 'nearly', point: 1000, high: 1000 }],
  ['几十个国家', '几十个', { kind: 'count', qualifier: 'approx', low: 10, high: 100 }],
  ['十几个部门', '十几个', { kind: 'count', qualifier: 'more', low: 10, high: 20 }],
  ['增加 24.3 %', '24.3 %', { kind: 'percent', point: 24.3 }],
  ['产能增加5%或更多', '5%或更多', { kind: 'percent', qualifier: 'atLeast', low: 5 }],
  ['粮食产量13908亿斤', '13908亿斤', { kind: 'quantity', unit: '斤', point: 1_390_800_000_000 }],
  ['在全球前100强中占据27席', '27席', { kind: 'count', unit: '席', point: 27 }],
  ['ranks 5th globally', '5th', { kind: 'rank', point: 5 }],
  ['约1/3的企业', '约1/3', { kind: 'percent', qualifier: 'approx', point: 33.33 }],
  ['3/1000', '3/1000', { kind: 'percent', point: 0.3 }],
  ['1200 firms', '1200', { kind: 'count', point: 1200 }],
  ['10k users', '10k', { kind: 'count', point: 10_000 }],
  // Plain amounts.
  ['指数为112.5', '112.5', { kind: 'plain', point: 112.5 }],
  ['1 000 000', '1 000 000', { kind: 'plain', point: 1e6 }],
];

for (const [text, raw, expect] of statistics) {
  test(`statistic: ${text} → ${raw}`, () => {
    const mentions = readNumbers(text);
    const m = mentions.find((x) => x.raw === raw);
    assert.ok(m, `no mention "${raw}" in ${JSON.stringify(mentions.map((x) => x.raw))}`);
    assert.equal(m.start, text.indexOf(raw));
    assert.equal(m.end, m.start + raw.length);
    assert.equal(m.isStatistic, true, `reason ${m.reason}`);
    assert.equal(m.reason, undefined);
    if (expect.kind !== undefined) assert.equal(m.kind, expect.kind);
    if (expect.unit !== undefined) assert.equal(m.unit, expect.unit);
    if (expect.currency !== undefined) assert.equal(m.currency, expect.currency);
    if (expect.qualifier !== undefined) assert.equal(m.qualifier, expect.qualifier);
    if (expect.point !== undefined) assert.equal(m.point, expect.point);
    if (expect.low !== undefined) assert.equal(m.value.low, expect.low);
    if (expect.high !== undefined) assert.equal(m.value.high, expect.high);
    assert.equal(m.isRange, expect.range ?? false);
    assert.ok(m.value.low <= m.value.high);
  });
}
