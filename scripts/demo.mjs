// `npm run demo`: checks the bundled example draft and prints its findings. The example plants problems on
// purpose, so the CLI's exit code 1 ("found errors") is the expected outcome here; only a usage or internal
// error (exit code 2, or a crash) makes the demo fail.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples', ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.status === 0 || result.status === 1) {
  process.stdout.write(`\nDemo finished: the findings above are the problems planted in examples/draft.md (see examples/README.md).\n`);
  process.exit(0);
}
process.exit(result.status ?? 2);
