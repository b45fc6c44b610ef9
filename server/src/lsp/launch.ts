// The Node options the VS Code client (client/src/extension.ts) starts the language server with. The benchmark
// (scripts/bench/lsp.ts) starts the server with this same list, so that it measures what users run.
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
 *
 * Measured with the benchmark (scripts/bench/lsp.ts and docs/benchmarks.md): RSS with ten 1 MB drafts open.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=8', '--max-old-space-size=512', '--expose-gc'];
