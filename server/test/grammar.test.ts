// Runs the TextMate grammar tests under test/grammar/ with vscode-tmgrammar-test (against a minimal stand-in for
// VS Code's Markdown grammar), proves the harness can fail, and checks the heading-cue grammar against the
// framework's heading cues with vscode-textmate directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { paperFramework } from '../src/engine/framework';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const BASE_GRAMMAR = join(ROOT, 'test', 'grammar', 'markdown-base.tmLanguage.json');

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { grammars?: GrammarContribution[]; snippets?: { language: string; path: string }[] };
};
const contributions = (manifest.contributes.grammars ?? []).filter((g) => g.scopeName.startsWith('policylint.'));

function runGrammarTests(testGlob: string) {
  return spawnSync(process.execPath, [CLI, '--compact', '--config', join(ROOT, 'package.json'), '-g', BASE_GRAMMAR, testGlob], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

test('package.json contributes the injection grammars and the snippets', () => {
  assert.deepEqual(contributions.map((g) => g.scopeName).sort(), ['policylint.markdown.heading.injection', 'policylint.markdown.injection']);
  for (const contribution of contributions) {
    assert.deepEqual(contribution.injectTo, ['text.html.markdown']);
    const grammar = JSON.parse(readFileSync(join(ROOT, contribution.path), 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(grammar.scopeName, contribution.scopeName);
  }
  const main = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'policylint.injection.tmLanguage.json'), 'utf8'));
  assert.equal(main.injectionSelector, 'L:text.html.markdown -comment -markup.fenced_code -markup.inline.raw');
  assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: './snippets/policylint.code-snippets' }]);
  assert.ok(existsSync(join(ROOT, 'snippets', 'policylint.code-snippets')));
});

test('every grammar test case under test/grammar passes', () => {
  const result = runGrammarTests('test/grammar/*.test.md');
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
  const passed = result.stdout.split('\n').filter((line) => line.startsWith('✓'));
  const cases = readdirSync(join(ROOT, 'test', 'grammar')).filter((name) => name.endsWith('.test.md'));
  assert.ok(cases.length >= 5);
  assert.equal(passed.length, cases.length, result.stdout);
});

test('the grammar harness reports a wrong expectation as a failure', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-grammar-'));
  try {
    const file = join(dir, 'wrong.test.md');
    writeFileSync(file, ['<!-- SYNTAX TEST "text.html.markdown" "must fail"', 'text [1] here', '<!-- ^^^^ markup.citation.policylint', ''].join('\n'));
    const result = runGrammarTests(file);
    assert.notEqual(result.status, 0, result.stdout);
    assert.match(result.stdout, /wrong\.test\.md:2:\d+:\d+ Missing required scopes: \[ markup\.citation\.policylint \]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function loadRegistry(): Promise<vsctm.Registry> {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const files = new Map<string, string>([['text.html.markdown', BASE_GRAMMAR]]);
  for (const contribution of contributions) files.set(contribution.scopeName, join(ROOT, contribution.path));
  return new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const path = files.get(scopeName);
      return path ? vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? contributions.map((c) => c.scopeName) : undefined),
  });
}

/** Scopes of the token covering `needle` on a one-line document. */
function scopesAt(grammar: vsctm.IGrammar, line: string, needle: string): string[] {
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${line}`);
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
  const covering = tokens.filter((t) => t.startIndex < at + needle.length && t.endIndex > at);
  assert.equal(covering.length, 1, `"${needle}" in "${line}" is split over ${covering.length} tokens`);
  return token.scopes;
}

test('every heading cue of the framework is scoped in headings and nowhere else', async () => {
  const registry = await loadRegistry();
  const grammar = (await registry.loadGrammar('text.html.markdown'))!;
  const kinds = [
    ['challenge', paperFramework.headingCues.challenge],
    ['countermeasure', paperFramework.headingCues.countermeasure],
  ] as const;
  for (const [kind, cues] of kinds) {
    for (const cue of cues) {
      const heading = `## 4 中韩合作的${cue}`;
      assert.ok(scopesAt(grammar, heading, cue).includes(`keyword.other.${kind}.policylint`), `${kind} cue "${cue}" in a heading`);
      const upper = `## The ${cue.toUpperCase()} ahead`;
      if (/^[a-z ]+$/i.test(cue)) {
        assert.ok(scopesAt(grammar, upper, cue.toUpperCase()).includes(`keyword.other.${kind}.policylint`), `"${cue}" in capitals`);
      }
      const paragraph = `正文提到${cue}而已。`;
      assert.ok(!scopesAt(grammar, paragraph, cue).some((s) => s.startsWith('keyword.other.')), `"${cue}" outside a heading`);
    }
  }
});
