// SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rule catalogue in tool.driver.rules, one
// result a finding with a 1-based region (columns in UTF-16 code units; endColumn is just past the end).
import type { RuleMeta, Severity } from '../engine/finding';
import type { Locale } from '../engine/i18n';
import type { Range } from '../engine/positions';
import type { FileReport, ReportDiagnostic } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const REPOSITORY_URL = 'https://github.com/policylint/policylint';
const DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/`;

export interface SarifOptions {
  readonly toolVersion: string;
  /** The rule catalogue, in registry order; ruleIndex points into it. */
  readonly rules: readonly RuleMeta[];
  readonly locale: Locale;
  /** Repository-relative documentation page of a rule (docs/rules/<id>.md). */
  readonly docPath: (ruleId: string) => string;
}

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function pathToUriReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** `citation-numbering` → `CitationNumbering`: SARIF's readable rule name beside the id. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function physicalLocation(path: string, range: Range) {
  return {
    artifactLocation: { uri: pathToUriReference(path) },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}

/** SARIF's result for one finding; `ruleIndex` only when the rule is in the catalogue written with the run. */
function sarifResult(path: string, diagnostic: ReportDiagnostic, ruleIndex: number | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {
    ruleId: diagnostic.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [{ physicalLocation: physicalLocation(path, diagnostic.range) }],
  };
  if (diagnostic.related.length > 0) {
    result.relatedLocations = diagnostic.related.map((info, id) => ({
      id,
      physicalLocation: physicalLocation(info.path, info.range),
      message: { text: info.message },
    }));
  }
  return result;
}

function sarifLog(catalogue: readonly RuleMeta[], options: SarifOptions, results: readonly unknown[]): unknown {
  const rules = catalogue.map((rule) => {
    const description = rule.description[options.locale];
    return {
      id: rule.id,
      name: ruleName(rule.id),
      shortDescription: { text: description },
      fullDescription: { text: description },
      helpUri: DOCS_BASE_URL + options.docPath(rule.id),
      defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'policylint',
            informationUri: REPOSITORY_URL,
            version: options.toolVersion,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** The log in parts, written as files are checked; together exactly `JSON.stringify(log, null, 2)` and a newline. */
export interface SarifParts {
  /** Everything before the first result. */
  readonly start: string;
  /** One file's results. */
  file(report: FileReport): string;
  /** Everything after the last result. */
  end(): string;
}

/**
 * The parts of a log whose rule catalogue is `options.rules`, fixed before the first result. A finding from a
 * rule outside it (the engine's findings all come from its registry) is written without `ruleIndex`.
 */
export function sarifParts(options: SarifOptions): SarifParts {
  const indexById = new Map(options.rules.map((rule, index) => [rule.id, index]));
  // The text around the results, from the whole log with one placeholder result (JSON strings hold no raw newline).
  const marker = '\u0000results';
  const placeholder = JSON.stringify(marker);
  const whole = JSON.stringify(sarifLog(options.rules, options, [marker]), null, 2);
  const at = whole.indexOf(placeholder);
  const lineStart = whole.lastIndexOf('\n', at);
  const indent = whole.slice(lineStart + 1, at);
  const close = whole.slice(at + placeholder.length);
  let written = false;
  return {
    start: whole.slice(0, lineStart),
    file(report) {
      let text = '';
      for (const diagnostic of report.diagnostics) {
        const result = JSON.stringify(sarifResult(report.path, diagnostic, indexById.get(diagnostic.rule)), null, 2);
        text += `${written ? ',' : ''}\n${indent}${result.replaceAll('\n', `\n${indent}`)}`;
        written = true;
      }
      return text;
    },
    // With no result, the array closes on its own line's bracket: `"results": []`.
    end: () => `${written ? close : close.slice(close.indexOf(']'))}\n`,
  };
}

export function formatSarif(files: readonly FileReport[], options: SarifOptions): string {
  const catalogue: RuleMeta[] = [...options.rules];
  const known = new Set(catalogue.map((rule) => rule.id));
  // A finding from a rule outside the catalogue (should not happen) still gets a descriptor, so ruleIndex is valid.
  for (const file of files) {
    for (const { rule, severity } of file.diagnostics) {
      if (known.has(rule)) continue;
      known.add(rule);
      catalogue.push({ id: rule, defaultSeverity: severity, description: { en: rule, 'zh-CN': rule }, fixable: false });
    }
  }
  const parts = sarifParts({ ...options, rules: catalogue });
  return parts.start + files.map((file) => parts.file(file)).join('') + parts.end();
}
