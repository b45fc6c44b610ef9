// `npm run test:e2e`: installs (or reuses) the cached editors, packages the extension, then runs every
// `test/e2e/*.e2e.ts` with Node's test runner, one file at a time (each starts its own editor).
// Usage: node scripts/e2e/run.mjs [substring-filter]
// Env:   POLICYLINT_E2E_VSIX=path   test this .vsix instead of packaging one (CI packages it just before)
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runWithDeadline } from '../run-with-deadline.mjs';

/** Each file starts its own editor; the slowest takes ~10 s. */
const TEST_TIMEOUT_MS = 180_000;
/** The suite takes ~20 s once the editors are installed. */
const RUN_LIMIT_MS = 15 * 60_000;

const repo = resolve(import.meta.dirname, '..', '..');
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

/** A first install (apt-get, code-server from npm) takes a few minutes. */
const SETUP_LIMIT_MINUTES = 25;
// coreutils' timeout ends the script's whole process group (apt-get, npm), not only the shell.
const setup = spawnSync('timeout', ['--kill-after=30s', `${SETUP_LIMIT_MINUTES}m`, 'bash', join(repo, 'scripts', 'e2e', 'setup.sh')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
if (setup.status !== 0) {
  const why = setup.status === 124 || setup.status === 137 ? `was stopped after ${SETUP_LIMIT_MINUTES} min` : 'failed';
  console.error(`e2e: scripts/e2e/setup.sh ${why}`);
  process.exit(1);
}
const codeServer = setup.stdout.trim().split('\n').pop();
console.log(`e2e: editors ready after ${seconds()} s`);

let vsix = process.env.POLICYLINT_E2E_VSIX;
if (!vsix) {
  const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  if (pack.status !== 0) {
    console.error('e2e: npm run package failed');
    process.exit(1);
  }
  vsix = join(repo, 'policylint.vsix');
  console.log(`e2e: packaged ${vsix} after ${seconds()} s`);
}

const filter = process.argv[2];
const dir = join(repo, 'test', 'e2e');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.e2e.ts') && (!filter || name.includes(filter)))
  .sort()
  .map((name) => join(dir, name));
if (files.length === 0) {
  console.error('e2e: no test files found');
  process.exit(1);
}
rmSync(join(repo, 'test-results', 'e2e'), { recursive: true, force: true });
const status = await runWithDeadline(
  ['--import', 'tsx', '--test', '--test-concurrency=1', `--test-timeout=${TEST_TIMEOUT_MS}`, ...files],
  {
    label: 'e2e',
    limitMs: RUN_LIMIT_MS,
    cwd: repo,
    env: { ...process.env, POLICYLINT_E2E_CODE_SERVER: codeServer, POLICYLINT_E2E_VSIX: resolve(vsix) },
  },
);
console.log(`e2e: finished in ${seconds()} s; screenshots in test-results/e2e/`);
process.exit(status);
