// One file through the engine: read → decode → lint → report, or the one stderr line that says why not.
// The main thread and the worker threads both run exactly this, so a run gives the same output with or without
// workers. Everything in and out is plain data that survives `postMessage`.
import { lintText, resetCaches, type EngineOptions, type Locale } from '../engine';
import { engineOptionsFor } from '../config/options';
import type { PolicylintConfig } from './config';
import { cliMessage, localizeReason } from './messages';
import { readMarkdownFileSync } from './read';
import { toFileReport, type FileReport } from './report';

/** What every file of a run shares: the command's choices and the environment's language. */
export interface CheckSettings {
  /** `--locale`, when given. */
  readonly explicitLocale: Locale | undefined;
  readonly fallbackLocale: Locale;
  readonly maxFileSize: number;
  /** The language of the CLI's own notices. */
  readonly uiLocale: Locale;
}

export interface FileToCheck {
  readonly absolutePath: string;
  /** Relative to the working directory, with forward slashes. */
  readonly displayPath: string;
}

/** A file's contribution to the output: its report, its stderr lines, or both empty (ignored files). */
export interface FileOutcome {
  readonly report?: FileReport;
  /** Complete lines for standard error, each ending in a newline. */
  readonly stderr?: string;
  /** The run must end with exit code 2. */
  readonly failed?: boolean;
}

export function optionsForConfig(config: PolicylintConfig, settings: CheckSettings): EngineOptions {
  return engineOptionsFor({
    config,
    ...(settings.explicitLocale !== undefined ? { explicitLocale: settings.explicitLocale } : {}),
    fallbackLocale: settings.fallbackLocale,
    maxFileSize: settings.maxFileSize,
  });
}

export function noticeLine(uiLocale: Locale, key: 'cannotRead' | 'skipped' | 'internalError', path: string, reason: string): string {
  return `policylint: ${cliMessage(uiLocale, key, path, localizeReason(reason, uiLocale))}\n`;
}

/**
 * The engine's caches (parsed pieces, results per sentence) are made for checking one document again after an
 * edit. Across files they pay off only for text the files share: copies, or versions of one draft, which sit side
 * by side in path order. A thread empties them after every CACHE_BATCH_LENGTH UTF-16 units of text it checks, so
 * they hold about that much text's worth however many files a run has. Without this, one thread's live heap grew
 * from 47 to 99 MB between the 100th and the 1,000th of the benchmark's drafts (scripts/bench/cli.ts).
 */
export const CACHE_BATCH_LENGTH = 2_000_000;

/** Text this thread has checked since the engine's caches were last emptied. */
let checkedSinceReset = 0;

function beforeChecking(text: string): void {
  if (checkedSinceReset > 0 && checkedSinceReset + text.length > CACHE_BATCH_LENGTH) {
    resetCaches();
    checkedSinceReset = 0;
  }
  checkedSinceReset += text.length;
}

/** Never throws: an engine failure on one file becomes that file's notice, and the run goes on. */
export function checkFile(file: FileToCheck, options: EngineOptions, uiLocale: Locale): FileOutcome {
  const content = readMarkdownFileSync(file.absolutePath);
  if (content.kind === 'skipped') return { stderr: noticeLine(uiLocale, 'skipped', file.displayPath, content.reason) };
  if (content.kind === 'unreadable') {
    return { stderr: noticeLine(uiLocale, 'cannotRead', file.displayPath, content.reason), failed: true };
  }
  try {
    beforeChecking(content.text);
    // The model is dropped here; only the report (plain positions and messages) outlives the call.
    const { findings } = lintText(content.text, options);
    return { report: toFileReport(file.displayPath, content.text, findings) };
  } catch (error) {
    return { stderr: noticeLine(uiLocale, 'internalError', file.displayPath, messageOf(error)), failed: true };
  }
}

export function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
