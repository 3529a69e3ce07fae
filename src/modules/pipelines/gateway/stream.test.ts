// sseFrames on its own: a stream that starts silent opens with a keep-alive at once, and the
// executor's events follow it in order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GatewayEvent } from '../contracts.ts';
import { OpenAiChunks } from './openai-protocol.ts';
import { SILENT, sseFrames, within } from './stream.ts';

const events: GatewayEvent[] = [
  { type: 'start', model: 'm', cache: 'miss' },
  { type: 'delta', text: 'Hello' },
  {
    type: 'done',
    finishReason: 'stop',
    usage: { inputTokens: 1, outputTokens: 1 },
    cache: 'miss',
    provider: 'p',
    model: 'm',
    warnings: [],
  },
];

test('a stream that starts silent opens with a keep-alive, not after another interval', async () => {
  let release: (step: IteratorResult<GatewayEvent>) => void = () => {};
  const first = new Promise<IteratorResult<GatewayEvent>>((resolve) => {
    release = resolve;
  });
  const rest = events.slice(1)[Symbol.iterator]();
  const frames = sseFrames(
    first,
    { next: async () => rest.next() },
    new OpenAiChunks({ id: 'c', created: 0, model: 'pipeline/x' }, false),
    'req-1',
    () => assert.fail('no failure expected'),
    // Ten minutes: only the silent start can give a frame while the first event is held back.
    { keepAliveMs: 600_000, silent: true },
  );
  assert.deepEqual(await frames.next(), { done: false, value: ': keep-alive\n\n' });
  release({ done: false, value: events[0] as GatewayEvent });
  const after: string[] = [];
  for await (const frame of frames) after.push(frame);
  assert.match(after[0] ?? '', /"role":"assistant"/);
  assert.match(after[1] ?? '', /"content":"Hello"/);
  assert.match(after.at(-1) ?? '', /data: \[DONE\]\n\n$/);
  assert.ok(!after.some((f) => f.includes('keep-alive')));
});

test('within: the value when it comes first, SILENT when the time does', async () => {
  assert.equal(await within(Promise.resolve(7), 600_000), 7);
  assert.equal(await within(new Promise(() => {}), 1), SILENT);
  const late = Promise.reject(new Error('late'));
  await assert.rejects(within(late, 600_000), /late/);
});
