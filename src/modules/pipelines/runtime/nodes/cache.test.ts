import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CacheHit } from '../../contracts.ts';
import { pipelineOf } from '../testing.ts';
import { cacheQuery, replay, replayPieces } from './cache.ts';

test('replayed pieces cut after spaces and concatenate to the text', () => {
  const text =
    'Oven 4 ran at 72.5 °C for the whole shift, within its limits of 60 to 80 °C; no alarms were raised.';
  const pieces = replayPieces(text);
  assert.equal(pieces.join(''), text);
  assert.ok(pieces.length > 1);
  assert.ok(pieces.slice(0, -1).every((p) => p.endsWith(' ')));
  assert.deepEqual(replayPieces(''), []);
});

test('a hit replays start, deltas and tool calls', () => {
  const hit: CacheHit = {
    kind: 'semantic',
    entryId: 'e',
    similarity: 0.95,
    answer: {
      text: 'ok',
      toolCalls: [{ id: 'c', name: 't', arguments: '{}' }],
      finishReason: 'tool_calls',
      usage: { inputTokens: 1, outputTokens: 2 },
      costUsd: 0,
      provider: 'openai',
      model: 'm',
    },
  };
  assert.deepEqual(
    [...replay(hit)].map((e) => e.type),
    ['start', 'delta', 'tool_call'],
  );
});

test('the query: exact threshold 1, semantic the node’s or the embedder’s default; the keys follow the context', () => {
  const p = pipelineOf([]);
  const req = {
    protocol: 'openai' as const,
    purpose: 'gateway',
    messages: [{ role: 'user' as const, content: ' How  is oven 4? ' }],
    stream: true,
  };
  const exact = cacheQuery(p, { mode: 'exact', ttlSeconds: 60 }, req);
  assert.equal(exact.threshold, undefined);
  assert.equal(exact.queryText, 'How is oven 4?');
  assert.equal(cacheQuery(p, { mode: 'semantic', ttlSeconds: 60 }, req).threshold, undefined); // the embedder's
  assert.equal(cacheQuery(p, { mode: 'semantic', ttlSeconds: 60, threshold: 0.8 }, req).threshold, 0.8);
  const other = cacheQuery(p, { mode: 'exact', ttlSeconds: 60 }, { ...req, system: 'other context' });
  assert.notEqual(other.keyHash, exact.keyHash);
  // Semantic hits are looked for only among entries asked in the same context.
  assert.notEqual(other.contextHash, exact.contextHash);
  assert.equal(other.queryText, exact.queryText);
});
