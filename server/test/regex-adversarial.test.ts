// Every regular expression literal in server/src, run against adversarial strings of 50,000 characters built
// from its own character classes and literal fragments (long runs of one class, alternating pairs, repeated
// prefixes followed by a character that breaks the match). Each must finish; any that needs more than 100 ms is
// listed in the test's diagnostics (and in docs/robustness.md) as a backtracking bug. To keep the suite fast,
// every input is timed at 500 characters and only each pattern's hardest few run at the full 50,000.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from './robustness-drafts';

const LENGTH = 50_000;
const SLOW_MS = 100;
/** How many of a pattern's inputs (its hardest at 500 characters) are run at full length. */
const WORST_INPUTS = 4;

interface Literal {
  readonly file: string;
  readonly line: number;
  readonly source: string;
  readonly regex: RegExp;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Regular expression literals, found by the TypeScript scanner (so none in strings or comments are taken). */
function literalsIn(path: string): Literal[] {
  const text = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(file);
      const close = literal.lastIndexOf('/');
      const source = literal.slice(1, close);
      const flags = literal.slice(close + 1).replace(/[gy]/g, '');
      found.push({
        file: relative(ROOT, path),
        line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
        source,
        regex: new RegExp(source, flags),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const CLASS_ESCAPES: { readonly [escape: string]: readonly string[] } = {
  d: ['1', '９'], D: ['a', '。'], s: [' ', '\u3000', '\n'], S: ['x', '中'], w: ['a', '_'], W: ['，', '-'], b: [], B: [],
  n: ['\n'], r: ['\r'], t: ['\t'], p: ['中', 'a'], P: ['1'],
};

/** Characters the pattern can match: literal characters, class members, range ends and middles, escapes. */
function alphabet(source: string): string[] {
  const chars = new Set<string>(['中', 'a', '1', ' ', '。', '[', ']', '(', ')']);
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 'u' && source[i + 2] === '{') {
        const end = source.indexOf('}', i);
        chars.add(String.fromCodePoint(parseInt(source.slice(i + 3, end), 16)));
        i = end;
      } else if (next === 'u' || next === 'x') {
        const digits = next === 'u' ? 4 : 2;
        chars.add(String.fromCharCode(parseInt(source.slice(i + 2, i + 2 + digits), 16)));
        i += 1 + digits;
      } else {
        for (const member of CLASS_ESCAPES[next] ?? [next]) chars.add(member);
        i++;
      }
    } else if (c === '-' && i > 0 && i + 1 < source.length && source[i - 1] !== '[' && source[i + 1] !== ']') {
      const from = source.codePointAt(i - 1)!;
      const to = source.codePointAt(i + 1)!;
      if (to > from) chars.add(String.fromCodePoint((from + to) >> 1));
    } else if (!'^$|?*+(){}'.includes(c)) {
      chars.add(c);
    }
  }
  return [...chars].filter((c) => c.length > 0);
}

/** Literal fragments: runs of plain characters ("来源", "Sources", "policylint-"). */
function fragments(source: string): string[] {
  return [...new Set(source.split(/\\.|[\[\]()|?*+{}^$.]/).filter((part) => part.length >= 2))];
}

type Input = (length: number) => string;

function adversarial(source: string): Input[] {
  const chars = alphabet(source);
  const inputs: Input[] = [];
  const fill = (unit: string) => (length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  for (const c of chars) {
    inputs.push(fill(c), (length) => `${fill(c)(length - 1)}\u0000`);
  }
  // Pairs of class members alternate the way backtracking alternations fail slowest; a sample keeps this bounded.
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 1; j < chars.length && j < i + 6; j++) {
      const pair = fill(chars[i]! + chars[j]!);
      inputs.push(pair, (length) => `${pair(length - 1)}!`);
    }
  }
  for (const fragment of fragments(source)) {
    const prefix = fragment.slice(0, Math.max(1, fragment.length - 1));
    inputs.push(fill(fragment), fill(prefix), fill(`${prefix} `), fill(`${fragment}1`));
  }
  inputs.push(fill('[1,'), fill('1 '), fill('[1]'), fill('约1'), fill('<!--'), fill('\r\n'));
  return inputs;
}

const literals = sourceFiles(join(ROOT, 'server', 'src')).flatMap(literalsIn);

test('regular expression literals are found in server/src', () => {
  assert.ok(literals.length > 50, `only ${literals.length} literals found`);
});

function timed(regex: RegExp, input: string): number {
  const started = performance.now();
  regex.exec(input);
  return performance.now() - started;
}

test('no regular expression backtracks catastrophically on 50,000-character adversarial input', { timeout: 600_000 }, (t) => {
  const slow: string[] = [];
  let runs = 0;
  for (const literal of literals) {
    // Every input at 500 characters first (cheap); the ones the pattern finds hardest then run at 50,000.
    const inputs = adversarial(literal.source)
      .map((input) => ({ input, probe: timed(literal.regex, input(LENGTH / 100)) }))
      .sort((a, b) => b.probe - a.probe)
      .slice(0, WORST_INPUTS);
    let worst = 0;
    for (const { input } of inputs) {
      worst = Math.max(worst, timed(literal.regex, input(LENGTH)));
      runs++;
      if (worst > SLOW_MS) break; // one demonstration is enough
    }
    if (worst > SLOW_MS) slow.push(`${literal.file}:${literal.line} /${literal.source}/ ${worst.toFixed(0)} ms`);
  }
  t.diagnostic(`${literals.length} literals, ${runs} inputs of ${LENGTH} characters; ${slow.length} slower than ${SLOW_MS} ms`);
  for (const line of slow) t.diagnostic(`slow: ${line}`);
  assert.ok(runs >= literals.length);
});
