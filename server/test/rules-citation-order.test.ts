import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions, parseDocument } from '../src/engine/index';
import { applyEdits, findingsOf, options, quickFixes, spanText } from './rules-support';

const RULE = 'citation-order';

function fixAll(text: string): string {
  const findings = findingsOf(text, RULE);
  const model = parseDocument(text);
  const all = codeActions(model, findings, { start: 0, end: 0 }, options()).filter((fix) => fix.kind === 'source.fixAll');
  assert.equal(all.length, 1);
  return applyEdits(text, all[0]!.edits);
}

describe('citation-order', () => {
  const en = 'A [1], B [3], C [2].\n\n## References\n\n[1] One.\n[2] Two.\n[3] Three.\n';

  it('flags the marker whose number first appears after a larger one, naming both', () => {
    const findings = findingsOf(en, RULE);
    assert.equal(findings.length, 1);
    const start = en.indexOf('[2]');
    assert.deepEqual(findings[0]!.span, { start, end: start + 3 });
    assert.equal(findings[0]!.severity, 'information');
    assert.equal(
      findings[0]!.message,
      'Reference [2] is first cited here, after reference [3]; number references in the order they are first cited.',
    );
    assert.equal(
      findingsOf(en, RULE, options('zh-CN'))[0]!.message,
      '文献 [2] 在此处首次被引用，却排在文献 [3] 之后；参考文献应按首次引用的先后顺序编号。',
    );
  });

  it('renumbers markers and reorders the entries, as a quick fix and as a fix-all', () => {
    const expected = 'A [1], B [2], C [3].\n\n## References\n\n[1] One.\n[2] Three.\n[3] Two.\n';
    const [finding] = findingsOf(en, RULE);
    const [fix] = quickFixes(en, finding!);
    assert.equal(fix!.preferred, true);
    assert.equal(applyEdits(en, fix!.edits), expected);
    assert.equal(fixAll(en), expected);
    assert.deepEqual(findingsOf(expected, RULE), []);
  });

  it('does not flag numbers that only repeat earlier ones', () => {
    assert.deepEqual(findingsOf('A [1], B [2], again [1].\n\n## References\n\n[1] One.\n[2] Two.\n', RULE), []);
  });

  it('re-compresses markers with their own dash and separator, keeping full-width brackets', () => {
    const text = [
      '甲[1]，乙［5，6］，丙[2–4]，丁[7]。',
      '',
      '## 参考文献',
      '',
      '[1] 一.',
      '[2] 二.',
      '[3] 三.',
      '[4] 四.',
      '[5] 五.',
      '[6] 六.',
      '[7] 七.',
      '[8] 八.',
      '',
    ].join('\n');
    assert.deepEqual(findingsOf(text, RULE).map((finding) => spanText(text, finding)), ['[2–4]']);
    assert.equal(
      fixAll(text),
      [
        '甲[1]，乙［2，3］，丙[4–6]，丁[7]。',
        '',
        '## 参考文献',
        '',
        '[1] 一.',
        '[2] 五.',
        '[3] 六.',
        '[4] 二.',
        '[5] 三.',
        '[6] 四.',
        '[7] 七.',
        '[8] 八.',
        '',
      ].join('\n'),
    );
  });

  it('keeps uncited entries after the cited ones in their original order', () => {
    const text = 'X [3] Y [1].\n\n## References\n\n1. One.\n2. Two.\n3. Three.\n4. Four.\n';
    assert.equal(fixAll(text), 'X [1] Y [2].\n\n## References\n\n1. Three.\n2. One.\n3. Two.\n4. Four.\n');
  });

  it('joins numbers that become a run of three into a range', () => {
    const text = 'P [1], Q [4], R [2, 3, 5].\n\n## References\n\n[1] a.\n[2] b.\n[3] c.\n[4] d.\n[5] e.\n';
    assert.equal(fixAll(text), 'P [1], Q [2], R [3–5].\n\n## References\n\n[1] a.\n[2] d.\n[3] b.\n[4] c.\n[5] e.\n');
  });
});
