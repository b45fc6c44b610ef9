import type { Locale } from './i18n';
import type { SeveritySetting } from './finding';

/** A rule's setting: a severity, or a severity with rule options. */
export type RuleSetting = SeveritySetting | { readonly severity?: SeveritySetting; readonly [option: string]: unknown };

export interface EngineOptions {
  readonly locale: Locale;
  /** Per-rule overrides; rules not named keep their default severity. */
  readonly rules: { readonly [ruleId: string]: RuleSetting };
  /** Texts longer than this (in UTF-16 code units, ~bytes for a check) get one information finding instead of a check. */
  readonly maxFileSize: number;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export const defaultOptions: EngineOptions = {
  locale: 'en',
  rules: {},
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};
