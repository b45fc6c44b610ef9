// The Node options the VS Code client (client/src/extension.ts) starts the language server with. The benchmark
// (scripts/bench/lsp.ts) starts the server with this same list, so that it measures what users run.
// Heap sizes can only be set when a process starts, so the server cannot set them for itself; other editors that
// start `policylint-language-server` may pass the same options to Node.

/**
 * V8's defaults suit a batch job that ends soon, not an editor server that stays up all day beside other processes.
 * With them, opening ten 1 MB drafts left the server at ~200 MB RSS around ~57 MB of live objects: V8 lets the old
 * generation grow to as much as four times what is live before collecting, and new objects take 16 MB semi-spaces.
 *
 * - `--max-semi-space-size=4`: new objects get 4 MB semi-spaces. A one-character edit in a 1 MB draft allocates
 *   about 45 MB of short-lived objects, which cost a few more scavenges: ~1 ms more a check.
 * - `--max-old-space-size=512`: besides capping the old generation, a smaller limit makes V8 grow it by at most
 *   ~1.4 times what is live. The server still checks a 60 MB draft (`maxFileSize` raised to twelve times its
 *   default) with it.
 *
 * Measured with the benchmark (scripts/bench/lsp.ts): RSS with ten 1 MB drafts just checked fell from ~202 to
 * ~145 MB, and fresh diagnostics after an edit in a 1 MB draft took ~42 ms instead of ~29 ms (p50: the old
 * generation is collected more often). Left idle, the server settles at ~119 MB either way, once V8's memory
 * reducer has run; these options bound what it takes in between.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4', '--max-old-space-size=512'];
