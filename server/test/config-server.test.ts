// The language server and configuration files: the nearest file applies to each draft, editing or replacing it
// re-checks open drafts at once, an invalid file gets its own diagnostics while the drafts keep the last good
// configuration, and code actions edit the file (never settings.json). Plus the store's folder walk, unit-tested.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  type CodeAction,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { ConfigStore } from '../src/lsp/configStore';
import { TestClient, byCode, ensureServerBuilt, fullCapabilities, rangeOf, textOf } from './helpers/lspClient';

before(() => ensureServerBuilt());

const root = mkdtempSync(join(tmpdir(), 'policylint-server-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

const DRAFT = '# 引言\n\n文献 [3] 提出了这一点。\n\n出口增长了 35%。\n\n## 参考文献\n\n[1] 王明. 标题[J]. 期刊, 2020.\n';

/** VS Code's capabilities plus what the configuration features use: file creation and watched-file registration. */
const capabilities = {
  ...fullCapabilities,
  workspace: {
    ...fullCapabilities.workspace,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create' as const] },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
};

async function withClient(body: (client: TestClient) => Promise<void>, options: { create?: boolean } = {}): Promise<void> {
  const client = await TestClient.start({ capabilities: options.create === false ? fullCapabilities : capabilities, settings: {} });
  try {
    await body(client);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
}

function folder(name: string): string {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  return path;
}

describe('configuration files in the language server', () => {
  test('the nearest file applies, and a changed file re-checks open drafts at once', async () => {
    const dir = folder('watch');
    const configPath = join(dir, '.policylint.yaml');
    writeFileSync(configPath, 'rules:\n  dangling-citation: off\n');
    await withClient(async (client) => {
      const uri = pathToFileURL(join(dir, 'draft.md')).href;
      const first = await client.open(uri, DRAFT);
      assert.deepEqual(byCode(first.diagnostics, 'dangling-citation'), []);

      writeFileSync(configPath, 'rules:\n  dangling-citation: hint\n');
      const since = client.diagnostics.length;
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: pathToFileURL(configPath).href, type: FileChangeType.Changed }],
      });
      const second = await client.nextDiagnostics(uri, since);
      assert.equal(byCode(second.diagnostics, 'dangling-citation')[0]?.severity, 4);

      rmSync(configPath);
      const afterDelete = client.diagnostics.length;
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: pathToFileURL(configPath).href, type: FileChangeType.Deleted }],
      });
      const third = await client.nextDiagnostics(uri, afterDelete);
      assert.equal(byCode(third.diagnostics, 'dangling-citation')[0]?.severity, 1, 'back to the default: error');
    });
  });

  test('the file wins over settings, rule by rule', async () => {
    const dir = folder('precedence');
    writeFileSync(join(dir, '.policylint.yaml'), 'rules:\n  dangling-citation: warning\n');
    const client = await TestClient.start({
      capabilities,
      settings: { rules: { 'dangling-citation': 'off', 'uncited-reference': 'off' } },
    });
    try {
      const published = await client.open(pathToFileURL(join(dir, 'draft.md')).href, DRAFT);
      assert.equal(byCode(published.diagnostics, 'dangling-citation')[0]?.severity, 2, 'the file says warning');
      assert.deepEqual(byCode(published.diagnostics, 'uncited-reference'), [], 'the setting still applies where the file is silent');
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  test('an invalid open configuration gets diagnostics; drafts keep the last good configuration', async () => {
    const dir = folder('invalid');
    const configPath = join(dir, '.policylint.yaml');
    const configUri = pathToFileURL(configPath).href;
    writeFileSync(configPath, 'rules:\n  dangling-citation: off\n');
    await withClient(async (client) => {
      const uri = pathToFileURL(join(dir, 'draft.md')).href;
      assert.deepEqual(byCode((await client.open(uri, DRAFT)).diagnostics, 'dangling-citation'), []);

      const since = client.diagnostics.length;
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: configUri, languageId: 'yaml', version: 1, text: 'rules:\n  dangling-citation: loud\n' },
      });
      const own = await client.waitForDiagnostics((params) => params.uri === configUri, since);
      assert.equal(own.diagnostics.length, 1);
      assert.deepEqual(own.diagnostics[0]!.range, { start: { line: 1, character: 21 }, end: { line: 1, character: 25 } });
      assert.match(textOf(own.diagnostics[0]!.message), /invalid severity 'loud'/);
      const draft = await client.nextDiagnostics(uri, since);
      assert.deepEqual(byCode(draft.diagnostics, 'dangling-citation'), [], 'the last good configuration stays in force');
      assert.ok(client.logs.some((line) => /is invalid .*keeping the last good configuration/.test(line)));
    });
  });

  test('code actions write the configuration file as a workspace edit', async () => {
    const dir = folder('actions');
    const configPath = join(dir, '.policylint.yaml');
    writeFileSync(configPath, '# shared by the team\nrules:\n  citation-order: warning\n');
    await withClient(async (client) => {
      const uri = pathToFileURL(join(dir, 'draft.md')).href;
      const published = await client.open(uri, DRAFT);
      const dangling = byCode(published.diagnostics, 'dangling-citation')[0]!;
      const actions = (await client.codeActions(uri, dangling.range, { diagnostics: [dangling] })) as CodeAction[];
      const disable = actions.find((action) => action.title === "Disable 'dangling-citation' in the configuration");
      assert.ok(disable, actions.map((action) => action.title).join(', '));
      const change = disable.edit!.documentChanges![0] as TextDocumentEdit;
      assert.equal(change.textDocument.uri, pathToFileURL(configPath).href);
      assert.equal((change.edits[0] as TextEdit).newText, '# shared by the team\nrules:\n  citation-order: warning\n  dangling-citation: off\n');

      const statistic = byCode(published.diagnostics, 'unsourced-statistic')[0]!;
      const more = (await client.codeActions(uri, statistic.range, { diagnostics: [statistic] })) as CodeAction[];
      const exempt = more.find((action) => action.title === "Mark section '引言' as exempt from citation checks");
      assert.ok(exempt, more.map((action) => action.title).join(', '));
      assert.match(((exempt.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as TextEdit).newText, /exemptSections:\n(?:  - .*\n)*  - 引言\n/);
      const term = rangeOf(DRAFT, '这一点');
      const glossary = (await client.codeActions(uri, term, { diagnostics: [] })) as CodeAction[];
      assert.ok(glossary.some((action) => action.title === "Add '这一点' to the glossary"));
      assert.ok(!actions.some((action) => action.title.endsWith('to the glossary')), 'a citation marker is not a term');
    });
  });

  test('without a configuration file, the action creates .policylint.yaml next to the draft', async () => {
    const dir = folder('create');
    await withClient(async (client) => {
      const uri = pathToFileURL(join(dir, 'draft.md')).href;
      const dangling = byCode((await client.open(uri, DRAFT)).diagnostics, 'dangling-citation')[0]!;
      const actions = (await client.codeActions(uri, dangling.range, { diagnostics: [dangling] })) as CodeAction[];
      const disable = actions.find((action) => action.title.startsWith("Disable 'dangling-citation'"));
      assert.deepEqual(disable?.edit?.documentChanges?.[0], {
        kind: 'create',
        uri: pathToFileURL(join(dir, '.policylint.yaml')).href,
        options: { ignoreIfExists: true },
      });
    });
    // A client that cannot create files is not offered an edit it could not apply.
    await withClient(async (client) => {
      const uri = pathToFileURL(join(dir, 'other.md')).href;
      const dangling = byCode((await client.open(uri, DRAFT)).diagnostics, 'dangling-citation')[0]!;
      const actions = (await client.codeActions(uri, dangling.range, { diagnostics: [dangling] })) as CodeAction[];
      assert.ok(!actions.some((action) => action.title.startsWith("Disable 'dangling-citation' in the configuration")));
    }, { create: false });
  });
});

describe('ConfigStore', () => {
  function store(files: Record<string, string>, folders: string[], open: Record<string, string> = {}) {
    const logs: string[] = [];
    const configs = new ConfigStore(
      {
        openText: (uri) => open[uri],
        readFile: (path) => Promise.resolve(files[path]),
        log: (line) => logs.push(line),
      },
      folders,
      'en',
    );
    return { configs, logs };
  }

  test('walks up from the file, but not past the workspace folder', async () => {
    const { configs } = store({ '/w/.policylint.yaml': 'rules: { citation-order: off }', '/.policylint.yaml': 'locale: zh-CN' }, ['/w']);
    const found = await configs.forDocument('file:///w/a/b/draft.md');
    assert.equal(found.path, '/w/.policylint.yaml');
    assert.deepEqual(found.config.rules, { 'citation-order': 'off' });
    const outside = store({ '/.policylint.yaml': 'locale: zh-CN' }, ['/w']).configs;
    assert.equal((await outside.forDocument('file:///w/a/draft.md')).path, undefined, 'the file above the workspace is not used');
  });

  test('prefers the open buffer, keeps the last good configuration, and applies ignore', async () => {
    const files: Record<string, string> = { '/w/.policylint.yaml': 'ignore: [old/**]\nrules: { citation-order: off }' };
    const { configs, logs } = store(files, ['/w']);
    assert.equal((await configs.forDocument('file:///w/old/x.md')).ignored, true);
    files['/w/.policylint.yaml'] = 'rules: { citation-order: nonsense }';
    configs.invalidate();
    const kept = await configs.forDocument('file:///w/x.md');
    assert.deepEqual(kept.config.rules, { 'citation-order': 'off' });
    assert.equal(logs.length, 1);
    assert.deepEqual(await configs.diagnosticsFor('file:///w/.policylint.yaml').then((d) => d.map((x) => x.range.start)), [{ line: 0, character: 25 }]);
  });
});
