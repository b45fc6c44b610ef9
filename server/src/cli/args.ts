// Command-line arguments → a typed command. Pure: no process, no file system; every mistake becomes a
// usage error the entry point prints on stderr with exit code 2.
import { parseArgs } from 'node:util';
import type { Locale } from '../engine/i18n';
import { CLI_MESSAGES, cliMessage } from './messages';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof FORMATS)[number];

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export interface CheckCommand {
  readonly kind: 'check';
  /** Paths, directories or globs as given; empty means the current directory. */
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly configPath: string | undefined;
  /** Undefined means unlimited. */
  readonly maxWarnings: number | undefined;
  readonly locale: Locale | undefined;
  readonly maxFileSize: number | undefined;
  /** `--jobs`: how many threads may check files: that many workers, or with 1 the main thread alone. Absent when not given. */
  readonly jobs?: number;
}

export const MAP_FORMATS = ['html', 'mermaid', 'json'] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];

export interface MapCommand {
  readonly kind: 'map';
  readonly path: string;
  readonly format: MapFormat;
  /** Write here instead of standard output. */
  readonly outPath: string | undefined;
  readonly configPath: string | undefined;
  readonly locale: Locale | undefined;
}

export type Command =
  | CheckCommand
  | MapCommand
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage-error'; readonly message: string };

const OPTIONS = {
  format: { type: 'string' },
  config: { type: 'string' },
  'max-warnings': { type: 'string' },
  locale: { type: 'string' },
  'max-file-size': { type: 'string' },
  jobs: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function usageError(message: string): Command {
  return { kind: 'usage-error', message };
}

/** The `--locale` value on a command line, if it names a supported locale (used before full parsing succeeds). */
export function localeArgument(argv: readonly string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--locale' ? argv[i + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    if (value !== undefined && (LOCALES as readonly string[]).includes(value)) return value as Locale;
  }
  return undefined;
}

/** Node's parseArgs messages carry advice for its own API; keep only what a user needs. */
function describeParseError(error: unknown, locale: Locale): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return cliMessage(locale, 'unknownOption', unknown[1]!);
  const missing = /^Option '(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return cliMessage(locale, 'needsValue', missing[1]!);
  const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
  if (ambiguous) return cliMessage(locale, 'needsValueDash', ambiguous[1]!);
  const firstSentence = message.split(/\.\s/)[0] ?? message;
  return firstSentence.charAt(0).toLowerCase() + firstSentence.slice(1);
}

function parseCount(option: string, raw: string, locale: Locale): number | string {
  if (!/^\d+$/.test(raw)) return cliMessage(locale, 'wholeNumber', option, raw);
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : cliMessage(locale, 'tooLarge', option, raw);
}

/** `locale` is the language of usage errors. */
export function parseCommandLine(argv: readonly string[], locale: Locale = 'en'): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    return usageError(describeParseError(error, locale));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const [command, ...paths] = positionals;
  if (command === undefined) return usageError(cliMessage(locale, 'missingCommand'));
  if (command === 'help') return { kind: 'help' };
  if (command === 'version') return { kind: 'version' };
  if (command === 'map') return mapCommand(values, paths, locale);
  if (command !== 'check') return usageError(cliMessage(locale, 'unknownCommand', command));
  if (values.out !== undefined) return usageError(cliMessage(locale, 'unknownOption', '--out'));

  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    return usageError(cliMessage(locale, 'invalidValue', '--format', format, FORMATS.join(', ')));
  }
  const localeValue = values.locale;
  if (localeValue !== undefined && !(LOCALES as readonly string[]).includes(localeValue)) {
    return usageError(cliMessage(locale, 'invalidValue', '--locale', localeValue, LOCALES.join(', ')));
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const count = parseCount('max-warnings', values['max-warnings'], locale);
    if (typeof count === 'string') return usageError(count);
    maxWarnings = count;
  }
  let maxFileSize: number | undefined;
  if (values['max-file-size'] !== undefined) {
    const count = parseCount('max-file-size', values['max-file-size'], locale);
    if (typeof count === 'string') return usageError(count);
    if (count === 0) return usageError(cliMessage(locale, 'atLeastOne', 'max-file-size'));
    maxFileSize = count;
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    const count = parseCount('jobs', values.jobs, locale);
    if (typeof count === 'string') return usageError(count);
    if (count === 0) return usageError(cliMessage(locale, 'atLeastOne', 'jobs'));
    jobs = count;
  }
  if (values.config === '') return usageError(cliMessage(locale, 'configNeedsName'));

  return {
    kind: 'check',
    paths,
    format: format as OutputFormat,
    configPath: values.config,
    maxWarnings,
    locale: localeValue as Locale | undefined,
    maxFileSize,
    // Only when given, so the default stays a decision of the run (the machine's cores), not of parsing.
    ...(jobs !== undefined ? { jobs } : {}),
  };
}

function mapCommand(
  values: { readonly format?: string; readonly out?: string; readonly config?: string; readonly locale?: string; readonly [key: string]: unknown },
  paths: readonly string[],
  locale: Locale,
): Command {
  if (paths.length !== 1) return usageError(cliMessage(locale, 'mapNeedsOneFile'));
  for (const option of ['max-warnings', 'max-file-size', 'jobs'] as const) {
    if (values[option] !== undefined) return usageError(cliMessage(locale, 'unknownOption', `--${option}`));
  }
  const format = values.format ?? 'html';
  if (!(MAP_FORMATS as readonly string[]).includes(format)) {
    return usageError(cliMessage(locale, 'invalidValue', '--format', format, MAP_FORMATS.join(', ')));
  }
  if (values.locale !== undefined && !(LOCALES as readonly string[]).includes(values.locale)) {
    return usageError(cliMessage(locale, 'invalidValue', '--locale', values.locale, LOCALES.join(', ')));
  }
  if (values.out === '') return usageError(cliMessage(locale, 'outNeedsName'));
  if (values.config === '') return usageError(cliMessage(locale, 'configNeedsName'));
  return {
    kind: 'map',
    path: paths[0]!,
    format: format as MapFormat,
    outPath: values.out,
    configPath: values.config,
    locale: values.locale as Locale | undefined,
  };
}

/** The English help text (kept for callers that print help without a locale). */
export const HELP_TEXT = CLI_MESSAGES.help.en;
