// The one place where a configuration file, editor settings and a locale become EngineOptions. The CLI and the
// language server both call `engineOptionsFor`, so a key means the same in both.
//
// Precedence (documented in the README): the configuration file wins over editor settings, because a team shares
// the file and everybody should see the same findings; rules merge per rule id. The exception is the language of
// messages, which is personal: an explicit choice (`--locale`, or `policylint.locale` other than auto) wins over
// the file's `locale`, which wins over the environment or the client's display language.
import { rules as registry, type EngineOptions, type Locale, type RuleSetting } from '../engine';
import type { PolicylintConfig } from '../cli/config';

/** The subset of editor settings that can also be set in the file. */
export interface SettingsLayer {
  readonly rules?: { readonly [ruleId: string]: RuleSetting };
  readonly citationScope?: PolicylintConfig['citationScope'];
  readonly exemptSections?: readonly string[];
}

export interface OptionSources {
  readonly config: PolicylintConfig;
  readonly settings?: SettingsLayer;
  /** `--locale` or a non-auto `policylint.locale`. */
  readonly explicitLocale?: Locale;
  /** The environment's (CLI) or the client's (server) language. */
  readonly fallbackLocale: Locale;
  readonly maxFileSize: number;
  /** The file matches the configuration's `ignore` globs: every rule is off. */
  readonly ignored?: boolean;
}

export function engineOptionsFor(sources: OptionSources): EngineOptions {
  const { config, settings } = sources;
  const rules: { [ruleId: string]: RuleSetting } = { ...settings?.rules, ...config.rules };
  const options: { -readonly [K in keyof EngineOptions]: EngineOptions[K] } = {
    locale: sources.explicitLocale ?? config.locale ?? sources.fallbackLocale,
    rules: sources.ignored ? allRulesOff() : rules,
    maxFileSize: sources.maxFileSize,
  };
  const citationScope = config.citationScope ?? settings?.citationScope;
  if (citationScope !== undefined) options.citationScope = citationScope;
  const exemptSections = config.exemptSections ?? settings?.exemptSections;
  if (exemptSections !== undefined) options.exemptSections = exemptSections;
  if (config.framework !== undefined) options.framework = config.framework;
  if (config.glossary !== undefined) options.glossary = config.glossary;
  return options;
}

function allRulesOff(): { [ruleId: string]: RuleSetting } {
  return Object.fromEntries(registry.map((rule) => [rule.id, 'off' as const]));
}
