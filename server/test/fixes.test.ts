// codeActions: which fixes are offered for a range, refusal when the text changed, preferred flags, fix-alls.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions, lintText, parseDocument } from '../src/engine/index';
import type { Finding } from '../src/engine/index';
import { applyEdits, options } from './rules-support';

const text = 'A [1], B [3], C [2], D [9].\n\n## References\n\n[1] One.\n[2] Two.\n[3] Three.\n[4] Four.\n';

function findings(source: string): Finding[] {
  return lintText(source, options()).findings;
}

function at(source: string, needle: string): { start: number; end: number } {
  const start = source.indexOf(needle);
  assert.ok(start >= 0);
  return { start, end: start + needle.length };
}

describe('codeActions', () => {
  it('offers the fixes of findings touching the range, then each fixable rule’s fix-all', () => {
    const model = parseDocument(text);
    const actions = codeActions(model, findings(text), at(text, '[9]'), options());
    assert.deepEqual(
      actions.map((action) => [action.kind, action.title, action.preferred]),
      [
        ['quickfix', 'Add a stub reference entry for [9]', true],
        ['source.fixAll', 'Renumber citations and references in order of first citation', false],
        ['source.fixAll', 'Add stub reference entries for all missing citations', false],
      ],
    );
  });

  it('offers nothing but fix-alls where no finding is', () => {
    const model = parseDocument(text);
    const actions = codeActions(model, findings(text), at(text, 'One.'), options());
    assert.ok(actions.length > 0);
    assert.ok(actions.every((action) => action.kind === 'source.fixAll'));
  });

  it('offers no fix-all for a rule without findings', () => {
    const clean = 'A [1].\n\n## References\n\n[1] One.\n';
    assert.deepEqual(codeActions(parseDocument(clean), findings(clean), { start: 0, end: clean.length }, options()), []);
  });

  it('refuses a quick fix when the text at the finding’s range has changed since the check', () => {
    const stale = findings(text).find((finding) => finding.rule === 'dangling-citation')!;
    const edited = text.replace('[9]', '[8]');
    const quick = codeActions(parseDocument(edited), [stale], stale.span, options()).filter((a) => a.kind === 'quickfix');
    assert.deepEqual(quick, []);
    const withoutData: Finding = { ...stale, data: undefined };
    assert.deepEqual(
      codeActions(parseDocument(text), [withoutData], stale.span, options()).filter((a) => a.kind === 'quickfix'),
      [],
    );
  });

  it('builds the fix from the current model, so an unrelated earlier edit does not matter', () => {
    const finding = findings(text).find((f) => f.rule === 'uncited-reference')!;
    const [fix] = codeActions(parseDocument(text), [finding], finding.span, options()).filter((a) => a.kind === 'quickfix');
    assert.equal(applyEdits(text, fix!.edits), text.replace('[4] Four.\n', ''));
  });

  it('localizes fix titles', () => {
    const finding = findings(text).find((f) => f.rule === 'uncited-reference')!;
    const [fix] = codeActions(parseDocument(text), [finding], finding.span, options('zh-CN'));
    assert.equal(fix!.title, '删除参考文献[4]');
  });

  it('offers citation-order’s renumbering on each finding and as a fix-all with the same edits', () => {
    const finding = findings(text).find((f) => f.rule === 'citation-order')!;
    const actions = codeActions(parseDocument(text), [finding], finding.span, options());
    const quick = actions.find((a) => a.kind === 'quickfix')!;
    const all = actions.find((a) => a.kind === 'source.fixAll')!;
    assert.deepEqual(quick.edits, all.edits);
    assert.equal(
      applyEdits(text, all.edits),
      'A [1], B [2], C [3], D [4].\n\n## References\n\n[1] One.\n[2] Three.\n[3] Two.\n[5] Four.\n',
    );
  });
});
