// The Node options and environment the VS Code client (client/src/extension.ts) starts the language server with.
// The benchmark (scripts/bench/lsp.ts) starts the server with these same lists, so that it measures what users run.
// Heap sizes can only be set when a process starts, so the server cannot set them for itself; other editors that
// start `policylint-language-server` may pass the same options to Node.

/**
 * V8's defaults suit a batch job that ends soon, not an editor server that stays up all day beside other processes.
 * With them, opening ten 1 MB drafts left the server at ~200 MB RSS around ~57 MB of live objects: V8 lets the old
 * generation grow to as much as four times what is live before collecting, and new objects take 16 MB semi-spaces.
 *
 * - `--max-semi-space-size=8`: new objects get 8 MB semi-spaces. A check of a 1 MB draft allocates tens of
 *   megabytes of short-lived objects; with 4 MB semi-spaces the scavenges that follow cost its first check
 *   ~18 ms more (open-to-diagnostics on paper ×20, p50 of 7 servers: 146 ms with 8 MB, 164 ms with 4 MB), and
 *   16 MB gains nothing more.
 * - `--max-old-space-size=512`: besides capping the old generation, a smaller limit makes V8 grow it by at most
 *   ~1.4 times what is live. The server still checks a 60 MB draft (`maxFileSize` raised to twelve times its
 *   default) with it.
 * - `--expose-gc`: lets the server collect once it has been idle for a while after checks (idle.ts). Without it,
 *   V8 gave memory back only after many idle seconds, or, with 8 MB semi-spaces, not within 30 s.
 * - `--no-regexp-tier-up`: a regular expression is compiled to machine code the first time it runs, instead of
 *   running first in V8's regexp interpreter. The engine's expressions run thousands of times a check, so the
 *   interpreter only delays them, and expensively: a long alternation such as DOWN_WORDS
 *   (consistency/lexicon.ts) took 2.7 ms in the interpreter on a 100-character sentence, then 0.6 ms to compile,
 *   against 0.8 ms to compile straight away. A warm server meets expressions it has not run yet whenever a
 *   draft says something its earlier drafts did not (the paper's first check ran about ten for the first time):
 *   open-to-diagnostics on the paper, p50 of 12 warm servers, went from 11.4-11.8 ms to 9.6-10.5 ms.
 *
 * Measured with the benchmark (scripts/bench/lsp.ts and docs/benchmarks.md): RSS with ten 1 MB drafts open.
 */
export const SERVER_EXEC_ARGV: readonly string[] = [
  '--max-semi-space-size=8', '--max-old-space-size=512', '--expose-gc', '--no-regexp-tier-up',
];

/**
 * Environment variables the VS Code client adds to the server's environment.
 *
 * - `MALLOC_TRIM_THRESHOLD_=131072`: glibc's malloc (Linux; other systems ignore the variable) maps blocks over
 *   128 KiB on their own and gives the top of its heap back once 128 KiB there is free. By default, each time it
 *   frees a mapped block, it raises the first threshold to that block's size (up to 32 MB) and the second to twice
 *   that, so what Node and V8 malloc'd outside the JavaScript heap during checks stayed with the process: with
 *   ten 1 MB drafts open and the server idle, ~20 MB of malloc heaps (/proc/<pid>/smaps). Setting the variable
 *   fixes both thresholds at their defaults. Steady RSS with those drafts: 87.6-93.4 MB without it, 81.7-83.7 MB
 *   with it (six servers each); opening the paper was no slower (p50 of nine warm servers, two runs each way:
 *   10.4 and 11.3 ms without, 11.3 and 9.3 ms with it).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_TRIM_THRESHOLD_: '131072' };
