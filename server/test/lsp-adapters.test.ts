// Unit tests for the LSP adapter pieces that the protocol tests cannot reach with today's rules: related
// information, capability gating, lenient settings, code action kind filtering and plain-text hovers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CancellationToken, LSPErrorCodes, ResponseError, type RemoteConsole } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, MAX_ANALYSES, analyze } from '../src/lsp/analysis';
import { defaultOptions } from '../src/engine/options';
import { clientFeaturesOf } from '../src/lsp/capabilities';
import { kindAllowed } from '../src/lsp/codeActions';
import { fixDataOf, ruleOf, toDiagnostic, toLspSeverity } from '../src/lsp/diagnostics';
import { guarded } from '../src/lsp/guard';
import { markdownToPlainText } from '../src/lsp/navigation';
import { clientLocaleOf, defaultSettings, parseSettings, toEngineOptions } from '../src/lsp/settings';
import type { Finding } from '../src/engine';
import { fullCapabilities, minimalCapabilities } from './helpers/lspClient';

const BUFFER = '\uFEFF第一行😀[1]\r\n第二行[2]\r\n';

function analysisOf(buffer: string) {
  return analyze(TextDocument.create('file:///d.md', 'markdown', 3, buffer), toEngineOptions(defaultSettings, 'en'));
}

const finding: Finding = {
  rule: 'citation-order',
  severity: 'information',
  message: 'Two places',
  // Offsets into the BOM-less text: "[1]" on line 0 and "[2]" on line 1.
  span: { start: 5, end: 8 },
  related: [
    { span: { start: 13, end: 16 }, message: 'the other place' },
    { span: { start: 0, end: 1 }, message: 'elsewhere', uri: 'file:///other.md' },
  ],
  tags: ['unnecessary', 'deprecated'],
  data: { rule: 'citation-order', number: 1 },
};

describe('toDiagnostic', () => {
  test('converts spans to UTF-16 buffer positions, counting the BOM on line 0 only', () => {
    const analysis = analysisOf(BUFFER);
    const diagnostic = toDiagnostic(finding, analysis, clientFeaturesOf({ processId: null, rootUri: null, capabilities: fullCapabilities }));
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 9 } });
    assert.deepEqual(diagnostic.relatedInformation, [
      {
        location: { uri: 'file:///d.md', range: { start: { line: 1, character: 3 }, end: { line: 1, character: 6 } } },
        message: 'the other place',
      },
    ]);
    assert.deepEqual(diagnostic.tags, [1, 2]);
    assert.match(diagnostic.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/citation-order\.md$/);
    assert.equal(diagnostic.severity, 3);
    assert.deepEqual(diagnostic.data, { rule: 'citation-order', number: 1 });
  });

  test('leaves out what a minimal client did not ask for', () => {
    const diagnostic = toDiagnostic(
      finding,
      analysisOf(BUFFER),
      clientFeaturesOf({ processId: null, rootUri: null, capabilities: minimalCapabilities }),
    );
    assert.equal(diagnostic.relatedInformation, undefined);
    assert.equal(diagnostic.codeDescription, undefined);
    assert.equal(diagnostic.tags, undefined);
    assert.equal(diagnostic.code, 'citation-order');
    assert.equal(diagnostic.source, 'policylint');
  });

  test('reads the rule and fix data back from a diagnostic', () => {
    const diagnostic = toDiagnostic(finding, analysisOf(BUFFER), clientFeaturesOf({ processId: null, rootUri: null, capabilities: {} }));
    assert.equal(ruleOf(diagnostic), 'citation-order');
    assert.equal(ruleOf({ ...diagnostic, code: undefined }), 'citation-order');
    assert.equal(ruleOf({ ...diagnostic, source: 'markdownlint' }), undefined);
    assert.deepEqual(fixDataOf(diagnostic), { number: 1 });
  });

  test('maps every severity', () => {
    assert.deepEqual(
      (['error', 'warning', 'information', 'hint'] as const).map(toLspSeverity),
      [1, 2, 3, 4],
    );
  });
});

describe('positions', () => {
  test('offsets and positions round-trip through the BOM and CRLF', () => {
    const { positions } = analysisOf(BUFFER);
    assert.equal(positions.toOffset({ line: 0, character: 6 }), 5);
    assert.equal(positions.toOffset({ line: 0, character: 0 }), 0);
    assert.equal(positions.toOffset({ line: 1, character: 3 }), 13);
    // Past the end of a line clamps before its line break.
    assert.equal(positions.toOffset({ line: 1, character: 99 }), 16);
  });
});

describe('settings', () => {
  test('parse leniently with defaults', () => {
    assert.deepEqual(parseSettings(undefined), defaultSettings);
    assert.deepEqual(parseSettings('nonsense'), defaultSettings);
    assert.deepEqual(
      parseSettings({ run: 'onType', maxFileSize: 4096.7, locale: 'zh_CN.UTF-8', rules: { a: 'WARN', b: false, c: 'loud', d: { severity: 'info', max: 3 }, e: { severity: 'x' } } }),
      {
        run: 'onType',
        maxFileSize: 4096,
        locale: 'zh-CN',
        rules: { a: 'warning', b: 'off', d: { severity: 'information', max: 3 }, e: {} },
      },
    );
    assert.deepEqual(parseSettings({ run: 'always', maxFileSize: -1, locale: 'auto', rules: [] }), defaultSettings);
  });

  test('the client locale comes from initialize params, then initializationOptions, then English', () => {
    assert.equal(clientLocaleOf('zh-cn', { locale: 'en' }), 'zh-CN');
    assert.equal(clientLocaleOf(undefined, { locale: 'zh-TW' }), 'zh-CN');
    assert.equal(clientLocaleOf(undefined, undefined), 'en');
    assert.equal(toEngineOptions({ ...defaultSettings, locale: 'en' }, 'zh-CN').locale, 'en');
    assert.equal(toEngineOptions(defaultSettings, 'zh-CN').locale, 'zh-CN');
  });
});

describe('code action kinds', () => {
  test('follow the LSP hierarchy', () => {
    assert.equal(kindAllowed('quickfix', undefined), true);
    assert.equal(kindAllowed('quickfix', []), true);
    assert.equal(kindAllowed('source.fixAll', ['source']), true);
    assert.equal(kindAllowed('source.fixAll', ['source.fixAll']), true);
    assert.equal(kindAllowed('source.fixAll', ['quickfix']), false);
    assert.equal(kindAllowed('quickfix', ['source.fixAll']), false);
    assert.equal(kindAllowed('quickfix', ['refactor']), false);
  });
});

describe('plain-text hovers', () => {
  test('drop Markdown markup but keep the words and link targets', () => {
    assert.equal(markdownToPlainText('**[1]** 张三. 题名\n\n**[2]** `code` and *emphasis*'), '[1] 张三. 题名\n\n[2] code and emphasis');
    assert.equal(markdownToPlainText('# Title\n\nSee [the rule](https://example.invalid/r).'), 'Title\n\nSee the rule (https://example.invalid/r).');
  });
});

describe('guarded handlers', () => {
  const errors: string[] = [];
  const log = { error: (message: string) => errors.push(message) } as unknown as RemoteConsole;

  test('an exception is logged and answered with the empty result', async () => {
    const handler = guarded<number, string[]>(log, 'hover', [], () => {
      throw new Error('engine exploded');
    });
    assert.deepEqual(await handler(1, CancellationToken.None), []);
    assert.match(errors.join('\n'), /hover failed: Error: engine exploded/);
  });

  test('a cancelled request is answered with RequestCancelled', async () => {
    const handler = guarded<number, string[]>(log, 'hover', [], () => ['never']);
    const result = await handler(1, CancellationToken.Cancelled);
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, LSPErrorCodes.RequestCancelled);
  });
});

describe('analysis cache', () => {
  test('keeps the most recently used analyses and re-analyses an evicted draft to the same result', () => {
    const cache = new AnalysisCache();
    const documents = Array.from({ length: MAX_ANALYSES + 1 }, (_, i) =>
      TextDocument.create(`file:///d${i}.md`, 'markdown', 1, `# 标题\n\n出口额增长${i + 10}%。\n`),
    );
    const first = documents.map((document) => cache.get(document, defaultOptions));
    // The last MAX_ANALYSES documents are still held: the same analysis object comes back.
    for (let i = 1; i < documents.length; i++) assert.equal(cache.get(documents[i]!, defaultOptions), first[i]);
    // The first one was let go; asking again analyses it again, with the same findings.
    const again = cache.get(documents[0]!, defaultOptions);
    assert.notEqual(again, first[0]);
    assert.deepEqual(again.findings, first[0]!.findings);
    assert.equal(again.findings.length, 1);
  });
});
