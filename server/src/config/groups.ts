// The files of a `documents:` group, in document order, shared by the language server and the CLI.
// Each entry of `files` is read like a path on the command line, relative to the configuration file's folder: a
// file, a folder (its Markdown files), or a glob. The group's order is the order of the entries, and within one
// entry the order of the paths (sorted); a file matched by two entries keeps its first place.
import { dirname } from 'node:path';
import type { DocumentGroup } from '../cli/config';
import { discoverFiles } from '../cli/discover';

export async function groupFiles(group: DocumentGroup, configPath: string): Promise<string[]> {
  const folder = dirname(configPath);
  const ordered: string[] = [];
  const seen = new Set<string>();
  for (const entry of group.files) {
    const { files } = await discoverFiles([entry], folder);
    for (const file of files) {
      if (seen.has(file.absolutePath)) continue;
      seen.add(file.absolutePath);
      ordered.push(file.absolutePath);
    }
  }
  return ordered;
}
