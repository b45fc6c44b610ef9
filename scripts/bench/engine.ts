// The engine in process: parse, each rule on the parsed model, and the whole check, on 1×, 5× and 20× the paper.
// Every timed run starts from cold caches (see `resetEngineCaches`); a second check of the same, unchanged
// text right after it shows what the caches save.
import * as check from '../../server/src/engine/check';
import * as pieces from '../../server/src/engine/parse/pieces';
import { parseDocument } from '../../server/src/engine/parse';
import { rules } from '../../server/src/engine/rules';
import { defaultOptions } from '../../server/src/engine/options';
import { timed, timeSync } from './stats';

export interface EngineRow {
  readonly copies: number;
  readonly bytes: number;
  readonly findings: number;
  readonly parse: number[];
  readonly perRule: Map<string, number[]>;
  /** Parse + every rule, cold caches. */
  readonly total: number[];
  /** Parse + every rule again on the same text, right after `total` (warm caches). */
  readonly warm: number[];
}

type Reset = () => void;

function exported(module: object, name: string): Reset | undefined {
  const value = (module as { readonly [key: string]: unknown })[name];
  return typeof value === 'function' ? (value as Reset) : undefined;
}

/**
 * How caches are emptied before each timed run: `resetCaches()` from check.ts when the engine has it (every
 * content-keyed cache), else the parse cache's own reset, else nothing (then the engine has no such cache).
 */
export const cacheReset: { readonly how: string; readonly reset: Reset } = (() => {
  const all = exported(check, 'resetCaches');
  if (all) return { how: '`resetCaches()` from server/src/engine/check.ts', reset: all };
  const parseOnly = exported(pieces, 'resetParseCache');
  if (parseOnly) return { how: '`resetParseCache()` from server/src/engine/parse/pieces.ts (check.ts has no `resetCaches()` yet)', reset: parseOnly };
  return { how: 'nothing to reset (the engine exports no cache reset)', reset: () => undefined };
})();

const lint = (text: string): number => check.checkDocument(parseDocument(text), defaultOptions).length;

export function measureEngine(copies: number, text: string, runs: number): EngineRow {
  const row: EngineRow = {
    copies,
    bytes: Buffer.byteLength(text),
    findings: 0,
    parse: [],
    perRule: new Map(rules.map((rule) => [rule.id, []])),
    total: [],
    warm: [],
  };
  // Warm up the JIT and the regular expressions; caches are emptied before every timed run anyway.
  for (let i = 0; i < 3; i++) {
    cacheReset.reset();
    lint(text);
  }
  let findings = 0;
  for (let run = 0; run < runs; run++) {
    cacheReset.reset();
    const [parsed, parseTime] = timed(() => parseDocument(text));
    row.parse.push(parseTime);
    for (const rule of rules) {
      row.perRule.get(rule.id)!.push(timeSync(() => rule.check(parsed, check.ruleContext(rule, defaultOptions))));
    }
    cacheReset.reset();
    const [found, totalTime] = timed(() => lint(text));
    findings = found;
    row.total.push(totalTime);
    row.warm.push(timeSync(() => lint(text)));
  }
  return { ...row, findings };
}
