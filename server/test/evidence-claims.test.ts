import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findClaim, type ClaimKind } from '../src/engine/evidence/claims';

// Sentences a reviewer would want sourced, with the kind of claim and the cue text the finding points at.
const claims: [string, ClaimKind, string][] = [
  ['2023年4月，韩国总统尹锡悦访问美国，双方发表了一系列文件。', 'dated-event', '2023年4月，韩国总统尹锡悦访问'],
  ['2022年6月，韩国多所大学与中国潍坊地区的高校在潍坊举行了签约仪式。', 'dated-event', '2022年6月，韩国多所大学与中国潍坊地区的高校在潍坊举行'],
  ['党的二十大报告指出，必须坚持科技是第一生产力。', 'attribution', '报告指出'],
  ['据《中国中小企业人力资源管理白皮书》调查数据显示，中国中小民营企业平均寿命仅2.5年。', 'attribution', '据《中国中小企业人力资源管理白皮书》调查'],
  ['据统计，去年两国贸易额大幅增长。', 'attribution', '据统计'],
  ['调查显示，超过半数的受访企业计划扩大投资。', 'attribution', '调查显示'],
  ['有预测称，到2026年美国将建成11座大型电池工厂。', 'attribution', '有预测称'],
  ['马克思将生产力定义为人与自然界的物质劳动过程的力量。', 'attribution', '马克思将生产力定义为'],
  ['李晓华指出新质生产力具有颠覆性创新驱动的特征。', 'attribution', '李晓华指出'],
  ['该国外交部长表示：“我们不会改变既定立场，合作将继续推进。”', 'attribution', '该国外交部长表示'],
  ['有人认为中韩合作已经到达顶峰。', 'vague-attribution', '有人认为'],
  ['业内普遍认为，芯片短缺将持续两年。', 'vague-attribution', '业内普遍认为'],
  ['专家指出，这一政策效果有限。', 'vague-attribution', '专家指出'],
  ['该公司的出口额创下历史新高。', 'record', '创下历史新高'],
  ['韩国的研发强度仅次于以色列。', 'record', '仅次于'],
  ['This was the first time the two ministries met.', 'record', 'the first'],
  ['According to the ministry, exports fell sharply last year.', 'attribution', 'According to'],
  ['Studies show that joint patents are cited more often.', 'attribution', 'Studies show'],
  ['Research suggests that talent flows follow funding.', 'attribution', 'Research suggests'],
  ['Lee et al. found that firm size predicts collaboration.', 'attribution', 'Lee et al. found'],
  ['In March 2023, the two governments signed a memorandum on chips.', 'dated-event', 'In March 2023, the two governments signed'],
  ['Some experts say the alliance limits cooperation.', 'vague-attribution', 'Some experts say'],
  ['It is widely believed that the framework will fail.', 'vague-attribution', 'It is widely believed'],
  ['Korea became the largest investor in the region.', 'record', 'the largest'],
];

// Sentences that need no source: recommendations, framing, structure, questions, plain analysis.
const notClaims: string[] = [
  '中国应扩大对外开放力度，为外资企业提供更加优惠的政策与营商环境。',
  '中韩两国需建立更加开放透明的政策环境。',
  '中国亟待着力推动供给侧结构性改革。',
  '建议在2025年前发布双边合作路线图。',
  '本文认为，新质生产力是科技合作的核心驱动力。',
  '新质生产力促进科技合作的逻辑架构如图1所示。',
  '中韩科技合作能否走出困境？',
  '新质生产力是高质量发展的体现，其超越了单纯的物质生产概念。',
  '人工智能在智能制造等方面的应用，使得生产过程更加智能化。',
  '这表明合作模式正在发生变化。',
  '在应对国际问题方面，新质生产力具有关键作用。',
  'We recommend that both governments fund joint laboratories.',
  'Both sides should widen access for researchers.',
  'This paper argues that quality matters more than quantity.',
  'As shown in Figure 2, the gap narrows over time.',
  'Can cooperation survive the alliance?',
  'Cooperation deepens when institutions are trusted.',
  'The first is coercion.',
  'Most projects, however, remain at an early stage.',
  'The second reason is cost.',
  '中国政府应调整税收优惠政策，从根本上缓解企业的资金压力。',
  '所谓技术政治，是指技术成为国家竞争焦点的政治形态。',
];

for (const [sentence, kind, cue] of claims) {
  test(`claim (${kind}): ${sentence}`, () => {
    const found = findClaim(sentence);
    assert.ok(found, 'expected a claim');
    assert.equal(found.kind, kind);
    assert.equal(sentence.slice(found.start, found.end), cue);
  });
}

for (const sentence of notClaims) {
  test(`not a claim: ${sentence}`, () => {
    assert.equal(findClaim(sentence), undefined);
  });
}

test('claim patterns stay fast on adversarial runs of brackets, digits and commas', () => {
  const inputs = [
    '据'.repeat(50_000) + '显示',
    '['.repeat(100_000),
    '1'.repeat(200_000) + '年',
    '，'.repeat(100_000) + '指出',
    'A '.repeat(50_000) + 'found',
    '“'.repeat(50_000),
  ];
  for (const input of inputs) findClaim(input);
});
