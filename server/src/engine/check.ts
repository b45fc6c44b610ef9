// The check pipeline: size guard, parse, run every enabled rule with its effective severity, sort.
import type { FixData, Finding, Rule, RuleContext, Severity, SeveritySetting } from './finding';
import { localize } from './i18n';
import type { DocumentModel } from './model';
import { sharedRuleOptions, type EngineOptions } from './options';
import { parseDocument, parseInTurns, resetParseCache, trimParseCache } from './parse';
import { nextGeneration, resetMemos, trimMemos } from './memo';
import { rules } from './rules';
import { applySuppressions } from './suppression';
import { fileTooLarge, fileTooLargeMessage } from './rules/file-too-large';

const SEVERITY_SETTINGS: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && SEVERITY_SETTINGS.includes(value);
}

export interface EffectiveSetting {
  readonly severity: SeveritySetting;
  readonly options: { readonly [key: string]: unknown };
}

/** A rule's severity and options from the settings; anything unreadable falls back to the rule's default. */
export function effectiveSetting(rule: Pick<Rule, 'id' | 'defaultSeverity'>, options: EngineOptions): EffectiveSetting {
  const setting = options.rules[rule.id];
  const shared = sharedRuleOptions(options);
  if (isSeveritySetting(setting)) return { severity: setting, options: shared };
  if (setting !== null && typeof setting === 'object') {
    const { severity, ...ruleOptions } = setting;
    return { severity: isSeveritySetting(severity) ? severity : rule.defaultSeverity, options: { ...shared, ...ruleOptions } };
  }
  return { severity: rule.defaultSeverity, options: shared };
}

export function ruleContext(rule: Pick<Rule, 'id' | 'defaultSeverity'>, options: EngineOptions): RuleContext {
  return { locale: options.locale, options: effectiveSetting(rule, options).options };
}

function byPosition(a: Finding, b: Finding): number {
  if (a.span.start !== b.span.start) return a.span.start - b.span.start;
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}

/**
 * Runs the registry's rules (or the given ones, for tests and embedders) over one parsed document. `suppress: false`
 * leaves directive comments unapplied, for callers that apply them per part of the text (group.ts, per file).
 */
export function checkDocument(
  model: DocumentModel,
  options: EngineOptions,
  registry: readonly Rule[] = rules,
  { suppress = true }: { readonly suppress?: boolean } = {},
): Finding[] {
  const findings: Finding[] = [];
  const knownRules = new Set(registry.map((rule) => rule.id));
  for (const rule of registry) {
    const { severity, options: ruleOptions } = effectiveSetting(rule, options);
    if (severity === 'off') continue;
    let found: ReturnType<Rule['check']>;
    try {
      found = rule.check(model, { locale: options.locale, options: ruleOptions, knownRules });
    } catch {
      // One broken rule must not hide every other finding; the rule's own tests catch the bug.
      continue;
    }
    for (const finding of found) {
      const data: FixData = {
        ...finding.data,
        rule: rule.id,
        text: model.text.slice(finding.span.start, finding.span.end),
      };
      const tags = finding.tags ?? rule.tags;
      findings.push({ ...finding, ...(tags ? { tags } : {}), rule: rule.id, severity: severity as Severity, data });
    }
  }
  return (suppress ? applySuppressions(model, findings, knownRules) : findings).sort(byPosition);
}

/** UTF-8 length of a text, counting only until it passes `limit` (so a huge text costs no more than the limit). */
export function utf8LengthUpTo(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Whether a text is over `maxFileSize`, which is in bytes of UTF-8, as the file sits on disk (a Chinese character is
 * three). A UTF-16 code unit is at most three UTF-8 bytes, so short texts need no counting.
 */
export function exceedsMaxFileSize(text: string, options: EngineOptions): boolean {
  return text.length * 3 > options.maxFileSize && utf8LengthUpTo(text, options.maxFileSize) > options.maxFileSize;
}

export function lintText(text: string, options: EngineOptions): { model: DocumentModel | undefined; findings: Finding[] } {
  if (exceedsMaxFileSize(text, options)) {
    const size = utf8LengthUpTo(text, Infinity);
    const { severity } = effectiveSetting(fileTooLarge, options);
    if (severity === 'off') return { model: undefined, findings: [] };
    const finding: Finding = {
      rule: fileTooLarge.id,
      severity,
      message: localize(fileTooLargeMessage, options.locale, size, options.maxFileSize),
      span: { start: 0, end: 0 },
      related: [],
      data: { rule: fileTooLarge.id, text: '', size, limit: options.maxFileSize },
    };
    return { model: undefined, findings: [finding] };
  }
  const model = parseDocument(text);
  return { model, findings: checkDocument(model, options) };
}

/**
 * Parses `text` ahead of `lintText`, a piece at a time with the event loop served in between, and gives up as
 * soon as `stop()` is true. Resolves to false when it gave up; the `lintText` that follows reuses every piece.
 */
export function prepareCheck(text: string, options: EngineOptions, stop: () => boolean): Promise<boolean> {
  if (exceedsMaxFileSize(text, options)) return Promise.resolve(!stop());
  return parseInTurns(text, stop);
}

/** Forgets every cached parse and remembered per-text result, so that the next check starts cold. */
export function resetCaches(): void {
  resetParseCache();
  resetMemos();
}

/**
 * Starts a generation of use of the caches (parsed pieces and per-text results each note the latest generation
 * that used them) and returns it, for `trimCaches`.
 */
export function startCacheGeneration(): number {
  return nextGeneration();
}

/** Forgets the cached parses and per-text results that no generation from `since` on has used. */
export function trimCaches(since: number): void {
  trimParseCache(since);
  trimMemos(since);
}
