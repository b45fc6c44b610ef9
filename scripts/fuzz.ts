// Time-boxed fuzzing of the engine: generates drafts and mutates the fixture drafts continuously and checks
// every case for crashes (an exception from lintText or codeActions), invalid ranges, non-determinism, CRLF/BOM
// differences, unsound fixes, and models read in pieces that differ from the whole-text parse. Crashing inputs are minimised (fast-check shrinking) and saved under .fuzz/.
// Also times each hostile input once and reports the slowest cases.
//
//   npm run fuzz -- [--seconds N] [--seed S] [--no-hostile]   (default 60 seconds, hostile inputs included)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { codeActions, lintText, parseDocument } from '../server/src/engine/index';
import { LONG_PARAGRAPH } from '../server/src/engine/parse/chunks';
import {
  FULLY_FIXABLE,
  HOSTILE,
  OPTIONS,
  ROOT,
  applyEdits,
  draft,
  editProblem,
  documentFix,
  leftAfterFix,
  fixtureDrafts,
  lintAsEditor,
  lintWithBomExpected,
  mutate,
  mutation,
  preservesOutside,
  rangeProblem,
  toCrlf,
} from '../server/test/robustness-drafts';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const seconds = Number(argument('seconds') ?? 60);
const seed = Number(argument('seed') ?? Date.now() % 2 ** 31);
if (!Number.isFinite(seconds) || seconds <= 0) {
  process.stderr.write('fuzz: --seconds must be a positive number\n');
  process.exit(2);
}
const OUT = join(ROOT, '.fuzz');

type Kind = 'crash' | 'invalid range' | 'nondeterminism' | 'line endings' | 'unsound fix' | 'stale fix applied' | 'pieces differ';

class Failure extends Error {
  constructor(readonly kind: Kind, message: string) {
    super(`${kind}: ${message}`);
  }
}

function hasLongParagraph(text: string): boolean {
  return text.split(/(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)/).some((part) => part.length > LONG_PARAGRAPH);
}

/** Runs every check on one text; throws a Failure naming what went wrong. */
function checkCase(text: string, deep: boolean): number {
  let findings;
  const t0 = performance.now();
  try {
    findings = lintText(text, OPTIONS).findings;
  } catch (error) {
    throw new Failure('crash', `lintText threw ${String(error)}`);
  }
  const ms = performance.now() - t0;
  const range = rangeProblem(text, findings);
  if (range) throw new Failure('invalid range', range);
  if (JSON.stringify(lintText(text, OPTIONS).findings) !== JSON.stringify(findings)) {
    throw new Failure('nondeterminism', 'two checks of the same text differ');
  }
  if (!deep) return ms;
  // Read in pieces (plain pieces without the parser), the model is the parser's model of the whole text; only
  // paragraphs longer than LONG_PARAGRAPH are cut on purpose.
  if (!hasLongParagraph(text) && !isDeepStrictEqual(parseDocument(text), parseDocument(text, { whole: true }))) {
    throw new Failure('pieces differ', 'the model read in pieces differs from the whole-text parse');
  }
  const lf = text.replace(/\r\n?/g, '\n');
  const expected = JSON.stringify(lintAsEditor(lf));
  if (JSON.stringify(lintAsEditor(toCrlf(lf))) !== expected) throw new Failure('line endings', 'CRLF findings differ from LF');
  if (JSON.stringify(lintAsEditor(`\ufeff${lf}`)) !== JSON.stringify(lintWithBomExpected(lf))) {
    throw new Failure('line endings', 'BOM findings differ from LF');
  }
  try {
    for (const rule of FULLY_FIXABLE) {
      const found = documentFix(text, rule);
      if (!found) continue;
      const problem = editProblem(text, found.fix.edits);
      if (problem) throw new Failure('unsound fix', `${rule}: ${problem}`);
      const fixed = applyEdits(text, found.fix.edits);
      if (!preservesOutside(text, fixed, found.fix.edits)) throw new Failure('unsound fix', `${rule}: text outside the edits changed`);
      const left = leftAfterFix(text, found.findings, fixed, lintText(fixed, OPTIONS).findings, rule);
      if (left.length > 0) throw new Failure('unsound fix', `${rule}: ${left.length} finding(s) left after the fix`);
    }
    const target = findings.find((finding) => finding.span.end > finding.span.start);
    if (target) {
      const edited = `${text.slice(0, target.span.start)}X${text.slice(target.span.start)}`;
      const stale = codeActions(parseDocument(edited), [target], target.span, OPTIONS).filter((a) => a.kind === 'quickfix');
      if (stale.length > 0) throw new Failure('stale fix applied', `${target.rule} fix offered on changed text`);
    }
  } catch (error) {
    if (error instanceof Failure) throw error;
    throw new Failure('crash', `codeActions threw ${String(error)}`);
  }
  return ms;
}

const fixtures = fixtureDrafts();
const mutated = fc
  .tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([fixture, mutations]) => mutate(fixture.text, mutations));
const noisy = fc
  .tuple(draft, fc.array(fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 4 }))
  .map(([text, noise]) => noise.reduce((acc, [at, piece]) => acc.slice(0, at % (acc.length + 1)) + piece + acc.slice(at % (acc.length + 1)), text));
const anyCase = fc.oneof({ weight: 3, arbitrary: draft }, { weight: 3, arbitrary: mutated }, { weight: 2, arbitrary: noisy }, fc.string({ unit: 'binary', maxLength: 2000 }));

interface Timed {
  readonly label: string;
  readonly size: number;
  readonly ms: number;
}

const slowest: Timed[] = [];
function recordTime(entry: Timed): void {
  slowest.push(entry);
  slowest.sort((a, b) => b.ms - a.ms);
  slowest.length = Math.min(slowest.length, 5);
}

const counts: Record<Kind, number> = {
  crash: 0, 'invalid range': 0, nondeterminism: 0, 'line endings': 0, 'unsound fix': 0, 'stale fix applied': 0, 'pieces differ': 0,
};
const saved: string[] = [];

/** Whether the text still fails the same way. */
function failsAs(text: string, kind: Kind): boolean {
  try {
    checkCase(text, true);
    return false;
  } catch (error) {
    return error instanceof Failure && error.kind === kind;
  }
}

/** Delta debugging: removes ever smaller chunks while the failure persists (bounded to a few seconds). */
function minimise(text: string, kind: Kind): string {
  const until = Date.now() + 10_000;
  let current = text;
  for (let chunk = Math.max(1, current.length >> 1); chunk >= 1 && Date.now() < until; chunk >>= 1) {
    for (let at = 0; at < current.length && Date.now() < until; ) {
      const candidate = current.slice(0, at) + current.slice(at + chunk);
      if (failsAs(candidate, kind)) current = candidate;
      else at += chunk;
    }
  }
  return current;
}

function saveFailure(text: string, failure: Failure): void {
  mkdirSync(OUT, { recursive: true });
  const minimal = minimise(text, failure.kind);
  const name = `${failure.kind.replace(/\s+/g, '-')}-${saved.length + 1}`;
  writeFileSync(join(OUT, `${name}.md`), minimal);
  writeFileSync(join(OUT, `${name}.txt`), `${failure.message}\noriginal length ${text.length}, minimised ${minimal.length}\n`);
  saved.push(`${name}.md (${failure.message}; ${text.length} → ${minimal.length} chars)`);
}

const started = Date.now();
const deadline = started + seconds * 1000;
let cases = 0;
let batch = 0;
process.stdout.write(`fuzz: seed ${seed}, ${seconds} s, ${fixtures.length} fixture drafts\n`);

// Hostile inputs first (within the time box), each checked once and timed.
const hostileTimes: Timed[] = [];
for (const { name, make } of process.argv.includes('--no-hostile') ? [] : HOSTILE) {
  if (Date.now() >= deadline) break;
  const text = make();
  try {
    const t0 = performance.now();
    const findings = lintText(text, OPTIONS).findings;
    const ms = performance.now() - t0;
    const range = rangeProblem(text, findings);
    if (range) throw new Failure('invalid range', range);
    hostileTimes.push({ label: name, size: text.length, ms });
    recordTime({ label: `hostile: ${name}`, size: text.length, ms });
  } catch (error) {
    const failure = error instanceof Failure ? error : new Failure('crash', String(error));
    counts[failure.kind]++;
    saved.push(`(hostile) ${name}: ${failure.message}`);
  }
  cases++;
}

while (Date.now() < deadline) {
  const samples = fc.sample(anyCase, { numRuns: 50, seed: seed + batch++ });
  for (const text of samples) {
    if (Date.now() >= deadline) break;
    const deep = cases % 4 === 0;
    try {
      recordTime({ label: `generated case #${cases}`, size: text.length, ms: checkCase(text, deep) });
    } catch (error) {
      const failure = error instanceof Failure ? error : new Failure('crash', String(error));
      counts[failure.kind]++;
      if (saved.length < 20) saveFailure(text, failure);
    }
    cases++;
  }
}

const elapsed = (Date.now() - started) / 1000;
const lines = [
  `fuzz: ${cases} cases in ${elapsed.toFixed(0)} s (seed ${seed})`,
  ...Object.entries(counts).map(([kind, count]) => `  ${kind}: ${count}`),
  saved.length > 0 ? `  saved under .fuzz/:\n${saved.map((s) => `    ${s}`).join('\n')}` : '  nothing saved',
  '  hostile inputs (time of one lintText):',
  ...hostileTimes.map((s) => `    ${s.ms.toFixed(0).padStart(6)} ms  ${String(s.size).padStart(8)} chars  ${s.label}`),
  '  slowest 5 (time of one lintText):',
  ...slowest.map((s) => `    ${s.ms.toFixed(0).padStart(6)} ms  ${String(s.size).padStart(8)} chars  ${s.label}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = Object.values(counts).some((count) => count > 0) ? 1 : 0;
