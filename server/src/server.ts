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
import { Validator } from './lsp/validation';

function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const features = clientFeaturesOf(params);
    const settings = new SettingsStore(connection, features.configuration, params.initializationOptions);
    const clientLocale = clientLocaleOf(params.locale ?? undefined, params.initializationOptions);
    const session = new Session(connection, documents, settings, new AnalysisCache(), features, clientLocale);
    wire(connection, session);
    return {
      capabilities: serverCapabilitiesFor(features),
      serverInfo: { name: 'policylint-language-server', version: serverVersion() },
    };
  });

  documents.listen(connection);
  connection.listen();
}

function wire(connection: Connection, session: Session): void {
  const { documents, features } = session;
  const validator = new Validator(session);
  const log = connection.console;

  connection.onInitialized(() => {
    log.info(`Policylint language server ${serverVersion()} ready (default message locale: ${session.clientLocale}).`);
  });
  // No dynamic registration for didChangeConfiguration: the VS Code client already synchronizes the
  // `policylint` section (registering too would make it send every change twice), and other clients push
  // changes unasked.
  connection.onDidChangeConfiguration((change) => {
    session.settings.changed(change.settings);
    session.cache.clear();
    validator.revalidateAll();
  });

  documents.onDidOpen(({ document }) => validator.opened(document.uri));
  documents.onDidSave(({ document }) => validator.saved(document.uri));
  documents.onDidChangeContent(({ document }) => {
    validator.changed(document.uri, document.version).catch((error: unknown) => log.error(errorText(error)));
  });
  documents.onDidClose(({ document }) => validator.closed(document.uri));

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
        const snapshot = await session.snapshot(textDocument.uri);
        return snapshot ? codeActions(snapshot, range, context, features) : [];
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
  connection.onShutdown(() => validator.dispose());
}

const exitCode = handleCommandLine(
  process.argv.slice(2),
  (text) => process.stdout.write(text),
  (text) => process.stderr.write(text),
);
if (exitCode === undefined) startServer();
else process.exitCode = exitCode;
