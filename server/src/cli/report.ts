// The CLI's neutral result model: findings converted once to 0-based line / UTF-16 character ranges
// (as the language server publishes them). Every output format is a pure function of these.
import type { Finding, Severity } from '../engine/finding';
import { computeLineStarts, spanToRange, type Range } from '../engine/positions';

export interface ReportRelated {
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

export interface ReportDiagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly related: readonly ReportRelated[];
}

export interface FileReport {
  /** Relative to the working directory, forward slashes. */
  readonly path: string;
  readonly diagnostics: readonly ReportDiagnostic[];
}

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly hints: number;
}

/**
 * Converts one file's findings. Related information that points into another document is dropped: the
 * engine checks one text at a time, so it has no positions to offer for other files.
 */
export function toFileReport(path: string, text: string, findings: readonly Finding[]): FileReport {
  const lineStarts = computeLineStarts(text);
  const range = (span: Finding['span']): Range => spanToRange(lineStarts, text, span);
  const diagnostics = findings.map(
    (finding): ReportDiagnostic => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      range: range(finding.span),
      related: finding.related
        .filter((info) => info.uri === undefined)
        .map((info) => ({ path, range: range(info.span), message: info.message })),
    }),
  );
  diagnostics.sort(compareDiagnostics);
  return { path, diagnostics };
}

function compareDiagnostics(a: ReportDiagnostic, b: ReportDiagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

export function summarize(files: readonly FileReport[]): Summary {
  const counts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const file of files) {
    for (const { severity } of file.diagnostics) {
      if (severity === 'error') counts.errors++;
      else if (severity === 'warning') counts.warnings++;
      else if (severity === 'information') counts.information++;
      else counts.hints++;
    }
  }
  return counts;
}

/** 0: clean enough; 1: an error, or more warnings than allowed. Usage and I/O problems (2) are decided by the caller. */
export function exitCodeFor(summary: Summary, maxWarnings: number | undefined): 0 | 1 {
  if (summary.errors > 0) return 1;
  return maxWarnings !== undefined && summary.warnings > maxWarnings ? 1 : 0;
}
