// The analytical framework: the paper's framework as typed, frozen data, plus the tools to merge a user's own
// framework over it and to find its cue words in prose. The data lives in paper-framework.json (bundled by
// esbuild); its format is documented in docs/framework.md.
import paperFrameworkData from './paper-framework.json';
import { deepFreeze, validateFramework } from './merge';
import type { Framework } from './types';

export * from './types';
export { mergeFramework, validateFramework } from './merge';
export { findCues, headingKind, rankTiers, rankCountermeasures, countermeasuresFor } from './cues';
export type { CueMatch, HeadingKind, Ranked } from './cues';

function loadPaperFramework(): Framework {
  const { framework, issues } = validateFramework(paperFrameworkData);
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (!framework || errors.length > 0) {
    // A broken bundled file is a build defect, not a user error: fail loudly so tests catch it.
    throw new Error(`paper-framework.json is invalid: ${errors.map((e) => e.message.en).join(' ')}`);
  }
  return deepFreeze(framework);
}

/** The framework of the paper: three levers (2.1–2.3), three challenge tiers (4.1–4.3), three countermeasure dimensions (5.1–5.3). */
export const paperFramework: Framework = loadPaperFramework();

/** Looks up a lever, tier or countermeasure dimension by id. */
export function frameworkItem(framework: Framework, id: string) {
  return (
    framework.levers.find((lever) => lever.id === id) ??
    framework.tiers.find((tier) => tier.id === id) ??
    framework.countermeasures.find((dimension) => dimension.id === id)
  );
}

