import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from '../src/engine/parse';
import { spanToRange, stripBom } from '../src/engine/positions';
import type { DocumentModel, Span } from '../src/engine/model';

const CONTENT = [
  '---',
  'title: 报告',
  '---',
  '',
  '# 1 引言',
  '',
  '韩国对中国的半导体出口额高达795亿美元[31]，占比34%以上。美国支持锂的开采[32]；欧盟计划生产（张三，2023）。',
  '第二行**加粗。**后文[^n]<!-- 注 -->',
  '',
  '> 引用 Growth slowed (Smith et al., 2020). See Fig. 2.[33]',
  '',
  '| 指标 | 来源 |',
  '| --- | --- |',
  '| GDP 5.2% | [34] |',
  '',
  '```',
  'code [35]',
  '```',
  '',
  '## 参考文献',
  '',
  '[31] 张三. 标题[J]. 2020.',
  '[32] 李四. 标题.',
  '续行.',
  '',
  '[^n]: 脚注。',
  '',
].join('\n');

/** Everything a rule could report, as line/character ranges. */
function signature(model: DocumentModel, lineShift = 0, skipBlocks = 0) {
  const range = (span: Span) => {
    const r = spanToRange(model.lineStarts, model.text, span);
    return [r.start.line - lineShift, r.start.character, r.end.line - lineShift, r.end.character];
  };
  return {
    blocks: model.blocks.slice(skipBlocks).map((b) => [b.kind, b.text, range(b.span), b.inReferences]),
    sentences: model.sentences.filter((s) => s.block >= skipBlocks).map((s) => [s.text, range(s.span)]),
    citations: model.citations.map((c) => [c.style, c.numbers, c.keys, range(c.span)]),
    sections: model.sections.map((s) => [s.number, s.title, range(s.headingSpan), range(s.span), s.parent]),
    references: model.references?.entries.map((e) => [e.number, e.key, e.text, range(e.span), range(e.labelSpan)]),
    nonProse: model.nonProse.map(range),
    comments: model.comments.map((c) => [c.body, range(c.span)]),
    frontMatter: model.frontMatter && [model.frontMatter.value.replace(/\r\n?/g, '\n'), range(model.frontMatter.span)],
  };
}

test('LF, CRLF, CR, BOM-stripped and astral-prefixed text give the same findings positions', () => {
  const lf = signature(parseDocument(CONTENT));
  assert.ok(lf.citations.length >= 6 && lf.references!.length === 3);
  assert.deepEqual(signature(parseDocument(CONTENT.replace(/\n/g, '\r\n'))), lf, 'CRLF');
  assert.deepEqual(signature(parseDocument(CONTENT.replace(/\n/g, '\r'))), lf, 'CR');
  assert.deepEqual(signature(parseDocument(stripBom(`\uFEFF${CONTENT}`))), lf, 'BOM');
});

test('astral characters before the content shift nothing but the lines they occupy', () => {
  // Front matter must come first, so compare the body only.
  const body = CONTENT.slice(CONTENT.indexOf('# 1'));
  const plain = signature(parseDocument(body));
  const prefixed = signature(parseDocument(`😀𠮷🇨🇳 前言\n\n${body}`), 2, 1);
  assert.deepEqual(prefixed, plain);
});

test('character offsets count UTF-16 code units for astral characters on the same line', () => {
  const text = '𠮷😀研究[1]。';
  const model = parseDocument(text);
  const range = spanToRange(model.lineStarts, text, model.citations[0]!.span);
  assert.deepEqual(range, { start: { line: 0, character: 6 }, end: { line: 0, character: 9 } });
  assert.equal(model.sentences[0]!.text, text);
});

const TOKENS = [
  '#', '## ', ' ', '  ', '\n', '\n\n', '\r\n', '\r', '\t', '[', ']', '(', ')', '（', '）', '［', '］', '〔', '〕', '^',
  '@', '*', '**', '_', '`', '```', '<', '>', '> ', '!', '-', '- ', '1. ', '|', '|-|', '1', '2', '0', '3.5', '.', '。',
  '，', '；', '、', '：', '文', '研究', 'a', 'Smith', 'et al.', '2020', ', ', '&amp;', '&#x1F600;', '\\', '<!--', '-->',
  '---', '+++', '[^a]', '[^a]: ', '[1]', '[1-3]', '[@k]', '(Smith, 2020)', '（张三，2023）', '😀', '𠮷', '~', ':',
  '参考文献', 'References', '图1 ', '<sup>', '</sup>', 'https://x.org/1', '[a](u)', '![i](p)', '……', '”', '\u3000',
];

function checkSpans(model: DocumentModel): void {
  const length = model.text.length;
  const inText = (span: Span | undefined, what: string): void => {
    if (!span) return;
    assert.ok(0 <= span.start && span.start <= span.end && span.end <= length, `${what} ${JSON.stringify(span)} in ${length}`);
  };
  model.blocks.forEach((block, index) => {
    assert.equal(block.index, index);
    inText(block.span, 'block');
    block.links.forEach((link) => inText(link.span, 'link'));
    let prose = 0;
    for (const segment of block.segments) {
      assert.equal(segment.proseStart, prose, 'segments are contiguous');
      prose += segment.length;
      inText({ start: segment.sourceStart, end: segment.sourceEnd }, 'segment');
      if (segment.exact) {
        assert.equal(model.text.slice(segment.sourceStart, segment.sourceEnd), block.text.slice(segment.proseStart, prose));
      }
    }
    assert.equal(prose, block.text.length, 'segments cover the prose');
  });
  for (const sentence of model.sentences) {
    inText(sentence.span, 'sentence');
    const block = model.blocks[sentence.block]!;
    assert.ok(0 <= sentence.proseStart && sentence.proseStart < sentence.proseEnd && sentence.proseEnd <= block.text.length);
    assert.equal(block.text.slice(sentence.proseStart, sentence.proseEnd), sentence.text);
  }
  let previous = -1;
  for (const citation of model.citations) {
    inText(citation.span, 'citation');
    assert.ok(citation.span.start >= previous, 'citations sorted');
    previous = citation.span.start;
    assert.ok(citation.numbers.length + citation.keys.length > 0);
  }
  for (const section of model.sections) {
    inText(section.span, 'section');
    inText(section.headingSpan, 'heading');
  }
  inText(model.references?.span, 'references');
  inText(model.references?.headingSpan, 'references heading');
  for (const entry of model.references?.entries ?? []) {
    inText(entry.span, 'entry');
    inText(entry.labelSpan, 'label');
  }
  model.nonProse.forEach((span) => inText(span, 'nonProse'));
  model.comments.forEach((comment) => inText(comment.span, 'comment'));
  inText(model.frontMatter?.span, 'front matter');
}

test('random Markdown-ish text never throws and every span lies within the text', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }), (tokens) => {
      checkSpans(parseDocument(tokens.join('')));
    }),
    { numRuns: 400 },
  );
});

test('random strings of any characters never throw', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      checkSpans(parseDocument(text));
    }),
    { numRuns: 300 },
  );
});

test('a 1 MB document parses with the expected counts', () => {
  const unitCount = 500;
  const units: string[] = [];
  for (let unit = 1; unit <= unitCount; unit++) {
    const sentences = Array.from({ length: 20 }, (_, i) => `第${unit}节第${i + 1}句，韩国对中国的出口额增长了${i}.5%，这是重要的现象[${(i % 62) + 1}]。`);
    units.push(`## ${unit} 小节标题\n\n${sentences.join('')}\n\n| 指标 | 数值 |\n| --- | --- |\n| 出口 | ${unit} |\n`);
  }
  const references = Array.from({ length: 62 }, (_, i) => `[${i + 1}] 作者${i + 1}. 标题[J]. 期刊, 2020.`).join('\n');
  let text = `# 报告\n\n${units.join('\n')}\n## 参考文献\n\n${references}\n`;
  assert.ok(text.length < 1_000_000);
  const fillerCount = Math.ceil((1_000_000 - text.length) / 5);
  text = text.replace('# 报告\n\n', `# 报告\n\n${'填充文字。'.repeat(fillerCount)}\n\n`);
  assert.ok(text.length >= 1_000_000);
  const model = parseDocument(text);
  assert.equal(model.sections.length, unitCount + 2);
  assert.equal(model.citations.length, unitCount * 20);
  assert.equal(model.references!.entries.length, 62);
  assert.equal(model.blocks.filter((b) => b.kind === 'tableCell').length, unitCount * 4);
  assert.equal(model.sentences.filter((s) => s.text === '填充文字。').length, fillerCount);
  assert.equal(model.sentences.length, fillerCount + unitCount * 20 + 1 + (unitCount + 1) + unitCount * 4 + 62 * 3);
});

// A hang fails the test through its timeout; how long each input takes is measured by `npm run fuzz`
// (docs/robustness.md), not asserted here, because wall-clock budgets in unit tests fail on a busy machine.
test('long runs of digits, spaces, brackets and punctuation finish with valid spans', { timeout: 120_000 }, () => {
  const n = 100_000;
  const inputs = [
    '1'.repeat(n),
    `a${' '.repeat(n)}b`,
    '['.repeat(n),
    '[1'.repeat(n / 2),
    '[1,'.repeat(n / 3),
    '('.repeat(n),
    '(Smith '.repeat(n / 7),
    '(Smith, 2020 '.repeat(n / 13),
    '.'.repeat(n),
    '。'.repeat(n),
    '…'.repeat(n),
    '^['.repeat(n / 2),
    '&amp;'.repeat(n / 5),
    '［１'.repeat(n / 2),
    'e.g. '.repeat(n / 5),
    '[1-500]'.repeat(n / 7),
    '> '.repeat(n / 2),
    '- '.repeat(n / 2),
  ];
  for (const input of inputs) {
    checkSpans(parseDocument(input));
  }
});

test('deeply nested containers degrade to plain paragraphs instead of throwing', () => {
  const text = `${'> '.repeat(20_000)}研究[1]。\n\n第二段[2]。`;
  const model = parseDocument(text);
  assert.deepEqual(model.citations.map((c) => [text.slice(c.span.start, c.span.end), c.numbers]), [
    ['[1]', [1]],
    ['[2]', [2]],
  ]);
});
