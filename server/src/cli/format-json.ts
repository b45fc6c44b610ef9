// Machine output, version 1. Key order and shape are a contract: tools parse this.
//   {"version":1,"files":[{"path","diagnostics":[{"rule","severity","message","range","related":[{"path","range","message"}]}]}],
//    "summary":{"errors","warnings","information","hints"}}
// Ranges are 0-based lines and UTF-16 characters, exactly as the language server publishes them.
import type { Range } from '../engine/positions';
import { summarize, type FileReport } from './report';

function range(value: Range): Range {
  return {
    start: { line: value.start.line, character: value.start.character },
    end: { line: value.end.line, character: value.end.character },
  };
}

export function formatJson(files: readonly FileReport[]): string {
  const summary = summarize(files);
  const output = {
    version: 1,
    files: files.map((file) => ({
      path: file.path,
      diagnostics: file.diagnostics.map((diagnostic) => ({
        rule: diagnostic.rule,
        severity: diagnostic.severity,
        message: diagnostic.message,
        range: range(diagnostic.range),
        related: diagnostic.related.map((info) => ({ path: info.path, range: range(info.range), message: info.message })),
      })),
    })),
    summary: {
      errors: summary.errors,
      warnings: summary.warnings,
      information: summary.information,
      hints: summary.hints,
    },
  };
  return `${JSON.stringify(output)}\n`;
}
