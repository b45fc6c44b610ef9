// The check pipeline: size limit, severities from settings, isolation of a failing rule, ordering and data.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument, lintText, parseDocument, ruleById, rules } from '../src/engine/index';
import type { Rule } from '../src/engine/index';
import { options } from './rules-support';

const text = 'A [1], B [3], C [2], D [9].\n\n## References\n\n[1] One.\n[2] Two.\n[3] Three.\n[4] Four.\n';

describe('lintText and checkDocument', () => {
  it('returns one file-too-large notice and no model above the size limit', () => {
    const result = lintText('x'.repeat(2000), { ...options(), maxFileSize: 1024 });
    assert.equal(result.model, undefined);
    assert.deepEqual(result.findings, [
      {
        rule: 'file-too-large',
        severity: 'information',
        message: 'The file is 2000 bytes, more than the limit of 1024 bytes, so Policylint did not check it.',
        span: { start: 0, end: 0 },
        related: [],
        data: { rule: 'file-too-large', text: '', size: 2000, limit: 1024 },
      },
    ]);
    const zh = lintText('x'.repeat(2000), { ...options('zh-CN'), maxFileSize: 1024 });
    assert.equal(zh.findings[0]!.message, '文件大小为 2000 字节，超过了 1024 字节的上限，因此 Policylint 没有检查它。');
  });

  it('measures the size limit in bytes of UTF-8, as the file is on disk', () => {
    // 500 Chinese characters are 1,500 bytes: over a 1,024-byte limit though only 500 code units long.
    const chinese = lintText('字'.repeat(500), { ...options(), maxFileSize: 1024 });
    assert.equal(chinese.model, undefined);
    assert.equal(chinese.findings[0]!.data!.size, 1500);
    // An emoji (a surrogate pair) is four bytes.
    assert.equal(lintText('😀'.repeat(300), { ...options(), maxFileSize: 1024 }).findings[0]!.data!.size, 1200);
    assert.notEqual(lintText('x'.repeat(1024), { ...options(), maxFileSize: 1024 }).model, undefined);
  });

  it('lets file-too-large be turned off or raised, and checks text at the limit normally', () => {
    const big = 'x'.repeat(2000);
    assert.deepEqual(lintText(big, { ...options('en', { 'file-too-large': 'off' }), maxFileSize: 1024 }).findings, []);
    assert.equal(lintText(big, { ...options('en', { 'file-too-large': 'warning' }), maxFileSize: 1024 }).findings[0]!.severity, 'warning');
    const atLimit = lintText('y'.repeat(1024), { ...options(), maxFileSize: 1024 });
    assert.notEqual(atLimit.model, undefined);
    assert.deepEqual(atLimit.findings.filter((finding) => finding.rule === 'file-too-large'), []);
  });

  it('sorts findings by start offset, then rule id, and records the rule and the text of each range', () => {
    const { findings } = lintText(text, options());
    const mine = findings.filter((finding) => ['citation-order', 'dangling-citation', 'uncited-reference'].includes(finding.rule));
    assert.deepEqual(
      mine.map((finding) => [finding.rule, finding.data?.['text'], finding.data?.['rule']]),
      [
        ['citation-order', '[2]', 'citation-order'],
        ['dangling-citation', '[9]', 'dangling-citation'],
        ['uncited-reference', '[4]', 'uncited-reference'],
      ],
    );
    for (let i = 1; i < findings.length; i++) {
      const a = findings[i - 1]!;
      const b = findings[i]!;
      assert.ok(a.span.start < b.span.start || (a.span.start === b.span.start && a.rule <= b.rule));
    }
  });

  it('applies severities from settings: a level, off, or an object with a severity', () => {
    const severities = (rulesSetting: Parameters<typeof options>[1]) =>
      Object.fromEntries(
        lintText(text, options('en', rulesSetting)).findings
          .filter((finding) => ['citation-order', 'dangling-citation', 'uncited-reference'].includes(finding.rule))
          .map((finding) => [finding.rule, finding.severity]),
      );
    assert.deepEqual(severities({}), { 'citation-order': 'information', 'dangling-citation': 'error', 'uncited-reference': 'warning' });
    assert.deepEqual(
      severities({ 'citation-order': 'hint', 'dangling-citation': 'off', 'uncited-reference': { severity: 'error' } }),
      { 'citation-order': 'hint', 'uncited-reference': 'error' },
    );
    // Unreadable settings fall back to the default instead of silencing the rule.
    assert.deepEqual(severities({ 'dangling-citation': 'loud' as never, 'uncited-reference': { severity: 7 } as never }), {
      'citation-order': 'information',
      'dangling-citation': 'error',
      'uncited-reference': 'warning',
    });
  });

  it('passes rule options from an object setting to the rule', () => {
    let seen: unknown;
    const probe: Rule = {
      id: 'probe',
      defaultSeverity: 'hint',
      description: { en: 'Probe.', 'zh-CN': '探针。' },
      fixable: false,
      check(_model, context) {
        seen = context.options;
        return [];
      },
    };
    checkDocument(parseDocument(text), options('en', { probe: { severity: 'warning', limit: 3 } }), [probe]);
    assert.deepEqual(seen, { limit: 3 });
  });

  it('skips a rule that throws and still returns the other rules’ findings', () => {
    const broken: Rule = {
      id: 'broken',
      defaultSeverity: 'error',
      description: { en: 'Always fails.', 'zh-CN': '总是失败。' },
      fixable: false,
      check() {
        throw new Error('boom');
      },
    };
    const model = parseDocument(text);
    const findings = checkDocument(model, options(), [broken, ruleById('dangling-citation')!]);
    assert.deepEqual(findings.map((finding) => [finding.rule, finding.data?.['text']]), [['dangling-citation', '[9]']]);
  });

  it('gives the same findings for CRLF text as for LF text, at the same offsets in each', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const pick = (source: string) =>
      lintText(source, options()).findings.map((finding) => [finding.rule, source.slice(finding.span.start, finding.span.end)]);
    assert.deepEqual(pick(crlf), pick(text));
  });

  it('keeps exact ranges after characters outside the BMP', () => {
    const astral = text.replace('A [1]', '𠀀😀 A [1]');
    const dangling = lintText(astral, options()).findings.find((finding) => finding.rule === 'dangling-citation')!;
    assert.deepEqual(dangling.span, { start: astral.indexOf('[9]'), end: astral.indexOf('[9]') + 3 });
  });

  it('registers rules once each, with file-too-large among them', () => {
    const ids = rules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes('file-too-large'));
    assert.equal(ruleById('citation-order')?.id, 'citation-order');
    assert.equal(ruleById('no-such-rule'), undefined);
  });
});
