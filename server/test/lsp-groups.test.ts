// `documents:` groups over the protocol: a draft split over chapter files is checked as one document. Editing one
// open chapter changes what is published for another open chapter; a closed reference list answers the chapters'
// citations, gets its own diagnostics while a member is open, and is edited by the "add stub" quick fix; closing the
// last member clears them. Workspace folders added and removed re-run the workspace check.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DidChangeWorkspaceFoldersNotification, type CodeAction, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TestClient, applyEdits, byCode, ensureServerBuilt, fullCapabilities, startWithFolders } from './helpers/lspClient';

before(() => ensureServerBuilt());

const root = mkdtempSync(join(tmpdir(), 'policylint-groups-'));
after(() => rmSync(root, { recursive: true, force: true }));

const paper = readFileSync(join(__dirname, '../../test/fixtures/paper.md'), 'utf8');
const challenges = paper.slice(paper.indexOf('## 4 '), paper.indexOf('## 5 '));
const countermeasures = paper.slice(paper.indexOf('## 5 '), paper.indexOf('## 6 '));
const withoutCoreAnswer = countermeasures.slice(0, countermeasures.indexOf('### 5.2 ')) + countermeasures.slice(countermeasures.indexOf('### 5.3 '));

/** Writes files under a fresh folder of `root`; returns the folder and a URI maker. */
function folder(name: string, files: { readonly [path: string]: string }): { dir: string; uri: (file: string) => string } {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, uri: (file) => pathToFileURL(join(dir, file)).href };
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, needle);
  return text.slice(0, index).split('\n').length - 1;
}

describe('two open chapters of one group', () => {
  const STRUCTURE_ONLY = 'rules: { uncited-claim: off, unsourced-statistic: off, conflicting-statistic: off, missing-reference-list: off }\n';
  const { uri } = folder('chapters', {
    '.policylint.yaml': `${STRUCTURE_ONLY}documents:\n  - name: 报告\n    files: [ch4.md, ch5.md]\n`,
    'ch4.md': challenges,
    'ch5.md': withoutCoreAnswer,
  });
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ capabilities: fullCapabilities, settings: {} });
  });
  after(() => client.kill());

  test('the challenge unanswered in chapter 5 is flagged in chapter 4, and answering it there clears the finding', async () => {
    await client.open(uri('ch5.md'), withoutCoreAnswer);
    const opened = await client.open(uri('ch4.md'), challenges);
    const [unanswered, ...others] = opened.diagnostics;
    assert.deepEqual(others, []);
    assert.equal(unanswered!.code, 'unanswered-challenge');
    assert.equal(unanswered!.range.start.line, lineOf(challenges, '### 4.2 '));
    assert.deepEqual(
      unanswered!.relatedInformation?.map((info) => [info.location.uri, info.location.range.start.line]),
      [
        [uri('ch5.md'), lineOf(withoutCoreAnswer, '### 5.3 ')],
        [uri('ch5.md'), lineOf(withoutCoreAnswer, '### 5.1 ')],
      ],
      'the closest countermeasures are shown where they are, in chapter 5',
    );

    // Chapter 4 stays untouched at version 1; the edit and save happen in chapter 5.
    let since = client.diagnostics.length;
    await client.change(uri('ch5.md'), 2, [{ text: countermeasures }]);
    await client.save(uri('ch5.md'));
    const answered = await client.waitForDiagnostics((p) => p.uri === uri('ch4.md') && p.diagnostics.length === 0, since);
    assert.equal(answered.version, 1);

    since = client.diagnostics.length;
    await client.change(uri('ch5.md'), 3, [{ text: withoutCoreAnswer }]);
    await client.save(uri('ch5.md'));
    const again = await client.waitForDiagnostics((p) => p.uri === uri('ch4.md') && p.diagnostics.length === 1, since);
    assert.equal(again.diagnostics[0]!.range.start.line, lineOf(challenges, '### 4.2 '));
  });
});

describe('a chapter open, its reference list closed', () => {
  const chapter = '# 第一章 背景\n\n新质生产力是推动高质量发展的重要引擎[1]。中韩两国合作日益密切[2]。\n';
  const references = '## 参考文献\n\n[1] 张三. 新质生产力研究[J]. 经济研究, 2024.\n[3] 王五. 未被引用[J]. 管理世界, 2021.\n';
  const { uri } = folder('citations', {
    // Without workspace folders a document's configuration is looked for in its own folder only.
    '.policylint.yaml': 'rules: { uncited-claim: off, unsourced-statistic: off }\ndocuments:\n  - files: [ch*.md, references.md]\n',
    'ch1.md': chapter,
    'references.md': references,
  });
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ capabilities: fullCapabilities, settings: {} });
  });
  after(() => client.kill());

  test('citations resolve against the closed list, which is published, fixed by the stub action, and cleared on close', async () => {
    const since = client.diagnostics.length;
    const opened = await client.open(uri('ch1.md'), chapter);
    assert.deepEqual(
      opened.diagnostics.map((d) => [d.code, chapter.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)]),
      [['dangling-citation', '[2]']],
      'no missing-reference-list: the list is in references.md',
    );
    const list = await client.waitForDiagnostics((p) => p.uri === uri('references.md'), since);
    assert.equal(list.version, undefined, 'a closed file has no version');
    assert.deepEqual(
      list.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['uncited-reference', 3]],
    );

    const dangling = byCode(opened.diagnostics, 'dangling-citation')[0]!;
    const actions = ((await client.codeActions(uri('ch1.md'), dangling.range, { diagnostics: [dangling], only: ['quickfix'] })) ?? []) as CodeAction[];
    const stub = actions.find((action) => action.title === 'Add a stub reference entry for [2]');
    assert.ok(stub, `actions: ${actions.map((action) => action.title).join(' | ')}`);
    const changes = stub.edit?.documentChanges ?? [];
    assert.equal(changes.length, 1);
    const change = changes[0]!;
    assert.ok('textDocument' in change);
    assert.deepEqual(change.textDocument, { uri: uri('references.md'), version: null });
    const fixed = applyEdits(references, change.edits.filter((edit): edit is TextEdit => 'newText' in edit));
    assert.match(fixed, /\[1\] 张三[^\n]*\n\[2\] 待补充[^\n]*\n\[3\] 王五/);

    const closing = client.diagnostics.length;
    await client.close(uri('ch1.md'));
    await client.waitForDiagnostics((p) => p.uri === uri('references.md') && p.diagnostics.length === 0, closing);
    await client.waitForDiagnostics((p) => p.uri === uri('ch1.md') && p.diagnostics.length === 0, closing);
  });
});

test('adding and removing workspace folders re-runs the workspace check and clears files no longer in any folder', async () => {
  const BROKEN = '正文 [3]。\n\n## 参考文献\n\n[1] 王明. 标题[J]. 期刊, 2020.\n';
  const first = folder('ws-first', { '.policylint.yaml': 'rules: { uncited-reference: off }\n', 'one.md': BROKEN });
  const second = folder('ws-second', {
    '.policylint.yaml': 'rules: { uncited-claim: off, unsourced-statistic: off }\ndocuments:\n  - files: [intro.md, refs.md]\n',
    'intro.md': '引言部分引用了文献[1]。\n',
    'refs.md': '## 参考文献\n\n[1] 王明. 标题[J]. 期刊, 2020.\n[2] 李华. 无人引用[J]. 期刊, 2021.\n',
  });
  const server = await startWithFolders({ folders: [first.dir], settings: () => ({ checkWorkspace: true }), workspaceCapabilities: { workspaceFolders: true } });
  try {
    assert.deepEqual(server.result.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
    const one = await server.waitFor((p) => p.uri === first.uri('one.md'), 0);
    assert.deepEqual(one.diagnostics.map((d) => d.code), ['dangling-citation']);

    const since = server.published.length;
    await server.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: pathToFileURL(second.dir).href, name: 'second' }], removed: [{ uri: pathToFileURL(first.dir).href, name: 'first' }] },
    });
    await server.waitFor((p) => p.uri === first.uri('one.md') && p.diagnostics.length === 0, since);
    // The new folder's closed files are checked as their group: the intro's citation resolves in refs.md.
    const refs = await server.waitFor((p) => p.uri === second.uri('refs.md') && p.diagnostics.length > 0, since);
    assert.deepEqual(refs.diagnostics.map((d) => [d.code, d.range.start.line]), [['uncited-reference', 3]]);
    const intro = await server.waitFor((p) => p.uri === second.uri('intro.md'), since);
    assert.deepEqual(intro.diagnostics, [], 'no missing-reference-list: the list is in refs.md');
    await server.stop();
  } finally {
    server.kill();
  }
});
