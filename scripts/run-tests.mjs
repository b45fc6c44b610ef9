// Runs every `*.test.ts` under server/test and test/ with Node's built-in test runner (through tsx).
// A test gets TEST_TIMEOUT_MS and the whole run RUN_LIMIT_MS (run-with-deadline.mjs), so a test file that never
// ends fails the run, named, instead of holding CI. Not --test-force-exit: it ends a file's process before the
// process has written all its results, and the runner then reports the missing tests as neither passed nor
// failed (seen: evidence-claims.test.ts lost its last 17 tests and the run still said "fail 0").
// Usage: node scripts/run-tests.mjs [substring-filter]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runWithDeadline } from './run-with-deadline.mjs';

/** The slowest test (the CLI on 1,000 drafts in four formats) takes ~15 s alone, a few times that on a busy machine. */
const TEST_TIMEOUT_MS = 180_000;
/** The suite takes ~70 s on two cores. */
const RUN_LIMIT_MS = 15 * 60_000;

function collect(dir, out) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (name === 'node_modules' || name === 'fixtures') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filter = process.argv[2];
const files = [...collect('server/test', []), ...collect('test', [])]
  .filter((f) => !filter || f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
const args = ['--import', 'tsx', '--test', '--test-concurrency=2', `--test-timeout=${TEST_TIMEOUT_MS}`, ...files];
process.exit(await runWithDeadline(args, { label: 'run-tests', limitMs: RUN_LIMIT_MS }));
