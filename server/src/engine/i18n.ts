// Locales and message templates. Every user-visible string exists in English and Chinese; templates use
// numbered placeholders ({0}, {1}) and are filled by `format`, never assembled from fragments.

export type Locale = 'en' | 'zh-CN';

export interface Localized {
  readonly en: string;
  readonly 'zh-CN': string;
}

/** Picks a supported locale from a BCP 47 tag or a POSIX LANG value (zh_CN.UTF-8 → zh-CN). */
export function resolveLocale(tag: string | undefined | null): Locale {
  if (!tag) return 'en';
  return /^zh\b|^zh[-_]/i.test(tag.trim()) ? 'zh-CN' : 'en';
}

/** Fills {0}, {1} … in a template; a missing argument leaves the placeholder visible. */
export function format(template: string, ...args: readonly (string | number)[]): string {
  return template.replace(/\{(\d)\}/g, (whole, digit: string) => {
    const value = args[Number(digit)];
    return value === undefined ? whole : String(value);
  });
}

export function localize(text: Localized, locale: Locale, ...args: readonly (string | number)[]): string {
  return format(text[locale], ...args);
}

/** Quotes offending text the way each language does, shortening long text. */
export function quote(text: string, locale: Locale, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
  return locale === 'zh-CN' ? `“${short}”` : `"${short}"`;
}
