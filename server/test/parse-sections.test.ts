import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, splitSectionNumber } from '../src/engine/parse';

const PAPER = [
  '# 加快发展新质生产力背景下中韩科技合作的挑战与对策',
  '',
  '摘要：新质生产力成为科技合作的新动力。',
  '',
  '## 0  引言',
  '',
  '新一轮科技革命与产业变革正在推动国际政治转变[1]。',
  '',
  '## 1  文献综述',
  '',
  '### 1.1 新质生产力的内涵',
  '',
  '### 1.2 中韩科技合作及相关研究',
  '',
  '## 4  加快发展新质生产力背景下中韩科技合作面临的现实挑战',
  '',
  '### 4.1 内生挑战：现行政策支撑不足，科技合作推动力受限',
  '',
  '在全球科技竞争日益激烈的背景下，国家政策支持至关重要。',
  '',
  '### 4.2 核心挑战：科技产业发展较难，科技合作话语权受削',
  '',
  '## 5  以发展新质生产力推动中韩科技合作的对策措施',
  '',
  '### 5.1 新质生产力内生发展环境：完善政策条例，培育科技合作氛围',
  '',
  '## 6  结论与建议',
  '',
  '在全球经济转型和数字化浪潮的推动下，新质生产力成为关键因素。',
].join('\n');

test('section tree of the sample paper: numbers, titles, parents, children', () => {
  const model = parseDocument(PAPER);
  assert.deepEqual(
    model.sections.map((s) => [s.index, s.depth, s.number, s.titleWithoutNumber, s.parent, s.children]),
    [
      [0, 1, undefined, '加快发展新质生产力背景下中韩科技合作的挑战与对策', -1, [1, 2, 5, 8, 10]],
      [1, 2, '0', '引言', 0, []],
      [2, 2, '1', '文献综述', 0, [3, 4]],
      [3, 3, '1.1', '新质生产力的内涵', 2, []],
      [4, 3, '1.2', '中韩科技合作及相关研究', 2, []],
      [5, 2, '4', '加快发展新质生产力背景下中韩科技合作面临的现实挑战', 0, [6, 7]],
      [6, 3, '4.1', '内生挑战：现行政策支撑不足，科技合作推动力受限', 5, []],
      [7, 3, '4.2', '核心挑战：科技产业发展较难，科技合作话语权受削', 5, []],
      [8, 2, '5', '以发展新质生产力推动中韩科技合作的对策措施', 0, [9]],
      [9, 3, '5.1', '新质生产力内生发展环境：完善政策条例，培育科技合作氛围', 8, []],
      [10, 2, '6', '结论与建议', 0, []],
    ],
  );
  assert.equal(model.sections[5]!.title, '4  加快发展新质生产力背景下中韩科技合作面临的现实挑战');
});

test('section spans run to the next heading of the same or lower depth', () => {
  const model = parseDocument(PAPER);
  const at = (needle: string): number => PAPER.indexOf(needle);
  const s = model.sections;
  assert.deepEqual(s[0]!.span, { start: 0, end: PAPER.length });
  assert.deepEqual(s[2]!.span, { start: at('## 1  文献综述'), end: at('## 4  加快') });
  assert.deepEqual(s[4]!.span, { start: at('### 1.2'), end: at('## 4  加快') });
  assert.deepEqual(s[6]!.span, { start: at('### 4.1'), end: at('### 4.2') });
  assert.deepEqual(s[10]!.span, { start: at('## 6  结论'), end: PAPER.length });
  assert.equal(PAPER.slice(s[6]!.headingSpan.start, s[6]!.headingSpan.end), '### 4.1 内生挑战：现行政策支撑不足，科技合作推动力受限');
  const body = model.blocks.find((b) => b.text.startsWith('在全球科技竞争'))!;
  assert.equal(body.section, 6);
});

test('setext headings and markup in headings', () => {
  const text = '报告 *标题*\n=====\n\n二、**背景**\n-----\n';
  const model = parseDocument(text);
  assert.deepEqual(
    model.sections.map((s) => [s.depth, s.title, s.number, s.titleWithoutNumber, s.headingSpan]),
    [
      [1, '报告 标题', undefined, '报告 标题', { start: 0, end: 13 }],
      [2, '二、背景', '二', '背景', { start: 15, end: 29 }],
    ],
  );
  assert.equal(model.sections[1]!.parent, 0);
});

test('section number styles', () => {
  const cases: [string, string | undefined, string][] = [
    ['4  加快发展', '4', '加快发展'],
    ['4.1 内生挑战', '4.1', '内生挑战'],
    ['4.1.2 细节', '4.1.2', '细节'],
    ['4.1内生挑战', '4.1', '内生挑战'],
    ['0 引言', '0', '引言'],
    ['3. Results', '3', 'Results'],
    ['一、背景', '一', '背景'],
    ['十二、附录', '十二', '附录'],
    ['（一）政策环境', '（一）', '政策环境'],
    ['(二) 市场', '(二)', '市场'],
    ['第一章 绪论', '第一章', '绪论'],
    ['第3节 方法', '第3节', '方法'],
    ['2022年韩国出口', undefined, '2022年韩国出口'],
    ['一带一路倡议', undefined, '一带一路倡议'],
    ['3.5%的增长', undefined, '3.5%的增长'],
    ['参考文献', undefined, '参考文献'],
    ['7', '7', ''],
  ];
  for (const [title, number, rest] of cases) assert.deepEqual(splitSectionNumber(title), { number, rest }, title);
});

test('blocks before the first heading belong to no section', () => {
  const model = parseDocument('导语。\n\n# 一、正文\n\n内容。');
  assert.deepEqual(model.blocks.map((b) => b.section), [-1, 0, 0]);
});
