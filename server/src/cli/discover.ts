// Turns the paths on the command line into the Markdown files to check: files as given, directories searched
// for *.md / *.markdown (skipping node_modules and dot folders), glob patterns expanded. The result is
// de-duplicated and sorted by the path shown to the user, so output order never depends on the file system.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export interface DiscoveredFile {
  readonly absolutePath: string;
  /** Relative to the working directory, with forward slashes. */
  readonly displayPath: string;
}

/** A path from the command line (or a folder under it) that could not be searched. */
export interface PathProblem {
  readonly path: string;
  readonly reason: string;
}

export interface Discovery {
  readonly files: readonly DiscoveredFile[];
  readonly problems: readonly PathProblem[];
}

const MARKDOWN_EXTENSION = /\.(md|markdown)$/i;

export function isMarkdownFileName(name: string): boolean {
  return MARKDOWN_EXTENSION.test(name);
}

function isSkippedDirectoryName(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

export function displayPathOf(absolutePath: string, cwd: string): string {
  const shown = relative(cwd, absolutePath) || '.';
  return sep === '/' ? shown : shown.split(sep).join('/');
}

/** A short, stable reason for a file-system error, as shown after "cannot read 'x':". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'ENOTDIR':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return code ? `file system error ${code}` : error instanceof Error ? error.message : String(error);
  }
}

/** Collects Markdown files below `directory`; `depth` limits how many folder levels are entered. */
async function walkDirectory(
  directory: string,
  cwd: string,
  files: string[],
  problems: PathProblem[],
  depth = Number.POSITIVE_INFINITY,
): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: displayPathOf(directory, cwd), reason: describeFsError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (depth > 1 && !isSkippedDirectoryName(entry.name)) await walkDirectory(path, cwd, files, problems, depth - 1);
    } else if (isMarkdownFileName(entry.name)) {
      // Symbolic links to files count; links to directories are not followed, so cycles cannot happen.
      if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path)))) files.push(path);
    }
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function isGlob(input: string): boolean {
  return picomatch.scan(input).isGlob;
}

/**
 * Globs walk the pattern's fixed base folder with the same rules as a directory (Markdown only, no
 * node_modules, no dot folders) and keep what the rest of the pattern matches.
 */
async function expandGlob(pattern: string, cwd: string, problems: PathProblem[]): Promise<string[]> {
  const { base, glob } = picomatch.scan(pattern);
  const root = resolve(cwd, base || '.');
  if (!(await isDirectory(root))) return [];
  const depth = glob.includes('**') ? Number.POSITIVE_INFINITY : glob.split('/').length;
  const candidates: string[] = [];
  await walkDirectory(root, cwd, candidates, problems, depth);
  const matches = picomatch(glob, { dot: false });
  return candidates.filter((file) => matches(relative(root, file).split(sep).join('/')));
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Explicit file paths are checked whatever their extension; directories and globs yield Markdown files only.
 * A path that exists is never treated as a glob, so a file literally named `a[1].md` still works.
 */
export async function discoverFiles(inputs: readonly string[], cwd: string): Promise<Discovery> {
  const found: string[] = [];
  const problems: PathProblem[] = [];
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = resolve(cwd, input);
    let stats;
    try {
      stats = await stat(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && isGlob(input)) {
        const matches = await expandGlob(input, cwd, problems);
        if (matches.length === 0) problems.push({ path: input, reason: 'no matching files' });
        // Not push(...matches): a glob matching over 100,000 files would overflow the call stack.
        for (const match of matches) found.push(match);
      } else {
        problems.push({ path: input, reason: describeFsError(error) });
      }
      continue;
    }
    if (stats.isDirectory()) await walkDirectory(absolute, cwd, found, problems);
    else if (stats.isFile()) found.push(absolute);
    else problems.push({ path: input, reason: 'not a regular file' });
  }

  const byDisplayPath = new Map<string, DiscoveredFile>();
  for (const absolutePath of found) {
    const displayPath = displayPathOf(absolutePath, cwd);
    if (!byDisplayPath.has(displayPath)) byDisplayPath.set(displayPath, { absolutePath, displayPath });
  }
  const files = [...byDisplayPath.values()].sort((a, b) =>
    a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0,
  );
  return { files, problems };
}
