// Protocol tests for the framework features: Outline, code lenses, the framework map request and glossary
// hover, over stdio against the built server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeLensRequest, DocumentSymbolRequest, SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { FRAMEWORK_MAP_REQUEST, REVEAL_RANGE_COMMAND, type FrameworkMapResult } from '../src/protocol';
import { ROOT, TestClient, ensureServerBuilt, fileUri, minimalCapabilities, positionOf, textOf } from './helpers/lspClient';

const paper = readFileSync(join(ROOT, 'test/fixtures/paper.md'), 'utf8');
const uri = fileUri('paper.md');

before(() => ensureServerBuilt());

function flatten(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
}

describe('with a full client', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: { locale: 'zh-CN' } });
    await client.open(uri, paper);
  });
  after(async () => {
    await client.shutdown();
  });

  test('the Outline is the section tree with challenges and countermeasures marked and paired', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const all = flatten(symbols);
    const challenge = all.find((s) => s.name.startsWith('4.2'))!;
    assert.equal(challenge.kind, SymbolKind.Event);
    assert.equal(challenge.detail, '挑战 · 核心 · → 对策 5.2');
    assert.deepEqual(challenge.selectionRange.start, positionOf(paper, '### 4.2'));
    const countermeasure = all.find((s) => s.name.startsWith('5.2'))!;
    assert.equal(countermeasure.kind, SymbolKind.Method);
    assert.equal(countermeasure.detail, '对策 · 核心竞争力 · ← 挑战 4.2');
  });

  test('code lenses on a challenge jump to its countermeasure', async () => {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    const onChallenge = lenses.find((lens) => lens.range.start.line === positionOf(paper, '### 4.3').line)!;
    assert.equal(onChallenge.command!.title, '→ 对策 5.3');
    assert.equal(onChallenge.command!.command, REVEAL_RANGE_COMMAND);
    assert.equal(onChallenge.command!.arguments![0], uri);
    assert.deepEqual(onChallenge.command!.arguments![1].start, positionOf(paper, '### 5.3'));
    assert.equal(lenses.length, 6);
  });

  test('the framework map request renders HTML, Mermaid and JSON', async () => {
    const html = (await client.connection.sendRequest(FRAMEWORK_MAP_REQUEST, { uri, format: 'html' })) as FrameworkMapResult;
    assert.match(html!.content, /<svg /);
    assert.match(html!.content, /3 项挑战，3 项对策，0 项挑战未获回应/);
    const mermaid = (await client.connection.sendRequest(FRAMEWORK_MAP_REQUEST, { uri, format: 'mermaid' })) as FrameworkMapResult;
    assert.match(mermaid!.content, /c2 -->\|tier\| m2/);
    const json = (await client.connection.sendRequest(FRAMEWORK_MAP_REQUEST, { uri, format: 'json' })) as FrameworkMapResult;
    assert.equal(JSON.parse(json!.content).links.length, 3);
    const missing = await client.connection.sendRequest(FRAMEWORK_MAP_REQUEST, { uri: fileUri('not-open.md'), format: 'json' });
    assert.equal(missing, null);
  });

  test('hovering 新质生产力 shows the glossary entry', async () => {
    const hover = await client.hover(uri, positionOf(paper, '新质生产力', 0, 2));
    assert.ok(hover);
    const text = textOf(hover.contents as { value: string });
    assert.match(text, /新质生产力/);
    assert.match(text, /1\.1/);
  });
});

test('a client without hierarchical symbols gets a flat list with containers', async () => {
  const client = await TestClient.start({ capabilities: minimalCapabilities });
  try {
    await client.open(uri, paper);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as SymbolInformation[];
    const challenge = symbols.find((s) => s.name.startsWith('4.1'))!;
    assert.equal(challenge.containerName?.startsWith('4 '), true);
    assert.match(challenge.name, /→ countermeasure 5\.1/);
    assert.equal('children' in challenge, false);
  } finally {
    await client.shutdown();
  }
});
