// Hover, definition, references and completion on in-memory documents with a "|" cursor marker.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, definitionAt, hoverAt, referencesAt } from '../src/engine/index';
import { options, withCursor } from './rules-support';

const doc = (body: string) =>
  `${body}\n\n## 参考文献\n\n[1] 王明. 数字经济与高质量发展[J]. 经济研究, 2022.\n[2] 李华. 平台就业研究[M]. 北京: 人民出版社, 2021.\n[3] Smith, J. Platform work. OUP, 2020.\n`;

function spanOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `${needle} is in the text`);
  return { start, end: start + needle.length };
}

describe('hoverAt', () => {
  it('shows each entry a marker names, over the marker’s range', () => {
    const { model, offset, text } = withCursor(doc('数字经济扩大[1, |3]。'));
    assert.deepEqual(hoverAt(model, offset, options()), {
      markdown: '**[1]** 王明. 数字经济与高质量发展[J]. 经济研究, 2022.\n\n**[3]** Smith, J. Platform work. OUP, 2020.',
      span: spanOf(text, '[1, 3]'),
    });
  });

  it('summarises a long range after twelve numbers', () => {
    const { model, offset } = withCursor(doc('扩大[|1–20]。'));
    const lines = hoverAt(model, offset, options())!.markdown.split('\n\n');
    assert.equal(lines.length, 13);
    assert.equal(lines[3], '**[4]** is missing from the reference list.');
    assert.equal(lines[12], '… and 8 more.');
  });

  it('says when a number is missing from the list, in the user’s language', () => {
    const { model, offset } = withCursor(doc('就业[|7]。'));
    assert.equal(hoverAt(model, offset, options('zh-CN'))?.markdown, '参考文献列表中没有 **[7]**。');
    assert.equal(hoverAt(model, offset, options('en'))?.markdown, '**[7]** is missing from the reference list.');
  });

  it('shows footnote definitions for footnote markers', () => {
    const { model, offset } = withCursor('Rents rose [^re|nts].\n\n[^rents]: Housing survey, 2023.\n');
    assert.equal(hoverAt(model, offset, options())?.markdown, '**[^rents]** Housing survey, 2023.');
  });

  it('gives nothing outside markers, including just after one', () => {
    const { model, offset } = withCursor(doc('数字经济扩大[1]|。'));
    assert.equal(hoverAt(model, offset, options()), undefined);
    const inEntry = withCursor(doc('数字经济扩大[1]。').replace('[2] 李华', '[2] 李|华'));
    assert.equal(hoverAt(inEntry.model, inEntry.offset, options()), undefined);
  });
});

describe('definitionAt', () => {
  it('goes from a marker to the spans of the entries it names', () => {
    const { model, offset, text } = withCursor(doc('扩大[|1–2]。'));
    assert.deepEqual(definitionAt(model, offset), [
      spanOf(text, '[1] 王明. 数字经济与高质量发展[J]. 经济研究, 2022.'),
      spanOf(text, '[2] 李华. 平台就业研究[M]. 北京: 人民出版社, 2021.'),
    ]);
  });

  it('finds nothing for a missing number or outside markers', () => {
    const missing = withCursor(doc('扩大[|9]。'));
    assert.deepEqual(definitionAt(missing.model, missing.offset), []);
    const outside = withCursor(doc('扩|大[1]。'));
    assert.deepEqual(definitionAt(outside.model, outside.offset), []);
  });
});

describe('referencesAt', () => {
  const body = '甲[1]，乙[2, 3]，丙[1–3]，丁[2]。';

  it('lists every marker citing an entry, from its label or its text', () => {
    const onLabel = withCursor(doc(body).replace('[2] 李华', '[|2] 李华'));
    const range = spanOf(onLabel.text, '[1–3]');
    const want = [spanOf(onLabel.text, '[2, 3]'), range, spanOf(onLabel.text, '[2]', range.end)];
    assert.deepEqual(referencesAt(onLabel.model, onLabel.offset), want);
    const onText = withCursor(doc(body).replace('平台就业', '平台|就业'));
    assert.deepEqual(referencesAt(onText.model, onText.offset), want);
  });

  it('from a marker, lists the markers that share one of its numbers', () => {
    const { model, offset, text } = withCursor(doc('甲[|1]，乙[2]，丙[1–3]。'));
    assert.deepEqual(referencesAt(model, offset), [spanOf(text, '[1]'), spanOf(text, '[1–3]')]);
  });

  it('finds nothing in plain prose', () => {
    const { model, offset } = withCursor(doc('甲|[1]。').replace('甲|', '|甲'));
    assert.deepEqual(referencesAt(model, offset), []);
  });
});

describe('completionsAt', () => {
  it('offers every numbered entry after an opening bracket, closing the marker', () => {
    const { model, offset } = withCursor(doc('数字经济扩大[|'));
    const items = completionsAt(model, offset, options());
    assert.deepEqual(items.map((item) => [item.label, item.newText, item.kind, item.sortText]), [
      ['[1]', '1]', 'reference', '1'],
      ['[2]', '2]', 'reference', '2'],
      ['[3]', '3]', 'reference', '3'],
    ]);
    assert.deepEqual(items[0]!.replaceSpan, { start: offset, end: offset });
    assert.equal(items[0]!.detail, '王明. 数字经济与高质量发展[J]. 经济研究, 2022.');
  });

  it('continues a list after a comma and replaces the digits already typed', () => {
    const afterComma = withCursor(doc('扩大[1,|'));
    assert.equal(completionsAt(afterComma.model, afterComma.offset, options())[1]!.newText, '2]');
    const typed = withCursor(doc('扩大[1, 2|'));
    const items = completionsAt(typed.model, typed.offset, options());
    assert.deepEqual(items[0]!.replaceSpan, { start: typed.offset - 1, end: typed.offset });
  });

  it('does not add a closing bracket that is already there, and matches full-width brackets', () => {
    const closed = withCursor(doc('扩大[|]。'));
    assert.equal(completionsAt(closed.model, closed.offset, options())[0]!.newText, '1');
    const fullWidth = withCursor(doc('扩大［|'));
    assert.equal(completionsAt(fullWidth.model, fullWidth.offset, options())[0]!.newText, '1］');
  });

  it('offers the entries of a reference list of 150,000 entries, sorted by number', () => {
    const entries = Array.from({ length: 150_000 }, (_, i) => `[${i + 1}] 作者${i + 1}. 题名[J]. 期刊, 2020.`).join('\n');
    const { model, offset } = withCursor(`正文引用[|\n\n## 参考文献\n\n${entries}\n`);
    const items = completionsAt(model, offset, options());
    assert.equal(items.length, 150_000);
    assert.deepEqual([items[0]!.sortText, items[149_999]!.sortText], ['000001', '150000']);
  });

  it('offers nothing elsewhere or inside code', () => {
    const prose = withCursor(doc('扩大|'));
    assert.deepEqual(completionsAt(prose.model, prose.offset, options()), []);
    const word = withCursor(doc('see [ab|'));
    assert.deepEqual(completionsAt(word.model, word.offset, options()), []);
    const code = withCursor(doc('```\nx = a[|\n```'));
    assert.deepEqual(completionsAt(code.model, code.offset, options()), []);
  });

  it('shortens long entry text in the detail and keeps it whole in the documentation', () => {
    const long = `${'很长的题名'.repeat(20)}[J]. 刊名, 2020.`;
    const { model, offset } = withCursor(`扩大[|\n\n## 参考文献\n\n[1] ${long}\n`);
    const [item] = completionsAt(model, offset, options());
    assert.equal(item!.detail.length, 60);
    assert.ok(item!.detail.endsWith('…'));
    assert.equal(item!.documentation, long);
  });
});
