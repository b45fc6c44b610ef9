// What the client told us in `initialize`, reduced to the yes/no questions the handlers ask, and the server
// capabilities we announce in return. Optional protocol features are used only when the client has them, so
// minimal clients (Neovim, Helix, Emacs) get plain, valid answers.
import {
  CodeActionKind,
  DiagnosticTag,
  MarkupKind,
  TextDocumentSyncKind,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver/node';

export interface ClientFeatures {
  /** `workspace/configuration` (pull settings per resource). */
  readonly configuration: boolean;
  readonly codeDescription: boolean;
  readonly relatedInformation: boolean;
  readonly diagnosticTags: ReadonlySet<DiagnosticTag>;
  readonly hoverMarkdown: boolean;
  readonly completionDocumentationMarkdown: boolean;
  readonly codeActionLiterals: boolean;
  readonly documentChanges: boolean;
  /** Hierarchical document symbols (DocumentSymbol[]) rather than a flat SymbolInformation[]. */
  readonly hierarchicalSymbols: boolean;
  /** Several workspace folders, with `workspace/didChangeWorkspaceFolders` when they change. */
  readonly workspaceFolders: boolean;
}

/** The client lists formats in order of preference; the first one we can produce wins. */
function prefersMarkdown(formats: readonly string[] | undefined): boolean {
  return formats?.find((format) => format === MarkupKind.Markdown || format === MarkupKind.PlainText) === MarkupKind.Markdown;
}

export function clientFeaturesOf(params: InitializeParams): ClientFeatures {
  const { workspace, textDocument } = params.capabilities;
  const publish = textDocument?.publishDiagnostics;
  return {
    configuration: workspace?.configuration === true,
    codeDescription: publish?.codeDescriptionSupport === true,
    relatedInformation: publish?.relatedInformation === true,
    diagnosticTags: new Set(publish?.tagSupport?.valueSet ?? []),
    hoverMarkdown: prefersMarkdown(textDocument?.hover?.contentFormat),
    completionDocumentationMarkdown: prefersMarkdown(textDocument?.completion?.completionItem?.documentationFormat),
    codeActionLiterals: textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    documentChanges: workspace?.workspaceEdit?.documentChanges === true,
    hierarchicalSymbols: textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    workspaceFolders: workspace?.workspaceFolders === true,
  };
}

export const COMPLETION_TRIGGER_CHARACTERS = ['[', '［'];

export function serverCapabilitiesFor(features: ClientFeatures): ServerCapabilities {
  return {
    textDocumentSync: {
      openClose: true,
      change: TextDocumentSyncKind.Incremental,
      save: { includeText: false },
    },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
    // Without literal support a client could only run server-side commands, and we keep no such state.
    codeActionProvider: features.codeActionLiterals
      ? { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll], resolveProvider: false }
      : false,
    documentSymbolProvider: true,
    codeLensProvider: { resolveProvider: false },
    // Folder changes matter: configuration lookups stop at a workspace folder, and checkWorkspace covers the folders.
    ...(features.workspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
  };
}
