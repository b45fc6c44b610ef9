import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../src/engine/parse';
import type { CitationMarker } from '../src/engine/model';

interface Seen {
  source: string;
  style: CitationMarker['style'];
  numbers?: number[];
  keys?: string[];
}

/** Markers found in `text`, as the source text they cover plus what they name. */
function markers(text: string): Seen[] {
  const model = parseDocument(text);
  return model.citations.map((c) => {
    const seen: Seen = { source: text.slice(c.span.start, c.span.end), style: c.style };
    if (c.numbers.length > 0) seen.numbers = [...c.numbers];
    if (c.keys.length > 0) seen.keys = [...c.keys];
    const block = model.blocks[c.block]!;
    assert.equal(block.text.slice(c.proseStart, c.proseEnd).replace(/\uFFFC/g, ''), block.text.slice(c.proseStart, c.proseEnd));
    return seen;
  });
}

const numeric = (source: string, numbers: number[]): Seen => ({ source, style: 'numeric', numbers });

test('numeric markers in every bracket, separator and range style', () => {
  const cases: [string, Seen[]][] = [
    ['领域[1]。', [numeric('[1]', [1])]],
    ['领域[1,3]。', [numeric('[1,3]', [1, 3])]],
    ['领域[1, 3-5]。', [numeric('[1, 3-5]', [1, 3, 4, 5])]],
    ['领域[1-5]。', [numeric('[1-5]', [1, 2, 3, 4, 5])]],
    ['领域[1–3]。', [numeric('[1–3]', [1, 2, 3])]],
    ['领域[1—3]。', [numeric('[1—3]', [1, 2, 3])]],
    ['领域[1~3]。', [numeric('[1~3]', [1, 2, 3])]],
    ['领域[1，3]。', [numeric('[1，3]', [1, 3])]],
    ['领域[1、3]。', [numeric('[1、3]', [1, 3])]],
    ['领域［1］。', [numeric('［1］', [1])]],
    ['领域〔12〕。', [numeric('〔12〕', [12])]],
    ['领域［１２］。', [numeric('［１２］', [12])]],
    ['领域<sup>[7]</sup>。', [numeric('[7]', [7])]],
    ['领域^[8]^。', [numeric('^[8]^', [8])]],
    ['领域[2][5]。', [numeric('[2]', [2]), numeric('[5]', [5])]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(markers(text), expected, text);
});

test('numeric marker spans are exact source offsets', () => {
  const text = '# 标题\n\n韩国出口额高达795亿美元[31]，占比34%以上<sup>[32, 33]</sup>。';
  const model = parseDocument(text);
  assert.deepEqual(
    model.citations.map((c) => c.span),
    [
      { start: text.indexOf('[31]'), end: text.indexOf('[31]') + 4 },
      { start: text.indexOf('[32, 33]'), end: text.indexOf('[32, 33]') + 8 },
    ],
  );
  assert.deepEqual(model.citations.map((c) => c.block), [1, 1]);
});

test('things in brackets that are not numeric citations', () => {
  const negatives = [
    '- [x] 完成的任务',
    '- [ ] 未完成的任务',
    '文本 [x] 和 [ ] 方框',
    '未解析的链接[1](见 下)和定义[1]: 样式',
    '小数[1.5]不是引文',
    '零[0]不是引文',
    '反向[5-3]不是引文',
    '过长[1-501]不是引文',
    '空[]与[,]与[1,]与[-3]',
    '数组a[i]与[第1条]',
  ];
  for (const text of negatives) assert.deepEqual(markers(text), [], text);
  assert.deepEqual(markers('上限[1-500]。')[0]!.numbers!.length, 500);
});

test('footnote markers, defined or not', () => {
  assert.deepEqual(markers('正文[^note]。\n\n[^note]: 来源。'), [{ source: '[^note]', style: 'footnote', keys: ['note'] }]);
  assert.deepEqual(markers('正文[^未定义]。'), [{ source: '[^未定义]', style: 'footnote', keys: ['未定义'] }]);
  assert.deepEqual(markers('空[^]与[^a b]'), []);
});

test('pandoc citations', () => {
  const cases: [string, Seen[]][] = [
    ['As shown [@smith2020].', [{ source: '[@smith2020]', style: 'pandoc', keys: ['smith2020'] }]],
    ['Both [@a; @b:2021].', [{ source: '[@a; @b:2021]', style: 'pandoc', keys: ['a', 'b:2021'] }]],
    ['Details [see @key, p. 3].', [{ source: '[see @key, p. 3]', style: 'pandoc', keys: ['key'] }]],
    ['Smith says [-@smith2020].', [{ source: '[-@smith2020]', style: 'pandoc', keys: ['smith2020'] }]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(markers(text), expected, text);
  assert.deepEqual(markers('Mail [me@example.com] or [@]'), []);
  assert.deepEqual(markers('Mixed [@a; no key]'), []);
});

test('author-year citations in Chinese and English parentheses', () => {
  const ay = (source: string, keys: string[]): Seen => ({ source, style: 'author-year', keys });
  const cases: [string, Seen[]][] = [
    ['研究表明（张三，2023）。', [ay('（张三，2023）', ['张三|2023'])]],
    ['研究表明（张三等，2023）。', [ay('（张三等，2023）', ['张三|2023'])]],
    ['研究表明（张三、李四，2023）。', [ay('（张三、李四，2023）', ['张三|2023'])]],
    ['研究表明（张三，2021；李四，2022）。', [ay('（张三，2021；李四，2022）', ['张三|2021', '李四|2022'])]],
    ['Shown before (Smith, 2020).', [ay('(Smith, 2020)', ['Smith|2020'])]],
    ['Shown before (Smith et al., 2020).', [ay('(Smith et al., 2020)', ['Smith|2020'])]],
    ['Shown before (Smith and Jones, 2020).', [ay('(Smith and Jones, 2020)', ['Smith|2020'])]],
    ['Shown before (Smith & Jones 2020).', [ay('(Smith & Jones 2020)', ['Smith|2020'])]],
    ['Shown before (Smith, 2020; Lee, 2021a).', [ay('(Smith, 2020; Lee, 2021a)', ['Smith|2020', 'Lee|2021a'])]],
    ['Shown before (Smith, 2020, 2021).', [ay('(Smith, 2020, 2021)', ['Smith|2020', 'Smith|2021'])]],
    ['Shown before (Smith, 2020, p. 12).', [ay('(Smith, 2020, p. 12)', ['Smith|2020'])]],
    ['Shown before (van der Berg, 2019).', [ay('(van der Berg, 2019)', ['van der Berg|2019'])]],
    ['Shown before (World Bank, 2022).', [ay('(World Bank, 2022)', ['World Bank|2022'])]],
    ['中文括号（Smith，2020）。', [ay('（Smith，2020）', ['Smith|2020'])]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(markers(text), expected, text);
});

test('parentheses that are not author-year citations', () => {
  const negatives = [
    '那一年(2020)增长',
    '张三（2023）认为',
    '（2018年至2020年）期间',
    '(see Figure 2)',
    '国内生产总值(GDP)',
    '(OECD, 2.7%)',
    '(January 2020)',
    '(In 2020, trade fell)',
    '（上升，但不明显）',
    '(Smith, 20201)',
  ];
  for (const text of negatives) assert.deepEqual(markers(text), [], text);
});

test('reference-list labels are not markers, markers elsewhere are sorted by position', () => {
  const text = '前文[2]与[1]。\n\n## 参考文献\n\n[1] 张三. 标题[J]. 2020.\n[2] 李四. 标题[M]. 2021.\n';
  const model = parseDocument(text);
  assert.deepEqual(
    model.citations.map((c) => [text.slice(c.span.start, c.span.end), c.numbers]),
    [
      ['[2]', [2]],
      ['[1]', [1]],
    ],
  );
});

test('markers inside link text, tables and headings are found', () => {
  const text = '# 背景[1]\n\n见[[2]](#ref-2)。\n\n| 指标 | 来源 |\n| - | - |\n| GDP | [3] |\n';
  assert.deepEqual(markers(text), [numeric('[1]', [1]), numeric('[2]', [2]), numeric('[3]', [3])]);
});

test('all 62 numeric markers of the sample paper style are found on a run of text', () => {
  const text = Array.from({ length: 62 }, (_, i) => `第${i + 1}句研究[${i + 1}]。`).join('');
  const model = parseDocument(text);
  assert.deepEqual(
    model.citations.map((c) => c.numbers[0]),
    Array.from({ length: 62 }, (_, i) => i + 1),
  );
});
