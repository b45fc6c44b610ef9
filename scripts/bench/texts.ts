// The texts the benchmark checks: the paper as Markdown, N distinct copies of it, and a folder of generated drafts.
//
// Why copies must differ: the engine caches parses (and, soon, analyses) per block, keyed on the block's text.
// Twenty identical copies would be parsed once and looked up nineteen times, which measures the cache, not the
// work a real 1 MB draft costs. So every copy after the first is rewritten by `distinctCopy`, which gives every
// block a text no other copy has while keeping the Markdown and its findings what they were:
// - every heading gets a copy marker at its end ("## 3.1 合作层面…（副本C）", "## Abstract (copy C)"), except a
//   reference-list or notes heading ("参考文献", "References"…): the engine finds the list by that exact title, and
//   real drafts share these headings anyway;
// - every other non-blank line gets the same marker inside its first sentence, just before the sentence's end
//   (and before any citation markers that close it), so the line keeps its start (where the parser may cut the
//   text into pieces), its citations keep their sentence, and no number is added: markers are letters
//   (A, B, … Z, AA, AB …), never digits, so no rule sees a new statistic.
// The first copy is the paper as it is; later copies drop the front matter (a document has one).
// `npm run bench` prints the findings of each text next to its timings: ×N has about N× the findings of ×1.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const PAPER_PATH = 'test/fixtures/paper.md';
/** A corpus draft the language server checks first, to warm its JIT on text that shares nothing with the paper. */
export const WARM_UP_NAME = 'zh-semiconductor.md';

export function readRepoFile(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export const paper = readRepoFile(PAPER_PATH);

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
const RESERVED_TITLE = /^(?:[0-9一二三四五六七八九十]+[、.．\s]\s*)?(参考文献|参考资料|引用文献|references?|bibliography|works cited|注释|notes|sources)[：:]?\s*$/i;
const HAN = /\p{Script=Han}/u;
/** Citation markers that may close a sentence: [1] [1, 3] [1-3] ［1］ 〔1〕 [^note]. */
const TRAILING_CITATIONS = /(?:\[\^[^\]\s]+\]|[[［〔][0-9０-９,，、\s\-–—]+[\]］〕])+$/u;

export function withoutFrontMatter(text: string): string {
  return text.replace(FRONT_MATTER, '').replace(/^\s+/, '');
}

/** A, B, …, Z, AA, AB, …: the copy label for index 0, 1, …. */
export function letters(index: number): string {
  let label = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
  return label;
}

function markerFor(line: string, label: string): string {
  return HAN.test(line) ? `（副本${label}）` : ` (copy ${label})`;
}

/** Where the first sentence of a line ends: its terminator, or the line's end. */
function firstSentenceEnd(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '。' || char === '！' || char === '？') return i;
    if ((char === '.' || char === '!' || char === '?') && (i + 1 === line.length || line[i + 1] === ' ')) {
      // "1." or "3.5" is a number, not the end of a sentence.
      if (!/[0-9]/.test(line[i - 1] ?? '')) return i;
    }
  }
  return line.length;
}

function markLine(line: string, label: string): string {
  if (line.trim() === '' || line.startsWith('<!--')) return line;
  const marker = markerFor(line, label);
  const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
  if (heading) return RESERVED_TITLE.test(heading[1]!) ? line : `${line.trimEnd()}${marker}`;
  const end = firstSentenceEnd(line);
  const before = line.slice(0, end);
  const citations = TRAILING_CITATIONS.exec(before);
  const at = citations ? end - citations[0].length : end;
  return `${line.slice(0, at)}${marker}${line.slice(at)}`;
}

/** The text with every block made distinct by `label` (see the file comment). */
export function distinctCopy(text: string, label: string): string {
  const match = FRONT_MATTER.exec(text);
  const frontMatter = match ? match[0] : '';
  return frontMatter + text.slice(frontMatter.length).split('\n').map((line) => markLine(line, label)).join('\n');
}

/**
 * `copies` copies of `text`, each distinct: copy k is labelled with `letters(firstLabel + k)`, except that
 * with `firstLabel` 0 the first copy is the text unchanged.
 */
export function distinctCopies(text: string, copies: number, firstLabel = 0): string[] {
  return Array.from({ length: copies }, (_, k) => {
    const index = firstLabel + k;
    return index === 0 ? text : distinctCopy(k === 0 ? text : withoutFrontMatter(text), letters(index));
  });
}

/** The copies of `distinctCopies` as one text. */
export function repeatDistinct(text: string, copies: number, firstLabel = 0): string {
  return distinctCopies(text, copies, firstLabel).join('\n\n');
}

/** The corpus drafts without their evaluation labels (`<!-- need: … -->` comments are for scoring, not prose). */
export function corpusDrafts(): { readonly name: string; readonly text: string }[] {
  return readdirSync(join(ROOT, 'test/corpus'))
    .filter((name) => name.endsWith('.md') && name !== 'README.md' && name !== 'paper-annotated.md')
    .sort()
    .map((name) => ({
      name,
      text: readRepoFile(`test/corpus/${name}`).replace(/<!--\s*need:[^>]*-->[ \t]?/g, ''),
    }));
}

/** The paper's body cut at its level-2 headings: pieces to fill a generated draft with. */
export function paperSections(): string[] {
  const body = withoutFrontMatter(paper);
  return body.split(/\n(?=## )/).map((section) => section.trim()).filter((section) => section.length > 0);
}
