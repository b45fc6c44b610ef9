// invalid-directive: a policylint comment directive that names a rule that does not exist, or a directive
// that is not one of disable / enable / disable-line / disable-next-line / disable-file. Such a comment
// silences nothing, which the author would otherwise never notice.
import type { Rule } from '../finding';
import { localize, quote } from '../i18n';
import { parseDirectives } from '../suppression';

const messages = {
  'unknown-rule': {
    en: 'Unknown rule {0} in a policylint directive; it silences nothing.',
    'zh-CN': 'policylint 指令中的规则{0}不存在，该指令不起作用。',
  },
  'unknown-directive': {
    en: 'Unknown directive {0}; use disable, enable, disable-line, disable-next-line or disable-file.',
    'zh-CN': '未知指令{0}；可用的指令为 disable、enable、disable-line、disable-next-line 和 disable-file。',
  },
} as const;

export const invalidDirective: Rule = {
  id: 'invalid-directive',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    en: 'A policylint comment directive names an unknown rule or is not a known directive.',
    'zh-CN': 'policylint 注释指令中的规则名或指令名无法识别。',
  },
  check(model, context) {
    return parseDirectives(model, context.knownRules ?? new Set()).problems.map((problem) => ({
      span: problem.span,
      message: localize(messages[problem.kind], context.locale, quote(problem.name, context.locale)),
      related: [],
    }));
  },
};
