// `documents:` groups on the command line: a draft kept as one file per chapter is checked as one document, as in
// the editor. The group's files are read from disk whether or not they were named on the command line (a chapter
// checked alone still sees its group's reference list); only the files the command line names are reported.
// Which files are members is decided by config/groups.ts, as in the editor.
import { checkGroup, type EngineOptions, type Locale } from '../engine';
import type { GroupMembers } from '../config/groups';
import { messageOf, noticeLine, type FileOutcome, type FileToCheck } from './check-file';
import { displayPathOf } from './discover';
import { readMarkdownFileSync } from './read';
import { toFileReport } from './report';

/**
 * Checks a group and returns the outcome of each requested member (by absolute path). A member that cannot be
 * read is left out of the group; if it was requested, it gets its notice, as when checked alone.
 */
export function checkGroupFiles(
  group: GroupMembers,
  requested: ReadonlyMap<string, FileToCheck>,
  options: EngineOptions,
  cwd: string,
  uiLocale: Locale,
): Map<string, FileOutcome> {
  const outcomes = new Map<string, FileOutcome>();
  const texts = new Map<string, string>();
  for (const path of group.paths) {
    const file = requested.get(path);
    const content = readMarkdownFileSync(path);
    if (content.kind === 'text') texts.set(path, content.text);
    else if (file && content.kind === 'skipped') outcomes.set(path, { stderr: noticeLine(uiLocale, 'skipped', file.displayPath, content.reason) });
    else if (file) outcomes.set(path, { stderr: noticeLine(uiLocale, 'cannotRead', file.displayPath, content.reason), failed: true });
  }
  const displayPath = (path: string): string => requested.get(path)?.displayPath ?? displayPathOf(path, cwd);
  try {
    const check = checkGroup([...texts].map(([id, text]) => ({ id, text })), options);
    const others = new Map([...texts].map(([path, text]) => [path, { path: displayPath(path), text }]));
    for (const [path, text] of texts) {
      if (!requested.has(path)) continue;
      outcomes.set(path, { report: toFileReport(displayPath(path), text, check.findings.get(path) ?? [], others) });
    }
  } catch (error) {
    for (const [path, file] of requested) {
      if (texts.has(path)) outcomes.set(path, { stderr: noticeLine(uiLocale, 'internalError', file.displayPath, messageOf(error)), failed: true });
    }
  }
  return outcomes;
}
