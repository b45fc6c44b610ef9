import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, defaultOptions, hoverAt, parseDocument } from '../src/engine';
import type { EngineOptions } from '../src/engine';
import { createGlossary, mergeGlossary, paperGlossary } from '../src/engine/glossary';

const zh: EngineOptions = { ...defaultOptions, locale: 'zh-CN' };

/** A document with a `|` cursor: the text without it and the cursor's offset. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

test('hovering anywhere inside 新质生产力 shows its definition, framework position and source', () => {
  const text = '发展**新质生产力**是推进中国式现代化的重要保证。';
  const model = parseDocument(text);
  const start = text.indexOf('新质生产力');
  for (let offset = start; offset < start + 5; offset++) {
    const hover = hoverAt(model, offset, zh);
    assert.ok(hover, `no hover at ${offset}`);
    assert.equal(text.slice(hover.span.start, hover.span.end), '新质生产力');
  }
  const hover = hoverAt(model, start + 3, zh)!;
  assert.match(hover.markdown, /新质生产力/);
  assert.match(hover.markdown, /new quality productive forces/i);
  assert.match(hover.markdown, /1\.1/);
});

test('English terms are found case-insensitively, and a citation marker still wins over a term', () => {
  const text = 'New Quality Productive Forces drive cooperation [1].\n\n## References\n\n[1] Zhou W. Title[J]. 2023.\n';
  const model = parseDocument(text);
  const hover = hoverAt(model, 4, defaultOptions)!;
  assert.equal(text.slice(hover.span.start, hover.span.end), 'New Quality Productive Forces');
  const onMarker = hoverAt(model, text.indexOf('[1]') + 1, defaultOptions)!;
  assert.match(onMarker.markdown, /Zhou W\./);
});

test('no glossary hover inside code', () => {
  const text = '代码 `新质生产力` 不是正文。';
  assert.equal(hoverAt(parseDocument(text), text.indexOf('新质') + 1, zh), undefined);
});

test('completion offers glossary terms for the Chinese characters just typed', () => {
  const { text, offset } = cursor('我们讨论新质生|');
  const items = completionsAt(parseDocument(text), offset, zh);
  assert.ok(items.length > 0);
  assert.equal(items[0]!.label, '新质生产力');
  assert.equal(items[0]!.kind, 'term');
  assert.equal(text.slice(items[0]!.replaceSpan.start, items[0]!.replaceSpan.end), '新质生');
});

test('completion offers English terms for the words just typed', () => {
  const { text, offset } = cursor('We study total factor|');
  const items = completionsAt(parseDocument(text), offset, defaultOptions);
  assert.ok(items.some((item) => /total factor productivity/i.test(item.label)), items.map((i) => i.label).join(', '));
});

test('a user glossary adds terms to hover', () => {
  const base = paperGlossary.entries[0]!;
  const user = { ...base, id: 'user-term', term: { en: 'policy sandbox', 'zh-CN': '政策沙盒' }, aliases: [], related: [] };
  const glossary = mergeGlossary(paperGlossary, [user]);
  const text = '试点政策沙盒。';
  const hover = hoverAt(parseDocument(text), text.indexOf('沙'), { ...zh, glossary });
  assert.ok(hover);
  assert.equal(text.slice(hover.span.start, hover.span.end), '政策沙盒');
  assert.equal(hoverAt(parseDocument(text), text.indexOf('沙'), { ...zh, glossary: createGlossary([]) }), undefined);
});
