// Small statistics and timing helpers shared by every part of the benchmark.
import { performance } from 'node:perf_hooks';

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** The median (for an even count, the mean of the two middle values). NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const middle = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[middle]! : (s[middle - 1]! + s[middle]!) / 2;
}

/** The 95th percentile by the nearest-rank method (with few samples, this is the largest or next to largest). */
export function p95(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

/** Milliseconds a synchronous call takes. */
export function timeSync(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** A synchronous call's result and the milliseconds it took. */
export function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

/** Milliseconds an asynchronous call takes. */
export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * Runs `measure` at least `min` and at most `max` times, stopping early once `budgetMs` of wall time is spent;
 * slow peers on the 20× text then get fewer samples instead of stretching the whole run.
 */
export async function sample(
  measure: () => number | Promise<number>,
  { min, max, budgetMs }: { readonly min: number; readonly max: number; readonly budgetMs: number },
): Promise<number[]> {
  const times: number[] = [];
  const start = performance.now();
  while (times.length < max && (times.length < min || performance.now() - start < budgetMs)) {
    times.push(await measure());
  }
  return times;
}

/** A deterministic pseudo-random generator (mulberry32), so every run edits and generates the same things. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2) : '—');

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
