// Which `documents:` group of its configuration file a document belongs to, and the group's files in order
// (config/groups.ts reads them, as the CLI does; here a document's own configuration comes from the ConfigStore).
import { pathToFileURL } from 'node:url';
import type { PolicylintConfig } from '../cli/config';
import { readGroups } from '../config/groups';
import { filePathOf, type ConfigStore } from './configStore';

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
    const governs = async (path: string): Promise<boolean> => (await this.configs.forDocument(pathToFileURL(path).href)).path === configPath;
    const groups = await readGroups(configPath, config, governs);
    return groups.map(({ index, name, paths }) => ({ key: `${configPath}#${index}`, name, paths }));
  }
}
