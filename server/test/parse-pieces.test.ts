// The parser reads a document in pieces and caches each piece's parse (parse/pieces.ts). A user must never
// see the difference: every model built from pieces, cached or not, equals the model of the text parsed whole
// — same blocks, sentences, citations, reference list and source positions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText, parseDocument } from '../src/engine/index';
import { resetParseCache } from '../src/engine/parse';
import { LONG_PARAGRAPH } from '../src/engine/parse/chunks';
import { HOSTILE, OPTIONS, draft, fixtureDrafts, mutate, mutation, toCrlf } from './robustness-drafts';

function assertSameAsWhole(text: string, message: string): void {
  const whole = parseDocument(text, { whole: true });
  assert.deepEqual(parseDocument(text, { minPieceLength: 1 }), whole, `${message}: cut wherever allowed`);
  assert.deepEqual(parseDocument(text), whole, `${message}: default pieces`);
}

/** Length of the longest run of non-blank lines. */
function longestParagraph(text: string): number {
  return Math.max(0, ...text.split(/(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)/).map((part) => part.length));
}

const paragraph = (n: number): string => `第${n}段：出口额同比增长${n}%[${n}]，研究表明合作仍在深化。`;

describe('parsing in pieces gives the model of the whole text', () => {
  test('fixture drafts and the paper, LF and CRLF', () => {
    for (const { name, text } of fixtureDrafts()) {
      assertSameAsWhole(text, name);
      assertSameAsWhole(toCrlf(text), `${name} (CRLF)`);
    }
  });

  test('blocks that run on across a cut: fences, HTML blocks, comments, front matter', () => {
    const cases: Record<string, string> = {
      'unclosed fence swallows later headings': `# 一\n\n${paragraph(1)}\n\n\`\`\`\n代码\n# 不是标题 30%\n\n不是段落[2]\n`,
      'closed fence before a heading': `# 一\n\n\`\`\`js\nx\n\`\`\`\n# 二\n\n${paragraph(2)}\n`,
      'indented fence inside a list item': `- 项目\n\n  \`\`\`\n  代码\n# 标题？\n\`\`\`\n# 三\n${paragraph(3)}\n`,
      'fence in a block quote': `> \`\`\`\n> 代码\n# 标题\n\n${paragraph(4)}\n`,
      'HTML block continued by a heading line': `<div>\n# 仍是 HTML 30%\n</div>\n\n# 标题\n\n${paragraph(5)}\n`,
      'HTML block ended by a blank line': `<div>\n内容\n</div>\n\n# 标题\n\n${paragraph(6)}\n`,
      'unclosed comment': `${paragraph(7)}\n\n<!-- policylint-disable\n# 标题\n\n${paragraph(8)}\n`,
      'closed comment right before a heading': `${paragraph(9)}\n\n<!-- policylint-disable-next-line -->\n# 标题\n\n${paragraph(10)}\n`,
      'front matter with comment lines': `---\ntitle: 草稿\n# 注释行\nbibliography: refs.bib\n---\n# 标题\n\n${paragraph(11)}\n`,
      'unclosed front matter fence': `---\n# 标题\n\n${paragraph(12)}\n\n[^1]: 脚注。\n`,
      'list then a paragraph after a blank line': `1. 第一项[1]\n2. 第二项\n\n正文继续${paragraph(13)}\n\n3. 第三项\n`,
      'lazy continuation in a quote': `> 引文第一行\n懒惰续行[2]\n\n段落${paragraph(14)}\n`,
      'table followed by a heading': `| 指标 | 数值 |\n| --- | --- |\n| 出口 | 30% |\n# 标题\n${paragraph(15)}\n`,
      'setext heading candidates': `正文\n===\n\n标题下\n---\n\n${paragraph(16)}\n`,
      'indented code then a paragraph': `    代码 30%\n\n正文${paragraph(17)}\n`,
    };
    for (const [name, text] of Object.entries(cases)) {
      assertSameAsWhole(text, name);
      assertSameAsWhole(toCrlf(text), `${name} (CRLF)`);
    }
  });

  test('footnote calls resolve against definitions in other pieces; link definitions keep the text whole', () => {
    const footnotes = `# 一\n\n据报道[^a]，另见[^b]与[^a](https://example.com)。\n\n# 二\n\n${paragraph(1)}\n\n[^a]: 脚注甲。\n\n[^b]: 脚注乙。\n`;
    assertSameAsWhole(footnotes, 'footnotes');
    const model = parseDocument(footnotes, { minPieceLength: 1 });
    assert.deepEqual(
      model.references?.entries.map((entry) => entry.key),
      ['a', 'b'],
    );
    assert.deepEqual(
      model.citations.filter((citation) => citation.style === 'footnote').map((citation) => citation.keys),
      [['a'], ['b'], ['a']],
    );
    // Labels match without regard to case, as the parser matches them.
    assertSameAsWhole(`# 一\n\n- [ ] [^Note]另见[^NOTE]。\n\n# 二\n\n${paragraph(1)}\n\n[^note]: 脚注。\n`, 'labels in other cases');
    // A "[^note]:" line inside an unclosed comment defines nothing: the call stays text (found by fuzzing; the task
    // list item's paragraph starts after its checkbox only when the call is text).
    assertSameAsWhole('- [ ] [^note][1]新质生产力\n\n- 30%\n\n<!-- unclosed comment\n\n## 参考文献\n\n[^note]: A footnote.\n\n# 一、引言', 'definition in a comment');
    // A definition right after a paragraph line interrupts it, and then an empty list item or a list not starting
    // at 1 cannot begin its content: "2022." is a paragraph there, not what it is at the start of a piece (found
    // by property testing).
    assertSameAsWhole('正文[^1]。\n段落。\n[^1]: 2022.', 'definition holding "2022." after a paragraph line');
    assertSameAsWhole('正文[^1]。\n段落。\n[^1]: 2) 第二', 'definition holding "2)" after a paragraph line');
    // A label with white space is no footnote: "[^b *注*]:" defines a link reference.
    assertSameAsWhole(`# 一\n\n另见[^b *注*]。\n\n# 二\n\n${paragraph(1)}\n\n[^b *注*]: 脚注乙。\n`, 'footnote-like link definition');
    const links = `# 一\n\n见[报告][r]与[1]。\n\n# 二\n\n${paragraph(2)}\n\n[r]: https://example.com/r\n[1]: https://example.com/1\n`;
    assertSameAsWhole(links, 'link reference definitions');
  });

  test('reference list entries keep their numbers and positions when the list spans several pieces', () => {
    const entries = Array.from({ length: 40 }, (_, i) => `${i + 1}. 作者${i + 1}. 题名[J]. 期刊, 2020.`).join('\n');
    const text = `# 正文\n\n${paragraph(1)}\n\n## 参考文献\n\n${entries}\n\n后记段落在列表之后。\n\n[^n]: 脚注。\n`;
    assertSameAsWhole(text, 'long reference list');
    const model = parseDocument(text, { minPieceLength: 1 });
    // 40 numbered entries, the closing paragraph (an unlabelled entry) and the footnote.
    assert.equal(model.references?.entries.length, 42);
    assert.equal(model.references?.entries[39]?.number, 40);
    assert.equal(model.references?.entries[41]?.key, 'n');
  });

  test('generated drafts and their mutations', () => {
    fc.assert(
      fc.property(fc.array(draft, { minLength: 1, maxLength: 4 }), fc.array(mutation, { maxLength: 4 }), (drafts, mutations) => {
        const text = mutate(drafts.join('\n\n'), mutations);
        const whole = parseDocument(text, { whole: true });
        assert.deepEqual(parseDocument(text, { minPieceLength: 1 }), whole);
        assert.deepEqual(parseDocument(toCrlf(text), { minPieceLength: 1 }), parseDocument(toCrlf(text), { whole: true }));
      }),
      { numRuns: 300 },
    );
  });

  test('a byte order mark at the start keeps every position', () => {
    const paper = fixtureDrafts()[0]!.text;
    assertSameAsWhole(`\ufeff${paper}`, 'paper after a BOM');
    const model = parseDocument(`\ufeff${paper}`);
    const heading = model.blocks.find((block) => block.kind === 'heading' && block.text.includes('引言'))!;
    assert.equal(model.text.slice(heading.span.start, heading.span.end).replace(/^#+ /, ''), heading.text);
  });

  test('hostile inputs without overlong paragraphs', () => {
    for (const { name, make } of HOSTILE) {
      const text = make();
      if (text.length > 60_000 || longestParagraph(text) > LONG_PARAGRAPH) continue;
      assertSameAsWhole(text, name);
    }
  });

  test('a paragraph longer than 16,000 characters is cut, and keeps its citations, sentences and entries', () => {
    const markers = '[1]'.repeat(20_000);
    const cut = parseDocument(markers);
    const whole = parseDocument(markers, { whole: true });
    assert.ok(cut.blocks.length > 1, 'the paragraph was cut');
    assert.deepEqual(cut.citations.map((c) => [c.span, c.numbers]), whole.citations.map((c) => [c.span, c.numbers]));

    const prose = '新质生产力推动合作，出口额增长30%[1]。'.repeat(1_500);
    assert.deepEqual(
      parseDocument(prose).sentences.map((s) => s.span),
      parseDocument(prose, { whole: true }).sentences.map((s) => s.span),
    );

    const list = `正文[1]。\n\n## 参考文献\n\n${Array.from({ length: 2_000 }, (_, i) => `[${i + 1}] 作者. 题名[J]. 2020.`).join('\n')}\n`;
    const entries = (text: string, whole: boolean): unknown[] =>
      parseDocument(text, { whole }).references!.entries.map((e) => [e.number, e.span, e.labelSpan, e.text]);
    assert.deepEqual(entries(list, false), entries(list, true));
  });
});

describe('the parse cache', () => {
  test('after edits anywhere in a long draft, the cached parse equals a parse from scratch', () => {
    const paper = fixtureDrafts()[0]!.text;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        parseDocument(paper);
        const edited = mutate(paper, mutations);
        const cached = parseDocument(edited);
        resetParseCache();
        assert.deepEqual(cached, parseDocument(edited, { whole: true }));
      }),
      { numRuns: 40 },
    );
  });

  test('two documents with the same chapters give each its own positions and findings', () => {
    const chapter = `## 挑战\n\n${paragraph(1)}\n\n${'正文'.repeat(1200)}\n\n## 结语\n\n${paragraph(2)}\n`;
    const first = lintText(chapter, OPTIONS);
    const shifted = lintText(`# 前言\n\n前言段落。\n\n${chapter}`, OPTIONS);
    const offset = shifted.model!.text.indexOf('## 挑战');
    assert.ok(first.findings.length > 0);
    assert.deepEqual(
      shifted.findings.filter((finding) => finding.span.start >= offset).map((finding) => [finding.rule, finding.span.start - offset]),
      first.findings.map((finding) => [finding.rule, finding.span.start]),
    );
  });
});
