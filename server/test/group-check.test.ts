// checkGroup: a draft split over several files is checked as one document. Challenges answered in another
// chapter, citations resolved against a reference list kept in its own file, findings placed in the right file
// at the exact position, directives that stay inside their file, and quick fixes that edit the file they name.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGroup, groupCodeActions, lintText, positionAt, computeLineStarts } from '../src/engine';
import type { EngineOptions, Finding, GroupCheck, GroupFile, GroupFix } from '../src/engine';
import { applyEdits, options } from './rules-support';

const paper = readFileSync(join(__dirname, '../../test/fixtures/paper.md'), 'utf8');

/** The paper from one heading to the next given one (or the end). */
function slice(from: string, to?: string): string {
  const start = paper.indexOf(from);
  assert.ok(start >= 0, from);
  return paper.slice(start, to === undefined ? undefined : paper.indexOf(to));
}

function without(text: string, from: string, to: string): string {
  return text.slice(0, text.indexOf(from)) + text.slice(text.indexOf(to));
}

function findingsOf(check: GroupCheck, id: string, rule?: string): readonly Finding[] {
  const all = check.findings.get(id);
  assert.ok(all, `no findings entry for ${id}`);
  return rule === undefined ? all : all.filter((finding) => finding.rule === rule);
}

function textOf(files: readonly GroupFile[], id: string): string {
  return files.find((file) => file.id === id)!.text;
}

function lineOf(text: string, offset: number): number {
  return positionAt(computeLineStarts(text), text, offset).line;
}

/** Applies a group fix to the files it edits. */
function applyGroupFix(files: readonly GroupFile[], fix: GroupFix): GroupFile[] {
  return files.map((file) => ({ id: file.id, text: applyEdits(file.text, fix.edits.filter((edit) => edit.id === file.id)) }));
}

const structureOnly: EngineOptions = options('en', {
  'uncited-claim': 'off',
  'unsourced-statistic': 'off',
  'missing-reference-list': 'off',
  'conflicting-statistic': 'off',
});

describe('challenges and countermeasures across chapter files', () => {
  const challenges = slice('## 4 ', '## 5 ');
  const countermeasures = slice('## 5 ', '## 6 ');

  it('a challenge answered in another chapter file counts as answered', () => {
    assert.ok(lintText(challenges, structureOnly).findings.some((f) => f.rule === 'unanswered-challenge'), 'alone, chapter 4 is unanswered');
    const check = checkGroup([{ id: 'ch4.md', text: challenges }, { id: 'ch5.md', text: countermeasures }], structureOnly);
    assert.deepEqual(findingsOf(check, 'ch4.md'), []);
    assert.deepEqual(findingsOf(check, 'ch5.md'), []);
  });

  it('an unanswered challenge is flagged in its own file, on its heading line, with candidates in the other file', () => {
    const files = [
      { id: 'ch4.md', text: challenges },
      { id: 'ch5.md', text: without(countermeasures, '### 5.2 ', '### 5.3 ') },
    ];
    const check = checkGroup(files, structureOnly);
    assert.deepEqual(findingsOf(check, 'ch5.md'), []);
    const [finding, ...rest] = findingsOf(check, 'ch4.md');
    assert.deepEqual(rest, []);
    assert.equal(finding!.rule, 'unanswered-challenge');
    const heading = '### 4.2 核心挑战：科技产业发展较难，科技合作话语权受削';
    const start = challenges.indexOf(heading);
    assert.deepEqual(finding!.span, { start, end: start + heading.length });
    assert.equal(lineOf(challenges, finding!.span.start), challenges.slice(0, start).split('\n').length - 1);
    assert.ok(finding!.related.length > 0);
    for (const related of finding!.related) {
      assert.equal(related.uri, 'ch5.md', 'candidates live in the countermeasure file');
      assert.match(textOf(files, 'ch5.md').slice(related.span.start, related.span.end), /^### 5\.[13] /);
    }
  });

  it('the skeleton fix lands in the countermeasure file and answers the challenge', () => {
    const files = [
      { id: 'ch4.md', text: challenges },
      { id: 'ch5.md', text: without(countermeasures, '### 5.2 ', '### 5.3 ') },
    ];
    const check = checkGroup(files, structureOnly);
    const finding = findingsOf(check, 'ch4.md', 'unanswered-challenge')[0]!;
    const [fix] = groupCodeActions(check, 'ch4.md', [finding], finding.span, structureOnly).filter((f) => f.kind === 'quickfix');
    assert.ok(fix);
    assert.deepEqual([...new Set(fix.edits.map((edit) => edit.id))], ['ch5.md']);
    const fixed = applyGroupFix(files, fix);
    assert.equal(fixed[0]!.text, challenges, 'the challenge file is untouched');
    assert.deepEqual(findingsOf(checkGroup(fixed, structureOnly), 'ch4.md', 'unanswered-challenge'), []);
  });

  it('an orphan countermeasure is flagged in the countermeasure file', () => {
    // Without 4.3 (the last challenge), 5.3 answers nothing that is left.
    const files = [
      { id: 'ch4.md', text: challenges.slice(0, challenges.indexOf('### 4.3 ')) },
      { id: 'ch5.md', text: countermeasures },
    ];
    const check = checkGroup(files, structureOnly);
    assert.deepEqual(findingsOf(check, 'ch4.md'), []);
    const orphans = findingsOf(check, 'ch5.md', 'orphan-countermeasure');
    assert.equal(orphans.length, 1);
    assert.match(countermeasures.slice(orphans[0]!.span.start, orphans[0]!.span.end), /^### 5\.3 /);
  });
});

describe('citations across files', () => {
  const chapter1 = ['# 第一章 背景', '', '新质生产力是推动高质量发展的重要引擎[1]。中韩合作日益密切[2]。', '', '半导体产业链合作尤为突出[3]。', ''].join('\n');
  const chapter2 = ['# 第二章 现状', '', '两国贸易额持续增长[4]，人员往来频繁[5]。', '', '科技园区合作[6]、联合实验室[7]和人才交流[8]稳步推进[9]。', ''].join('\n');
  const references = [
    '## 参考文献',
    '',
    '[1] 张三. 新质生产力研究[J]. 经济研究, 2024.',
    '[2] 李四. 中韩合作[J]. 世界经济, 2023.',
    '[3] 王五. 半导体产业链[M]. 北京: 科学出版社, 2022.',
    '[4] 赵六. 中韩贸易[J]. 国际贸易, 2021.',
    '[5] 钱七. 人员往来[J]. 东北亚论坛, 2020.',
    '[6] 孙八. 科技园区[J]. 科学学研究, 2019.',
    '[7] 周九. 联合实验室[J]. 中国科技论坛, 2018.',
    '[8] 吴十. 人才交流[J]. 科研管理, 2017.',
    '[9] 郑一. 合作机制[J]. 亚太经济, 2016.',
    '',
  ].join('\n');
  const citationOptions = options('zh-CN', { 'uncited-claim': 'off', 'unsourced-statistic': 'off' });
  const files = (): GroupFile[] => [
    { id: 'ch1.md', text: chapter1 },
    { id: 'ch2.md', text: chapter2 },
    { id: 'references.md', text: references },
  ];

  it('markers in the chapters resolve against the reference list in its own file', () => {
    assert.deepEqual(
      lintText(chapter1, citationOptions).findings.map((f) => f.rule),
      ['missing-reference-list'],
      'alone, chapter 1 has no reference list',
    );
    const check = checkGroup(files(), citationOptions);
    for (const file of files()) assert.deepEqual(findingsOf(check, file.id), [], file.id);
  });

  it('an entry cited nowhere in the group is flagged in the reference file, on its label', () => {
    const list = references + '[10] 王二. 无人引用[J]. 管理世界, 2015.\n';
    const check = checkGroup([...files().slice(0, 2), { id: 'references.md', text: list }], citationOptions);
    assert.deepEqual(findingsOf(check, 'ch1.md'), []);
    assert.deepEqual(findingsOf(check, 'ch2.md'), []);
    const [uncited, ...rest] = findingsOf(check, 'references.md');
    assert.deepEqual(rest, []);
    assert.equal(uncited!.rule, 'uncited-reference');
    const label = list.indexOf('[10]');
    assert.deepEqual(uncited!.span, { start: label, end: label + 4 });
    assert.equal(lineOf(list, label), 11);
  });

  it('a dangling marker is flagged in its chapter, and its stub is added to the reference file', () => {
    const cites = chapter2.replace('稳步推进[9]', '稳步推进[9][10]');
    const group = [files()[0]!, { id: 'ch2.md', text: cites }, files()[2]!];
    const check = checkGroup(group, citationOptions);
    const [dangling, ...rest] = findingsOf(check, 'ch2.md');
    assert.deepEqual(rest, []);
    assert.equal(dangling!.rule, 'dangling-citation');
    const marker = cites.indexOf('[10]');
    assert.deepEqual(dangling!.span, { start: marker, end: marker + 4 });
    assert.deepEqual(findingsOf(check, 'references.md'), []);

    const fix = groupCodeActions(check, 'ch2.md', [dangling!], dangling!.span, citationOptions).find((f) => f.kind === 'quickfix');
    assert.ok(fix, 'a stub fix is offered');
    assert.deepEqual([...new Set(fix.edits.map((edit) => edit.id))], ['references.md']);
    const fixed = applyGroupFix(group, fix);
    assert.match(fixed[2]!.text, /\[9\] 郑一[^\n]*\n\[10\] 待补充/);
    const recheck = checkGroup(fixed, citationOptions);
    for (const file of fixed) assert.deepEqual(findingsOf(recheck, file.id).map((f) => f.rule), [], file.id);
  });

  it('citation order runs through the files in group order', () => {
    const reversed = checkGroup([files()[1]!, files()[0]!, files()[2]!], citationOptions);
    const order = findingsOf(reversed, 'ch1.md', 'citation-order');
    assert.deepEqual(
      order.map((finding) => chapter1.slice(finding.span.start, finding.span.end)),
      ['[1]', '[2]', '[3]'],
      'with chapter 2 first, [1]–[3] are first cited after [4]–[9]',
    );
    assert.deepEqual(findingsOf(reversed, 'ch2.md'), []);
  });
});

describe('joining files safely', () => {
  const en = options('en', { 'uncited-claim': 'off', 'unsourced-statistic': 'off' });
  const references = '## References\n\n[1] Smith. Rents. 2020.\n[2] Jones. Wages. 2021.\n';

  for (const [name, draft] of [['LF', paper], ['CRLF', paper.replace(/\r?\n/g, '\r\n')]] as const) {
    it(`splitting the paper (${name}) at its chapters gives the whole paper’s findings, each in its file at the same place`, () => {
      const cuts = [0, ...['## 1 ', '## 3 ', '## 4 ', '## 5 ', '## 6 '].map((heading) => draft.indexOf(heading)), draft.length];
      const files = cuts.slice(0, -1).map((start, index) => ({ id: `part${index}.md`, text: draft.slice(start, cuts[index + 1]) }));
      const whole = lintText(draft, options('zh-CN')).findings;
      const check = checkGroup(files, options('zh-CN'));
      const regrouped = files.flatMap((file, index) =>
        findingsOf(check, file.id).map((finding) => ({
          rule: finding.rule,
          message: finding.message,
          start: finding.span.start + cuts[index]!,
          end: finding.span.end + cuts[index]!,
        })),
      );
      assert.ok(whole.length > 10);
      assert.deepEqual(
        regrouped,
        whole.map((finding) => ({
          rule: finding.rule,
          // The other figure of a conflict is named by its line in its own file (here the first part, which starts at line 1).
          message: finding.message.replace(/第(\d+)行/, 'part0.md第$1行'),
          start: finding.span.start,
          end: finding.span.end,
        })),
      );
      assert.ok(regrouped.some((finding) => finding.message.includes('part0.md第26行')), 'the conflict names the other file');
    });
  }

  it('a code fence left open at the end of a file does not swallow the next one', () => {
    const first = 'Intro text cites [1].\n\n```js\nconst x = [3];\n';
    const second = '# Results\n\nWages rose [2] and rents [5].\n';
    const check = checkGroup([{ id: 'a.md', text: first }, { id: 'b.md', text: second }, { id: 'refs.md', text: references }], en);
    assert.deepEqual(findingsOf(check, 'a.md'), [], 'the fenced [3] is code, not a citation');
    const dangling = findingsOf(check, 'b.md');
    assert.deepEqual(dangling.map((f) => [f.rule, second.slice(f.span.start, f.span.end)]), [['dangling-citation', '[5]']]);
    assert.deepEqual(findingsOf(check, 'refs.md'), []);
  });

  it('a list or block quote at the end of a file does not take in the next file', () => {
    const first = 'Intro cites [1].\n\n- an item\n';
    const second = '    Wages rose [2] and rents [5].\n';
    const check = checkGroup([{ id: 'a.md', text: first }, { id: 'b.md', text: second }, { id: 'refs.md', text: references }], en);
    // Alone, an indented first line is a code block; joined, it stays that, instead of becoming part of the item.
    assert.deepEqual(findingsOf(check, 'b.md'), []);
    assert.deepEqual(findingsOf(check, 'refs.md', 'uncited-reference').map((f) => references.slice(f.span.start, f.span.end)), ['[2]']);
  });

  it('each file keeps its own front matter, positions stay exact, and a bibliography declared in one serves all', () => {
    const first = '---\ntitle: Part one\nbibliography: refs.bib\n---\n\nRents rose [@smith2020].\n';
    const second = '---\ntitle: Part two\n---\n\n# Wages\n\nWages rose [@jones2021] and [3].\n';
    const files = [{ id: 'a.md', text: first }, { id: 'b.md', text: second }, { id: 'refs.md', text: references }];
    const check = checkGroup(files, en);
    assert.deepEqual(findingsOf(check, 'a.md'), []);
    const [dangling, ...rest] = findingsOf(check, 'b.md');
    assert.deepEqual(rest, [], 'pandoc keys are left to the declared bibliography');
    assert.equal(second.slice(dangling!.span.start, dangling!.span.end), '[3]');
    assert.equal(lineOf(second, dangling!.span.start), 6);
  });

  it('a file-level directive fix goes to the top of the finding’s own file, after its front matter', () => {
    const first = '---\ntitle: One\n---\n\nIntro [1].\n';
    const second = '---\ntitle: Two\n---\n\nBody [2] and [7].\n';
    const files = [{ id: 'a.md', text: first }, { id: 'b.md', text: second }, { id: 'refs.md', text: references }];
    const strict = options('en', { 'unsourced-statistic': 'off' });
    const check = checkGroup([files[0]!, files[1]!, { id: 'c.md', text: 'Studies show that wages always rise.\n' }, files[2]!], strict);
    const claim = findingsOf(check, 'c.md', 'uncited-claim')[0];
    assert.ok(claim, 'the claim in c.md is flagged');
    const fixes = groupCodeActions(check, 'c.md', [claim], claim.span, strict);
    const disableFile = fixes.find((fix) => fix.title.startsWith('Disable uncited-claim in this file'));
    assert.ok(disableFile);
    assert.deepEqual(disableFile.edits.map((edit) => [edit.id, edit.span.start]), [['c.md', 0]]);

    const inB = checkGroup(
      [files[0]!, { id: 'b.md', text: second.replace('Body', 'Studies show that wages always rise. Body') }, files[2]!],
      strict,
    );
    const claimB = findingsOf(inB, 'b.md', 'uncited-claim')[0]!;
    const fileFix = groupCodeActions(inB, 'b.md', [claimB], claimB.span, strict).find((fix) => fix.title.startsWith('Disable uncited-claim in this file'))!;
    assert.deepEqual(fileFix.edits.map((edit) => [edit.id, edit.span.start]), [['b.md', second.indexOf('\n\n') + 1]]);
  });

  it('suppression comments apply to the file they are written in, not to the whole group', () => {
    const silenced = '<!-- policylint-disable-file dangling-citation -->\n\nRents rose [1] and [8].\n\n<!-- policylint-disable -->\n';
    const loud = 'Wages rose [2] and [9].\n';
    const unordered = options('en', { 'uncited-claim': 'off', 'unsourced-statistic': 'off', 'citation-order': 'off' });
    const check = checkGroup([{ id: 'a.md', text: silenced }, { id: 'b.md', text: loud }, { id: 'refs.md', text: references }], unordered);
    assert.deepEqual(findingsOf(check, 'a.md'), []);
    const inB = findingsOf(check, 'b.md');
    assert.deepEqual(inB.map((f) => [f.rule, loud.slice(f.span.start, f.span.end)]), [['dangling-citation', '[9]']]);
  });

  it('a file too large to check gets its notice and stays out of the group', () => {
    const small = options('en', { 'uncited-claim': 'off', 'unsourced-statistic': 'off' });
    const limited: EngineOptions = { ...small, maxFileSize: 200 };
    const huge = `Big [1].\n\n${'word '.repeat(100)}\n`;
    const check = checkGroup([{ id: 'big.md', text: huge }, { id: 'b.md', text: 'Wages [2].\n' }, { id: 'refs.md', text: references }], limited);
    assert.deepEqual(findingsOf(check, 'big.md').map((f) => f.rule), ['file-too-large']);
    assert.deepEqual(findingsOf(check, 'refs.md').map((f) => references.slice(f.span.start, f.span.end)), ['[1]']);
  });
});
