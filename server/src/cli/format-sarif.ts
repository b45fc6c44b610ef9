// SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rule catalogue in tool.driver.rules, one
// result a finding with a 1-based region (columns in UTF-16 code units; endColumn is just past the end).
import type { RuleMeta, Severity } from '../engine/finding';
import type { Locale } from '../engine/i18n';
import type { Range } from '../engine/positions';
import type { FileReport } from './report';

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

export function formatSarif(files: readonly FileReport[], options: SarifOptions): string {
  const catalogue: RuleMeta[] = [...options.rules];
  const indexById = new Map(catalogue.map((rule, index) => [rule.id, index]));
  // A finding from a rule outside the catalogue (should not happen) still gets a descriptor, so ruleIndex is valid.
  const indexOf = (ruleId: string, severity: Severity): number => {
    let index = indexById.get(ruleId);
    if (index === undefined) {
      index = catalogue.length;
      catalogue.push({ id: ruleId, defaultSeverity: severity, description: { en: ruleId, 'zh-CN': ruleId }, fixable: false });
      indexById.set(ruleId, index);
    }
    return index;
  };

  const results = files.flatMap((file) =>
    file.diagnostics.map((diagnostic) => {
      const result: Record<string, unknown> = {
        ruleId: diagnostic.rule,
        ruleIndex: indexOf(diagnostic.rule, diagnostic.severity),
        level: LEVEL[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [{ physicalLocation: physicalLocation(file.path, diagnostic.range) }],
      };
      if (diagnostic.related.length > 0) {
        result.relatedLocations = diagnostic.related.map((info, id) => ({
          id,
          physicalLocation: physicalLocation(info.path, info.range),
          message: { text: info.message },
        }));
      }
      return result;
    }),
  );

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

  const log = {
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
  return `${JSON.stringify(log, null, 2)}\n`;
}
