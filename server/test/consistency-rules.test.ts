// inconsistent-statistic and conflicting-statistic on the fixture drafts (planted contradictions beside
// correct, easily confused pairs) and on the real paper: exact ranges, related ranges and messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultOptions, lintText, parseDocument } from '../src/engine';
import type { EngineOptions, Finding } from '../src/engine';
import { analyzeConsistency } from '../src/engine/consistency';

const ROOT = join(__dirname, '..', '..');
const RULES = ['inconsistent-statistic', 'conflicting-statistic'];
const en: EngineOptions = { ...defaultOptions, locale: 'en' };
const zh: EngineOptions = { ...defaultOptions, locale: 'zh-CN' };

const fixture = (name: string): string => readFileSync(join(ROOT, 'test', 'fixtures', 'consistency', name), 'utf8');
const paper = (): string => readFileSync(join(ROOT, 'test', 'fixtures', 'paper.md'), 'utf8');
const lineOf = (text: string, offset: number): number => text.slice(0, offset).split(/\r\n|\n|\r/).length;

function found(text: string, options: EngineOptions = en): Finding[] {
  return lintText(text, options).findings.filter((f) => RULES.includes(f.rule));
}

/** rule @line "range" ← "related" "related", one string per finding. */
function summary(text: string, options: EngineOptions = en): string[] {
  return found(text, options).map((f) => {
    const related = f.related.map((r) => `"${text.slice(r.span.start, r.span.end)}"@${lineOf(text, r.span.start)}`).join(' ');
    return `${f.rule} @${lineOf(text, f.span.start)} "${text.slice(f.span.start, f.span.end)}" ← ${related}`;
  });
}

test('the Chinese fixture: every planted contradiction but the synonym is found, on the right figure', () => {
  assert.deepEqual(summary(fixture('zh.md')), [
    'inconsistent-statistic @21 "减少了12.5%" ← "1 558.1亿美元"@21 "1 248亿美元"@21',
    'inconsistent-statistic @25 "减少了约40%" ← "2.0万人"@25 "1.5万人"@25',
    'inconsistent-statistic @29 "同比增加24.3%" ← "45亿美元"@29 "50亿美元"@29',
    'conflicting-statistic @37 "约40%" ← "约60%"@33',
    'inconsistent-statistic @39 "25%" ← "45%"@39 "38%"@39',
    'inconsistent-statistic @45 "下降了5%" ← "55%"@45 "50%"@45',
    'inconsistent-statistic @47 "下降了1.4个百分点" ← "26.3%"@47 "27.7%"@47',
    'inconsistent-statistic @49 "提高了10个百分点" ← "25.0%"@49 "27.5%"@49',
    'conflicting-statistic @57 "第30名" ← "第34名"@55',
    'inconsistent-statistic @67 "24.9亿韩元" ← "24.9万亿韩元"@65',
  ]);
});

test('the English fixture: every planted contradiction but the synonym is found, on the right figure', () => {
  assert.deepEqual(summary(fixture('en.md')), [
    'conflicting-statistic @15 "5.21%" ← "4.9%"@7',
    'inconsistent-statistic @19 "an increase of 0.50%" ← "2.50%"@19 "3.00%"@19',
    'inconsistent-statistic @25 "a decline of 8.3%" ← "$61.0 billion"@25 "$53.5 billion"@25',
    'inconsistent-statistic @29 "up 33%" ← "2,400"@29 "3,600"@29',
    'inconsistent-statistic @31 "25%" ← "45%"@31 "38%"@31',
    'inconsistent-statistic @39 "$155.8 million" ← "$155.8 billion"@35',
    'conflicting-statistic @51 "28th" ← "34th"@43',
  ]);
});

test('no finding sits on a line marked as a confuser, and every finding sits on a planted line', () => {
  for (const name of ['zh.md', 'en.md']) {
    const text = fixture(name);
    const lines = text.split('\n');
    for (const finding of found(text)) {
      const line = lines[lineOf(text, finding.span.start) - 1]!;
      assert.ok(line.includes(`expect: ${finding.rule}`), `${name}: unplanted finding on "${line}"`);
      assert.ok(!line.includes('confuser'), `${name}: finding on a confuser line "${line}"`);
    }
    const confusers = lines.filter((l) => l.includes('confuser')).length;
    assert.ok(confusers >= 6, `${name} keeps its confusers (${confusers})`);
  }
});

test('messages show the numbers side by side and the arithmetic, in both languages', () => {
  const change = '2023年韩国对华出口额1 248亿美元，比前一年的1 558.1亿美元减少了12.5%。';
  const [cn] = found(change, zh);
  assert.equal(cn!.message, '变化幅度与数值不符：由1 558.1亿美元到1 248亿美元，(1 248亿美元 − 1 558.1亿美元) / 1 558.1亿美元 = −19.9%，而文中为“减少了12.5%”。');
  assert.deepEqual(cn!.related.map((r) => r.message), ['变化前的数值：“1 558.1亿美元”', '变化后的数值：“1 248亿美元”']);
  const [english] = found(change, en);
  assert.equal(english!.message, 'Change does not add up: from 1 558.1亿美元 to 1 248亿美元 is (1 248亿美元 − 1 558.1亿美元) / 1 558.1亿美元 = −19.9%, but the text says "减少了12.5%".');

  const points = '韩国制造业增加值占GDP的比重从2020年的25.0%升至2022年的27.5%，提高了10个百分点。';
  assert.equal(found(points, zh)[0]!.message, '“个百分点”疑为相对变化：由25.0%到27.5%，27.5% − 25.0% = +2.5个百分点，而文中为“提高了10个百分点”，与相对变化(27.5% − 25.0%) / 25.0% = +10%相符。');
  const percent = "Japan's R&D intensity rose from 2.50% in 2021 to 3.00% in 2022, an increase of 0.50%.";
  assert.equal(found(percent)[0]!.message, 'A relative change where percentage points were meant: from 2.50% to 3.00% is (3.00% − 2.50%) / 2.50% = +20%, but the text says "an increase of 0.50%", which is the difference 3.00% − 2.50% = +0.5 percentage points.');

  const shares = '2022年，美国、中国和日本分别占韩国显示面板出口额的45%、38%和25%。';
  assert.equal(found(shares, zh)[0]!.message, '同一总体的各部分占比之和超过100%：45% + 38% + 25% = 108%。');
  assert.equal(found(shares, en)[0]!.message, 'Shares of one whole add up to more than 100%: 45% + 38% + 25% = 108%.');

  const ranks = 'In 2023 Korea ranked 34th in talent competitiveness.\n\nIn 2023 Korea ranked 28th in talent competitiveness.\n';
  assert.equal(found(ranks)[0]!.message, 'Conflicting ranks on the talent competitiveness ranking (Korea, 2023): "28th" here, but "34th" on line 1; one list cannot rank it both ways.');
  assert.equal(found(ranks, zh)[0]!.related[0]!.message, '另一处数据：“34th”');

  const slip = '2022年三星电子的研发投入为24.9万亿韩元。\n\n2022年三星电子的研发投入为24.9亿韩元。\n';
  assert.equal(found(slip, zh)[0]!.message, '同一数据数量级不一致：三星（2022年）此处为“24.9亿韩元”，第1行为“24.9万亿韩元”，相差10000倍，疑为“万”“亿”等单位之误。');
});

test('arithmetic is a warning, a cross-reference conflict is information, and each can be turned off', () => {
  const text = '2022年韩国研发经费投入强度为4.9%。\n\n2022年韩国研发经费投入强度为5.2%。\n\n出口额从2021年的100亿美元降至2022年的80亿美元，下降了25%。\n';
  assert.deepEqual(found(text).map((f) => `${f.rule}:${f.severity}`), ['conflicting-statistic:information', 'inconsistent-statistic:warning']);
  const off: EngineOptions = { ...en, rules: { 'conflicting-statistic': 'off' } };
  assert.deepEqual(found(text, off).map((f) => f.rule), ['inconsistent-statistic']);
});

test('a figure right within the precision it was written to is never flagged; one step outside is', () => {
  const change = (stated: string): string[] => summary(`2022年韩国对华出口额1 558.1亿美元，比前一年的1 629.1亿美元减少了${stated}。`);
  assert.deepEqual(change('4.4%'), []);
  assert.deepEqual(change('4%'), []);
  assert.deepEqual(change('4.36%'), []);
  assert.equal(change('4.5%').length, 1);
  assert.equal(change('4.30%').length, 1);
  const people = (stated: string): string[] => summary(`员工人数从2016年的4.50万人减少到2021年底的约1.78万人，减少了${stated}。`);
  assert.deepEqual(people('约60%'), []);
  assert.deepEqual(people('60.4%'), []);
  assert.equal(people('50%').length, 1);
  assert.equal(summary('员工人数从2016年的4.50万人增加到2021年底的约1.78万人，增加了约60%。').length, 1, 'a rise stated for a fall');
});

test('easily confused pairs are not conflicts: other entities, years, lists, share versus amount, 约 within rounding', () => {
  const clean = [
    '2022年韩国研发经费投入强度为4.9%。\n\n2022年中国研发经费投入强度为2.54%。\n',
    '2022年韩国研发经费投入强度为4.9%。\n\n2021年韩国研发经费投入强度为5.2%。\n',
    '2023年韩国的人才竞争力排名第34名，数字竞争力排名第6名。\n',
    '2022年韩国对中国的半导体出口额为795亿美元。\n\n2022年韩国对中国的半导体出口额占半导体总出口额的61.5%。\n',
    '2022年韩国半导体总出口额中约60%来自中国。\n\n2022年韩国半导体总出口额中61.5%来自中国。\n',
    '2022年韩国研发经费投入强度为5.2%。\n\n2022年韩国研发经费投入强度为5.21%。\n',
    '韩国研发经费投入强度从2021年的4.9%升至2022年的5.2%。\n',
    '2022年韩国的比例为30%。\n\n2022年韩国的比例为40%。\n',
    '欧盟计划到2030年在内部生产至少10%的关键原材料。\n\n欧盟计划到2030年在内部生产至少40%的关键原材料。\n',
    '2024年4月，韩国对美国半导体的出口额同比增加24.3%，为114亿美元；对华半导体出口额同比增加9.9%，为105亿美元。\n',
    '2022年，美国、中国和日本分别占韩国电池出口额的35%、38%和25%。\n',
    '2022年韩国出口额中约55%来自中国，其中约60%为存储芯片。\n',
    '2022年韩国半导体出口额为1 292亿美元，占韩国出口总额的18.9%。\n\n2022年韩国汽车出口额为541亿美元，占韩国出口总额的7.9%。\n',
  ];
  for (const text of clean) assert.deepEqual(summary(text), [], text);
  // The same pairs with the confusing difference removed are flagged, so the checks above can fail.
  assert.equal(summary('2022年韩国研发经费投入强度为4.9%。\n\n2022年韩国研发经费投入强度为5.2%。\n').length, 1);
  assert.equal(summary('2022年韩国半导体总出口额中约60%来自中国。\n\n2022年韩国半导体总出口额中66%来自中国。\n').length, 1);
  assert.equal(summary('2022年，美国、中国和日本分别占韩国电池出口额的45%、38%和25%。\n').length, 1);
});

test('the paper: one true conflict (约55% against 34%以上) and both stated changes checked and consistent', () => {
  const text = paper();
  assert.deepEqual(summary(text), ['conflicting-statistic @78 "34%以上" ← "约55%"@26']);
  const [finding] = found(text, zh);
  assert.equal(finding!.message, '同一数据前后不一致：中国、韩国（2022年）的半导体总出口额中的占比此处为“34%以上”，而第26行为“约55%”，二者不能同时成立。');
  assert.equal(found(text, en)[0]!.message, 'Conflicting figures for the share of 半导体总出口额 (China, Korea, 2022年): "34%以上" here, but "约55%" on line 26; the two cannot both hold.');
  const analysis = analyzeConsistency(parseDocument(text));
  // (1629.1 − 1558.1) / 1629.1 = 4.36% ≈ 4.4%; (4.50 − 1.78) / 4.50 = 60.4% ≈ 约60%.
  assert.deepEqual(analysis.verifiedChanges.map((f) => f.mention.raw), ['4.4%', '约60%']);
  assert.deepEqual(analysis.arithmetic, []);
});

test('CRLF text gives the findings of the LF text at the same lines', () => {
  const text = fixture('zh.md');
  const crlf = text.replace(/\n/g, '\r\n');
  assert.deepEqual(summary(crlf), summary(text));
});

// Hangs fail through the test timeouts; speed is measured by `npm run bench`, not asserted in unit tests.
test('many figures under one key: each conflicting repeat is reported once, against a kept value', { timeout: 120_000 }, () => {
  const same = '2022年韩国研发经费投入强度为4.9%。\n\n'.repeat(3000);
  const text = `${same}2022年韩国研发经费投入强度为5.2%。\n\n${same}`;
  const result = found(text);
  assert.deepEqual(result.map((f) => text.slice(f.span.start, f.span.end)), ['5.2%']);
});

test('adversarial sentences finish: long runs, deep brackets, thousands of figures and dates in one clause', { timeout: 120_000 }, () => {
  const n = 100_000;
  const inputs = [
    `韩国5%${' '.repeat(n)}x 6%。`,
    `${'（'.repeat(n / 2)}韩国5%${'）'.repeat(n / 2)}`,
    '韩国出口额5%，'.repeat(n / 8),
    '2022年韩国5%'.repeat(n / 9),
    `from 5% ${'1'.repeat(n)} to 6%, up 3%.`,
    '占45%、'.repeat(n / 5),
    `韩国${'的'.repeat(n)}5%。`,
  ];
  for (const input of inputs) {
    const model = parseDocument(input);
    // Every fact read lies inside its sentence and has a well-formed interval.
    for (const fact of analyzeConsistency(model).facts) {
      assert.ok(fact.mention.start >= 0 && fact.mention.start <= fact.mention.end && fact.mention.end <= fact.sentence.text.length);
      assert.ok(fact.low <= fact.high, `${fact.mention.raw}: ${fact.low} > ${fact.high}`);
    }
  }
});

test('a change that names another indicator is not checked against the values beside it', () => {
  const paperLike = '2020年韩国对中国存储芯片的出口额较2018年减少了29.1%，同时韩国智能手机品牌在中国的份额从2015年的7.6%骤降至2019年的不足1%。';
  assert.deepEqual(summary(paperLike), []);
  assert.deepEqual(summary('出口额下降了5%，份额从2015年的7.6%降至2019年的1%。'), []);
  assert.deepEqual(summary('韩国出口额占比从2020年的30%升至2022年的40%，提高了10个百分点。'), []);
  assert.equal(summary("Exports fell by 14.4%, from $162.9 billion in 2021 to $155.8 billion in 2022.").length, 1);
  assert.deepEqual(summary("Exports fell by 4.4%, from $162.9 billion in 2021 to $155.8 billion in 2022."), []);
});

test('the same digits at another scale are a slip only for the same indicator', () => {
  assert.deepEqual(summary('2022年三星电子的研发投入为10万亿韩元。\n\n2022年三星电子的慈善捐款为10亿韩元。\n'), []);
  assert.equal(summary('2022年三星电子的研发投入为10万亿韩元。\n\n2022年三星电子的研发投入为10亿韩元。\n').length, 1);
});
