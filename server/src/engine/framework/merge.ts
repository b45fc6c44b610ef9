// Reading, validating and merging framework data. Input is whatever a user wrote in JSON or YAML, so parsing is
// lenient (a plain string counts for both languages, "zh" is accepted for "zh-CN") and every problem becomes a
// readable, bilingual issue with the path of the offending value instead of an exception.
import { format, type Localized } from '../i18n';
import type {
  ChallengeTier,
  CountermeasureDimension,
  Framework,
  FrameworkIssue,
  FrameworkLever,
  FrameworkSource,
  MergeMode,
  MergeResult,
} from './types';

const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
const SECTION_PATTERN = /^[0-9A-Za-z一二三四五六七八九十]+(?:\.[0-9]+)*$/;

const MESSAGES = {
  notObject: { en: '{0} must be an object.', 'zh-CN': '{0} 必须是一个对象。' },
  notList: { en: '{0} must be a list.', 'zh-CN': '{0} 必须是一个列表。' },
  missing: { en: '{0} is required.', 'zh-CN': '缺少必填项 {0}。' },
  text: {
    en: '{0} needs text in both languages: a string, or an object with "en" and "zh-CN".',
    'zh-CN': '{0} 需要中英文两种文本：一个字符串，或含 “en” 与 “zh-CN” 的对象。',
  },
  id: {
    en: '{0} must be an id of lower-case letters, digits and hyphens such as "policy-support"; found {1}.',
    'zh-CN': '{0} 必须是由小写字母、数字和连字符组成的 id（如 “policy-support”），实际为 {1}。',
  },
  duplicate: { en: '{0} repeats the id "{1}".', 'zh-CN': '{0} 重复使用了 id “{1}”。' },
  cues: { en: '{0} must be a non-empty list of non-empty words.', 'zh-CN': '{0} 必须是由非空词语组成的非空列表。' },
  section: {
    en: '{0} must be a section number such as "4.1"; found {1}.',
    'zh-CN': '{0} 必须是章节号（如 “4.1”），实际为 {1}。',
  },
  unknownTier: {
    en: '{0} answers the tier "{1}", but no tier has that id.',
    'zh-CN': '{0} 对应的挑战层级 “{1}” 不存在。',
  },
  unanswered: {
    en: 'No countermeasure dimension answers the tier "{0}".',
    'zh-CN': '没有任何对策维度对应挑战层级 “{0}”。',
  },
  noTiers: { en: '{0} must define at least one challenge tier.', 'zh-CN': '{0} 至少要定义一个挑战层级。' },
  unknownField: {
    en: '{0} is not a framework field and was ignored.',
    'zh-CN': '{0} 不是框架字段，已忽略。',
  },
  rejected: {
    en: 'The user framework has errors, so the bundled framework is used instead.',
    'zh-CN': '用户框架存在错误，已改用内置框架。',
  },
} satisfies Record<string, Localized>;

type Raw = Record<string, unknown>;

class Reader {
  readonly issues: FrameworkIssue[] = [];

  report(severity: FrameworkIssue['severity'], path: string, template: Localized, ...args: string[]): void {
    this.issues.push({
      severity,
      path,
      message: { en: format(template.en, path, ...args), 'zh-CN': format(template['zh-CN'], path, ...args) },
    });
  }

  object(value: unknown, path: string): Raw | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Raw;
    this.report('error', path, MESSAGES.notObject);
    return undefined;
  }

  list(value: unknown, path: string): readonly unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.report('error', path, MESSAGES.notList);
    return undefined;
  }

  localized(value: unknown, path: string): Localized | undefined {
    if (typeof value === 'string' && value.trim()) return { en: value, 'zh-CN': value };
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const raw = value as Raw;
      const en = raw.en;
      const zh = raw['zh-CN'] ?? raw.zh;
      if (typeof en === 'string' && en.trim() && typeof zh === 'string' && zh.trim()) return { en, 'zh-CN': zh };
    }
    this.report('error', path, MESSAGES.text);
    return undefined;
  }

  id(value: unknown, path: string): string | undefined {
    if (typeof value === 'string' && ID_PATTERN.test(value)) return value;
    this.report('error', path, MESSAGES.id, JSON.stringify(value) ?? 'undefined');
    return undefined;
  }

  section(value: unknown, path: string): string | undefined {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text === 'string' && SECTION_PATTERN.test(text)) return text;
    this.report('error', path, MESSAGES.section, JSON.stringify(value) ?? 'undefined');
    return undefined;
  }

  cues(value: unknown, path: string): readonly string[] | undefined {
    if (Array.isArray(value) && value.length > 0 && value.every((cue) => typeof cue === 'string' && cue.trim() !== '')) {
      return value.map((cue: string) => cue.trim());
    }
    this.report('error', path, MESSAGES.cues);
    return undefined;
  }

  unknownFields(raw: Raw, path: string, known: readonly string[]): void {
    for (const key of Object.keys(raw)) {
      if (!known.includes(key)) this.report('warning', join(path, key), MESSAGES.unknownField);
    }
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

type FieldKind = 'id' | 'localized' | 'cues' | 'section' | 'answers';
type ItemSpec = Readonly<Record<string, FieldKind>>;

const LEVER_SPEC: ItemSpec = {
  id: 'id',
  term: 'localized',
  meaning: 'localized',
  howItDrivesCooperation: 'localized',
  cues: 'cues',
  section: 'section',
};
const TIER_SPEC: ItemSpec = { id: 'id', name: 'localized', meaning: 'localized', cues: 'cues', section: 'section' };
const COUNTERMEASURE_SPEC: ItemSpec = { ...TIER_SPEC, answers: 'answers' };
const TOP_LEVEL_FIELDS = ['id', 'title', 'source', 'levers', 'tiers', 'countermeasures', 'headingCues', 'enumerators'];

/** Reads one list item; `complete` demands every field (new items), otherwise fields are optional (overrides). */
function readItem(reader: Reader, value: unknown, path: string, spec: ItemSpec, complete: boolean): Raw | undefined {
  const raw = reader.object(value, path);
  if (!raw) return undefined;
  reader.unknownFields(raw, path, Object.keys(spec));
  const item: Raw = {};
  let ok = true;
  for (const [field, kind] of Object.entries(spec)) {
    const fieldPath = join(path, field);
    if (raw[field] === undefined) {
      if (complete) {
        reader.report('error', fieldPath, MESSAGES.missing);
        ok = false;
      }
      continue;
    }
    const read =
      kind === 'id' || kind === 'answers'
        ? reader.id(raw[field], fieldPath)
        : kind === 'localized'
          ? reader.localized(raw[field], fieldPath)
          : kind === 'cues'
            ? reader.cues(raw[field], fieldPath)
            : reader.section(raw[field], fieldPath);
    if (read === undefined) ok = false;
    else item[field] = read;
  }
  return ok ? item : undefined;
}

function union(a: readonly string[], b: readonly string[]): readonly string[] {
  return [...new Set([...a, ...b])];
}

/** Merges a user list into a base list by id: same id → fields override and cues add up; new id → appended. */
function mergeList<T extends { readonly id: string; readonly cues: readonly string[] }>(
  reader: Reader,
  base: readonly T[],
  value: unknown,
  path: string,
  spec: ItemSpec,
  mode: MergeMode,
): readonly T[] | undefined {
  const rawItems = reader.list(value, path);
  if (!rawItems) return undefined;
  const result: T[] = mode === 'extend' ? [...base] : [];
  const seen = new Set<string>();
  let ok = true;
  rawItems.forEach((rawItem, index) => {
    const itemPath = join(path, index);
    const rawId = typeof rawItem === 'object' && rawItem !== null ? (rawItem as Raw).id : undefined;
    if (typeof rawId === 'string') {
      if (seen.has(rawId)) {
        reader.report('error', join(itemPath, 'id'), MESSAGES.duplicate, rawId);
        ok = false;
        return;
      }
      seen.add(rawId);
    }
    const at = typeof rawId === 'string' ? result.findIndex((item) => item.id === rawId) : -1;
    const item = readItem(reader, rawItem, itemPath, spec, at < 0);
    if (!item) {
      ok = false;
      return;
    }
    if (at >= 0) {
      const previous = result[at]!;
      const cues = item.cues ? union(previous.cues, item.cues as readonly string[]) : previous.cues;
      result[at] = { ...previous, ...item, cues } as T;
    } else {
      result.push(item as unknown as T);
    }
  });
  return ok ? result : undefined;
}

function readSource(reader: Reader, value: unknown, path: string): FrameworkSource | undefined {
  const raw = reader.object(value, path);
  if (!raw) return undefined;
  reader.unknownFields(raw, path, ['citation', 'sections', 'referenceCount']);
  const citation = reader.localized(raw.citation, join(path, 'citation'));
  if (!citation) return undefined;
  let sections: readonly string[] | undefined;
  if (raw.sections !== undefined) {
    const list = reader.list(raw.sections, join(path, 'sections')) ?? [];
    sections = list.map((entry, i) => reader.section(entry, join(join(path, 'sections'), i)) ?? '');
  }
  const count = raw.referenceCount;
  const referenceCount = typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined;
  return { citation, ...(sections ? { sections } : {}), ...(referenceCount !== undefined ? { referenceCount } : {}) };
}

function readEnumerators(reader: Reader, value: unknown, path: string): readonly (readonly string[])[] | undefined {
  const list = reader.list(value, path);
  if (!list) return undefined;
  const series = list.map((entry, i) => reader.cues(entry, join(path, i)));
  return series.every((s) => s !== undefined) ? (series as readonly (readonly string[])[]) : undefined;
}

function checkPairs(reader: Reader, framework: Framework): void {
  if (framework.tiers.length === 0) reader.report('error', 'tiers', MESSAGES.noTiers);
  const tierIds = new Set(framework.tiers.map((tier) => tier.id));
  framework.countermeasures.forEach((dimension, index) => {
    if (!tierIds.has(dimension.answers)) {
      reader.report('error', `countermeasures[${index}].answers`, MESSAGES.unknownTier, dimension.answers);
    }
  });
  for (const tier of framework.tiers) {
    if (!framework.countermeasures.some((dimension) => dimension.answers === tier.id)) {
      reader.issues.push({
        severity: 'warning',
        path: 'countermeasures',
        message: { en: format(MESSAGES.unanswered.en, tier.id), 'zh-CN': format(MESSAGES.unanswered['zh-CN'], tier.id) },
      });
    }
  }
}

/**
 * Combines the base framework with user data. `replace`: the user data is a whole framework (source, levers
 * and countermeasures may be left out and are then its title and empty; headingCues and enumerators are then
 * taken from the base, since they describe policy papers in general).
 * `extend`: every field is optional; list items with a known id override that item's fields and add cues,
 * items with a new id are appended, heading cues and enumerators are added. When the result has errors the
 * base framework is returned unchanged together with the issues.
 */
export function mergeFramework(base: Framework, user: unknown, mode: MergeMode): MergeResult {
  const reader = new Reader();
  const raw = reader.object(user, '(framework)');
  if (!raw) return { framework: base, issues: reader.issues };
  reader.unknownFields(raw, '', TOP_LEVEL_FIELDS);
  const replacing = mode === 'replace';
  const pick = <T>(field: string, read: () => T | undefined, fallback: T, required: boolean): T | undefined => {
    if (raw[field] !== undefined) return read();
    if (required) {
      reader.report('error', field, MESSAGES.missing);
      return undefined;
    }
    return fallback;
  };

  const id = pick('id', () => reader.id(raw.id, 'id'), base.id, replacing);
  const title = pick('title', () => reader.localized(raw.title, 'title'), base.title, replacing);
  // A replacement is about another topic, so without a source of its own it must not inherit the paper's.
  const ownSource: FrameworkSource = { citation: title ?? base.title };
  const source = pick('source', () => readSource(reader, raw.source, 'source'), replacing ? ownSource : base.source, false);
  const levers = pick<readonly FrameworkLever[]>(
    'levers',
    () => mergeList(reader, base.levers, raw.levers, 'levers', LEVER_SPEC, mode),
    replacing ? [] : base.levers,
    false,
  );
  const tiers = pick<readonly ChallengeTier[]>(
    'tiers',
    () => mergeList(reader, base.tiers, raw.tiers, 'tiers', TIER_SPEC, mode),
    base.tiers,
    replacing,
  );
  const countermeasures = pick<readonly CountermeasureDimension[]>(
    'countermeasures',
    () => mergeList(reader, base.countermeasures, raw.countermeasures, 'countermeasures', COUNTERMEASURE_SPEC, mode),
    replacing ? [] : base.countermeasures,
    false,
  );
  const headingCues = pick(
    'headingCues',
    () => {
      const cuesRaw = reader.object(raw.headingCues, 'headingCues');
      if (!cuesRaw) return undefined;
      reader.unknownFields(cuesRaw, 'headingCues', ['challenge', 'countermeasure']);
      const read = (key: 'challenge' | 'countermeasure'): readonly string[] | undefined =>
        cuesRaw[key] === undefined
          ? base.headingCues[key]
          : (() => {
              const cues = reader.cues(cuesRaw[key], `headingCues.${key}`);
              return cues && !replacing ? union(base.headingCues[key], cues) : cues;
            })();
      const challenge = read('challenge');
      const countermeasure = read('countermeasure');
      return challenge && countermeasure ? { challenge, countermeasure } : undefined;
    },
    base.headingCues,
    false,
  );
  const enumerators = pick(
    'enumerators',
    () => {
      const series = readEnumerators(reader, raw.enumerators, 'enumerators');
      return series && !replacing ? [...base.enumerators, ...series] : series;
    },
    base.enumerators,
    false,
  );

  if (
    reader.issues.some((issue) => issue.severity === 'error') ||
    !id || !title || !source || !levers || !tiers || !countermeasures || !headingCues || !enumerators
  ) {
    reader.report('error', '(framework)', MESSAGES.rejected);
    return { framework: base, issues: reader.issues };
  }
  const framework: Framework = { id, title, source, levers, tiers, countermeasures, headingCues, enumerators };
  checkPairs(reader, framework);
  if (reader.issues.some((issue) => issue.severity === 'error')) {
    reader.report('error', '(framework)', MESSAGES.rejected);
    return { framework: base, issues: reader.issues };
  }
  return { framework: deepFreeze(framework), issues: reader.issues };
}

/** Validates a complete framework (the same checks as a `replace` merge) without a base to fall back on. */
export function validateFramework(value: unknown): { framework: Framework | undefined; issues: readonly FrameworkIssue[] } {
  const placeholder: Framework = {
    id: 'none',
    title: { en: '-', 'zh-CN': '-' },
    source: { citation: { en: '-', 'zh-CN': '-' } },
    levers: [],
    tiers: [],
    countermeasures: [],
    headingCues: { challenge: [], countermeasure: [] },
    enumerators: [],
  };
  const { framework, issues } = mergeFramework(placeholder, value, 'replace');
  return { framework: framework === placeholder ? undefined : framework, issues };
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
