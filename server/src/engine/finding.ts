import type { Span } from './model';
import type { Localized, Locale } from './i18n';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface RelatedInfo {
  readonly span: Span;
  readonly message: string;
  /** Another document; undefined means the same document. */
  readonly uri?: string;
}

/** JSON-serialisable data a quick fix needs; travels in `Diagnostic.data`. */
export type FixData = { readonly [key: string]: unknown };

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related: readonly RelatedInfo[];
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  readonly data?: FixData;
}

/** One text replacement in source offsets. */
export interface TextEditSpan {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly kind: 'quickfix' | 'source.fixAll';
  readonly edits: readonly TextEditSpan[];
  readonly preferred?: boolean;
  /** Offset to place the cursor at after the edit (clients that support snippets), if any. */
  readonly cursor?: number;
}

export interface RuleMeta {
  /** Rule id = file name = diagnostic code. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly description: Localized;
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  /** Whether `fixAll` is safe to offer. */
  readonly fixable: boolean;
}

export interface RuleContext {
  readonly locale: Locale;
  readonly options: { readonly [key: string]: unknown };
  /** Ids of every registered rule, for rules that validate rule names (directives). */
  readonly knownRules?: ReadonlySet<string>;
}

export interface Rule extends RuleMeta {
  check(model: import('./model').DocumentModel, context: RuleContext): Omit<Finding, 'severity' | 'rule'>[];
  /** Quick fixes for one of this rule's findings, from its data and the current model. */
  fixes?(model: import('./model').DocumentModel, finding: Finding, context: RuleContext): Fix[];
  /** A fix for every finding of this rule in the document at once. */
  fixAll?(model: import('./model').DocumentModel, context: RuleContext): Fix | undefined;
}
