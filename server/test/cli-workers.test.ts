// `policylint check --jobs`: a folder of drafts checked on worker threads must give exactly what the same run in
// the main thread gives (stdout, stderr, exit code) in every format, with per-folder configuration, with files
// that cannot be checked, and when the worker bundle is missing or a worker dies.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, REPO, WORKER, ensureCliBuilt, runCli } from './helpers/cliBundle';

const PAPER = readFileSync(join(REPO, 'test', 'fixtures', 'paper.md'), 'utf8').split('\n');
const CORPUS_DIR = join(REPO, 'test', 'corpus');
const CORPUS = readdirSync(CORPUS_DIR)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort()
  .map((name) => readFileSync(join(CORPUS_DIR, name), 'utf8'));
const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

let scratch = '';

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'policylint-workers-'));
  ensureCliBuilt();
});

after(() => rmSync(scratch, { recursive: true, force: true }));

function write(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Draft `index`: a corpus paper or a slice of the paper, so the set mixes languages, sizes and findings. */
function draft(index: number): string {
  if (index % 3 === 0) return CORPUS[index % CORPUS.length]!;
  const length = 30 + ((index * 37) % 120);
  const start = (index * 53) % (PAPER.length - length);
  return PAPER.slice(start, start + length).join('\n');
}

/** A fresh folder under the scratch directory with `count` drafts spread over subfolders. */
function draftFolder(name: string, count: number, folders: readonly string[] = ['a', 'b', 'c', 'd']): string {
  const root = join(scratch, name);
  for (let index = 0; index < count; index++) {
    write(join(root, folders[index % folders.length]!, `draft-${String(index).padStart(3, '0')}.md`), draft(index));
  }
  return root;
}

/** A copy of dist/cli.js in its own folder, beside `worker` as its worker bundle (none when undefined). */
function cliWithWorker(name: string, worker: string | undefined): string {
  const folder = join(scratch, name);
  mkdirSync(folder, { recursive: true });
  copyFileSync(CLI, join(folder, 'cli.js'));
  if (worker !== undefined) writeFileSync(join(folder, 'cli-worker.js'), worker);
  return join(folder, 'cli.js');
}

describe('policylint check --jobs', () => {
  it('prints byte-identical output on two threads, by default and in the main thread alone, in every format', () => {
    const root = draftFolder('forty', 40);
    for (const format of FORMATS) {
      const inMainThread = runCli(['check', '.', '--format', format, '--jobs', '1'], root);
      assert.equal(inMainThread.code, 1, `${format}: the drafts contain errors`);
      assert.equal(inMainThread.stderr, '');
      assert.deepEqual(runCli(['check', '.', '--format', format, '--jobs', '2'], root), inMainThread, `${format} --jobs 2`);
      assert.deepEqual(runCli(['check', '.', '--format', format], root), inMainThread, `${format} with the default --jobs`);
    }
    const json = JSON.parse(runCli(['check', '.', '--format', 'json', '--jobs', '2'], root).stdout) as {
      files: { path: string; diagnostics: unknown[] }[];
    };
    assert.equal(json.files.length, 40);
    assert.deepEqual(json.files.map((file) => file.path), json.files.map((file) => file.path).sort());
    assert.ok(json.files.some((file) => file.diagnostics.length > 0));
  });

  it('keeps the notices for binary, non-UTF-8 and oversized files in a worker run, in the user’s language', () => {
    const root = draftFolder('notices', 12);
    // Named to come first, and so to be among the files handed to the worker before the main thread starts.
    write(join(root, 'a', '0-binary.md'), new Uint8Array([0x23, 0x20, 0x00, 0x01, 0x02]));
    write(join(root, 'a', '1-latin1.md'), new Uint8Array([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const args = ['check', '.', '--format', 'json', '--max-file-size', '4000'];
    const inMainThread = runCli([...args, '--jobs', '1'], root);
    const onWorkers = runCli([...args, '--jobs', '2'], root);
    assert.deepEqual(onWorkers, inMainThread);
    assert.equal(
      onWorkers.stderr,
      "policylint: skipped 'a/0-binary.md': binary file\npolicylint: skipped 'a/1-latin1.md': not UTF-8 text\n",
    );
    const rules = (JSON.parse(onWorkers.stdout) as { files: { diagnostics: { rule: string }[] }[] }).files.flatMap((file) =>
      file.diagnostics.map((diagnostic) => diagnostic.rule),
    );
    assert.ok(rules.includes('file-too-large'), 'drafts over --max-file-size get their notice');

    const chinese = runCli([...args, '--jobs', '2', '--locale', 'zh-CN'], root);
    assert.deepEqual(chinese, runCli([...args, '--jobs', '1', '--locale', 'zh-CN'], root));
    assert.equal(chinese.stderr, "policylint: 已跳过 'a/0-binary.md'：二进制文件\npolicylint: 已跳过 'a/1-latin1.md'：不是 UTF-8 文本\n");
  });

  it('gives each folder its own configuration in a worker run and reports a broken one once, with its position', () => {
    const root = draftFolder('configured', 30, ['plain', 'quiet', 'chinese', 'partly-ignored', 'broken']);
    write(join(root, 'quiet', '.policylint.yaml'), 'rules:\n  dangling-citation: off\n  uncited-reference: { severity: hint }\n');
    write(join(root, 'chinese', '.policylint.json'), '{ "locale": "zh-CN", "rules": { "dangling-citation": "warning" } }\n');
    write(join(root, 'partly-ignored', '.policylint.yaml'), 'ignore: ["draft-00*.md"]\n');
    write(join(root, 'broken', '.policylint.yaml'), 'rules:\n  dangling-citation: sometimes\n');
    for (const format of ['json', 'text'] as const) {
      const inMainThread = runCli(['check', '.', '--format', format, '--jobs', '1'], root);
      assert.deepEqual(runCli(['check', '.', '--format', format, '--jobs', '2'], root), inMainThread, format);
    }
    const { code, stdout, stderr } = runCli(['check', '.', '--format', 'json', '--jobs', '2'], root);
    assert.equal(code, 2, 'an invalid configuration fails the run');
    const errorLines = stderr.split('\n').filter((line) => line !== '');
    assert.equal(errorLines.length, 1, `one error for the broken configuration, not one per file:\n${stderr}`);
    assert.match(errorLines[0]!, /^broken\/\.policylint\.yaml:2:22 .*sometimes/);

    const files = (JSON.parse(stdout) as { files: { path: string; diagnostics: { rule: string; severity: string; message: string }[] }[] }).files;
    const folderOf = (path: string): string => path.split('/')[0]!;
    assert.ok(!files.some((file) => folderOf(file.path) === 'broken'), 'files under the broken configuration are not checked');
    assert.ok(!files.some((file) => /^partly-ignored\/draft-00/.test(file.path)), 'ignored files are left out');
    assert.ok(files.some((file) => folderOf(file.path) === 'partly-ignored'));
    const quiet = files.filter((file) => folderOf(file.path) === 'quiet').flatMap((file) => file.diagnostics);
    assert.ok(!quiet.some((diagnostic) => diagnostic.rule === 'dangling-citation'));
    const chinese = files.filter((file) => folderOf(file.path) === 'chinese').flatMap((file) => file.diagnostics);
    assert.ok(chinese.length > 0 && chinese.every((diagnostic) => /[\u4e00-\u9fff]/.test(diagnostic.message)), 'zh-CN messages');
    assert.ok(chinese.every((diagnostic) => diagnostic.rule !== 'dangling-citation' || diagnostic.severity === 'warning'));
  });

  it('rejects a --jobs value that is not a whole number of at least 1, in English and in Chinese', () => {
    const cases: [string[], string, string][] = [
      [['--jobs', '0'], "option '--jobs' must be at least 1", "选项 '--jobs' 至少为 1"],
      [['--jobs', 'two'], "option '--jobs' must be a whole number, got 'two'", "选项 '--jobs' 必须是整数，实际为 'two'"],
      [['--jobs=1.5'], "option '--jobs' must be a whole number, got '1.5'", "选项 '--jobs' 必须是整数，实际为 '1.5'"],
      [['--jobs=-2'], "option '--jobs' must be a whole number, got '-2'", "选项 '--jobs' 必须是整数，实际为 '-2'"],
      [['--jobs'], "option '--jobs' needs a value", "选项 '--jobs' 需要一个值"],
    ];
    for (const [jobs, english, chinese] of cases) {
      const inEnglish = runCli(['check', '.', ...jobs], scratch);
      assert.equal(inEnglish.code, 2, jobs.join(' '));
      assert.equal(inEnglish.stdout, '');
      assert.equal(inEnglish.stderr.split('\n')[0], `policylint: ${english}`);
      const inChinese = runCli(['check', '.', ...jobs], scratch, { env: { LANG: 'zh_CN.UTF-8' } });
      assert.equal(inChinese.code, 2, jobs.join(' '));
      assert.equal(inChinese.stderr.split('\n')[0], `policylint: ${chinese}`);
    }
    const map = runCli(['map', 'draft.md', '--jobs', '2'], scratch);
    assert.equal(map.code, 2);
    assert.equal(map.stderr.split('\n')[0], "policylint: unknown option '--jobs'");
  });

  it('checks every file in the main thread when the worker bundle is missing', () => {
    const root = draftFolder('no-worker', 16);
    const expected = runCli(['check', '.', '--format', 'json', '--jobs', '1'], root);
    assert.deepEqual(runCli(['check', '.', '--format', 'json', '--jobs', '2'], root, { cli: cliWithWorker('bin-without-worker', undefined) }), expected);
  });

  it('loses no results when workers crash or stop part-way through a run', () => {
    const root = draftFolder('crashing', 24);
    const expected = runCli(['check', '.', '--format', 'json', '--jobs', '1'], root);
    const expectedText = runCli(['check', '.', '--jobs', '1'], root);
    // Stand-ins for dist/cli-worker.js that run the real worker but fail on their own schedule.
    const crashesOnThirdFile = cliWithWorker(
      'bin-crashing',
      `const { parentPort } = require('node:worker_threads');
let received = 0;
parentPort.on('message', () => { if (++received === 3) throw new Error('worker crashed'); });
require(${JSON.stringify(WORKER)});
`,
    );
    const oneExitsEarly = cliWithWorker(
      'bin-exiting',
      `const { openSync } = require('node:fs');
const { parentPort } = require('node:worker_threads');
let first = false;
try { openSync(${JSON.stringify(join(scratch, 'exited-once'))}, 'wx'); first = true; } catch {}
let received = 0;
parentPort.on('message', () => { if (first && ++received === 2) process.exit(7); });
require(${JSON.stringify(WORKER)});
`,
    );
    for (const cli of [crashesOnThirdFile, oneExitsEarly]) {
      rmSync(join(scratch, 'exited-once'), { force: true });
      assert.deepEqual(runCli(['check', '.', '--format', 'json', '--jobs', '2'], root, { cli }), expected, cli);
      rmSync(join(scratch, 'exited-once'), { force: true });
      assert.deepEqual(runCli(['check', '.', '--jobs', '3'], root, { cli }), expectedText, cli);
    }
  });
});
