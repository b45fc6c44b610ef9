// End to end: spawns the built `dist/cli.js` on the fixture folders under test/fixtures/cli and checks what
// users and tools rely on: exact output of every format, exit codes, stderr lines, locale switching.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';

const REPO = resolve(__dirname, '..', '..');
const CLI = join(REPO, 'dist', 'cli.js');
const FIXTURES = join(REPO, 'test', 'fixtures', 'cli');
const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

function newestSourceTime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSourceTime(join(path, name))));
}

before(() => {
  const sources = Math.max(
    newestSourceTime(join(REPO, 'server', 'src')),
    newestSourceTime(join(REPO, 'package.json')),
    newestSourceTime(join(REPO, 'scripts', 'build.mjs')),
  );
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= sources) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(build.status, 0, `build failed:\n${build.stderr}`);
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with a locale-free environment; no run may ever print a stack trace. */
function run(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(LANG|LANGUAGE|LC_.*|NO_COLOR|FORCE_COLOR)$/.test(key)) env[key] = value;
  }
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? FIXTURES,
    env: { ...env, ...options.env },
    encoding: 'utf8',
  });
  assert.doesNotMatch(result.stderr, /^ {4}at /m, `stack trace on stderr:\n${result.stderr}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const range = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

const DANGLING_EN = 'Citation "[3]" refers to [3], which is missing from the reference list.';
const DANGLING_ZH = '引用“[3]”所指的 [3] 在参考文献列表中不存在。';
const FOOTNOTE_EN = 'Citation "[^说明]" refers to [^说明], which is missing from the reference list.';
// On the first line, so a BOM that is not stripped would shift it.
const FOOTNOTE_RANGE = range(0, 10, 0, 15);
const UNCITED_EN = 'Reference "[2] Energy Agency. Storage outlook. 202…" is not cited anywhere in the text.';
// Line 7 of zh-draft.md; 53 UTF-16 code units precede "[3]" (52 code points: 𠮷 takes two units).
const DANGLING_RANGE = range(6, 53, 6, 56);
const UNCITED_RANGE = range(8, 0, 8, 3);

const projectJson = {
  version: 1,
  files: [
    { path: 'project/en-clean.md', diagnostics: [] },
    {
      path: 'project/nested/deeper/en-warning.md',
      diagnostics: [{ rule: 'uncited-reference', severity: 'warning', message: UNCITED_EN, range: UNCITED_RANGE, related: [] }],
    },
    {
      path: 'project/zh-draft.md',
      diagnostics: [
        { rule: 'dangling-citation', severity: 'error', message: FOOTNOTE_EN, range: FOOTNOTE_RANGE, related: [] },
        { rule: 'dangling-citation', severity: 'error', message: DANGLING_EN, range: DANGLING_RANGE, related: [] },
      ],
    },
  ],
  summary: { errors: 2, warnings: 1, information: 0, hints: 0 },
};

describe('policylint check: discovery and json', () => {
  it('prints the exact JSON document, every checked file listed, nothing from node_modules or dot folders', () => {
    const { code, stdout, stderr } = run(['check', 'project', '--format', 'json']);
    assert.equal(stdout, `${JSON.stringify(projectJson)}\n`);
    assert.equal(stderr, '');
    assert.equal(code, 1);
  });

  it('the dangling citation ranges are where the markers are, counted in UTF-16 code units', () => {
    const lines = readFileSync(join(FIXTURES, 'project', 'zh-draft.md'), 'utf8').split('\n');
    assert.equal(lines[DANGLING_RANGE.start.line]!.indexOf('[3]'), DANGLING_RANGE.start.character);
    assert.equal(lines[FOOTNOTE_RANGE.start.line]!.indexOf('[^说明]'), FOOTNOTE_RANGE.start.character);
  });

  it('checks the current directory when no path is given, showing paths relative to it', () => {
    const { code, stdout } = run(['check', '--format', 'json'], { cwd: join(FIXTURES, 'project') });
    assert.deepEqual(
      JSON.parse(stdout).files.map((file: { path: string }) => file.path),
      ['en-clean.md', 'nested/deeper/en-warning.md', 'zh-draft.md'],
    );
    assert.equal(code, 1);
  });

  it('expands globs and de-duplicates files named more than once, in sorted order', () => {
    const { stdout } = run(['check', 'project/zh-draft.md', 'project/**/*.md', 'project', '--format', 'json']);
    assert.equal(stdout, `${JSON.stringify(projectJson)}\n`);
  });

  it('gives identical positions for a CRLF copy with a BOM', () => {
    const lf = JSON.parse(run(['check', 'project/zh-draft.md', '--format', 'json']).stdout);
    const crlf = JSON.parse(run(['check', 'crlf/zh-draft.md', '--format', 'json']).stdout);
    assert.equal(crlf.files[0].path, 'crlf/zh-draft.md');
    assert.deepEqual(crlf.files[0].diagnostics, lf.files[0].diagnostics);
    assert.deepEqual(
      crlf.files[0].diagnostics.map((diagnostic: { range: unknown }) => diagnostic.range),
      [FOOTNOTE_RANGE, DANGLING_RANGE],
    );
  });

  it('skips binary and Latin-1 files with one stderr line each and checks the rest', () => {
    const { code, stdout, stderr } = run(['check', 'encodings', '--format', 'json']);
    assert.equal(
      stderr,
      "policylint: skipped 'encodings/binary.md': binary file\npolicylint: skipped 'encodings/latin1.md': not UTF-8 text\n",
    );
    assert.deepEqual(JSON.parse(stdout).files, [{ path: 'encodings/good.md', diagnostics: [] }]);
    assert.equal(code, 0);
  });

  it('names a missing path on stderr, still reports the other files, and exits 2', () => {
    const { code, stdout, stderr } = run(['check', 'missing.md', 'project/en-clean.md', '--format', 'json']);
    assert.equal(stderr, "policylint: cannot read 'missing.md': no such file\n");
    assert.deepEqual(JSON.parse(stdout).files, [{ path: 'project/en-clean.md', diagnostics: [] }]);
    assert.equal(code, 2);
  });

  it('exits 2 for a missing path even when an error was also found', () => {
    const { code, stdout } = run(['check', 'project/zh-draft.md', 'nowhere/*.md']);
    assert.match(stdout, /dangling-citation/);
    assert.equal(code, 2);
  });
});

describe('policylint check: human and CI formats', () => {
  it('prints text lines with 1-based positions and the summary, without colour when not a terminal', () => {
    const { code, stdout } = run(['check', 'project']);
    assert.equal(
      stdout,
      [
        `project/nested/deeper/en-warning.md:9:1  warning  ${UNCITED_EN}  uncited-reference`,
        `project/zh-draft.md:1:11  error  ${FOOTNOTE_EN}  dangling-citation`,
        `project/zh-draft.md:7:54  error  ${DANGLING_EN}  dangling-citation`,
        '',
        '✖ 3 problems (2 errors, 1 warning, 0 information, 0 hints) in 2 files',
        '',
      ].join('\n'),
    );
    assert.equal(code, 1);
  });

  it('prints the success summary for clean files and exits 0', () => {
    const { code, stdout, stderr } = run(['check', 'project/en-clean.md', 'encodings/good.md']);
    assert.equal(stdout, '✔ no problems in 2 files\n');
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });

  it('prints GitHub workflow commands', () => {
    const { code, stdout } = run(['check', 'project', '--format', 'github']);
    assert.equal(
      stdout,
      '::warning file=project/nested/deeper/en-warning.md,line=9,col=1,endLine=9,endColumn=4,title=uncited-reference::' +
        `${UNCITED_EN}\n` +
        `::error file=project/zh-draft.md,line=1,col=11,endLine=1,endColumn=16,title=dangling-citation::${FOOTNOTE_EN}\n` +
        `::error file=project/zh-draft.md,line=7,col=54,endLine=7,endColumn=57,title=dangling-citation::${DANGLING_EN}\n`,
    );
    assert.equal(code, 1);
  });

  it('prints SARIF 2.1.0 with the rule catalogue and 1-based regions', () => {
    const { code, stdout } = run(['check', 'project', '--format', 'sarif']);
    assert.equal(code, 1);
    const log = JSON.parse(stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    const [sarifRun] = log.runs;
    const driver = sarifRun.tool.driver;
    assert.equal(driver.name, 'policylint');
    assert.equal(driver.version, version);
    assert.equal(typeof driver.informationUri, 'string');
    const ruleIds: string[] = driver.rules.map((rule: { id: string }) => rule.id);
    assert.ok(ruleIds.includes('dangling-citation') && ruleIds.includes('uncited-reference'));
    for (const rule of driver.rules) {
      assert.equal(rule.helpUri, `https://github.com/policylint/policylint/blob/main/docs/rules/${rule.id}.md`);
      assert.ok(rule.shortDescription.text.length > 0 && rule.fullDescription.text.length > 0);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.equal(sarifRun.results.length, 3);
    for (const result of sarifRun.results) assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    const dangling = sarifRun.results.find((result: { message: { text: string } }) => result.message.text === DANGLING_EN);
    assert.equal(dangling.level, 'error');
    assert.equal(dangling.message.text, DANGLING_EN);
    assert.deepEqual(dangling.locations, [
      {
        physicalLocation: {
          artifactLocation: { uri: 'project/zh-draft.md' },
          region: { startLine: 7, startColumn: 54, endLine: 7, endColumn: 57 },
        },
      },
    ]);
    const uncited = sarifRun.results.find((result: { ruleId: string }) => result.ruleId === 'uncited-reference');
    assert.equal(uncited.level, 'warning');
    assert.deepEqual(uncited.locations[0].physicalLocation.region, { startLine: 9, startColumn: 1, endLine: 9, endColumn: 4 });
  });

  it('counts information findings (files over --max-file-size) without failing', () => {
    const { code, stdout } = run(['check', 'project', '--max-file-size', '10', '--format', 'json']);
    const output = JSON.parse(stdout);
    assert.deepEqual(output.summary, { errors: 0, warnings: 0, information: 3, hints: 0 });
    assert.deepEqual(output.files[0].diagnostics[0].rule, 'file-too-large');
    assert.equal(code, 0);
  });
});

describe('policylint check: exit codes and --max-warnings', () => {
  it('allows any number of warnings by default and enforces the limit when given', () => {
    assert.equal(run(['check', 'project/nested']).code, 0);
    assert.equal(run(['check', 'project/nested', '--max-warnings', '1']).code, 0);
    assert.equal(run(['check', 'project/nested', '--max-warnings', '0']).code, 1);
  });
});

describe('policylint check: configuration', () => {
  it('applies --config severities (off, hint)', () => {
    const { code, stdout } = run(['check', 'project', '--config', 'config/off.yaml', '--format', 'json']);
    const output = JSON.parse(stdout);
    assert.deepEqual(output.files[2], { path: 'project/zh-draft.md', diagnostics: [] });
    assert.equal(output.files[1].diagnostics[0].severity, 'hint');
    assert.deepEqual(output.summary, { errors: 0, warnings: 0, information: 0, hints: 1 });
    assert.equal(code, 0);
  });

  it('takes the locale from a JSON configuration', () => {
    const { code, stdout } = run(['check', 'project/zh-draft.md', '--config', 'config/zh.json']);
    assert.equal(
      stdout,
      `project/zh-draft.md:1:11  warning  引用“[^说明]”所指的 [^说明] 在参考文献列表中不存在。  dangling-citation\n` +
        `project/zh-draft.md:7:54  warning  ${DANGLING_ZH}  dangling-citation\n\n` +
        '✖ 2 problems (0 errors, 2 warnings, 0 information, 0 hints) in 1 file\n',
    );
    assert.equal(code, 0);
  });

  it('reports a YAML syntax error as path:line:col and exits 2', () => {
    const { code, stdout, stderr } = run(['check', 'project', '--config', 'config/broken-syntax.yaml']);
    assert.equal(stderr, 'config/broken-syntax.yaml:4:1 Flow sequence in block collection must be sufficiently indented and end with a ]\n');
    assert.equal(stdout, '');
    assert.equal(code, 2);
  });

  it('reports an unknown rule id at its key', () => {
    const { code, stderr } = run(['check', 'project', '--config', 'config/unknown-rule.yaml']);
    assert.equal(stderr, "config/unknown-rule.yaml:4:3 unknown rule 'no-such-rule'\n");
    assert.equal(code, 2);
  });

  it('reports wrong severities at their values, every one of them', () => {
    const { code, stderr } = run(['check', 'project', '--config', 'config/bad-severity.json']);
    assert.equal(
      stderr,
      "config/bad-severity.json:3:26 invalid severity 'fatal' for rule 'dangling-citation' (expected off, hint, information, warning or error)\n" +
        "config/bad-severity.json:4:40 invalid severity 3 for rule 'uncited-reference' (expected off, hint, information, warning or error)\n",
    );
    assert.equal(code, 2);
  });

  it('names a --config file that does not exist', () => {
    const { code, stderr } = run(['check', 'project', '--config', 'config/absent.yaml']);
    assert.equal(stderr, "policylint: cannot read 'config/absent.yaml': no such file\n");
    assert.equal(code, 2);
  });

  it('uses the nearest .policylint.yaml / .policylint.json above each file', () => {
    const { code, stdout } = run(['check', 'discovered', '--format', 'json']);
    const files = JSON.parse(stdout).files as { path: string; diagnostics: { rule: string; severity: string }[] }[];
    assert.deepEqual(
      files.map((file) => [file.path, file.diagnostics.map((d) => `${d.rule}:${d.severity}`)]),
      [
        ['discovered/draft.md', ['dangling-citation:warning', 'uncited-reference:warning']],
        ['discovered/inner/draft.md', ['uncited-reference:warning']],
      ],
    );
    assert.equal(code, 0);
  });

  it('reports a broken discovered configuration, skips its files, checks the others and exits 2', () => {
    const { code, stdout, stderr } = run(['check', 'discovered-broken', 'project/en-clean.md', '--format', 'json']);
    assert.equal(
      stderr,
      "discovered-broken/.policylint.yaml:2:22 invalid severity 'sometimes' for rule 'dangling-citation' (expected off, hint, information, warning or error)\n",
    );
    assert.deepEqual(JSON.parse(stdout).files, [{ path: 'project/en-clean.md', diagnostics: [] }]);
    assert.equal(code, 2);
  });
});

describe('policylint check: locale', () => {
  it('switches message language with --locale', () => {
    const en = run(['check', 'project/zh-draft.md', '--locale', 'en', '--format', 'json']);
    const zh = run(['check', 'project/zh-draft.md', '--locale', 'zh-CN', '--format', 'json']);
    assert.equal(JSON.parse(en.stdout).files[0].diagnostics[1].message, DANGLING_EN);
    assert.equal(JSON.parse(zh.stdout).files[0].diagnostics[1].message, DANGLING_ZH);
  });

  it('follows LANG / LC_ALL, and --locale wins over them', () => {
    const message = (result: Run) => JSON.parse(result.stdout).files[0].diagnostics[1].message;
    assert.equal(message(run(['check', 'project/zh-draft.md', '--format', 'json'], { env: { LANG: 'zh_CN.UTF-8' } })), DANGLING_ZH);
    assert.equal(message(run(['check', 'project/zh-draft.md', '--format', 'json'], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' } })), DANGLING_EN);
    assert.equal(message(run(['check', 'project/zh-draft.md', '--format', 'json', '--locale', 'en'], { env: { LANG: 'zh_CN.UTF-8' } })), DANGLING_EN);
  });
});

describe('policylint: help, version and usage errors', () => {
  it('prints help and version', () => {
    for (const args of [['--help'], ['help'], ['check', '--help']]) {
      const { code, stdout } = run(args);
      assert.match(stdout, /^Usage: policylint check \[paths…\] \[options\]/, args.join(' '));
      assert.equal(code, 0);
    }
    const { code, stdout } = run(['--version']);
    assert.equal(stdout, `${version}\n`);
    assert.equal(code, 0);
  });

  it('rejects bad options and commands on stderr with exit code 2 and no output', () => {
    const cases: [string[], string][] = [
      [['check', '--format', 'xml'], "policylint: invalid value for '--format': 'xml' (expected text, json, sarif, github)"],
      [['check', '--locale', 'fr'], "policylint: invalid value for '--locale': 'fr' (expected zh-CN, en)"],
      [['check', '--max-warnings', 'lots'], "policylint: option '--max-warnings' must be a whole number, got 'lots'"],
      [['check', '--frobnicate'], "policylint: unknown option '--frobnicate'"],
      [['lint', 'project'], "policylint: unknown command 'lint'"],
      [[], "policylint: missing command; did you mean 'policylint check'?"],
    ];
    for (const [args, line] of cases) {
      const { code, stdout, stderr } = run(args);
      assert.equal(stderr, `${line}\nRun 'policylint --help' for usage.\n`, args.join(' '));
      assert.equal(stdout, '');
      assert.equal(code, 2);
    }
  });
});
