import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PLACEHOLDER_EN, PLACEHOLDER_ZH } from '../src/engine/citation-index';
import { applyEdits, findingsOf, options, quickFixes, spanText } from './rules-support';

const RULE = 'missing-reference-list';

describe('missing-reference-list', () => {
  const zh = '研发投入年均增长 10.6%[1]，高于 GDP 增速[2]。\n\n基础研究占比偏低[2, 3]。\n';

  it('reports once, on the first marker, with the number of markers', () => {
    const findings = findingsOf(zh, RULE, options('zh-CN'));
    assert.equal(findings.length, 1);
    assert.equal(spanText(zh, findings[0]!), '[1]');
    assert.equal(findings[0]!.severity, 'warning');
    assert.equal(findings[0]!.message, '正文有 3 处引用标记（第一处为“[1]”），但没有参考文献列表。');
    assert.equal(
      findingsOf(zh, RULE)[0]!.message,
      'The text has 3 citation marker(s), starting with "[1]", but no reference list.',
    );
  });

  it('appends a 参考文献 section with one stub per cited number in a Chinese document', () => {
    const [finding] = findingsOf(zh, RULE);
    const [fix] = quickFixes(zh, finding!);
    const fixed = applyEdits(zh, fix!.edits);
    assert.equal(
      fixed,
      `${zh}\n## 参考文献\n\n[1] ${PLACEHOLDER_ZH}\n[2] ${PLACEHOLDER_ZH}\n[3] ${PLACEHOLDER_ZH}\n`,
    );
    assert.equal(fix!.cursor, fixed.indexOf(PLACEHOLDER_ZH));
    assert.deepEqual(findingsOf(fixed, RULE), []);
    assert.deepEqual(findingsOf(fixed, 'dangling-citation'), []);
  });

  it('appends a References section in an English document, after a blank line', () => {
    const text = 'Output grew [1].';
    const [finding] = findingsOf(text, RULE);
    const fixed = applyEdits(text, quickFixes(text, finding!)[0]!.edits);
    assert.equal(fixed, `Output grew [1].\n\n## References\n\n[1] ${PLACEHOLDER_EN}\n`);
  });

  it('counts author-year and pandoc citations, but not footnotes or keys kept in a bibliography file', () => {
    const authorYear = 'Spending grew (OECD, 2023) and [^n] says so.\n\n[^n]: A note.\n';
    assert.deepEqual(findingsOf(authorYear, RULE).map((finding) => spanText(authorYear, finding)), ['(OECD, 2023)']);
    assert.deepEqual(findingsOf('Rents rose [^r].\n\n[^r]: Survey, 2023.\n', RULE), []);
    assert.deepEqual(findingsOf('---\nbibliography: refs.bib\n---\n\nTrade [@wto].\n', RULE), []);
    assert.equal(findingsOf('Trade [@wto].\n', RULE).length, 1);
  });

  it('is quiet when a reference list exists or nothing is cited', () => {
    assert.deepEqual(findingsOf('Output grew [1].\n\n## References\n\n[1] One.\n', RULE), []);
    assert.deepEqual(findingsOf('No citations here.\n', RULE), []);
  });
});
