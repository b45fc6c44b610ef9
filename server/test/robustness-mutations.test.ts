// Property-based robustness over mutations of the real drafts (the paper, the example draft, the evaluation
// corpus): lines deleted, duplicated and swapped, random characters inserted, spans cut. The engine never
// throws, ranges stay in the text, results are deterministic and independent of line endings and a BOM, and
// the fixable rules' fixes stay sound on half-edited documents.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText } from '../src/engine/index';
import {
  FULLY_FIXABLE,
  OPTIONS,
  applyEdits,
  documentFix,
  editProblem,
  leftAfterFix,
  fixtureDrafts,
  lintAsEditor,
  lintWithBomExpected,
  mutate,
  mutation,
  preservesOutside,
  rangeProblem,
  toCrlf,
} from './robustness-drafts';

const fixtures = fixtureDrafts();
// The paper is large (and slow to check), so most runs use the smaller drafts; it still gets its share.
const mutatedDraft = fc
  .tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([fixture, mutations]) => mutate(fixture.text, mutations));

// The fixtures are mostly clean, so the fix property also plants a citation that needs fixing somewhere.
const mutatedWithCitation = fc
  .tuple(mutatedDraft, fc.constantFrom('[99]', '[^new]', '［42］', '[3, 77]', '[1]'), fc.nat())
  .map(([text, marker, at]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + marker + text.slice(i);
  });

describe('mutated fixture drafts', () => {
  test('the fixtures themselves: valid ranges, deterministic, same findings with CRLF and a BOM', () => {
    assert.ok(fixtures.length >= 10, 'fixture drafts were found');
    for (const { name, text } of fixtures) {
      const findings = lintText(text, OPTIONS).findings;
      assert.equal(rangeProblem(text, findings), undefined, name);
      assert.deepEqual(lintText(text, OPTIONS).findings, findings, name);
      const lf = text.replace(/\r\n?/g, '\n');
      assert.deepEqual(lintAsEditor(toCrlf(lf)), lintAsEditor(lf), `${name}: CRLF`);
      assert.deepEqual(lintAsEditor(`\ufeff${lf}`), lintWithBomExpected(lf), `${name}: BOM`);
    }
  });

  test('lintText never throws, ranges lie in the text, checking is deterministic', () => {
    fc.assert(
      fc.property(mutatedDraft, (text) => {
        const first = lintText(text, OPTIONS).findings;
        assert.equal(rangeProblem(text, first), undefined);
        assert.deepEqual(lintText(text, OPTIONS).findings, first);
      }),
      { numRuns: 60 },
    );
  });

  test('CRLF gives the findings and positions of the LF text', () => {
    fc.assert(
      fc.property(mutatedDraft, (text) => {
        // Lone \r inserted by a mutation is a line break of its own; normalise to LF first.
        const lf = text.replace(/\r\n?/g, '\n');
        assert.deepEqual(lintAsEditor(toCrlf(lf)), lintAsEditor(lf));
      }),
      { numRuns: 30 },
    );
  });

  test('fixes of the fixable rules keep the text outside their edits and clean up their rule', () => {
    let applied = 0;
    fc.assert(
      fc.property(mutatedWithCitation, fc.constantFrom(...FULLY_FIXABLE), (text, rule) => {
        const found = documentFix(text, rule);
        if (!found) return;
        const { edits } = found.fix;
        assert.equal(editProblem(text, edits), undefined);
        const fixed = applyEdits(text, edits);
        assert.ok(preservesOutside(text, fixed, edits));
        const after = lintText(fixed, OPTIONS).findings;
        assert.equal(rangeProblem(fixed, after), undefined);
        assert.deepEqual(leftAfterFix(text, found.findings, fixed, after, rule), []);
        applied++;
      }),
      { numRuns: 60 },
    );
    assert.ok(applied > 5, `only ${applied} mutated drafts had a fix`);
  });
});
