// `npm run bench`: everything issue 7's benchmark asks for, in one run, printed and written to docs/benchmarks.md:
// the engine in process on 1×, 5× and 20× the paper (scripts/bench/engine.ts); the language server over stdio,
// open- and edit-to-diagnostics and its memory with ten 1 MB drafts (lsp.ts); markdownlint, textlint and
// AutoCorrect on the same texts (peers.ts); the CLI on 1,000 generated drafts (cli.ts); the .vsix size and the
// activation time the end-to-end suite recorded (facts.ts). Not part of `npm test`: budgets belong here, not in
// timed unit tests. Extension activation is measured in VS Code by `npm run test:e2e`, not here.
//
//   node --import tsx scripts/bench.ts [--runs N] [--quick]
//   --runs N   timed runs of the engine per text (default 15)
//   --quick    a few samples of everything, for smoke-testing the benchmark; prints, never writes the doc
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDrafts, medianRun, removeDrafts, runCli, type CliRun } from './bench/cli';
import { cacheReset, measureEngine } from './bench/engine';
import { activation, codeVersion, ensureBuilt, load, machine, vsixBytes } from './bench/facts';
import { measureEdits, measureMemory, openOnce, TYPING_DEBOUNCE_MS, WARM_UPS, type OpenSample } from './bench/lsp';
import { measurePeer, peers, type PeerTiming } from './bench/peers';
import { renderReport, type OpenRow, type PeerRow } from './bench/report';
import { distinctCopies, paper, ROOT } from './bench/texts';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const quick = process.argv.includes('--quick');
const runs = Number(flag('--runs') ?? (quick ? 3 : 15));
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number of at least 1');
const samples = quick
  ? { open: 2, savedEdits: 4, typedEdits: 2, peer: { min: 1, max: 2, budgetMs: 0 }, drafts: 100, cliRuns: 1 }
  : { open: 12, savedEdits: 30, typedEdits: 10, peer: { min: 3, max: 15, budgetMs: 8000 }, drafts: 1000, cliRuns: 3 };
const MEMORY_DRAFTS = 10;
const COPIES = [1, 5, 20] as const;
/** The server and the peers are measured on these (issue 7: the paper and 20 copies of it). */
const COMPARED = [1, 20] as const;

const progress = (text: string): void => void process.stderr.write(`bench: ${text}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = load();
  const build = ensureBuilt();
  const copies = new Map<number, string[]>(COPIES.map((n) => [n, distinctCopies(paper, n)]));
  const text = (n: number): string => copies.get(n)!.join('\n\n');

  progress(`engine, ${runs} runs per text (caches emptied with ${cacheReset.how})`);
  const engine = COPIES.map((n) => measureEngine(n, text(n), runs));

  const open: OpenRow[] = [];
  for (const n of COMPARED) {
    progress(`server open-to-diagnostics, paper ×${n}, ${samples.open} + ${samples.open} fresh servers`);
    const warm: OpenSample[] = [];
    const colder: OpenSample[] = [];
    // Interleaved, so that load from other work on the machine falls on both alike.
    for (let i = 0; i < samples.open; i++) {
      warm.push(await openOnce(text(n), WARM_UPS.all));
      colder.push(await openOnce(text(n), WARM_UPS.one));
    }
    const warmUps = { all: WARM_UPS.all.length, colder: WARM_UPS.one.length };
    open.push({ copies: n, bytes: Buffer.byteLength(text(n)), samples: warm, colder, warmUps });
  }
  progress(`server edit-to-diagnostics, ${samples.savedEdits} + ${samples.typedEdits} edits per text`);
  const edits = await measureEdits(
    COMPARED.map((n) => ({ copies: n, text: text(n) })),
    { saved: samples.savedEdits, typed: samples.typedEdits },
  );
  progress(`server memory with ${MEMORY_DRAFTS} drafts of 20 copies`);
  const memory = await measureMemory(MEMORY_DRAFTS, 20);

  const peerRows: PeerRow[] = [];
  for (const peer of peers) {
    const timings = new Map<number, PeerTiming>();
    for (const n of COMPARED) {
      progress(`${peer.id}, paper ×${n}`);
      timings.set(n, await measurePeer(peer, text(n), copies.get(n)!, samples.peer));
    }
    peerRows.push({ peer, timings });
  }

  progress(`CLI, generating ${samples.drafts} drafts`);
  const drafts = generateDrafts(samples.drafts);
  const cli = await (async () => {
    try {
      const first: CliRun[] = [];
      const all: CliRun[] = [];
      for (let run = 1; run <= samples.cliRuns; run++) {
        progress(`CLI run ${run} of ${samples.cliRuns} on the first ${drafts.firstFolderFiles} drafts, then on all ${drafts.files}`);
        first.push(await runCli(drafts.firstFolder, drafts.firstFolderFiles, availableParallelism()));
        all.push(await runCli(drafts.root, drafts.files, availableParallelism()));
      }
      return { first: medianRun(first), all: medianRun(all) };
    } finally {
      removeDrafts(drafts);
    }
  })();

  const args = process.argv.slice(2);
  const report = renderReport({
    machine: machine(),
    command: `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}  (node --import tsx scripts/bench.ts${args.length > 0 ? ` ${args.join(' ')}` : ''})`,
    code: codeVersion(),
    build,
    date: new Date(),
    load: { before: loadBefore, after: load() },
    durationMs: performance.now() - started,
    runs,
    cacheReset: cacheReset.how,
    engine,
    open,
    edits,
    debounceMs: TYPING_DEBOUNCE_MS,
    memory,
    peers: peerRows,
    drafts,
    cli,
    vsixBytes: vsixBytes(),
    activation: activation(),
  });
  process.stdout.write(report);
  if (quick) progress('--quick: docs/benchmarks.md not written');
  else writeFileSync(join(ROOT, 'docs/benchmarks.md'), report);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
