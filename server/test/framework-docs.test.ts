// docs/framework.md shows users how to write their own framework and glossary entries; its examples must work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { mergeFramework, paperFramework, rankTiers, countermeasuresFor } from '../src/engine/framework';
import { readGlossaryEntries, mergeGlossary, paperGlossary, findTermAt, termHoverMarkdown } from '../src/engine/glossary';

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'framework.md'), 'utf8');
const blocks = [...doc.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));

test('the docs contain the country-pair framework, the extend example and the glossary example', () => {
  assert.equal(blocks.length, 3);
});

test('the country-pair example is a valid replacement framework whose tiers are all answered', () => {
  const { framework, issues } = mergeFramework(paperFramework, parse(blocks[0]!.body), 'replace');
  assert.deepEqual(issues, []);
  assert.equal(framework.id, 'cn-de-auto-tech');
  assert.deepEqual(framework.tiers.map((t) => t.id), ['regulatory', 'industrial', 'third-party']);
  for (const tier of framework.tiers) assert.equal(countermeasuresFor(tier.id, framework).length, 1, tier.id);
  assert.equal(rankTiers('3.3 欧盟反补贴调查带来的压力', framework)[0]?.item.id, 'third-party');
  assert.equal(rankTiers('Battery supply chain competition', framework)[0]?.item.id, 'industrial');
});

test('the extend example adds cues to the external tier', () => {
  const { framework, issues } = mergeFramework(paperFramework, JSON.parse(blocks[1]!.body), 'extend');
  assert.deepEqual(issues, []);
  assert.equal(rankTiers('被列入实体清单', framework)[0]?.item.id, 'external');
});

test('the glossary example reads cleanly and shows up on hover under the user framework', () => {
  const { entries, issues } = readGlossaryEntries(parse(blocks[2]!.body));
  assert.deepEqual(issues, []);
  const glossary = mergeGlossary(paperGlossary, entries);
  const found = findTermAt('新车型须通过 Homologation 程序', 8, glossary);
  assert.equal(found?.entry.term['zh-CN'], '型式认证');
  const { framework } = mergeFramework(paperFramework, parse(blocks[0]!.body), 'replace');
  const hover = termHoverMarkdown(found!.entry, 'zh-CN', glossary, framework);
  assert.match(hover, /规制挑战（第 3\.1 节）/);
  assert.match(hover, /相关术语\*\*：技术标准/);
});
