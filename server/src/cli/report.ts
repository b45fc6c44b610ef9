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

/** Another file of a `documents:` group, for related places that point into it (keyed by its id). */
export interface OtherFile {
  readonly path: string;
  readonly text: string;
}

/**
 * Converts one file's findings. Related information in another file of the same `documents:` group is converted
 * with that file's text; related information in any other document is dropped (there is no text to place it in).
 */
export function toFileReport(
  path: string,
  text: string,
  findings: readonly Finding[],
  others: ReadonlyMap<string, OtherFile> = new Map(),
): FileReport {
  const lineStarts = computeLineStarts(text);
  const range = (span: Finding['span']): Range => spanToRange(lineStarts, text, span);
  const otherLineStarts = new Map<string, readonly number[]>();
  const relatedOf = (info: Finding['related'][number]): ReportRelated | undefined => {
    if (info.uri === undefined) return { path, range: range(info.span), message: info.message };
    const other = others.get(info.uri);
    if (!other) return undefined;
    let starts = otherLineStarts.get(info.uri);
    if (!starts) otherLineStarts.set(info.uri, (starts = computeLineStarts(other.text)));
    return { path: other.path, range: spanToRange(starts, other.text, info.span), message: info.message };
  };
  const diagnostics = findings.map(
    (finding): ReportDiagnostic => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      range: range(finding.span),
      related: finding.related.map(relatedOf).filter((info): info is ReportRelated => info !== undefined),
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

export type Counts = { -readonly [K in keyof Summary]: Summary[K] };

/** Adds one file's findings to running counts (the CLI counts as it writes). */
export function countFindings(counts: Counts, file: FileReport): void {
  for (const { severity } of file.diagnostics) {
    if (severity === 'error') counts.errors++;
    else if (severity === 'warning') counts.warnings++;
    else if (severity === 'information') counts.information++;
    else counts.hints++;
  }
}

export function summarize(files: readonly FileReport[]): Summary {
  const counts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const file of files) countFindings(counts, file);
  return counts;
}

/** 0: clean enough; 1: an error, or more warnings than allowed. Usage and I/O problems (2) are decided by the caller. */
export function exitCodeFor(summary: Summary, maxWarnings: number | undefined): 0 | 1 {
  if (summary.errors > 0) return 1;
  return maxWarnings !== undefined && summary.warnings > maxWarnings ? 1 : 0;
}
