import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  paperFramework,
  mergeFramework,
  validateFramework,
  findCues,
  headingKind,
  rankTiers,
  rankCountermeasures,
  countermeasuresFor,
  frameworkItem,
  PAPER_LEVER_IDS,
  PAPER_TIER_IDS,
  PAPER_COUNTERMEASURE_IDS,
} from '../src/engine/framework';

test('the paper framework has the three levers, tiers and countermeasures in paper order with their sections', () => {
  assert.deepEqual(paperFramework.levers.map((l) => [l.id, l.section]), [
    ['new', '2.1'],
    ['quality', '2.2'],
    ['productivity', '2.3'],
  ]);
  assert.deepEqual(paperFramework.tiers.map((t) => [t.id, t.name['zh-CN'], t.section]), [
    ['endogenous', '内生', '4.1'],
    ['core', '核心', '4.2'],
    ['external', '外源', '4.3'],
  ]);
  assert.deepEqual(paperFramework.countermeasures.map((c) => [c.name['zh-CN'], c.answers, c.section]), [
    ['内生发展环境', 'endogenous', '5.1'],
    ['核心竞争力', 'core', '5.2'],
    ['外源发展动力', 'external', '5.3'],
  ]);
  assert.deepEqual(paperFramework.levers.map((l) => l.id), [...PAPER_LEVER_IDS]);
  assert.deepEqual(paperFramework.tiers.map((t) => t.id), [...PAPER_TIER_IDS]);
  assert.deepEqual(paperFramework.countermeasures.map((c) => c.id), [...PAPER_COUNTERMEASURE_IDS]);
});

test('every localized field of the paper framework has both languages and every section exists', () => {
  const sections = new Set(paperFramework.source.sections);
  for (const item of [...paperFramework.levers, ...paperFramework.tiers, ...paperFramework.countermeasures]) {
    assert.ok(sections.has(item.section), `${item.id}: section ${item.section}`);
    assert.ok(item.cues.length >= 5, `${item.id} has too few cues`);
    assert.ok(item.cues.some((c) => /[\u4e00-\u9fff]/.test(c)), `${item.id} lacks Chinese cues`);
    assert.ok(item.cues.some((c) => /^[A-Za-z]/.test(c)), `${item.id} lacks English cues`);
    assert.equal(new Set(item.cues).size, item.cues.length, `${item.id} repeats a cue`);
    for (const text of [item.meaning.en, item.meaning['zh-CN']]) assert.ok(text.length > 20);
  }
  for (const lever of paperFramework.levers) {
    assert.ok(lever.howItDrivesCooperation.en.length > 20 && lever.howItDrivesCooperation['zh-CN'].length > 10);
  }
});

test('the paper framework is frozen and its issues list is clean', () => {
  assert.ok(Object.isFrozen(paperFramework));
  assert.ok(Object.isFrozen(paperFramework.tiers[0]!.cues));
  const { issues } = validateFramework(JSON.parse(JSON.stringify(paperFramework)));
  assert.deepEqual(issues, []);
});

test('required cue vocabulary is present', () => {
  const tier = (id: string) => paperFramework.tiers.find((t) => t.id === id)!.cues;
  for (const cue of ['政策', '法规', '知识产权', '营商环境', '审批']) assert.ok(tier('endogenous').includes(cue), cue);
  for (const cue of ['产业', '话语权', '人才', '研发', '标准']) assert.ok(tier('core').includes(cue), cue);
  for (const cue of ['同盟', '美国', '出口管制', '制裁', '地缘']) assert.ok(tier('external').includes(cue), cue);
  for (const cue of ['挑战', '问题', '困境', '瓶颈', '障碍', '风险', '制约', '短板', '不足', 'challenges', 'problems', 'risks', 'barriers', 'obstacles', 'gaps']) {
    assert.ok(paperFramework.headingCues.challenge.includes(cue), cue);
  }
  for (const cue of ['对策', '建议', '措施', '举措', '路径', '策略', '应对', '思路', 'recommendations', 'countermeasures', 'policy options', 'responses', 'measures']) {
    assert.ok(paperFramework.headingCues.countermeasure.includes(cue), cue);
  }
  const flat = paperFramework.enumerators.flat();
  for (const word of ['一是', '二是', '其一', '其二', '首先', '其次', '最后']) assert.ok(flat.includes(word), word);
});

test('findCues: Chinese substrings, English whole words, case rules for acronyms', () => {
  const cues = ['政策', '政策支撑', 'risk', 'US', 'export controls', 'R&D'];
  assert.deepEqual(
    findCues('现行政策支撑不足', cues).map((m) => [m.cue, m.span.start, m.span.end]),
    [['政策支撑', 2, 6]],
  );
  assert.deepEqual(findCues('an asterisk', cues), []);
  assert.deepEqual(findCues('Risk and RISKS', cues).map((m) => m.cue), ['Risk']);
  assert.deepEqual(findCues('let us talk', cues), []);
  assert.deepEqual(findCues('the US and USA', cues).map((m) => m.span), [{ start: 4, end: 6 }]);
  assert.deepEqual(findCues('new Export\n  Controls apply', cues).map((m) => m.cue), ['Export\n  Controls']);
  assert.deepEqual(findCues('韩国R&D投入', cues).map((m) => m.span), [{ start: 2, end: 5 }]);
});

test('headingKind and tier ranking on the paper headings', () => {
  assert.equal(headingKind('4 加快发展新质生产力背景下中韩科技合作面临的现实挑战', paperFramework), 'challenge');
  assert.equal(headingKind('5 以发展新质生产力推动中韩科技合作的对策措施', paperFramework), 'countermeasure');
  assert.equal(headingKind('Policy options for the alliance era', paperFramework), 'countermeasure');
  assert.equal(headingKind('挑战与对策', paperFramework), 'both');
  assert.equal(headingKind('Risks and responses', paperFramework), 'both');
  assert.equal(headingKind('5.3 回应外源挑战的对策', paperFramework), 'countermeasure');
  assert.equal(headingKind('Responses to the external challenges', paperFramework), 'countermeasure');
  assert.equal(headingKind('6 结论与建议', paperFramework), 'countermeasure');
  assert.equal(headingKind('3 中韩科技合作现状', paperFramework), undefined);
  assert.equal(rankTiers('4.1 内生挑战：现行政策支撑不足，科技合作推动力受限', paperFramework)[0]?.item.id, 'endogenous');
  assert.equal(rankTiers('4.2 核心挑战：科技产业发展较难，科技合作话语权受削', paperFramework)[0]?.item.id, 'core');
  assert.equal(rankTiers('4.3 外源挑战：美韩同盟挤压，科技合作渠道受阻', paperFramework)[0]?.item.id, 'external');
  assert.equal(rankTiers('US export controls and sanctions', paperFramework)[0]?.item.id, 'external');
  assert.equal(
    rankCountermeasures('5.2 新质生产力核心竞争力：融合提升创新水平，掌握合作主导权', paperFramework)[0]?.item.id,
    'core-competitiveness',
  );
  assert.deepEqual(countermeasuresFor('external', paperFramework).map((c) => c.section), ['5.3']);
  assert.equal(frameworkItem(paperFramework, 'quality')?.section, '2.2');
  assert.equal(frameworkItem(paperFramework, 'nope'), undefined);
});

const userFramework = {
  id: 'eu-japan-green',
  title: { en: 'EU–Japan green technology cooperation', zh: '欧日绿色技术合作' },
  source: { citation: 'Our own study, 2025', sections: ['3.1', '3.2'] },
  tiers: [
    { id: 'regulatory', name: { en: 'regulatory', zh: '规制' }, meaning: 'Rules differ.', cues: ['法规', 'regulation'], section: '3.1' },
    { id: 'market', name: { en: 'market', zh: '市场' }, meaning: 'Markets differ.', cues: ['市场', 'market'], section: '3.2' },
  ],
  countermeasures: [
    { id: 'align-rules', name: { en: 'align rules', zh: '规则对接' }, meaning: 'Align.', cues: ['互认'], answers: 'regulatory', section: '4.1' },
    { id: 'open-markets', name: { en: 'open markets', zh: '开放市场' }, meaning: 'Open.', cues: ['准入'], answers: 'market', section: '4.2' },
  ],
};

test('replace: a user framework for another country pair replaces the paper framework', () => {
  const { framework, issues } = mergeFramework(paperFramework, userFramework, 'replace');
  assert.deepEqual(issues, []);
  assert.equal(framework.id, 'eu-japan-green');
  assert.equal(framework.title['zh-CN'], '欧日绿色技术合作');
  assert.deepEqual(framework.tiers.map((t) => t.id), ['regulatory', 'market']);
  assert.deepEqual(framework.levers, []);
  assert.equal(framework.tiers[0]!.meaning['zh-CN'], 'Rules differ.');
  // Heading cues and enumerators are generic, so a replacement without them keeps the bundled ones.
  assert.equal(framework.headingCues, paperFramework.headingCues);
  const { source, ...rest } = userFramework;
  const sourceless = mergeFramework(paperFramework, rest, 'replace').framework;
  assert.deepEqual(sourceless.source, { citation: { en: 'EU–Japan green technology cooperation', 'zh-CN': '欧日绿色技术合作' } });
  assert.equal(source.citation, 'Our own study, 2025');
  assert.ok(Object.isFrozen(framework.tiers));
});

test('extend: overriding fields by id adds cues; new tiers and heading cues are appended', () => {
  const { framework, issues } = mergeFramework(
    paperFramework,
    {
      tiers: [
        { id: 'external', cues: ['实体清单', 'entity list'] },
        { id: 'climate', name: { en: 'climate', 'zh-CN': '气候' }, meaning: 'Climate risk.', cues: ['气候'], section: '4.3' },
      ],
      countermeasures: [{ id: 'green-deal', name: 'Green deal', meaning: 'Cooperate on climate.', cues: ['减排'], answers: 'climate', section: '5.3' }],
      headingCues: { challenge: ['隐患'] },
    },
    'extend',
  );
  assert.deepEqual(issues, []);
  assert.deepEqual(framework.tiers.map((t) => t.id), ['endogenous', 'core', 'external', 'climate']);
  const external = framework.tiers.find((t) => t.id === 'external')!;
  assert.ok(external.cues.includes('同盟') && external.cues.includes('实体清单'));
  assert.equal(external.section, '4.3');
  assert.ok(framework.headingCues.challenge.includes('隐患') && framework.headingCues.challenge.includes('挑战'));
  assert.equal(framework.levers.length, 3);
  assert.equal(paperFramework.tiers.length, 3, 'the base is not mutated');
});

test('invalid user data keeps the base and reports readable, located, bilingual errors', () => {
  const { framework, issues } = mergeFramework(
    paperFramework,
    {
      id: 'Bad Id',
      title: { en: 'Only English' },
      tiers: [
        { id: 'a', name: 'A', meaning: 'x', cues: [], section: '1' },
        { id: 'a', name: 'A', meaning: 'x', cues: ['y'], section: '1' },
      ],
      countermeasures: [{ id: 'c', name: 'C', meaning: 'x', cues: ['z'], answers: 'missing-tier', section: 'x.y' }],
      colour: 'blue',
    },
    'replace',
  );
  assert.equal(framework, paperFramework);
  const byPath = new Map(issues.map((issue) => [issue.path, issue]));
  assert.match(byPath.get('id')!.message.en, /^id must be an id of lower-case letters.*found "Bad Id"\.$/);
  assert.match(byPath.get('title')!.message['zh-CN'], /中英文/);
  assert.match(byPath.get('tiers[0].cues')!.message.en, /non-empty words/);
  assert.match(byPath.get('tiers[1].id')!.message.en, /repeats the id "a"/);
  assert.match(byPath.get('countermeasures[0].section')!.message.en, /section number/);
  assert.equal(byPath.get('colour')!.severity, 'warning');
  assert.ok(issues.some((issue) => issue.path === '(framework)' && issue.severity === 'error'));
});

test('a countermeasure answering an unknown tier is an error; a tier without countermeasure is a warning', () => {
  const unknown = mergeFramework(paperFramework, { countermeasures: [{ id: 'x', name: 'X', meaning: 'x', cues: ['x'], answers: 'nope', section: '5' }] }, 'extend');
  assert.equal(unknown.framework, paperFramework);
  assert.ok(unknown.issues.some((i) => i.path === 'countermeasures[3].answers' && /no tier has that id/.test(i.message.en)));
  const lonely = mergeFramework(paperFramework, { tiers: [{ id: 'lonely', name: 'L', meaning: 'l', cues: ['l'], section: '4' }] }, 'extend');
  assert.notEqual(lonely.framework, paperFramework);
  assert.deepEqual(lonely.issues.map((i) => [i.severity, i.message.en]), [['warning', 'No countermeasure dimension answers the tier "lonely".']]);
});

test('non-object input and missing required parts are reported, never thrown', () => {
  assert.equal(mergeFramework(paperFramework, 'nonsense', 'replace').issues[0]!.message.en, '(framework) must be an object.');
  const { issues } = mergeFramework(paperFramework, {}, 'replace');
  assert.deepEqual(
    issues.filter((i) => i.path !== '(framework)').map((i) => i.path),
    ['id', 'title', 'tiers'],
  );
  assert.equal(validateFramework(null).framework, undefined);
});
