// `policylint-language-server --version | --help`, answered before any connection exists (stdout is the
// protocol channel only once a connection is created).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const TRANSPORT_FLAGS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];

const HELP = `Usage: policylint-language-server (--stdio | --node-ipc | --socket=<port> | --pipe=<name>)

The Policylint language server: diagnostics, hover, go to definition, references, completion and quick
fixes for citations and evidence in Markdown policy papers, over the Language Server Protocol.

Options:
  --stdio            talk LSP over stdin/stdout
  --node-ipc         talk LSP over a Node IPC channel (used by the VS Code extension)
  --socket=<port>    talk LSP over a TCP socket
  --pipe=<name>      talk LSP over a named pipe
  --version          print the version and exit
  --help             print this help and exit
`;

export function serverVersion(): string {
  try {
    // The bundle lives in <package root>/dist.
    const manifest: unknown = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    if (typeof manifest === 'object' && manifest !== null && 'version' in manifest) return String(manifest.version);
  } catch {
    // Fall through: a server without its manifest still runs.
  }
  return 'unknown';
}

/**
 * Handles the informational flags. Returns an exit code when the process should exit instead of serving,
 * or undefined to go on and create the connection.
 */
export function handleCommandLine(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
): number | undefined {
  if (argv.includes('--version') || argv.includes('-v')) {
    out(`${serverVersion()}\n`);
    return 0;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    out(HELP);
    return 0;
  }
  if (!argv.some((arg) => TRANSPORT_FLAGS.some((flag) => (flag.endsWith('=') ? arg.startsWith(flag) : arg === flag)))) {
    err(`policylint-language-server: no transport given.\n\n${HELP}`);
    return 2;
  }
  return undefined;
}
