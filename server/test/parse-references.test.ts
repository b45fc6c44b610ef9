import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../src/engine/parse';
import type { DocumentModel } from '../src/engine/model';

function entries(model: DocumentModel) {
  const text = model.text;
  return model.references!.entries.map((e) => ({
    number: e.number,
    key: e.key,
    kind: e.kind,
    text: e.text,
    source: text.slice(e.span.start, e.span.end),
    label: text.slice(e.labelSpan.start, e.labelSpan.end),
  }));
}

test('bracket-labelled lines in one paragraph, with continuation lines', () => {
  const text = [
    '# 正文',
    '',
    '引用[1]。',
    '',
    '## 参考文献',
    '',
    '[1] 张三. 新质生产力研究[J]. 经济研究, 2024.',
    '［2］李四. 中韩合作[M].',
    '北京: 出版社, 2023.',
    '〔3〕Smith J. Trade[J]. 2020.',
    '',
  ].join('\r\n');
  const model = parseDocument(text);
  const list = model.references!;
  assert.equal(list.section, 1);
  assert.equal(text.slice(list.headingSpan!.start, list.headingSpan!.end), '## 参考文献');
  assert.equal(list.span!.end, text.length);
  assert.deepEqual(entries(model), [
    { number: 1, key: undefined, kind: 'bracket', text: '张三. 新质生产力研究[J]. 经济研究, 2024.', source: '[1] 张三. 新质生产力研究[J]. 经济研究, 2024.', label: '[1]' },
    { number: 2, key: undefined, kind: 'bracket', text: '李四. 中韩合作[M]. 北京: 出版社, 2023.', source: '［2］李四. 中韩合作[M].\r\n北京: 出版社, 2023.', label: '［2］' },
    { number: 3, key: undefined, kind: 'bracket', text: 'Smith J. Trade[J]. 2020.', source: '〔3〕Smith J. Trade[J]. 2020.', label: '〔3〕' },
  ]);
});

test('numbered lines: 1、 2. 3) 4．', () => {
  // "References:" over a setext underline is a level-2 heading with a trailing colon.
  const text = 'References:\n---\n\n1、王五. 报告. 2022.\n2. Smith J. Trade. 2020.\n3) Lee K. Chips. 2021.\n4．赵六. 论文. 2023.\n5.5 million is not a label\n';
  const model = parseDocument(text);
  assert.deepEqual(
    entries(model).map((e) => [e.number, e.kind, e.label, e.text, e.source]),
    [
      [1, 'list', '1、', '王五. 报告. 2022.', '1、王五. 报告. 2022.'],
      [2, 'list', '2.', 'Smith J. Trade. 2020.', '2. Smith J. Trade. 2020.'],
      [3, 'list', '3)', 'Lee K. Chips. 2021.', '3) Lee K. Chips. 2021.'],
      [4, 'list', '4．', '赵六. 论文. 2023. 5.5 million is not a label', '4．赵六. 论文. 2023.\n5.5 million is not a label'],
    ],
  );
});

test('labelled lines lazily continued into a list item are entries of their own', () => {
  const text = '## 参考文献\n\n1. Smith J. Trade.\n2) Lee K. Chips.\n[3] 王五. 报告.\n续行.\n';
  const model = parseDocument(text);
  assert.deepEqual(
    entries(model).map((e) => [e.number, e.kind, e.label, e.text, e.source]),
    [
      [1, 'list', '1.', 'Smith J. Trade.', '1. Smith J. Trade.'],
      [2, 'list', '2)', 'Lee K. Chips.', '2) Lee K. Chips.'],
      [3, 'bracket', '[3]', '王五. 报告. 续行.', '[3] 王五. 报告.\n续行.'],
    ],
  );
});

test('ordered and unordered Markdown lists; a [n] label inside an item overrides the list number', () => {
  const text = [
    '## Bibliography',
    '',
    '3. Smith J. Trade. 2020.',
    '4. Lee K. Chips.',
    '   Seoul, 2021.',
    '5. [9] Park S. Ships. 2019.',
    '',
    '- [10] Kim H. Steel. 2018.',
    '- Choi Y. Cars. 2017.',
  ].join('\n');
  const model = parseDocument(text);
  assert.deepEqual(entries(model), [
    { number: 3, key: undefined, kind: 'list', text: 'Smith J. Trade. 2020.', source: '3. Smith J. Trade. 2020.', label: '3.' },
    { number: 4, key: undefined, kind: 'list', text: 'Lee K. Chips. Seoul, 2021.', source: '4. Lee K. Chips.\n   Seoul, 2021.', label: '4.' },
    { number: 9, key: undefined, kind: 'bracket', text: 'Park S. Ships. 2019.', source: '5. [9] Park S. Ships. 2019.', label: '[9]' },
    { number: 10, key: undefined, kind: 'bracket', text: 'Kim H. Steel. 2018.', source: '- [10] Kim H. Steel. 2018.', label: '[10]' },
    { number: undefined, key: undefined, kind: 'list', text: 'Choi Y. Cars. 2017.', source: '- Choi Y. Cars. 2017.', label: '-' },
  ]);
});

test('reference headings are recognised by title, with numbers and a trailing colon', () => {
  for (const heading of ['# 参考文献', '## 7 参考文献：', '## References', '## REFERENCES:', '## Works Cited', '## 注释', '## Notes', '## 引用文献', '## 参考资料', '## Sources', '## Reference']) {
    const model = parseDocument(`${heading}\n\n[1] 条目.\n`);
    assert.equal(model.references?.entries.length, 1, heading);
    assert.equal(model.references?.section, 0, heading);
  }
  assert.equal(parseDocument('## 参考文献综述\n\n[1] 条目.\n').references, undefined);
  assert.equal(parseDocument('正文[1]。\n').references, undefined);
});

test('a references heading wins over a notes heading', () => {
  const model = parseDocument('## 注释\n\n说明。\n\n## 参考文献\n\n[1] 条目.\n');
  assert.equal(model.references!.section, 1);
  assert.deepEqual(entries(model).map((e) => e.number), [1]);
});

test('footnote definitions anywhere are keyed entries; alone they make a list without a section', () => {
  const text = '正文[^a]与[^注2]。\n\n[^a]: 张三. 标题. 2020.\n\n更多正文。\n\n[^注2]: 李四. 标题.\n    续行.\n';
  const model = parseDocument(text);
  const list = model.references!;
  assert.equal(list.section, -1);
  assert.equal(list.headingSpan, undefined);
  assert.equal(list.span, undefined);
  assert.deepEqual(entries(model), [
    { number: undefined, key: 'a', kind: 'footnote', text: '张三. 标题. 2020.', source: '[^a]: 张三. 标题. 2020.', label: '[^a]:' },
    { number: undefined, key: '注2', kind: 'footnote', text: '李四. 标题. 续行.', source: '[^注2]: 李四. 标题.\n    续行.', label: '[^注2]:' },
  ]);
  assert.deepEqual(model.citations.map((c) => c.keys), [['a'], ['注2']]);
  assert.deepEqual(model.blocks.map((b) => b.inReferences), [false, true, false, true]);
});

test('footnotes and a reference section together, entries in source order', () => {
  const text = '正文[^n][1]。\n\n[^n]: 注释内容。\n\n## 参考文献\n\n[1] 条目一.\n';
  const model = parseDocument(text);
  assert.deepEqual(entries(model).map((e) => [e.kind, e.key ?? e.number]), [
    ['footnote', 'n'],
    ['bracket', 1],
  ]);
  assert.equal(model.references!.section, 0);
});

test('an unlabelled paragraph in the reference section is one entry; headings inside are skipped', () => {
  const text = '# 参考文献\n\n## 中文文献\n\nSmith, J. (2020). Trade and growth.\nJournal of X, 3(2).\n\n[1] 张三.\n';
  const model = parseDocument(text);
  assert.deepEqual(entries(model), [
    { number: undefined, key: undefined, kind: 'list', text: 'Smith, J. (2020). Trade and growth. Journal of X, 3(2).', source: 'Smith, J. (2020). Trade and growth.\nJournal of X, 3(2).', label: '' },
    { number: 1, key: undefined, kind: 'bracket', text: '张三.', source: '[1] 张三.', label: '[1]' },
  ]);
  assert.deepEqual(model.citations, []);
});

test('a thematic break on the first line does not stop footnote definitions from being read', () => {
  for (const text of ['---\n\n正文[^1]。\n\n[^1]: 脚注。\n', '---\r\n\r\n正文[^1]。\r\n\r\n## 参考文献\r\n\r\n[^1]: 脚注。\r\n']) {
    const model = parseDocument(text);
    assert.equal(model.frontMatter, undefined);
    assert.deepEqual(model.references?.entries.map((e) => [e.kind, e.key, e.text]), [['footnote', '1', '脚注。']]);
  }
  const withMatter = parseDocument('---\ntitle: 草稿\n---\n\n正文[^1]。\n\n[^1]: 脚注。\n');
  assert.ok(withMatter.frontMatter);
  assert.deepEqual(withMatter.references?.entries.map((e) => e.key), ['1']);
});
