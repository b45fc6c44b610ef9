// What bounds the language server's memory must not change what it answers. Analyses are kept within a budget of
// text (server/src/lsp/analysis.ts), so a draft whose analysis was let go is analysed again when asked; the server
// runs with the Node options and environment the VS Code client starts it with (server/src/lsp/launch.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultOptions } from '../src/engine/options';
import { ANALYSED_TEXT_BUDGET, AnalysisCache } from '../src/lsp/analysis';
import { IDLE_COLLECT_MS } from '../src/lsp/idle';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../src/lsp/launch';
import { ROOT, TestClient, ensureServerBuilt, essentials, fileUri, freshDiagnostics, positionOf } from './helpers/lspClient';

const OPTIONS = { ...defaultOptions, locale: 'en' as const };

describe('analysis cache bounded by text', () => {
  /** A draft of about `length` UTF-16 units with one unsourced statistic. */
  const draft = (name: string, length: number): TextDocument => {
    const head = `# ${name}\n\n出口额增长${name.length + 10}%。\n\n`;
    return TextDocument.create(`file:///${name}.md`, 'markdown', 1, head + '说明文字。'.repeat(Math.ceil((length - head.length) / 5)));
  };

  test('lets the least recently used analyses go once their texts exceed the budget, and analyses them again alike', () => {
    const cache = new AnalysisCache({ analyses: 10, textLength: 1000 });
    const [a, b, c] = ['a', 'b', 'c'].map((name) => draft(name, 400)) as [TextDocument, TextDocument, TextDocument];
    const first = [a, b].map((document) => cache.get(document, OPTIONS));
    // Two texts fit; the same analysis objects come back.
    assert.equal(cache.get(a, OPTIONS), first[0]);
    assert.equal(cache.get(b, OPTIONS), first[1]);
    // A third does not: the least recently used (a) goes, though far fewer than 10 analyses are kept.
    const third = cache.get(c, OPTIONS);
    assert.equal(cache.get(b, OPTIONS), first[1]);
    assert.equal(cache.get(c, OPTIONS), third);
    const again = cache.get(a, OPTIONS);
    assert.notEqual(again, first[0]);
    assert.deepEqual(again.findings, first[0]!.findings);
    assert.equal(again.findings.length, 1);
  });

  test('keeps the latest analysis even when its text alone is over the budget', () => {
    const cache = new AnalysisCache({ analyses: 4, textLength: 100 });
    const large = draft('large', 400);
    const analysis = cache.get(large, OPTIONS);
    assert.equal(cache.get(large, OPTIONS), analysis);
    cache.get(draft('small', 50), OPTIONS);
    assert.notEqual(cache.get(large, OPTIONS), analysis, 'let go once another document is analysed');
  });
});

describe('a server with many large drafts open', () => {
  let client: TestClient;
  before(async () => {
    ensureServerBuilt();
    client = await TestClient.start({ settings: { locale: 'en' }, execArgv: SERVER_EXEC_ARGV, env: SERVER_ENV });
  });
  after(() => client.kill());

  test('answers for every draft as it did when the draft was the latest analysed', { timeout: 120_000 }, async () => {
    const paper = readFileSync(join(ROOT, 'test', 'fixtures', 'paper.md'), 'utf8');
    const body = paper.replace(/^---\n[\s\S]*?\n---\n/, '');
    // Twelve drafts of three papers each: together more text than the server keeps analyses of.
    const texts = Array.from({ length: 12 }, (_, index) => `${paper}\n\n${body}\n\n${body}\n\n草稿 ${index + 1}。\n`);
    assert.ok(texts.reduce((sum, text) => sum + text.length, 0) > ANALYSED_TEXT_BUDGET);
    const uris = texts.map((_, index) => fileUri(`memory-${index + 1}.md`));
    const marker = positionOf(texts[0]!, '[1]', 0, 1);

    const firstPublish = await client.open(uris[0]!, texts[0]!);
    const firstHover = await client.hover(uris[0]!, marker);
    const firstActions = await client.codeActions(uris[0]!, firstPublish.diagnostics[0]!.range, { diagnostics: [firstPublish.diagnostics[0]!] });
    assert.ok(firstHover, 'hover on a citation marker');
    assert.ok(firstActions && firstActions.length > 0, 'code actions for the first diagnostic');

    for (const [index, uri] of uris.entries()) {
      const published = index === 0 ? firstPublish : await client.open(uri, texts[index]!);
      assert.deepEqual(essentials(published.diagnostics), freshDiagnostics(texts[index]!, OPTIONS), uri);
    }
    // Quiet for a while, the server keeps only the last draft's cached parses and sentences (idle.ts).
    await new Promise((resolve) => setTimeout(resolve, IDLE_COLLECT_MS + 500));
    // The first draft's analysis and cached results have long been let go: it is analysed again, to the same answers.
    assert.deepEqual(await client.hover(uris[0]!, marker), firstHover);
    assert.deepEqual(
      await client.codeActions(uris[0]!, firstPublish.diagnostics[0]!.range, { diagnostics: [firstPublish.diagnostics[0]!] }),
      firstActions,
    );

    // An edit to it is checked afresh, and a draft closed and opened again is checked again.
    const edited = TextDocument.create(uris[0]!, 'markdown', 1, texts[0]!);
    const end = edited.positionAt(texts[0]!.length);
    const change = { range: { start: end, end }, text: '\n另据报告，出口额增长12%。\n' };
    TextDocument.update(edited, [change], 2);
    const since = client.diagnostics.length;
    await client.change(uris[0]!, 2, [change]);
    await client.save(uris[0]!);
    const afterEdit = await client.nextDiagnostics(uris[0]!, since, 2);
    assert.deepEqual(essentials(afterEdit.diagnostics), freshDiagnostics(edited.getText(), OPTIONS));
    await client.close(uris[5]!);
    const reopened = await client.open(uris[5]!, texts[5]!);
    assert.deepEqual(essentials(reopened.diagnostics), freshDiagnostics(texts[5]!, OPTIONS));
  });
});
