// Runs a TypeScript script as the product runs: bundled by esbuild with the production build's settings
// (scripts/build.mjs --production), not through tsx. Timings must measure the code users get: tsx loads the
// Markdown parser's ES modules through getters that cost a tenth of a parse, and the bundle has none.
// Usage: node scripts/run-bundled.mjs scripts/hostile-megabyte.ts [arguments…]
// The bundle goes to dist/scripts/, two folders below the repository like scripts/ and server/test/, so that
// paths the script builds from __dirname still point into the repository.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-bundled.mjs <script.ts> [arguments…]');
  process.exit(2);
}
const outfile = `dist/scripts/${basename(entry).replace(/\.ts$/, '')}.js`;
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
  legalComments: 'none',
});
const { status, signal } = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(status ?? (signal ? 1 : 0));
