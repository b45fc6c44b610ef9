// A draft edited all day must not leave its old versions in memory. The engine's caches (parsed pieces, results
// remembered per sentence) are keyed by text cut from the document; in V8 a substring can be a view that keeps the
// whole string it was cut from alive, so a cache that kept such views would keep one version of the draft per
// edited piece.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { lintText, resetCaches } from '../src/engine/index';
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
