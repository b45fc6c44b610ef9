// `policylint map`: the framework map of one draft as HTML, Mermaid or JSON, from the built CLI.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureServerBuilt } from './helpers/lspClient';

const REPO = resolve(__dirname, '..', '..');
const CLI = join(REPO, 'dist', 'cli.js');
const PAPER = 'test/fixtures/paper.md';

before(() => ensureServerBuilt());

function run(args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env } });
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('the Mermaid map of the paper links each challenge to its countermeasure', () => {
  const { code, stdout } = run(['map', PAPER, '--format', 'mermaid']);
  assert.equal(code, 0);
  assert.match(stdout, /^flowchart LR\n/);
  for (const link of ['c1 -->|tier| m1', 'c2 -->|tier| m2', 'c3 -->|tier| m3']) assert.ok(stdout.includes(link), link);
});

test('the JSON map names units, tiers and lines, in the requested language', () => {
  const { code, stdout } = run(['map', PAPER, '--format', 'json', '--locale', 'zh-CN']);
  assert.equal(code, 0);
  const map = JSON.parse(stdout);
  assert.equal(map.version, 1);
  assert.deepEqual(map.challenges.map((c: { tier: string; answered: boolean }) => [c.tier, c.answered]), [
    ['endogenous', true],
    ['core', true],
    ['external', true],
  ]);
  assert.equal(map.tiers[0].name, '内生');
  const lines = readFileSync(join(REPO, PAPER), 'utf8').split('\n');
  assert.ok(lines[map.countermeasures[1].line].startsWith('### 5.2 '));
});

test('HTML is the default and --out writes it to a file', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'policylint-map-')), 'nested', 'map.html');
  const draft = join(REPO, 'examples/draft.md');
  const { code, stdout } = run(['map', draft, '--out', out]);
  assert.equal(code, 0);
  assert.equal(stdout, '');
  const html = readFileSync(out, 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<svg /);
  assert.match(html, /1 unanswered|1 项挑战未获回应/);
});

test('a user framework from the configuration decides the map', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-map-config-'));
  writeFileSync(join(dir, 'draft.md'), '## 挑战\n\n### 能源挑战：电价上涨\n\n电价上涨。\n\n## 对策\n\n### 能源对策：稳定电价\n\n稳定电价。\n');
  writeFileSync(
    join(dir, '.policylint.yaml'),
    [
      'framework:',
      '  mode: replace',
      '  id: energy',
      '  title: { en: Energy framework, zh-CN: 能源框架 }',
      '  levers: []',
      '  tiers:',
      '    - { id: energy, name: { en: energy, zh-CN: 能源 }, meaning: { en: Energy prices, zh-CN: 能源价格 }, cues: [能源], section: "1" }',
      '  countermeasures:',
      '    - { id: energy-answer, name: { en: energy answer, zh-CN: 能源对策 }, meaning: { en: Stable prices, zh-CN: 稳定价格 }, cues: [能源对策], answers: energy, section: "2" }',
      '',
    ].join('\n'),
  );
  const { code, stdout, stderr } = run(['map', join(dir, 'draft.md'), '--format', 'json']);
  assert.equal(code, 0, stderr);
  const map = JSON.parse(stdout);
  assert.equal(map.framework.id, 'energy');
  assert.deepEqual(map.links.map((l: { evidence: string }) => l.evidence), ['tier']);
});

test('usage errors and unreadable files exit 2 with one line on stderr', () => {
  for (const args of [['map'], ['map', 'a.md', 'b.md'], ['map', PAPER, '--format', 'svg'], ['map', PAPER, '--max-warnings', '1']]) {
    const { code, stderr } = run(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /^policylint: /);
  }
  const missing = run(['map', 'missing.md']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, "policylint: cannot read 'missing.md': no such file\n");
  assert.equal(run(['map'], { LANG: 'zh_CN.UTF-8' }).stderr.split('\n')[0], "policylint: 'policylint map' 需要且只需要一个 Markdown 文件");
});
