// Everything a handler needs for one open document: the buffer, its settings turned into engine options, and
// the cached analysis of its current version.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngineOptions, Locale } from '../engine';
import type { Analysis, AnalysisCache } from './analysis';
import type { ClientFeatures } from './capabilities';
import { isConfigUri, type ConfigStore } from './configStore';
import { workspaceCheckEnabled } from './configWorkspaceCheck';
import { GroupChecks } from './groups';
import { toEngineOptions, type SettingsStore } from './settings';

export interface Snapshot {
  readonly document: TextDocument;
  readonly options: EngineOptions;
  readonly analysis: Analysis;
}

export class Session {
  /** `documents:` groups of the configuration files; absent without them. */
  readonly groups: GroupChecks | undefined;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly settings: SettingsStore,
    readonly cache: AnalysisCache,
    readonly features: ClientFeatures,
    readonly clientLocale: Locale,
    /** Configuration files; absent in tests that need settings only. */
    readonly configs?: ConfigStore,
  ) {
    this.groups = configs ? new GroupChecks(this, configs, () => workspaceCheckEnabled(this, configs.folders())) : undefined;
  }

  async engineOptions(uri: string): Promise<EngineOptions> {
    const settings = await this.settings.forResource(uri);
    const found = await this.configs?.forDocument(uri);
    return toEngineOptions(settings, this.clientLocale, found?.config, found?.ignored);
  }

  /** The analysis of the document's current version, or undefined if the document is not open (or is a configuration file). */
  async snapshot(uri: string): Promise<Snapshot | undefined> {
    if (isConfigUri(uri)) return undefined;
    const options = await this.engineOptions(uri);
    const document = this.documents.get(uri);
    if (!document) return undefined;
    return { document, options, analysis: this.cache.get(document, options) };
  }

  /**
   * Like `snapshot`, with the findings of the document's `documents:` group when it belongs to one (what quick fixes
   * need); undefined also when the buffer changed while the group was read.
   */
  async checkedSnapshot(uri: string): Promise<Snapshot | undefined> {
    const snapshot = await this.snapshot(uri);
    return snapshot && this.groups ? this.groups.withGroup(snapshot) : snapshot;
  }
}
