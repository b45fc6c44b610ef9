// Neovim's built-in LSP client against the built server over stdio, configured by the very snippet that
// docs/editors.md gives for Neovim 0.7 (Debian's): the test extracts the block marked as tested, puts a
// `policylint-language-server` shim for dist/server.js first on PATH, and runs Neovim headless with
// test/e2e/neovim/policylint.lua, which drives the client and reports what it saw as JSON.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { documentedSnippet, pathWithServer } from './editors';

interface Diagnostic {
  readonly lnum: number;
  readonly message: string;
  readonly source: string;
  readonly code: string;
  readonly href?: string;
}
interface Result {
  readonly errors: string[];
  readonly diagnostics: Diagnostic[];
  readonly hover_term: string | null;
  readonly hover_citation: string | null;
  readonly action_titles: string[];
  readonly action_titles_bytes: string[];
  readonly text_after_fix: string;
  readonly diagnostics_after_fix: Diagnostic[];
  readonly exit?: { code: number; signal: number };
  readonly started: number;
  readonly filetype: string;
  readonly attached_other: boolean;
}

describe('Neovim (built-in LSP client) with policylint-language-server --stdio', { timeout: 90_000 }, () => {
  let dir: string;
  let result: Result;
  let run: ReturnType<typeof spawnSync>;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'policylint-nvim-'));
    const draft = join(dir, 'draft.md');
    copyFileSync(join(__dirname, 'fixtures', 'draft.md'), draft);
    writeFileSync(join(dir, 'init.lua'), documentedSnippet('neovim.e2e.ts', 'lua'));
    run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(__dirname, 'neovim', 'policylint.lua')}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        PATH: pathWithServer(dir),
        POLICYLINT_CONFIG: join(dir, 'init.lua'),
        POLICYLINT_DRAFT: draft,
        POLICYLINT_RESULT: join(dir, 'result.json'),
        XDG_CACHE_HOME: join(dir, 'cache'),
        XDG_STATE_HOME: join(dir, 'state'),
        XDG_DATA_HOME: join(dir, 'data'),
        XDG_CONFIG_HOME: join(dir, 'config'),
      },
    });
    try {
      result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as Result;
    } catch {
      throw new Error(`nvim wrote no result (status ${run.status}, error ${run.error?.message ?? '-'}):\n${String(run.stdout)}\n${String(run.stderr)}`);
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the documented configuration starts one client for all Markdown buffers, without client-side errors', () => {
    assert.deepEqual(result.errors, []);
    assert.equal(result.filetype, 'markdown');
    assert.equal(result.started, 1);
    assert.equal(result.attached_other, true);
    assert.equal(run.status, 0);
    assert.deepEqual(result.exit, { code: 0, signal: 0 });
    const lspLog = spawnSync('cat', [join(dir, 'cache', 'nvim', 'lsp.log')], { encoding: 'utf8' }).stdout;
    assert.doesNotMatch(lspLog, /\[ERROR\]/, lspLog);
  });

  it('vim.diagnostic.get() lists the findings with their source and code', () => {
    const codes = result.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['dangling-citation', 'unanswered-challenge', 'unsourced-statistic']);
    // No rule link here: Neovim 0.7 does not announce codeDescriptionSupport, so the server leaves it out.
    for (const diagnostic of result.diagnostics) assert.equal(diagnostic.source, 'policylint');
    const dangling = result.diagnostics.find((d) => d.code === 'dangling-citation');
    assert.equal(dangling?.lnum, 14);
    // The snippet sets `locale = 'zh-CN'`: the server read it through workspace/configuration.
    assert.match(dangling?.message ?? '', /\[3\].*参考文献列表中不存在/);
  });

  it('hover shows the glossary entry for 新质生产力 and the reference behind [1]', () => {
    assert.match(result.hover_term ?? '', /新质生产力/);
    assert.match(result.hover_term ?? '', /以科技创新为主导/);
    assert.match(result.hover_citation ?? '', /周文/);
  });

  it('applies the code action that adds a stub entry, and the finding goes after saving', () => {
    assert.ok(result.action_titles.some((title) => /为 \[3\] 添加待补充的参考文献条目/.test(title)), result.action_titles.join('\n'));
    assert.match(result.text_after_fix, /\n\[3\] [^\n]+\s*$/);
    assert.deepEqual(result.diagnostics_after_fix.map((d) => d.code).sort(), ['unanswered-challenge', 'unsourced-statistic']);
    assert.equal(readFileSync(join(dir, 'draft.md'), 'utf8'), `${result.text_after_fix}\n`);
  });

  it('offers the quick fix for the request vim.lsp.buf.code_action() sends in 0.7 (diagnostic columns in bytes)', () => {
    assert.ok(result.action_titles_bytes.some((title) => /\[3\]/.test(title)), JSON.stringify(result.action_titles_bytes));
  });
});
