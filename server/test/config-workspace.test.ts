// `policylint.checkWorkspace` and workspace folders, over the protocol: closed Markdown files are checked and
// published, `ignore` and the discovery rules apply, the configuration walk stops at the workspace folder, and
// turning the setting off clears what was published. (The shared test client starts without workspace folders,
// so this file drives the server with its own small connection.)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  ExitNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT, SERVER, ensureServerBuilt, fullCapabilities, withTimeout } from './helpers/lspClient';

before(() => ensureServerBuilt());

const root = mkdtempSync(join(tmpdir(), 'policylint-workspace-'));
after(() => rmSync(root, { recursive: true, force: true }));

const BROKEN = '正文 [3]。\n\n## 参考文献\n\n[1] 王明. 标题[J]. 期刊, 2020.\n';

test('checkWorkspace publishes closed files, honours ignore, and clears them when turned off', async () => {
  const workspace = join(root, 'ws');
  for (const dir of ['chapters', 'archive', 'node_modules/pkg', '.hidden']) mkdirSync(join(workspace, dir), { recursive: true });
  writeFileSync(join(root, '.policylint.yaml'), 'rules: { dangling-citation: off }\n'); // above the workspace: not used
  writeFileSync(join(workspace, '.policylint.yaml'), 'ignore: [archive/**]\nrules: { uncited-reference: off }\n');
  for (const file of ['chapters/one.md', 'archive/old.md', 'node_modules/pkg/README.md', '.hidden/x.md']) {
    writeFileSync(join(workspace, file), BROKEN);
  }
  const uriOf = (file: string): string => pathToFileURL(join(workspace, file)).href;

  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT });
  const connection = createProtocolConnection(child.stdout, child.stdin);
  let settings: unknown = { checkWorkspace: true };
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const waitFor = (predicate: (p: PublishDiagnosticsParams) => boolean, since: number): Promise<PublishDiagnosticsParams> => {
    const seen = published.slice(since).find(predicate);
    if (seen) return Promise.resolve(seen);
    return withTimeout(new Promise((resolve) => waiters.push({ predicate, resolve })), 'publishDiagnostics');
  };
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();
  try {
    await withTimeout(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(workspace).href,
        workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
        capabilities: { ...fullCapabilities, workspace: { ...fullCapabilities.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } },
      }),
      'initialize',
    );
    await connection.sendNotification(InitializedNotification.type, {});

    const chapter = await waitFor((p) => p.uri === uriOf('chapters/one.md'), 0);
    assert.deepEqual(chapter.diagnostics.map((d) => d.code), ['dangling-citation'], 'the workspace file applies, the one above it does not');

    // Changing a closed file on disk re-checks it.
    writeFileSync(join(workspace, 'chapters/one.md'), '没有问题的正文。\n');
    const since = published.length;
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf('chapters/one.md'), type: FileChangeType.Changed }],
    });
    assert.deepEqual((await waitFor((p) => p.uri === uriOf('chapters/one.md'), since)).diagnostics, []);

    writeFileSync(join(workspace, 'chapters/one.md'), BROKEN);
    const beforeOff = published.length;
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf('chapters/one.md'), type: FileChangeType.Changed }],
    });
    await waitFor((p) => p.uri === uriOf('chapters/one.md') && p.diagnostics.length === 1, beforeOff);

    settings = {};
    const off = published.length;
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await waitFor((p) => p.uri === uriOf('chapters/one.md') && p.diagnostics.length === 0, off);

    const uris = new Set(published.map((p) => p.uri));
    for (const file of ['archive/old.md', 'node_modules/pkg/README.md', '.hidden/x.md']) {
      assert.ok(!uris.has(uriOf(file)), `${file} must not be checked`);
    }
    await withTimeout(connection.sendRequest(ShutdownRequest.type), 'shutdown');
    await connection.sendNotification(ExitNotification.type);
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
});
