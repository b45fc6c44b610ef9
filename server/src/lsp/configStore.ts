// The language server's view of configuration files: for each document, the nearest .policylint.yaml/.json in
// its folder or above, not past the workspace folder that holds it (a document outside every workspace folder
// looks in its own folder only). An open configuration file is read from the editor's buffer, so its effect and
// its diagnostics follow typing; otherwise from disk. An invalid file keeps the last good configuration in force.
// Configuration files are data: nothing in them is executed, and their paths cannot leave their folder.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES, emptyConfig, parseConfig, type ConfigError, type PolicylintConfig } from '../cli/config';
import { isIgnored } from '../config/ignore';
import type { Locale } from '../engine';

export interface ConfigForDocument {
  readonly config: PolicylintConfig;
  /** Absolute path of the configuration file in force, if any. */
  readonly path?: string;
  /** The document matches the configuration's `ignore` globs. */
  readonly ignored: boolean;
}

/** What the store needs from the server: open buffers, the file system, and one line of log. */
export interface ConfigHost {
  /** Text of an open document, or undefined when it is not open. */
  openText(uri: string): string | undefined;
  readFile(path: string): Promise<string | undefined>;
  log(line: string): void;
}

interface Loaded {
  readonly config: PolicylintConfig;
  readonly errors: readonly ConfigError[];
}

export function isConfigUri(uri: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(uri.slice(uri.lastIndexOf('/') + 1));
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export async function readFileIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

export class ConfigStore {
  /** Folder → the configuration file found from there (undefined: none). Cleared on every configuration change. */
  private readonly lookups = new Map<string, Promise<string | undefined>>();
  private readonly loads = new Map<string, Promise<Loaded>>();
  /** Survives invalidation: the configuration in force while a file is invalid. */
  private readonly lastGood = new Map<string, PolicylintConfig>();

  constructor(
    private readonly host: ConfigHost,
    private workspaceFolders: readonly string[],
    private readonly locale: Locale,
  ) {}

  folders(): readonly string[] {
    return this.workspaceFolders;
  }

  setWorkspaceFolders(folders: readonly string[]): void {
    this.workspaceFolders = folders;
    this.invalidate();
  }

  /** Forget everything read; the next request reads the files again. */
  invalidate(): void {
    this.lookups.clear();
    this.loads.clear();
  }

  /** The workspace folder holding a path (the innermost), if any. */
  workspaceFolderOf(path: string): string | undefined {
    return this.workspaceFolders.filter((folder) => isInside(path, folder)).sort((a, b) => b.length - a.length)[0];
  }

  async forDocument(uri: string): Promise<ConfigForDocument> {
    const path = filePathOf(uri);
    if (path === undefined || isConfigUri(uri)) return { config: emptyConfig, ignored: false };
    const configPath = await this.nearest(dirname(path), this.workspaceFolderOf(path) ?? dirname(path));
    if (configPath === undefined) return { config: emptyConfig, ignored: false };
    const { config } = await this.load(configPath);
    return { config, path: configPath, ignored: isIgnored(config, configPath, path) };
  }

  /** Diagnostics for a configuration file's current text (the buffer when open). */
  async diagnosticsFor(uri: string): Promise<Diagnostic[]> {
    const path = filePathOf(uri);
    const text = this.host.openText(uri) ?? (path !== undefined ? await this.host.readFile(path) : undefined);
    if (text === undefined) return [];
    const result = parseConfig(text, path ?? uri, this.locale);
    return 'errors' in result ? result.errors.map((error) => toDiagnostic(error, text)) : [];
  }

  /** The nearest configuration file from `directory` up to `stopAt` inclusive. */
  nearest(directory: string, stopAt: string): Promise<string | undefined> {
    let found = this.lookups.get(directory);
    if (!found) {
      found = this.search(directory, stopAt);
      this.lookups.set(directory, found);
    }
    return found;
  }

  private async search(directory: string, stopAt: string): Promise<string | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(directory, name);
      if (this.host.openText(pathToFileURL(candidate).href) !== undefined) return candidate;
      if ((await this.host.readFile(candidate)) !== undefined) return candidate;
    }
    const parent = dirname(directory);
    if (directory === stopAt || parent === directory || !isInside(parent, stopAt)) return undefined;
    return this.nearest(parent, stopAt);
  }

  private load(path: string): Promise<Loaded> {
    let loaded = this.loads.get(path);
    if (!loaded) {
      loaded = this.read(path);
      this.loads.set(path, loaded);
    }
    return loaded;
  }

  private async read(path: string): Promise<Loaded> {
    const text = this.host.openText(pathToFileURL(path).href) ?? (await this.host.readFile(path));
    if (text === undefined) return { config: this.lastGood.get(path) ?? emptyConfig, errors: [] };
    const result = parseConfig(text, path, this.locale);
    if ('config' in result) {
      this.lastGood.set(path, result.config);
      return { config: result.config, errors: [] };
    }
    const first = result.errors[0]!;
    this.host.log(
      `Configuration ${basename(path)} in ${dirname(path)} is invalid (${first.line}:${first.column} ${first.message}); ` +
        `keeping the last good configuration.`,
    );
    return { config: this.lastGood.get(path) ?? emptyConfig, errors: result.errors };
  }
}

/** A configuration error as a diagnostic: from its position to the end of the word or token there. */
export function toDiagnostic(error: ConfigError, text: string): Diagnostic {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineText = source.split(/\r\n|\r|\n/)[error.line - 1] ?? '';
  const character = Math.max(0, error.column - 1);
  const token = /^[^\s,:{}[\]]*/.exec(lineText.slice(character))?.[0] ?? '';
  return {
    range: { start: { line: error.line - 1, character }, end: { line: error.line - 1, character: character + Math.max(token.length, 1) } },
    severity: DiagnosticSeverity.Error,
    source: 'policylint',
    message: error.message,
  };
}
