// Bundles the extension client, the language server and the CLI with esbuild.
// `--production` minifies (used by `npm run package`); otherwise source maps are inlined for tests.
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const shebang = { js: '#!/usr/bin/env node' };
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'inline',
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: shebang }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: shebang }),
  // Loaded by dist/cli.js from its own folder to check files on worker threads.
  build({ ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/cli-worker.js' }),
]);
