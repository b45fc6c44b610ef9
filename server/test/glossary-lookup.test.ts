import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  paperGlossary,
  findTermAt,
  findTerms,
  termHoverMarkdown,
  mergeGlossary,
  readGlossaryEntries,
  glossaryCompletions,
  createGlossary,
} from '../src/engine/glossary';
import { mergeFramework, paperFramework } from '../src/engine/framework';

function at(text: string, needle: string, within = 0): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not in test text`);
  return index + within;
}

test('hover lookup finds 新质生产力 at every position inside it, and nothing just outside', () => {
  const text = '加快发展新质生产力，推动中韩科技合作。';
  const start = at(text, '新质生产力');
  for (let offset = start; offset < start + 5; offset++) {
    const found = findTermAt(text, offset);
    assert.equal(found?.entry.id, 'nqpf', `offset ${offset}`);
    assert.deepEqual(found?.span, { start, end: start + 5 });
  }
  assert.notEqual(findTermAt(text, start - 1)?.entry.id, 'nqpf');
  assert.equal(findTermAt(text, start + 5), undefined, 'the comma after the term');
});

test('the longest term covering the offset wins: 新质生产力 over 生产力, but 生产力 alone is its own term', () => {
  const text = '新质生产力不同于传统生产力。';
  assert.equal(findTermAt(text, at(text, '生产力'))?.entry.id, 'nqpf');
  const traditional = text.lastIndexOf('生产力');
  assert.deepEqual(findTermAt(text, traditional + 1), {
    entry: paperGlossary.byId.get('productive-forces'),
    span: { start: traditional, end: traditional + 3 },
  });
  const lever = '以“生产力”的增进为科技合作拓宽路径';
  assert.equal(findTermAt(lever, at(lever, '生产力', 1))?.entry.id, 'lever-productivity');
  const rd = '研发经费投入强度为2.54%';
  assert.equal(findTermAt(rd, 0)?.entry.id, 'rd-intensity');
  assert.equal(findTermAt('加大研发投入', 2)?.entry.id, 'rd');
});

test('English terms match case-insensitively, across line breaks, as whole words only', () => {
  const text = 'Developing New Quality Productive Forces matters.';
  const start = at(text, 'New');
  const end = start + 'New Quality Productive Forces'.length;
  for (const offset of [start, start + 10, end - 1]) {
    assert.deepEqual(findTermAt(text, offset), { entry: paperGlossary.byId.get('nqpf'), span: { start, end } });
  }
  const wrapped = 'the new quality\n   productive forces of China';
  assert.deepEqual(findTermAt(wrapped, at(wrapped, 'productive'))?.span, { start: 4, end: at(wrapped, ' of') });
  assert.equal(findTermAt('The nqpf agenda', 5)?.entry.id, 'nqpf');
  assert.equal(findTermAt('韩国DRAM技术', 3)?.entry.id, 'dram');
});

test('no match in the middle of an English word', () => {
  assert.equal(findTermAt('a TV drama series', 6), undefined, '"dram" inside "drama"');
  assert.equal(findTermAt('an invoice was sent', 5), undefined, '"voice" inside "invoice"');
  assert.equal(findTermAt('GVCs', 1), undefined);
  assert.equal(findTermAt('the voice of China', 5)?.entry.id, 'discourse-power');
  assert.equal(findTermAt('IMD2023', 0), undefined);
});

test('offsets are UTF-16 indices: characters outside the BMP before a term shift it by two', () => {
  const text = '😀新质生产力';
  assert.deepEqual(findTermAt(text, 2)?.span, { start: 2, end: 7 });
  assert.equal(findTermAt(text, 0), undefined);
  assert.equal(findTermAt(text, -1), undefined);
  assert.equal(findTermAt(text, text.length), undefined);
});

test('findTerms lists the terms of a sentence left to right without overlaps', () => {
  const text = '美韩同盟挤压下，新质生产力通过全要素生产率提升推动科技合作。';
  assert.deepEqual(
    findTerms(text).map((m) => [m.entry.id, text.slice(m.span.start, m.span.end)]),
    [['us-rok-alliance', '美韩同盟'], ['nqpf', '新质生产力'], ['tfp', '全要素生产率'], ['st-cooperation', '科技合作']],
  );
});

test('hover Markdown: user language first, other language after, position, related terms, source', () => {
  const entry = paperGlossary.byId.get('tfp')!;
  const zh = termHoverMarkdown(entry, 'zh-CN');
  assert.ok(zh.startsWith('**全要素生产率** · total factor productivity\n\n产出中'), zh);
  assert.ok(zh.indexOf(entry.definition['zh-CN']) < zh.indexOf('The part of output'));
  assert.match(zh, /\*\*框架位置\*\*：杠杆：“质”的提升（第 2\.2 节）/);
  assert.match(zh, /\*\*相关术语\*\*：“质”的提升、高质量发展/);
  assert.match(zh, /\*\*来源\*\*：论文第 2\.2 节，参考文献 \\\[19\\\]/);
  const en = termHoverMarkdown(entry, 'en');
  assert.ok(en.startsWith('**total factor productivity** · 全要素生产率\n\nThe part of output'), en);
  assert.ok(en.indexOf('The part of output') < en.indexOf('产出中'));
  assert.match(en, /\*\*Framework position:\*\* lever "raising the "quality"" \(section 2\.2\)/);
  assert.match(en, /\*\*Source:\*\* the paper, section 2\.2, references \\\[19\\\]/);
});

test('hover for tiers, countermeasures, background terms and the scholars on 新质生产力', () => {
  const external = termHoverMarkdown(paperGlossary.byId.get('us-rok-alliance')!, 'zh-CN');
  assert.match(external, /框架位置\*\*：外源挑战（第 4\.3 节）/);
  const answer = termHoverMarkdown(paperGlossary.byId.get('giac')!, 'en');
  assert.match(answer, /countermeasure dimension "core competitiveness" \(section 5\.2\), answering core challenges/);
  const nqpf = termHoverMarkdown(paperGlossary.byId.get('nqpf')!, 'zh-CN');
  assert.match(nqpf, /\*\*学者观点\*\*\n\n- 周文等［5］：/);
  assert.match(nqpf, /- 柳学信等［10］：/);
  assert.match(nqpf, /框架位置\*\*：背景概念：框架的中心概念/);
  const enViews = termHoverMarkdown(paperGlossary.byId.get('nqpf')!, 'en');
  assert.match(enViews, /- Gao Fan \\\[6\\\]: /);
  const sectionOnly = termHoverMarkdown(paperGlossary.byId.get('new-northern-policy')!, 'en');
  assert.match(sectionOnly, /\*\*Source:\*\* the paper, section 4\.3$/);
});

test('hover follows a user framework and escapes Markdown in user text', () => {
  const [entry] = readGlossaryEntries([
    { id: 'x', term: 'Green *deal*', definition: 'One. Two.', position: { kind: 'tier', id: 'climate' } },
  ]).entries;
  const { framework } = mergeFramework(
    paperFramework,
    { tiers: [{ id: 'climate', name: { en: 'climate', zh: '气候' }, meaning: 'm', cues: ['气候'], section: '4.4' }] },
    'extend',
  );
  const md = termHoverMarkdown(entry!, 'zh-CN', paperGlossary, framework);
  assert.ok(md.startsWith('**Green \\*deal\\***\n\nOne. Two.\n\n'), md);
  assert.match(md, /气候挑战（第 4\.4 节）/);
  assert.doesNotMatch(md, /来源/);
});

test('mergeGlossary: user entries override by id, override by term, or are added', () => {
  const { entries, issues } = readGlossaryEntries([
    { id: 'tfp', term: { en: 'total factor productivity', zh: '全要素生产率' }, definition: { en: 'Mine. Really.', zh: '我的定义。真的。' } },
    { term: { zh: '技术政治', en: 'tech politics' }, definition: '覆盖。按术语。' },
    { term: { zh: '碳中和', en: 'carbon neutrality' }, aliases: ['net zero'], definition: { zh: '新增。', en: 'Added.' }, related: ['tfp'] },
  ]);
  assert.deepEqual(issues, []);
  const merged = mergeGlossary(paperGlossary, entries);
  assert.equal(merged.entries.length, paperGlossary.entries.length + 1);
  assert.equal(merged.byId.get('tfp')!.definition.en, 'Mine. Really.');
  const replaced = findTermAt('技术政治时代', 0, merged);
  assert.equal(replaced?.entry.definition.en, '覆盖。按术语。');
  assert.equal(replaced?.entry.id, 'techno-politics', 'a replacement by term keeps the base id');
  assert.deepEqual(replaced?.span, { start: 0, end: 4 }, 'the base entry\'s aliases went with it');
  assert.equal(merged.entries.filter((e) => e.term['zh-CN'] === '技术政治').length, 1);
  assert.equal(findTermAt('reach Net  Zero soon', 7, merged)?.entry.id, 'user-carbon-neutrality');
  assert.equal(findTermAt('碳中和', 0), undefined, 'the base glossary is unchanged');
  assert.equal(paperGlossary.byId.get('tfp')!.definition.en.startsWith('The part'), true);
});

test('readGlossaryEntries reports unusable user entries with their path and keeps the rest', () => {
  const { entries, issues } = readGlossaryEntries([
    { term: 'ok', definition: 'fine.' },
    { definition: 'no term' },
    { term: 'x', definition: 'y', position: { kind: 'pillar' } },
    { term: 'x', definition: 'y', source: { section: '1', refs: [0] } },
    'nonsense',
  ]);
  assert.deepEqual(entries.map((e) => e.term.en), ['ok']);
  assert.deepEqual(issues.map((i) => i.path), ['glossary[1].term', 'glossary[2].position.kind', 'glossary[3].source', 'glossary[4]']);
  assert.match(issues[1]!.message.en, /"lever", "tier", "countermeasure" or "background"; found "pillar"/);
  assert.match(issues[0]!.message['zh-CN'], /glossary\[1\]\.term 需要文本/);
  assert.deepEqual(readGlossaryEntries({}).issues.map((i) => i.path), ['glossary']);
});

test('glossaryCompletions: prefix match in both languages, own terms before aliases, shorter first', () => {
  const zh = glossaryCompletions('新质');
  assert.equal(zh[0]?.label, '新质生产力');
  assert.ok(zh.some((item) => item.entry.id === 'cm-core-competitiveness' && item.label === '新质生产力核心竞争力' && item.isAlias));
  const en = glossaryCompletions('New Q');
  assert.deepEqual(en.map((item) => item.label).slice(0, 1), ['new quality productive forces']);
  assert.ok(en.every((item) => item.entry.id === 'nqpf'));
  assert.deepEqual(glossaryCompletions('nqp').map((i) => [i.label, i.isAlias]), [['NQPF', true]]);
  assert.equal(glossaryCompletions('').length, 50);
  assert.ok(glossaryCompletions('', paperGlossary, 1000).every((item) => !item.isAlias));
  assert.deepEqual(glossaryCompletions('zzz'), []);
});

test('createGlossary freezes entries and an empty glossary finds nothing', () => {
  const empty = createGlossary([]);
  assert.equal(findTermAt('新质生产力', 0, empty), undefined);
  assert.deepEqual(findTerms('新质生产力', empty), []);
  assert.ok(Object.isFrozen(paperGlossary.byId.get('nqpf')!.aliases));
});
