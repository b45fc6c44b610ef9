// Generators and checks shared by the robustness tests and `npm run fuzz`: fast-check arbitraries that build
// Markdown policy drafts out of the pieces real drafts are made of (so random cases reach the parser's and the
// rules' edge cases far more often than random Unicode does), mutations of the fixture drafts, and the
// invariants every check result must satisfy.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { codeActions, computeLineStarts, lintText, parseDocument, spanToRange, stripBom } from '../src/engine/index';
import type { EngineOptions, Finding, Fix, Span, TextEditSpan } from '../src/engine/index';
import { defaultOptions } from '../src/engine/options';

export const ROOT = resolve(__dirname, '..', '..');

export const OPTIONS: EngineOptions = { ...defaultOptions, locale: 'en' };

/** Rules whose fix, applied, leaves none of the rule's findings behind (for the markers it can write stubs for). */
export const FULLY_FIXABLE = ['dangling-citation', 'citation-order', 'missing-reference-list'] as const;

// ---------------------------------------------------------------------------------------------------------
// Fixture drafts

export function fixtureDrafts(): { name: string; text: string }[] {
  const files = [join(ROOT, 'test', 'fixtures', 'paper.md'), join(ROOT, 'examples', 'draft.md')];
  const corpus = join(ROOT, 'test', 'corpus');
  for (const name of readdirSync(corpus).sort()) {
    if (name.endsWith('.md') && name !== 'README.md') files.push(join(corpus, name));
  }
  return files.map((path) => ({ name: path.slice(ROOT.length + 1), text: readFileSync(path, 'utf8') }));
}

// ---------------------------------------------------------------------------------------------------------
// Pieces of drafts

const numbers = [
  '30%', '30％', '3.5%', '12.3 个百分点', '1,200', '1 558', '2023年', '2024 年 3 月', '约 40%', '超过 1000 亿美元', '近三成',
  '百分之二十', '两倍', '一万二千', '3.5万亿元', '第一', '第 3 名', '约1/3', '1/4', '2-3 倍', '20%～30%', '５０％',
  'about 40 percent', 'over $3.5 billion', 'twenty', 'one third', 'twice', '2.5-fold', 'ranked 3rd', 'US$120m', '10 GWh',
  '€4bn', '1.2 million', '¥2,000', '0.5', '1990s', '50 per cent',
];
const citations = [
  '[1]', '[2]', '[3]', '[12]', '[1,3]', '[1, 2]', '[1-5]', '[2–4]', '[3, 6-8]', '［1］', '［２］', '〔1〕', '〔2，3〕',
  '<sup>[1]</sup>', '<sup>[4]</sup>', '^[1]^', '[^1]', '[^note]', '[^a-b]', '[@smith2020]', '[@kim2023; @li2022]',
  '（张三，2023）', '（李四等，2022）', '(Smith, 2020)', '(Kim and Lee, 2023)', '[9]', '[99]', '[0]', '[1]-[3]',
];
const cjk = [
  '新质生产力是推动高质量发展的重要引擎', '中韩两国在半导体领域合作密切', '研究表明', '数据显示', '据统计',
  '两国的科技合作平台仍在完善之中', '出口额同比增长', '面临的主要挑战是人才流失', '对策：完善人才引进机制',
  '问题在于供应链风险上升', '建议加强政策协调', '因此', '然而', '😀 表情之后', '𠀀𠀁 生僻字', '“引号”', '（括注）',
];
const english = [
  'Studies show that exports grew', 'The main challenge is talent flight', 'We recommend closer coordination',
  'According to the survey', 'Semiconductor trade rose', 'Korea and China', 'the data suggest', 'e.g. in 2020',
  'Dr. Kim et al. argued', 'The U.S. share fell', '🚀 rockets', 'see Fig. 3',
];
const punctuation = ['。', '，', '；', '：', '！', '？', '、', '. ', ', ', '; ', '! ', '? ', ' ', '\u3000', '…', '——'];

export const sentence: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...cjk, ...english) }, fc.constantFrom(...numbers), fc.constantFrom(...citations), fc.constantFrom(...punctuation)), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(''));

const headingTitles = [
  '一、引言', '二、面临的挑战', '三、对策建议', '(一) 挑战：人才流失', '（二）对策：完善机制', '4.1 Challenges', '4.2 Countermeasures',
  '参考文献', 'References', 'Bibliography', '摘要', 'Abstract', '结论', 'Conclusion', '问题与对策', '政策建议', '挑战', '对策',
  '研究背景[1]', 'Notes', '注释', '附录',
];
const heading = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(...headingTitles))
  .map(([depth, title]) => `${'#'.repeat(depth)} ${title}`);

const referenceEntry = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 14 }), fc.constantFrom('张三. 新质生产力研究[J]. 经济研究, 2024(3): 1-10.', 'Kim J. Semiconductor Cooperation[R]. Seoul: KIET, 2023.', 'Smith, A. (2020). Trade. Journal, 4(2), 1–9.'))
    .map(([n, body]) => `[${n}] ${body}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom('李四. 科技合作的路径[M]. 北京: 科学出版社, 2022.', 'Lee, B. (2023). Policy.')).map(([n, body]) => `${n}. ${body}`),
  fc.constantFrom('[^1]: 脚注内容。', '[^note]: A footnote.', '［3］ 王五. 未被引用的文献[J]. 管理世界, 2021(5): 20-30.', '〔2〕 赵六. 报告[R]. 2020.'),
);
const referenceList = fc
  .tuple(fc.constantFrom('## 参考文献', '## References', '# 参考文献', '**参考文献**'), fc.array(referenceEntry, { minLength: 0, maxLength: 6 }))
  .map(([head, entries]) => [head, '', ...entries].join('\n'));

const listItem = fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '- [ ] ', '  - ', '    - ', '1. 1. '), paragraph).map(([mark, text]) => mark + text);
const list = fc.array(listItem, { minLength: 1, maxLength: 5 }).map((items) => items.join('\n'));
const quote = fc.tuple(fc.constantFrom('> ', '>> ', '> > ', '> - '), paragraph).map(([mark, text]) => mark + text);
const table = fc
  .array(fc.tuple(sentence, sentence), { minLength: 1, maxLength: 3 })
  .map((rows) => ['| 指标 | 数值 |', '| --- | ---: |', ...rows.map(([a, b]) => `| ${a.replace(/\|/g, '')} | ${b.replace(/\|/g, '')} |`)].join('\n'));
const comment = fc.constantFrom(
  '<!-- 注释 -->', '<!-- policylint-disable -->', '<!-- policylint-enable -->', '<!-- policylint-disable dangling-citation -->',
  '<!-- policylint-disable-line unsourced-statistic -->', '<!-- policylint-disable-next-line uncited-claim -->',
  '<!-- policylint-disable-file citation-order -->', '<!-- policylint-disable no-such-rule -->', '<!-- policylint-bogus -->',
  '<!-- unclosed comment', '-->', '<!---->',
);
const other = fc.constantFrom(
  '```\n代码 [1] 30%\n```', '```', '~~~md\n[2]\n', '    indented code [3]', '---', '***', '<div>\n[4] html\n</div>', '![图 1](x.png)',
  '[链接](https://example.com/[5])', '[ref]: https://example.com', '$$\n30\\%\n$$', '图 1 出口额（亿美元）', '表 2：数据来源[1]',
  '\\[1\\] escaped', '`[1]` code', '&#91;1&#93; entity', '',
);
const frontMatter = fc.constantFrom('', '---\ntitle: 草稿\nbibliography: refs.bib\n---\n', '---\ntitle: Draft\n---\n', '+++\ntitle = "x"\n+++\n');

const block = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 3, arbitrary: heading },
  { weight: 2, arbitrary: list },
  { weight: 1, arbitrary: quote },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: comment },
  { weight: 1, arbitrary: other },
  { weight: 1, arbitrary: referenceList },
);

/** A Markdown draft in LF form. */
export const draft: fc.Arbitrary<string> = fc
  .tuple(frontMatter, fc.array(block, { minLength: 1, maxLength: 14 }), fc.option(referenceList, { nil: undefined }), fc.constantFrom('\n\n', '\n', '\n\n\n'), fc.boolean())
  .map(([front, blocks, refs, gap, trailing]) => front + [...blocks, ...(refs ? [refs] : [])].join(gap) + (trailing ? '\n' : ''));

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

// ---------------------------------------------------------------------------------------------------------
// Mutations

export type Mutation =
  | { readonly kind: 'delete' | 'duplicate'; readonly line: number }
  | { readonly kind: 'swap'; readonly line: number; readonly other: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'cut'; readonly at: number; readonly length: number };

const insertion = fc.oneof(
  fc.constantFrom('[', ']', '[1]', '[99]', '［', '〔', '^', '@', '#', '# ', '\n', '\r\n', '\r', '\n\n', '> ', '- ', '|', '<!--', '-->', '```', '**', '*', '_', '`', '%', '％', '约', '第', '，', '。', '😀', '\ud800', '\udc00', '\ufeff', '\u0000', '\ufffc', '\u200b'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }) },
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const m of mutations) {
    if (m.kind === 'insert' || m.kind === 'cut') {
      const at = m.at % (result.length + 1);
      result = result.slice(0, at) + (m.kind === 'insert' ? m.text : '') + result.slice(m.kind === 'cut' ? at + m.length : at);
      continue;
    }
    const lines = result.split('\n');
    const i = m.line % lines.length;
    if (m.kind === 'delete') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i]!);
    else if (m.kind === 'swap') {
      const j = m.other % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    result = lines.join('\n');
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Invariants

export function spanProblem(span: Span, length: number): string | undefined {
  const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
  return ok ? undefined : `span ${span.start}..${span.end} outside 0..${length}`;
}

/** Every finding's span and related spans lie in the text; undefined when all do. */
export function rangeProblem(text: string, findings: readonly Finding[]): string | undefined {
  for (const finding of findings) {
    const own = spanProblem(finding.span, text.length);
    if (own) return `${finding.rule}: ${own}`;
    for (const related of finding.related) {
      const problem = spanProblem(related.span, text.length);
      if (problem) return `${finding.rule} related: ${problem}`;
    }
  }
  return undefined;
}

/** Findings as an editor sees them: rule, line/character ranges (related too), message with line breaks normalised. */
export function asPositions(text: string, findings: readonly Finding[], bomLength = 0): unknown[] {
  const lineStarts = computeLineStarts(text);
  const shift = (range: ReturnType<typeof spanToRange>) => ({
    start: { line: range.start.line, character: range.start.character + (range.start.line === 0 ? bomLength : 0) },
    end: { line: range.end.line, character: range.end.character + (range.end.line === 0 ? bomLength : 0) },
  });
  return findings.map((finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    range: shift(spanToRange(lineStarts, text, finding.span)),
    related: finding.related.map((related) => shift(spanToRange(lineStarts, text, related.span))),
    message: finding.message.replace(/\r\n?/g, '\n'),
  }));
}

/** Lints text as the language server does: a leading BOM is removed first and positions count it on line 0. */
export function lintAsEditor(buffer: string, options: EngineOptions = OPTIONS): unknown[] {
  const text = stripBom(buffer);
  return asPositions(text, lintText(text, options).findings, buffer.length - text.length);
}

/** What an editor should see for the LF text once a BOM is put in front: line-0 characters shift by one. */
export function lintWithBomExpected(lf: string, options: EngineOptions = OPTIONS): unknown[] {
  return asPositions(lf, lintText(lf, options).findings, 1);
}

/** Problems with a set of edits: out of range or overlapping (which would lose or duplicate text). */
export function editProblem(text: string, edits: readonly TextEditSpan[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (const edit of sorted) {
    const problem = spanProblem(edit.span, text.length);
    if (problem) return `edit ${problem}`;
  }
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (sorted[i]!.span.end > sorted[i + 1]!.span.start) return `edits overlap at ${sorted[i + 1]!.span.start}`;
  }
  return undefined;
}

/** Applies non-overlapping edits back to front. */
export function applyEdits(text: string, edits: readonly TextEditSpan[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

/**
 * The text outside the edits, in order, must appear in the result unchanged with only the new texts between:
 * rebuilt independently of `applyEdits` from the gaps between the sorted edits.
 */
export function preservesOutside(before: string, after: string, edits: readonly TextEditSpan[]): boolean {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let cursorBefore = 0;
  let cursorAfter = 0;
  for (const edit of sorted) {
    const gap = before.slice(cursorBefore, edit.span.start);
    if (after.slice(cursorAfter, cursorAfter + gap.length) !== gap) return false;
    cursorAfter += gap.length;
    if (after.slice(cursorAfter, cursorAfter + edit.newText.length) !== edit.newText) return false;
    cursorAfter += edit.newText.length;
    cursorBefore = edit.span.end;
  }
  return after.slice(cursorAfter) === before.slice(cursorBefore);
}

/**
 * The whole-document fix a user would pick for a rule: its fix-all (for all its findings), or else the first
 * quick fix offered for one of its findings (for that finding only).
 */
export function documentFix(text: string, rule: string, options: EngineOptions = OPTIONS): { fix: Fix; findings: Finding[] } | undefined {
  const { findings } = lintText(text, options);
  const own = findings.filter((finding) => finding.rule === rule);
  if (own.length === 0) return undefined;
  const model = parseDocument(text);
  const all = codeActions(model, own, { start: 0, end: text.length }, options).find((action) => action.kind === 'source.fixAll');
  if (all) return { fix: all, findings: own };
  for (const finding of own) {
    const quick = codeActions(model, [finding], finding.span, options).find((action) => action.kind === 'quickfix');
    if (quick) return { fix: quick, findings: [finding] };
  }
  return undefined;
}

/** Fixable findings of the rule left in the fixed text that the fix was meant to resolve. */
export function leftAfterFix(text: string, targeted: readonly Finding[], fixed: string, after: readonly Finding[], rule: string): Finding[] {
  const wanted = fixableFindings(text, targeted, rule);
  if (wanted.length === 0) return [];
  const left = fixableFindings(fixed, after, rule);
  if (rule !== 'dangling-citation') return left;
  // Stubs resolve names; a finding left over is a failure only if it still misses a name the fix was for.
  const namesOf = (finding: Finding): string[] =>
    ((finding.data?.['missing'] ?? []) as unknown[]).map((name) => `${String(finding.data?.['style'])}:${String(name)}`);
  const names = new Set(wanted.flatMap(namesOf));
  return left.filter((finding) => namesOf(finding).some((name) => names.has(name)));
}

/**
 * Findings a full fix of the rule must have removed from `text`: dangling markers in the styles a stub can be
 * written for (footnotes; numbers when the numbered entries are bracketed labels such as "[3]"). Numbers in a
 * Markdown ordered reference list are numbered by position, so a stub below its first item or after an item
 * in another style cannot take the number (the fix leaves those by design; see docs/robustness.md), and such
 * drafts are not judged for numbers.
 */
export function fixableFindings(text: string, findings: readonly Finding[], rule: string): Finding[] {
  const own = findings.filter((finding) => finding.rule === rule);
  if (rule !== 'dangling-citation') return own;
  const listed = (parseDocument(text).references?.entries ?? []).some((entry) => entry.kind === 'list');
  return own.filter((finding) => finding.data?.['style'] === 'footnote' || (finding.data?.['style'] === 'numeric' && !listed));
}

// ---------------------------------------------------------------------------------------------------------
// Hostile inputs

/** A deterministic pseudo-random generator, so hostile inputs are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function randomCodeUnits(length: number, seed: number, from: number, to: number): string {
  const next = seeded(seed);
  const units: number[] = [];
  for (let i = 0; i < length; i++) units.push(from + Math.floor(next() * (to - from)));
  let text = '';
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096));
  return text;
}

/** One megabyte (UTF-8) of prose on one line: Chinese sentences with numbers, a citation every ~2 KB. */
function megabyteLine(): string {
  const sentence = '新质生产力同比增长约30%，出口额达1,200亿美元；';
  let text = '';
  let i = 0;
  while (text.length * 3 < 1_000_000) text += i++ % 60 === 59 ? `研究表明[${i % 9}]。` : sentence;
  return text;
}

/** Inputs built to hurt: each must be checked without an exception and with every range inside the text. */
export const HOSTILE: readonly { readonly name: string; readonly make: () => string }[] = [
  { name: 'random Unicode (BMP, 200k code units)', make: () => randomCodeUnits(200_000, 1, 0, 0x10000) },
  { name: 'binary-ish text (bytes 0-255, 200k)', make: () => randomCodeUnits(200_000, 2, 0, 256) },
  { name: 'lone surrogates (50k)', make: () => randomCodeUnits(50_000, 3, 0xd800, 0xe000) },
  { name: 'invalid UTF-8 decoded (U+FFFD runs)', make: () => Buffer.from(randomCodeUnits(100_000, 4, 0x80, 0x100), 'latin1').toString('utf8') },
  { name: '200,000 digits in a row', make: () => '1'.repeat(200_000) },
  { name: '100,000 [', make: () => '['.repeat(100_000) },
  { name: '5,000 nested lists', make: () => `${'- '.repeat(5_000)}引用[1]` },
  { name: '5,000 nested block quotes', make: () => `${'>'.repeat(5_000)} 引用[1]` },
  { name: '5,000 nested quoted lists', make: () => `${'> - '.repeat(2_500)}引用[1]` },
  { name: 'a single 1 MB line', make: megabyteLine },
  { name: 'unclosed HTML comment', make: () => `# 标题\n\n<!-- policylint-disable\n${'正文[1]，增长30%。\n'.repeat(20_000)}` },
  { name: 'unclosed code fence', make: () => `# 标题\n\n\`\`\`\n${'正文[1]，增长30%。\n'.repeat(20_000)}` },
  { name: '5,000 headings (challenges and countermeasures)', make: () => Array.from({ length: 5_000 }, (_, i) => `${'#'.repeat(1 + (i % 6))} ${i % 2 ? '对策' : '挑战'}${i}\n\n内容增长${i}%[${i}]。`).join('\n\n') },
  { name: '100,000 **', make: () => '**'.repeat(100_000) },
  { name: '100,000 约', make: () => '约'.repeat(100_000) },
  { name: '100,000 第', make: () => '第'.repeat(100_000) },
  { name: '100,000 ％', make: () => '％'.repeat(100_000) },
  { name: '100,000 ，', make: () => '，'.repeat(100_000) },
  { name: '100,000 spaces', make: () => `${' '.repeat(100_000)}x` },
  { name: '50,000 ideographic spaces before a lead-in', make: () => `${'\u3000'.repeat(50_000)}摘要：增长30%。` },
  { name: '20,000 约1', make: () => '约1'.repeat(20_000) },
  { name: '50,000 1-', make: () => '1-'.repeat(50_000) },
  { name: '20,000 [1]', make: () => '[1]'.repeat(20_000) },
  { name: '5,000 lines of [n] entries under 参考文献', make: () => `正文[1]。\n\n## 参考文献\n\n${Array.from({ length: 5_000 }, (_, i) => `[${i + 1}] 作者. 题名[J]. 2020.`).join('\n')}` },
  { name: '10,000 footnote definitions', make: () => `正文[^1]。\n\n${Array.from({ length: 10_000 }, (_, i) => `[^${i}]: 脚注${i}。`).join('\n')}` },
  { name: '10,000 policylint directives', make: () => Array.from({ length: 10_000 }, (_, i) => `<!-- policylint-disable${i % 2 ? '-line' : ''} rule-${i} -->`).join('\n') },
  { name: '100,000 CRLF blank lines', make: () => '\r\n'.repeat(100_000) },
  { name: '100,000 lone CR', make: () => 'a\r'.repeat(100_000) },
  { name: '50,000 emoji', make: () => '😀'.repeat(50_000) },
  { name: 'table with 2,000 columns', make: () => `|${' a |'.repeat(2_000)}\n|${' - |'.repeat(2_000)}\n|${' 30%[1] |'.repeat(2_000)}` },
];
