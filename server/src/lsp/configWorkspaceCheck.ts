// `policylint.checkWorkspace`: besides open documents, check every Markdown file in the workspace folders and
// publish its diagnostics, so problems in closed chapters show in the Problems panel. Files are found with the
// CLI's rules (*.md / *.markdown, no node_modules, no dot folders) and skipped when a configuration's `ignore`
// matches. Each file is still checked on its own: a challenge answered in another chapter is not yet seen as
// answered (`documents:` groups are validated but not applied).
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
    const enabled = folders.length > 0 && (await this.enabled(folders));
    if (generation !== this.generation) return;
    if (!enabled) {
      for (const uri of this.published) void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.published.clear();
      return;
    }
    const uris: string[] = [];
    for (const folder of folders) {
      const { files } = await discoverFiles([folder], folder);
      uris.push(...files.map((file) => pathToFileURL(file.absolutePath).href));
    }
    if (uris.length > MAX_WORKSPACE_FILES) {
      this.session.connection.console.warn(`policylint.checkWorkspace: checking the first ${MAX_WORKSPACE_FILES} of ${uris.length} Markdown files.`);
    }
    for (const uri of uris.slice(0, MAX_WORKSPACE_FILES)) {
      if (generation !== this.generation) return;
      await this.checkClosed(uri);
    }
  }

  /** A file changed on disk, or a document was closed: re-check it from disk when the setting is on. */
  async fileChanged(uri: string, deleted = false): Promise<void> {
    const path = filePathOf(uri);
    if (path === undefined || !isMarkdownFileName(path) || !this.wouldDiscover(path)) return;
    if (deleted) {
      if (this.published.delete(uri)) await this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    if (await this.enabled(this.folders())) await this.checkClosed(uri);
  }

  /** The same files discovery finds: inside a workspace folder, not under node_modules or a dot folder. */
  private wouldDiscover(path: string): boolean {
    return this.folders().some((folder) => {
      const parts = relative(folder, path).split(sep);
      return parts[0] !== '..' && parts.slice(0, -1).every((part) => part !== 'node_modules' && !part.startsWith('.'));
    });
  }

  private async enabled(folders: readonly string[]): Promise<boolean> {
    if (folders.length === 0) return false;
    const settings = await this.session.settings.forResource(pathToFileURL(folders[0]!).href);
    return settings.checkWorkspace === true;
  }

  private async checkClosed(uri: string): Promise<void> {
    // Open documents are the validator's: their buffer, not the disk, is the truth.
    if (this.session.documents.get(uri)) return;
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
