// The `policylint` command: arguments → files → configuration → engine → one output format → exit code.
// Everything process-specific (cwd, environment, streams, version) comes in through `CliEnvironment`.
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, lintText, resolveLocale, rules, type Locale } from '../engine';
import { ruleDocPath } from '../engine/docs';
import { engineOptionsFor } from '../config/options';
import { isIgnored } from '../config/ignore';
import { localeArgument, parseCommandLine, type CheckCommand } from './args';
import { cliMessage, localizeReason } from './messages';
import { ConfigFinder, emptyConfig, loadConfigFile, type LoadedConfig, type PolicylintConfig } from './config';
import { discoverFiles, displayPathOf } from './discover';
import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { readMarkdownFile } from './read';
import { runMap } from './map';
import { exitCodeFor, summarize, toFileReport, type FileReport } from './report';

export interface CliEnvironment {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  /** The package version, bundled at build time. */
  readonly version: string;
  readonly writeOut: (text: string) => void;
  readonly writeErr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

/** POSIX precedence: LC_ALL overrides LC_MESSAGES overrides LANG. */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  return resolveLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  // The language of the CLI's own messages: --locale if given (even when other arguments are wrong), else the environment.
  const uiLocale = localeArgument(argv) ?? localeFromEnvironment(environment.env);
  const command = parseCommandLine(argv, uiLocale);
  switch (command.kind) {
    case 'help':
      environment.writeOut(cliMessage(uiLocale, 'help'));
      return EXIT_OK;
    case 'version':
      environment.writeOut(`${environment.version}\n`);
      return EXIT_OK;
    case 'usage-error':
      environment.writeErr(`policylint: ${command.message}\n${cliMessage(uiLocale, 'runHelp')}\n`);
      return EXIT_FAILURE;
    case 'check':
      return check(command, environment, uiLocale);
    case 'map':
      return runMap(command, environment, uiLocale);
  }
}

async function check(command: CheckCommand, environment: CliEnvironment, uiLocale: Locale): Promise<number> {
  const { cwd, writeErr } = environment;
  const notice = (key: 'cannotRead' | 'skipped' | 'internalError', path: string, reason: string): void =>
    writeErr(`policylint: ${cliMessage(uiLocale, key, path, localizeReason(reason, uiLocale))}\n`);
  let failed = false;
  const reportedConfigs = new Set<string>();
  /** Prints a configuration's errors once; returns its settings, or undefined when it is invalid. */
  const usable = (loaded: LoadedConfig | undefined): { config: PolicylintConfig; path?: string } | undefined => {
    if (!loaded) return { config: emptyConfig };
    if ('result' in loaded && 'config' in loaded.result) return { config: loaded.result.config, path: loaded.path };
    if (!reportedConfigs.has(loaded.path)) {
      reportedConfigs.add(loaded.path);
      const shown = displayPathOf(loaded.path, cwd);
      if ('unreadable' in loaded) notice('cannotRead', shown, loaded.unreadable);
      else if ('errors' in loaded.result) {
        for (const error of loaded.result.errors) writeErr(`${shown}:${error.line}:${error.column} ${error.message}\n`);
      }
    }
    failed = true;
    return undefined;
  };

  let explicitConfig: { config: PolicylintConfig; path?: string } | undefined;
  if (command.configPath !== undefined) {
    const configPath = isAbsolute(command.configPath) ? command.configPath : resolve(cwd, command.configPath);
    explicitConfig = usable(await loadConfigFile(configPath, uiLocale));
    // Checking with settings the user did not ask for would report the wrong problems.
    if (!explicitConfig) return EXIT_FAILURE;
  }
  const finder = new ConfigFinder(uiLocale);
  const environmentLocale = localeFromEnvironment(environment.env);

  const discovery = await discoverFiles(command.paths, cwd);
  for (const problem of discovery.problems) notice('cannotRead', problem.path, problem.reason);
  if (discovery.problems.length > 0) failed = true;

  const reports: FileReport[] = [];
  for (const file of discovery.files) {
    const found = explicitConfig ?? usable(await finder.forFile(file.absolutePath));
    if (!found) continue;
    const { config } = found;
    if (found.path !== undefined && isIgnored(config, found.path, file.absolutePath)) continue;
    const content = await readMarkdownFile(file.absolutePath);
    if (content.kind === 'skipped') {
      notice('skipped', file.displayPath, content.reason);
      continue;
    }
    if (content.kind === 'unreadable') {
      notice('cannotRead', file.displayPath, content.reason);
      failed = true;
      continue;
    }
    const options = engineOptionsFor({
      config,
      ...(command.locale !== undefined ? { explicitLocale: command.locale } : {}),
      fallbackLocale: environmentLocale,
      maxFileSize: command.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    });
    try {
      const { findings } = lintText(content.text, options);
      reports.push(toFileReport(file.displayPath, content.text, findings));
    } catch (error) {
      notice('internalError', file.displayPath, messageOf(error));
      failed = true;
    }
  }

  environment.writeOut(render(command, reports, environment, explicitConfig?.config.locale ?? environmentLocale, uiLocale));
  if (failed) return EXIT_FAILURE;
  return exitCodeFor(summarize(reports), command.maxWarnings) === 0 ? EXIT_OK : EXIT_PROBLEMS;
}

function render(command: CheckCommand, reports: readonly FileReport[], environment: CliEnvironment, locale: Locale, uiLocale: Locale): string {
  switch (command.format) {
    case 'text':
      return formatText(reports, { color: environment.stdoutIsTTY && !environment.env.NO_COLOR, locale: uiLocale });
    case 'json':
      return formatJson(reports);
    case 'github':
      return formatGithub(reports);
    case 'sarif':
      return formatSarif(reports, {
        toolVersion: environment.version,
        rules,
        locale: command.locale ?? locale,
        docPath: ruleDocPath,
      });
  }
}

export function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
