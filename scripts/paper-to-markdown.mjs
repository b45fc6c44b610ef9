// Converts the plain-text export of the sample policy paper into the Markdown fixtures the tests use:
//   test/fixtures/paper.md          the paper as Markdown, body text unchanged, every citation marker in place
//   test/fixtures/paper-ablated.md  the same with every numeric citation marker removed (for recall measurement)
//
// Usage: node scripts/paper-to-markdown.mjs [source.txt] [out-dir]
//
// The export comes from a Word document: one paragraph a line, headings as "N  title" / "N.N title", Word
// bookmarks as "[bookmark: _Name]" prefixes, a classification line (中图分类号 …), and no reference list although
// the text cites [1]–[n]. The conversion is deliberately mechanical so it can be re-run and reviewed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const DEFAULT_SOURCE = '/work/shared/paper/000_eb630b9864048fde.txt';
const sourcePath = process.argv[2] ?? DEFAULT_SOURCE;
const outDir = process.argv[3] ?? 'test/fixtures';

const raw = readFileSync(sourcePath, 'utf8').replace(/^\uFEFF/, '');
const sha256 = createHash('sha256').update(raw).digest('hex');

const BOOKMARK = /\[bookmark: [^\]]*\]/g;
const HEADING = /^(\d+(?:\.\d+)*)[ \u3000]+(\S.{0,60})$/u;
const CLASSIFICATION = /^中图分类号：\s*(.*?)\s+文献标志码：\s*(\S*)\s+文章编号：\s*(\S*)\s*$/u;
const LEAD_IN = /^(摘要|关键词)：/u;
const ENGLISH_ABSTRACT = /^Abstract:\s*/u;
const CITATION = /\[(\d+)\]/g;

const lines = raw.split(/\r\n|\r|\n/).map((line) => line.replace(BOOKMARK, '').trim());

let classification;
let englishTitle;
const body = [];
for (const line of lines) {
  if (line === '') continue;
  const cls = CLASSIFICATION.exec(line);
  if (cls) {
    classification = { clc: cls[1].replace(/\s+/g, ' '), documentCode: cls[2], articleNumber: cls[3] };
    continue;
  }
  const heading = HEADING.exec(line);
  if (heading) {
    const depth = heading[1].split('.').length + 1;
    body.push(`${'#'.repeat(depth)} ${heading[1]} ${heading[2]}`);
    continue;
  }
  const lead = LEAD_IN.exec(line);
  if (lead) {
    // Bold the label only, keeping the full-width colon outside the emphasis: `**摘要**：` renders as bold in every
    // CommonMark renderer, whereas `**摘要：**正文` needs CJK-aware emphasis rules to close.
    body.push(`**${lead[1]}**：${line.slice(lead[0].length)}`);
    continue;
  }
  if (ENGLISH_ABSTRACT.test(line)) {
    body.push('## Abstract', `**Abstract:** ${line.replace(ENGLISH_ABSTRACT, '')}`);
    continue;
  }
  if (englishTitle === undefined && /^[A-Z][A-Za-z -]+$/.test(line)) {
    englishTitle = line;
    continue;
  }
  // Everything else is a body paragraph, kept verbatim; the figure line (图1 …) stays a caption paragraph of its own.
  body.push(line);
}

if (!englishTitle) throw new Error('paper-to-markdown: English title line not found');

const cited = [...raw.matchAll(CITATION)].map((m) => Number(m[1]));
const distinct = [...new Set(cited)].sort((a, b) => a - b);
const citedRange = distinct.length ? `numbers ${distinct[0]}–${distinct[distinct.length - 1]}` : 'none';

function frontMatter(ablated) {
  const entries = [
    ['source', basename(sourcePath)],
    ['source_sha256', sha256],
    ['converter', 'scripts/paper-to-markdown.mjs'],
    ['language', 'zh-CN'],
    ['title_note', 'The Chinese title is not in the source text; the English title line is used as the document title.'],
    ['clc', classification?.clc ?? ''],
    ['document_code', classification?.documentCode ?? ''],
    ['article_number', classification?.articleNumber ?? ''],
    ['citations_in_source', `${cited.length} numeric markers naming ${distinct.length} distinct sources, ${citedRange}`],
    ['reference_list', 'absent (the source text cites numbered sources but contains no reference list)'],
  ];
  if (ablated) entries.push(['ablated', 'every numeric citation marker [n] removed']);
  return ['---', ...entries.map(([key, value]) => `${key}: ${JSON.stringify(value)}`), '---'].join('\n');
}

function render(ablated) {
  const blocks = ablated ? body.map((block) => block.replace(CITATION, '')) : body;
  return `${frontMatter(ablated)}\n\n# ${englishTitle}\n\n${blocks.join('\n\n')}\n`;
}

// Every source paragraph must survive unchanged (apart from the dropped bookmarks and heading spacing).
const full = render(false);
for (const line of lines) {
  if (line === '' || CLASSIFICATION.test(line) || HEADING.test(line)) continue;
  const text = line.replace(LEAD_IN, '').replace(ENGLISH_ABSTRACT, '');
  if (!full.includes(text)) throw new Error(`paper-to-markdown: lost text: ${text.slice(0, 40)}…`);
}

const ablatedText = render(true);
if (/\[\d+\]/.test(ablatedText)) throw new Error('paper-to-markdown: a citation marker survived ablation');

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'paper.md'), full);
writeFileSync(join(outDir, 'paper-ablated.md'), ablatedText);
const headings = body.filter((b) => b.startsWith('#')).length;
console.log(
  `paper-to-markdown: ${headings} headings, ${body.length - headings} paragraphs, ${cited.length} citation markers ` +
    `(${citedRange}) → ${join(outDir, 'paper.md')}, ${join(outDir, 'paper-ablated.md')}`,
);
