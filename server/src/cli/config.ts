// Project configuration: .policylint.yaml or .policylint.json, data only (nothing in it is ever executed).
//
//   locale: zh-CN                  # or en
//   rules:
//     some-rule: off               # off | hint | information | warning | error
//     other-rule: { severity: warning, someOption: 3 }
//
// `parseConfig` is pure so the language server can reuse it; errors carry the 1-based line and column of
// the offending node. The rest of this file finds the nearest configuration above a file.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isAlias, isCollection, isMap, isPair, isScalar, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { SeveritySetting } from '../engine/finding';
import type { Locale } from '../engine/i18n';
import type { RuleSetting } from '../engine/options';
import { ruleById } from '../engine/rules';
import { describeFsError } from './discover';

export const CONFIG_FILE_NAMES = ['.policylint.yaml', '.policylint.json'] as const;

const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];
const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const SEVERITY_LIST = 'off, hint, information, warning or error';

export interface PolicylintConfig {
  readonly locale: Locale | undefined;
  readonly rules: { readonly [ruleId: string]: RuleSetting };
}

export interface ConfigError {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
  readonly message: string;
}

export type ConfigParseResult = { readonly config: PolicylintConfig } | { readonly errors: readonly ConfigError[] };

export const emptyConfig: PolicylintConfig = { locale: undefined, rules: {} };

/** Parses and validates a configuration file's text; `path` decides whether JSON or YAML rules apply. */
export function parseConfig(text: string, path: string): ConfigParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const document = parseDocument(source, {
    lineCounter,
    prettyErrors: false,
    // JSON files get JSON's scalars: an unquoted word is an error there, not a string.
    schema: /\.json$/i.test(path) ? 'json' : 'core',
  });
  const errors: ConfigError[] = [];
  const report = (offset: number, message: string): void => {
    const { line, col } = lineCounter.linePos(offset);
    errors.push({ line, column: col, message });
  };
  for (const problem of [...document.errors, ...document.warnings]) report(problem.pos[0], problem.message);
  if (errors.length > 0) return { errors };

  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config: emptyConfig };
  if (!isMap(root)) {
    report(startOf(root), "the configuration must be a mapping with the keys 'rules' and 'locale'");
    return { errors };
  }

  let locale: Locale | undefined;
  const rules: { [ruleId: string]: RuleSetting } = {};
  for (const pair of root.items) {
    const key = scalarString(pair.key);
    if (key === undefined) {
      report(startOf(pair.key, root), 'configuration keys must be plain words');
    } else if (key === 'locale') {
      const value = scalarString(pair.value);
      if (value !== undefined && (LOCALES as readonly string[]).includes(value)) locale = value as Locale;
      else report(startOf(pair.value, pair.key), `'locale' must be one of ${LOCALES.join(', ')}`);
    } else if (key === 'rules') {
      validateRules(pair.value, pair.key, rules, report);
    } else if (key !== '$schema') {
      report(startOf(pair.key, root), `unknown key '${key}' (expected 'rules' or 'locale')`);
    }
  }
  return errors.length > 0 ? { errors } : { config: { locale, rules } };
}

type Report = (offset: number, message: string) => void;

function validateRules(
  value: unknown,
  key: unknown,
  rules: { [ruleId: string]: RuleSetting },
  report: Report,
): void {
  if (value === null || (isScalar(value) && value.value === null)) return;
  if (!isMap(value)) {
    report(startOf(value, key), "'rules' must be a mapping from rule id to severity");
    return;
  }
  for (const pair of value.items) {
    const ruleId = scalarString(pair.key);
    if (ruleId === undefined) {
      report(startOf(pair.key, value), 'rule ids must be plain words');
      continue;
    }
    if (!ruleById(ruleId)) {
      report(startOf(pair.key, value), `unknown rule '${ruleId}'`);
      continue;
    }
    const setting = pair.value;
    const severity = scalarString(setting);
    if (severity !== undefined) {
      if (isSeverity(severity)) rules[ruleId] = severity;
      else report(startOf(setting, pair.key), `invalid severity ${describeValue(setting)} for rule '${ruleId}' (expected ${SEVERITY_LIST})`);
    } else if (isMap(setting)) {
      const ruleSetting = validateRuleMapping(ruleId, setting, report);
      if (ruleSetting) rules[ruleId] = ruleSetting;
    } else {
      report(
        startOf(setting, pair.key),
        `rule '${ruleId}' must be set to a severity (${SEVERITY_LIST}) or to a mapping with 'severity' and options`,
      );
    }
  }
}

function validateRuleMapping(
  ruleId: string,
  mapping: YAMLMap<unknown, unknown>,
  report: Report,
): RuleSetting | undefined {
  const setting: { [option: string]: unknown } = {};
  let valid = true;
  for (const pair of mapping.items) {
    const option = scalarString(pair.key);
    if (option === undefined) {
      report(startOf(pair.key, mapping), `options of rule '${ruleId}' must be named by plain words`);
      valid = false;
    } else if (option === 'severity') {
      const severity = scalarString(pair.value);
      if (severity !== undefined && isSeverity(severity)) setting.severity = severity;
      else {
        report(startOf(pair.value, pair.key), `invalid severity ${describeValue(pair.value)} for rule '${ruleId}' (expected ${SEVERITY_LIST})`);
        valid = false;
      }
    } else if (containsAlias(pair.value)) {
      report(startOf(pair.value, pair.key), 'aliases are not allowed in a configuration');
      valid = false;
    } else {
      // defineProperty, so an option named "__proto__" stays an ordinary key.
      const value: unknown = (pair.value as Node | null)?.toJSON() ?? null;
      Object.defineProperty(setting, option, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return valid ? setting : undefined;
}

function isSeverity(value: string): value is SeveritySetting {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** The string value of a scalar node (not numbers, booleans or null), else undefined. */
function scalarString(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** How a value reads in a message: 'fatal', 3, true, a list, a mapping, nothing. */
function describeValue(node: unknown): string {
  if (isScalar(node)) return typeof node.value === 'string' ? `'${node.value}'` : String(node.value);
  if (isMap(node)) return 'a mapping';
  if (isCollection(node)) return 'a list';
  return 'nothing';
}

function containsAlias(node: unknown): boolean {
  if (isAlias(node)) return true;
  if (isPair(node)) return containsAlias(node.key) || containsAlias(node.value);
  return isCollection(node) && node.items.some(containsAlias);
}

/** Offset of a node, or of a fallback node when the first is missing (`key:` with no value). */
function startOf(node: unknown, fallback?: unknown): number {
  for (const candidate of [node, fallback]) {
    const range = (candidate as { range?: readonly number[] | null } | null | undefined)?.range;
    if (range) return range[0] ?? 0;
  }
  return 0;
}

export type LoadedConfig =
  | {
      /** Absolute path of the configuration file. */
      readonly path: string;
      readonly result: ConfigParseResult;
    }
  | {
      readonly path: string;
      /** Why it could not be read, as in "cannot read 'x': no such file". */
      readonly unreadable: string;
      /** Nothing there at all (as opposed to a file we may not read). */
      readonly absent: boolean;
    };

const ABSENT_CODES: readonly (string | undefined)[] = ['ENOENT', 'ENOTDIR', 'EISDIR'];

/** Reads and parses a configuration file. */
export async function loadConfigFile(absolutePath: string): Promise<LoadedConfig> {
  try {
    return { path: absolutePath, result: parseConfig(await readFile(absolutePath, 'utf8'), absolutePath) };
  } catch (error) {
    const absent = ABSENT_CODES.includes((error as NodeJS.ErrnoException).code);
    return { path: absolutePath, unreadable: describeFsError(error), absent };
  }
}

/** Finds the nearest configuration file above each checked file, reading each directory at most once. */
export class ConfigFinder {
  private readonly byDirectory = new Map<string, Promise<LoadedConfig | undefined>>();

  forFile(absoluteFilePath: string): Promise<LoadedConfig | undefined> {
    return this.forDirectory(dirname(absoluteFilePath));
  }

  private forDirectory(directory: string): Promise<LoadedConfig | undefined> {
    let found = this.byDirectory.get(directory);
    if (!found) {
      found = this.search(directory);
      this.byDirectory.set(directory, found);
    }
    return found;
  }

  private async search(directory: string): Promise<LoadedConfig | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const loaded = await loadConfigFile(join(directory, name));
      // Absent here: keep walking up. Present but unreadable: that is this folder's configuration, and an error.
      if (!('absent' in loaded && loaded.absent)) return loaded;
    }
    const parent = dirname(directory);
    return parent === directory ? undefined : this.forDirectory(parent);
  }
}
