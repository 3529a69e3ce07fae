import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readSse, type SseEvent } from './sse.ts';

async function* pieces(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

async function events(...parts: Uint8Array[]): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const event of readSse(pieces(...parts))) out.push(event);
  return out;
}

const bytes = (text: string) => Buffer.from(text);

// Every line ending, a comment, a named event, multi-line data, data without the optional space,
// and characters of two, three and four UTF-8 bytes.
const STREAM = [
  ': keep-alive\r\n',
  'event: content_block_delta\r\n',
  'data: {"text":"72 °C – Linie 2 🌡"}\r\n',
  '\r\n',
  'data:first\n',
  'data: second\n',
  'id: 7\n',
  '\n',
  'event: ping\r',
  'data: {}\r',
  '\r',
  'data: [DONE]\n\n',
].join('');

const EXPECTED: SseEvent[] = [
  { event: 'content_block_delta', data: '{"text":"72 °C – Linie 2 🌡"}' },
  { event: 'message', data: 'first\nsecond' },
  { event: 'ping', data: '{}' },
  { event: 'message', data: '[DONE]' },
];

describe('readSse', () => {
  test('reads named and unnamed events, multi-line data, comments, LF, CRLF and CR line ends', async () => {
    assert.deepEqual(await events(bytes(STREAM)), EXPECTED);
  });

  test('the same events however the bytes are split: at every offset, in two and in three', async () => {
    const all = bytes(STREAM);
    for (let i = 0; i <= all.length; i++) {
      assert.deepEqual(await events(all.subarray(0, i), all.subarray(i)), EXPECTED, `split at byte ${i}`);
    }
    for (let i = 1; i < all.length; i += 7) {
      for (let j = i; j < all.length; j += 5) {
        const parts = [all.subarray(0, i), all.subarray(i, j), all.subarray(j)];
        assert.deepEqual(await events(...parts), EXPECTED, `split at bytes ${i} and ${j}`);
      }
    }
  });

  test('one byte at a time', async () => {
    const all = bytes(STREAM);
    const single = Array.from({ length: all.length }, (_, i) => all.subarray(i, i + 1));
    assert.deepEqual(await events(...single), EXPECTED);
  });

  test('an event the stream cuts off before its blank line is dropped; blank lines alone dispatch nothing', async () => {
    assert.deepEqual(await events(bytes('\n\ndata: whole\n\ndata: cut off\n')), [
      { event: 'message', data: 'whole' },
    ]);
  });

  test('a field without a colon counts as an empty value; unknown fields are ignored', async () => {
    assert.deepEqual(await events(bytes('data\nretry: 10\nfoo: bar\n\n')), [{ event: 'message', data: '' }]);
  });

  test('a line that never ends is refused before it fills the memory', async () => {
    const endless = async function* () {
      for (let i = 0; i < 20; i++) yield new Uint8Array(65_536).fill(0x61);
    };
    await assert.rejects(async () => {
      for await (const _ of readSse(endless())) assert.fail('no event expected');
    }, /event stream line longer than/);
  });
});
