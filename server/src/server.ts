// The Policylint language server: LSP wiring only. Each handler gets the document, returns early, and
// delegates to server/src/lsp/ (which in turn drives the pure engine). Nothing here writes to stdout.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './lsp/analysis';
import { clientFeaturesOf, serverCapabilitiesFor } from './lsp/capabilities';
import { codeActions } from './lsp/codeActions';
import { handleCommandLine, serverVersion } from './lsp/commandLine';
import { errorText, guarded } from './lsp/guard';
import { completions, definition, hover, references } from './lsp/navigation';
import { Session } from './lsp/session';
import { codeLenses, documentSymbols, renderFrameworkMap } from './lsp/structure';
import { FRAMEWORK_MAP_REQUEST, type FrameworkMapParams, type FrameworkMapResult } from './protocol';
import { clientLocaleOf, SettingsStore } from './lsp/settings';
import { configActions } from './lsp/configActions';
import { ConfigEvents, createConfigStore, isConfigUri, workspaceFoldersOf } from './lsp/configWiring';
import { Validator } from './lsp/validation';

function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const features = clientFeaturesOf(params);
    const settings = new SettingsStore(connection, features.configuration, params.initializationOptions);
    const clientLocale = clientLocaleOf(params.locale ?? undefined, params.initializationOptions);
    const configs = createConfigStore(connection, documents, workspaceFoldersOf(params), clientLocale);
    const session = new Session(connection, documents, settings, new AnalysisCache(), features, clientLocale, configs);
    const watch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const canCreateFiles =
      features.documentChanges && (params.capabilities.workspace?.workspaceEdit?.resourceOperations ?? []).includes('create');
    wire(connection, session, { watch, canCreateFiles });
    return {
      capabilities: serverCapabilitiesFor(features),
      serverInfo: { name: 'policylint-language-server', version: serverVersion() },
    };
  });

  documents.listen(connection);
  connection.listen();
}

function wire(connection: Connection, session: Session, client: { watch: boolean; canCreateFiles: boolean }): void {
  const { documents, features } = session;
  const configs = session.configs!;
  const validator = new Validator(session);
  const configEvents = new ConfigEvents(connection, session, validator, configs);
  const log = connection.console;

  connection.onInitialized(() => {
    log.info(`Policylint language server ${serverVersion()} ready (default message locale: ${session.clientLocale}).`);
    configEvents.initialized(client.watch);
    // Subscribed only now: the library registers for the notification through the capability sent with `initialize`.
    if (features.workspaceFolders) connection.workspace.onDidChangeWorkspaceFolders((event) => configEvents.workspaceFoldersChanged(event));
  });
  connection.onDidChangeWatchedFiles(({ changes }) => configEvents.watchedFilesChanged(changes));
  // No dynamic registration for didChangeConfiguration: the VS Code client already synchronizes the
  // `policylint` section (registering too would make it send every change twice), and other clients push
  // changes unasked.
  connection.onDidChangeConfiguration((change) => {
    session.settings.changed(change.settings);
    session.cache.clear();
    validator.revalidateAll();
    configEvents.settingsChanged();
  });

  // A configuration file's open is also reported as a content change, which handles it.
  documents.onDidOpen(({ document }) => {
    if (!isConfigUri(document.uri)) validator.opened(document.uri);
  });
  documents.onDidSave(({ document }) => {
    if (!isConfigUri(document.uri)) validator.saved(document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    if (configEvents.contentChanged(document.uri)) return;
    validator.changed(document.uri, document.version).catch((error: unknown) => log.error(errorText(error)));
  });
  documents.onDidClose(({ document }) => {
    // Closing first clears the draft's diagnostics; with checkWorkspace they come back from the file on disk.
    if (!isConfigUri(document.uri)) validator.closed(document.uri);
    configEvents.closed(document.uri);
  });

  connection.onHover(
    guarded(log, 'hover', null, async ({ textDocument, position }) => {
      const snapshot = await session.snapshot(textDocument.uri);
      return snapshot ? hover(snapshot, position, features.hoverMarkdown) : null;
    }),
  );
  connection.onDefinition(
    guarded(log, 'definition', [], async ({ textDocument, position }) => {
      const snapshot = await session.snapshot(textDocument.uri);
      return snapshot ? definition(snapshot, position) : [];
    }),
  );
  connection.onReferences(
    guarded(log, 'references', [], async ({ textDocument, position, context }) => {
      const snapshot = await session.snapshot(textDocument.uri);
      return snapshot ? references(snapshot, position, context.includeDeclaration) : [];
    }),
  );
  connection.onCompletion(
    guarded(log, 'completion', [], async ({ textDocument, position }) => {
      const snapshot = await session.snapshot(textDocument.uri);
      return snapshot ? completions(snapshot, position, features.completionDocumentationMarkdown) : [];
    }),
  );
  if (features.codeActionLiterals) {
    connection.onCodeAction(
      guarded(log, 'codeAction', [], async ({ textDocument, range, context }) => {
        const snapshot = await session.checkedSnapshot(textDocument.uri);
        if (!snapshot) return [];
        const fromConfig = await configActions(snapshot, range, context, {
          configs,
          open: (uri) => {
            const open = documents.get(uri);
            return open ? { text: open.getText(), version: open.version } : undefined;
          },
          canCreateFiles: client.canCreateFiles,
          documentChanges: features.documentChanges,
        });
        return [...codeActions(snapshot, range, context, features), ...fromConfig];
      }),
    );
  }
  connection.onDocumentSymbol(
    guarded(log, 'documentSymbol', [], async ({ textDocument }) => {
      const snapshot = await session.snapshot(textDocument.uri);
      return snapshot ? documentSymbols(snapshot, features.hierarchicalSymbols) : [];
    }),
  );
  connection.onCodeLens(
    guarded(log, 'codeLens', [], async ({ textDocument }) => {
      const snapshot = await session.snapshot(textDocument.uri);
      return snapshot ? codeLenses(snapshot) : [];
    }),
  );
  connection.onRequest(
    FRAMEWORK_MAP_REQUEST,
    guarded(log, 'frameworkMap', null, async (params: FrameworkMapParams): Promise<FrameworkMapResult> => {
      const snapshot = await session.snapshot(params.uri);
      const content = snapshot ? renderFrameworkMap(snapshot, params.format) : undefined;
      return content === undefined ? null : { content };
    }),
  );
  connection.onShutdown(() => {
    validator.dispose();
    configEvents.dispose();
  });
}

const exitCode = handleCommandLine(
  process.argv.slice(2),
  (text) => process.stdout.write(text),
  (text) => process.stderr.write(text),
);
if (exitCode === undefined) startServer();
else process.exitCode = exitCode;
