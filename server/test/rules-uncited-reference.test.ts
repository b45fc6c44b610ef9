import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, findingsOf, options, quickFixes, spanText } from './rules-support';

const RULE = 'uncited-reference';

describe('uncited-reference', () => {
  const zh = [
    '产业链韧性有所增强[1]，供应链金融发展加快[3]。',
    '',
    '## 参考文献',
    '',
    '[1] 刘伟. 产业链安全研究[J]. 管理世界, 2023.',
    '[2] 陈静. 供应链金融[M]. 上海: 复旦大学出版社, 2020.',
    '[3] 周平. 金融支持实体经济[J]. 金融研究, 2021.',
    '',
  ].join('\n');

  it('flags the label of an entry nobody cites, marked unnecessary', () => {
    const findings = findingsOf(zh, RULE, options('zh-CN'));
    assert.equal(findings.length, 1);
    const start = zh.indexOf('[2] 陈静');
    assert.deepEqual(findings[0]!.span, { start, end: start + 3 });
    assert.deepEqual(findings[0]!.tags, ['unnecessary']);
    assert.equal(findings[0]!.severity, 'warning');
    assert.equal(findings[0]!.message, '参考文献“[2] 陈静. 供应链金融[M]. 上海: 复旦大学出版社, 2020.”在正文中没有被引用。');
  });

  it('removes the entry line with its line break, as a fix that is not preferred', () => {
    const [finding] = findingsOf(zh, RULE);
    const [fix, ...others] = quickFixes(zh, finding!);
    assert.deepEqual(others, []);
    assert.equal(fix!.preferred, false);
    assert.equal(fix!.title, 'Remove reference [2]');
    assert.equal(applyEdits(zh, fix!.edits), zh.replace('[2] 陈静. 供应链金融[M]. 上海: 复旦大学出版社, 2020.\n', ''));
  });

  it('flags an unused footnote definition on its label and removes it, last line without a line break', () => {
    const text = 'Rents rose [^rents].\n\n[^rents]: Housing survey, 2023.\n[^aside]: Nobody points here.';
    const findings = findingsOf(text, RULE);
    assert.deepEqual(findings.map((finding) => spanText(text, finding)), ['[^aside]:']);
    const fixed = applyEdits(text, quickFixes(text, findings[0]!)[0]!.edits);
    assert.equal(fixed, 'Rents rose [^rents].\n\n[^rents]: Housing survey, 2023.\n');
  });

  it('judges unnumbered entries only in documents that cite by author and year', () => {
    const authorYear = 'Tariffs fell (Smith, 2020).\n\n## References\n\nSmith, J. Tariffs. CUP, 2020.\n\nJones, K. Quotas. OUP, 2019.\n';
    const findings = findingsOf(authorYear, RULE);
    assert.deepEqual(findings.map((finding) => spanText(authorYear, finding)), ['Jones, K. Quotas. OUP, 2019.']);
    const noMarkers = 'Nothing cited.\n\n## References\n\nSmith, J. Tariffs. CUP, 2020.\n';
    assert.deepEqual(findingsOf(noMarkers, RULE), []);
  });

  it('does not offer to delete an item in the middle of an ordered list, which would renumber the rest', () => {
    const text = 'See [1] and [3].\n\n## References\n\n1. One.\n2. Two.\n3. Three.\n';
    const [middle] = findingsOf(text, RULE);
    assert.equal(spanText(text, middle!), '2.');
    assert.deepEqual(quickFixes(text, middle!), []);
    const last = 'See [1] and [2].\n\n## References\n\n1. One.\n2. Two.\n3. Three.\n';
    const [finding] = findingsOf(last, RULE);
    assert.equal(applyEdits(last, quickFixes(last, finding!)[0]!.edits), 'See [1] and [2].\n\n## References\n\n1. One.\n2. Two.\n');
  });

  it('counts every number of a range as cited', () => {
    const text = 'See [1-3].\n\n## References\n\n1. One.\n2. Two.\n3. Three.\n';
    assert.deepEqual(findingsOf(text, RULE), []);
  });
});
