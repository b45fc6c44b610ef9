// Which `documents:` group of its configuration file a document belongs to, and the group's files in order.
//
// Each entry of `files` is read like a path on the CLI command line, relative to the configuration file's folder:
// a file, a folder (its Markdown files), or a glob (Markdown files only; no node_modules, no dot folders). The
// group's order is the order of the entries, and within one entry the order of the paths (sorted); a file matched
// by two entries keeps its first place. Files the configuration's `ignore` matches, and files another (nearer)
// configuration file governs, are not members. A document in two groups belongs to the first. A group needs two
// files: a lone file is checked as itself.
import { pathToFileURL } from 'node:url';
import type { PolicylintConfig } from '../cli/config';
import { groupFiles } from '../config/groups';
import { isIgnored } from '../config/ignore';
import { filePathOf, type ConfigStore } from './configStore';

export { groupFiles } from '../config/groups';

export interface GroupMembership {
  /** The configuration file and the group's place in it: names the group. */
  readonly key: string;
  readonly name: string | undefined;
  /** Absolute paths of the group's files, in document order. */
  readonly paths: readonly string[];
}

/** Group memberships per configuration file, read from disk once and kept until `invalidate`. */
export class GroupIndex {
  private readonly byConfig = new Map<string, Promise<GroupMembership[]>>();

  constructor(private readonly configs: ConfigStore) {}

  /**
   * Configuration files or the set of Markdown files changed: read the groups again when next asked. True when a
   * configuration with `documents:` had been read, i.e. when a group may have changed.
   */
  invalidate(): boolean {
    const hadGroups = this.byConfig.size > 0;
    this.byConfig.clear();
    return hadGroups;
  }

  async groupOf(uri: string): Promise<GroupMembership | undefined> {
    const path = filePathOf(uri);
    if (path === undefined) return undefined;
    const found = await this.configs.forDocument(uri);
    if (found.path === undefined || found.ignored || !found.config.documents?.length) return undefined;
    const groups = await this.groupsOf(found.path, found.config);
    return groups.find((group) => group.paths.includes(path));
  }

  private groupsOf(configPath: string, config: PolicylintConfig): Promise<GroupMembership[]> {
    let groups = this.byConfig.get(configPath);
    if (!groups) {
      groups = this.read(configPath, config);
      this.byConfig.set(configPath, groups);
    }
    return groups;
  }

  private async read(configPath: string, config: PolicylintConfig): Promise<GroupMembership[]> {
    const groups: GroupMembership[] = [];
    const claimed = new Set<string>();
    for (const [index, group] of (config.documents ?? []).entries()) {
      const paths: string[] = [];
      for (const path of await groupFiles(group, configPath)) {
        if (claimed.has(path) || isIgnored(config, configPath, path)) continue;
        if ((await this.configs.forDocument(pathToFileURL(path).href)).path !== configPath) continue;
        paths.push(path);
      }
      if (paths.length < 2) continue;
      for (const path of paths) claimed.add(path);
      groups.push({ key: `${configPath}#${index}`, name: group.name, paths });
    }
    return groups;
  }
}
