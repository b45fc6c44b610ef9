// Runs every test/fixtures/rules/*.md through the engine and compares the citation rules' findings with the
// expectations written inline (see `expectationsIn`), then applies each rule's fixes and checks that the fixed
// text is clean for that rule and kept everything else.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions, lintText } from '../src/engine/index';
import type { Finding } from '../src/engine/index';
import {
  CITATION_RULES,
  applyEdits,
  citationFindings,
  expectationsIn,
  fixtureNames,
  isSubsequence,
  lineOf,
  lines,
  options,
  readFixture,
  spanText,
} from './rules-support';

/** Findings whose markers only a person can resolve (which bibliography key or author was meant). */
function unfixable(finding: Finding): boolean {
  return finding.rule === 'dangling-citation' && (finding.data?.['style'] === 'pandoc' || finding.data?.['style'] === 'author-year');
}

/** Applies the rule's fixes the way a user would (fix-all when offered, else one quick fix at a time). */
function fixRule(text: string, rule: string): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let round = 0; round < 20; round++) {
    const { model, findings } = lintText(current, options());
    const mine = findings.filter((finding) => finding.rule === rule && !unfixable(finding));
    if (mine.length === 0 || !model) break;
    const first = mine[0]!;
    const actions = codeActions(model, mine, first.span, options());
    const fix = actions.find((action) => action.kind === 'source.fixAll') ?? actions.find((action) => action.preferred) ?? actions[0];
    assert.ok(fix, `${rule}: a fix is offered for ${spanText(current, first)}`);
    current = applyEdits(current, fix.edits);
    applied++;
  }
  return { text: current, applied };
}

/** Text with numbers and list punctuation removed, lines sorted: what renumbering must leave unchanged. */
function withoutNumbers(text: string): string[] {
  return lines(text)
    .map((line) => line.replace(/[0-9０-９]+/g, '').replace(/[,，、\-–\s]/g, ''))
    .sort();
}

describe('citation rule fixtures', () => {
  for (const name of fixtureNames()) {
    describe(name, () => {
      const text = readFixture(name);
      const expected = expectationsIn(text);

      it('reports exactly the findings marked in the file', () => {
        const actual = citationFindings(text).map((finding) => ({
          line: lineOf(text, finding.span.start),
          rule: finding.rule,
          text: spanText(text, finding),
        }));
        const wanted = expected.map((expectation) => ({
          line: expectation.line,
          rule: expectation.rule,
          text: expectation.text ?? actual.find((a) => a.line === expectation.line && a.rule === expectation.rule)?.text,
        }));
        const key = (item: { line: number; rule: string; text: string | undefined }) => `${item.line}:${item.rule}:${item.text}`;
        assert.deepEqual(actual.map(key).sort(), wanted.map(key).sort());
      });

      for (const rule of CITATION_RULES) {
        if (!expected.some((expectation) => expectation.rule === rule)) continue;
        it(`fixing ${rule} leaves no ${rule} finding and keeps the rest of the text`, () => {
          const before = lintText(text, options()).findings.filter((finding) => finding.rule === rule);
          const { text: fixed, applied } = fixRule(text, rule);
          const remaining = lintText(fixed, options()).findings.filter((finding) => finding.rule === rule);
          assert.deepEqual(remaining.filter((finding) => !unfixable(finding)), []);
          assert.equal(remaining.length, before.filter(unfixable).length);
          if (before.some((finding) => !unfixable(finding))) assert.ok(applied > 0);
          if (applied === 0) {
            assert.equal(fixed, text);
          } else if (rule === 'uncited-reference') {
            const removed = lines(text).filter((line) => !lines(fixed).includes(line));
            assert.ok(isSubsequence(lines(fixed), lines(text)), 'only lines were removed');
            assert.ok(removed.length > 0 && removed.every((line) => line.includes('expect: uncited-reference')));
          } else if (rule === 'citation-order') {
            assert.deepEqual(withoutNumbers(fixed), withoutNumbers(text));
            assert.notEqual(fixed, text);
          } else {
            assert.ok(isSubsequence(lines(text), lines(fixed)), 'only lines were added');
            assert.ok(lines(fixed).length > lines(text).length);
          }
        });
      }
    });
  }

  it('has a fixture for every citation rule, in Chinese and in English', () => {
    for (const rule of CITATION_RULES) {
      const covering = fixtureNames().filter((name) => expectationsIn(readFixture(name)).some((e) => e.rule === rule));
      assert.ok(covering.some((name) => name.endsWith('-zh.md')), `${rule} has a Chinese fixture`);
      assert.ok(covering.some((name) => name.endsWith('-en.md')), `${rule} has an English fixture`);
    }
  });
});
