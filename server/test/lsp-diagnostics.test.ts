// Protocol tests for diagnostics: the built server over stdio, a real LSP conversation, exact UTF-16 ranges.
import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  DidOpenTextDocumentNotification,
  ExitNotification,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  createProtocolConnection,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import {
  ROOT,
  SERVER,
  TestClient,
  byCode,
  ensureServerBuilt,
  fileUri,
  fullCapabilities,
  minimalCapabilities,
  positionOf,
  rangeOf,
  toCrlf,
  withTimeout,
} from './helpers/lspClient';
import { CLEAN_DRAFT, DRAFT } from './helpers/lspDocuments';

before(() => ensureServerBuilt());

/** Code and range of each diagnostic, for comparing documents that should give the same positions. */
function shape(diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics.map(({ code, range }) => ({ code, range }));
}

describe('diagnostics for a full client', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ capabilities: fullCapabilities, settings: {} });
  });
  after(() => client.kill());

  test('announces incremental sync, completion triggers and code action kinds', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.deepEqual(capabilities?.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(capabilities?.completionProvider?.triggerCharacters, ['[', '［']);
    assert.deepEqual(capabilities?.codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.fixAll'],
      resolveProvider: false,
    });
    assert.equal(client.initializeResult?.serverInfo?.name, 'policylint-language-server');
  });

  test('publishes the expected codes with exact UTF-16 ranges, doc links, tags and data', async () => {
    const uri = fileUri('draft.md');
    const { diagnostics, version } = await client.open(uri, DRAFT);
    assert.equal(version, 1);

    const [dangling] = byCode(diagnostics, 'dangling-citation');
    assert.ok(dangling, 'dangling-citation expected');
    // "😀" is two UTF-16 code units, so the marker starts at character 10, not 9.
    assert.deepEqual(dangling.range, { start: { line: 8, character: 10 }, end: { line: 8, character: 13 } });
    assert.deepEqual(dangling.range, rangeOf(DRAFT, '[5]'));
    assert.equal(dangling.severity, DiagnosticSeverity.Error);
    assert.equal(dangling.source, 'policylint');
    assert.equal(
      dangling.codeDescription?.href,
      pathToFileURL(join(ROOT, 'docs', 'rules', 'dangling-citation.md')).href,
    );
    assert.deepEqual(dangling.data, { style: 'numeric', missing: [5], rule: 'dangling-citation', text: '[5]' });

    const [uncited] = byCode(diagnostics, 'uncited-reference');
    assert.ok(uncited, 'uncited-reference expected');
    assert.deepEqual(uncited.range, { start: { line: 15, character: 0 }, end: { line: 15, character: 3 } });
    assert.equal(uncited.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(uncited.tags, [DiagnosticTag.Unnecessary]);
    assert.equal((uncited.data as { rule?: unknown }).rule, 'uncited-reference');

    assert.deepEqual(byCode(diagnostics, 'citation-order'), []);
    assert.deepEqual(byCode(diagnostics, 'missing-reference-list'), []);
    for (const diagnostic of diagnostics) {
      assert.equal(typeof diagnostic.code, 'string');
      assert.equal(diagnostic.source, 'policylint');
    }
  });

  test('CRLF and BOM variants give identical positions', async () => {
    const lf = await client.open(fileUri('lf.md'), DRAFT);
    const crlf = await client.open(fileUri('crlf.md'), toCrlf(DRAFT));
    const bom = await client.open(fileUri('bom.md'), `\uFEFF${DRAFT}`);
    assert.ok(lf.diagnostics.length >= 2);
    assert.deepEqual(shape(crlf.diagnostics), shape(lf.diagnostics));
    assert.deepEqual(shape(bom.diagnostics), shape(lf.diagnostics));
  });

  test('a BOM on the first line is counted in the editor buffer positions', async () => {
    const text = '\uFEFF引用[7]在第一行。\n\n## 参考文献\n\n[1] 张三. 题名[J]. 刊名, 2024.\n';
    const { diagnostics } = await client.open(fileUri('bom-first-line.md'), text);
    const [dangling] = byCode(diagnostics, 'dangling-citation');
    // The buffer holds the BOM at character 0, so "[7]" starts at character 3.
    assert.deepEqual(dangling?.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 6 } });
  });

  test('an incremental change is checked on save, and only then', async () => {
    const uri = fileUri('edit.md');
    await client.open(uri, DRAFT);
    const since = client.diagnostics.length;
    // Replace the dangling "5" by "4": the marker resolves and reference [4] becomes cited.
    const five = positionOf(DRAFT, '[5]', 0, 1);
    await client.change(uri, 2, [{ range: { start: five, end: { line: five.line, character: five.character + 1 } }, text: '4' }]);
    // A request round trip proves the change was processed; with run = onSave nothing is published for it.
    await client.hover(uri, five);
    assert.equal(client.diagnostics.slice(since).filter((p) => p.uri === uri).length, 0);

    await client.save(uri);
    const published = await client.nextDiagnostics(uri, since, 2);
    assert.deepEqual(byCode(published.diagnostics, 'dangling-citation'), []);
    assert.deepEqual(byCode(published.diagnostics, 'uncited-reference'), []);
  });

  test('closing a document publishes empty diagnostics', async () => {
    const uri = fileUri('close.md');
    const opened = await client.open(uri, DRAFT);
    assert.ok(opened.diagnostics.length > 0);
    const since = client.diagnostics.length;
    await client.close(uri);
    const cleared = await client.nextDiagnostics(uri, since);
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('a clean draft gets no citation findings', async () => {
    const { diagnostics } = await client.open(fileUri('clean.md'), CLEAN_DRAFT);
    const citationRules = ['dangling-citation', 'uncited-reference', 'citation-order', 'missing-reference-list'];
    assert.deepEqual(diagnostics.filter((d) => citationRules.includes(String(d.code))), []);
  });

  test('a document over the default 5 MB limit gets one file-too-large diagnostic', async () => {
    const line = `${'政策文本的段落内容。'.repeat(20)}[9]\n`;
    const text = line.repeat(Math.ceil((5 * 1024 * 1024 + 1) / line.length));
    const { diagnostics } = await client.open(fileUri('huge.md'), text);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.code, 'file-too-large');
    assert.deepEqual(diagnostics[0]?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });
});

describe('diagnostics for a minimal client', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ capabilities: minimalCapabilities });
  });
  after(() => client.kill());

  test('gets no codeDescription, relatedInformation or tags, and no code action provider', async () => {
    assert.equal(client.initializeResult?.capabilities.codeActionProvider, false);
    const { diagnostics } = await client.open(fileUri('minimal.md'), DRAFT);
    assert.equal(byCode(diagnostics, 'dangling-citation').length, 1);
    assert.equal(byCode(diagnostics, 'uncited-reference').length, 1);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.codeDescription, undefined);
      assert.equal(diagnostic.relatedInformation, undefined);
      assert.equal(diagnostic.tags, undefined);
    }
  });

  test('honours maxFileSize from initializationOptions', async () => {
    const sized = await TestClient.start({
      capabilities: minimalCapabilities,
      initializationOptions: { settings: { maxFileSize: 2048 } },
    });
    try {
      const { diagnostics } = await sized.open(fileUri('sized.md'), DRAFT.repeat(10));
      assert.deepEqual(diagnostics.map((d) => d.code), ['file-too-large']);
      assert.equal(await sized.shutdown(), 0);
    } finally {
      sized.kill();
    }
  });
});

describe('process', () => {
  test('shutdown and exit end the server with code 0', async () => {
    const client = await TestClient.start();
    try {
      await client.open(fileUri('bye.md'), DRAFT);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  test('--node-ipc serves the same protocol as --stdio (the VS Code transport)', async () => {
    const child = fork(SERVER, ['--node-ipc'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      const published = new Promise<PublishDiagnosticsParams>((resolvePublish) =>
        connection.onNotification(PublishDiagnosticsNotification.type, resolvePublish),
      );
      connection.listen();
      const result = await withTimeout(
        connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} }),
        'initialize over IPC',
      );
      assert.equal(typeof result.capabilities.textDocumentSync, 'object');
      await connection.sendNotification(InitializedNotification.type, {});
      const uri = fileUri('ipc.md');
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT },
      });
      const { diagnostics } = await withTimeout(published, 'diagnostics over IPC');
      assert.deepEqual(byCode(diagnostics, 'dangling-citation')[0]?.range, rangeOf(DRAFT, '[5]'));
      await withTimeout(connection.sendRequest(ShutdownRequest.type), 'shutdown over IPC');
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await withTimeout(exited, 'exit over IPC'), 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  test('--version and --help answer without starting a connection', () => {
    const version = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--stdio/);
    assert.match(help.stdout, /--node-ipc/);
    const none = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(none.status, 2);
    assert.equal(none.stdout, '');
  });
});

describe('checks in turn', () => {
  test('a document whose settings the client has not answered yet holds up no other document', async () => {
    const slow = fileUri('slow-settings.md');
    let release: () => void = () => undefined;
    const held = new Promise<unknown>((resolve) => (release = () => resolve({})));
    const client = await TestClient.start({ capabilities: fullCapabilities, settings: (scope: string | undefined) => (scope === slow ? held : {}) });
    try {
      const since = client.diagnostics.length;
      const slowOpened = client.open(slow, DRAFT);
      const other = await client.open(fileUri('prompt-settings.md'), DRAFT);
      assert.ok(byCode(other.diagnostics, 'dangling-citation').length > 0);
      assert.equal(client.diagnostics.slice(since).filter((p) => p.uri === slow).length, 0, 'the held document is not checked yet');
      release();
      assert.deepEqual((await slowOpened).diagnostics, other.diagnostics);
      await client.shutdown();
    } finally {
      client.kill();
    }
  });
});
