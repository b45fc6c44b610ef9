// GitHub Actions workflow commands: one annotation a finding.
//   ::error file=docs/a.md,line=3,col=5,endLine=3,endColumn=8,title=rule-id::message
// Lines and columns are 1-based; endColumn points just past the last character, as in SARIF.
import type { Severity } from '../engine/finding';
import type { FileReport } from './report';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** The message part: %, CR and LF are escaped (GitHub's `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape `:` and `,` (GitHub's `escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(files: readonly FileReport[]): string {
  return files.map(githubFile).join('');
}

/** One file's annotations, each line ending in a newline. */
export function githubFile(file: FileReport): string {
  const lines: string[] = [];
  for (const diagnostic of file.diagnostics) {
    const { start, end } = diagnostic.range;
    const properties = [
      `file=${escapeProperty(file.path)}`,
      `line=${start.line + 1}`,
      `col=${start.character + 1}`,
      `endLine=${end.line + 1}`,
      `endColumn=${end.character + 1}`,
      `title=${escapeProperty(diagnostic.rule)}`,
    ].join(',');
    lines.push(`::${COMMAND[diagnostic.severity]} ${properties}::${escapeData(diagnostic.message)}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}
