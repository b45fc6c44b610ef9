// Hostile inputs: random Unicode, binary, lone surrogates, huge runs of one character, deep nesting, a 1 MB
// line, unclosed constructs, thousands of headings. Each must be checked to the end without an exception, with
// every range inside the text, and the model must still answer hover, completion, definition and code actions.
// How long each takes is recorded by `npm run fuzz` (docs/robustness.md), not asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions, completionsAt, definitionAt, hoverAt, lintText, referencesAt } from '../src/engine/index';
import { HOSTILE, OPTIONS, rangeProblem, spanProblem } from './robustness-drafts';

for (const { name, make } of HOSTILE) {
  test(`hostile input: ${name}`, () => {
    const text = make();
    const { model, findings } = lintText(text, OPTIONS);
    assert.equal(rangeProblem(text, findings), undefined);
    assert.ok(model, 'a text under the size limit is parsed');
    for (const offset of [0, text.length >> 1, text.length]) {
      hoverAt(model, offset, OPTIONS);
      completionsAt(model, offset, OPTIONS);
      for (const span of [...definitionAt(model, offset), ...referencesAt(model, offset)]) {
        assert.equal(spanProblem(span, text.length), undefined);
      }
    }
    const near = findings.slice(0, 50);
    for (const fix of codeActions(model, near, { start: 0, end: Math.min(text.length, 2_000) }, OPTIONS)) {
      for (const edit of fix.edits) assert.equal(spanProblem(edit.span, text.length), undefined, fix.title);
    }
  });
}

test('hostile input over the size limit gets one file-too-large finding and no parse', () => {
  const text = '新'.repeat(2_000_000);
  const { model, findings } = lintText(text, OPTIONS);
  assert.equal(model, undefined);
  assert.deepEqual(findings.map((f) => [f.rule, f.span]), [['file-too-large', { start: 0, end: 0 }]]);
});
