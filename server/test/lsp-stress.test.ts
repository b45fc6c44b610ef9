// Protocol stress: several documents take hundreds of rapid incremental edits (run = onType), interleaved, with
// one document closed and reopened mid-stream and another closed for good. Once every document's final version
// has been published, the last diagnostics of each equal a fresh check of its final text, nothing was published
// for a closed document after its close, and the server still answers hover.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultOptions } from '../src/engine/options';
import { TestClient, ensureServerBuilt, essentials, fileUri, freshDiagnostics, fullCapabilities, positionOf } from './helpers/lspClient';
import { CLEAN_DRAFT, DRAFT } from './helpers/lspDocuments';
import { fixtureDrafts } from './robustness-drafts';

const EDITS = 400;
const OPTIONS = { ...defaultOptions, locale: 'en' as const };
const PIECES = ['', '', 'x', '新', '[1]', '[9]', '［2］', '\n', '\n\n', '\r\n', '30%', '约1,200亿美元', '。', '## 对策\n', '# 挑战\n', '😀', '- ', '> ', '<!-- ', ' -->', '`'];

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface OpenDocument {
  uri: string;
  document: TextDocument;
  open: boolean;
  /** Index into client.diagnostics when the document was last closed (publishes after it must be empty). */
  closedAt: number | undefined;
}

let client: TestClient;
before(async () => {
  ensureServerBuilt();
  client = await TestClient.start({ capabilities: fullCapabilities, settings: { run: 'onType', locale: 'en' } });
});
after(() => client.kill());

test('hundreds of rapid edits on several documents end with the diagnostics of a fresh check', { timeout: 120_000 }, async () => {
  const next = seeded(8);
  const corpus = fixtureDrafts().filter((fixture) => fixture.name.includes('corpus/zh-')).slice(0, 2);
  const texts = [DRAFT, CLEAN_DRAFT, ...corpus.map((fixture) => fixture.text)];
  const docs: OpenDocument[] = texts.map((text, i) => ({
    uri: fileUri(`stress-${i}.md`),
    document: TextDocument.create(fileUri(`stress-${i}.md`), 'markdown', 1, text),
    open: true,
    closedAt: undefined,
  }));
  await Promise.all(docs.map((doc) => client.open(doc.uri, doc.document.getText(), 1)));

  const reopened = docs[1]!;
  const closedForGood = docs[2]!;
  const sends: Promise<void>[] = [];
  for (let step = 0; step < EDITS; step++) {
    if (step === EDITS / 2) {
      // Close one document mid-stream and reopen it with new text a little later; close another for good.
      sends.push(client.close(reopened.uri), client.close(closedForGood.uri));
      reopened.open = false;
      closedForGood.open = false;
      // The server handles messages in order: once a request sent after the closes is answered, the closes
      // (and the empty publishes that clear them) are behind us, and anything published later is a bug.
      await Promise.all(sends.splice(0));
      await client.hover(docs[0]!.uri, { line: 0, character: 0 });
      reopened.closedAt = closedForGood.closedAt = client.diagnostics.length;
    }
    if (step === (EDITS * 3) / 4) {
      await Promise.all(sends.splice(0));
      // Everything published before this point for the reopened document is checked below.
      assertNothingPublishedSinceClose(reopened);
      reopened.document = TextDocument.create(reopened.uri, 'markdown', 1, `${DRAFT}\n重新打开[7]。\n`);
      reopened.open = true;
      await client.open(reopened.uri, reopened.document.getText(), 1);
    }
    const open = docs.filter((doc) => doc.open);
    const doc = open[Math.floor(next() * open.length)]!;
    const text = doc.document.getText();
    const start = Math.floor(next() * (text.length + 1));
    const end = Math.min(text.length, start + Math.floor(next() * 12));
    const range = { start: doc.document.positionAt(start), end: doc.document.positionAt(end) };
    const newText = PIECES[Math.floor(next() * PIECES.length)]!;
    const version = doc.document.version + 1;
    TextDocument.update(doc.document, [{ range, text: newText }], version);
    sends.push(client.change(doc.uri, version, [{ range, text: newText }]));
  }
  await Promise.all(sends);

  // Settle: every open document's final version gets published (the debounce runs after the last edit).
  const finals = await Promise.all(
    docs.filter((doc) => doc.open).map((doc) => client.waitForDiagnostics((p) => p.uri === doc.uri && p.version === doc.document.version, 0, 30_000)),
  );
  assert.equal(finals.length, docs.length - 1);
  // A request round trip after the final publishes: anything the server still had queued has been sent by now.
  const hover = await client.hover(reopened.uri, positionOf(reopened.document.getText(), '[7]', 0, 1));
  assert.ok(hover, 'the server still answers hover');

  let compared = 0;
  for (const doc of docs.filter((d) => d.open)) {
    const last = lastPublish(doc.uri);
    compared += last?.diagnostics.length ?? 0;
    assert.equal(last?.version, doc.document.version, `${doc.uri}: last publish is for the final version`);
    assert.deepEqual(essentials(last!.diagnostics), freshDiagnostics(doc.document.getText(), OPTIONS), doc.uri);
  }
  assert.ok(compared > 5, 'the final documents have diagnostics to compare');
  assertNothingPublishedSinceClose(closedForGood);
});

function lastPublish(uri: string): PublishDiagnosticsParams | undefined {
  return client.diagnostics.filter((params) => params.uri === uri).at(-1);
}

/** Nothing may be published for a closed document once the server has handled its close. */
function assertNothingPublishedSinceClose(doc: OpenDocument): void {
  assert.ok(doc.closedAt !== undefined);
  const since = client.diagnostics.slice(doc.closedAt).filter((params) => params.uri === doc.uri);
  assert.deepEqual(
    since.map((params) => params.version),
    [],
    `${doc.uri}: diagnostics published after close`,
  );
}
