// The server's view of the `policylint.*` settings: one typed shape, parsed leniently (anything malformed
// falls back to its default), read per resource and forgotten whenever the configuration changes.
//
// Where settings come from, in order of preference:
//   1. `workspace/configuration` with section `policylint` and the document's URI, when the client supports it;
//   2. otherwise the last `workspace/didChangeConfiguration` payload (`{ policylint: {...} }`);
//   3. otherwise `initializationOptions.settings` (the inner object, for clients such as Neovim or Helix).
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_MAX_FILE_SIZE, resolveLocale } from '../engine';
import type { EngineOptions, Locale, RuleSetting, SeveritySetting } from '../engine';
import { CITATION_SCOPES, emptyConfig, type CitationScope, type PolicylintConfig } from '../cli/config';
import { engineOptionsFor, type SettingsLayer } from '../config/options';

export const SETTINGS_SECTION = 'policylint';

export type RunMode = 'onSave' | 'onType';

export interface Settings {
  readonly run: RunMode;
  readonly maxFileSize: number;
  /** Undefined means "follow the client's locale". */
  readonly locale: Locale | undefined;
  readonly rules: { readonly [ruleId: string]: RuleSetting };
  /** Undefined: the engine's default (sentence), unless the configuration file sets it. */
  readonly citationScope?: CitationScope;
  /** Undefined: the engine's default list of summary sections, unless the configuration file sets it. */
  readonly exemptSections?: readonly string[];
  /** Check every Markdown file of the workspace folders, not only open ones. */
  readonly checkWorkspace?: boolean;
}

export const defaultSettings: Settings = {
  run: 'onSave',
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  locale: undefined,
  rules: {},
};

const SEVERITY_ALIASES: { readonly [alias: string]: SeveritySetting } = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  information: 'information',
  info: 'information',
  hint: 'hint',
  off: 'off',
  none: 'off',
};

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseSeverity(value: unknown): SeveritySetting | undefined {
  if (value === false) return 'off';
  if (typeof value !== 'string') return undefined;
  return SEVERITY_ALIASES[value.trim().toLowerCase()];
}

function parseRuleSetting(value: unknown): RuleSetting | undefined {
  const severity = parseSeverity(value);
  if (severity) return severity;
  if (!isRecord(value)) return undefined;
  // Keep rule options as given; only a malformed severity is dropped (the rule keeps its default).
  const { severity: rawSeverity, ...options } = value;
  const parsed = parseSeverity(rawSeverity);
  return parsed ? { ...options, severity: parsed } : options;
}

function parseRules(value: unknown): Settings['rules'] {
  if (!isRecord(value)) return {};
  const rules: { [ruleId: string]: RuleSetting } = {};
  for (const [ruleId, raw] of Object.entries(value)) {
    const setting = parseRuleSetting(raw);
    if (setting !== undefined) rules[ruleId] = setting;
  }
  return rules;
}

function parseLocale(value: unknown): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'auto') return undefined;
  return resolveLocale(trimmed);
}

function parseMaxFileSize(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : DEFAULT_MAX_FILE_SIZE;
}

function parseCitationScope(value: unknown): CitationScope | undefined {
  return typeof value === 'string' && (CITATION_SCOPES as readonly string[]).includes(value) ? (value as CitationScope) : undefined;
}

function parseExemptSections(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
  // An empty list in the settings UI means "not set", so the defaults stay on.
  return names.length > 0 ? names : undefined;
}

/** Reads the inner `policylint` object; never throws. */
export function parseSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return defaultSettings;
  const citationScope = parseCitationScope(raw['citationScope']);
  const exemptSections = parseExemptSections(raw['exemptSections']);
  return {
    run: raw['run'] === 'onType' ? 'onType' : 'onSave',
    maxFileSize: parseMaxFileSize(raw['maxFileSize']),
    locale: parseLocale(raw['locale']),
    rules: parseRules(raw['rules']),
    // Present only when set, so unset settings never shadow the configuration file's defaults.
    ...(citationScope !== undefined ? { citationScope } : {}),
    ...(exemptSections !== undefined ? { exemptSections } : {}),
    ...(raw['checkWorkspace'] === true ? { checkWorkspace: true } : {}),
  };
}

/**
 * Settings plus the document's configuration file (if any) → engine options, through the one mapping the CLI
 * uses too. The file wins over settings; see `engineOptionsFor`.
 */
export function toEngineOptions(
  settings: Settings,
  clientLocale: Locale,
  config: PolicylintConfig = emptyConfig,
  ignored = false,
): EngineOptions {
  const layer: { -readonly [K in keyof SettingsLayer]: SettingsLayer[K] } = { rules: settings.rules };
  if (settings.citationScope !== undefined) layer.citationScope = settings.citationScope;
  if (settings.exemptSections !== undefined) layer.exemptSections = settings.exemptSections;
  return engineOptionsFor({
    config,
    settings: layer,
    ...(settings.locale !== undefined ? { explicitLocale: settings.locale } : {}),
    fallbackLocale: clientLocale,
    maxFileSize: settings.maxFileSize,
    ignored,
  });
}

/** The locale to use when the `policylint.locale` setting is unset. */
export function clientLocaleOf(initializeLocale: string | undefined, initializationOptions: unknown): Locale {
  if (initializeLocale) return resolveLocale(initializeLocale);
  if (isRecord(initializationOptions) && typeof initializationOptions['locale'] === 'string') {
    return resolveLocale(initializationOptions['locale']);
  }
  return 'en';
}

export class SettingsStore {
  private readonly perResource = new Map<string, Promise<Settings>>();
  private pushed: Settings;

  constructor(
    private readonly connection: Connection,
    private readonly pullSupported: boolean,
    initializationOptions: unknown,
  ) {
    this.pushed = parseSettings(isRecord(initializationOptions) ? initializationOptions['settings'] : undefined);
  }

  forResource(uri: string): Promise<Settings> {
    if (!this.pullSupported) return Promise.resolve(this.pushed);
    let settings = this.perResource.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (raw: unknown) => parseSettings(raw),
        (error: unknown) => {
          this.connection.console.warn(`Could not read settings for ${uri}: ${String(error)}`);
          return this.pushed;
        },
      );
      this.perResource.set(uri, settings);
    }
    return settings;
  }

  /** Called on `workspace/didChangeConfiguration`; the payload matters only to clients without pull support. */
  changed(payload: unknown): void {
    this.perResource.clear();
    if (isRecord(payload) && SETTINGS_SECTION in payload) this.pushed = parseSettings(payload[SETTINGS_SECTION]);
  }

  forget(uri: string): void {
    this.perResource.delete(uri);
  }
}
