// Every message the CLI writes itself (usage errors, stderr notices, the summary line, the help text), in both
// languages. The language is `--locale` when given, else LC_ALL / LC_MESSAGES / LANG. The language-parity test
// checks that each entry has both languages with the same placeholders.
import { format, type Locale, type Localized } from '../engine/i18n';

export const CLI_MESSAGES = {
  runHelp: { en: "Run 'policylint --help' for usage.", 'zh-CN': "运行 'policylint --help' 查看用法。" },
  cannotRead: { en: "cannot read '{0}': {1}", 'zh-CN': "无法读取 '{0}'：{1}" },
  skipped: { en: "skipped '{0}': {1}", 'zh-CN': "已跳过 '{0}'：{1}" },
  internalError: { en: "internal error while checking '{0}': {1}", 'zh-CN': "检查 '{0}' 时发生内部错误：{1}" },
  // Reasons shown after "cannot read" / "skipped".
  noSuchFile: { en: 'no such file', 'zh-CN': '文件不存在' },
  noMatchingFiles: { en: 'no matching files', 'zh-CN': '没有匹配的文件' },
  permissionDenied: { en: 'permission denied', 'zh-CN': '没有权限' },
  isDirectory: { en: 'is a directory', 'zh-CN': '是一个目录' },
  notRegularFile: { en: 'not a regular file', 'zh-CN': '不是普通文件' },
  tooManyLinks: { en: 'too many symbolic links', 'zh-CN': '符号链接层数过多' },
  binaryFile: { en: 'binary file', 'zh-CN': '二进制文件' },
  notUtf8: { en: 'not UTF-8 text', 'zh-CN': '不是 UTF-8 文本' },
  // Usage errors.
  unknownOption: { en: "unknown option '{0}'", 'zh-CN': "未知的选项 '{0}'" },
  needsValue: { en: "option '{0}' needs a value", 'zh-CN': "选项 '{0}' 需要一个值" },
  needsValueDash: {
    en: "option '{0}' needs a value; write {0}=VALUE for one that starts with '-'",
    'zh-CN': "选项 '{0}' 需要一个值；以 '-' 开头的值请写成 {0}=VALUE",
  },
  missingCommand: { en: "missing command; did you mean 'policylint check'?", 'zh-CN': "缺少命令；是否想用 'policylint check'？" },
  unknownCommand: { en: "unknown command '{0}'", 'zh-CN': "未知的命令 '{0}'" },
  invalidValue: { en: "invalid value for '{0}': '{1}' (expected {2})", 'zh-CN': "'{0}' 的值 '{1}' 无效（可选：{2}）" },
  wholeNumber: { en: "option '--{0}' must be a whole number, got '{1}'", 'zh-CN': "选项 '--{0}' 必须是整数，实际为 '{1}'" },
  tooLarge: { en: "option '--{0}' is too large: '{1}'", 'zh-CN': "选项 '--{0}' 的值过大：'{1}'" },
  atLeastOne: { en: "option '--{0}' must be at least 1", 'zh-CN': "选项 '--{0}' 至少为 1" },
  configNeedsName: { en: "option '--config' needs a file name", 'zh-CN': "选项 '--config' 需要一个文件名" },
  mapNeedsOneFile: { en: "'policylint map' needs exactly one Markdown file", 'zh-CN': "'policylint map' 需要且只需要一个 Markdown 文件" },
  outNeedsName: { en: "option '--out' needs a file name", 'zh-CN': "选项 '--out' 需要一个文件名" },
  cannotWrite: { en: "cannot write '{0}': {1}", 'zh-CN': "无法写入 '{0}'：{1}" },
  mapTooLarge: { en: "'{0}' is larger than the size limit; no map was drawn", 'zh-CN': "'{0}' 超过大小上限，未生成框架图" },
  // Summary line of the text format.
  noProblems: { en: '✔ no problems in {0}', 'zh-CN': '✔ {0}中没有发现问题' },
  problems: { en: '✖ {0} ({1}) in {2}', 'zh-CN': '✖ {2}中共 {0}（{1}）' },
  filesOne: { en: '{0} file', 'zh-CN': '{0} 个文件' },
  filesMany: { en: '{0} files', 'zh-CN': '{0} 个文件' },
  problemsOne: { en: '{0} problem', 'zh-CN': '{0} 个问题' },
  problemsMany: { en: '{0} problems', 'zh-CN': '{0} 个问题' },
  errorsOne: { en: '{0} error', 'zh-CN': '{0} 个错误' },
  errorsMany: { en: '{0} errors', 'zh-CN': '{0} 个错误' },
  warningsOne: { en: '{0} warning', 'zh-CN': '{0} 个警告' },
  warningsMany: { en: '{0} warnings', 'zh-CN': '{0} 个警告' },
  information: { en: '{0} information', 'zh-CN': '{0} 条信息' },
  hintsOne: { en: '{0} hint', 'zh-CN': '{0} 条提示' },
  hintsMany: { en: '{0} hints', 'zh-CN': '{0} 条提示' },
  counts: { en: '{0}, {1}, {2}, {3}', 'zh-CN': '{0}，{1}，{2}，{3}' },
  help: {
    en: `Usage: policylint check [paths…] [options]
       policylint map FILE [--format html|mermaid|json] [--out FILE] [--config FILE] [--locale zh-CN|en]

Checks Markdown policy papers (Chinese and English) for citation, numbering and structure problems.

Paths may be files, directories (searched for *.md and *.markdown, skipping node_modules and
folders whose name starts with a dot) or glob patterns. Without a path, the current directory is checked.
Files matching the configuration's 'ignore' globs are skipped.

Options:
  --format text|json|sarif|github   output format (default: text)
  --config FILE                     use this .policylint.yaml / .policylint.json instead of looking for
                                    the nearest one above each file
  --max-warnings N                  exit with code 1 when there are more than N warnings
  --locale zh-CN|en                 language of messages (default: the configuration's locale,
                                    else LC_ALL / LC_MESSAGES / LANG, else en)
  --max-file-size BYTES             larger files get one notice instead of a check
  --jobs N                          check files on up to N worker threads (1: in the main thread only)
                                    (default: one per CPU core, when there is at least 4 MB per thread)
  -h, --help                        show this help
  -v, --version                     show the version

'map' draws the draft's framework map — challenges, countermeasures and the links between them — as a
self-contained HTML page (default), a Mermaid flowchart or JSON, on standard output or into --out FILE.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 problems found,
            2 usage error, unreadable path or invalid configuration.
`,
    'zh-CN': `用法：policylint check [路径…] [选项]
      policylint map 文件 [--format html|mermaid|json] [--out 文件] [--config 文件] [--locale zh-CN|en]

检查以 Markdown 撰写的政策论文（中文与英文）中的引用、编号与结构问题。

路径可以是文件、目录（查找其中的 *.md 与 *.markdown，跳过 node_modules 和以点开头的文件夹）
或 glob 模式。不给路径时检查当前目录。与配置中 'ignore' glob 匹配的文件会被跳过。

选项：
  --format text|json|sarif|github   输出格式（默认：text）
  --config FILE                     使用此 .policylint.yaml / .policylint.json，而不是逐个文件
                                    向上查找最近的配置
  --max-warnings N                  警告多于 N 条时以退出码 1 结束
  --locale zh-CN|en                 提示信息的语言（默认：配置中的 locale，
                                    否则按 LC_ALL / LC_MESSAGES / LANG，否则为 en）
  --max-file-size BYTES             更大的文件只给出一条提示，不做检查
  --jobs N                          最多用 N 个工作线程检查文件（1：只用主线程）
                                    （默认：每个 CPU 核一个线程，前提是每个线程至少有 4 MB 文本）
  -h, --help                        显示本帮助
  -v, --version                     显示版本号

'map' 绘制稿件的框架图（挑战、对策及其对应关系），输出为独立的 HTML 页面（默认）、Mermaid 流程图或 JSON，
写到标准输出或 --out 指定的文件。

退出码：0 无错误（且警告数不超过 --max-warnings），1 发现问题，
        2 用法错误、路径无法读取或配置无效。
`,
  },
} satisfies Record<string, Localized>;

export type CliMessageKey = keyof typeof CLI_MESSAGES;

export function cliMessage(locale: Locale, key: CliMessageKey, ...args: readonly (string | number)[]): string {
  return format(CLI_MESSAGES[key][locale], ...args);
}

/** Translates one of the fixed English reasons produced by discovery and reading; anything else stays as is. */
export function localizeReason(reason: string, locale: Locale): string {
  if (locale === 'en') return reason;
  const key = (Object.keys(CLI_MESSAGES) as CliMessageKey[]).find((candidate) => CLI_MESSAGES[candidate].en === reason);
  return key ? CLI_MESSAGES[key][locale] : reason;
}
