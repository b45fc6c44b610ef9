// The CLI on a generated folder of drafts: `node dist/cli.js check <folder> --format json --jobs <cores>`, output to
// a file. --jobs is what the CLI chooses by itself for the whole folder; given for the first subfolder too (for which
// the CLI alone would use one thread), the two runs differ only in their number of files.
// Wall time on the benchmark's clock; CPU time (user + system, every thread) and peak RSS from the CLI process
// itself (rusage-preload.cjs). CPU/wall near the number of cores means they are all busy.
//
// Each draft starts from one corpus draft (evaluation labels removed) and is filled up to its size, drawn between
// 5 and 60 KB, with sections in the same language: the paper's and the other corpus drafts', inserted before the
// reference list. Every piece is made distinct per draft (texts.ts, `distinctCopy`), so no draft repeats another's
// text. The drafts sit in four subfolders (250 each of 1,000); the first subfolder alone is checked too, to show
// whether memory grows with the number of files.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, seededRandom, timeAsync } from './stats';
import { corpusDrafts, distinctCopy, letters, paperSections, ROOT } from './texts';

const CLI = join(ROOT, 'dist', 'cli.js');
const PRELOAD = join(__dirname, 'rusage-preload.cjs');
const MIN_BYTES = 5 * 1024;
const MAX_BYTES = 60 * 1024;
const FOLDERS = 4;
const REFERENCE_HEADING = /^## *(参考文献|references)\s*$/im;

interface Source {
  readonly chinese: boolean;
  readonly head: string;
  readonly sections: readonly string[];
  readonly references: string;
}

function sourcesOf(): { readonly bases: readonly Source[]; readonly fill: { readonly zh: string[]; readonly en: string[] } } {
  const bases = corpusDrafts().map(({ name, text }): Source => {
    const split = REFERENCE_HEADING.exec(text);
    const body = split ? text.slice(0, split.index) : text;
    const [head = '', ...sections] = body.trim().split(/\n(?=## )/);
    return { chinese: name.startsWith('zh-'), head, sections, references: split ? text.slice(split.index).trim() : '' };
  });
  const zh = [...paperSections().filter((section) => !section.startsWith('## Abstract') && !section.startsWith('# ')), ...bases.filter((b) => b.chinese).flatMap((b) => b.sections)];
  const en = bases.filter((b) => !b.chinese).flatMap((b) => b.sections);
  return { bases, fill: { zh, en } };
}

/** Draft `index`: a corpus draft plus distinct sections, as close to `target` bytes as whole paragraphs allow. */
function draft(index: number, target: number, sources: ReturnType<typeof sourcesOf>, random: () => number): string {
  const base = sources.bases[index % sources.bases.length]!;
  const pool = base.chinese ? sources.fill.zh : sources.fill.en;
  const label = (part: number): string => letters(index * 64 + part);
  const parts = [distinctCopy([base.head, ...base.sections].join('\n\n'), label(0))];
  const references = base.references === '' ? '' : distinctCopy(base.references, label(63));
  let bytes = Buffer.byteLength(parts[0]! + references);
  let next = Math.floor(random() * pool.length);
  let full = false;
  for (let part = 1; part < 63 && !full; part++, next++) {
    const kept: string[] = [];
    for (const block of distinctCopy(pool[next % pool.length]!, label(part)).split(/\n\n+/)) {
      const size = Buffer.byteLength(block) + 2;
      full = bytes + size > target;
      if (full) break;
      kept.push(block);
      bytes += size;
    }
    // A heading whose first paragraph did not fit goes too.
    if (kept.length > 0 && kept[kept.length - 1]!.startsWith('#')) bytes -= Buffer.byteLength(kept.pop()!) + 2;
    if (kept.length > 0) parts.push(kept.join('\n\n'));
  }
  return `${[...parts, references].filter((part) => part !== '').join('\n\n')}\n`;
}

export interface DraftFolder {
  readonly root: string;
  readonly firstFolder: string;
  readonly files: number;
  readonly firstFolderFiles: number;
  readonly bytes: number;
  readonly minBytes: number;
  readonly maxBytes: number;
}

export function generateDrafts(count: number): DraftFolder {
  const root = mkdtempSync(join(tmpdir(), 'policylint-bench-drafts-'));
  const sources = sourcesOf();
  const random = seededRandom(2024);
  let bytes = 0;
  let minBytes = Infinity;
  let maxBytes = 0;
  const perFolder = Math.ceil(count / FOLDERS);
  for (let i = 0; i < count; i++) {
    const folder = join(root, `part-${Math.floor(i / perFolder) + 1}`);
    if (i % perFolder === 0) mkdirSync(folder);
    const target = MIN_BYTES + Math.floor(random() * (MAX_BYTES - MIN_BYTES));
    const text = draft(i, target, sources, random);
    const size = Buffer.byteLength(text);
    bytes += size;
    minBytes = Math.min(minBytes, size);
    maxBytes = Math.max(maxBytes, size);
    writeFileSync(join(folder, `draft-${String(i + 1).padStart(4, '0')}.md`), text);
  }
  return { root, firstFolder: join(root, 'part-1'), files: count, firstFolderFiles: Math.min(count, perFolder), bytes, minBytes, maxBytes };
}

export function removeDrafts(folder: DraftFolder): void {
  rmSync(folder.root, { recursive: true, force: true });
}

export interface CliRun {
  readonly files: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssBytes: number;
  readonly exitCode: number | null;
  readonly findings: number;
}

/** One `policylint check <folder> --format json --jobs <jobs>` run, its JSON written to a temporary file and read back. */
export async function runCli(folder: string, expectedFiles: number, jobs: number): Promise<CliRun> {
  const work = mkdtempSync(join(tmpdir(), 'policylint-bench-cli-'));
  const usageFile = join(work, 'rusage.json');
  const outputFile = join(work, 'output.json');
  try {
    let exitCode: number | null = null;
    let stderr = '';
    const output = openSync(outputFile, 'w');
    const wallMs = await timeAsync(
      () =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, ['--require', PRELOAD, CLI, 'check', folder, '--format', 'json', '--jobs', String(jobs)], {
            cwd: folder,
            env: { ...process.env, POLICYLINT_BENCH_RUSAGE: usageFile },
            stdio: ['ignore', output, 'pipe'],
          });
          child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('error', reject);
          child.on('close', (code) => {
            exitCode = code;
            resolve();
          });
        }),
    ).finally(() => closeSync(output));
    const report = JSON.parse(readFileSync(outputFile, 'utf8')) as { files: { diagnostics: unknown[] }[] };
    if (report.files.length !== expectedFiles) {
      throw new Error(`The CLI reported ${report.files.length} files, expected ${expectedFiles} (exit ${exitCode}): ${stderr}`);
    }
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { userMs: number; systemMs: number; maxRssKb: number };
    return {
      files: report.files.length,
      wallMs,
      cpuMs: usage.userMs + usage.systemMs,
      peakRssBytes: usage.maxRssKb * 1024,
      exitCode,
      findings: report.files.reduce((sum, file) => sum + file.diagnostics.length, 0),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Medians, metric by metric, of repeated runs on the same folder (other work on a shared machine skews single runs). */
export function medianRun(runs: readonly CliRun[]): CliRun & { readonly runs: number } {
  const of = (pick: (run: CliRun) => number): number => median(runs.map(pick));
  return {
    runs: runs.length,
    files: runs[0]!.files,
    wallMs: of((run) => run.wallMs),
    cpuMs: of((run) => run.cpuMs),
    peakRssBytes: of((run) => run.peakRssBytes),
    exitCode: runs[0]!.exitCode,
    findings: runs[0]!.findings,
  };
}
