// `policylint` entry point: wires the process to the CLI and guarantees that no stack trace ever reaches the
// user. The logic lives in ./cli/.
import { messageOf, runCli } from './cli/run';

// Bundled by esbuild at build time; never read from disk at run time.
const { version } = require('../../package.json') as { version: string };

function internalError(error: unknown): void {
  process.stderr.write(`policylint: internal error: ${messageOf(error)}\n`);
  process.exitCode = 2;
}

process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);
// A reader that goes away early (`policylint check | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else internalError(error);
});

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  version,
  writeOut: (text) => process.stdout.write(text),
  writeErr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
}, internalError);
