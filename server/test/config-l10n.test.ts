// Language parity: a message that exists in one language must exist in the other, with the same placeholders.
// Covers the manifest (package.nls*.json), the client's runtime strings (l10n bundles), and the message tables of
// the CLI, the configuration loader and the configuration code actions. (Engine messages are typed `Localized`.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI_MESSAGES } from '../src/cli/messages';
import { CONFIG_MESSAGES } from '../src/config/messages';
import type { Localized } from '../src/engine';
import { CONFIG_ACTION_MESSAGES } from '../src/lsp/configActions';

const REPO = join(__dirname, '..', '..');

function readJson(path: string): Record<string, string> {
  return JSON.parse(readFileSync(join(REPO, path), 'utf8')) as Record<string, string>;
}

/** `{0}`-style placeholders (and VS Code's `{name}` ones) as a sorted multiset. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{[\w.]+\}/g)].map((match) => match[0]))].sort();
}

function assertSameKeys(a: Record<string, string>, b: Record<string, string>, what: string): void {
  const onlyA = Object.keys(a).filter((key) => !(key in b));
  const onlyB = Object.keys(b).filter((key) => !(key in a));
  assert.deepEqual({ onlyA, onlyB }, { onlyA: [], onlyB: [] }, `${what}: keys present in one language only`);
  for (const key of Object.keys(a)) {
    assert.ok(a[key]!.trim() !== '' && b[key]!.trim() !== '', `${what}: '${key}' is empty`);
    assert.deepEqual(placeholders(b[key]!), placeholders(a[key]!), `${what}: placeholders of '${key}' differ`);
  }
}

function assertTable(table: Record<string, Localized>, what: string): void {
  for (const [key, message] of Object.entries(table)) {
    assert.ok(message.en.trim() !== '' && message['zh-CN'].trim() !== '', `${what}.${key} is missing a language`);
    assert.deepEqual(placeholders(message['zh-CN']), placeholders(message.en), `${what}.${key}: placeholders differ`);
  }
}

describe('language parity', () => {
  it('package.nls.json and package.nls.zh-cn.json have the same keys and placeholders', () => {
    assertSameKeys(readJson('package.nls.json'), readJson('package.nls.zh-cn.json'), 'package.nls');
  });

  it('every l10n bundle translates exactly the strings the client passes to vscode.l10n.t', () => {
    const clientDir = join(REPO, 'client', 'src');
    const used = new Set<string>();
    for (const name of readdirSync(clientDir)) {
      const source = readFileSync(join(clientDir, name), 'utf8');
      for (const match of source.matchAll(/l10n\.t\(\s*(['"`])((?:(?!\1).)*)\1/g)) used.add(match[2]!);
    }
    assert.ok(used.size > 0);
    const english = readJson('l10n/bundle.l10n.json');
    const bundles = readdirSync(join(REPO, 'l10n')).filter((name) => /^bundle\.l10n\.[\w-]+\.json$/.test(name));
    assert.ok(bundles.includes('bundle.l10n.zh-cn.json'));
    assert.deepEqual(Object.keys(english).sort(), [...used].sort(), 'l10n/bundle.l10n.json');
    for (const bundle of bundles) assertSameKeys(english, readJson(join('l10n', bundle)), bundle);
  });

  it('the manifest points VS Code at the l10n folder, and the package ships it and the schema', () => {
    assert.equal(readJson('package.json').l10n, './l10n');
    const ignore = readFileSync(join(REPO, '.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.ok(ignore.includes('!l10n/**') && ignore.includes('!schemas/**'), '.vscodeignore must re-include l10n/ and schemas/');
  });

  it('CLI, configuration and configuration-action messages exist in both languages with the same placeholders', () => {
    assertTable(CLI_MESSAGES, 'CLI_MESSAGES');
    assertTable(CONFIG_MESSAGES, 'CONFIG_MESSAGES');
    assertTable(CONFIG_ACTION_MESSAGES, 'CONFIG_ACTION_MESSAGES');
  });

  it('the parity check notices a missing language and a lost placeholder', () => {
    assert.throws(() => assertSameKeys({ a: 'x' }, {}, 't'));
    assert.throws(() => assertSameKeys({ a: 'x {0}' }, { a: 'y' }, 't'));
    assert.throws(() => assertTable({ a: { en: '{0} {1}', 'zh-CN': '{0}' } }, 't'));
  });
});
