import type { Locale } from './i18n';
import type { SeveritySetting } from './finding';
import type { Framework } from './framework/types';
import type { Glossary } from './glossary';

/** A rule's setting: a severity, or a severity with rule options. */
export type RuleSetting = SeveritySetting | { readonly severity?: SeveritySetting; readonly [option: string]: unknown };

export interface EngineOptions {
  readonly locale: Locale;
  /** Per-rule overrides; rules not named keep their default severity. */
  readonly rules: { readonly [ruleId: string]: RuleSetting };
  /** Texts larger than this many bytes of UTF-8 get one information finding instead of a check. */
  readonly maxFileSize: number;
  /** How far a citation marker reaches: its sentence (default), its ；-clause, or its paragraph. */
  readonly citationScope?: 'sentence' | 'clause' | 'paragraph';
  /** Section titles whose content needs no citations (summaries); defaults to 摘要, 结论, Abstract … */
  readonly exemptSections?: readonly string[];
  /** The analytical framework the structure rules check against; defaults to the paper's. */
  readonly framework?: Framework;
  /** The glossary for hover and completion; defaults to the paper's, merged with any user entries. */
  readonly glossary?: Glossary;
}

/** Options every rule sees in its context, under these names, unless the rule's own setting overrides them. */
export function sharedRuleOptions(options: EngineOptions): { readonly [key: string]: unknown } {
  const shared: { [key: string]: unknown } = {};
  if (options.citationScope !== undefined) shared.citationScope = options.citationScope;
  if (options.exemptSections !== undefined) shared.exemptSections = options.exemptSections;
  if (options.framework !== undefined) shared.framework = options.framework;
  return shared;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export const defaultOptions: EngineOptions = {
  locale: 'en',
  rules: {},
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};
