// Memory back after a burst of checks. A check of a 1 MB draft leaves tens of megabytes of short-lived objects
// behind; V8 collects them when it next needs room, and gives pages back to the system only after its memory
// reducer has seen the heap idle for a while, which can take many seconds or, after large young generations,
// not happen at all (measured: ten 1 MB drafts just checked, RSS stayed at ~144 MB for 30 s with 8 MB
// semi-spaces). An editor server idles most of the day, so once no check has run for IDLE_COLLECT_MS it runs
// one full collection, which also starts the reducer. A forced collection of the server's ~40 MB heap takes
// ~20 ms; it never runs during a check, and runs at most once per burst.
//
// Before collecting, the server lets go of what only speeds up checks of drafts it did not check last (the
// Validator passes the release: the engine's caches, trimmed to its latest check's generation). Collections can
// only be forced when Node runs with `--expose-gc` (launch.ts passes it); without it, only the release happens
// and V8 collects on its own schedule.

/** Quiet time after the last check before the collection. */
export const IDLE_COLLECT_MS = 2_000;

type Collect = () => void;

/** The collector Node exposes with `--expose-gc`, if any. */
function exposedCollector(): Collect | undefined {
  const gc: unknown = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? () => (gc as Collect)() : undefined;
}

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly collect: Collect | undefined = exposedCollector(),
    private readonly delayMs = IDLE_COLLECT_MS,
    /** What to let go once quiet, before the collection. */
    private readonly release: () => void = () => {},
  ) {}

  /** A check starts: no collection until it has ended and the server has been quiet again. */
  busy(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A check has ended: release, then collect, once the server has been quiet for the delay. */
  done(): void {
    this.busy();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.release();
      this.collect?.();
    }, this.delayMs);
    // A pending release never keeps the process alive.
    this.timer.unref();
  }

  dispose(): void {
    this.busy();
  }
}
