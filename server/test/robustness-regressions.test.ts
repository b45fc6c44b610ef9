// Regressions for bugs the robustness properties found (see docs/robustness.md): each input is the minimised
// counterexample fast-check reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions, lintText, parseDocument } from '../src/engine/index';
import { OPTIONS, applyEdits, documentFix } from './robustness-drafts';

test('dangling-citation: a numeric and a footnote stub appended at the same place go on separate paragraphs', () => {
  const text = '[^note]。\n\n[1]新质\n\n# Notes';
  const found = documentFix(text, 'dangling-citation');
  assert.ok(found);
  const fixed = applyEdits(text, found.fix.edits);
  assert.match(fixed, /\n\n\[1\] [^\n]+\n\n\[\^note\]: /);
  assert.deepEqual(lintText(fixed, OPTIONS).findings.filter((f) => f.rule === 'dangling-citation'), []);
});

test('missing-reference-list: no fix is offered when appended text would fall inside an unclosed code fence', () => {
  const text = '- [1]。\r\n\r\n~~~md\r\n[2]\r\n\r\n\r\n新质生产力是推动高质量发展的重要引擎';
  const findings = lintText(text, OPTIONS).findings.filter((f) => f.rule === 'missing-reference-list');
  assert.equal(findings.length, 1);
  assert.deepEqual(codeActions(parseDocument(text), findings, findings[0]!.span, OPTIONS), []);
  // Without the unclosed fence the same fix is offered and works.
  const closed = `${text}\r\n~~~`;
  const found = documentFix(closed, 'missing-reference-list');
  assert.ok(found);
  assert.deepEqual(lintText(applyEdits(closed, found.fix.edits), OPTIONS).findings.filter((f) => f.rule === 'missing-reference-list'), []);
});

test('dangling-citation: no stub is offered when it would fall inside an unclosed HTML comment', () => {
  const text = '# Bibliography\n\n# 一、引言\n\n正文[^1]新质生产力。\n\n<!-- unclosed comment';
  const findings = lintText(text, OPTIONS).findings.filter((f) => f.rule === 'dangling-citation');
  assert.equal(findings.length, 1);
  assert.deepEqual(codeActions(parseDocument(text), findings, findings[0]!.span, OPTIONS), []);
  const closed = `${text} -->`;
  const found = documentFix(closed, 'dangling-citation');
  assert.ok(found);
  assert.deepEqual(lintText(applyEdits(closed, found.fix.edits), OPTIONS).findings.filter((f) => f.rule === 'dangling-citation'), []);
});

test('unsourced-statistic: an inline source still covers every number of a long sentence', () => {
  const text = `资料来源：国家统计局。${'增长约1%，'.repeat(200)}`.replace('。', '，');
  assert.deepEqual(lintText(text, OPTIONS).findings.filter((f) => f.rule === 'unsourced-statistic'), []);
  const unsourced = '增长约1%，'.repeat(200);
  assert.ok(lintText(unsourced, OPTIONS).findings.some((f) => f.rule === 'unsourced-statistic'));
});

test('appending a reference list after a long run of CRLF blank lines finishes (no exponential backtracking)', () => {
  const text = `正文[1]。${'\r\n'.repeat(40)}结尾。`;
  const found = documentFix(text, 'missing-reference-list');
  assert.ok(found);
  assert.ok(applyEdits(text, found.fix.edits).endsWith('结尾。\r\n\r\n## 参考文献\r\n\r\n[1] 待补充：作者. 题名[J]. 刊名, 年, 卷(期): 页码.\r\n'));
  // Trailing breaks already there count one each, whatever their style.
  for (const [ending, added] of [['\r\n\r\n', ''], ['\r\n', '\r\n'], ['\r', '\r\n'], ['', '\r\n\r\n']] as const) {
    const fix = documentFix(`正文[1]。\r\n结尾。${ending}`, 'missing-reference-list');
    assert.ok(fix);
    assert.equal(fix.fix.edits[0]!.newText.slice(0, added.length + 2), `${added}##`, JSON.stringify(ending));
  }
});

test('dangling-citation: no stub is offered when the reference list ends in an unclosed code fence', () => {
  for (const text of ['[9]\n# Reference\n```\n', '[4]\n# 参考文献\n~~~\n', '[1]\n# Notes\n<!-- \n']) {
    const findings = lintText(text, OPTIONS).findings.filter((f) => f.rule === 'dangling-citation');
    assert.equal(findings.length, 1, text);
    assert.deepEqual(codeActions(parseDocument(text), findings, findings[0]!.span, OPTIONS), [], text);
  }
});

test('citation-order: no renumbering is offered when a marker is mapped coarsely (a NUL read as U+FFFD)', () => {
  const text = '\0[9][7]';
  const findings = lintText(text, OPTIONS).findings.filter((f) => f.rule === 'citation-order');
  assert.equal(findings.length, 1, 'the order is still reported');
  assert.deepEqual(codeActions(parseDocument(text), findings, findings[0]!.span, OPTIONS), []);
  // Without the NUL each marker has its own place, and the renumbering fix is offered and works.
  const found = documentFix('[9][7]', 'citation-order');
  assert.ok(found);
  assert.equal(applyEdits('[9][7]', found.fix.edits), '[1][2]');
});
