import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PLACEHOLDER_EN, PLACEHOLDER_ZH } from '../src/engine/citation-index';
import { applyEdits, findingsOf, options, quickFixes, spanText } from './rules-support';

const RULE = 'dangling-citation';

describe('dangling-citation', () => {
  const zh = [
    '数字经济规模扩大[1]，就业影响仍有争议[3]。',
    '',
    '## 参考文献',
    '',
    '[1] 王明. 数字经济与高质量发展[J]. 经济研究, 2022.',
    '[2] 李华. 平台就业研究[M]. 北京: 人民出版社, 2021.',
    '',
  ].join('\n');

  it('flags the marker naming a missing number, with a Chinese message quoting it', () => {
    const [finding, ...rest] = findingsOf(zh, RULE, options('zh-CN'));
    assert.deepEqual(rest, []);
    assert.equal(spanText(zh, finding!), '[3]');
    assert.deepEqual(finding!.span, { start: zh.indexOf('[3]'), end: zh.indexOf('[3]') + 3 });
    assert.equal(finding!.severity, 'error');
    assert.equal(finding!.message, '引用“[3]”所指的 [3] 在参考文献列表中不存在。');
    assert.equal(finding!.data?.['text'], '[3]');
  });

  it('appends a stub after the last entry in the list style and puts the cursor on the placeholder', () => {
    const [finding] = findingsOf(zh, RULE);
    const [fix, ...others] = quickFixes(zh, finding!);
    assert.deepEqual(others, []);
    assert.equal(fix!.preferred, true);
    const fixed = applyEdits(zh, fix!.edits);
    assert.equal(fixed, zh.replace('2021.\n', `2021.\n[3] ${PLACEHOLDER_ZH}\n`));
    assert.equal(fixed.slice(fix!.cursor!, fix!.cursor! + PLACEHOLDER_ZH.length), PLACEHOLDER_ZH);
    assert.deepEqual(findingsOf(fixed, RULE), []);
  });

  it('inserts a missing number between its neighbours, once per marker for a range', () => {
    const text = 'A claim [1–4].\n\n## References\n\n[1] One. 2020.\n[4] Four. 2021.\n';
    const [finding] = findingsOf(text, RULE);
    assert.equal(finding!.message, 'Citation "[1–4]" refers to [2], [3], which are missing from the reference list.');
    const fixed = applyEdits(text, quickFixes(text, finding!)[0]!.edits);
    assert.equal(fixed, `A claim [1–4].\n\n## References\n\n[1] One. 2020.\n[2] ${PLACEHOLDER_EN}\n[3] ${PLACEHOLDER_EN}\n[4] Four. 2021.\n`);
  });

  it('keeps blank lines between entries and CRLF line breaks', () => {
    const text = 'See [2].\r\n\r\n## References\r\n\r\n[1] One. 2020.\r\n\r\n[3] Three. 2021.\r\n';
    const [finding] = findingsOf(text, RULE);
    const fixed = applyEdits(text, quickFixes(text, finding!)[0]!.edits);
    assert.equal(
      fixed,
      `See [2].\r\n\r\n## References\r\n\r\n[1] One. 2020.\r\n\r\n[2] ${PLACEHOLDER_EN}\r\n\r\n[3] Three. 2021.\r\n`,
    );
  });

  it('adds a footnote definition for a missing footnote label', () => {
    const text = 'Rents rose [^rents] and fell [^fall].\n\n[^rents]: Housing survey, 2023.\n';
    const findings = findingsOf(text, RULE);
    assert.deepEqual(findings.map((finding) => spanText(text, finding)), ['[^fall]']);
    const fix = quickFixes(text, findings[0]!)[0]!;
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, `Rents rose [^rents] and fell [^fall].\n\n[^rents]: Housing survey, 2023.\n[^fall]: ${PLACEHOLDER_EN}\n`);
    assert.equal(fixed.indexOf(PLACEHOLDER_EN), fix.cursor);
  });

  it('matches author-year citations by surname and year, and offers no fix for them', () => {
    const text = 'Tariffs fell (Smith, 2020), not everywhere (Jones, 2019).\n\n## References\n\nSmith, J. Tariffs. CUP, 2020.\n';
    const findings = findingsOf(text, RULE);
    assert.deepEqual(findings.map((finding) => spanText(text, finding)), ['(Jones, 2019)']);
    assert.deepEqual(quickFixes(text, findings[0]!), []);
  });

  it('skips pandoc keys when the front matter names a bibliography file', () => {
    const withFile = '---\nbibliography: refs.bib\n---\n\nTrade grew [@wto2023].\n\n## References\n\n[1] One.\n';
    assert.deepEqual(findingsOf(withFile, RULE), []);
    const without = withFile.replace('bibliography: refs.bib', 'title: Trade');
    assert.deepEqual(findingsOf(without, RULE).map((finding) => spanText(without, finding)), ['[@wto2023]']);
  });

  it('says nothing when there is no reference list (missing-reference-list covers that)', () => {
    assert.deepEqual(findingsOf('Only a marker [3].\n', RULE), []);
  });

  it('follows the severity setting', () => {
    assert.equal(findingsOf(zh, RULE, options('en', { [RULE]: 'warning' }))[0]!.severity, 'warning');
    assert.deepEqual(findingsOf(zh, RULE, options('en', { [RULE]: 'off' })), []);
  });
});
