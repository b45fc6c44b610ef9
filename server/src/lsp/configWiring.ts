// The configuration side of the language server: builds the ConfigStore from the connection (open buffers, the
// file system, the log) and handles the events that concern configuration files and workspace checking.
import { fileURLToPath } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../engine';
import { ConfigStore, isConfigUri, readFileIfPresent } from './configStore';
import { WorkspaceChecker } from './configWorkspaceCheck';
import { errorText } from './guard';
import type { Session } from './session';
import type { Validator } from './validation';

export { isConfigUri } from './configStore';

/** What the server asks clients to watch: every configuration file, anywhere in the workspace. */
export const CONFIG_WATCH_GLOB = '**/.policylint.{yaml,json}';
/** Markdown files, for `policylint.checkWorkspace` (changes are ignored while it is off). */
export const MARKDOWN_WATCH_GLOB = '**/*.{md,markdown}';

/** File-system paths of the workspace folders announced in `initialize`. */
export function workspaceFoldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.flatMap((uri) => {
    try {
      return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
    } catch {
      return [];
    }
  });
}

export function createConfigStore(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  folders: readonly string[],
  locale: Locale,
): ConfigStore {
  return new ConfigStore(
    {
      openText: (uri) => documents.get(uri)?.getText(),
      readFile: readFileIfPresent,
      log: (line) => connection.console.warn(line),
    },
    folders,
    locale,
  );
}

/** How long typing in an open configuration file pauses before the drafts are re-checked. */
export const CONFIG_TYPING_DEBOUNCE_MS = 300;

/**
 * The configuration side of the server's events: configuration files (open or on disk), watched Markdown files
 * for `policylint.checkWorkspace`, and the re-checks both cause. server.ts forwards events here.
 */
export class ConfigEvents {
  private readonly workspace: WorkspaceChecker;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
    private readonly validator: Validator,
    private readonly configs: ConfigStore,
  ) {
    this.workspace = new WorkspaceChecker(session, () => configs.folders());
  }

  initialized(watch: boolean): void {
    if (watch) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: CONFIG_WATCH_GLOB }, { globPattern: MARKDOWN_WATCH_GLOB }],
      });
    }
    this.checkWorkspace();
  }

  /** Settings changed (the caller has already re-checked open drafts). */
  settingsChanged(): void {
    this.checkWorkspace();
  }

  watchedFilesChanged(changes: readonly FileEvent[]): void {
    if (changes.some((change) => isConfigUri(change.uri))) {
      this.configChanged();
      return;
    }
    for (const change of changes) this.report(this.workspace.fileChanged(change.uri, change.type === FileChangeType.Deleted));
  }

  /** True when the document is a configuration file (handled here); its open is reported as a content change. */
  contentChanged(uri: string): boolean {
    if (!isConfigUri(uri)) return false;
    this.configs.diagnosticsFor(uri).then(
      (diagnostics) => this.connection.sendDiagnostics({ uri, diagnostics }),
      (error: unknown) => this.connection.console.error(errorText(error)),
    );
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.configChanged();
    }, CONFIG_TYPING_DEBOUNCE_MS);
    return true;
  }

  /** True when the document is a configuration file; a closed draft is re-checked from disk for checkWorkspace. */
  closed(uri: string): boolean {
    if (isConfigUri(uri)) {
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.configChanged();
      return true;
    }
    this.report(this.workspace.fileChanged(uri));
    return false;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  /** A configuration file changed: re-read it and re-check every open draft (and the workspace) at once. */
  private configChanged(): void {
    this.configs.invalidate();
    this.session.cache.clear();
    this.validator.revalidateAll();
    this.checkWorkspace();
  }

  private checkWorkspace(): void {
    this.report(this.workspace.refresh());
  }

  private report(promise: Promise<void>): void {
    promise.catch((error: unknown) => this.connection.console.error(errorText(error)));
  }
}
