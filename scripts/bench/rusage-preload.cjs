// Loaded with `node --require` into the CLI the benchmark times: when the process exits, writes its own
// resource usage (user and system CPU time of every thread, worker threads included, and the peak RSS) to the
// file named by POLICYLINT_BENCH_RUSAGE. Node cannot read a child's rusage, and /usr/bin/time may be missing.
'use strict';
const { isMainThread } = require('node:worker_threads');
const target = process.env.POLICYLINT_BENCH_RUSAGE;
if (isMainThread && target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    require('node:fs').writeFileSync(
      target,
      JSON.stringify({ userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, maxRssKb: usage.maxRSS }),
    );
  });
}
