// Checks files on worker threads: `workers` threads take files from one queue, each when it is free. Workers are
// handed a few paths ahead (IN_FLIGHT_PER_WORKER) and read the files themselves, so the main thread never holds
// their texts; what comes back is a report of plain data. The main thread only writes the output: a worker's
// heap can be bounded (WORKER_RESOURCE_LIMITS), the main thread's cannot once the process has started. Nothing is
// lost when a worker fails (a crash, or a file too large for its heap): the files it held go to the main thread,
// which checks them and, from then on, takes its share of the rest.
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { EngineOptions } from '../engine';
import { checkFile, type CheckSettings, type FileOutcome, type FileToCheck } from './check-file';

/** Enough for a worker never to wait for its next file, and a short queue to rebalance. */
const IN_FLIGHT_PER_WORKER = 3;

/**
 * V8 heap limits of each worker. The young generation holds three semi-spaces' worth: 24 MB gives 8 MB semi-spaces
 * (V8's default is 16 MB). The old generation's limit also sets how far V8 lets the heap grow past what is live
 * before collecting: up to 4 times with the default limit of several gigabytes, about 1.6 times with 1 GB. On the
 * benchmark's 1,000 drafts with two workers (scripts/bench/cli.ts), peak RSS was ~400 MB without limits and ~270 MB
 * with these, for ~10% more time; 12 and 512 MB gave ~230 MB for ~30% more (collecting the old generation more
 * often competes with the other worker for the cores). A 60 MB draft (twelve times the default --max-file-size)
 * checks within them; a file that needs more ends its worker, and the main thread checks it, unlimited.
 */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 1024 } as const;

/**
 * Below this much Markdown per thread, another thread does not pay for itself: every thread first warms up its
 * own copy of the engine (about a second of CPU, much of it compiling and its caches empty). On distinct drafts
 * a warm engine checks about 1.7 MB a second: on 2 cores, 1,000 of the benchmark's drafts (33 MB) took 19.3 s on
 * one thread and 13.2 s on two. (Drafts cut from one text check ~15x faster, since their sentences hit the
 * caches, and there the second thread only breaks even at ~60 MB.)
 */
const MIN_BYTES_PER_THREAD = 4 * 1024 * 1024;

/** For the default --jobs: how many threads the files' total size justifies (1: the main thread alone). */
export async function threadsWorthUsing(tasks: readonly PoolTask[], cores: number): Promise<number> {
  if (cores < 2 || tasks.length < 2) return 1;
  const enough = Math.min(cores, tasks.length) * MIN_BYTES_PER_THREAD;
  let total = 0;
  // Stops as soon as every core is justified, so a folder of thousands costs a few dozen stat calls.
  for (const { file } of tasks) {
    if (total >= enough) break;
    total += await stat(file.absolutePath).then(
      (stats) => stats.size,
      () => 0,
    );
  }
  return Math.max(1, Math.min(cores, tasks.length, Math.floor(total / MIN_BYTES_PER_THREAD)));
}

/** Main thread → worker. `configPath` undefined: no configuration file applies. */
export interface CheckRequest extends FileToCheck {
  readonly id: number;
  readonly configPath: string | undefined;
}

/** Worker → main thread. `declined`: the worker could not check it; the main thread does. */
export type CheckResponse = { readonly id: number; readonly outcome: FileOutcome } | { readonly id: number; readonly declined: true };

export interface PoolTask {
  readonly file: FileToCheck;
  readonly configPath: string | undefined;
  /** The same options a worker derives from `configPath`, for checking in the main thread. */
  readonly options: EngineOptions;
}

export interface PoolOptions {
  readonly workerScript: string;
  /** Worker threads; the main thread checks only what they hand back, or everything if none starts. */
  readonly workers: number;
  readonly settings: CheckSettings;
}

interface Lane {
  readonly worker: Worker;
  /** Task indices sent and not yet answered. */
  readonly inFlight: Set<number>;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Calls `onOutcome` exactly once for every task, in completion order (the caller restores file order), and
 * resolves when all are done.
 */
export function checkOnThreads(
  tasks: readonly PoolTask[],
  pool: PoolOptions,
  onOutcome: (index: number, outcome: FileOutcome) => void,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const settled = new Array<boolean>(tasks.length).fill(false);
    let remaining = tasks.length;
    /** The next task no thread has been given. */
    let next = 0;
    const lanes = new Set<Lane>();
    /** Files handed back by workers that failed or declined them. */
    const returned: number[] = [];
    let mainThreadBusy = false;

    const finish = (): void => {
      for (const lane of lanes) void lane.worker.terminate();
      lanes.clear();
      resolve();
    };

    const settle = (index: number, outcome: FileOutcome): void => {
      // A worker that fails after answering may have its files checked again; the first answer stands.
      if (settled[index]) return;
      settled[index] = true;
      try {
        onOutcome(index, outcome);
      } finally {
        // Even if writing fails, the workers must be stopped, or they would keep the process alive.
        if (--remaining === 0) finish();
      }
    };

    const takeForMainThread = (): number | undefined => returned.shift() ?? (next < tasks.length ? next++ : undefined);

    const checkInMainThread = async (): Promise<void> => {
      if (mainThreadBusy) return;
      mainThreadBusy = true;
      try {
        for (let index = takeForMainThread(); index !== undefined; index = takeForMainThread()) {
          if (settled[index]) continue;
          const task = tasks[index]!;
          settle(index, checkFile(task.file, task.options, pool.settings.uiLocale));
          // Lets the workers' answers in, so they are refilled while this thread works.
          await yieldToEventLoop();
        }
      } finally {
        mainThreadBusy = false;
      }
    };

    const handBack = (index: number): void => {
      returned.push(index);
      void checkInMainThread();
    };

    const feed = (lane: Lane): void => {
      while (lane.inFlight.size < IN_FLIGHT_PER_WORKER && next < tasks.length) {
        const index = next++;
        const { file, configPath } = tasks[index]!;
        lane.inFlight.add(index);
        const request: CheckRequest = { id: index, absolutePath: file.absolutePath, displayPath: file.displayPath, configPath };
        lane.worker.postMessage(request);
      }
    };

    const retire = (lane: Lane): void => {
      if (!lanes.delete(lane)) return;
      void lane.worker.terminate();
      returned.push(...lane.inFlight);
      lane.inFlight.clear();
      // Its files, and with one worker fewer, a share of the rest.
      void checkInMainThread();
    };

    for (let count = 0; count < pool.workers; count++) {
      let worker: Worker;
      try {
        worker = new Worker(pool.workerScript, { workerData: pool.settings, resourceLimits: WORKER_RESOURCE_LIMITS });
      } catch {
        break;
      }
      const lane: Lane = { worker, inFlight: new Set() };
      lanes.add(lane);
      worker.on('message', (response: CheckResponse) => {
        lane.inFlight.delete(response.id);
        if ('outcome' in response) settle(response.id, response.outcome);
        else handBack(response.id);
        if (lanes.has(lane)) feed(lane);
      });
      // A crash raises 'error' and then 'exit'; a worker that ends on its own raises only 'exit'.
      worker.on('error', () => retire(lane));
      worker.on('messageerror', () => retire(lane));
      worker.on('exit', () => retire(lane));
    }

    if (tasks.length === 0) {
      finish();
      return;
    }
    for (const lane of lanes) feed(lane);
    if (lanes.size === 0) void checkInMainThread();
  });
}
