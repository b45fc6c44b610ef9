// What the figures depend on and what the benchmark reads rather than measures: the machine, the code (commit
// and build), the packaged .vsix, and the extension's activation time measured by the end-to-end suite.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './texts';

export const VSIX_PATH = 'policylint.vsix';
export const ACTIVATION_PATH = 'test-results/e2e/activation.json';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly os: string;
  readonly node: string;
}

export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: availableParallelism(),
    memory: `${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    os: `${type()} ${release()}`,
    node: process.version,
  };
}

/** The 1-minute load average: on a shared machine, the context every figure needs. */
export const load = (): number => loadavg()[0]!;

function git(args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The commit, and whether the working tree differs from it (read-only git commands). */
export function codeVersion(): string {
  const commit = git(['rev-parse', '--short', 'HEAD']);
  if (commit === undefined) return 'not a git checkout';
  const changed = (git(['status', '--porcelain', '--untracked-files=no']) ?? '').split('\n').filter((line) => line !== '').length;
  return changed === 0 ? `commit ${commit}` : `commit ${commit} with ${changed} uncommitted changed file(s)`;
}


const BUILT = ['dist/server.js', 'dist/cli.js'];

/**
 * Builds dist/ as it ships in the .vsix (minified, no inline source maps): the test build's inline maps alone
 * add ~20 MB to the server's memory and parse time to its start.
 */
export function ensureBuilt(): { readonly builtAt: Date } {
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the production build failed:\n${result.stdout}\n${result.stderr}`);
  const builtAt = Math.min(...BUILT.map((path) => statSync(join(ROOT, path)).mtimeMs));
  return { builtAt: new Date(builtAt) };
}

export function vsixBytes(): number | undefined {
  const path = join(ROOT, VSIX_PATH);
  return existsSync(path) ? statSync(path).size : undefined;
}

export interface Activation {
  readonly ms: number;
  readonly measuredAt: Date;
}

/** The activation time the end-to-end suite wrote (`{"ms": number}`), if it did. */
export function activation(): Activation | undefined {
  const path = join(ROOT, ACTIVATION_PATH);
  try {
    const value = (JSON.parse(readFileSync(path, 'utf8')) as { readonly ms?: unknown }).ms;
    return typeof value === 'number' && Number.isFinite(value) ? { ms: value, measuredAt: statSync(path).mtime } : undefined;
  } catch {
    return undefined;
  }
}
