// `npm run bench`: times the engine in process on 1×, 5× and 20× the paper (parse, each rule, total),
// prints a table and writes docs/benchmarks.md. Not part of `npm test`: budgets belong here, not in
// timed unit tests. Run: node --import tsx scripts/bench.ts [--runs N]
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from '../server/src/engine/parse';
import { rules } from '../server/src/engine/rules';
import { checkDocument, ruleContext } from '../server/src/engine/check';
import { defaultOptions } from '../server/src/engine/options';

const root = join(__dirname, '..');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15;
const paper = readFileSync(join(root, 'test/fixtures/paper.md'), 'utf8');

interface Row {
  readonly label: string;
  readonly bytes: number;
  readonly parse: number[];
  readonly perRule: Map<string, number[]>;
  readonly total: number[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

function measure(label: string, text: string): Row {
  const row: Row = { label, bytes: Buffer.byteLength(text), parse: [], perRule: new Map(), total: [] };
  // Warm up the JIT and the caches of the regular expressions first.
  for (let i = 0; i < 3; i++) checkDocument(parseDocument(text), defaultOptions);
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const model = parseDocument(text);
    const parsed = performance.now();
    row.parse.push(parsed - start);
    for (const rule of rules) {
      const before = performance.now();
      rule.check(model, ruleContext(rule, defaultOptions));
      const times = row.perRule.get(rule.id) ?? [];
      times.push(performance.now() - before);
      row.perRule.set(rule.id, times);
    }
    const again = performance.now();
    checkDocument(parseDocument(text), defaultOptions);
    row.total.push(performance.now() - again);
  }
  return row;
}

const rows = [
  measure('paper ×1', paper),
  measure('paper ×5', Array(5).fill(paper).join('\n\n')),
  measure('paper ×20', Array(20).fill(paper).join('\n\n')),
];

const ms = (value: number): string => value.toFixed(2);
const header = ['text', 'size', 'parse p50', ...rules.map((r) => r.id), 'total p50', 'total p95'];
const body = rows.map((row) => [
  row.label,
  `${(row.bytes / 1024).toFixed(0)} KB`,
  ms(median(row.parse)),
  ...rules.map((r) => ms(median(row.perRule.get(r.id)!))),
  ms(median(row.total)),
  ms(p95(row.total)),
]);
const scaling = median(rows[2]!.total) / median(rows[0]!.total);

const table = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const command = `node --import tsx scripts/bench.ts --runs ${runs}  (npm run bench)`;

process.stdout.write(`${table}\n\n20× the text costs ${scaling.toFixed(1)}× the time of 1×.\nMachine: ${machine}\n`);
writeFileSync(
  join(root, 'docs/benchmarks.md'),
  `# Benchmarks\n\nMilliseconds, medians of ${runs} runs after warm-up, the engine in process (parse, then each rule on the parsed model; "total" parses and runs every rule). Texts are the paper as Markdown (test/fixtures/paper.md) repeated. Analyses shared by several rules are computed once per document by the first rule that needs them and cached: the challenge/countermeasure structure (word segmentation with Intl.Segmenter) is paid by unsourced-statistic, which asks for countermeasure sections first, so unanswered-challenge and orphan-countermeasure show almost nothing.\n\n${table}\n\n20× the text costs ${scaling.toFixed(1)}× the time of 1×.\n\n- Machine: ${machine}\n- Command: \`${command}\`\n- Measured: ${new Date().toISOString().slice(0, 10)}\n`,
);
