// Human output: `file:line:col  severity  message  rule-id` (1-based), then a blank line and a summary.
// Colour only when the caller says stdout is a terminal.
import type { Severity } from '../engine/finding';
import type { Locale } from '../engine/i18n';
import { cliMessage, type CliMessageKey } from './messages';
import { summarize, type FileReport, type Summary } from './report';

export interface TextFormatOptions {
  readonly color: boolean;
  /** Language of the summary line; English when absent. */
  readonly locale?: Locale;
}

const ANSI = {
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  green: '\u001b[32m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
  reset: '\u001b[0m',
} as const;

const SEVERITY_COLOR: Record<Severity, string> = {
  error: ANSI.red,
  warning: ANSI.yellow,
  information: ANSI.blue,
  hint: ANSI.dim,
};

/** `✖ 5 problems (1 error, 3 warnings, 1 information, 0 hints) in 2 files`, counting files with problems. */
export function summaryLine(summary: Summary, filesWithProblems: number, filesChecked: number, locale: Locale = 'en'): string {
  const say = (key: CliMessageKey, ...args: readonly (string | number)[]): string => cliMessage(locale, key, ...args);
  const count = (n: number, one: CliMessageKey, many: CliMessageKey): string => say(n === 1 ? one : many, n);
  const total = summary.errors + summary.warnings + summary.information + summary.hints;
  if (total === 0) return say('noProblems', count(filesChecked, 'filesOne', 'filesMany'));
  const counts = say(
    'counts',
    count(summary.errors, 'errorsOne', 'errorsMany'),
    count(summary.warnings, 'warningsOne', 'warningsMany'),
    say('information', summary.information),
    count(summary.hints, 'hintsOne', 'hintsMany'),
  );
  return say('problems', count(total, 'problemsOne', 'problemsMany'), counts, count(filesWithProblems, 'filesOne', 'filesMany'));
}

function painter(options: TextFormatOptions): (color: string, text: string) => string {
  return (color, text) => (options.color ? `${color}${text}${ANSI.reset}` : text);
}

/** One file's findings, a line each, each ending in a newline. */
export function textFile(file: FileReport, options: TextFormatOptions): string {
  const paint = painter(options);
  let lines = '';
  for (const diagnostic of file.diagnostics) {
    const { line, character } = diagnostic.range.start;
    const location = `${file.path}:${line + 1}:${character + 1}`;
    const severity = paint(SEVERITY_COLOR[diagnostic.severity], diagnostic.severity);
    // A message is one line in this format; line breaks inside it would read as another finding.
    const message = diagnostic.message.replace(/\r\n|\r|\n/g, ' ');
    lines += `${location}  ${severity}  ${message}  ${paint(ANSI.dim, diagnostic.rule)}\n`;
  }
  return lines;
}

/** The closing summary; `afterFindings` puts a blank line between the findings and it. */
export function textEnd(summary: Summary, filesWithProblems: number, filesChecked: number, afterFindings: boolean, options: TextFormatOptions): string {
  const paint = painter(options);
  const total = summary.errors + summary.warnings + summary.information + summary.hints;
  const color = summary.errors > 0 ? ANSI.red : total > 0 ? ANSI.yellow : ANSI.green;
  const last = paint(ANSI.bold + color, summaryLine(summary, filesWithProblems, filesChecked, options.locale));
  return afterFindings ? `\n${last}\n` : `${last}\n`;
}

export function formatText(files: readonly FileReport[], options: TextFormatOptions): string {
  const lines = files.map((file) => textFile(file, options)).join('');
  const filesWithProblems = files.filter((file) => file.diagnostics.length > 0).length;
  return lines + textEnd(summarize(files), filesWithProblems, files.length, lines.length > 0, options);
}
