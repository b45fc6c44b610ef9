// The snippet file is plain JSON in VS Code's snippet format; these tests parse every body with the TextMate
// snippet syntax (tabstops, placeholders, choices, variables, escapes) so a typo never reaches the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paperFramework, headingKind, rankTiers, rankCountermeasures } from '../src/engine/framework';

const SNIPPET_FILE = join(__dirname, '..', '..', 'snippets', 'policylint.code-snippets');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: Node[]; choices?: string[] }
  | { kind: 'variable'; name: string; children: Node[] };

const VARIABLES = new Set(['TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_FILENAME', 'CURRENT_YEAR', 'CURRENT_MONTH', 'CURRENT_DATE', 'CLIPBOARD']);

/** A small parser for VS Code's snippet grammar; throws on anything malformed. */
function parseSnippet(source: string): Node[] {
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${pos} in ${JSON.stringify(source)}`);
  };
  const readInt = (): number | undefined => {
    const match = /^\d+/.exec(source.slice(pos));
    if (!match) return undefined;
    pos += match[0].length;
    return Number(match[0]);
  };
  const readName = (): string | undefined => {
    const match = /^[A-Za-z_][A-Za-z_0-9]*/.exec(source.slice(pos));
    if (!match) return undefined;
    pos += match[0].length;
    return match[0];
  };
  const parseSeq = (insideBraces: boolean): Node[] => {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos]!;
      if (ch === '\\' && '$}\\'.includes(source[pos + 1] ?? '')) {
        text += source[pos + 1];
        pos += 2;
      } else if (ch === '}' && insideBraces) {
        flush();
        return nodes;
      } else if (ch === '$') {
        flush();
        pos++;
        if (source[pos] === '{') {
          pos++;
          const index = readInt();
          if (index !== undefined) {
            if (source[pos] === '}') {
              pos++;
              nodes.push({ kind: 'tabstop', index, children: [] });
            } else if (source[pos] === ':') {
              pos++;
              const children = parseSeq(true);
              if (source[pos] !== '}') fail('unclosed placeholder');
              pos++;
              nodes.push({ kind: 'tabstop', index, children });
            } else if (source[pos] === '|') {
              pos++;
              const choices: string[] = [];
              let choice = '';
              for (;;) {
                const c = source[pos];
                if (c === undefined) fail('unclosed choice');
                if (c === '\\' && ',|\\'.includes(source[pos + 1] ?? '')) {
                  choice += source[pos + 1];
                  pos += 2;
                } else if (c === ',') {
                  choices.push(choice);
                  choice = '';
                  pos++;
                } else if (c === '|' && source[pos + 1] === '}') {
                  choices.push(choice);
                  pos += 2;
                  break;
                } else {
                  choice += c;
                  pos++;
                }
              }
              if (choices.length < 2 || choices.some((c) => c === '')) fail('a choice needs two or more non-empty options');
              nodes.push({ kind: 'tabstop', index, children: [], choices });
            } else {
              fail('bad tabstop');
            }
          } else {
            const name = readName() ?? fail('expected a tabstop number or variable name after ${');
            if (!VARIABLES.has(name)) fail(`unknown variable ${name}`);
            if (source[pos] === '}') {
              pos++;
              nodes.push({ kind: 'variable', name, children: [] });
            } else if (source[pos] === ':') {
              pos++;
              const children = parseSeq(true);
              if (source[pos] !== '}') fail('unclosed variable');
              pos++;
              nodes.push({ kind: 'variable', name, children });
            } else {
              fail('bad variable');
            }
          }
        } else {
          const index = readInt();
          if (index !== undefined) nodes.push({ kind: 'tabstop', index, children: [] });
          else {
            const name = readName() ?? fail('a literal $ must be escaped as \\$');
            if (!VARIABLES.has(name)) fail(`unknown variable ${name}`);
            nodes.push({ kind: 'variable', name, children: [] });
          }
        }
      } else {
        text += ch;
        pos++;
      }
    }
    if (insideBraces) fail('unclosed ${');
    flush();
    return nodes;
  };
  return parseSeq(false);
}

function tabstops(nodes: Node[]): Extract<Node, { kind: 'tabstop' }>[] {
  return nodes.flatMap((node) => (node.kind === 'text' ? [] : [...(node.kind === 'tabstop' ? [node] : []), ...tabstops(node.children)]));
}

/** Expands a snippet the way an editor shows it before the user types: defaults, first choices, sample dates. */
function expand(nodes: Node[], filled = new Map<number, string>()): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.value;
      if (node.kind === 'variable') return node.name.startsWith('CURRENT_') ? '01' : expand(node.children, filled);
      if (!filled.has(node.index)) filled.set(node.index, node.choices ? node.choices[0]! : expand(node.children, filled));
      return filled.get(node.index)!;
    })
    .join('');
}

const snippets = JSON.parse(readFileSync(SNIPPET_FILE, 'utf8')) as Record<string, Snippet>;
const bodyOf = (snippet: Snippet) => (Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body);
const prefixesOf = (snippet: Snippet) => (Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix]);

function byPrefix(prefix: string): Snippet {
  const found = Object.values(snippets).find((snippet) => prefixesOf(snippet).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found;
}

test('the snippet file is strict JSON and every snippet has prefix, body and description', () => {
  assert.ok(Object.keys(snippets).length >= 15);
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.deepEqual(Object.keys(snippet).sort(), ['body', 'description', 'prefix'], name);
    const prefixes = prefixesOf(snippet);
    assert.ok(prefixes.length >= 2 && prefixes.every((p) => typeof p === 'string' && /^\S+$/.test(p)), `${name}: prefixes`);
    assert.ok(prefixes.some((p) => p.startsWith('pl-')), `${name}: needs a pl- prefix`);
    const body = snippet.body;
    assert.ok(typeof body === 'string' || (Array.isArray(body) && body.every((line) => typeof line === 'string')), name);
    assert.ok(bodyOf(snippet).trim() !== '', `${name}: empty body`);
    assert.ok(typeof snippet.description === 'string' && snippet.description.length > 10, `${name}: description`);
    if (/[\u4e00-\u9fff]/.test(bodyOf(snippet))) {
      assert.ok(prefixes.some((p) => /[\u4e00-\u9fff]/.test(p)), `${name}: a Chinese body needs a Chinese prefix`);
    }
  }
});

test('prefixes are unique across all snippets', () => {
  const seen = new Map<string, string>();
  for (const [name, snippet] of Object.entries(snippets)) {
    for (const prefix of prefixesOf(snippet)) {
      assert.ok(!seen.has(prefix), `prefix ${prefix} used by ${seen.get(prefix)} and ${name}`);
      seen.set(prefix, name);
    }
  }
});

test('placeholders are well formed: numbered 1..n without gaps, one $0 at most, consistent choices', () => {
  for (const [name, snippet] of Object.entries(snippets)) {
    const nodes = parseSnippet(bodyOf(snippet));
    const stops = tabstops(nodes);
    const numbered = [...new Set(stops.map((s) => s.index).filter((i) => i > 0))].sort((a, b) => a - b);
    assert.deepEqual(numbered, numbered.map((_, i) => i + 1), `${name}: tabstops ${numbered.join(',')}`);
    assert.ok(stops.filter((s) => s.index === 0).length <= 1, `${name}: more than one $0`);
    const choiceLists = new Map<number, string>();
    for (const stop of stops) {
      if (!stop.choices) continue;
      const key = stop.choices.join('|');
      assert.equal(choiceLists.get(stop.index) ?? key, key, `${name}: tabstop ${stop.index} has two choice lists`);
      choiceLists.set(stop.index, key);
    }
  }
});

test('the parser used above rejects malformed snippets', () => {
  for (const bad of ['${1:unclosed', '${1|only|}', '${BOGUS}', 'cost $ 5', '${1|a,,b|}', '${x']) {
    assert.throws(() => parseSnippet(bad), Error, bad);
  }
  assert.deepEqual(parseSnippet('\\$1 ${1|a,b\\,c|}'), [
    { kind: 'text', value: '$1 ' },
    { kind: 'tabstop', index: 1, children: [], choices: ['a', 'b,c'] },
  ]);
});

test('tier choices follow the framework names', () => {
  const choicesOf = (prefix: string) => tabstops(parseSnippet(bodyOf(byPrefix(prefix)))).find((s) => s.choices)!.choices;
  assert.deepEqual(choicesOf('pl-challenge'), paperFramework.tiers.map((t) => `${t.name['zh-CN']}挑战`));
  assert.deepEqual(choicesOf('pl-challenge-pair'), paperFramework.tiers.map((t) => t.name['zh-CN']));
  assert.deepEqual(choicesOf('pl-countermeasure'), paperFramework.countermeasures.map((c) => c.name['zh-CN']));
  assert.deepEqual(
    choicesOf('pl-countermeasure-en'),
    paperFramework.countermeasures.map((c) => c.name.en[0]!.toUpperCase() + c.name.en.slice(1)),
  );
  assert.deepEqual(choicesOf('pl-challenge-en'), paperFramework.tiers.map((t) => t.name.en[0]!.toUpperCase() + t.name.en.slice(1)));
});

test('the challenge/countermeasure pair mirrors the chosen tier into the countermeasure heading', () => {
  const nodes = parseSnippet(bodyOf(byPrefix('pl-challenge-pair')));
  const text = expand(nodes, new Map([[2, '外源']]));
  const headings = text.split('\n').filter((line) => line.startsWith('### '));
  assert.deepEqual(headings.map((h) => headingKind(h, paperFramework)), ['challenge', 'countermeasure']);
  assert.ok(headings[1]!.includes('回应外源挑战'));
});

test('the Chinese skeleton expands to headings the framework recognises, tier by tier', () => {
  const text = expand(parseSnippet(bodyOf(byPrefix('pl-paper-zh'))));
  const headings = text.split('\n').filter((line) => line.startsWith('#'));
  for (const required of ['摘要', '关键词']) assert.ok(text.includes(`**${required}**`), required);
  for (const required of ['引言', '文献综述', '结论', '参考文献']) assert.ok(headings.some((h) => h.includes(required)), required);
  const challenges = headings.filter((h) => /^### 4\./.test(h));
  const answers = headings.filter((h) => /^### 5\./.test(h));
  assert.deepEqual(challenges.map((h) => rankTiers(h, paperFramework)[0]?.item.id), ['endogenous', 'core', 'external']);
  assert.deepEqual(answers.map((h) => rankCountermeasures(h, paperFramework)[0]?.item.answers), ['endogenous', 'core', 'external']);
  assert.equal(headingKind(headings.find((h) => h.startsWith('## 4'))!, paperFramework), 'challenge');
  assert.equal(headingKind(headings.find((h) => h.startsWith('## 5'))!, paperFramework), 'countermeasure');
});

test('GB/T 7714 reference snippets carry their type codes; disable snippets are directive comments', () => {
  const codes: Record<string, string> = { 'pl-ref-j': '[J]', 'pl-ref-m': '[M]', 'pl-ref-n': '[N]', 'pl-ref-r': '[R]', 'pl-ref-eb': '[EB/OL]' };
  for (const [prefix, code] of Object.entries(codes)) {
    const text = expand(parseSnippet(bodyOf(byPrefix(prefix))));
    assert.match(text, /^\[1\] \S/, prefix);
    assert.ok(text.includes(`${code}.`), `${prefix} lacks ${code}`);
    assert.ok(text.endsWith('.'), prefix);
  }
  assert.match(expand(parseSnippet(bodyOf(byPrefix('pl-ref-eb')))), /\[EB\/OL\]\. \(发布日期\)\[01-01-01\]\. https:\/\/\.$/);
  assert.equal(expand(parseSnippet(bodyOf(byPrefix('pl-disable-next-line')))), '<!-- policylint-disable-next-line rule -->');
  assert.equal(expand(parseSnippet(bodyOf(byPrefix('pl-disable-file')))), '<!-- policylint-disable-file -->');
  assert.deepEqual(expand(parseSnippet(bodyOf(byPrefix('pl-disable-block')))).split('\n'), [
    '<!-- policylint-disable rule -->',
    '',
    '<!-- policylint-enable -->',
  ]);
  assert.match(expand(parseSnippet(bodyOf(byPrefix('pl-stat')))), /^2022年，主体的指标为数值%，同比增长幅度\[1\]。$/);
});
