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
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../engine';
import { isMarkdownFileName } from '../cli/discover';
import { ConfigStore, filePathOf, isConfigUri, readFileIfPresent } from './configStore';
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
  return folderPaths(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
}

function folderPaths(uris: readonly string[]): string[] {
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
    // A Markdown file created or deleted may join or leave a `documents:` group.
    const createdOrDeleted = changes.some((change) => {
      const path = filePathOf(change.uri);
      return change.type !== FileChangeType.Changed && path !== undefined && isMarkdownFileName(path);
    });
    if (createdOrDeleted) this.groupsChanged();
    for (const change of changes) this.report(this.workspace.fileChanged(change.uri, change.type === FileChangeType.Deleted));
  }

  /** Workspace folders were added or removed: configurations stop at other folders, and the workspace check covers others. */
  workspaceFoldersChanged({ added, removed }: WorkspaceFoldersChangeEvent): void {
    const gone = new Set(folderPaths(removed.map((folder) => folder.uri)));
    const kept = this.configs.folders().filter((folder) => !gone.has(folder));
    const folders = [...kept, ...folderPaths(added.map((folder) => folder.uri)).filter((folder) => !kept.includes(folder))];
    this.configs.setWorkspaceFolders(folders);
    this.configChanged();
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
    // The validator has just cleared the document's diagnostics; its group publishes it again from disk if it should.
    this.session.groups?.forget(uri);
    this.report(this.workspace.fileChanged(uri));
    return false;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  /** A configuration file changed: re-read it and re-check every open draft (and the workspace) at once. */
  private configChanged(): void {
    this.configs.invalidate();
    this.session.groups?.invalidate();
    this.session.cache.clear();
    this.validator.revalidateAll();
    this.checkWorkspace();
  }

  /** Group memberships may have changed: re-read them and re-check the open drafts (and the workspace). */
  private groupsChanged(): void {
    if (!this.session.groups?.invalidate()) return;
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
