// `policylint.checkWorkspace` and workspace folders, over the protocol: closed Markdown files are checked and
// published, `ignore` and the discovery rules apply, the configuration walk stops at the workspace folder, and
// turning the setting off clears what was published. (The shared TestClient starts without workspace folders, so
// this file uses startWithFolders.)
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { ensureServerBuilt, startWithFolders } from './helpers/lspClient';

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

  let settings: unknown = { checkWorkspace: true };
  const server = await startWithFolders({
    folders: [workspace],
    rootUri: pathToFileURL(workspace).href,
    settings: () => settings,
    workspaceCapabilities: { didChangeWatchedFiles: { dynamicRegistration: true } },
  });
  const { connection, published, waitFor } = server;
  try {
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
    await server.stop();
  } finally {
    server.kill();
  }
});
