// The language server gives memory back once it has been idle (server/src/lsp/idle.ts): after a burst of checks
// it lets go of the caches its latest check did not use, then forces one full collection, never during a check
// and never while checks keep coming.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IdleCollector } from '../src/lsp/idle';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('collection when the server is idle', () => {
  test('one collection after a check, once the server has been quiet for the delay', async () => {
    let collections = 0;
    const idle = new IdleCollector(() => collections++, 40);
    idle.busy();
    idle.done();
    await wait(10);
    assert.equal(collections, 0, 'collected before the quiet time had passed');
    await wait(80);
    assert.equal(collections, 1);
    await wait(80);
    assert.equal(collections, 1, 'collected again with no check in between');
  });

  test('checks that keep coming put the collection off until the last one has ended', async () => {
    let collections = 0;
    const idle = new IdleCollector(() => collections++, 60);
    for (let check = 0; check < 5; check++) {
      idle.busy();
      await wait(5);
      idle.done();
      await wait(25);
    }
    assert.equal(collections, 0, 'collected between checks 25 ms apart');
    idle.busy();
    await wait(120);
    assert.equal(collections, 0, 'collected while a check was running');
    idle.done();
    await wait(120);
    assert.equal(collections, 1);
  });

  test('the collector Node exposes with --expose-gc is the one used, and none is needed', async () => {
    const global = globalThis as { gc?: unknown };
    const exposed = global.gc;
    let called = 0;
    try {
      global.gc = () => called++;
      const withCollector = new IdleCollector(undefined, 0);
      delete global.gc;
      const without = new IdleCollector(undefined, 0);
      withCollector.done();
      without.done();
      await wait(30);
      assert.equal(called, 1);
    } finally {
      global.gc = exposed;
    }
  });

  test('what is released goes first, before the collection, and is released even when Node cannot collect', async () => {
    const events: string[] = [];
    const idle = new IdleCollector(() => events.push('collect'), 20, () => events.push('release'));
    idle.busy();
    await wait(40);
    assert.deepEqual(events, [], 'released during a check');
    idle.done();
    await wait(60);
    assert.deepEqual(events, ['release', 'collect']);
    const global = globalThis as { gc?: unknown };
    const exposed = global.gc;
    try {
      delete global.gc;
      const releases: number[] = [];
      new IdleCollector(undefined, 0, () => releases.push(1)).done();
      await wait(30);
      assert.deepEqual(releases, [1]);
    } finally {
      global.gc = exposed;
    }
  });
});
