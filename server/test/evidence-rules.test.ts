import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument, codeActions, defaultOptions, lintText, parseDocument } from '../src/engine';
import type { EngineOptions, Finding, TextEditSpan } from '../src/engine';

const zh: EngineOptions = { ...defaultOptions, locale: 'zh-CN' };

function findings(text: string, rule: string, options: EngineOptions = defaultOptions): string[] {
  return lintText(text, options).findings.filter((f) => f.rule === rule).map((f) => text.slice(f.span.start, f.span.end));
}

function apply(text: string, edits: readonly TextEditSpan[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

const list = '\n\n## 参考文献\n\n[1] 王明. 数字经济[J]. 经济研究, 2022(3): 4-20.\n';

test('a statistic without a citation is flagged on the number itself; with one it is not', () => {
  const text = `2022年韩国半导体总出口额中约55%来自中国。对华出口额为105亿美元[1]。${list}`;
  assert.deepEqual(findings(text, 'unsourced-statistic'), ['约55%']);
});

test('years, dates, figure numbers and names with numbers are never statistics', () => {
  const text = '2023年9月7日，如图1所示，5G与GPT-4在二十大之后受到关注，第二个百年奋斗目标更加明确。';
  assert.deepEqual(findings(text, 'unsourced-statistic'), []);
});

test('the message names the number, its kind and the scope, in both languages', () => {
  const text = '韩国排名第43位。';
  const [en] = lintText(text, defaultOptions).findings.filter((f) => f.rule === 'unsourced-statistic');
  assert.equal(en!.message, 'Statistic without a source: "第43位" (a rank) has no citation in its sentence.');
  const [cn] = lintText(text, zh).findings.filter((f) => f.rule === 'unsourced-statistic');
  assert.equal(cn!.message, '数据缺少来源：“第43位”（排名）所在的句子没有引用标注。');
});

test('citation scope: clause narrows, paragraph widens what a marker covers', () => {
  const text = `出口额增加24.3%，创下历史新高；进口额增加9.9%[1]。另一句提到38%的份额。${list}`;
  assert.deepEqual(findings(text, 'unsourced-statistic'), ['38%']);
  assert.deepEqual(findings(text, 'unsourced-statistic', { ...defaultOptions, citationScope: 'clause' }), ['24.3%', '38%']);
  assert.deepEqual(findings(text, 'unsourced-statistic', { ...defaultOptions, citationScope: 'paragraph' }), []);
});

test('an inline source or a link sources a statistic', () => {
  assert.deepEqual(findings('出口额增加24.3%（资料来源：韩国贸易协会）。', 'unsourced-statistic'), []);
  assert.deepEqual(findings('Exports rose 24.3% ([KITA](https://example.org/kita)).', 'unsourced-statistic'), []);
  assert.deepEqual(findings('Exports rose 24.3%. Source: KITA.', 'unsourced-statistic'), ['24.3%']);
});

test('a table is sourced by a caption or a note that names a source', () => {
  const table = '| 国家 | 研发强度 |\n|---|---|\n| 韩国 | 5.21% |\n| 中国 | 2.54% |\n';
  assert.deepEqual(findings(`表1 研发强度比较\n\n${table}`, 'unsourced-statistic'), ['5.21%', '2.54%']);
  assert.deepEqual(findings(`表1 研发强度比较[1]\n\n${table}${list}`, 'unsourced-statistic'), []);
  assert.deepEqual(findings(`表1 研发强度比较\n\n${table}\n资料来源：OECD 数据库。\n`, 'unsourced-statistic'), []);
});

test('summary sections, headings and the reference list are exempt', () => {
  const text = `## 摘要\n\n出口额增加24.3%。\n\n## 2 出口增加24.3%的原因\n\n正文。\n\n## 参考文献\n\n[1] 统计年鉴2023, 第5卷, 共300页.\n`;
  assert.deepEqual(findings(text, 'unsourced-statistic'), []);
  assert.deepEqual(findings(text, 'unsourced-statistic', { ...defaultOptions, exemptSections: [] }), ['24.3%']);
});

test('uncited claims are flagged on their cue; cited ones and recommendations are not', () => {
  const text = `2023年4月，韩国总统访问美国。党的二十大报告指出，必须坚持创新[1]。中国应加强合作。有人认为合作已到顶峰。${list}`;
  assert.deepEqual(findings(text, 'uncited-claim'), ['2023年4月，韩国总统访问', '有人认为']);
});

test('a sentence with an unsourced statistic is reported once, by unsourced-statistic', () => {
  const text = '据统计，去年出口额增加24.3%。';
  assert.deepEqual(findings(text, 'unsourced-statistic'), ['24.3%']);
  assert.deepEqual(findings(text, 'uncited-claim'), []);
});

function onlyFinding(text: string, rule: string): { finding: Finding; model: ReturnType<typeof parseDocument> } {
  const model = parseDocument(text);
  const found = checkDocument(model, zh).filter((f) => f.rule === rule);
  assert.equal(found.length, 1, `${rule}: ${found.map((f) => f.message).join('; ')}`);
  return { finding: found[0]!, model };
}

test('the add-citation fix inserts [n] before the full stop and a stub entry in the list', () => {
  const text = `出口额增加24.3%。其他内容[1]。${list}`;
  const { finding, model } = onlyFinding(text, 'unsourced-statistic');
  const fixes = codeActions(model, [finding], finding.span, zh).filter((f) => f.kind === 'quickfix');
  assert.equal(fixes[0]!.title, '添加引用 [2] 并在参考文献中补充条目');
  assert.equal(fixes[0]!.preferred, true);
  const fixed = apply(text, fixes[0]!.edits);
  assert.ok(fixed.startsWith('出口额增加24.3%[2]。'));
  assert.match(fixed, /\n\[2\] 待补充：作者\. 题名\[J\]/);
  assert.equal(fixed.slice(fixes[0]!.cursor!, fixes[0]!.cursor! + 3), '待补充');
  assert.deepEqual(findings(fixed, 'unsourced-statistic', zh), []);
  assert.deepEqual(findings(fixed, 'dangling-citation', zh), []);
});

test('the add-citation fix creates a reference list when the draft has none', () => {
  const text = 'Exports rose by 24.3% in 2022.\n';
  const { finding, model } = onlyFinding(text, 'unsourced-statistic');
  const [fix] = codeActions(model, [finding], finding.span, defaultOptions);
  const fixed = apply(text, fix!.edits);
  assert.equal(fixed, 'Exports rose by 24.3% in 2022[1].\n\n## References\n\n[1] TODO: Author. Title. Publisher, Year.\n');
  assert.deepEqual(lintText(fixed, defaultOptions).findings.map((f) => f.rule), []);
});

test('citing an existing entry and disabling for the line both clear the finding', () => {
  const text = `2023年4月，韩国总统访问美国。${list}`;
  const { finding, model } = onlyFinding(text, 'uncited-claim');
  const fixes = codeActions(model, [finding], finding.span, zh);
  const cite = fixes.find((f) => f.title.startsWith('引用 [1]'))!;
  const cited = apply(text, cite.edits);
  assert.ok(cited.startsWith('2023年4月，韩国总统访问美国[1]。'));
  assert.deepEqual(findings(cited, 'uncited-claim', zh), []);
  const disable = fixes.find((f) => f.title === '在本行停用 uncited-claim')!;
  const silenced = apply(text, disable.edits);
  assert.ok(silenced.startsWith('2023年4月，韩国总统访问美国。 <!-- policylint-disable-line uncited-claim -->\n'));
  assert.deepEqual(findings(silenced, 'uncited-claim', zh), []);
  const file = fixes.find((f) => f.title === '在本文件中停用 uncited-claim')!;
  assert.deepEqual(findings(apply(text, file.edits), 'uncited-claim', zh), []);
});

test('vague and relative quantities are statistics too', () => {
  const cases: [string, string][] = [
    ['Training a model can cost tens of millions of dollars.', 'tens of millions'],
    ['The line has ordered two dozen ships.', 'two dozen'],
    ['One in three planned projects has stalled.', 'One in three'],
    ['Several mines closed after prices halved.', 'halved'],
    ['Exports fell to zero in the following month.', 'fell to zero'],
    ['海运成本是管道输氢的数倍。', '数倍'],
    ['出口额五年翻了一番。', '翻了一番'],
    ['建成全国首个万吨级光伏绿氢示范项目。', '万吨级'],
  ];
  for (const [text, number] of cases) assert.deepEqual(findings(text, 'unsourced-statistic'), [number], text);
  // A year inside "one in 2022" is not "one in N"; "one of the two" is not a share.
  assert.deepEqual(findings('It was one of the two largest deals.', 'unsourced-statistic'), []);
});
