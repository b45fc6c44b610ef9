// The one conversion from an engine Finding to an LSP Diagnostic, and the one severity mapping.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { ruleDocPath } from '../engine/docs';
import type { Finding, FixData, Severity } from '../engine';
import type { Analysis } from './analysis';
import type { ClientFeatures } from './capabilities';

export const DIAGNOSTIC_SOURCE = 'policylint';

/** Key under which the rule id travels in `Diagnostic.data`, next to the finding's own fix data. */
export const RULE_DATA_KEY = 'rule';

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

// The bundle is dist/server.js, so the package root (where docs/ lives) is one level up.
const packageRoot = join(__dirname, '..');

export function ruleDocUri(ruleId: string): string {
  return pathToFileURL(join(packageRoot, ruleDocPath(ruleId))).href;
}

const TAGS: { readonly [tag: string]: DiagnosticTag } = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

/** What a diagnostic needs of an analysis: where the findings are, and the other files of its group. */
export type DiagnosticSource = Pick<Analysis, 'uri' | 'positions' | 'group'>;

export function toDiagnostic(finding: Finding, analysis: DiagnosticSource, features: ClientFeatures): Diagnostic {
  const diagnostic: Diagnostic = {
    range: analysis.positions.toRange(finding.span),
    severity: toLspSeverity(finding.severity),
    code: finding.rule,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { ...finding.data, [RULE_DATA_KEY]: finding.rule },
  };
  if (features.codeDescription) diagnostic.codeDescription = { href: ruleDocUri(finding.rule) };
  const tags = (finding.tags ?? []).map((tag) => TAGS[tag]).filter(
    (tag): tag is DiagnosticTag => tag !== undefined && features.diagnosticTags.has(tag),
  );
  if (tags.length > 0) diagnostic.tags = tags;
  if (features.relatedInformation) {
    // A span in another file of the group is converted with that file's text; any other document's is left out.
    const related: DiagnosticRelatedInformation[] = finding.related.flatMap((info) => {
      const uri = info.uri ?? analysis.uri;
      const positions = uri === analysis.uri ? analysis.positions : analysis.group?.members.find((member) => member.uri === uri)?.positions;
      return positions ? [{ location: { uri, range: positions.toRange(info.span) }, message: info.message }] : [];
    });
    if (related.length > 0) diagnostic.relatedInformation = related;
  }
  return diagnostic;
}

export function toDiagnostics(analysis: DiagnosticSource & Pick<Analysis, 'findings'>, features: ClientFeatures): Diagnostic[] {
  return analysis.findings.map((finding) => toDiagnostic(finding, analysis, features));
}

/** The finding's own data, as it came back from the client (the rule id we added is removed). */
export function fixDataOf(diagnostic: Diagnostic): FixData | undefined {
  const data: unknown = diagnostic.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { [RULE_DATA_KEY]: _rule, ...rest } = data as { [key: string]: unknown };
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** The rule id of one of our diagnostics, or undefined for someone else's. */
export function ruleOf(diagnostic: Diagnostic): string | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  if (typeof diagnostic.code === 'string') return diagnostic.code;
  const data: unknown = diagnostic.data;
  if (typeof data === 'object' && data !== null && RULE_DATA_KEY in data) {
    const rule = (data as { [key: string]: unknown })[RULE_DATA_KEY];
    if (typeof rule === 'string') return rule;
  }
  return undefined;
}
