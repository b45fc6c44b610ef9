// Project configuration: .policylint.yaml or .policylint.json, data only (nothing in it is ever executed).
//
//   locale: zh-CN                  # or en
//   rules:
//     some-rule: off               # off | hint | information | warning | error
//     other-rule: { severity: warning, someOption: 3 }
//   exemptSections: [摘要, 结论]    # replaces the default list of summary sections
//   citationScope: sentence        # sentence | clause | paragraph
//   glossary: [ { term: { zh-CN: …, en: … }, definition: { zh-CN: …, en: … } } ]
//   framework: { mode: extend, tiers: [ … ] }
//   ignore: [drafts/old/**]        # globs, relative to the configuration file's folder
//   documents: [ { name: 报告, files: [chapters/*.md] } ]
//
// `parseConfig` is pure so the language server can reuse it; errors carry the 1-based line and column of
// the offending node, in the requested language. The rest of this file finds the nearest configuration above a file.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { SeveritySetting } from '../engine/finding';
import type { Locale } from '../engine/i18n';
import type { RuleSetting } from '../engine/options';
import { ruleById } from '../engine/rules';
import { mergeFramework, paperFramework, type Framework } from '../engine/framework';
import { mergeGlossary, paperGlossary, readGlossaryEntries, type Glossary } from '../engine/glossary';
import { configMessage, type ConfigMessageKey } from '../config/messages';
import { describeFsError } from './discover';

export const CONFIG_FILE_NAMES = ['.policylint.yaml', '.policylint.json'] as const;

const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];
const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const CITATION_SCOPES = ['sentence', 'clause', 'paragraph'] as const;
export type CitationScope = (typeof CITATION_SCOPES)[number];
export const CONFIG_KEYS = ['rules', 'locale', 'exemptSections', 'citationScope', 'glossary', 'framework', 'ignore', 'documents'] as const;

/** A group of files checked as one document (config/groups.ts, cli/groups.ts, lsp/groups.ts). */
export interface DocumentGroup {
  readonly name?: string;
  readonly files: readonly string[];
}

/** Optional keys are present only when the file sets them. */
export interface PolicylintConfig {
  readonly locale: Locale | undefined;
  readonly rules: { readonly [ruleId: string]: RuleSetting };
  readonly exemptSections?: readonly string[];
  readonly citationScope?: CitationScope;
  /** The bundled glossary with the file's entries merged in. */
  readonly glossary?: Glossary;
  /** The bundled framework replaced or extended by the file's. */
  readonly framework?: Framework;
  /** Globs relative to the configuration file's folder; matching files are not checked. */
  readonly ignore?: readonly string[];
  readonly documents?: readonly DocumentGroup[];
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

type Report = (offset: number, key: ConfigMessageKey, ...args: string[]) => void;

/** Parses and validates a configuration file's text; `path` decides whether JSON or YAML rules apply. */
export function parseConfig(text: string, path: string, locale: Locale = 'en'): ConfigParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const document = parseDocument(source, {
    lineCounter,
    prettyErrors: false,
    // JSON files get JSON's scalars: an unquoted word is an error there, not a string.
    schema: /\.json$/i.test(path) ? 'json' : 'core',
  });
  const errors: ConfigError[] = [];
  const reportText = (offset: number, message: string): void => {
    const { line, col } = lineCounter.linePos(offset);
    errors.push({ line, column: col, message });
  };
  const report: Report = (offset, key, ...args) => reportText(offset, configMessage(locale, key, ...args));
  // The YAML library's own syntax messages exist in English only.
  for (const problem of [...document.errors, ...document.warnings]) reportText(problem.pos[0], problem.message);
  if (errors.length > 0) return { errors };

  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config: emptyConfig };
  if (!isMap(root)) {
    report(startOf(root), 'notMapping');
    return { errors };
  }

  const config: { -readonly [K in keyof PolicylintConfig]: PolicylintConfig[K] } = { locale: undefined, rules: {} };
  const rules: { [ruleId: string]: RuleSetting } = {};
  config.rules = rules;
  for (const pair of root.items) {
    const key = scalarString(pair.key);
    const at = startOf(pair.value, pair.key);
    if (key === undefined) {
      report(startOf(pair.key, root), 'plainKeys');
    } else if (key === 'locale') {
      const value = scalarString(pair.value);
      if (value !== undefined && (LOCALES as readonly string[]).includes(value)) config.locale = value as Locale;
      else report(at, 'locale', LOCALES.join(', '));
    } else if (key === 'rules') {
      validateRules(pair.value, pair.key, rules, report);
    } else if (key === 'exemptSections') {
      const list = stringList(pair.value, key, at, report);
      if (list) config.exemptSections = list;
    } else if (key === 'ignore') {
      const list = stringList(pair.value, key, at, report);
      if (list && list.every((glob) => staysInside(glob, key, at, report))) config.ignore = list;
    } else if (key === 'citationScope') {
      const value = scalarString(pair.value);
      if (value !== undefined && (CITATION_SCOPES as readonly string[]).includes(value)) config.citationScope = value as CitationScope;
      else report(at, 'citationScope', CITATION_SCOPES.join(', '));
    } else if (key === 'glossary') {
      const glossary = readGlossary(pair.value, at, report, reportText, locale);
      if (glossary) config.glossary = glossary;
    } else if (key === 'framework') {
      const framework = readFramework(pair.value, at, report, reportText, locale);
      if (framework) config.framework = framework;
    } else if (key === 'documents') {
      const documents = readDocuments(pair.value, at, report);
      if (documents) config.documents = documents;
    } else if (key !== '$schema') {
      report(startOf(pair.key, root), 'unknownKey', key, CONFIG_KEYS.join(', '));
    }
  }
  return errors.length > 0 ? { errors } : { config };
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (isScalar(value) && value.value === null);
}

function stringList(value: unknown, key: string, at: number, report: Report): string[] | undefined {
  if (isSeq(value) && value.items.every((item) => (scalarString(item) ?? '').trim() !== '')) {
    return value.items.map((item) => scalarString(item)!.trim());
  }
  report(at, 'stringList', key);
  return undefined;
}

/** Paths and globs in a configuration may never reach outside the folder that holds it (the workspace). */
function staysInside(glob: string, key: string, at: number, report: Report): boolean {
  const escapes = /^([/\\]|[A-Za-z]:)/.test(glob) || glob.split(/[/\\]/).includes('..');
  if (escapes) report(at, 'escapingPath', key);
  return !escapes;
}

/** The plain data of a node; undefined (with an error) when it uses aliases. */
function plainData(value: unknown, at: number, report: Report): unknown {
  if (containsAlias(value)) {
    report(at, 'aliases');
    return undefined;
  }
  return (value as Node | null)?.toJSON() ?? null;
}

function readGlossary(
  value: unknown,
  at: number,
  report: Report,
  reportText: (offset: number, message: string) => void,
  locale: Locale,
): Glossary | undefined {
  if (isEmpty(value)) return undefined;
  const data = plainData(value, at, report);
  if (data === undefined) return undefined;
  const { entries, issues } = readGlossaryEntries(data, 'glossary');
  for (const issue of issues) reportText(startOf(nodeAtPath(value, issue.path, 'glossary'), value), issue.message[locale]);
  return issues.length > 0 ? undefined : mergeGlossary(paperGlossary, entries);
}

function readFramework(
  value: unknown,
  at: number,
  report: Report,
  reportText: (offset: number, message: string) => void,
  locale: Locale,
): Framework | undefined {
  if (isEmpty(value)) return undefined;
  if (!isMap(value)) {
    report(at, 'frameworkMapping');
    return undefined;
  }
  const data = plainData(value, at, report);
  if (data === undefined) return undefined;
  const { mode = 'extend', ...fields } = data as Record<string, unknown>;
  if (mode !== 'replace' && mode !== 'extend') {
    const modePair = value.items.find((pair) => scalarString(pair.key) === 'mode');
    report(startOf(modePair?.value, modePair?.key), 'frameworkMode');
    return undefined;
  }
  const { framework, issues } = mergeFramework(paperFramework, fields, mode);
  // Every issue counts, warnings too: an ignored field in a shared file is almost always a typo.
  const located = issues.filter((issue) => issue.path !== '(framework)' || issues.length === 1);
  for (const issue of located) reportText(startOf(nodeAtPath(value, issue.path), value), issue.message[locale]);
  return located.length > 0 ? undefined : framework;
}

function readDocuments(value: unknown, at: number, report: Report): DocumentGroup[] | undefined {
  if (isEmpty(value)) return undefined;
  if (!isSeq(value)) {
    report(at, 'documentsList');
    return undefined;
  }
  const groups: DocumentGroup[] = [];
  let valid = true;
  for (const item of value.items) {
    if (!isMap(item)) {
      report(startOf(item, value), 'documentsList');
      valid = false;
      continue;
    }
    let name: string | undefined;
    let files: string[] | undefined;
    for (const pair of item.items) {
      const key = scalarString(pair.key);
      const where = startOf(pair.value, pair.key);
      if (key === 'name' && scalarString(pair.value) !== undefined) name = scalarString(pair.value);
      else if (key === 'files') {
        files = stringList(pair.value, 'documents.files', where, report);
        if (files && !files.every((glob) => staysInside(glob, 'documents.files', where, report))) files = undefined;
      } else if (key !== 'name') report(startOf(pair.key, item), 'documentsKey', key ?? '?');
      else report(where, 'documentsList');
    }
    if (!files) {
      if (!item.items.some((pair) => scalarString(pair.key) === 'files')) report(startOf(item, value), 'documentsList');
      valid = false;
      continue;
    }
    groups.push(name === undefined ? { files } : { name, files });
  }
  return valid ? groups : undefined;
}

/**
 * The node an issue path such as "tiers[1].cues[0]" (or "glossary[2].term") names, or the deepest node on the
 * way there; `prefix` is a leading segment that names `root` itself.
 */
export function nodeAtPath(root: unknown, path: string, prefix?: string): unknown {
  const segments = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]!));
  if (prefix !== undefined && segments[0] === prefix) segments.shift();
  let node: unknown = root;
  for (const segment of segments) {
    let next: unknown;
    if (typeof segment === 'number' && isSeq(node)) next = node.items[segment];
    else if (typeof segment === 'string' && isMap(node)) next = node.items.find((pair) => scalarString(pair.key) === segment)?.value;
    if (next === undefined || next === null) break;
    node = next;
  }
  return node;
}

function validateRules(
  value: unknown,
  key: unknown,
  rules: { [ruleId: string]: RuleSetting },
  report: Report,
): void {
  if (isEmpty(value)) return;
  if (!isMap(value)) {
    report(startOf(value, key), 'rulesMapping');
    return;
  }
  for (const pair of value.items) {
    const ruleId = scalarString(pair.key);
    if (ruleId === undefined) {
      report(startOf(pair.key, value), 'ruleIdWords');
      continue;
    }
    if (!ruleById(ruleId)) {
      report(startOf(pair.key, value), 'unknownRule', ruleId);
      continue;
    }
    const setting = pair.value;
    const severity = scalarString(setting);
    if (severity !== undefined) {
      if (isSeverity(severity)) rules[ruleId] = severity;
      else report(startOf(setting, pair.key), 'severity', describeValue(setting), ruleId);
    } else if (isMap(setting)) {
      const ruleSetting = validateRuleMapping(ruleId, setting, report);
      if (ruleSetting) rules[ruleId] = ruleSetting;
    } else {
      report(startOf(setting, pair.key), 'ruleShape', ruleId);
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
      report(startOf(pair.key, mapping), 'optionWords', ruleId);
      valid = false;
    } else if (option === 'severity') {
      const severity = scalarString(pair.value);
      if (severity !== undefined && isSeverity(severity)) setting.severity = severity;
      else {
        report(startOf(pair.value, pair.key), 'severity', describeValue(pair.value), ruleId);
        valid = false;
      }
    } else if (containsAlias(pair.value)) {
      report(startOf(pair.value, pair.key), 'aliases');
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
export async function loadConfigFile(absolutePath: string, locale: Locale = 'en'): Promise<LoadedConfig> {
  try {
    return { path: absolutePath, result: parseConfig(await readFile(absolutePath, 'utf8'), absolutePath, locale) };
  } catch (error) {
    const absent = ABSENT_CODES.includes((error as NodeJS.ErrnoException).code);
    return { path: absolutePath, unreadable: describeFsError(error), absent };
  }
}

/** Finds the nearest configuration file above each checked file, reading each directory at most once. */
export class ConfigFinder {
  private readonly byDirectory = new Map<string, Promise<LoadedConfig | undefined>>();

  constructor(private readonly locale: Locale = 'en') {}

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
      const loaded = await loadConfigFile(join(directory, name), this.locale);
      // Absent here: keep walking up. Present but unreadable: that is this folder's configuration, and an error.
      if (!('absent' in loaded && loaded.absent)) return loaded;
    }
    const parent = dirname(directory);
    return parent === directory ? undefined : this.forDirectory(parent);
  }
}
