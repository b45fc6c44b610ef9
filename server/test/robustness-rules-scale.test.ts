// The rules at scale (issue 8): the hostile shapes of `npm run hostile:1mb` at a size the suite checks quickly,
// with the findings each must give; the capped paths (a run-on sentence, a draft with hundreds of units) give
// what a reader expects; and the indexed look-ups agree with the pairwise comparisons they replaced.
// How long each takes is measured by `npm run hostile:1mb`, never asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText, parseDocument } from '../src/engine/index';
import type { EngineOptions, Finding } from '../src/engine/index';
import { analyzeConsistency } from '../src/engine/consistency';
import { ENTITY_FORMS, entitiesIn } from '../src/engine/consistency/lexicon';
import { CUT_MARGIN, READ_LIMIT, numbersIn, statisticsIn } from '../src/engine/evidence/statistics';
import { readNumbers } from '../src/engine/numbers';
import { MAX_UNITS_COMPARED, analyzeStructure } from '../src/engine/structure';
import { OPTIONS, draft, sentence } from './robustness-drafts';
import { bodyMarkers, citedByAny, entries, entriesForName, entryMatchesAuthorYear, markerCitesEntry, namesOf } from '../src/engine/citation-index';

const LARGE: EngineOptions = { ...OPTIONS, maxFileSize: 10_000_000 };

function byRule(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

function texts(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => text.slice(f.span.start, f.span.end));
}

// --- A run-on sentence ------------------------------------------------------------------------------------

test('a run-on sentence of 25,000 约1 is flagged in its first characters, not once per figure', () => {
  const text = '约1'.repeat(25_000);
  const { findings } = lintText(text, LARGE);
  const unsourced = byRule(findings, 'unsourced-statistic');
  // Every 约1 that ends clear of the cut: (READ_LIMIT - CUT_MARGIN) / 2 of them.
  assert.equal(unsourced.length, (READ_LIMIT - CUT_MARGIN) / 2);
  assert.deepEqual(unsourced[0]!.span, { start: 0, end: 2 });
  assert.ok(unsourced.every((f, i) => f.span.start === 2 * i && f.span.end === 2 * i + 2));
  assert.ok(texts(text, unsourced).every((raw) => raw === '约1'));
  assert.deepEqual(findings.filter((f) => f.rule !== 'unsourced-statistic'), []);
});

test('one citation sources all of a run-on sentence, however long', () => {
  const text = `${'约1'.repeat(25_000)}[1]。\n\n## 参考文献\n\n[1] 作者. 题名[J]. 刊名, 2020.\n`;
  assert.deepEqual(byRule(lintText(text, LARGE).findings, 'unsourced-statistic'), []);
  // Under clause scope too: the run-on is one clause.
  const clause = { ...LARGE, rules: { 'unsourced-statistic': { citationScope: 'clause' } } };
  assert.deepEqual(byRule(lintText(text, clause).findings, 'unsourced-statistic'), []);
});

test('50,000 characters of 1- give one finding per range 1-1 in the first characters', () => {
  const text = '1-'.repeat(25_000);
  const unsourced = byRule(lintText(text, LARGE).findings, 'unsourced-statistic');
  assert.equal(unsourced.length, Math.floor((READ_LIMIT - CUT_MARGIN + 1) / 4));
  assert.ok(unsourced.every((f, i) => f.span.start === 4 * i && f.span.end === 4 * i + 3));
  assert.ok(texts(text, unsourced).every((raw) => raw === '1-1'));
});

test('a sentence up to the limit is read to its end; a longer one only to the limit', () => {
  const clause = '新质生产力是推动高质量发展的重要引擎，';
  const short = `出口增长12%，${clause.repeat(Math.floor((READ_LIMIT - 20) / clause.length))}增长30%。`;
  assert.ok(short.length <= READ_LIMIT);
  assert.deepEqual(texts(short, byRule(lintText(short, OPTIONS).findings, 'unsourced-statistic')), ['12%', '30%']);
  const long = `出口增长12%，${clause.repeat(Math.ceil(READ_LIMIT / clause.length))}增长30%。`;
  assert.ok(long.length > READ_LIMIT);
  assert.deepEqual(texts(long, byRule(lintText(long, OPTIONS).findings, 'unsourced-statistic')), ['12%']);
  assert.deepEqual(statisticsIn(long).map((m) => m.raw), ['12%']);
});

test('the figures read in a run-on sentence are read as in the whole of it', () => {
  const runOn = fc.array(sentence, { minLength: 60, maxLength: 200 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(runOn, fc.nat(40), (text, shift) => {
      const long = text.slice(shift);
      fc.pre(long.length > READ_LIMIT);
      const whole = readNumbers(long).filter((m) => m.end <= READ_LIMIT - CUT_MARGIN);
      assert.deepEqual(numbersIn(long), whole);
    }),
    { numRuns: 300 },
  );
});

test('a run-on sentence is not compared for consistency; one under the limit is', () => {
  const first = '2022年韩国研发经费投入强度为4.9%。';
  const conflicting = '2022年韩国研发经费投入强度为5.2%。';
  assert.equal(byRule(lintText(`${first}\n\n${conflicting}\n`, OPTIONS).findings, 'conflicting-statistic').length, 1);
  const runOn = `${conflicting.slice(0, -1)}，${'新质生产力是推动高质量发展的重要引擎，'.repeat(110)}完。`;
  assert.ok(runOn.length > READ_LIMIT);
  const text = `${first}\n\n${runOn}\n`;
  assert.deepEqual(byRule(lintText(text, OPTIONS).findings, 'conflicting-statistic'), []);
  const analysis = analyzeConsistency(parseDocument(text));
  assert.deepEqual(analysis.facts.map((f) => f.mention.raw), ['4.9%']);
});

test('facts of a long sentence under the limit are all read, inside their sentence and well formed', () => {
  const n = READ_LIMIT - 100;
  const inputs = [
    `韩国5%${' '.repeat(n)}x 6%。`,
    `${'（'.repeat(n / 2)}韩国5%${'）'.repeat(n / 2)}`,
    '韩国出口额5%，'.repeat(n / 8),
    '2022年韩国5%'.repeat(n / 9),
    `from 5% ${'1'.repeat(n)} to 6%, up 3%.`,
    '占45%、'.repeat(n / 5),
    `韩国${'的'.repeat(n)}5%。`,
  ];
  for (const input of inputs) {
    const model = parseDocument(input);
    const facts = analyzeConsistency(model).facts;
    const statistics = model.sentences.reduce((count, sentence) => count + statisticsIn(sentence.text).length, 0);
    assert.equal(facts.length, statistics, input.slice(0, 20));
    for (const fact of facts) {
      assert.ok(fact.mention.start >= 0 && fact.mention.start <= fact.mention.end && fact.mention.end <= fact.sentence.text.length);
      assert.ok(fact.low <= fact.high, `${fact.mention.raw}: ${fact.low} > ${fact.high}`);
    }
  }
});

test('clause scope: in a sentence of 150 clauses, exactly the uncited clauses are flagged', () => {
  const clauses = Array.from({ length: 150 }, (_, i) => `出口增长${(i % 90) + 10}%${i % 3 === 0 ? '[1]' : ''}`);
  const text = `${clauses.join('；')}。\n\n## 参考文献\n\n[1] 作者. 题名[J]. 刊名, 2020.\n`;
  const options = { ...OPTIONS, rules: { 'unsourced-statistic': { citationScope: 'clause' } } };
  const flagged = texts(text, byRule(lintText(text, options).findings, 'unsourced-statistic'));
  const expected = clauses.flatMap((_, i) => (i % 3 === 0 ? [] : [`${(i % 90) + 10}%`]));
  assert.deepEqual(flagged, expected);
});

// --- Thousands of one-line blocks -------------------------------------------------------------------------

test('2,000 one-line headings and paragraphs: one finding per rule, on the right places', () => {
  const text = Array.from({ length: 2_000 }, (_, i) => `${'#'.repeat(1 + (i % 6))} 挑战${i}\n\n内容增长${i}%[${i}]。`).join('\n\n');
  const { findings } = lintText(text, OPTIONS);
  assert.deepEqual(
    findings.map((f) => [f.rule, text.slice(f.span.start, f.span.end)]),
    [
      ['unanswered-challenge', '# 挑战0'],
      // [0] names no reference: the only figure without a citation.
      ['unsourced-statistic', '0%'],
      ['missing-reference-list', '[1]'],
    ],
  );
  // Headings cycle through six depths: every sixth one is a top-level challenge part.
  assert.equal(byRule(findings, 'unanswered-challenge')[0]!.related.length, Math.ceil(2_000 / 6));
  assert.equal(byRule(findings, 'missing-reference-list')[0]!.data?.count, 1_999);
});

test('130,000 headings are read as a structure (no spread of every depth onto the call stack)', () => {
  const text = '# 挑战\n'.repeat(130_000);
  const unanswered = byRule(lintText(text, LARGE).findings, 'unanswered-challenge');
  assert.equal(unanswered.length, 1);
  assert.equal(unanswered[0]!.related.length, 130_000);
});

// --- Hundreds of challenges and countermeasures -----------------------------------------------------------

function structureDraft(challenges: number, countermeasures: number, answers: (m: number) => string): string {
  return [
    '# 一、挑战',
    ...Array.from({ length: challenges }, (_, i) => `## 1.${i + 1} 挑战${i + 1}\n\n人才流失严重。`),
    '# 二、对策',
    ...Array.from({ length: countermeasures }, (_, m) => `## 2.${m + 1} 对策${m + 1}\n\n${answers(m)}加强合作。`),
  ].join('\n\n');
}

test('a draft with more units than are compared by content is paired by its explicit references, in order', () => {
  const n = MAX_UNITS_COMPARED + 50;
  // Countermeasure m answers challenge n - m; the last ten answer nothing, and challenges 1–10 stay unanswered.
  const text = structureDraft(n, n, (m) => (m < n - 10 ? `针对1.${n - m}，` : ''));
  const analysis = analyzeStructure(parseDocument(text));
  assert.equal(analysis.compared, false);
  assert.equal(analysis.pairs.length, n - 10);
  assert.ok(analysis.pairs.every((pair) => pair.evidence === 'explicit' && pair.countermeasure === n - 1 - pair.challenge));
  const { findings } = lintText(text, OPTIONS);
  const unanswered = byRule(findings, 'unanswered-challenge');
  assert.deepEqual(texts(text, unanswered), Array.from({ length: 10 }, (_, i) => `## 1.${i + 1} 挑战${i + 1}`));
  assert.ok(unanswered.every((f) => f.related.length === 0), 'no closest countermeasure is offered without a comparison');
  const orphans = byRule(findings, 'orphan-countermeasure');
  assert.deepEqual(texts(text, orphans), Array.from({ length: 10 }, (_, i) => `## 2.${n - 9 + i} 对策${n - 9 + i}`));
  assert.ok(orphans.every((f) => f.related.length === 0));
});

test('a draft within the limit is still compared by content and paired by the best assignment', () => {
  const text = structureDraft(3, 3, (m) => `针对1.${3 - m}，`);
  const analysis = analyzeStructure(parseDocument(text));
  assert.equal(analysis.compared, true);
  assert.deepEqual(analysis.pairs.map((p) => [p.challenge, p.countermeasure, p.evidence]), [[0, 2, 'explicit'], [1, 1, 'explicit'], [2, 0, 'explicit']]);
  assert.equal(analysis.candidates[0]!.length, 3);
});

test('thousands of challenges and one countermeasure: one pairing, every other challenge flagged', () => {
  const n = 3_000;
  const text = structureDraft(n, 1, () => '针对1.7，');
  const { findings } = lintText(text, LARGE);
  const unanswered = byRule(findings, 'unanswered-challenge');
  assert.equal(unanswered.length, n - 1);
  assert.ok(!texts(text, unanswered).includes('## 1.7 挑战7'));
  assert.deepEqual(byRule(findings, 'orphan-countermeasure'), []);
});

// --- Long reference lists ---------------------------------------------------------------------------------

test('3,000 references cited in reverse order: every marker resolves and every later first citation is out of order', () => {
  const n = 3_000;
  const body = Array.from({ length: n }, (_, i) => `内容[${n - i}]。`).join('\n\n');
  const list = Array.from({ length: n }, (_, i) => `[${i + 1}] 作者${i + 1}. 题名[J]. 刊名, 2020.`).join('\n');
  const { findings } = lintText(`${body}\n\n## 参考文献\n\n${list}\n`, LARGE);
  assert.deepEqual(byRule(findings, 'dangling-citation'), []);
  assert.deepEqual(byRule(findings, 'uncited-reference'), []);
  assert.equal(byRule(findings, 'citation-order').length, n - 1);
});

test('a long list cited in part: exactly the missing markers dangle and exactly the uncited entries are flagged', () => {
  const n = 2_000;
  // Markers name the even numbers up to 2n; the list holds 1..n.
  const body = Array.from({ length: n }, (_, i) => `内容[${2 * (i + 1)}]。`).join('\n\n');
  const list = Array.from({ length: n }, (_, i) => `[${i + 1}] 作者${i + 1}. 题名[J]. 刊名, 2020.`).join('\n');
  const text = `${body}\n\n## 参考文献\n\n${list}\n`;
  const { findings } = lintText(text, LARGE);
  const dangling = byRule(findings, 'dangling-citation').map((f) => (f.data as { missing: number[] }).missing[0]);
  assert.deepEqual(dangling, Array.from({ length: n / 2 }, (_, i) => n + 2 * (i + 1)));
  const uncited = byRule(findings, 'uncited-reference').map((f) => (f.data as { number: number }).number);
  assert.deepEqual(uncited, Array.from({ length: n / 2 }, (_, i) => 2 * i + 1));
});

test('footnote labels match without regard to case and author-year markers by surname and year, at scale', () => {
  const n = 500;
  const surname = (i: number): string => `Lee${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}`;
  const year = (i: number): number => 2000 + (i % 20);
  const body = [
    ...Array.from({ length: n }, (_, i) => `Note ${i} applies.[^Note${i}]`),
    ...Array.from({ length: n }, (_, i) => `Growth was strong (${surname(i)}, ${year(i)}).`),
    // The right surname in the wrong year names no entry.
    `Growth was weak (${surname(0)}, 1999).`,
  ].join('\n\n');
  const notes = Array.from({ length: n + 1 }, (_, i) => `[^note${i}]: Note ${i}.`).join('\n');
  const list = Array.from({ length: n + 1 }, (_, i) => `${surname(i)}, A. (${year(i)}). Title. Journal.`).join('\n\n');
  const text = `${body}\n\n${notes}\n\n## References\n\n${list}\n`;
  const { findings } = lintText(text, LARGE);
  assert.deepEqual(texts(text, byRule(findings, 'dangling-citation')), [`(${surname(0)}, 1999)`]);
  // The one definition and the one entry nobody cites.
  assert.deepEqual(
    texts(text, byRule(findings, 'uncited-reference')).map((t) => t.slice(0, 11)),
    [`[^note${n}]:`, `${surname(n)}, A. (`],
  );
});

test('the indexed look-ups of entries agree with scanning the list, on random drafts', () => {
  fc.assert(
    fc.property(draft, (text) => {
      const model = parseDocument(text);
      // The first look-ups scan the list; later ones use the index: ask enough to reach it.
      for (let k = 0; k < 20; k++) entriesForName(model, 'numeric', -1);
      const markers = bodyMarkers(model);
      for (const marker of markers) {
        for (const name of namesOf(marker)) {
          const scanned = entries(model).filter((entry) => {
            if (typeof name === 'number') return entry.number === name;
            if (marker.style === 'author-year') return entryMatchesAuthorYear(entry, name);
            if (entry.key === undefined) return false;
            return marker.style === 'footnote' ? entry.key.toLowerCase() === name.toLowerCase() : entry.key === name;
          });
          assert.deepEqual(entriesForName(model, marker.style, name), scanned);
        }
      }
      const isCited = citedByAny(markers);
      for (const entry of entries(model)) assert.equal(isCited(entry), markers.some((marker) => markerCitesEntry(marker, entry)));
    }),
    { numRuns: 300 },
  );
});

// --- Entities ---------------------------------------------------------------------------------------------

/** The single alternation of every form that entitiesIn replaced, kept as the reference it must agree with. */
function entitiesByAlternation(text: string): { id: string; start: number; end: number; surface: string }[] {
  const formToId = new Map<string, string>();
  for (const [id, forms] of ENTITY_FORMS) for (const form of forms) formToId.set(form.toLowerCase(), id);
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const sorted = [...formToId.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(sorted.map((form) => (/^[a-z]/i.test(form) ? `(?<![A-Za-z])${escape(form)}(?![A-Za-z])` : escape(form))).join('|'), 'gi');
  const hits: { id: string; start: number; end: number; surface: string }[] = [];
  for (const match of text.matchAll(pattern)) {
    const surface = match[0];
    if (/^(?:us|eu|the us|the eu|prc|rok|usa)$/i.test(surface) && surface !== surface.toUpperCase() && !/^the /.test(surface)) continue;
    const id = formToId.get(surface.toLowerCase())!;
    for (const member of id.split('+')) hits.push({ id: member, start: match.index, end: match.index + surface.length, surface });
  }
  return hits;
}

test('entitiesIn finds what one alternation of every form finds: longest form, whole Latin words, cased acronyms', () => {
  const forms = ENTITY_FORMS.flatMap(([, list]) => list);
  const piece = fc.oneof(
    fc.constantFrom(...forms, ...forms.map((f) => f.toLowerCase()), ...forms.map((f) => f.toUpperCase())),
    fc.constantFrom('us', 'Us', 'The US', 'the eu', 'usd', 'Europe', 'The ', "'s", 'S', '.', ' ', '中', '国', '韩', 'ı', 'ſ', 'K'),
    fc.string({ maxLength: 3 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), (text) => {
      assert.deepEqual(entitiesIn(text), entitiesByAlternation(text));
    }),
    { numRuns: 3_000 },
  );
});
