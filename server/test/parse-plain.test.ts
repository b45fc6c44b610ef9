// Plain pieces (paragraphs and simple headings with no Markdown syntax) are read without the Markdown parser
// (parse/plain.ts). A user must never see the difference: whenever the shortcut gives a tree, it is the tree
// the parser gives — same nodes, same text, same offsets — and whenever a construct could start, it declines.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMarkdown, type MdNode } from '../src/engine/parse/markdown';
import { planChunks } from '../src/engine/parse/chunks';
import { frontMatterTree, plainTree } from '../src/engine/parse/plain';
import { fixtureDrafts } from './robustness-drafts';

interface Shape {
  readonly type: string;
  readonly depth: number | undefined;
  readonly value: string | undefined;
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly children: readonly Shape[] | undefined;
}

/** What the engine reads of a tree: types, heading depths, text values and offsets. */
function shape(node: MdNode): Shape {
  return {
    type: node.type,
    depth: node.depth ?? undefined,
    value: node.value,
    start: node.position?.start.offset,
    end: node.position?.end.offset,
    children: node.children?.map(shape),
  };
}

/** The parser's tree without the root's own end, which the parser puts after trailing blank lines. */
function parsed(text: string, withFrontMatter: boolean): readonly Shape[] | undefined {
  return shape(parseMarkdown(text, withFrontMatter)).children;
}

/** Compares a shortcut's tree with the parser's; true when the shortcut answered. */
function assertSameAsParser(text: string, read = plainTree, withFrontMatter = false): boolean {
  const tree = read(text);
  if (tree) assert.deepEqual(shape(tree).children, parsed(text, withFrontMatter), JSON.stringify(text));
  return tree !== undefined;
}

describe('plain pieces are read without the parser, exactly as the parser reads them', () => {
  test('Chinese and English prose with citation markers, headings and line breaks is plain', () => {
    const texts = [
      '## 3.1 合作层面\n\n2022年，韩国对中国的半导体出口额高达795亿美元，占总出口额的34%以上[31]。\n中国位居第二[50]。',
      '# 挑战\n内容（R&D）投入为4分（评分范围为0~10分）[51]。\r\n\r\nSecond paragraph [12], [13-15] and “quotes”.\r\n',
      'Growth was 3.5% in 2023 [1]; see [2][3].\rNext line.\r\r# Heading #1 text\n',
      '正文。\n[^1]: 王某. 新质生产力研究. 2023.\n[^note-2]: Smith J.\n续行属于脚注\n\n# 下一节\n[^注3]:内容\n',
      '[[[ 一行没有右括号的方括号\n[[[',
      '## 参考文献\n\n[1] 王某. 新质生产力研究[J]. 经济研究, 2023(5): 1-10.\n[2][3] Smith J. Title. 2022.\n',
      // Bold lead-ins and bold inside a line, as drafts write them.
      '**摘要**：加快发展新质生产力背景下[1]。\n**关键词**：新质生产力；中韩科技合作',
      '**Abstract:** In the context of new quality productivity.\n\n正文**重点**在此，**“新”**与**质**。**“量”**，',
      '## 3.1 **合作**层面\n[^1]: **注**：脚注正文。\n',
      'a**b**c and **1 558.1亿美元** (**x**)',
    ];
    for (const text of texts) assert.equal(assertSameAsParser(text), true, JSON.stringify(text));
  });

  test('anything that may start a construct goes to the parser', () => {
    const constructs = [
      '1. 列表项',
      '3) 列表项',
      '- 列表项',
      '> 引文',
      '    缩进代码',
      ' 缩进一格',
      '段落\n===',
      '段落\n---',
      '## C#',
      '## 标题 ##',
      '##  两个空格',
      '#标题',
      '####### 七级',
      '段落  \n硬换行',
      '段落\\\n硬换行',
      '*强调*',
      '***强调***',
      '**强调*',
      '**强调**的**',
      '** 强调**',
      '**强调 **文字',
      '**跨\n行**',
      '** *',
      '**~强调**',
      '****',
      '_强调_',
      '`代码`',
      '<span>HTML</span>',
      '&amp; 实体',
      '&#123; 实体',
      '[链接](https://example.org)',
      '![图](a.png)',
      '脚注[^1]',
      '[a]: https://example.org',
      '[a\nb]: /url',
      '[a [b]]: /url',
      '[]: /url',
      '[^1]: 1. 脚注里的列表',
      '[^1]:',
      '[^1]:     缩进',
      '[^a b]: 有空格的标签',
      '[^ß]: 大小写折叠',
      '访问 www.example.org',
      '访问 http://example.org',
      '邮件 a@example.org',
      '删除~线~文字',
      '范围0~10分，另一范围\n1~5分',
      '| 表 | 格 |\n|---|---|',
      '```\n代码\n```',
      '<!-- 注释 -->',
      '\uFEFF带 BOM',
      '\u3000全角空格开头',
      '段落\u0000空字符',
    ];
    for (const text of constructs) assert.equal(plainTree(text), undefined, JSON.stringify(text));
  });

  test('generated texts near the boundary: whenever the shortcut answers, the parser agrees', () => {
    const token = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('中国', '增长', 'Growth', 'the', '2022年', '34%', '[31]', '（R&D）', '“新”', '1 850个', '。', '，', '；', ' ') },
      {
        weight: 2,
        arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\n## ', '\n# ', '\n1. ', '\n- ', '\n> ', '\n    ', '\n===', '\n---', '\n|---|', '\n[^1]: ', '\n[^Ab-3]:', '[^x]'),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom('~', '&', '&amp;', ';', '!', '[', ']', '(', ')', '^', ':', '//', 'www.', '@', '*', '_', '`', '<', '#', '  ', '\t', '\\', '\u3000', '1.', '1)', '|'),
      },
      // Strong emphasis: runs of two beside letters, CJK, punctuation, symbols, white space and surrogate pairs.
      { weight: 2, arbitrary: fc.constantFrom('**', '**', '**', '** ', ' **', '**：', '：**', '**[1]', '“**', '**”', '$**', '**😀', '😀**', '\n**') },
    );
    let plain = 0;
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        if (assertSameAsParser(tokens.join(''))) plain++;
      }),
      { numRuns: 3000 },
    );
    // The generator reaches both sides of the boundary.
    assert.ok(plain > 300, `only ${plain} of 3000 generated texts were plain`);
  });

  test('the fixture drafts piece by piece; most of the paper is plain', () => {
    let paperShare: number | undefined;
    for (const { name, text } of fixtureDrafts()) {
      const plan = planChunks(text, 0, 1);
      if (!plan) continue;
      let plainLength = 0;
      plan.starts.forEach((start, index) => {
        const piece = text.slice(start, plan.starts[index + 1] ?? text.length);
        if (assertSameAsParser(piece)) plainLength += piece.length;
      });
      // The paper's prose is what the shortcut is for: everything but its front matter.
      if (name.endsWith('/paper.md')) paperShare = plainLength / text.length;
    }
    assert.ok(paperShare !== undefined && paperShare > 0.95, `paper: plain share ${paperShare}`);
  });
});

describe('a piece that is exactly front matter is read without the parser, exactly as the parser reads it', () => {
  const sameAsParser = (text: string): boolean => assertSameAsParser(text, frontMatterTree, true);

  test('yaml and toml blocks, any line breaks, empty or blank-lined, with spaces after the fences', () => {
    const texts = [
      '---\nsource: "000.txt"\nlanguage: "zh-CN"\n---\n',
      '---\r\na: 1\r\nb: 2\r\n---\r\n',
      '---\ra: 1\r---\r',
      '+++\ntitle = "草稿"\n+++\n',
      '---\n---\n',
      '---\n\na: 1\n\n---\n',
      '---  \na: 1\n---\t\n',
      '---\na: 1\n---',
      '---\n# 标题\n- 列表\n> 引用\n---\n',
    ];
    for (const text of texts) assert.equal(sameAsParser(text), true, JSON.stringify(text));
  });

  test('anything more or less than one closed block goes to the parser', () => {
    for (const text of ['---\na: 1\n', '---\na: 1\n---\n正文。', '----\na: 1\n----\n', ' ---\na: 1\n---\n', '正文。\n---\na\n---\n', '', '---\n\0\n---\n']) {
      assert.equal(frontMatterTree(text), undefined, JSON.stringify(text));
    }
  });

  test('generated blocks: whenever the shortcut answers, the parser agrees', () => {
    const line = fc.constantFrom('a: 1', 'title: "新质生产力"', '', '  ', '---x', '--- ', '+++', '# h', '- x', 'key = "v"', '\t', '[^1]: x', '\0', 'a\tb');
    const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
    let answered = 0;
    fc.assert(
      fc.property(fc.constantFrom('---', '+++'), fc.array(fc.tuple(line, lineBreak), { maxLength: 8 }), lineBreak, fc.constantFrom('', ' ', '\t'), fc.boolean(), (fence, lines, first, space, endBreak) => {
        const body = lines.map(([text, br]) => text + br).join('');
        const text = `${fence}${space}${first}${body}${fence}${endBreak ? '\n' : ''}`;
        if (sameAsParser(text)) answered++;
      }),
      { numRuns: 2000 },
    );
    assert.ok(answered > 500, `only ${answered} of 2000 generated blocks were answered`);
  });
});
