// `policylint.checkWorkspace`: besides open documents, check every Markdown file in the workspace folders and
// publish its diagnostics, so problems in closed chapters show in the Problems panel. Files are found with the
// CLI's rules (*.md / *.markdown, no node_modules, no dot folders) and skipped when a configuration's `ignore`
// matches. A file of a `documents:` group is checked with its group (groups.ts), every other file on its own.
// When the folders change, files no longer found are cleared.
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { discoverFiles, isMarkdownFileName } from '../cli/discover';
import { analyze } from './analysis';
import { filePathOf } from './configStore';
import { toDiagnostics } from './diagnostics';
import { errorText } from './guard';
import type { Session } from './session';

/** A workspace larger than this is checked only up to it (and the log says so). */
export const MAX_WORKSPACE_FILES = 2000;

/** Whether `policylint.checkWorkspace` is on (read for the first workspace folder). */
export async function workspaceCheckEnabled(session: Session, folders: readonly string[]): Promise<boolean> {
  if (folders.length === 0) return false;
  const settings = await session.settings.forResource(pathToFileURL(folders[0]!).href);
  return settings.checkWorkspace === true;
}

export class WorkspaceChecker {
  /** Closed files whose diagnostics we published, so that turning the setting off can clear them. */
  private readonly published = new Set<string>();
  private generation = 0;

  constructor(
    private readonly session: Session,
    private readonly folders: () => readonly string[],
  ) {}

  /** Re-reads the setting and re-checks (or clears) every closed Markdown file. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const folders = this.folders();
    const enabled = await workspaceCheckEnabled(this.session, folders);
    if (generation !== this.generation) return;
    if (!enabled) {
      for (const uri of this.published) void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.published.clear();
      this.session.groups?.settle();
      return;
    }
    const uris: string[] = [];
    for (const folder of folders) {
      const { files } = await discoverFiles([folder], folder);
      // Not push(...): a folder of over 100,000 Markdown files would overflow the call stack.
      for (const file of files) uris.push(pathToFileURL(file.absolutePath).href);
    }
    if (uris.length > MAX_WORKSPACE_FILES) {
      this.session.connection.console.warn(`policylint.checkWorkspace: checking the first ${MAX_WORKSPACE_FILES} of ${uris.length} Markdown files.`);
    }
    const checked = uris.slice(0, MAX_WORKSPACE_FILES);
    // Files no longer found (a folder was removed, a file moved away) lose what was published for them.
    const found = new Set(checked);
    for (const uri of [...this.published]) {
      if (found.has(uri)) continue;
      this.published.delete(uri);
      void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    const groupsChecked = new Set<string>();
    for (const uri of checked) {
      if (generation !== this.generation) return;
      await this.checkClosed(uri, groupsChecked);
    }
  }

  /**
   * A file changed on disk, or a document was closed: re-check its group (whatever the setting), or re-check it from
   * disk when the setting is on.
   */
  async fileChanged(uri: string, deleted = false): Promise<void> {
    const path = filePathOf(uri);
    if (path === undefined || !isMarkdownFileName(path)) return;
    if (!deleted && (await this.session.groups?.fileChanged(uri))) return;
    if (!this.wouldDiscover(path)) return;
    if (deleted) {
      if (this.published.delete(uri)) await this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    if (await workspaceCheckEnabled(this.session, this.folders())) await this.checkClosed(uri);
  }

  /** The same files discovery finds: inside a workspace folder, not under node_modules or a dot folder. */
  private wouldDiscover(path: string): boolean {
    return this.folders().some((folder) => {
      const parts = relative(folder, path).split(sep);
      return parts[0] !== '..' && parts.slice(0, -1).every((part) => part !== 'node_modules' && !part.startsWith('.'));
    });
  }

  /** Checks a closed file from disk; a group member is checked with its group, once per group in `groupsChecked`. */
  private async checkClosed(uri: string, groupsChecked = new Set<string>()): Promise<void> {
    // Open documents are the validator's: their buffer, not the disk, is the truth.
    if (this.session.documents.get(uri)) return;
    const group = await this.session.groups?.index.groupOf(uri);
    if (group) {
      // From now on its diagnostics are the group's, published (and cleared) by groups.ts.
      this.published.delete(uri);
      if (!groupsChecked.has(group.key)) {
        groupsChecked.add(group.key);
        await this.session.groups!.recheck(group);
      }
      return;
    }
    const path = filePathOf(uri);
    if (path === undefined) return;
    try {
      const text = await readFile(path, 'utf8');
      if (this.session.documents.get(uri)) return;
      const found = await this.session.configs?.forDocument(uri);
      if (found?.ignored) {
        if (this.published.delete(uri)) await this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      const options = await this.session.engineOptions(uri);
      const analysis = analyze(TextDocument.create(uri, 'markdown', 0, text), options);
      this.published.add(uri);
      await this.session.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(analysis, this.session.features) });
    } catch (error) {
      this.session.connection.console.warn(`policylint.checkWorkspace: cannot check ${uri}: ${errorText(error)}`);
    }
  }
}
