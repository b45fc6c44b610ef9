import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapProseSpan, parseDocument, sourceToProse } from '../src/engine/parse';
import type { DocumentModel, Span } from '../src/engine/model';

const slice = (model: DocumentModel, span: Span): string => model.text.slice(span.start, span.end);
const OBJ = '\uFFFC';

test('CJK bold closing after a full stop is emphasis, and its text maps exactly', () => {
  const model = parseDocument('**结论。**后文');
  assert.equal(model.blocks.length, 1);
  const block = model.blocks[0]!;
  assert.equal(block.text, '结论。后文');
  assert.deepEqual(
    model.sentences.map((s) => [s.text, s.span]),
    [
      ['结论。', { start: 2, end: 5 }],
      ['后文', { start: 7, end: 9 }],
    ],
  );
});

test('code, inline code, HTML and front matter are not prose', () => {
  const text = [
    '---',
    'title: 报告',
    '---',
    '',
    '正文`x = 3.5`继续<span>内</span>结束。',
    '',
    '```js',
    'const share = 45.6;',
    '```',
    '',
    '    indented 12.5%',
    '',
    '<div>',
    '增长 30%',
    '</div>',
  ].join('\n');
  const model = parseDocument(text);
  assert.deepEqual(
    model.blocks.map((b) => b.text),
    [`正文${OBJ}继续${OBJ}内${OBJ}结束。`],
  );
  assert.equal(model.frontMatter?.value, 'title: 报告');
  assert.equal(slice(model, model.frontMatter!.span), '---\ntitle: 报告\n---');
  assert.deepEqual(
    model.nonProse.map((span) => slice(model, span)),
    ['---\ntitle: 报告\n---', '`x = 3.5`', '<span>', '</span>', '```js\nconst share = 45.6;\n```', '    indented 12.5%', '<div>\n增长 30%\n</div>'],
  );
});

test('TOML front matter is recognised', () => {
  const model = parseDocument('+++\ntitle = "x"\n+++\n\n正文。');
  assert.equal(model.frontMatter?.value, 'title = "x"');
  assert.deepEqual(model.blocks.map((b) => b.text), ['正文。']);
});

test('link text is prose, the URL is not; autolinks are one placeholder', () => {
  const text = '见[统计公报](https://example.com/2023 "t")与 <https://a.org/1> 和 www.b.com 等。';
  const model = parseDocument(text);
  const block = model.blocks[0]!;
  assert.equal(block.text, `见统计公报与 ${OBJ} 和 ${OBJ} 等。`);
  assert.deepEqual(
    block.links.map((link) => [slice(model, link.span), link.url]),
    [
      ['[统计公报](https://example.com/2023 "t")', 'https://example.com/2023'],
      ['<https://a.org/1>', 'https://a.org/1'],
      ['www.b.com', 'http://www.b.com'],
    ],
  );
  assert.deepEqual(
    model.nonProse.map((span) => slice(model, span)),
    ['](https://example.com/2023 "t")', '<https://a.org/1>', 'www.b.com'],
  );
});

test('reference-style links resolve their URL from the definition, which is not prose', () => {
  const model = parseDocument('见[公报][gb]。\n\n[gb]: https://example.com/gb\n');
  assert.equal(model.blocks[0]!.text, '见公报。');
  assert.deepEqual(model.blocks[0]!.links.map((l) => l.url), ['https://example.com/gb']);
  assert.deepEqual(model.nonProse.map((span) => slice(model, span)), ['[gb]: https://example.com/gb']);
});

test('HTML comments are collected from block and inline HTML with trimmed bodies', () => {
  const text = '<!-- policylint-disable stat-source -->\n\n正文<!--  inline note -->。\n\n<!-- a --><!-- b -->\n';
  const model = parseDocument(text);
  assert.deepEqual(
    model.comments.map((c) => [slice(model, c.span), c.body]),
    [
      ['<!-- policylint-disable stat-source -->', 'policylint-disable stat-source'],
      ['<!--  inline note -->', 'inline note'],
      ['<!-- a -->', 'a'],
      ['<!-- b -->', 'b'],
    ],
  );
});

test('character references and escapes are prose with spans that point at the source', () => {
  const text = '甲 &amp; 乙 \\[注\\] 丙';
  const model = parseDocument(text);
  const block = model.blocks[0]!;
  assert.equal(block.text, '甲 & 乙 [注] 丙');
  const sentence = model.sentences[0]!;
  assert.deepEqual(sentence.span, { start: 0, end: text.length });
  const bing = block.text.indexOf('丙');
  assert.equal(block.segments.find((s) => s.proseStart <= bing && bing < s.proseStart + s.length)?.exact, true);
  const amp = block.segments.find((s) => !s.exact);
  assert.deepEqual(amp && slice(model, { start: amp.sourceStart, end: amp.sourceEnd }), '&amp;');
});

test('a footnote reference stays in the prose literally, hard breaks become newlines', () => {
  const model = parseDocument('正文[^src]。  \n下一行\n\n[^src]: 来源。\n');
  assert.equal(model.blocks[0]!.text, '正文[^src]。\n下一行');
});

test('blocks know their container, section and whether they are part of the references', () => {
  const text = [
    '前言。',
    '',
    '# 1 引言',
    '',
    '- 列表项。',
    '',
    '> 引文。',
    '',
    '| 指标 | 数值 |',
    '| --- | --- |',
    '| GDP | 5.2% |',
    '',
    '## 参考文献',
    '',
    '[1] 张三. 标题.',
    '',
    '正文[^a]。',
    '',
    '[^a]: 脚注内容。',
  ].join('\n');
  const model = parseDocument(text);
  const describe = model.blocks.map((b) => ({
    text: b.text,
    kind: b.kind,
    section: b.section,
    flags: [b.inListItem && 'list', b.inBlockQuote && 'quote', b.inTable && 'table', b.inReferences && 'refs'].filter(Boolean),
  }));
  assert.deepEqual(describe, [
    { text: '前言。', kind: 'paragraph', section: -1, flags: [] },
    { text: '1 引言', kind: 'heading', section: 0, flags: [] },
    { text: '列表项。', kind: 'paragraph', section: 0, flags: ['list'] },
    { text: '引文。', kind: 'paragraph', section: 0, flags: ['quote'] },
    { text: '指标', kind: 'tableCell', section: 0, flags: ['table'] },
    { text: '数值', kind: 'tableCell', section: 0, flags: ['table'] },
    { text: 'GDP', kind: 'tableCell', section: 0, flags: ['table'] },
    { text: '5.2%', kind: 'tableCell', section: 0, flags: ['table'] },
    { text: '参考文献', kind: 'heading', section: 1, flags: ['refs'] },
    { text: '[1] 张三. 标题.', kind: 'paragraph', section: 1, flags: ['refs'] },
    { text: '正文[^a]。', kind: 'paragraph', section: 1, flags: ['refs'] },
    { text: '脚注内容。', kind: 'paragraph', section: 1, flags: ['refs'] },
  ]);
  assert.deepEqual(model.blocks.map((b) => b.index), model.blocks.map((_, i) => i));
  const cell = model.blocks[7]!;
  assert.equal(slice(model, model.sentences.find((s) => s.block === cell.index)!.span), '5.2%');
});

test('figure and table captions are their own kind, ordinary sentences starting with 图 are not', () => {
  const model = parseDocument(
    [
      '图1  新质生产力促进科技合作的逻辑架构',
      '表 2：中韩贸易额（亿美元）',
      'Figure 3. Exports by sector',
      'Fig. 4 Trend',
      '图1显示，出口增长。',
      '图2 显示了出口增长。随后回落。',
    ].join('\n\n'),
  );
  assert.deepEqual(
    model.blocks.map((b) => b.kind),
    ['caption', 'caption', 'caption', 'caption', 'paragraph', 'paragraph'],
  );
});

test('prose inside nested containers maps exactly past the container prefixes', () => {
  const text = '> - 第一行[1]\n>   第二行[2]';
  const model = parseDocument(text);
  assert.equal(model.blocks[0]!.text, '第一行[1]\n第二行[2]');
  assert.deepEqual(model.citations.map((c) => [slice(model, c.span), c.span]), [
    ['[1]', { start: 7, end: 10 }],
    ['[2]', { start: 18, end: 21 }],
  ]);
  assert.ok(model.blocks[0]!.inBlockQuote && model.blocks[0]!.inListItem);
});

test('prose and source offsets convert both ways through markup and placeholders', () => {
  const text = '甲**乙**`code`丙 &amp; 丁';
  const model = parseDocument(text);
  const block = model.blocks[0]!;
  assert.equal(block.text, `甲乙${OBJ}丙 & 丁`);
  assert.equal(sourceToProse(block, text.indexOf('乙')), 1);
  assert.equal(sourceToProse(block, text.indexOf('丙')), 3);
  assert.equal(sourceToProse(block, text.indexOf('od')), 2);
  assert.equal(sourceToProse(block, text.indexOf('*')), undefined);
  assert.equal(sourceToProse(block, text.indexOf('丁')), 7);
  assert.deepEqual(mapProseSpan(block, 1, 4), { start: text.indexOf('乙'), end: text.indexOf('丙') + 1 });
  assert.deepEqual(mapProseSpan(block, 2, 3), { start: text.indexOf('`'), end: text.indexOf('丙') });
  assert.deepEqual(mapProseSpan(block, 5, 6), { start: text.indexOf('&'), end: text.indexOf(';') + 1 });
});

test('a bare URL in Chinese text ends at the full-width punctuation after it', () => {
  const text = '产量为2 071亿块（https://data.stats.gov.cn）。按照统计口径，企业已超过3 400家。';
  const model = parseDocument(text);
  const block = model.blocks[0]!;
  assert.equal(block.text, '产量为2 071亿块（\uFFFC）。按照统计口径，企业已超过3 400家。');
  assert.deepEqual(block.links.map((l) => l.url), ['https://data.stats.gov.cn']);
  assert.deepEqual(model.sentences.map((s) => text.slice(s.span.start, s.span.end)), [
    '产量为2 071亿块（https://data.stats.gov.cn）。',
    '按照统计口径，企业已超过3 400家。',
  ]);
  // English text keeps GFM's own ending, less trailing punctuation.
  const english = parseDocument('See https://example.org/a_(b). Then more.');
  assert.deepEqual(english.blocks[0]!.links.map((l) => l.url), ['https://example.org/a_(b)']);
});
