// `documents:` groups on the command line: chapters listed in a group are checked as one document, exactly as the
// editor checks them; a chapter named alone still sees its group; related places point into the other file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const REPO = resolve(__dirname, '..', '..');
const CLI = join(REPO, 'dist', 'cli.js');
const paper = readFileSync(join(REPO, 'test', 'fixtures', 'paper.md'), 'utf8');

/** The paper from one heading to the next given one. */
function slice(from: string, to: string): string {
  return paper.slice(paper.indexOf(from), paper.indexOf(to));
}

interface JsonReport {
  readonly files: readonly {
    readonly path: string;
    readonly diagnostics: readonly {
      readonly rule: string;
      readonly range: { readonly start: { readonly line: number } };
      readonly related: readonly { readonly path: string; readonly range: { readonly start: { readonly line: number } } }[];
    }[];
  }[];
}

let folder = '';

function run(...args: string[]): { status: number | null; report: JsonReport; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args, '--format', 'json', '--locale', 'en'], { cwd: folder, encoding: 'utf8' });
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

function rulesOf(report: JsonReport, path: string): string[] {
  const file = report.files.find((entry) => entry.path === path);
  assert.ok(file, `${path} is in the report`);
  return [...new Set(file.diagnostics.map((diagnostic) => diagnostic.rule))].sort();
}

const GROUP = 'documents:\n  - name: 报告\n    files: [chapters/ch4.md, chapters/ch5.md, refs.md]\n';

before(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  folder = mkdtempSync(join(tmpdir(), 'policylint-groups-'));
  mkdirSync(join(folder, 'chapters'));
  writeFileSync(join(folder, 'chapters', 'ch4.md'), slice('## 4 ', '## 5 '));
  writeFileSync(join(folder, 'chapters', 'ch5.md'), slice('## 5 ', '## 6 '));
  const entries = Array.from({ length: 62 }, (_, i) => `[${i + 1}] 作者${i + 1}. 题名[J]. 期刊, 2020.`);
  writeFileSync(join(folder, 'refs.md'), `## 参考文献\n\n${entries.join('\n')}\n`);
});

after(() => rmSync(folder, { recursive: true, force: true }));

describe('policylint check with documents: groups', () => {
  it('checks each chapter alone without a group: unanswered challenge, no reference list', () => {
    const { report } = run('.');
    assert.ok(rulesOf(report, 'chapters/ch4.md').includes('unanswered-challenge'));
    assert.ok(rulesOf(report, 'chapters/ch4.md').includes('missing-reference-list'));
    assert.ok(rulesOf(report, 'chapters/ch5.md').includes('missing-reference-list'));
  });

  it('checks the group as one document: the challenges are answered and the citations resolve in refs.md', () => {
    writeFileSync(join(folder, '.policylint.yaml'), GROUP);
    try {
      const { report, stderr } = run('.');
      assert.equal(stderr, '');
      for (const path of ['chapters/ch4.md', 'chapters/ch5.md']) {
        const rules = rulesOf(report, path);
        for (const absent of ['unanswered-challenge', 'orphan-countermeasure', 'missing-reference-list', 'dangling-citation']) {
          assert.ok(!rules.includes(absent), `${path}: no ${absent}`);
        }
      }
      // Chapters 4 and 5 cite part of [1]–[62]; the rest are uncited, and flagged in refs.md.
      const uncited = report.files.find((file) => file.path === 'refs.md')!.diagnostics.filter((d) => d.rule === 'uncited-reference');
      assert.ok(uncited.length > 0 && uncited.length < 62, `${uncited.length} uncited entries`);
    } finally {
      rmSync(join(folder, '.policylint.yaml'));
    }
  });

  it('a chapter named alone is checked with its group, and only it is reported', () => {
    writeFileSync(join(folder, '.policylint.yaml'), GROUP);
    try {
      const { report } = run('chapters/ch4.md');
      assert.deepEqual(report.files.map((file) => file.path), ['chapters/ch4.md']);
      assert.ok(!rulesOf(report, 'chapters/ch4.md').includes('unanswered-challenge'));
      assert.ok(!rulesOf(report, 'chapters/ch4.md').includes('missing-reference-list'));
    } finally {
      rmSync(join(folder, '.policylint.yaml'));
    }
  });

  it('an unanswered challenge names its closest countermeasures in the other chapter, on their lines', () => {
    const chapter5 = slice('## 5 ', '## 6 ');
    const withoutSecond = chapter5.slice(0, chapter5.indexOf('### 5.2')) + chapter5.slice(chapter5.indexOf('### 5.3'));
    writeFileSync(join(folder, 'chapters', 'ch5.md'), withoutSecond);
    writeFileSync(join(folder, '.policylint.yaml'), GROUP);
    try {
      const { report } = run('.');
      const ch4 = report.files.find((file) => file.path === 'chapters/ch4.md')!;
      const unanswered = ch4.diagnostics.filter((d) => d.rule === 'unanswered-challenge');
      assert.equal(unanswered.length, 1);
      const chapter4Lines = slice('## 4 ', '## 5 ').split('\n');
      assert.match(chapter4Lines[unanswered[0]!.range.start.line]!, /^### 4\.2/);
      const related = unanswered[0]!.related;
      assert.ok(related.length > 0);
      const chapter5Lines = withoutSecond.split('\n');
      for (const place of related) {
        assert.equal(place.path, 'chapters/ch5.md');
        assert.match(chapter5Lines[place.range.start.line]!, /^### 5\.[13]/);
      }
    } finally {
      rmSync(join(folder, '.policylint.yaml'));
      writeFileSync(join(folder, 'chapters', 'ch5.md'), slice('## 5 ', '## 6 '));
    }
  });
});
