import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../src/engine/parse';
import { analyzeStructure } from '../src/engine/structure';
import { unansweredChallenge } from '../src/engine/rules/unanswered-challenge';
import { orphanCountermeasure } from '../src/engine/rules/orphan-countermeasure';
import type { RuleContext, TextEditSpan } from '../src/engine/finding';

const paper = readFileSync(join(__dirname, '../../test/fixtures/paper.md'), 'utf8');
const en: RuleContext = { locale: 'en', options: {} };

function check(text: string) {
  const model = parseDocument(text);
  return {
    model,
    unanswered: unansweredChallenge.check(model, en).map((f) => text.slice(f.span.start, f.span.end)),
    orphans: orphanCountermeasure.check(model, en).map((f) => text.slice(f.span.start, f.span.end)),
  };
}

/** The paper's section 5.n from its heading to the next heading of depth ≤ 3. */
function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(heading);
  assert.ok(start >= 0, `missing ${heading}`);
  const rest = text.slice(start + heading.length);
  const next = rest.search(/\n#{1,3} /);
  return text.slice(start, start + heading.length + (next < 0 ? rest.length : next + 1));
}

const countermeasureHeadings = ['### 5.1 ', '### 5.2 ', '### 5.3 '];
const challengeFor: Record<string, string> = { '### 5.1 ': '4.1 内生挑战', '### 5.2 ': '4.2 核心挑战', '### 5.3 ': '4.3 外源挑战' };

test('the paper itself: three challenges, three countermeasures, paired by tier, no finding', () => {
  const { model, unanswered, orphans } = check(paper);
  const analysis = analyzeStructure(model);
  assert.deepEqual(analysis.challenges.map((u) => u.number), ['4.1', '4.2', '4.3']);
  assert.deepEqual(analysis.countermeasures.map((u) => u.number), ['5.1', '5.2', '5.3']);
  assert.deepEqual(
    analysis.pairs.map((p) => [analysis.challenges[p.challenge]!.number, analysis.countermeasures[p.countermeasure]!.number]),
    [['4.1', '5.1'], ['4.2', '5.2'], ['4.3', '5.3']],
  );
  assert.deepEqual(unanswered, []);
  assert.deepEqual(orphans, []);
});

for (const removed of countermeasureHeadings) {
  test(`deleting countermeasure ${removed.trim()} flags exactly ${challengeFor[removed]}`, () => {
    const text = paper.replace(sectionOf(paper, removed), '');
    const { unanswered, orphans } = check(text);
    assert.equal(unanswered.length, 1);
    assert.ok(unanswered[0]!.includes(challengeFor[removed]!), unanswered[0]);
    assert.deepEqual(orphans, []);
  });

  test(`deleting ${removed.trim()} after reordering and renumbering the countermeasures still flags ${challengeFor[removed]}`, () => {
    const [a, b, c] = countermeasureHeadings.map((h) => sectionOf(paper, h));
    const reordered = paper.replace(a! + b! + c!, c!.replace('### 5.3 ', '### 5.1 ') + a!.replace('### 5.1 ', '### 5.2 ') + b!.replace('### 5.2 ', '### 5.3 '));
    assert.notEqual(reordered, paper);
    assert.deepEqual(check(reordered).unanswered, [], 'reordering alone changes nothing');
    // The section that used to be `removed`, under its new number.
    const renamed = { '### 5.1 ': '### 5.2 ', '### 5.2 ': '### 5.3 ', '### 5.3 ': '### 5.1 ' }[removed]!;
    const text = reordered.replace(sectionOf(reordered, renamed), '');
    const { unanswered } = check(text);
    assert.equal(unanswered.length, 1);
    assert.ok(unanswered[0]!.includes(challengeFor[removed]!), unanswered[0]);
  });

  test(`without tier words in the headings, content similarity still finds the answer to ${challengeFor[removed]}`, () => {
    // Strip the tier names from every heading so only the sections' content can decide.
    const stripped = paper
      .replace(/(### 4\.\d )(?:内生|核心|外源)挑战：/g, '$1')
      .replace(/(### 5\.\d )新质生产力(?:内生发展环境|核心竞争力|外源发展动力)：/g, '$1');
    const { model, unanswered } = check(stripped);
    assert.deepEqual(unanswered, []);
    const analysis = analyzeStructure(model);
    assert.ok(analysis.pairs.every((p) => analysis.challenges[p.challenge]!.number!.slice(2) === analysis.countermeasures[p.countermeasure]!.number!.slice(2)));
    const text = stripped.replace(sectionOf(stripped, removed), '');
    const after = check(text).unanswered;
    assert.equal(after.length, 1);
    assert.ok(after[0]!.startsWith(`### ${challengeFor[removed]!.slice(0, 3)}`), after[0]);
  });
}

test('a related-information entry points at the closest countermeasures with their scores', () => {
  const text = paper.replace(sectionOf(paper, '### 5.2 '), '');
  const model = parseDocument(text);
  const [finding] = unansweredChallenge.check(model, en);
  assert.ok(finding);
  assert.ok(finding.related.length >= 1);
  assert.match(finding.related[0]!.message, /similarity 0\.\d\d/);
  assert.match(text.slice(finding.related[0]!.span.start, finding.related[0]!.span.end), /^### 5\.\d /);
});

test('a draft with challenges but no countermeasure part gets one finding on the challenge part', () => {
  const text = ['# 稿件', '', '## 三、面临的挑战', '', '### （一）政策挑战', '', '政策支撑不足。', '', '### （二）产业挑战', '', '产业发展较难。', ''].join('\n');
  const model = parseDocument(text);
  const findings = unansweredChallenge.check(model, en);
  assert.equal(findings.length, 1);
  assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), '## 三、面临的挑战');
  assert.match(findings[0]!.message, /2 challenge/);
});

test('enumerated items inside a part without sub-headings are units, matched by content', () => {
  const text = [
    '## 主要挑战',
    '',
    '一是人才流失严重，高端芯片工程师大量流向海外企业。',
    '',
    '二是出口管制收紧，先进光刻设备无法进口。',
    '',
    '## 对策建议',
    '',
    '一是放宽出口管制的应对：拓展光刻设备进口的替代渠道，与多国签订设备进口协议。',
    '',
  ].join('\n');
  const { unanswered, orphans } = check(text);
  assert.equal(unanswered.length, 1);
  assert.ok(unanswered[0]!.startsWith('一是人才流失'), unanswered[0]);
  assert.deepEqual(orphans, []);
});

test('an explicit cross-reference (针对4.2) decides over tier and content', () => {
  const text = [
    '## 4 挑战',
    '',
    '### 4.1 内生挑战：政策',
    '',
    '政策法规不够细化。',
    '',
    '### 4.2 核心挑战：产业',
    '',
    '产业话语权不足。',
    '',
    '## 5 对策',
    '',
    '### 5.1 对策一',
    '',
    '针对4.2，完善政策法规，细化实施细则。',
    '',
  ].join('\n');
  const { model, unanswered } = check(text);
  const analysis = analyzeStructure(model);
  assert.deepEqual(analysis.pairs.map((p) => [p.challenge, p.countermeasure, p.evidence]), [[1, 0, 'explicit']]);
  assert.equal(unanswered.length, 1);
  assert.ok(unanswered[0]!.includes('4.1'));
});

test('an orphan countermeasure is reported when nothing it says answers a challenge', () => {
  const text = [
    '## 4 挑战',
    '',
    '### 4.1 内生挑战：政策支撑不足',
    '',
    '知识产权保护机制尚未完善，外资准入规定缺乏操作性。',
    '',
    '## 5 对策',
    '',
    '### 5.1 内生发展环境：完善政策',
    '',
    '细化知识产权保护与外资准入的实施细则。',
    '',
    '### 5.2 加强体育交流',
    '',
    '举办足球友谊赛，丰富青少年夏令营。',
    '',
  ].join('\n');
  const { unanswered, orphans } = check(text);
  assert.deepEqual(unanswered, []);
  assert.deepEqual(orphans, ['### 5.2 加强体育交流']);
});

function apply(text: string, edits: readonly TextEditSpan[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

for (const removed of countermeasureHeadings) {
  test(`the quick fix for ${challengeFor[removed]} inserts a countermeasure section that answers it`, () => {
    const text = paper.replace(sectionOf(paper, removed), '');
    const model = parseDocument(text);
    const [finding] = unansweredChallenge.check(model, en);
    assert.ok(finding);
    const fixes = unansweredChallenge.fixes!(model, { ...finding, rule: 'unanswered-challenge', severity: 'warning' }, en);
    assert.equal(fixes.length, 1);
    const fixed = apply(text, fixes[0]!.edits);
    assert.ok(fixed.length > text.length);
    assert.equal(fixed.replace(fixes[0]!.edits[0]!.newText, ''), text, 'the fix only inserts');
    const after = check(fixed);
    assert.deepEqual(after.unanswered, []);
    assert.deepEqual(after.orphans, []);
    assert.match(fixes[0]!.edits[0]!.newText, new RegExp(`针对${challengeFor[removed]!.slice(0, 3).replace('.', '\\.')}`));
  });
}

test('an enumerated item is anchored on its first source line, the same with LF and CRLF', () => {
  const lf = '# 障碍\n一是<!--\n-->容低估。\n\n三是';
  const crlf = lf.replace(/\n/g, '\r\n');
  const anchors = [lf, crlf].map((text) => {
    const model = parseDocument(text);
    return analyzeStructure(model).challenges.map((unit) => {
      const start = text.slice(0, unit.anchor.start).split(/\r?\n/);
      const end = text.slice(0, unit.anchor.end).split(/\r?\n/);
      return [start.length - 1, start.at(-1)!.length, end.length - 1, end.at(-1)!.length];
    });
  });
  assert.deepEqual(anchors[0], anchors[1]);
});
