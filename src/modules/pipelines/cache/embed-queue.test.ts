import assert from 'node:assert/strict';
import { test } from 'node:test';
import { embed } from './embedder.ts';
import type { Embedder } from './embedders.ts';
import { type MemoryEntry, PipelineMemory, SYNC_INDEX_LIMIT } from './memory.ts';
import { cachedAnswer } from './testing.ts';

// A PipelineMemory with an embedder that costs a call (as an upstream API does), played by an
// in-process embedder whose calls are held until the test lets them go: batches, entries removed
// while their batch is out, failures and their retry, and a memory dropped during its warm-up.

const NOW = 1_700_000_000_000;
const answer = cachedAnswer();
const entry = (i: number): MemoryEntry => ({
  id: `e${i}`,
  keyHash: `k${i}`,
  contextHash: 'ctx',
  queryText: `How many parts did press ${i} scrap on the night shift`,
  answer,
  createdAt: NOW,
  expiresAt: NOW + 3_600_000,
});

/** An embedder whose calls wait until released; `fail` makes the next calls reject. */
function heldEmbedder(batchSize: number) {
  const calls: { texts: string[]; release: () => void }[] = [];
  let failNext = 0;
  const embedder: Embedder = {
    id: 'held',
    model: 'held',
    defaultThreshold: 0.8,
    persist: true,
    batchSize,
    embedNow: () => null,
    embed: (texts) =>
      new Promise((resolve, reject) => {
        const failing = failNext > 0;
        if (failing) failNext--;
        calls.push({
          texts,
          release: () => (failing ? reject(new Error('upstream down')) : resolve(texts.map((t) => embed(t)))),
        });
      }),
  };
  /** Resolves once `n` calls were made (the queue runs on later turns of the event loop). */
  const made = async (n: number) => {
    for (let i = 0; i < 1000 && calls.length < n; i++) await new Promise((r) => setImmediate(r));
    assert.ok(calls.length >= n, `${n} embedder calls expected, ${calls.length} made`);
  };
  return {
    embedder,
    calls,
    made,
    fail: (n: number) => {
      failNext = n;
    },
  };
}

const lookup = (memory: PipelineMemory, text: string) =>
  memory.semantic(embed(text), text, 'ctx', 0.8, NOW, 3600);

test('warm-up of a big pipeline: batches of the embedder size, lookups miss until it is done', async () => {
  const held = heldEmbedder(100);
  const delivered: string[] = [];
  const memory = new PipelineMemory({
    embedder: held.embedder,
    onEmbedded: (entries) => delivered.push(...entries.map((e) => e.id)),
  });
  const n = SYNC_INDEX_LIMIT + 44; // 300
  for (let i = 0; i < n; i++) memory.put(entry(i));
  const ready = memory.ready();
  await held.made(1);
  assert.equal(memory.semanticReady(), false);
  memory.remove('e150'); // removed before its batch is sent
  held.calls[0]?.release();
  await held.made(2);
  memory.remove('e160'); // removed while its batch is out
  for (const call of held.calls.slice(1)) call.release();
  await held.made(3);
  held.calls[2]?.release();
  await ready;
  assert.deepEqual(
    held.calls.map((c) => c.texts.length),
    [100, 99, 100],
  );
  assert.equal(delivered.length, n - 2);
  assert.ok(!delivered.includes('e150') && !delivered.includes('e160'));
  assert.equal(memory.indexOf('ctx')?.size, n - 2);
  assert.equal(lookup(memory, 'how many parts did press 42 scrap on the night shift?')?.entryId, 'e42');
  assert.equal(lookup(memory, 'how many parts did press 160 scrap on the night shift?'), null);
});

test('a failed batch: reported with its size, left out of the index until retryEmbedding', async () => {
  const held = heldEmbedder(10);
  const failures: number[] = [];
  const memory = new PipelineMemory({
    embedder: held.embedder,
    onEmbedFailure: (_error, entries) => failures.push(entries),
  });
  memory.semanticReady(); // indexes exist: a put is embedded in the background
  held.fail(1);
  for (let i = 0; i < 3; i++) memory.put(entry(i));
  await held.made(1);
  assert.equal(held.calls[0]?.texts.length, 3, 'entries put together go in one call');
  held.calls[0]?.release();
  await memory.ready();
  assert.deepEqual(failures, [3]);
  assert.equal(lookup(memory, 'how many parts did press 1 scrap on the night shift?'), null);
  assert.equal(memory.exact('k1', NOW, 3600)?.entryId, 'e1', 'exact hits meanwhile');

  memory.remove('e2');
  memory.retryEmbedding();
  await held.made(2);
  assert.deepEqual(held.calls[1]?.texts.length, 2, 'the removed entry is not asked for again');
  held.calls[1]?.release();
  await memory.ready();
  assert.equal(lookup(memory, 'how many parts did press 1 scrap on the night shift?')?.entryId, 'e1');
});

test('a memory dropped during its warm-up stops: nothing delivered, no index trained, nothing answered', async () => {
  const held = heldEmbedder(500);
  const delivered: string[] = [];
  const memory = new PipelineMemory({
    embedder: held.embedder,
    onEmbedded: (entries) => delivered.push(...entries.map((e) => e.id)),
  });
  for (let i = 0; i < 3000; i++) memory.put(entry(i));
  const ready = memory.ready();
  await held.made(1);
  memory.dispose();
  held.calls[0]?.release();
  await ready;
  assert.equal(held.calls.length, 1, 'no further batch after the drop');
  assert.deepEqual(delivered, []);
  assert.equal(memory.indexOf('ctx')?.trained ?? false, false);
  assert.equal(memory.exact('k1', NOW, 3600), null);
  assert.equal(lookup(memory, 'how many parts did press 1 scrap on the night shift?'), null);
});
