// `npm run evaluate`: precision and recall of unsourced-statistic and uncited-claim on the labelled corpus
// in test/corpus/ (see its README for the labels), per language, plus the citation-ablation test on the
// paper. Prints a table and, with --write, updates docs/evaluation.md.
//
// Sentence-level scoring. A sentence is labelled by a `<!-- need: statistic|claim -->` comment right after
// it. Statistics: positive = labelled statistic; predicted = an unsourced-statistic finding in the sentence.
// Claims: positive = labelled claim; predicted = an uncited-claim finding, or an unsourced-statistic
// finding (the engine reports a sentence once, and that finding asks for the citation the claim needs).
// Precision of claims counts the sentences uncited-claim flags that need no source at all.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultOptions, lintText, parseDocument } from '../server/src/engine';
import type { DocumentModel, Finding } from '../server/src/engine';

const root = join(__dirname, '..');
const corpus = join(root, 'test/corpus');
const LABEL = /<!--\s*need:\s*([a-z ]+?)\s*-->/g;
const CJK = /\p{Script=Han}/u;

interface Labelled {
  readonly text: string;
  /** Offsets (in the text without label comments) where a labelled sentence ends, with its labels. */
  readonly labels: Map<number, Set<string>>;
}

function stripLabels(source: string): Labelled {
  const labels = new Map<number, Set<string>>();
  let text = '';
  let last = 0;
  for (const match of source.matchAll(LABEL)) {
    text += source.slice(last, match.index);
    labels.set(text.replace(/\s+$/, '').length, new Set(match[1]!.split(/\s+/)));
    last = match.index + match[0].length;
  }
  text += source.slice(last);
  return { text, labels };
}

interface SentenceResult {
  readonly language: 'zh' | 'en';
  readonly labels: Set<string>;
  readonly statistic: boolean;
  readonly claim: boolean;
  readonly text: string;
}

function evidenceSentences(model: DocumentModel, findings: readonly Finding[], labels: Map<number, Set<string>>): SentenceResult[] {
  const results: SentenceResult[] = [];
  for (const sentence of model.sentences) {
    const block = model.blocks[sentence.block]!;
    if (block.kind === 'heading' || block.inReferences) continue;
    const inside = findings.filter((f) => f.span.start >= sentence.span.start && f.span.start < sentence.span.end);
    let own = labels.get(sentence.span.end);
    // A label may follow closing quotes or markers that the sentence keeps; look a few characters ahead.
    for (let d = 1; !own && d <= 3; d++) own = labels.get(sentence.span.end + d);
    results.push({
      language: CJK.test(sentence.text) ? 'zh' : 'en',
      labels: own ?? new Set(),
      statistic: inside.some((f) => f.rule === 'unsourced-statistic'),
      claim: inside.some((f) => f.rule === 'uncited-claim'),
      text: sentence.text,
    });
  }
  return results;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  positives: number;
}

function score(results: readonly SentenceResult[], task: 'statistic' | 'claim'): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, positives: 0 };
  for (const r of results) {
    const positive = r.labels.has(task);
    const needsSource = r.labels.size > 0;
    const predicted = task === 'statistic' ? r.statistic : r.claim || r.statistic;
    if (positive) s.positives++;
    if (positive && predicted) s.tp++;
    if (positive && !predicted) s.fn++;
    // A false alarm is a flag, by this task's own rule, on a sentence that needs no source.
    const flaggedByTask = task === 'statistic' ? r.statistic : r.claim;
    if (task === 'statistic' ? flaggedByTask && !positive : flaggedByTask && !needsSource) s.fp++;
  }
  return s;
}

const ratio = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(3));

function row(name: string, s: Score): string {
  return `| ${name} | ${s.positives} | ${s.tp} | ${s.fp} | ${s.fn} | ${ratio(s.tp, s.tp + s.fp)} | ${ratio(s.tp, s.tp + s.fn)} |`;
}

const files = readdirSync(corpus).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
const all: SentenceResult[] = [];
const misses: string[] = [];
for (const file of files) {
  const { text, labels } = stripLabels(readFileSync(join(corpus, file), 'utf8'));
  const model = parseDocument(text);
  const { findings } = lintText(text, defaultOptions);
  const results = evidenceSentences(model, findings, labels);
  for (const r of results) {
    const missed = (r.labels.has('statistic') && !r.statistic) || (r.labels.has('claim') && !r.claim && !r.statistic);
    const false_ = (r.statistic && !r.labels.has('statistic')) || (r.claim && r.labels.size === 0);
    if (missed || false_) misses.push(`${missed ? 'MISS' : 'FALSE'} ${file} [${[...r.labels].join(' ')}] ${r.text.slice(0, 90)}`);
  }
  all.push(...results);
}

// Ablation: remove every citation marker from the paper; the sentences that carried one (and the ones a
// reviewer labelled as needing a source) are the positives.
function ablation(): Score & { flagged: number } {
  const { text, labels } = stripLabels(readFileSync(join(corpus, 'paper-annotated.md'), 'utf8'));
  const model = parseDocument(text);
  // Delete every marker, as if the author had never written it, keeping a map from old offsets to new.
  const removed = [...model.citations].sort((a, b) => a.span.start - b.span.start);
  let ablated = '';
  let last = 0;
  for (const marker of removed) {
    ablated += text.slice(last, marker.span.start);
    last = marker.span.end;
  }
  ablated += text.slice(last);
  const shiftBefore = (offset: number): number => {
    let shift = 0;
    for (const marker of removed) if (marker.span.end <= offset) shift += marker.span.end - marker.span.start;
    return offset - shift;
  };
  const positiveEnds = new Set<number>();
  for (const sentence of model.sentences) {
    const cited = removed.some((c) => c.span.start >= sentence.span.start && c.span.start < sentence.span.end);
    if (cited || labels.has(sentence.span.end)) positiveEnds.add(shiftBefore(sentence.span.end));
  }
  const after = parseDocument(ablated);
  const { findings } = lintText(ablated, defaultOptions);
  const s = { tp: 0, fp: 0, fn: 0, positives: 0, flagged: 0 };
  for (const sentence of after.sentences) {
    const block = after.blocks[sentence.block]!;
    if (block.kind === 'heading' || block.inReferences) continue;
    let positive = false;
    for (let d = 0; d <= 3 && !positive; d++) positive = positiveEnds.has(sentence.span.end + d);
    const flagged = findings.some((f) => (f.rule === 'unsourced-statistic' || f.rule === 'uncited-claim') && f.span.start >= sentence.span.start && f.span.start < sentence.span.end);
    if (positive) s.positives++;
    if (flagged) s.flagged++;
    if (positive && flagged) s.tp++;
    if (positive && !flagged) {
      s.fn++;
      misses.push(`ABLATION-MISS ${sentence.text.slice(0, 90)}`);
    }
    if (!positive && flagged) {
      s.fp++;
      misses.push(`ABLATION-FALSE ${sentence.text.slice(0, 90)}`);
    }
  }
  return s;
}

const zh = all.filter((r) => r.language === 'zh');
const en = all.filter((r) => r.language === 'en');
const abl = ablation();
const header = '| task | positives | true pos. | false pos. | missed | precision | recall |\n|---|---|---|---|---|---|---|';
const table = [
  header,
  row('statistics, Chinese', score(zh, 'statistic')),
  row('statistics, English', score(en, 'statistic')),
  row('claims, Chinese', score(zh, 'claim')),
  row('claims, English', score(en, 'claim')),
  row('paper, citations removed (either rule)', abl),
].join('\n');

process.stdout.write(`${table}\n\nSentences scored: ${all.length} (${zh.length} Chinese, ${en.length} English) in ${files.length} files.\n`);
if (process.argv.includes('--verbose')) process.stdout.write(`\n${misses.join('\n')}\n`);
if (process.argv.includes('--write')) {
  writeFileSync(
    join(root, 'docs/evaluation.md'),
    `# Evaluation: unsourced-statistic and uncited-claim\n\nMeasured with \`npm run evaluate\` (\`node --import tsx scripts/evaluate.ts\`) on ${new Date().toISOString().slice(0, 10)}.\n\nThe corpus is test/corpus/: ${files.length} Markdown drafts in Chinese and English, written and labelled for this purpose by an annotator who did not see the detector's code, plus the paper annotated with the sentences its author left unsourced. Labels and scoring are described in test/corpus/README.md and at the top of scripts/evaluate.ts. Scores are per sentence.\n\n${table}\n\n- Sentences scored: ${all.length} (${zh.length} Chinese, ${en.length} English).\n- The last row is the ablation test: every citation marker is removed from the paper, and the sentences that carried one — plus those the annotator labelled — are the positives a reviewer asked the author to source.\n- \`npm run evaluate -- --verbose\` lists every miss and false alarm.\n`,
  );
}
