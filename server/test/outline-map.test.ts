import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../src/engine/parse';
import { documentOutline, structureLenses, type OutlineSymbol } from '../src/engine/outline';
import { frameworkMap, renderHtml, renderMermaid } from '../src/engine/map';

const paper = readFileSync(join(__dirname, '../../test/fixtures/paper.md'), 'utf8');
const withoutCore = paper.replace(/### 5\.2 [\s\S]*?(?=### 5\.3)/, '');

function flatten(symbols: readonly OutlineSymbol[]): OutlineSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children)]);
}

test('the outline is the section tree with challenges and countermeasures marked and paired', () => {
  const model = parseDocument(paper);
  const symbols = flatten(documentOutline(model, 'zh-CN'));
  const byName = (prefix: string) => symbols.find((s) => s.name.startsWith(prefix))!;
  assert.equal(byName('4.1').kind, 'challenge');
  assert.equal(byName('4.1').detail, '挑战 · 内生 · → 对策 5.1');
  assert.equal(byName('5.3').kind, 'countermeasure');
  assert.equal(byName('5.3').detail, '对策 · 外源发展动力 · ← 挑战 4.3');
  assert.equal(byName('2.3').kind, 'section');
  assert.equal(byName('4 ').children.length, 3);
  for (const symbol of symbols) {
    assert.ok(symbol.span.start <= symbol.selectionSpan.start && symbol.selectionSpan.end <= symbol.span.end, symbol.name);
  }
  const english = flatten(documentOutline(model, 'en')).find((s) => s.name.startsWith('4.2'))!;
  assert.equal(english.detail, 'challenge · core · → countermeasure 5.2');
});

test('an unanswered challenge is marked in the outline', () => {
  const symbols = flatten(documentOutline(parseDocument(withoutCore), 'en'));
  assert.equal(symbols.find((s) => s.name.startsWith('4.2'))!.detail, 'challenge · core · unanswered');
});

test('code lenses link each challenge to its countermeasure and back', () => {
  const model = parseDocument(paper);
  const lenses = structureLenses(model, 'zh-CN').map((lens) => [paper.slice(lens.span.start, lens.span.end).slice(0, 8), lens.title, paper.slice(lens.target.start, lens.target.end).slice(0, 8)]);
  assert.deepEqual(lenses, [
    ['### 4.1 ', '→ 对策 5.1', '### 5.1 '],
    ['### 4.2 ', '→ 对策 5.2', '### 5.2 '],
    ['### 4.3 ', '→ 对策 5.3', '### 5.3 '],
    ['### 5.1 ', '← 挑战 4.1', '### 4.1 '],
    ['### 5.2 ', '← 挑战 4.2', '### 4.2 '],
    ['### 5.3 ', '← 挑战 4.3', '### 4.3 '],
  ]);
});

test('the map as JSON names every unit with its line and the links between them', () => {
  const map = frameworkMap(parseDocument(withoutCore), 'en');
  assert.deepEqual(map.challenges.map((c) => [c.label.slice(0, 3), c.tier, c.answered]), [
    ['4.1', 'endogenous', true],
    ['4.2', 'core', false],
    ['4.3', 'external', true],
  ]);
  assert.deepEqual(map.links.map((l) => [l.challenge, l.countermeasure, l.evidence]), [
    ['c1', 'm1', 'tier'],
    ['c3', 'm2', 'tier'],
  ]);
  const lines = withoutCore.split('\n');
  assert.ok(lines[map.challenges[1]!.line]!.startsWith('### 4.2 '));
});

test('the Mermaid map draws the links and marks the unanswered challenge', () => {
  const mermaid = renderMermaid(frameworkMap(parseDocument(withoutCore), 'zh-CN'), 'zh-CN');
  assert.match(mermaid, /^flowchart LR\n/);
  assert.match(mermaid, /c1 -->\|tier\| m1/);
  assert.match(mermaid, /class c2 unanswered/);
  assert.doesNotMatch(mermaid, /c2 -->/);
});

test('the HTML map is a self-contained page with an SVG and escaped titles', () => {
  const text = withoutCore.replace('### 4.3 外源挑战：', '### 4.3 外源挑战：<script>alert(1)</script>');
  const html = renderHtml(frameworkMap(parseDocument(text), 'zh-CN'), 'zh-CN', 'draft <1>.md');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<svg [^>]*role="img"/);
  assert.match(html, /3 项挑战，2 项对策，1 项挑战未获回应/);
  assert.match(html, /draft &lt;1&gt;\.md/);
  assert.doesNotMatch(html, /<script>/);
  assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'no external resources');
});
