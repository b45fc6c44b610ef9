// The VS Code side of Policylint: starts the bundled language server over IPC and offers a restart command,
// the framework map view, and the command the structure code lenses run.
// Everything else (diagnostics, hover, completion, quick fixes) comes from the server. The server module is
// always the one shipped in this extension; nothing from the workspace is ever executed.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { REVEAL_RANGE_COMMAND } from '../../server/src/protocol';
import { FrameworkMapView } from './frameworkMap';

const CLIENT_ID = 'policylint';
const CLIENT_NAME = 'Policylint';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
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
  };

  // The id matches the `policylint.trace.server` setting, which the client library reads by that name.
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('policylint.restartServer', async () => {
      if (!client) return;
      outputChannel.info('Restarting the Policylint language server.');
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
  await client.start();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
