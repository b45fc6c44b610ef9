// Emacs's Eglot against the built server over stdio, configured by the very snippet docs/editors.md gives:
// test/e2e/emacs/policylint.el loads it in a batch Emacs (Debian 12: Emacs 28.2, elpa-eglot 1.9), visits a
// draft, and reports what Eglot saw as JSON.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { documentedSnippet, pathWithServer } from './editors';

interface Result {
  readonly error?: string;
  readonly mode: string;
  readonly codes: string[];
  readonly messages: string[];
  readonly hover_term: string | null;
  readonly hover_citation: string | null;
  readonly action_titles: string[];
  readonly codes_after_fix: string[];
  readonly stderr: string;
}

describe('Emacs (Eglot) with policylint-language-server --stdio', { timeout: 90_000 }, () => {
  let dir: string;
  let result: Result;
  let run: SpawnSyncReturns<string>;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'policylint-emacs-'));
    copyFileSync(join(__dirname, 'fixtures', 'draft.md'), join(dir, 'draft.md'));
    writeFileSync(join(dir, 'init.el'), documentedSnippet('emacs.e2e.ts', 'elisp'));
    run = spawnSync('emacs', ['--batch', '-l', join(__dirname, 'emacs', 'policylint.el')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        HOME: dir,
        PATH: pathWithServer(dir),
        POLICYLINT_CONFIG: join(dir, 'init.el'),
        POLICYLINT_DRAFT: join(dir, 'draft.md'),
        POLICYLINT_RESULT: join(dir, 'result.json'),
      },
    });
    try {
      result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as Result;
    } catch {
      throw new Error(`emacs wrote no result (status ${run.status}, error ${run.error?.message ?? '-'}):\n${run.stdout}\n${run.stderr}`);
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the documented configuration starts Eglot for Markdown and it runs without errors', () => {
    assert.equal(result.error, undefined, `${result.error}\n${run.stderr}`);
    assert.equal(run.status, 0);
    assert.equal(result.mode, 'markdown-mode');
    assert.equal(result.stderr, '');
  });

  it('Flymake lists the findings, in Chinese as the snippet configures', () => {
    assert.deepEqual(result.codes, ['dangling-citation', 'unanswered-challenge', 'unsourced-statistic']);
    assert.ok(result.messages.some((message) => /\[3\].*参考文献列表中不存在/.test(message)), result.messages.join('\n'));
  });

  it('hover shows the glossary entry for 新质生产力 and the reference behind [1]', () => {
    assert.match(result.hover_term ?? '', /以科技创新为主导/);
    assert.match(result.hover_citation ?? '', /\[1\].*周文, 许凌云/);
  });

  it('applies the code action that adds a stub entry, and the finding goes after saving', () => {
    assert.ok(result.action_titles.includes('为 [3] 添加待补充的参考文献条目'), result.action_titles.join('\n'));
    assert.deepEqual(result.codes_after_fix, ['unanswered-challenge', 'unsourced-statistic']);
    assert.match(readFileSync(join(dir, 'draft.md'), 'utf8'), /\n\[3\] [^\n]+\n$/);
  });
});
