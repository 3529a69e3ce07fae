import assert from 'node:assert/strict';
import { test } from 'node:test';
import { embed } from './embedder.ts';
import { type MemoryEntry, PipelineMemory, SYNC_INDEX_LIMIT } from './memory.ts';
import { cachedAnswer } from './testing.ts';

// The pipeline memory's semantic warm-up: a loaded pipeline above SYNC_INDEX_LIMIT entries is
// embedded in the background into indexes in bulk mode, each trained once on all its vectors
// (not at the flat limit on a 2,048-entry sample, and not left as a flat scan); lookups miss until
// it is done, and what changes meanwhile is honoured.

const ASKS = ['Show me', 'Summarise', 'Explain', 'Compare', 'List', 'Chart'];
const TOPICS = ['downtime', 'scrap rate', 'OEE trend', 'alarm causes', 'energy use', 'open work orders'];
const ASSETS = ['line 1', 'press 4', 'oven B', 'filler 3', 'CNC 12', 'kiln 2'];
const question = (i: number) =>
  `${ASKS[i % 6]} ${TOPICS[Math.floor(i / 6) % 6]} on ${ASSETS[Math.floor(i / 36) % 6]} for order ${1000 + Math.floor(i / 216)}`;

const answer = cachedAnswer();
const NOW = 1_000_000;
const entry = (i: number, contextHash = 'ctx'): MemoryEntry => ({
  id: `e${i}`,
  keyHash: `k${i}`,
  contextHash,
  queryText: question(i),
  answer,
  createdAt: NOW,
  expiresAt: NOW + 3_600_000,
});
const paraphrase = (i: number) => `Please ${question(i).toLowerCase()}?`;

/** A semantic lookup of `text` (embedded with the built-in embedder, as the cache service does). */
const lookup = (memory: PipelineMemory, text: string, ...rest: [string, number, number, number]) =>
  memory.semantic(embed(text), text, ...rest);

test('a small pipeline is indexed inside the first semantic lookup', () => {
  const memory = new PipelineMemory();
  for (let i = 0; i < SYNC_INDEX_LIMIT; i++) memory.put(entry(i));
  assert.equal(lookup(memory, paraphrase(7), 'ctx', 0.8, NOW, 3600)?.entryId, 'e7');
});

test('bulk warm-up: lookups miss until it is done, then the index is trained once on everything', async () => {
  const n = 3000;
  const memory = new PipelineMemory();
  for (let i = 0; i < n; i++) memory.put(entry(i, i % 10 === 0 ? 'other' : 'ctx'));
  assert.equal(lookup(memory, paraphrase(1), 'ctx', 0.8, NOW, 3600), null);
  assert.equal(memory.semanticReady(), false);
  // Exact hits are served meanwhile; changes made meanwhile are honoured.
  assert.equal(memory.exact('k1', NOW, 3600)?.entryId, 'e1');
  memory.remove('e3');
  memory.put({ ...entry(n), id: 'late', keyHash: 'late', queryText: 'Why did pump P-101 stop on Monday' });
  await memory.ready();
  assert.equal(memory.semanticReady(), true);

  const index = memory.indexOf('ctx');
  assert.ok(index?.trained, 'the big context is searched through its quantiser');
  assert.equal(index?.trainedOn, n - n / 10, 'trained once, on all its vectors');
  assert.equal(index?.size, n - n / 10);
  assert.equal(memory.indexOf('other')?.trained, false, 'a small context stays a flat scan');

  assert.equal(lookup(memory, paraphrase(3), 'ctx', 0.8, NOW, 3600)?.entryId === 'e3', false);
  assert.equal(lookup(memory, 'why did pump P-101 stop on Monday?', 'ctx', 0.8, NOW, 3600)?.entryId, 'late');
  assert.equal(lookup(memory, paraphrase(10), 'other', 0.8, NOW, 3600)?.entryId, 'e10');
});

test('the trained index finds what brute force finds (recall on paraphrases)', async () => {
  const n = 4000;
  const memory = new PipelineMemory();
  for (let i = 0; i < n; i++) memory.put(entry(i));
  await memory.ready();
  const index = memory.indexOf('ctx');
  assert.ok(index?.trained);
  let wanted = 0;
  let found = 0;
  for (let i = 0; i < n; i += 13) {
    const v = embed(paraphrase(i));
    const exact = index?.searchExact(v, 1, 0.8)[0];
    if (!exact) continue;
    wanted++;
    const got = index?.search(v, 1, 0.8)[0];
    if (got && got.similarity >= exact.similarity - 1e-6) found++;
  }
  assert.ok(wanted > 250, `queries with a neighbour above 0.8: ${wanted}`);
  assert.ok(found / wanted >= 0.95, `recall ${found}/${wanted}`);
});

test('syncWith: the table wins, except for entries not written yet; unchanged entries stay indexed', () => {
  const memory = new PipelineMemory();
  for (let i = 0; i < 5; i++) memory.put(entry(i));
  memory.semanticReady();
  const before = memory.indexOf('ctx');
  // The table: e0–e2 (e3 and e4 deleted elsewhere; e4 is queued here), and e9 from another process.
  memory.syncWith([entry(0), entry(1), entry(2), entry(9)], (id) => id === 'e4');
  assert.equal(memory.has('e3'), false);
  assert.equal(memory.has('e4'), true);
  assert.equal(memory.has('e9'), true);
  assert.equal(memory.indexOf('ctx'), before);
  assert.equal(before?.has('e9'), true);
  assert.equal(before?.has('e3'), false);
});
