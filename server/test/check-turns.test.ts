// prepareCheck: the language server parses a long draft in turns before checking it, so other requests are
// served meanwhile and a check for a version that was superseded stops early.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, prepareCheck, resetCaches } from '../src/engine/index';
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

test('a draft over the size limit is not parsed ahead', async () => {
  let asked = 0;
  assert.equal(await prepareCheck(long, { ...OPTIONS, maxFileSize: 1000 }, () => (asked++, false)), true);
  assert.equal(asked, 1);
});
