// The files of a `documents:` group, in document order, shared by the language server and the CLI.
// Each entry of `files` is read like a path on the command line, relative to the configuration file's folder: a
// file, a folder (its Markdown files), or a glob. The group's order is the order of the entries, and within one
// entry the order of the paths (sorted); a file matched by two entries keeps its first place. Members are the files
// the configuration does not ignore and that no nearer configuration file governs; a file in two groups belongs to
// the first; a group needs two files (a lone file is checked as itself).
import { dirname } from 'node:path';
import type { DocumentGroup, PolicylintConfig } from '../cli/config';
import { discoverFiles } from '../cli/discover';
import { isIgnored } from './ignore';

export interface GroupMembers {
  /** The group's place in the configuration's `documents` list. */
  readonly index: number;
  readonly name: string | undefined;
  /** Absolute paths of the members, in document order. */
  readonly paths: readonly string[];
}

/** The groups of one configuration file. `governs(path)` says whether this configuration is the file's own. */
export async function readGroups(
  configPath: string,
  config: PolicylintConfig,
  governs: (absolutePath: string) => Promise<boolean>,
): Promise<GroupMembers[]> {
  const groups: GroupMembers[] = [];
  const claimed = new Set<string>();
  for (const [index, group] of (config.documents ?? []).entries()) {
    const paths: string[] = [];
    for (const path of await groupFiles(group, configPath)) {
      if (claimed.has(path) || isIgnored(config, configPath, path) || !(await governs(path))) continue;
      paths.push(path);
    }
    if (paths.length < 2) continue;
    for (const path of paths) claimed.add(path);
    groups.push({ index, name: group.name, paths });
  }
  return groups;
}

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
