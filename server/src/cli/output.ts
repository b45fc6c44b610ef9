// The report, written as the files are checked: each file's findings go to stdout as soon as its turn in file order
// comes, and only the counts are kept, so a run over thousands of drafts holds one file's report at a time, in
// every format. The text is exactly what the format's whole-run function gives (format-*.ts); SARIF's rule
// catalogue, which comes before the results, is the registry's, which every finding's rule is in.
import { rules, type Locale } from '../engine';
import { ruleDocPath } from '../engine/docs';
import type { CheckCommand } from './args';
import { githubFile } from './format-github';
import { JSON_START, jsonEnd, jsonFile } from './format-json';
import { sarifParts } from './format-sarif';
import { textEnd, textFile, type TextFormatOptions } from './format-text';
import { countFindings, type Counts, type FileReport, type Summary } from './report';

export interface ReportWriter {
  add(report: FileReport): void;
  /** Writes what closes the output; returns the run's counts. */
  finish(): Summary;
}

export interface WriterSettings {
  readonly write: (text: string) => void;
  readonly text: TextFormatOptions;
  readonly toolVersion: string;
  /** Language of SARIF's rule descriptions. */
  readonly sarifLocale: Locale;
}

export function openReport(format: CheckCommand['format'], settings: WriterSettings): ReportWriter {
  const summary: Counts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  let files = 0;
  let filesWithProblems = 0;
  let findingsWritten = false;
  const count = (report: FileReport): void => {
    files++;
    if (report.diagnostics.length > 0) filesWithProblems++;
    countFindings(summary, report);
  };
  const { write } = settings;
  switch (format) {
    case 'text':
      return {
        add(report) {
          count(report);
          const lines = textFile(report, settings.text);
          if (lines) findingsWritten = true;
          write(lines);
        },
        finish() {
          write(textEnd(summary, filesWithProblems, files, findingsWritten, settings.text));
          return summary;
        },
      };
    case 'json':
      write(JSON_START);
      return {
        add(report) {
          write((files > 0 ? ',' : '') + jsonFile(report));
          count(report);
        },
        finish() {
          write(jsonEnd(summary));
          return summary;
        },
      };
    case 'github':
      return {
        add(report) {
          count(report);
          write(githubFile(report));
        },
        finish: () => summary,
      };
    case 'sarif': {
      const sarif = sarifParts({ toolVersion: settings.toolVersion, rules, locale: settings.sarifLocale, docPath: ruleDocPath });
      write(sarif.start);
      return {
        add(report) {
          count(report);
          write(sarif.file(report));
        },
        finish() {
          write(sarif.end());
          return summary;
        },
      };
    }
  }
}
