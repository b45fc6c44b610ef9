import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNumbers, type NonStatisticReason, type NumberMention } from '../src/engine/numbers';

// Numbers that are not statistics: the exact span, the reason and the kind.
const negatives: [text: string, raw: string, reason: NonStatisticReason, kind?: NumberMention['kind']][] = [
  // Years and dates.
  ['2022年韩国半导体总出口额中约55%来自中国', '2022年', 'year', 'year'],
  ['2023年9月7日，习近平总书记指出', '2023年9月7日', 'date', 'date'],
  ['2018年至2020年，三星电子关闭了', '2018年至2020年', 'year', 'year'],
  ['2024年4月26日，“2024韩国-沈阳活动周”', '2024年4月26日', 'date', 'date'],
  ['“2024韩国-沈阳活动周”在韩国首尔举行', '2024', 'year', 'year'],
  ['自1992年中韩建交以来', '1992年', 'year', 'year'],
  ['进入21世纪后', '21世纪', 'year', 'year'],
  ['20世纪90年代', '90年代', 'year', 'year'],
  ['2024年度“中韩青年科学家交流计划”', '2024年度', 'year', 'year'],
  ['2022年10月起', '2022年10月', 'date', 'date'],
  ['2020年3月，科技部启动', '2020年3月', 'date', 'date'],
  ['从2014年至2022年，双方', '2014年至2022年', 'year', 'year'],
  ['二〇二二年', '二〇二二年', 'year', 'year'],
  ['3月', '3月', 'date', 'date'],
  ['2月28日', '2月28日', 'date', 'date'],
  ['in the 2020s', '2020s', 'year', 'year'],
  ['in 2022, exports fell', '2022', 'year', 'year'],
  ['since 1992 the two', '1992', 'year', 'year'],
  ['March 2023', 'March 2023', 'date', 'date'],
  ['On 7 March 2023 the', '7 March 2023', 'date', 'date'],
  ['March 7, 2023', 'March 7, 2023', 'date', 'date'],
  ['2023-09-07', '2023-09-07', 'date', 'date'],
  ['2022/10/7', '2022/10/7', 'date', 'date'],
  ['2018-2020', '2018-2020', 'year', 'year'],
  ['上午10:30开会', '10:30', 'time', 'time'],
  ['10时30分', '10时30分', 'time', 'time'],
  // Time windows.
  ['过去5年中发生了93起相关案件', '5年', 'time-span', 'duration'],
  ['建交30多年来', '30多年', 'time-span', 'duration'],
  ['未来10年内将其在中国的半导体产能增加5%', '10年', 'time-span', 'duration'],
  ['连续两个月超过100亿美元', '两个月', 'time-span', 'duration'],
  ['3个月', '3个月', 'time-span', 'duration'],
  ['五年', '五年', 'time-span', 'duration'],
  // References to the document.
  ['逻辑架构如图1所示。', '图1', 'figure-ref', 'label'],
  ['图1  新质生产力促进科技合作的逻辑架构', '图1', 'figure-ref', 'label'],
  ['见表2', '表2', 'figure-ref', 'label'],
  ['详见4.1节', '4.1节', 'section-ref', 'label'],
  ['第3章', '第3章', 'section-ref', 'label'],
  ['第3条', '第3条', 'section-ref', 'label'],
  ['see Figure 2 for', 'Figure 2', 'figure-ref', 'label'],
  ['see Fig. 3', 'Fig. 3', 'figure-ref', 'label'],
  ['Table 4 lists', 'Table 4', 'figure-ref', 'label'],
  ['Section 4.1 shows', 'Section 4.1', 'section-ref', 'label'],
  ['see p. 23', 'p. 23', 'section-ref', 'label'],
  ['4.1 内生挑战：现行政策支撑不足', '4.1', 'section-ref', 'label'],
  ['1  文献综述', '1', 'section-ref', 'label'],
  ['0  引言', '0', 'section-ref', 'label'],
  ['1.2 中韩科技合作及相关研究', '1.2', 'section-ref', 'label'],
  // List ordinals.
  ['一是加强合作，二是扩大交流', '一', 'list-ordinal', 'ordinal'],
  ['一是加强合作，二是扩大交流', '二', 'list-ordinal', 'ordinal'],
  ['其一，完善政策', '其一', 'list-ordinal', 'ordinal'],
  ['第一，要加强', '第一', 'list-ordinal', 'ordinal'],
  ['(1) 完善政策', '(1)', 'list-ordinal', 'ordinal'],
  ['（2）加强合作', '（2）', 'list-ordinal', 'ordinal'],
  ['1) first', '1)', 'list-ordinal', 'ordinal'],
  ['1、加强合作', '1、', 'list-ordinal', 'ordinal'],
  ['一、引言', '一、', 'list-ordinal', 'ordinal'],
  ['①加强合作', '①', 'list-ordinal', 'ordinal'],
  ['（一）加强合作', '（一）', 'list-ordinal', 'ordinal'],
  ['1368年', '1368年', 'year', 'year'],
  // Ordinals that count events, not statistics.
  ['科技是第一生产力', '第一', 'ordinal', 'ordinal'],
  ['第15次会议在韩国釜山召开', '第15次', 'ordinal', 'ordinal'],
  ['举行海洋事务对话合作机制第二次会议', '第二次', 'ordinal', 'ordinal'],
  ['the 21st century', '21st', 'ordinal', 'ordinal'],
  // Names with numbers.
  ['5G通信', '5G', 'name', 'name'],
  ['党的二十大报告指出', '二十大', 'name', 'name'],
  ['聚焦第二个百年奋斗目标', '第二个百年', 'name', 'name'],
  ['H100芯片', 'H100', 'name', 'name'],
  ['GPT-4 and', 'GPT-4', 'name', 'name'],
  ['COVID-19疫情', 'COVID-19', 'name', 'name'],
  ['G20峰会', 'G20', 'name', 'name'],
  ['“十四五”规划', '十四五', 'name', 'name'],
  ['“三链”深度融合', '三链', 'name', 'name'],
  ['共建“一带一路”', '一带一路', 'name', 'name'],
  ['3D printing', '3D', 'name', 'name'],
  ['4K video', '4K', 'name', 'name'],
  ['九一八事变', '九一八', 'name', 'name'],
  ['增强四个意识', '四个意识', 'name', 'name'],
  ['两三个部门', '两三个', 'idiom', 'count'],
  // Versions and codes.
  ['V3.2', 'V3.2', 'version', 'label'],
  ['Version 3.2 was released', '3.2', 'version', 'label'],
  ['1.2.3版本', '1.2.3', 'version', 'label'],
  ['中图分类号：F213.2; G301', 'F213.2', 'code', 'label'],
  ['中图分类号：F213.2; G301', 'G301', 'code', 'label'],
  ['电话010-12345678', '010', 'code', 'label'],
  ['编号12345678', '12345678', 'code', 'label'],
  // Citation markers.
  ['研究[12]表明', '12', 'citation', 'label'],
  ['研究[1-5]表明', '1-5', 'citation', 'label'],
  ['研究[1,3]表明', '1,3', 'citation', 'label'],
  ['研究［3］表明', '3', 'citation', 'label'],
  ['研究〔4〕表明', '4', 'citation', 'label'],
  ['growth^[2]^ was', '2', 'citation', 'label'],
  // Numerals that are words.
  ['新质生产力是一个复合型概念', '一个', 'idiom', 'count'],
  ['一种前瞻性的发展动力', '一种', 'idiom', 'count'],
  ['在一定程度上', '一', 'idiom', 'plain'],
  ['出台了一系列支持政策', '一', 'idiom', 'plain'],
  ['一方面，韩国在科技领域', '一方面', 'idiom', 'count'],
  ['中韩两国人才交流', '两', 'idiom', 'plain'],
  ['三星电子', '三', 'idiom', 'plain'],
  ['涵盖政治、学术和产业3个方面', '3个', 'small-count', 'count'],
  ['从以下5个方面提出建议', '5个', 'structure', 'count'],
  ['the first ships are due around 2026.', '2026', 'year', 'year'],
  ['归纳为六项任务', '六项', 'structure', 'count'],
  ['提出四项建议', '四项', 'structure', 'count'],
  ['这一分布与高校布局一致', '一', 'idiom', 'plain'],
  ['中欧“Fit for 55”一揽子计划', '55', 'name', 'plain'],
  ['报告《重大领域交叉前沿方向2022》显示', '2022', 'year', 'year'],
  ['互动的两个维度受到负面影响', '两个', 'small-count', 'count'],
  ['one of the most important', 'one', 'small-count', 'plain'],
  ['between the two sides', 'two', 'small-count', 'count'],
  // Adjectives, versions and names met in other drafts.
  ['the 14th Five-Year Plan', 'Five-Year', 'time-span', 'duration'],
  ['a 5-year plan', '5-year', 'time-span', 'duration'],
  ['two-way trade', 'two-way', 'idiom', 'plain'],
  ['Q3 2023 revenue rose 12%', '2023', 'year', 'year'],
  ['Q3 2023 revenue rose 12%', 'Q3', 'name', 'name'],
  ['Industry 4.0', '4.0', 'version', 'label'],
  ['推进工业4.0', '4.0', 'version', 'label'],
  ['COP28', 'COP28', 'name', 'name'],
  ['两会期间', '两会', 'name', 'name'],
  ['2022 年', '2022 年', 'year', 'year'],
  ['1990年代以来', '1990年代', 'year', 'year'],
  ['6月18日至20日', '6月18日至20日', 'date', 'date'],
  ['在2~3年内', '2~3年', 'time-span', 'duration'],
  ['研究[^12]表明', '12', 'citation', 'label'],
  ['（张三，2023）', '2023', 'year', 'year'],
  // Scale definitions.
  ['韩国得分为4分（评分范围为0~10分）', '0~10分', 'scale-definition', 'quantity'],
];

for (const [text, raw, reason, kind] of negatives) {
  test(`not a statistic: ${text} → ${raw} (${reason})`, () => {
    const mentions = readNumbers(text);
    const m = mentions.find((x) => x.raw === raw);
    assert.ok(m, `no mention "${raw}" in ${JSON.stringify(mentions.map((x) => x.raw))}`);
    assert.equal(m.start, text.indexOf(raw));
    assert.equal(m.isStatistic, false);
    assert.equal(m.reason, reason);
    if (kind !== undefined) assert.equal(m.kind, kind);
  });
}

// Text with numbers or numeral-like words in which nothing is a statistic.
const noStatistic = [
  '2023年9月7日，习近平总书记在新时代推动东北全面振兴座谈会上指出',
  '2018年至2020年，三星电子关闭了在中国的多家智能手机和电脑装配工厂',
  '通过“面对面”的合作模式以及“N+N”模式',
  '中韩双方的科技合作',
  'A股上市公司',
  '中图分类号：F213.2; G301          文献标志码：A',
  '[bookmark: _Hlk166680320]4.1 内生挑战：现行政策支撑不足',
  '首先，完善政策法规；其次，搭建平台',
  '千方百计，万众一心',
  '百姓与万物',
  '队伍建设与大陆架',
  '零部件供应',
  '进一步深化合作，推动统一大市场',
  'see Figure 2 and Section 4.1 (Smith, 2020)',
];

for (const text of noStatistic) {
  test(`no statistic in: ${text}`, () => {
    const stats = readNumbers(text).filter((m) => m.isStatistic);
    assert.deepEqual(stats.map((m) => m.raw), []);
  });
}

test('a statistic after a year in the same sentence is still found', () => {
  const mentions = readNumbers('2022年，韩国对中国的半导体出口额高达795亿美元，占半导体总出口额的34%以上');
  assert.deepEqual(
    mentions.map((m) => [m.raw, m.isStatistic]),
    [['2022年', false], ['高达795亿美元', true], ['34%以上', true]],
  );
});

test('"from X to Y" is two values, not a range', () => {
  const raws = readNumbers('The share rose from 5% to 10% in 2022.').map((m) => m.raw);
  assert.deepEqual(raws, ['5%', '10%', '2022']);
  const zh = readNumbers('从2015年的7.6%骤降至2019年的不足1%').map((m) => m.raw);
  assert.deepEqual(zh, ['2015年', '7.6%', '2019年', '不足1%']);
});

test('U+FFFC placeholders separate numbers and never join them', () => {
  const mentions = readNumbers('增长\uFFFC5%和3\uFFFC000人');
  assert.deepEqual(mentions.map((m) => m.raw), ['5%', '3', '000人']);
});

test('line endings, a BOM and characters outside the BMP do not move spans', () => {
  for (const text of ['增长5%\r\n约1.78万人', '\uFEFF增长5%\n约1.78万人', '😀增长5%𠀀约1.78万人']) {
    const stats = readNumbers(text).filter((m) => m.isStatistic);
    assert.deepEqual(stats.map((m) => m.raw), ['5%', '约1.78万人']);
    for (const m of stats) assert.equal(text.slice(m.start, m.end), m.raw);
  }
});
