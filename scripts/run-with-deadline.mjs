// Runs Node's test runner as a child with a deadline, for `npm test` and the end-to-end suite. A test runner whose
// test file never ends (a handle left open, a loop that never returns) would otherwise hold CI until its own much
// longer limit, and print nothing about where it stopped. At the deadline this names the test files still running,
// ends the runner's whole process group (editors and servers the tests started included) and exits with 1.
import { spawn, spawnSync } from 'node:child_process';

/** The command lines of the processes in group `pgid` that run a test file (`*.test.ts`, `*.e2e.ts` and the like). */
function testFilesRunning(pgid) {
  const ps = spawnSync('ps', ['-eo', 'pgid=,args='], { encoding: 'utf8' });
  if (ps.status !== 0) return [];
  const files = new Set();
  for (const line of ps.stdout.split('\n')) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!match || Number(match[1]) !== pgid) continue;
    const args = match[2].split(/\s+/);
    // The runner's own command line lists every file; a file's process names only its own.
    const named = args.filter((arg) => /\.(test|e2e)\.[cm]?[jt]s$/.test(arg));
    if (named.length === 1) files.add(named[0]);
  }
  return [...files];
}

/**
 * Runs `node <args>` with stdio inherited; resolves with its exit code, or 1 when it is still running after
 * `limitMs` (reported on stderr as `<label>: ...`).
 */
export function runWithDeadline(args, { label, limitMs, cwd, env }) {
  return new Promise((resolve) => {
    // Its own process group, so that everything it started can be ended at once.
    const child = spawn(process.execPath, args, { cwd, env, stdio: 'inherit', detached: true });
    const endGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    // Ctrl-C and CI cancellation reach this process only; pass them on to the group.
    const forward = (signal) => () => endGroup(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      const running = testFilesRunning(child.pid);
      const where = running.length > 0 ? `; test files still running: ${running.join(', ')}` : '';
      console.error(`${label}: stopped after ${Math.round(limitMs / 1000)} s${where}`);
      endGroup('SIGKILL');
    }, limitMs);
    child.on('exit', (code) => {
      clearTimeout(deadline);
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      // Whatever the tests left running in the group goes with the runner.
      endGroup('SIGKILL');
      resolve(timedOut ? 1 : (code ?? 1));
    });
  });
}
