import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readNumbers, type NumberMention } from '../src/engine/numbers';

// Pieces drafts are made of, so random text hits the reader's edge cases far more often than random Unicode.
const pieces = [
  '0', '1', '2', '3', '5', '9', '12', '2022', '1 558', '3,500', '.', '．', ',', ' ', '\u2009', '\u202f', '\u00a0', '１', '５',
  '％', '%', '‰', '万', '亿', '万亿', '千', '百', '十', '一', '两', '三', '〇', '零', '半', '成', '多', '余', '来', '个', '位',
  '起', '座', '人', '年', '月', '日', '号', '时', '分', '之', '百分之', '个百分点', '倍', '×', '美元', '韩元', '元', '人民币',
  '约', '近', '超过', '超', '逾', '以上', '以下', '不足', '左右', '上下', '高达', '达', '第', '名', '是', '其', '、', '，', '。',
  '–', '-', '~', '～', '至', '到', '(', ')', '（', '）', '[', ']', '［', '］', '〔', '〕', '^', '“', '”', '图', '表', '节', '章',
  '$', 'US$', '€', '¥', 'RMB', 'USD', 'million', 'bn', 'm', 'k', 'x', 'th', 's', 'GWh', 'percent', 'about', 'over',
  'more than', 'ranked', 'one', 'twenty', '-fold', 'twice', 'half', 'of', 'March', 'May', 'Figure', 'Section', 'p.', 'V',
  'GPT', 'G', 'H', '_', ':', '/', '\uFFFC', '\n', '\r\n', '😀', '𠀀', '#', '+', '<', '≈',
];
const draftText = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(draftText, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));

function checkShape(text: string, mentions: readonly NumberMention[]): void {
  let previousEnd = 0;
  for (const m of mentions) {
    assert.ok(Number.isInteger(m.start) && Number.isInteger(m.end));
    assert.ok(m.start >= previousEnd, `overlap or unsorted at ${m.start} < ${previousEnd}`);
    assert.ok(m.start < m.end, `empty span at ${m.start}`);
    assert.ok(m.end <= text.length);
    assert.equal(m.raw, text.slice(m.start, m.end));
    assert.equal(m.isStatistic, m.reason === undefined);
    assert.ok(![m.point, m.value.low, m.value.high].some(Number.isNaN), `NaN in ${m.raw}`);
    assert.ok(!(m.value.low > m.value.high), `interval ${m.value.low}..${m.value.high}`);
    assert.ok(!(m.point < m.value.low || m.point > m.value.high), `${m.raw}: ${m.point} ∉ ${m.value.low}..${m.value.high}`);
    previousEnd = m.end;
  }
}

test('never throws; spans are in range, sorted, non-overlapping and match raw', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      checkShape(text, readNumbers(text));
    }),
    { numRuns: 3000 },
  );
});

test('the same number reads the same whatever prose surrounds it', () => {
  fc.assert(
    fc.property(fc.constantFrom('，', '。', '；', ' and ', '（'), fc.integer({ min: 4, max: 999 }), (sep, n) => {
      const text = `增长${sep}${n}%${sep}`;
      const m = readNumbers(text).find((x) => x.kind === 'percent');
      assert.ok(m);
      assert.equal(m.point, n);
      assert.equal(m.isStatistic, true);
    }),
  );
});

test('grouped and ungrouped digits give the same value', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1000, max: 999_999_999 }), fc.constantFrom(',', ' ', '\u2009', '\u202f'), (n, sep) => {
      const grouped = n.toLocaleString('en-US').replace(/,/g, sep);
      const [a] = readNumbers(`共${grouped}亿美元`);
      const [b] = readNumbers(`共${n}亿美元`);
      assert.ok(a && b);
      assert.equal(a.raw, `${grouped}亿美元`);
      assert.equal(a.point, b.point);
      assert.equal(a.point, n * 1e8);
    }),
  );
});

test('a qualifier interval always contains the written value', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('约', '近', '超过', '逾', '不足', '至少', '最多', 'about ', 'nearly ', 'over ', 'at least ', 'up to '),
      fc.integer({ min: 1, max: 99_999 }),
      fc.constantFrom('%', '个', '亿美元', '万人'),
      (qualifier, n, unit) => {
        const [m] = readNumbers(`${qualifier}${n}${unit}`);
        assert.ok(m);
        assert.ok(m.qualifier !== undefined, `no qualifier in ${m.raw}`);
        assert.ok(m.value.low <= m.point && m.point <= m.value.high, `${m.point} ∉ ${m.value.low}..${m.value.high}`);
      },
    ),
  );
});

// Adversarial shapes: each must simply finish (the runner's timeout is the budget) and keep the span rules.
const adversarial: [string, string][] = [
  ['200,000 digits in a row', '1'.repeat(200_000)],
  ['100,000 spaces between digits', `1${' '.repeat(100_000)}2`],
  ['100,000 thin spaces between digits', `1${'\u2009'.repeat(100_000)}2`],
  ['"1,1,1,…"', '1,'.repeat(100_000)],
  ['"1 000 000 …" grouping', `1${' 000'.repeat(50_000)}`],
  ['"1.1.1.…"', '1.'.repeat(100_000)],
  ['"第第第…"', '第'.repeat(100_000)],
  ['"第第第…1"', `${'第'.repeat(100_000)}1`],
  ['"约约约…"', '约'.repeat(100_000)],
  ['"约约约…1%"', `${'约'.repeat(100_000)}1%`],
  ['Chinese numerals', '一二三四五六七八九十百千万亿'.repeat(10_000)],
  ['"一一一…"', '一'.repeat(100_000)],
  ['open brackets', `${'['.repeat(100_000)}1`],
  ['unclosed citations', '[1,'.repeat(50_000)],
  ['"1-1-1-…"', '1-'.repeat(100_000)],
  ['"1%1%…"', '1%'.repeat(100_000)],
  ['"one one …"', 'one '.repeat(100_000)],
  ['"twenty-twenty-…"', 'twenty-'.repeat(50_000)],
  ['letters then a digit', `${'a'.repeat(100_000)}1`],
  ['"a1a1…"', 'a1'.repeat(100_000)],
  ['quotes', `${'“'.repeat(50_000)}三${'”'.repeat(50_000)}`],
  ['"半半…"', '半'.repeat(100_000)],
  ['"百分之百分之…"', '百分之'.repeat(100_000)],
  ['minus signs', `${'-'.repeat(100_000)}1`],
  ['"图图…1"', `${'图'.repeat(100_000)}1`],
  ['"March March …1"', `${'March '.repeat(50_000)}1`],
  ['"]]]…4.1 "', `${']'.repeat(100_000)}4.1 标题`],
  ['"]1 ]1 …" anchors without an opening bracket', ']1 '.repeat(70_000)],
  ['"\\n]1 …" line starts', '\n]1'.repeat(70_000)],
  ['spaces before each heading-like number', `${' '.repeat(100_000)}1 ${' '.repeat(100_000)}2 标题`],
  ['placeholders', '\uFFFC1'.repeat(100_000)],
  ['a 25-digit amount with a scale', '1000000000000000000000000万人'],
  ['400 nines with a scale', `${'9'.repeat(400)}亿美元`],
];

for (const [name, text] of adversarial) {
  test(`adversarial input finishes: ${name}`, () => {
    checkShape(text, readNumbers(text));
  });
}

test('a 1 MB paragraph of dense statistics finishes', () => {
  const sentence = '2022年韩国对华出口额1 558.1亿美元，比前一年减少了4.4%[26]，约1.78万人，排名第43位，超过半数；';
  const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
  const mentions = readNumbers(text);
  checkShape(text, mentions);
  assert.equal(mentions.filter((m) => m.isStatistic).length, 5 * Math.ceil(1_000_000 / sentence.length));
});
