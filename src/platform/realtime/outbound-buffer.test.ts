import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OutboundBuffer } from './outbound-buffer.ts';

/** A socket whose unsent byte count the test controls, like a client that stopped reading. */
class SlowSocket {
  bufferedAmount = 0;
  sent: string[] = [];
  send(frame: string) {
    this.sent.push(frame);
    this.bufferedAmount += frame.length;
  }
}

test('frames go straight out while the client keeps up', () => {
  const socket = new SlowSocket();
  const buffer = new OutboundBuffer(socket, 1000);
  for (let i = 0; i < 5; i++) {
    buffer.push('line:1', `f${i}`);
    socket.bufferedAmount = 0;
  }
  assert.deepEqual(socket.sent, ['f0', 'f1', 'f2', 'f3', 'f4']);
  assert.equal(buffer.heldCount, 0);
  buffer.close();
});

test('a slow client keeps only the latest frame per topic, then gets them when it catches up', () => {
  const socket = new SlowSocket();
  const buffer = new OutboundBuffer(socket, 100);
  socket.bufferedAmount = 500;
  for (let i = 0; i < 10_000; i++) {
    buffer.push('line:1', `line ${i}`);
    buffer.push('sensor:9', `sensor ${i}`);
  }
  assert.equal(socket.sent.length, 0);
  assert.equal(buffer.heldCount, 2, 'memory is bounded by the topic count, not the event count');
  assert.equal(buffer.dropped, 2 * 9_999);
  socket.bufferedAmount = 0;
  buffer.drain();
  assert.deepEqual(socket.sent, ['line 9999', 'sensor 9999']);
  assert.equal(buffer.heldCount, 0);
  // Once drained, frames flow directly again, in order.
  socket.bufferedAmount = 0;
  buffer.push('line:1', 'next');
  assert.equal(socket.sent.at(-1), 'next');
  buffer.close();
});

test('frames are not reordered while some are held', () => {
  const socket = new SlowSocket();
  const buffer = new OutboundBuffer(socket, 100);
  socket.bufferedAmount = 200;
  buffer.push('a', 'a1');
  socket.bufferedAmount = 0;
  // The socket has room again, but an older frame is still held: the new one queues behind it.
  buffer.push('b', 'b1');
  assert.deepEqual(socket.sent, []);
  buffer.drain();
  assert.deepEqual(socket.sent, ['a1', 'b1']);
  buffer.close();
});
