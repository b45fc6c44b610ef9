// Command-line arguments → a typed command. Pure: no process, no file system; every mistake becomes a
// usage error the entry point prints on stderr with exit code 2.
import { parseArgs } from 'node:util';
import type { Locale } from '../engine/i18n';

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
}

export type Command =
  | CheckCommand
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage-error'; readonly message: string };

const OPTIONS = {
  format: { type: 'string' },
  config: { type: 'string' },
  'max-warnings': { type: 'string' },
  locale: { type: 'string' },
  'max-file-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function usageError(message: string): Command {
  return { kind: 'usage-error', message };
}

/** Node's parseArgs messages carry advice for its own API; keep only what a user needs. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const missing = /^Option '(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `option '${missing[1]}' needs a value`;
  const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
  if (ambiguous) return `option '${ambiguous[1]}' needs a value; write ${ambiguous[1]}=VALUE for one that starts with '-'`;
  const firstSentence = message.split(/\.\s/)[0] ?? message;
  return firstSentence.charAt(0).toLowerCase() + firstSentence.slice(1);
}

function parseCount(option: string, raw: string): number | string {
  if (!/^\d+$/.test(raw)) return `option '--${option}' must be a whole number, got '${raw}'`;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : `option '--${option}' is too large: '${raw}'`;
}

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    return usageError(describeParseError(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const [command, ...paths] = positionals;
  if (command === undefined) return usageError('missing command; did you mean \'policylint check\'?');
  if (command === 'help') return { kind: 'help' };
  if (command === 'version') return { kind: 'version' };
  if (command !== 'check') return usageError(`unknown command '${command}'`);

  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    return usageError(`invalid value for '--format': '${format}' (expected ${FORMATS.join(', ')})`);
  }
  const locale = values.locale;
  if (locale !== undefined && !(LOCALES as readonly string[]).includes(locale)) {
    return usageError(`invalid value for '--locale': '${locale}' (expected ${LOCALES.join(', ')})`);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const count = parseCount('max-warnings', values['max-warnings']);
    if (typeof count === 'string') return usageError(count);
    maxWarnings = count;
  }
  let maxFileSize: number | undefined;
  if (values['max-file-size'] !== undefined) {
    const count = parseCount('max-file-size', values['max-file-size']);
    if (typeof count === 'string') return usageError(count);
    if (count === 0) return usageError("option '--max-file-size' must be at least 1");
    maxFileSize = count;
  }
  if (values.config === '') return usageError("option '--config' needs a file name");

  return {
    kind: 'check',
    paths,
    format: format as OutputFormat,
    configPath: values.config,
    maxWarnings,
    locale: locale as Locale | undefined,
    maxFileSize,
  };
}

export const HELP_TEXT = `Usage: policylint check [paths…] [options]

Checks Markdown policy papers (Chinese and English) for citation, numbering and structure problems.

Paths may be files, directories (searched for *.md and *.markdown, skipping node_modules and
folders whose name starts with a dot) or glob patterns. Without a path, the current directory is checked.

Options:
  --format text|json|sarif|github   output format (default: text)
  --config FILE                     use this .policylint.yaml / .policylint.json instead of looking for
                                    the nearest one above each file
  --max-warnings N                  exit with code 1 when there are more than N warnings
  --locale zh-CN|en                 language of messages (default: the configuration's locale,
                                    else LC_ALL / LC_MESSAGES / LANG, else en)
  --max-file-size BYTES             larger files get one notice instead of a check
  -h, --help                        show this help
  -v, --version                     show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 problems found,
            2 usage error, unreadable path or invalid configuration.
`;
