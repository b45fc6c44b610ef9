// Protocol tests for hover, definition, references, completion and code actions over stdio.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompletionItemKind, type CodeAction, type CompletionItem, type Location, type TextEdit } from 'vscode-languageserver-protocol/node';
import {
  TestClient,
  applyEdits,
  byCode,
  editsFor,
  ensureServerBuilt,
  fileUri,
  fullCapabilities,
  minimalCapabilities,
  positionOf,
  rangeOf,
  textOf,
  toCrlf,
} from './helpers/lspClient';
import { DRAFT } from './helpers/lspDocuments';

before(() => ensureServerBuilt());

function entryLineRange(text: string, label: string) {
  const start = positionOf(text, `\n${label} `, 0, 1);
  const lineText = text.split(/\r?\n/)[start.line]!;
  return { start, end: { line: start.line, character: lineText.length } };
}

/** Reference completions only: other completion kinds (glossary terms) may be offered too. */
function itemsOf(result: CompletionItem[] | { items: CompletionItem[] } | null): CompletionItem[] {
  if (!result) return [];
  return (Array.isArray(result) ? result : result.items).filter((item) => item.kind === CompletionItemKind.Reference);
}

function actionsOf(result: (CodeAction | { command: string })[] | null): CodeAction[] {
  return (result ?? []).filter((action): action is CodeAction => 'title' in action && !('command' in action && typeof action.command === 'string'));
}

/** Sends a fix's edits as one incremental change per edit (last first, so earlier ranges stay valid). */
async function applyAsChanges(client: TestClient, uri: string, version: number, edits: readonly TextEdit[]): Promise<void> {
  const ordered = [...edits].sort(
    (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
  );
  await client.change(uri, version, ordered.map((edit) => ({ range: edit.range, text: edit.newText })));
}

describe('navigation for a full client', () => {
  let client: TestClient;
  const uri = fileUri('nav.md');
  before(async () => {
    client = await TestClient.start({ capabilities: fullCapabilities, settings: {} });
    await client.open(uri, DRAFT);
  });
  after(() => client.kill());

  test('hover on a marker shows the entry text as Markdown, ranged on the marker', async () => {
    const hover = await client.hover(uri, positionOf(DRAFT, '[1]', 0, 1));
    assert.deepEqual(hover?.contents, { kind: 'markdown', value: '**[1]** 张三. 新质生产力研究[J]. 经济研究, 2024(3): 1-10.' });
    assert.deepEqual(hover?.range, rangeOf(DRAFT, '[1]'));
  });

  test('hover away from any marker or glossary term, or past the end, is empty', async () => {
    assert.equal(await client.hover(uri, positionOf(DRAFT, '表情之后')), null);
    assert.equal(await client.hover(uri, { line: 999, character: 999 }), null);
  });

  test('hover on a glossary term away from any marker shows the term, not a reference entry', async () => {
    const hover = await client.hover(uri, positionOf(DRAFT, '新质生产力是'));
    assert.ok(hover);
    assert.deepEqual(hover.range, rangeOf(DRAFT, '新质生产力', 1));
    assert.doesNotMatch(textOf(hover.contents as { value: string }), /张三/);
  });

  test('hover on a document that is not open is empty', async () => {
    assert.equal(await client.hover(fileUri('never-opened.md'), { line: 0, character: 0 }), null);
  });

  test('definition goes from a marker to its reference entry', async () => {
    const result = (await client.definition(uri, positionOf(DRAFT, '[2]', 0, 1))) as Location[];
    assert.deepEqual(result, [{ uri, range: entryLineRange(DRAFT, '[2]') }]);
  });

  test('references from an entry list the markers citing it', async () => {
    const markers = [rangeOf(DRAFT, '[2]', 0), rangeOf(DRAFT, '[2]', 1)];
    const onEntry = positionOf(DRAFT, '[2] Kim', 0, 6);
    const without = await client.references(uri, onEntry, false);
    assert.deepEqual(without, markers.map((range) => ({ uri, range })));
    const withDeclaration = await client.references(uri, onEntry, true);
    assert.deepEqual(withDeclaration, [entryLineRange(DRAFT, '[2]'), ...markers].map((range) => ({ uri, range })));
  });

  test('references from a marker list every marker citing the same entry', async () => {
    const result = await client.references(uri, positionOf(DRAFT, '[2]', 1, 1), false);
    assert.deepEqual(result, [rangeOf(DRAFT, '[2]', 0), rangeOf(DRAFT, '[2]', 1)].map((range) => ({ uri, range })));
  });

  test('completion after "[" offers the numbered entries and completes the marker', async () => {
    const completionUri = fileUri('complete.md');
    const text = DRAFT.replace('仍须准确定位。', '仍须准确定位。后续研究见[');
    await client.open(completionUri, text);
    const cursor = positionOf(text, '后续研究见[', 0, '后续研究见['.length);
    const items = itemsOf(await client.completion(completionUri, cursor, '['));
    assert.deepEqual(items.map((item) => item.label), ['[1]', '[2]', '[3]', '[4]']);
    const first = items[0]!;
    assert.deepEqual(first.textEdit, { range: { start: cursor, end: cursor }, newText: '1]' });
    assert.equal(first.detail, '张三. 新质生产力研究[J]. 经济研究, 2024(3): 1-10.');
    assert.deepEqual(first.documentation, { kind: 'markdown', value: '张三. 新质生产力研究[J]. 经济研究, 2024(3): 1-10.' });
  });

  test('completion after a full-width "［" closes with "］"', async () => {
    const completionUri = fileUri('complete-fullwidth.md');
    const text = DRAFT.replace('仍须准确定位。', '仍须准确定位。后续研究见［');
    await client.open(completionUri, text);
    const cursor = positionOf(text, '后续研究见［', 0, '后续研究见［'.length);
    const items = itemsOf(await client.completion(completionUri, cursor, '［'));
    assert.equal(items.length, 4);
    assert.equal(items[2]?.textEdit?.newText, '3］');
  });

  test('completion away from a bracket is empty', async () => {
    assert.deepEqual(itemsOf(await client.completion(uri, positionOf(DRAFT, '新质生产力是'))), []);
  });
});

describe('navigation for a minimal client', () => {
  test('hover falls back to plain text', async () => {
    const client = await TestClient.start({ capabilities: minimalCapabilities });
    try {
      const uri = fileUri('plain.md');
      await client.open(uri, toCrlf(DRAFT));
      const hover = await client.hover(uri, positionOf(toCrlf(DRAFT), '[1]', 0, 2));
      assert.deepEqual(hover?.contents, { kind: 'plaintext', value: '[1] 张三. 新质生产力研究[J]. 经济研究, 2024(3): 1-10.' });
      assert.deepEqual(hover?.range, rangeOf(DRAFT, '[1]'));
    } finally {
      client.kill();
    }
  });
});

describe('code actions', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ capabilities: fullCapabilities, settings: {} });
  });
  after(() => client.kill());

  test('the quick fix for a dangling citation, applied, removes the finding', async () => {
    const uri = fileUri('fix-dangling.md');
    const { diagnostics } = await client.open(uri, DRAFT);
    const [dangling] = byCode(diagnostics, 'dangling-citation');
    assert.ok(dangling);
    const actions = actionsOf(
      await client.codeActions(uri, dangling.range, { diagnostics: [dangling], only: ['quickfix'] }),
    );
    const fix = actions.find((action) => action.kind === 'quickfix' && action.diagnostics?.[0]?.code === 'dangling-citation');
    assert.ok(fix, `quick fix expected, got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(actions.every((action) => action.kind === 'quickfix'), 'only quick fixes were asked for');
    // The client supports documentChanges, so the edit is versioned.
    const change = fix.edit?.documentChanges?.[0];
    assert.ok(change && 'textDocument' in change);
    assert.deepEqual(change.textDocument, { uri, version: 1 });

    const edits = editsFor(fix.edit!, uri);
    const fixed = applyEdits(DRAFT, edits);
    const since = client.diagnostics.length;
    await applyAsChanges(client, uri, 2, edits);
    await client.save(uri);
    const published = await client.nextDiagnostics(uri, since, 2);
    assert.deepEqual(byCode(published.diagnostics, 'dangling-citation'), []);
    // The server's buffer and ours agree: a round trip on the fixed text finds the new entry.
    const definition = (await client.definition(uri, positionOf(fixed, '[5]', 0, 1))) as Location[];
    assert.equal(definition.length, 1);
  });

  test('the quick fix for an uncited reference removes its line and is not preferred', async () => {
    const uri = fileUri('fix-uncited.md');
    const { diagnostics } = await client.open(uri, toCrlf(DRAFT));
    const [uncited] = byCode(diagnostics, 'uncited-reference');
    assert.ok(uncited);
    const actions = actionsOf(await client.codeActions(uri, uncited.range, { diagnostics: [uncited] }));
    const remove = actions.find((action) => action.kind === 'quickfix');
    assert.ok(remove);
    assert.equal(remove.isPreferred, undefined);
    const fixed = applyEdits(toCrlf(DRAFT), editsFor(remove.edit!, uri));
    assert.equal(fixed, toCrlf(DRAFT.replace('[4] 王五. 未被引用的文献[J]. 管理世界, 2021(5): 20-30.\n', '')));
  });

  test('a diagnostic that no longer matches the current text yields no quick fix', async () => {
    const uri = fileUri('fix-stale.md');
    const { diagnostics } = await client.open(uri, DRAFT);
    const [dangling] = byCode(diagnostics, 'dangling-citation');
    assert.ok(dangling);
    const five = positionOf(DRAFT, '[5]', 0, 1);
    await client.change(uri, 2, [{ range: { start: five, end: { line: five.line, character: five.character + 1 } }, text: '3' }]);
    const actions = actionsOf(await client.codeActions(uri, dangling.range, { diagnostics: [dangling], only: ['quickfix'] }));
    assert.deepEqual(actions, []);
  });

  test('a diagnostic sent back with byte columns (Neovim 0.7) still gets its quick fix', async () => {
    const uri = fileUri('fix-bytes.md');
    const { diagnostics } = await client.open(uri, DRAFT);
    const [dangling] = byCode(diagnostics, 'dangling-citation');
    assert.ok(dangling);
    const line = DRAFT.split('\n')[dangling.range.start.line]!;
    const bytes = (character: number): number => Buffer.byteLength(line.slice(0, character), 'utf8');
    const inBytes = {
      ...dangling,
      range: {
        start: { line: dangling.range.start.line, character: bytes(dangling.range.start.character) },
        end: { line: dangling.range.end.line, character: bytes(dangling.range.end.character) },
      },
    };
    assert.notDeepEqual(inBytes.range, dangling.range, 'the line has multi-byte characters before the marker');
    const exact = actionsOf(await client.codeActions(uri, dangling.range, { diagnostics: [dangling], only: ['quickfix'] }));
    const shifted = actionsOf(await client.codeActions(uri, inBytes.range, { diagnostics: [inBytes], only: ['quickfix'] }));
    assert.ok(shifted.length > 0);
    assert.deepEqual(shifted.map((a) => [a.title, a.edit]), exact.map((a) => [a.title, a.edit]));
  });

  test('a finding moved by an unsaved edit keeps its quick fix, built for its new place', async () => {
    const uri = fileUri('fix-moved.md');
    const { diagnostics } = await client.open(uri, DRAFT);
    const [dangling] = byCode(diagnostics, 'dangling-citation');
    assert.ok(dangling);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '前言。\n\n' }]);
    const moved = `前言。\n\n${DRAFT}`;
    const actions = actionsOf(await client.codeActions(uri, dangling.range, { diagnostics: [dangling], only: ['quickfix'] }));
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const fixed = applyEdits(moved, editsFor(fix.edit!, uri));
    assert.match(fixed, /\n\[5\] /);
    assert.ok(fixed.startsWith('前言。\n\n# 新质生产力'), 'no text lost or misplaced');
  });

  test('source.fixAll is offered when asked for, and nothing for other kinds', async () => {
    const uri = fileUri('fix-all.md');
    const text = DRAFT.replace('[5]', '[6]').replace('引擎[1]', '引擎[1][5]');
    await client.open(uri, text);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const fixAll = actionsOf(await client.codeActions(uri, whole, { diagnostics: [], only: ['source.fixAll'] }));
    assert.ok(fixAll.length > 0);
    assert.ok(fixAll.every((action) => action.kind === 'source.fixAll'));
    const stubs = fixAll.find((action) => editsFor(action.edit!, uri).some((edit) => edit.newText.includes('[5]')));
    assert.ok(stubs, `a fix-all adding stubs expected, got ${JSON.stringify(fixAll.map((a) => a.title))}`);
    const fixed = applyEdits(text, editsFor(stubs.edit!, uri));
    assert.match(fixed, /\n\[5\] /);
    assert.match(fixed, /\n\[6\] /);

    assert.deepEqual(actionsOf(await client.codeActions(uri, whole, { diagnostics: [], only: ['refactor'] })), []);
  });

  test('a client without documentChanges gets a plain changes map', async () => {
    const capabilities = { ...fullCapabilities, workspace: { ...fullCapabilities.workspace, workspaceEdit: {} } };
    const plain = await TestClient.start({ capabilities, settings: {} });
    try {
      const uri = fileUri('fix-plain.md');
      const { diagnostics } = await plain.open(uri, DRAFT);
      const [dangling] = byCode(diagnostics, 'dangling-citation');
      assert.ok(dangling);
      const [fix] = actionsOf(await plain.codeActions(uri, dangling.range, { diagnostics: [dangling], only: ['quickfix'] }));
      assert.ok(fix?.edit?.changes?.[uri]);
      assert.equal(fix.edit.documentChanges, undefined);
    } finally {
      plain.kill();
    }
  });
});
