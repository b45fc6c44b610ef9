// The CLI as users run it: the built bundles (dist/cli.js and its worker), started as a child process with a
// locale-free environment. For tests of what only a whole process shows: worker threads, exit codes, memory.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..', '..');
export const CLI = join(REPO, 'dist', 'cli.js');
export const WORKER = join(REPO, 'dist', 'cli-worker.js');

function newestSourceTime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSourceTime(join(path, name))));
}

/** Builds dist/ unless both CLI bundles are newer than every source they are built from. */
export function ensureCliBuilt(): void {
  const sources = Math.max(newestSourceTime(join(REPO, 'server', 'src')), newestSourceTime(join(REPO, 'scripts', 'build.mjs')));
  if (existsSync(CLI) && existsSync(WORKER) && Math.min(statSync(CLI).mtimeMs, statSync(WORKER).mtimeMs) >= sources) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(build.status, 0, `build failed:\n${build.stderr}`);
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  /** Another CLI bundle (a copy beside a stand-in worker). Default: dist/cli.js. */
  readonly cli?: string;
  readonly env?: Record<string, string>;
  /** Only turns a hang into a failure. Default: 120 s. */
  readonly timeoutMs?: number;
}

/**
 * Runs the CLI to its end with the locale variables removed from the environment, so that its language is the
 * one the test asks for. Fails the test on a hang or a stack trace on stderr.
 */
export function runCli(args: readonly string[], cwd: string, options: CliRunOptions = {}): CliRun {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(LANG|LANGUAGE|LC_.*|NO_COLOR|FORCE_COLOR)$/.test(key)) env[key] = value;
  }
  const result = spawnSync(process.execPath, [options.cli ?? CLI, ...args], {
    cwd,
    env: { ...env, ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 1 << 30,
  });
  assert.equal(result.signal, null, `the CLI did not finish: ${String(result.error)}`);
  assert.doesNotMatch(result.stderr, /^ {4}at /m, `stack trace on stderr:\n${result.stderr}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
