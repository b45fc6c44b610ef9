// What keeps the CLI's memory bounded must not cost a result: every format is written as the files are checked
// (SARIF included), worker threads run with heap limits, and each thread empties the engine's caches every
// CACHE_BATCH_LENGTH of text. A run over 1,000 drafts must print exactly what the whole-run formatters make of
// each file's report, and a worker that runs out of heap must hand its files back.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CACHE_BATCH_LENGTH, checkFile, optionsForConfig, type CheckSettings } from '../src/cli/check-file';
import { emptyConfig } from '../src/cli/config';
import { formatGithub } from '../src/cli/format-github';
import { formatJson } from '../src/cli/format-json';
import { formatSarif } from '../src/cli/format-sarif';
import { formatText } from '../src/cli/format-text';
import { openReport } from '../src/cli/output';
import { WORKER_RESOURCE_LIMITS } from '../src/cli/pool';
import type { FileReport } from '../src/cli/report';
import { DEFAULT_MAX_FILE_SIZE, rules } from '../src/engine';
import { ruleDocPath } from '../src/engine/docs';
import { CLI, REPO, WORKER, ensureCliBuilt, runCli, type CliRun } from './helpers/cliBundle';

const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
const PAPER = readFileSync(join(REPO, 'test', 'fixtures', 'paper.md'), 'utf8').split('\n');
const FILES = 1000;
const TEMPLATES = 10;

let scratch = '';

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'policylint-memory-'));
  ensureCliBuilt();
});

after(() => rmSync(scratch, { recursive: true, force: true }));

/** The CLI on `root`; 1,000 drafts take longer than the default allows on a busy machine. */
function run(args: readonly string[], root: string, cli?: string): CliRun {
  return runCli(args, root, { cli, timeoutMs: 300_000 });
}

/** Template `index`: 35 lines of the paper (its paragraphs are long lines), with citations, statistics and claims. */
function template(index: number): string {
  return PAPER.slice(index * 9, index * 9 + 35).join('\n');
}

/** `FILES` drafts in four folders, draft i a copy of template i mod TEMPLATES: paths in output order, and the folder. */
function thousandDrafts(): { root: string; paths: string[] } {
  const root = join(scratch, 'thousand');
  const paths: string[] = [];
  for (let index = 0; index < FILES; index++) {
    const folder = `part-${Math.floor(index / (FILES / 4)) + 1}`;
    const path = `${folder}/draft-${String(index).padStart(4, '0')}.md`;
    mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, path), template(index % TEMPLATES));
    paths.push(path);
  }
  return { root, paths };
}

/** Each draft's report as checking it alone in this process gives it: what the CLI's output must be made of. */
function expectedReports(root: string, paths: readonly string[]): FileReport[] {
  const settings: CheckSettings = { explicitLocale: undefined, fallbackLocale: 'en', maxFileSize: DEFAULT_MAX_FILE_SIZE, uiLocale: 'en' };
  const options = optionsForConfig(emptyConfig, settings);
  const byTemplate = Array.from({ length: TEMPLATES }, (_, index) => {
    const outcome = checkFile({ absolutePath: join(root, paths[index]!), displayPath: paths[index]! }, options, 'en');
    assert.ok(outcome.report, `template ${index} is checked`);
    return outcome.report;
  });
  // A copy's findings are its template's, related places in the file itself included.
  return paths.map((path, index) => {
    const original = byTemplate[index % TEMPLATES]!;
    const diagnostics = original.diagnostics.map((diagnostic) => ({
      ...diagnostic,
      related: diagnostic.related.map((info) => (info.path === original.path ? { ...info, path } : info)),
    }));
    return { path, diagnostics };
  });
}

describe('the CLI on 1,000 drafts, with bounded memory', () => {
  it('writes, in every format, exactly what the whole-run formatters make of each file checked alone', () => {
    const { root, paths } = thousandDrafts();
    const text = paths.reduce((sum, _, index) => sum + template(index % TEMPLATES).length, 0);
    assert.ok(text / 2 > CACHE_BATCH_LENGTH, 'each of two workers empties the engine’s caches during the run');
    const reports = expectedReports(root, paths);
    assert.ok(reports.every((report) => report.diagnostics.length > 0), 'every draft has findings');
    const sarifOptions = { toolVersion: version, rules, locale: 'en' as const, docPath: ruleDocPath };
    const expected = {
      json: formatJson(reports),
      sarif: formatSarif(reports, sarifOptions),
      text: formatText(reports, { color: false, locale: 'en' }),
      github: formatGithub(reports),
    };
    const exitCode = reports.some((report) => report.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) ? 1 : 0;
    for (const [format, output] of Object.entries(expected)) {
      const { code, stdout, stderr } = run(['check', '.', '--format', format, '--jobs', '2'], root);
      assert.equal(stderr, '', format);
      assert.equal(code, exitCode, format);
      assert.ok(stdout === output, `${format}: the output differs from the whole-run formatter's`);
    }
    const sarif = JSON.parse(expected.sarif) as { runs: { results: unknown[] }[] };
    assert.equal(sarif.runs[0]!.results.length, reports.reduce((sum, report) => sum + report.diagnostics.length, 0));
  });

  it('streams SARIF piece by piece to the same text as the whole-run formatter, with and without results', () => {
    const reports: FileReport[] = [
      { path: 'a.md', diagnostics: [] },
      {
        path: 'docs/草稿 1.md',
        diagnostics: [
          {
            rule: 'dangling-citation',
            severity: 'error',
            message: 'Citation "[3]" refers to [3].',
            range: { start: { line: 4, character: 10 }, end: { line: 4, character: 13 } },
            related: [{ path: 'docs/草稿 1.md', range: { start: { line: 8, character: 0 }, end: { line: 8, character: 3 } }, message: 'list' }],
          },
          {
            rule: 'uncited-reference',
            severity: 'warning',
            message: 'Line one\nline two',
            range: { start: { line: 9, character: 0 }, end: { line: 9, character: 3 } },
            related: [],
          },
        ],
      },
      { path: 'z.md', diagnostics: [] },
    ];
    const options = { toolVersion: '1.2.3', rules, locale: 'zh-CN' as const, docPath: ruleDocPath };
    for (const files of [reports, reports.slice(0, 1), []]) {
      let written = '';
      const writer = openReport('sarif', { write: (text) => (written += text), text: { color: false }, toolVersion: '1.2.3', sarifLocale: 'zh-CN' });
      for (const file of files) writer.add(file);
      const summary = writer.finish();
      assert.equal(written, formatSarif(files, options), `${files.length} files`);
      assert.equal(summary.errors, files.length > 1 ? 1 : 0);
    }
  });

  it('loses no results when a worker runs out of its heap: the main thread checks what it held', () => {
    const root = join(scratch, 'out-of-heap');
    for (let index = 0; index < 12; index++) {
      mkdirSync(root, { recursive: true });
      writeFileSync(join(root, `draft-${String(index).padStart(2, '0')}.md`), template(index % TEMPLATES));
    }
    const expected = run(['check', '.', '--format', 'json', '--jobs', '1'], root);
    assert.equal((JSON.parse(expected.stdout) as { files: unknown[] }).files.length, 12);
    // A stand-in for dist/cli-worker.js that runs the real worker but, on its second file, allocates until its
    // heap limit ends it. Without the pool's limit it must not try: it leaves a mark and fails instead.
    const limitBytes = (WORKER_RESOURCE_LIMITS.maxOldGenerationSizeMb + WORKER_RESOURCE_LIMITS.maxYoungGenerationSizeMb) * 1024 * 1024;
    const folder = join(scratch, 'bin-out-of-heap');
    const unlimited = join(scratch, 'worker-heap-unlimited');
    mkdirSync(folder, { recursive: true });
    copyFileSync(CLI, join(folder, 'cli.js'));
    writeFileSync(
      join(folder, 'cli-worker.js'),
      `const { writeFileSync } = require('node:fs');
const { getHeapStatistics } = require('node:v8');
const { parentPort } = require('node:worker_threads');
let received = 0;
parentPort.on('message', () => {
  if (++received !== 2) return;
  if (getHeapStatistics().heap_size_limit > ${limitBytes}) {
    writeFileSync(${JSON.stringify(unlimited)}, '');
    throw new Error('no heap limit');
  }
  const hoard = [];
  for (;;) hoard.push(new Array(100000).fill(hoard.length));
});
require(${JSON.stringify(WORKER)});
`,
    );
    assert.deepEqual(run(['check', '.', '--format', 'json', '--jobs', '2'], root, join(folder, 'cli.js')), expected);
    assert.equal(existsSync(unlimited), false, 'workers run with the pool’s heap limits');
  });
});
