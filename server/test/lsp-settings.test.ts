// Protocol tests for settings and scheduling: per-resource configuration, pushed configuration, locales,
// rule severities, and the onType debounce that publishes only the latest version.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import {
  TestClient,
  byCode,
  ensureServerBuilt,
  fileUri,
  fullCapabilities,
  minimalCapabilities,
  positionOf,
  textOf,
  type StartOptions,
} from './helpers/lspClient';
import { DRAFT } from './helpers/lspDocuments';

before(() => ensureServerBuilt());

async function withClient(options: StartOptions, body: (client: TestClient) => Promise<void>): Promise<void> {
  const client = await TestClient.start(options);
  try {
    await body(client);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
}

describe('run = onType', () => {
  test('rapid edits publish only the latest version, after the pause', async () => {
    await withClient({ capabilities: fullCapabilities, settings: { run: 'onType' } }, async (client) => {
      const uri = fileUri('typing.md');
      await client.open(uri, DRAFT);
      const since = client.diagnostics.length;
      const end = positionOf(DRAFT, '仍须准确定位。', 0, '仍须准确定位。'.length);
      const typed = ['更', '多', '内', '容', '[9]'];
      let character = end.character;
      for (const [index, text] of typed.entries()) {
        const at = { line: end.line, character };
        void client.change(uri, index + 2, [{ range: { start: at, end: at }, text }]);
        character += text.length;
      }
      const latest = typed.length + 1;
      const lastEditSent = Date.now();
      const published = await client.nextDiagnostics(uri, since, latest);
      // Published after the typing pause, not straight after the edit.
      assert.ok(Date.now() - lastEditSent >= 250, 'diagnostics published before the debounce elapsed');
      const forUri = client.diagnostics.slice(since).filter((params) => params.uri === uri);
      assert.deepEqual(forUri.map((params) => params.version), [latest]);
      // The last edit added a second dangling citation, "[9]".
      assert.equal(byCode(published.diagnostics, 'dangling-citation').length, 2);
    });
  });

  test('opening a document checks it once, not once more after the typing pause', async () => {
    await withClient({ capabilities: fullCapabilities, settings: { run: 'onType' } }, async (client) => {
      const opened = fileUri('opened-once.md');
      await client.open(opened, DRAFT);
      // A debounced check of another document takes at least the pause; a second check of the first
      // document would have been scheduled earlier with the same pause, so it would be in by then.
      const other = fileUri('other.md');
      await client.open(other, DRAFT);
      const since = client.diagnostics.length;
      await client.change(other, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      await client.nextDiagnostics(other, since, 2);
      assert.deepEqual(
        client.diagnostics.filter((params) => params.uri === opened).map((params) => params.version),
        [1],
      );
    });
  });
});

describe('rule settings', () => {
  test('severities come from policylint.rules, per resource, and re-check on change', async () => {
    const quiet = fileUri('quiet.md');
    const loud = fileUri('loud.md');
    let rules: unknown = { 'uncited-reference': 'off', 'dangling-citation': 'hint' };
    const settings = (scopeUri: string | undefined) => (scopeUri === quiet ? { rules } : {});
    await withClient({ capabilities: fullCapabilities, settings }, async (client) => {
      const quietFirst = await client.open(quiet, DRAFT);
      assert.deepEqual(byCode(quietFirst.diagnostics, 'uncited-reference'), []);
      assert.equal(byCode(quietFirst.diagnostics, 'dangling-citation')[0]?.severity, DiagnosticSeverity.Hint);

      const loudFirst = await client.open(loud, DRAFT);
      assert.equal(byCode(loudFirst.diagnostics, 'uncited-reference').length, 1);
      assert.equal(byCode(loudFirst.diagnostics, 'dangling-citation')[0]?.severity, DiagnosticSeverity.Error);

      // Lenient parsing: "warn" is a warning, nonsense is ignored (the rule keeps its default).
      rules = { 'uncited-reference': { severity: 'warn' }, 'dangling-citation': 'loudly' };
      const since = client.diagnostics.length;
      await client.changeConfiguration(null);
      const quietAgain = await client.nextDiagnostics(quiet, since);
      assert.equal(byCode(quietAgain.diagnostics, 'uncited-reference')[0]?.severity, DiagnosticSeverity.Warning);
      assert.equal(byCode(quietAgain.diagnostics, 'dangling-citation')[0]?.severity, DiagnosticSeverity.Error);
      await client.nextDiagnostics(loud, since);
    });
  });

  test('a client without workspace/configuration uses initializationOptions, then pushed settings', async () => {
    await withClient(
      {
        capabilities: minimalCapabilities,
        initializationOptions: { settings: { rules: { 'dangling-citation': 'off' } } },
      },
      async (client) => {
        const uri = fileUri('pushed.md');
        const first = await client.open(uri, DRAFT);
        assert.deepEqual(byCode(first.diagnostics, 'dangling-citation'), []);
        const since = client.diagnostics.length;
        await client.changeConfiguration({ policylint: { rules: { 'uncited-reference': 'off' } } });
        const second = await client.nextDiagnostics(uri, since);
        assert.equal(byCode(second.diagnostics, 'dangling-citation').length, 1);
        assert.deepEqual(byCode(second.diagnostics, 'uncited-reference'), []);
      },
    );
  });

  test('maxFileSize from workspace/configuration applies per resource', async () => {
    await withClient({ capabilities: fullCapabilities, settings: { maxFileSize: 1024 } }, async (client) => {
      const { diagnostics } = await client.open(fileUri('limited.md'), DRAFT.repeat(8));
      assert.deepEqual(diagnostics.map((d) => d.code), ['file-too-large']);
      assert.match(textOf(diagnostics[0]!.message), /1024/);
    });
  });
});

describe('locale', () => {
  const chinese = /参考文献列表中不存在/;
  const english = /missing from the reference list/;

  async function danglingMessage(options: StartOptions): Promise<string> {
    let message = '';
    await withClient(options, async (client) => {
      const { diagnostics } = await client.open(fileUri('locale.md'), DRAFT);
      const [dangling] = byCode(diagnostics, 'dangling-citation');
      message = dangling ? textOf(dangling.message) : '';
    });
    return message;
  }

  test('defaults to English', async () => {
    assert.match(await danglingMessage({ capabilities: minimalCapabilities }), english);
  });

  test('follows the locale in initialize params', async () => {
    assert.match(await danglingMessage({ capabilities: minimalCapabilities, locale: 'zh-cn' }), chinese);
  });

  test('falls back to initializationOptions.locale', async () => {
    assert.match(
      await danglingMessage({ capabilities: minimalCapabilities, initializationOptions: { locale: 'zh-CN' } }),
      chinese,
    );
  });

  test('the policylint.locale setting wins over the client locale', async () => {
    assert.match(await danglingMessage({ capabilities: fullCapabilities, locale: 'zh-cn', settings: { locale: 'en' } }), english);
    assert.match(await danglingMessage({ capabilities: fullCapabilities, locale: 'en', settings: { locale: 'zh-CN' } }), chinese);
    assert.match(await danglingMessage({ capabilities: fullCapabilities, locale: 'zh-cn', settings: { locale: 'auto' } }), chinese);
  });
});
