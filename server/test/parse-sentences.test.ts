import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clauses, parseDocument, splitSentences } from '../src/engine/parse';

const sentencesOf = (prose: string): string[] => splitSentences(prose).map(([start, end]) => prose.slice(start, end));

test('Chinese sentences end at 。！？ and a closing ……', () => {
  assert.deepEqual(sentencesOf('第一句。第二句！第三句？第四句……'), ['第一句。', '第二句！', '第三句？', '第四句……']);
  assert.deepEqual(sentencesOf('科技、人才……等领域继续推进。'), ['科技、人才……等领域继续推进。']);
  assert.deepEqual(sentencesOf('真的吗？！当然。'), ['真的吗？！', '当然。']);
});

test('closing quotes and brackets stay with their sentence', () => {
  assert.deepEqual(sentencesOf('他说：“要加快发展。”随后散会。'), ['他说：“要加快发展。”', '随后散会。']);
  assert.deepEqual(sentencesOf('（见附件。）另见表2。'), ['（见附件。）', '另见表2。']);
  assert.deepEqual(sentencesOf('《规划》指出：「坚持创新。」下一步？'), ['《规划》指出：「坚持创新。」', '下一步？']);
  assert.deepEqual(sentencesOf('He said "Go." Then left.'), ['He said "Go."', 'Then left.']);
  assert.deepEqual(sentencesOf("It was 'done.' Next (really.) End."), ["It was 'done.'", 'Next (really.)', 'End.']);
});

test('a citation marker written after the terminator belongs to the sentence before it', () => {
  assert.deepEqual(sentencesOf('占比34%以上。[31]然而并非不可替代。[32][33]最后。'), [
    '占比34%以上。[31]',
    '然而并非不可替代。[32][33]',
    '最后。',
  ]);
  assert.deepEqual(sentencesOf('Growth slowed.[1, 2] Exports fell.^[3]^ Done.'), [
    'Growth slowed.[1, 2]',
    'Exports fell.^[3]^',
    'Done.',
  ]);
  assert.deepEqual(sentencesOf('结论。[^note]后文。［１］末句'), ['结论。[^note]', '后文。［１］', '末句']);
});

test('English sentences end at . ! ? followed by whitespace or the end', () => {
  assert.deepEqual(sentencesOf('Trade grew. Did it? Yes!'), ['Trade grew.', 'Did it?', 'Yes!']);
  assert.deepEqual(sentencesOf('See www.example.com for details.'), ['See www.example.com for details.']);
});

test('abbreviations, initials, decimals and numbered labels do not end a sentence', () => {
  const cases: [string, string[]][] = [
    ['Large economies, e.g. China, grew. Others, i.e. the rest, did not.', ['Large economies, e.g. China, grew.', 'Others, i.e. the rest, did not.']],
    ['The U.S. and the U.K. signed it. Then others.', ['The U.S. and the U.K. signed it.', 'Then others.']],
    ['Smith et al. found it. So did Lee.', ['Smith et al. found it.', 'So did Lee.']],
    ['See Fig. 2 and Figs. 3 and 4. Also No. 5 vs. No. 6.', ['See Fig. 2 and Figs. 3 and 4.', 'Also No. 5 vs. No. 6.']],
    ['Dr. Kim met Mr. Lee, Mrs. Park and Ms. Choi. Done.', ['Dr. Kim met Mr. Lee, Mrs. Park and Ms. Choi.', 'Done.']],
    ['Samsung Inc. and LG Co. and X Ltd. merged. Apples, pears, etc. are fruit.', ['Samsung Inc. and LG Co. and X Ltd. merged.', 'Apples, pears, etc. are fruit.']],
    ['It was signed in Jan. 2020 and Dec. 2021. See p. 4 and pp. 5-6, Vol. 2, cf. ibid.', ['It was signed in Jan. 2020 and Dec. 2021.', 'See p. 4 and pp. 5-6, Vol. 2, cf. ibid.']],
    ['J. Smith and K. L. Jones wrote it. Fine.', ['J. Smith and K. L. Jones wrote it.', 'Fine.']],
    ['Pi is 3.14 today. Section 4.1 covers it.', ['Pi is 3.14 today.', 'Section 4.1 covers it.']],
    ['韩国GDP增长3.5%，见4.1节。完。', ['韩国GDP增长3.5%，见4.1节。', '完。']],
  ];
  for (const [input, expected] of cases) assert.deepEqual(sentencesOf(input), expected, input);
});

test('"no." is only an abbreviation before a number', () => {
  assert.deepEqual(sentencesOf('The answer is no. Next question.'), ['The answer is no.', 'Next question.']);
});

test('mixed Chinese and English paragraphs', () => {
  assert.deepEqual(sentencesOf('中韩合作加深。This is new. 随后转向竞争。'), ['中韩合作加深。', 'This is new.', '随后转向竞争。']);
});

test('a block without a terminator is one sentence; whitespace is trimmed; placeholders alone are not sentences', () => {
  assert.deepEqual(sentencesOf('  没有句号的标题  '), ['没有句号的标题']);
  assert.deepEqual(sentencesOf('\uFFFC'), []);
  assert.deepEqual(sentencesOf(''), []);
});

test('a line break after Chinese text ends the line as a sentence; English hard wraps do not', () => {
  assert.deepEqual(sentencesOf('0  引言\n新一轮科技革命正在推进。'), ['0  引言', '新一轮科技革命正在推进。']);
  assert.deepEqual(sentencesOf('关键词：合作；创新\n中图分类号：F213'), ['关键词：合作；创新', '中图分类号：F213']);
  assert.deepEqual(sentencesOf('领域研究[3]\n下一行'), ['领域研究[3]', '下一行']);
  assert.deepEqual(sentencesOf('科技合作，\n继续推进。'), ['科技合作，\n继续推进。']);
  assert.deepEqual(sentencesOf('The trade volume\nrose sharply.'), ['The trade volume\nrose sharply.']);
});

test('sentence spans are exact source spans, through markup', () => {
  const text = '# 标题\n\n第一句**强调。**第二句[1]。\n\n> Quote one. Quote *two*.';
  const model = parseDocument(text);
  assert.deepEqual(
    model.sentences.map((s) => [s.block, s.text, text.slice(s.span.start, s.span.end)]),
    [
      [0, '标题', '标题'],
      [1, '第一句强调。', '第一句**强调。'],
      [1, '第二句[1]。', '第二句[1]。'],
      [2, 'Quote one.', 'Quote one.'],
      [2, 'Quote two.', 'Quote *two*.'],
    ],
  );
  for (const sentence of model.sentences) {
    assert.equal(model.blocks[sentence.block]!.text.slice(sentence.proseStart, sentence.proseEnd), sentence.text);
  }
});

test('clauses split at semicolons outside brackets', () => {
  const sentence = '美国支持锂的开采[32]；欧盟计划生产（Smith, 2020; Lee, 2021）；瑞典发现矿床[34]。';
  const parts = clauses(sentence).map(([start, end]) => sentence.slice(start, end));
  assert.deepEqual(parts, ['美国支持锂的开采[32]', '欧盟计划生产（Smith, 2020; Lee, 2021）', '瑞典发现矿床[34]。']);
  assert.deepEqual(clauses('a; b ;c'), [[0, 1], [3, 4], [6, 7]]);
  assert.deepEqual(clauses('无分号。'), [[0, 4]]);
  assert.deepEqual(clauses('[@a; @b] 有引文。'), [[0, 13]]);
});
