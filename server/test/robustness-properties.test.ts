// Property-based robustness of the engine over generated Markdown drafts: lintText never throws, every range
// lies in the text, checking is deterministic, line endings and a BOM change no finding, fixes lose or
// duplicate nothing and clean up their rule, and stale fixes are refused.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeActions, lintText, parseDocument } from '../src/engine/index';
import {
  FULLY_FIXABLE,
  OPTIONS,
  applyEdits,
  documentFix,
  draft,
  editProblem,
  leftAfterFix,
  lintAsEditor,
  lintWithBomExpected,
  preservesOutside,
  rangeProblem,
  toCrlf,
} from './robustness-drafts';

// Mixing in arbitrary Unicode (lone surrogates included) and astral characters at random places.
const noisyDraft = fc
  .tuple(draft, fc.array(fc.tuple(fc.nat(), fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('😀', '𠀀', '\ud83d', '\ude00'))), { maxLength: 3 }))
  .map(([text, noise]) => noise.reduce((acc, [at, piece]) => { const i = at % (acc.length + 1); return acc.slice(0, i) + piece + acc.slice(i); }, text));

describe('generated drafts', () => {
  test('lintText never throws, every range lies in the text, and checking is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(draft, noisyDraft), (text) => {
        const first = lintText(text, OPTIONS).findings;
        assert.equal(rangeProblem(text, first), undefined);
        const second = lintText(text, OPTIONS).findings;
        assert.deepEqual(second, first);
      }),
      { numRuns: 250 },
    );
  });

  test('CRLF and a BOM give the findings and positions of the LF text', () => {
    fc.assert(
      fc.property(draft, (lf) => {
        const expected = lintAsEditor(lf);
        assert.deepEqual(lintAsEditor(toCrlf(lf)), expected, 'CRLF differs');
        assert.deepEqual(lintAsEditor(`\ufeff${lf}`), lintWithBomExpected(lf), 'BOM differs');
        assert.deepEqual(lintAsEditor(`\ufeff${toCrlf(lf)}`), lintWithBomExpected(lf), 'BOM + CRLF differs');
      }),
      { numRuns: 120 },
    );
  });

  for (const rule of FULLY_FIXABLE) {
    test(`applying ${rule}'s fix keeps the text outside its edits and leaves none of its fixable findings`, () => {
      let applied = 0;
      fc.assert(
        fc.property(fc.oneof(draft, draft.map(toCrlf)), (text) => {
          const found = documentFix(text, rule);
          if (!found) return;
          const { edits } = found.fix;
          assert.equal(editProblem(text, edits), undefined);
          const fixed = applyEdits(text, edits);
          assert.ok(preservesOutside(text, fixed, edits), 'text outside the edits changed');
          if (rule !== 'citation-order') {
            assert.ok(edits.every((edit) => edit.span.start === edit.span.end), `${rule} should only insert`);
          } else {
            assert.equal(fixed.split('\n').length, text.split('\n').length, 'renumbering changed the line count');
          }
          const after = lintText(fixed, OPTIONS).findings;
          assert.equal(rangeProblem(fixed, after), undefined);
          assert.deepEqual(leftAfterFix(text, found.findings, fixed, after, rule).map((f) => fixed.slice(f.span.start, f.span.end)), [], `${rule} left findings`);
          applied++;
        }),
        { numRuns: 150 },
      );
      // The generator must actually reach the fix, or this property proves nothing.
      assert.ok(applied > 10, `only ${applied} drafts had a ${rule} fix`);
    });
  }

  test('a quick fix for a finding whose text has changed since is refused', () => {
    let refused = 0;
    fc.assert(
      fc.property(draft, fc.nat(), fc.constantFrom('X', '[', '1', '。', '\n'), (text, pick, inserted) => {
        const findings = lintText(text, OPTIONS).findings;
        const model = parseDocument(text);
        const withFixes = findings.filter(
          (f) => f.span.end > f.span.start && codeActions(model, [f], f.span, OPTIONS).some((a) => a.kind === 'quickfix'),
        );
        if (withFixes.length === 0) return;
        const finding = withFixes[pick % withFixes.length]!;
        // Change the text at the finding's own span: one character in, right at its start.
        const edited = text.slice(0, finding.span.start) + inserted + text.slice(finding.span.start);
        const quick = codeActions(parseDocument(edited), [finding], finding.span, OPTIONS).filter((a) => a.kind === 'quickfix');
        assert.deepEqual(quick, []);
        refused++;
      }),
      { numRuns: 100 },
    );
    assert.ok(refused > 10, `only ${refused} drafts had a quick fix to make stale`);
  });
});

