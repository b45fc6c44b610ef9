// The VS Code side of Policylint: starts the bundled language server over IPC (restarted by ServerSupervisor if
// it dies) and offers a restart command, the framework map view, and the command the structure code lenses run.
// Everything else (diagnostics, hover, completion, quick fixes) comes from the server. The server module is
// always the one shipped in this extension; nothing from the workspace is ever executed.
import { bundleEvaluationStarted } from './loadClock';
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/lsp/launch';
import { REVEAL_RANGE_COMMAND } from '../../server/src/protocol';
import { FrameworkMapView } from './frameworkMap';
import { ServerSupervisor } from './serverSupervisor';

const CLIENT_ID = 'policylint';
const CLIENT_NAME = 'Policylint';
const RESTART_COMMAND = 'policylint.restartServer';

let client: LanguageClient | undefined;
// Top-level code runs after every import has been evaluated.
const bundleEvaluationMs = performance.now() - bundleEvaluationStarted;

/**
 * Returns once the client is set up and asked to start: launching the server process and the initialize
 * handshake continue in the background (the client holds back requests until they finish), so they are not
 * part of the activation time logged as "activated in … ms" (activate() from entry to return).
 */
export function activate(context: vscode.ExtensionContext): void {
  const activationStarted = performance.now();
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env: { ...SERVER_ENV } } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'], env: { ...SERVER_ENV } },
    },
  };
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const supervisor = new ServerSupervisor(outputChannel, RESTART_COMMAND);
  context.subscriptions.push(outputChannel, supervisor);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      // Configuration files, so that the server can show their errors while they are open.
      { scheme: 'file', pattern: '**/.policylint.{yaml,json}' },
    ],
    initializationOptions: { locale: vscode.env.language },
    // Configuration files are watched by the server itself (dynamic registration of workspace/didChangeWatchedFiles),
    // so no fileEvents here: both would report every change twice.
    synchronize: { configurationSection: CLIENT_ID },
    outputChannel,
    // Crashes are reported by the supervisor, once; everything the client library has to say goes to the channel.
    errorHandler: supervisor,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };

  // The id matches the `policylint.trace.server` setting, which the client library reads by that name.
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  supervisor.watch(client);
  context.subscriptions.push(
    vscode.commands.registerCommand(RESTART_COMMAND, async () => {
      if (!client) return;
      outputChannel.info('Restarting the Policylint language server.');
      supervisor.reset();
      await client.restart();
    }),
  );
  const mapView = new FrameworkMapView(() => client);
  context.subscriptions.push(
    mapView,
    vscode.commands.registerCommand('policylint.showFrameworkMap', () => mapView.show()),
    // Code lenses link a challenge and its countermeasure; the arguments are an LSP URI and range.
    vscode.commands.registerCommand(REVEAL_RANGE_COMMAND, async (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      const target = client?.protocol2CodeConverter.asRange(range);
      if (!client || !target) return;
      const document = await vscode.workspace.openTextDocument(client.protocol2CodeConverter.asUri(uri));
      await vscode.window.showTextDocument(document, { selection: target });
    }),
  );
  // A failed start is already reported by the client library (notification and output channel).
  client.start().catch(() => undefined);
  const activationMs = performance.now() - activationStarted;
  outputChannel.info(
    `Policylint activated in ${activationMs.toFixed(1)} ms (activate() from entry to return; the language server starts in the background), after ${bundleEvaluationMs.toFixed(1)} ms evaluating dist/client.js.`,
  );
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
