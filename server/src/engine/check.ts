// The check pipeline: size guard, parse, run every enabled rule with its effective severity, sort.
import type { FixData, Finding, Rule, RuleContext, Severity, SeveritySetting } from './finding';
import { localize } from './i18n';
import type { DocumentModel } from './model';
import { sharedRuleOptions, type EngineOptions } from './options';
import { parseDocument } from './parse';
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

/** Runs the registry's rules (or the given ones, for tests and embedders) over one parsed document. */
export function checkDocument(model: DocumentModel, options: EngineOptions, registry: readonly Rule[] = rules): Finding[] {
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
  return applySuppressions(model, findings, knownRules).sort(byPosition);
}

export function lintText(text: string, options: EngineOptions): { model: DocumentModel | undefined; findings: Finding[] } {
  if (text.length > options.maxFileSize) {
    const { severity } = effectiveSetting(fileTooLarge, options);
    if (severity === 'off') return { model: undefined, findings: [] };
    const finding: Finding = {
      rule: fileTooLarge.id,
      severity,
      message: localize(fileTooLargeMessage, options.locale, text.length, options.maxFileSize),
      span: { start: 0, end: 0 },
      related: [],
      data: { rule: fileTooLarge.id, text: '', size: text.length, limit: options.maxFileSize },
    };
    return { model: undefined, findings: [finding] };
  }
  const model = parseDocument(text);
  return { model, findings: checkDocument(model, options) };
}
