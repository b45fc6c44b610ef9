// Messages about configuration files, in both languages, built from templates with placeholders. The
// language-parity test reads this table (and the CLI's) to make sure no message exists in one language only.
import { format, type Locale, type Localized } from '../engine/i18n';

export const CONFIG_MESSAGES = {
  notMapping: {
    en: "the configuration must be a mapping with the keys 'rules' and 'locale'",
    'zh-CN': '配置必须是一个映射（键如 “rules” 与 “locale”）',
  },
  plainKeys: { en: 'configuration keys must be plain words', 'zh-CN': '配置的键必须是普通单词' },
  locale: { en: "'locale' must be one of {0}", 'zh-CN': '“locale” 必须是 {0} 之一' },
  unknownKey: { en: "unknown key '{0}' (expected {1})", 'zh-CN': '未知的键 “{0}”（可用的键：{1}）' },
  rulesMapping: { en: "'rules' must be a mapping from rule id to severity", 'zh-CN': '“rules” 必须是从规则 ID 到严重级别的映射' },
  ruleIdWords: { en: 'rule ids must be plain words', 'zh-CN': '规则 ID 必须是普通单词' },
  unknownRule: { en: "unknown rule '{0}'", 'zh-CN': '未知的规则 “{0}”' },
  severity: {
    en: "invalid severity {0} for rule '{1}' (expected off, hint, information, warning or error)",
    'zh-CN': '规则 “{1}” 的严重级别 {0} 无效（可选：off、hint、information、warning、error）',
  },
  ruleShape: {
    en: "rule '{0}' must be set to a severity (off, hint, information, warning or error) or to a mapping with 'severity' and options",
    'zh-CN': '规则 “{0}” 必须设为一个严重级别（off、hint、information、warning、error），或设为含 “severity” 与选项的映射',
  },
  optionWords: { en: "options of rule '{0}' must be named by plain words", 'zh-CN': '规则 “{0}” 的选项名必须是普通单词' },
  aliases: { en: 'aliases are not allowed in a configuration', 'zh-CN': '配置中不允许使用别名（alias）' },
  stringList: { en: "'{0}' must be a list of non-empty strings", 'zh-CN': '“{0}” 必须是由非空字符串组成的列表' },
  citationScope: { en: "'citationScope' must be one of {0}", 'zh-CN': '“citationScope” 必须是 {0} 之一' },
  frameworkMapping: {
    en: "'framework' must be a mapping with 'mode' (replace or extend) and framework fields",
    'zh-CN': '“framework” 必须是含 “mode”（replace 或 extend）与框架字段的映射',
  },
  frameworkMode: { en: "'framework.mode' must be replace or extend", 'zh-CN': '“framework.mode” 必须是 replace 或 extend' },
  escapingPath: {
    en: "'{0}' must stay inside the workspace: no absolute paths and no '..'",
    'zh-CN': '“{0}” 不能指向工作区之外：不允许绝对路径，也不允许 “..”',
  },
  documentsList: {
    en: "'documents' must be a list of mappings, each with 'files' (a list of globs) and optionally 'name'",
    'zh-CN': '“documents” 必须是映射的列表，每项含 “files”（glob 列表），可选 “name”',
  },
  documentsKey: { en: "unknown key '{0}' in a document group (expected 'name' or 'files')", 'zh-CN': '文档组中有未知的键 “{0}”（可用：name、files）' },
} satisfies Record<string, Localized>;

export type ConfigMessageKey = keyof typeof CONFIG_MESSAGES;

export function configMessage(locale: Locale, key: ConfigMessageKey, ...args: string[]): string {
  return format(CONFIG_MESSAGES[key][locale], ...args);
}
