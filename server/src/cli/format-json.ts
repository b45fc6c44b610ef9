// Machine output, version 1. Key order and shape are a contract: tools parse this.
//   {"version":1,"files":[{"path","diagnostics":[{"rule","severity","message","range","related":[{"path","range","message"}]}]}],
//    "summary":{"errors","warnings","information","hints"}}
// Ranges are 0-based lines and UTF-16 characters, exactly as the language server publishes them.
import type { Range } from '../engine/positions';
import { summarize, type FileReport, type Summary } from './report';

function range(value: Range): Range {
  return {
    start: { line: value.start.line, character: value.start.character },
    end: { line: value.end.line, character: value.end.character },
  };
}

/** The output is written in three parts, so that the CLI can write each file's entry as soon as it is checked. */
export const JSON_START = '{"version":1,"files":[';

/** One entry of `files`, exactly as it appears inside the whole document. */
export function jsonFile(file: FileReport): string {
  return JSON.stringify({
    path: file.path,
    diagnostics: file.diagnostics.map((diagnostic) => ({
      rule: diagnostic.rule,
      severity: diagnostic.severity,
      message: diagnostic.message,
      range: range(diagnostic.range),
      related: diagnostic.related.map((info) => ({ path: info.path, range: range(info.range), message: info.message })),
    })),
  });
}

export function jsonEnd(summary: Summary): string {
  const { errors, warnings, information, hints } = summary;
  return `],"summary":${JSON.stringify({ errors, warnings, information, hints })}}\n`;
}

export function formatJson(files: readonly FileReport[]): string {
  return JSON_START + files.map(jsonFile).join(',') + jsonEnd(summarize(files));
}
