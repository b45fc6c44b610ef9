// The `policylint` command: arguments → files → configuration → engine → one output format → exit code.
// Everything process-specific (cwd, environment, streams, version) comes in through `CliEnvironment`.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, resolveLocale, type EngineOptions, type Locale } from '../engine';
import { isIgnored } from '../config/ignore';
import { localeArgument, parseCommandLine, type CheckCommand } from './args';
import { checkFile, noticeLine, optionsForConfig, type CheckSettings, type FileOutcome, type FileToCheck } from './check-file';
import { readGroups, type GroupMembers } from '../config/groups';
import { checkGroupFiles } from './groups';
import { cliMessage } from './messages';
import { ConfigFinder, emptyConfig, loadConfigFile, type LoadedConfig, type PolicylintConfig } from './config';
import { discoverFiles, displayPathOf } from './discover';
import { checkOnThreads, threadsWorthUsing, type PoolTask } from './pool';
import { runMap } from './map';
import { exitCodeFor } from './report';
import { openReport } from './output';

export { messageOf } from './check-file';

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

/** The worker bundle, built beside dist/cli.js. */
const WORKER_BUNDLE = 'cli-worker.js';

/**
 * The worker bundle beside the running CLI bundle, if it is there. Run from the TypeScript sources (tests that
 * import this module under tsx) there is none, and files are checked in the main thread.
 */
function workerScriptPath(): string | undefined {
  const path = join(__dirname, WORKER_BUNDLE);
  return existsSync(path) ? path : undefined;
}

interface UsableConfig {
  readonly config: PolicylintConfig;
  /** Absent for the built-in defaults (no configuration file). */
  readonly path?: string;
}

/** Takes a written outcome's place, so its report is referenced once, by the list the formatters read. */
const WRITTEN: FileOutcome = Object.freeze({});

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
  let failed = false;
  const reportedConfigs = new Set<string>();
  /** A configuration's settings, or its errors (reported with the first file it applies to, and only there). */
  const usable = (loaded: LoadedConfig | undefined): UsableConfig | { stderr: string } => {
    if (!loaded) return { config: emptyConfig };
    if ('result' in loaded && 'config' in loaded.result) return { config: loaded.result.config, path: loaded.path };
    let stderr = '';
    if (!reportedConfigs.has(loaded.path)) {
      reportedConfigs.add(loaded.path);
      const shown = displayPathOf(loaded.path, cwd);
      if ('unreadable' in loaded) stderr = noticeLine(uiLocale, 'cannotRead', shown, loaded.unreadable);
      else if ('errors' in loaded.result) {
        for (const error of loaded.result.errors) stderr += `${shown}:${error.line}:${error.column} ${error.message}\n`;
      }
    }
    return { stderr };
  };

  let explicitConfig: UsableConfig | undefined;
  if (command.configPath !== undefined) {
    const configPath = isAbsolute(command.configPath) ? command.configPath : resolve(cwd, command.configPath);
    const found = usable(await loadConfigFile(configPath, uiLocale));
    // Checking with settings the user did not ask for would report the wrong problems.
    if ('stderr' in found) {
      writeErr(found.stderr);
      return EXIT_FAILURE;
    }
    explicitConfig = found;
  }
  const finder = new ConfigFinder(uiLocale);
  const environmentLocale = localeFromEnvironment(environment.env);
  const settings: CheckSettings = {
    explicitLocale: command.locale,
    fallbackLocale: environmentLocale,
    maxFileSize: command.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    uiLocale,
  };

  const discovery = await discoverFiles(command.paths, cwd);
  for (const problem of discovery.problems) writeErr(noticeLine(uiLocale, 'cannotRead', problem.path, problem.reason));
  if (discovery.problems.length > 0) failed = true;

  // Settle configuration for every file first (cheap: one lookup per folder), then check. Outcomes are written
  // strictly in file order, however the checks finish, so stdout and stderr never depend on scheduling.
  const outcomes: (FileOutcome | undefined)[] = [];
  const tasks: PoolTask[] = [];
  const taskFileIndex: number[] = [];
  const optionsByConfig = new Map<string | undefined, EngineOptions>();
  // `documents:` groups: members are checked together, in the main thread, once per group.
  const groupsByConfig = new Map<string, Promise<GroupMembers[]>>();
  const grouped = new Map<GroupMembers, { options: EngineOptions; requested: Map<string, FileToCheck>; fileIndex: Map<string, number> }>();
  const groupOf = async (found: UsableConfig, path: string): Promise<GroupMembers | undefined> => {
    if (found.path === undefined || !found.config.documents?.length) return undefined;
    const configPath = found.path;
    let groups = groupsByConfig.get(configPath);
    if (!groups) {
      // With --config every file takes that configuration; otherwise a nearer configuration file governs its own folder.
      const governs = async (member: string): Promise<boolean> => explicitConfig !== undefined || (await finder.forFile(member))?.path === configPath;
      groupsByConfig.set(configPath, (groups = readGroups(configPath, found.config, governs)));
    }
    return (await groups).find((group) => group.paths.includes(path));
  };
  for (const file of discovery.files) {
    const found = explicitConfig ?? usable(await finder.forFile(file.absolutePath));
    if ('stderr' in found) {
      outcomes.push({ stderr: found.stderr, failed: true });
      continue;
    }
    if (found.path !== undefined && isIgnored(found.config, found.path, file.absolutePath)) {
      outcomes.push({});
      continue;
    }
    let options = optionsByConfig.get(found.path);
    if (!options) {
      options = optionsForConfig(found.config, settings);
      optionsByConfig.set(found.path, options);
    }
    const group = await groupOf(found, file.absolutePath);
    if (group) {
      let entry = grouped.get(group);
      if (!entry) grouped.set(group, (entry = { options, requested: new Map(), fileIndex: new Map() }));
      entry.requested.set(file.absolutePath, file);
      entry.fileIndex.set(file.absolutePath, outcomes.length);
      outcomes.push(undefined);
      continue;
    }
    taskFileIndex.push(outcomes.length);
    outcomes.push(undefined);
    tasks.push({ file, configPath: found.path, options });
  }

  const output = openReport(command.format, {
    write: environment.writeOut,
    text: { color: environment.stdoutIsTTY && !environment.env.NO_COLOR, locale: uiLocale },
    toolVersion: environment.version,
    sarifLocale: command.locale ?? explicitConfig?.config.locale ?? environmentLocale,
  });
  let written = 0;
  const writeReady = (): void => {
    while (written < outcomes.length) {
      const outcome = outcomes[written];
      if (outcome === undefined) return;
      if (outcome.stderr) writeErr(outcome.stderr);
      if (outcome.report) output.add(outcome.report);
      if (outcome.failed) failed = true;
      outcomes[written++] = WRITTEN;
    }
  };
  const settle = (taskIndex: number, outcome: FileOutcome): void => {
    outcomes[taskFileIndex[taskIndex]!] = outcome;
    writeReady();
  };
  writeReady();

  for (const [group, { options, requested, fileIndex }] of grouped) {
    const results = checkGroupFiles(group, requested, options, cwd, uiLocale);
    for (const [path, index] of fileIndex) outcomes[index] = results.get(path) ?? {};
    writeReady();
  }

  // An explicit --jobs is followed (one file per thread at most); the default uses more than the main thread only
  // when there is enough text to repay a worker's start-up. With more than one, each is a worker (pool.ts).
  const threads = command.jobs !== undefined ? Math.min(command.jobs, tasks.length) : await threadsWorthUsing(tasks, availableParallelism());
  const workerScript = threads > 1 ? workerScriptPath() : undefined;
  if (workerScript !== undefined) {
    await checkOnThreads(tasks, { workerScript, workers: threads, settings }, settle);
  } else {
    for (const [index, task] of tasks.entries()) settle(index, checkFile(task.file, task.options, uiLocale));
  }

  const summary = output.finish();
  if (failed) return EXIT_FAILURE;
  return exitCodeFor(summary, command.maxWarnings) === 0 ? EXIT_OK : EXIT_PROBLEMS;
}
