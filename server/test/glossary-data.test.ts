// Drift tests: the bundled glossary stays consistent with itself, with the framework and with the paper's outline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paperGlossary, termKey, surfaceForms } from '../src/engine/glossary';
import { paperFramework } from '../src/engine/framework';

const entries = paperGlossary.entries;
const CJK = /[\u4e00-\u9fff]/;

function sentences(text: string, zh: boolean): number {
  return zh ? (text.match(/[。！？]/g) ?? []).length : (text.match(/[.!?](?=\s|$)/g) ?? []).length;
}

test('the glossary has at least 45 entries with unique kebab-case ids', () => {
  assert.ok(entries.length >= 45, `only ${entries.length} entries`);
  const raw = new Set<string>();
  for (const entry of entries) {
    assert.match(entry.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, entry.id);
    assert.ok(!raw.has(entry.id), `duplicate id ${entry.id}`);
    raw.add(entry.id);
  }
});

test('every entry has a Chinese and an English term and a 2–4 sentence definition in each language', () => {
  for (const entry of entries) {
    assert.ok(CJK.test(entry.term['zh-CN']), `${entry.id}: Chinese term`);
    assert.ok(/[A-Za-z]/.test(entry.term.en), `${entry.id}: English term`);
    const zh = sentences(entry.definition['zh-CN'], true);
    const en = sentences(entry.definition.en, false);
    assert.ok(zh >= 2 && zh <= 4, `${entry.id}: Chinese definition has ${zh} sentences`);
    assert.ok(en >= 2 && en <= 4, `${entry.id}: English definition has ${en} sentences`);
    assert.ok(CJK.test(entry.definition['zh-CN']) && !CJK.test(entry.definition.en), `${entry.id}: definition languages`);
  }
});

test('every source section exists in the paper and every reference number is in its list', () => {
  const sections = new Set(paperFramework.source.sections);
  const max = paperFramework.source.referenceCount!;
  assert.equal(max, 62);
  for (const entry of entries) {
    assert.ok(entry.source, `${entry.id} has no source`);
    assert.ok(sections.has(entry.source.section), `${entry.id}: section ${entry.source.section}`);
    for (const ref of entry.source.refs) assert.ok(Number.isInteger(ref) && ref >= 1 && ref <= max, `${entry.id}: ref ${ref}`);
    for (const view of entry.views ?? []) assert.ok(view.ref >= 1 && view.ref <= max, `${entry.id}: view ref ${view.ref}`);
  }
});

test('related ids exist and never point at the entry itself', () => {
  for (const entry of entries) {
    for (const id of entry.related) {
      assert.ok(paperGlossary.byId.has(id), `${entry.id} → missing ${id}`);
      assert.notEqual(id, entry.id);
    }
    assert.equal(new Set(entry.related).size, entry.related.length, `${entry.id} repeats a related id`);
  }
});

test('no two surface forms (terms and aliases) collide, within or across entries', () => {
  const owner = new Map<string, string>();
  for (const entry of entries) {
    const own = new Set<string>();
    for (const form of surfaceForms(entry)) {
      const key = termKey(form);
      if (own.has(key)) continue; // the Chinese and English term may be the same name (e.g. an acronym)
      own.add(key);
      assert.ok(!owner.has(key), `"${form}" is used by ${owner.get(key)} and ${entry.id}`);
      owner.set(key, entry.id);
    }
    assert.equal(new Set(entry.aliases.map(termKey)).size, entry.aliases.length, `${entry.id} repeats an alias`);
    const terms = new Set([termKey(entry.term['zh-CN']), termKey(entry.term.en)]);
    for (const alias of entry.aliases) assert.ok(!terms.has(termKey(alias)), `${entry.id}: alias "${alias}" repeats a term`);
  }
});

test('framework positions name existing levers, tiers and dimensions; each of those has its own entry', () => {
  const ids = {
    lever: new Set(paperFramework.levers.map((l) => l.id)),
    tier: new Set(paperFramework.tiers.map((t) => t.id)),
    countermeasure: new Set(paperFramework.countermeasures.map((c) => c.id)),
  };
  for (const entry of entries) {
    const { kind, id } = entry.position;
    if (kind === 'background') assert.equal(id, undefined, entry.id);
    else assert.ok(id && ids[kind].has(id), `${entry.id}: ${kind} ${id}`);
  }
  for (const [kind, set] of Object.entries(ids)) {
    for (const id of set) {
      const own = entries.find((e) => e.position.kind === kind && e.position.id === id && e.source?.section === frameworkSection(kind, id));
      assert.ok(own, `no entry for ${kind} ${id}`);
    }
  }
});

function frameworkSection(kind: string, id: string): string | undefined {
  const list = kind === 'lever' ? paperFramework.levers : kind === 'tier' ? paperFramework.tiers : paperFramework.countermeasures;
  return list.find((item) => item.id === id)?.section;
}

test('the terms the paper relies on are all present', () => {
  const required = [
    '新质生产力', '新熊彼特增长理论', '全要素生产率', '技术政治', '技术权力', '科技合作', '产学研用', '美韩同盟', '印太经济框架',
    '半导体超级强国战略', 'GIAC', '研发经费投入强度', '人才外流指数', '安美经中', '安美经世', '新北方政策', '新南方政策', '一带一路',
    '第二个百年奋斗目标', '“新”的升级', '“质”的提升', '“生产力”的增进', '内生挑战', '核心挑战', '外源挑战', '内生发展环境',
    '核心竞争力', '外源发展动力', '中韩自由贸易协定', '韩国知识产权局', 'KIPO', '瑞士国际经营开发研究院', 'IMD', 'IPEF',
    '国家集成电路产业投资基金', '中央科技委员会', '供给侧结构性改革', '排他性多边主义', '科技逆全球化', '民间科技合作',
    '中韩青年科学家交流计划', '中韩海洋科学共同研究中心', 'DRAM', '动态随机存取存储器', '第四次工业革命', '马克思主义生产力理论',
    '制度变迁理论', '技术联盟战略', '全球价值链', '创新生态系统', 'NQPF', 'new quality productivity',
  ];
  const keys = new Set(entries.flatMap((entry) => surfaceForms(entry).map(termKey)));
  for (const term of required) assert.ok(keys.has(termKey(term)), `missing ${term}`);
  assert.equal(paperGlossary.byId.get('dram')!.aliases.includes('DRAM'), true);
});

test('新质生产力 carries the scholars surveyed in section 1.1, each with their reference number', () => {
  const nqpf = paperGlossary.byId.get('nqpf')!;
  assert.equal(nqpf.source?.section, '1.1');
  assert.deepEqual(
    nqpf.views?.map((view) => [view.scholar['zh-CN'], view.ref]),
    [['周文等', 5], ['高帆', 6], ['李晓华', 7], ['胡洪彬', 8], ['曾宪聚等', 9], ['柳学信等', 10]],
  );
  for (const view of nqpf.views!) {
    assert.ok(CJK.test(view.view['zh-CN']) && !CJK.test(view.view.en) && /[A-Z]/.test(view.scholar.en));
  }
  assert.deepEqual([...nqpf.source!.refs], [5, 6, 7, 8, 9, 10]);
});
