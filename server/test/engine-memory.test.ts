// A draft edited all day must not leave its old versions in memory. The engine's caches (parsed pieces, results
// remembered per sentence) are keyed by text cut from the document; in V8 a substring can be a view that keeps the
// whole string it was cut from alive, so a cache that kept such views would keep one version of the draft per
// edited piece. And an idle language server keeps only what its latest check used (trimCaches): the drafts open
// beside it give their cached results back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { lintText, resetCaches, startCacheGeneration, trimCaches } from '../src/engine/index';
import { memoizeByText } from '../src/engine/memo';
import { OPTIONS, fixtureDrafts } from './robustness-drafts';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function liveHeap(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

test('checking forty edited versions of a 1 MB draft keeps about one version of it, not forty', () => {
  const paper = fixtureDrafts()[0]!.text;
  const copies = Array.from({ length: 40 }, (_, index) => paper.replace(/^(#+ .*)$/gm, `$1 (${index + 1})`));
  let text = copies.join('\n\n');
  assert.ok(text.length * 2 > 1_000_000, 'about a megabyte in memory');
  resetCaches();
  lintText(text, OPTIONS);
  const before = liveHeap();
  // Each edit changes one copy (one piece of the parse), as typing in one paragraph does; the rest comes from the caches.
  for (let edit = 0; edit < 40; edit++) {
    const at = text.indexOf('。', Math.floor(((edit + 0.5) * text.length) / 40));
    text = `${text.slice(0, at)}新${text.slice(at)}`;
    lintText(text, OPTIONS);
  }
  const grown = liveHeap() - before;
  const versionBytes = text.length * 2;
  // Kept views hold all 40 versions (measured: 47 drafts' worth of growth); own copies hold only the edited pieces'
  // parses and sentences (measured: about 6 drafts' worth, within the caches' bounds).
  assert.ok(grown < 20 * versionBytes, `the live heap grew by ${(grown / 2 ** 20).toFixed(1)} MB, ${(grown / versionBytes).toFixed(1)} versions of the draft`);
  resetCaches();
});

test('trimmed to the latest check, the caches give back what the other drafts held, and answer the latest alike', () => {
  const paper = fixtureDrafts()[0]!.text;
  // Five distinct drafts of four papers each: every heading and sentence differs from draft to draft.
  const drafts = Array.from({ length: 5 }, (_, draft) =>
    Array.from({ length: 4 }, (_, copy) =>
      paper.replace(/^(#+ .*)$/gm, `$1 (${draft}.${copy})`).replace(/。/g, `（${draft}-${copy}）。`),
    ).join('\n\n'),
  );
  // Compiled code is part of the heap too: compile it first, so that what grows below is cached results.
  for (const { text } of fixtureDrafts()) lintText(text, OPTIONS);
  resetCaches();
  const before = liveHeap();
  let latest = 0;
  const findings = drafts.map((text) => {
    latest = startCacheGeneration();
    return lintText(text, OPTIONS).findings;
  });
  const cached = liveHeap() - before;
  trimCaches(latest);
  const kept = liveHeap() - before;
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  // Each draft's parses and sentences cost about the same, so the latest's are about a fifth (measured: 14.0 MB
  // cached, 3.6 MB kept).
  assert.ok(cached > 5 * drafts[4]!.length * 2, `the caches held ${mb(cached)}, more than the five drafts' text`);
  assert.ok(kept < 0.4 * cached, `${mb(kept)} of ${mb(cached)} kept: more than the latest draft's share`);
  // What was kept and what was let go give the same answers as before.
  assert.deepEqual(lintText(drafts[4]!, OPTIONS).findings, findings[4]);
  assert.deepEqual(lintText(drafts[0]!, OPTIONS).findings, findings[0]);
  resetCaches();
});

test('a trimmed memo keeps the results used since the generation given and computes the others again', () => {
  const computed: string[] = [];
  const lengthOf = memoizeByText((text) => {
    computed.push(text);
    return text.length;
  });
  startCacheGeneration();
  lengthOf('甲乙');
  lengthOf('丙丁戊');
  const latest = startCacheGeneration();
  // Used again in the latest generation: kept, though first computed in the one before.
  assert.equal(lengthOf('丙丁戊'), 3);
  lengthOf('己');
  trimCaches(latest);
  assert.deepEqual([lengthOf('丙丁戊'), lengthOf('己'), lengthOf('甲乙')], [3, 1, 2]);
  assert.deepEqual(computed, ['甲乙', '丙丁戊', '己', '甲乙']);
  resetCaches();
});
