// Reading statistics as facts: indicator, entities, period, interval, role — the key the consistency rules
// group by. Each case pins what the checks rely on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../src/engine';
import { analyzeConsistency } from '../src/engine/consistency';
import { indicatorOf } from '../src/engine/consistency/facts';
import { entitiesIn } from '../src/engine/consistency/lexicon';

function facts(text: string): string[] {
  return analyzeConsistency(parseDocument(text)).facts.map(
    (f) => `${f.mention.raw} ${f.role}${f.direction ? `:${f.direction}` : ''} [${f.indicator}] ${f.entities.join('+')} ${f.period ?? '-'} ${f.kindKey} ${+f.low.toFixed(4)}..${+f.high.toFixed(4)}`,
  );
}

test('the indicator is the noun phrase before the number, without entity, date, asides and linking verbs', () => {
  assert.equal(indicatorOf('而中国在2022年的研发经费投入强度（研发经费与GDP之比）为').key, '研发经费投入强度');
  assert.equal(indicatorOf('2023年韩国的人才竞争力排名').key, '人才竞争力');
  assert.equal(indicatorOf('占半导体总出口额的').key, '半导体总出口额');
  assert.equal(indicatorOf("Korea's R&D intensity was ").key, 'r&d intensity');
  assert.equal(indicatorOf("Korea's exports to China fell from ").key, 'exports');
  assert.equal(indicatorOf('为').key, '');
});

test('entities: countries, blocs and firms by canonical id; 中韩 names both; Latin acronyms need their case', () => {
  assert.deepEqual(entitiesIn('韩国对华出口，中韩合作，欧盟与OECD').map((h) => h.id), ['KR', 'CN', 'CN', 'KR', 'EU', 'OECD']);
  assert.deepEqual(entitiesIn('Samsung and the US; let us see').map((h) => h.id), ['Samsung', 'US']);
  assert.deepEqual(entitiesIn('USD and Europe').map((h) => h.id), []);
});

test('a fact carries its own date; a comparator is not its subject; a bare clause inherits the subject', () => {
  assert.deepEqual(facts('三星在中国的员工人数从2016年的4.50万人减少到2021年底的约1.78万人，减少了约60%。'), [
    '4.50万人 level [员工人数] CN+Samsung 2016 count:人 44950..45050',
    '约1.78万人 level [] CN+Samsung 2021 count:人 17750..17850',
    '约60% change:down [] CN+Samsung - percent 55..65',
  ]);
  assert.deepEqual(facts('韩国研发经费与GDP之比达到5.21%，仅次于以色列位居全球第二。'), [
    '达到5.21% level [研发经费与gdp之比] KR - percent 5.205..5.215',
    '第二 level [] KR+WORLD - rank 2..2',
  ]);
  assert.deepEqual(facts('2022年，韩国对中国的半导体出口额高达795亿美元，占半导体总出口额的34%以上。'), [
    '高达795亿美元 level [半导体出口额] CN+KR 2022 currency:USD 79450000000..79550000000',
    '34%以上 level [半导体总出口额] CN+KR 2022 percent 34..35',
  ]);
  assert.deepEqual(facts("Korea's exports to China fell from $162.9 billion in 2021 to $155.8 billion in 2022, a decline of 4.4%."), [
    '$162.9 billion level [exports] CN+KR 2021 currency:USD 162850000000..162950000000',
    '$155.8 billion level [] CN+KR 2022 currency:USD 155750000000..155850000000',
    '4.4% change:down [] CN+KR - percent 4.35..4.45',
  ]);
});

test('the value after 比前一年的 is the earlier one: it has no period of its own and is never compared across the draft', () => {
  const [, earlier] = analyzeConsistency(parseDocument('2022年韩国对华出口额1 558.1亿美元，比前一年的1 629.1亿美元减少了4.4%。')).facts;
  assert.equal(earlier!.mention.raw, '1 629.1亿美元');
  assert.equal(earlier!.period, undefined);
});

test('sentences about plans and forecasts are marked and never checked', () => {
  const text = '欧盟计划到2030年在内部生产至少10%的关键原材料，从2020年的5%增至2030年的10%，增加了50%。';
  const analysis = analyzeConsistency(parseDocument(text));
  assert.ok(analysis.facts.every((f) => f.forecast));
  assert.deepEqual(analysis.verifiedChanges, []);
  const plain = analyzeConsistency(parseDocument('欧盟内部生产的关键原材料比例从2020年的5%增至2022年的10%，增加了50%。'));
  assert.equal(plain.arithmetic.length, 1);
});
