// Produced by `lintText` before parsing, never by `check`: a huge file gets one finding instead of a slow
// check. Registered like any rule so it has a doc page and its severity can be changed or turned off.
import type { Rule } from '../finding';
import type { Localized } from '../i18n';

export const fileTooLargeMessage: Localized = {
  en: 'The file is {0} bytes, more than the limit of {1} bytes, so Policylint did not check it.',
  'zh-CN': '文件大小为 {0} 字节，超过了 {1} 字节的上限，因此 Policylint 没有检查它。',
};

export const fileTooLarge: Rule = {
  id: 'file-too-large',
  defaultSeverity: 'information',
  description: {
    en: 'Files larger than the size limit are not checked.',
    'zh-CN': '超过大小上限的文件不做检查。',
  },
  fixable: false,
  check: () => [],
};
