// Argument parsing, file discovery and reading: the parts of the CLI that do not need the engine.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCommandLine } from '../src/cli/args';
import { discoverFiles } from '../src/cli/discover';
import { decodeMarkdown } from '../src/cli/read';
import { localeFromEnvironment } from '../src/cli/run';

const fixtures = join(__dirname, '..', '..', 'test', 'fixtures', 'cli');

describe('command line', () => {
  it('reads check with every option', () => {
    assert.deepEqual(
      parseCommandLine(['check', 'a.md', 'docs', '--format', 'sarif', '--config=c.yaml', '--max-warnings', '3', '--locale', 'zh-CN', '--max-file-size', '2048']),
      { kind: 'check', paths: ['a.md', 'docs'], format: 'sarif', configPath: 'c.yaml', maxWarnings: 3, locale: 'zh-CN', maxFileSize: 2048 },
    );
  });

  it('defaults to text, no paths, no limits', () => {
    assert.deepEqual(parseCommandLine(['check']), {
      kind: 'check', paths: [], format: 'text', configPath: undefined, maxWarnings: undefined, locale: undefined, maxFileSize: undefined,
    });
  });

  it('knows help and version in every spelling', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['check', '--help']]) assert.deepEqual(parseCommandLine(argv), { kind: 'help' }, argv.join(' '));
    for (const argv of [['--version'], ['-v'], ['version']]) assert.deepEqual(parseCommandLine(argv), { kind: 'version' }, argv.join(' '));
  });

  it('turns every mistake into a one-line usage error', () => {
    const cases: [string[], string][] = [
      [['check', '--format', 'xml'], "invalid value for '--format': 'xml' (expected text, json, sarif, github)"],
      [['check', '--locale', 'fr'], "invalid value for '--locale': 'fr' (expected zh-CN, en)"],
      [['check', '--max-warnings', '-1'], "option '--max-warnings' needs a value; write --max-warnings=VALUE for one that starts with '-'"],
      [['check', '--max-warnings=-1'], "option '--max-warnings' must be a whole number, got '-1'"],
      [['check', '--max-warnings', 'many'], "option '--max-warnings' must be a whole number, got 'many'"],
      [['check', '--max-warnings', '1.5'], "option '--max-warnings' must be a whole number, got '1.5'"],
      [['check', '--max-file-size', '0'], "option '--max-file-size' must be at least 1"],
      [['check', '--frobnicate'], "unknown option '--frobnicate'"],
      [['check', '--format'], "option '--format' needs a value"],
      [['lint', 'a.md'], "unknown command 'lint'"],
      [[], "missing command; did you mean 'policylint check'?"],
    ];
    for (const [argv, message] of cases) {
      assert.deepEqual(parseCommandLine(argv), { kind: 'usage-error', message }, argv.join(' '));
    }
  });
});

describe('locale from the environment', () => {
  it('follows POSIX precedence and falls back to English', () => {
    assert.equal(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' }), 'zh-CN');
    assert.equal(localeFromEnvironment({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }), 'en');
    assert.equal(localeFromEnvironment({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }), 'zh-CN');
    assert.equal(localeFromEnvironment({ LANG: 'C' }), 'en');
    assert.equal(localeFromEnvironment({}), 'en');
  });
});

describe('discovery', () => {
  it('recurses into Markdown files, skipping node_modules, dot folders and other extensions, sorted', async () => {
    const { files, problems } = await discoverFiles(['project'], fixtures);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      files.map((file) => file.displayPath),
      ['project/en-clean.md', 'project/nested/deeper/en-warning.md', 'project/zh-draft.md'],
    );
    assert.equal(files[0]!.absolutePath, join(fixtures, 'project', 'en-clean.md'));
  });

  it('de-duplicates files named twice, through a directory, a file and a glob', async () => {
    const { files } = await discoverFiles(['project/zh-draft.md', './project', 'project/*.md'], fixtures);
    assert.deepEqual(
      files.map((file) => file.displayPath),
      ['project/en-clean.md', 'project/nested/deeper/en-warning.md', 'project/zh-draft.md'],
    );
  });

  it('expands globs without entering node_modules or dot folders', async () => {
    const { files, problems } = await discoverFiles(['project/**/*.md'], fixtures);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      files.map((file) => file.displayPath),
      ['project/en-clean.md', 'project/nested/deeper/en-warning.md', 'project/zh-draft.md'],
    );
  });

  it('checks an explicitly named file whatever its extension', async () => {
    const { files } = await discoverFiles(['project/notes.txt'], fixtures);
    assert.deepEqual(files.map((file) => file.displayPath), ['project/notes.txt']);
  });

  it('reports missing paths and empty globs, and keeps the rest', async () => {
    const { files, problems } = await discoverFiles(['missing.md', 'project/en-clean.md', 'nowhere/*.md'], fixtures);
    assert.deepEqual(problems, [
      { path: 'missing.md', reason: 'no such file' },
      { path: 'nowhere/*.md', reason: 'no matching files' },
    ]);
    assert.deepEqual(files.map((file) => file.displayPath), ['project/en-clean.md']);
  });

  it('shows paths relative to the working directory with forward slashes', async () => {
    const { files } = await discoverFiles([join(fixtures, 'project', 'en-clean.md')], join(fixtures, 'project', 'nested'));
    assert.deepEqual(files.map((file) => file.displayPath), ['../en-clean.md']);
  });
});

describe('reading', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

  it('strips one leading BOM and keeps CRLF', () => {
    assert.deepEqual(decodeMarkdown(bytes([0xef, 0xbb, 0xbf], '# 标题\r\n')), { kind: 'text', text: '# 标题\r\n' });
    assert.deepEqual(decodeMarkdown(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'x')), { kind: 'text', text: '\ufeffx' });
  });

  it('skips binary and non-UTF-8 content', () => {
    assert.deepEqual(decodeMarkdown(bytes('# a', [0], 'b')), { kind: 'skipped', reason: 'binary file' });
    assert.deepEqual(decodeMarkdown(bytes('Caf', [0xe9], ' policy')), { kind: 'skipped', reason: 'not UTF-8 text' });
  });
});
