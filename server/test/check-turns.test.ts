// prepareCheck: the language server parses a long draft in turns before checking it, so other requests are
// served meanwhile and a check for a version that was superseded stops early.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, prepareCheck, resetCaches } from '../src/engine/index';
import { UNITS_PER_TURN } from '../src/engine/parse/pieces';
import { OPTIONS, fixtureDrafts } from './robustness-drafts';

const paper = fixtureDrafts()[0]!.text;
const long = Array.from({ length: 8 }, (_, i) => paper.replace(/^(#+ .*)$/gm, `$1 ${i}`)).join('\n\n');

test('other work gets turns while a long draft is parsed, and the check after it is the same check', async () => {
  resetCaches();
  const events: string[] = [];
  const otherWork = new Promise<void>((resolve) =>
    setImmediate(() => {
      events.push('other work');
      resolve();
    }),
  );
  const finished = await prepareCheck(long, OPTIONS, () => false);
  events.push('parsed');
  await otherWork;
  assert.equal(finished, true);
  assert.deepEqual(events, ['other work', 'parsed']);
  const prepared = lintText(long, OPTIONS).findings;
  resetCaches();
  assert.deepEqual(prepared, lintText(long, OPTIONS).findings);
});

test('a superseded check stops at its next turn and leaves nothing half-done behind', async () => {
  resetCaches();
  let asked = 0;
  const finished = await prepareCheck(long, OPTIONS, () => ++asked > 1);
  assert.equal(finished, false);
  assert.equal(asked, 2, 'stopped at the second turn, not after parsing everything');
  const afterStop = lintText(long, OPTIONS).findings;
  resetCaches();
  assert.deepEqual(afterStop, lintText(long, OPTIONS).findings);
});

test('turns come by amount of text: a paper-sized draft is parsed in one go, a long one in a few turns', async () => {
  resetCaches();
  let asked = 0;
  assert.ok(paper.length < UNITS_PER_TURN);
  assert.equal(await prepareCheck(paper, OPTIONS, () => (asked++, false)), true);
  assert.equal(asked, 1, 'asked only once, at the end: no turn in between');
  resetCaches();
  asked = 0;
  assert.equal(await prepareCheck(long, OPTIONS, () => (asked++, false)), true);
  assert.ok(asked >= 3, `a draft of ${long.length} units gives way more than once (asked ${asked} times)`);
  assert.ok(asked <= Math.floor(long.length / UNITS_PER_TURN) + 1, `no more turns than ${UNITS_PER_TURN}-unit stretches (asked ${asked} times)`);
});

test('a draft over the size limit is not parsed ahead', async () => {
  let asked = 0;
  assert.equal(await prepareCheck(long, { ...OPTIONS, maxFileSize: 1000 }, () => (asked++, false)), true);
  assert.equal(asked, 1);
});
