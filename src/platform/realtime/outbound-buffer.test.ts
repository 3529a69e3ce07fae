import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FlushScheduler, OutboundBuffer } from './outbound-buffer.ts';

/** A socket whose unsent byte count the test controls, and which counts its write calls. */
class TestSocket {
  bufferedAmount = 0;
  sent: string[] = [];
  writes = 0;
  private corked = 0;
  send(frame: Buffer) {
    this.sent.push(String(frame));
    this.bufferedAmount += frame.length;
    if (this.corked === 0) this.writes += 1;
  }
  cork() {
    this.corked += 1;
  }
  uncork() {
    this.corked -= 1;
    if (this.corked === 0) this.writes += 1;
  }
}

function setup(windowMs = 10, highWater = 1000) {
  const socket = new TestSocket();
  const scheduler = new FlushScheduler(windowMs);
  const buffer = new OutboundBuffer(socket, scheduler, highWater);
  return { socket, scheduler, buffer };
}

test('a frame after a quiet spell goes out at once', () => {
  const { socket, buffer, scheduler } = setup();
  buffer.push('line:1', Buffer.from('a'), 0);
  buffer.push('line:1', Buffer.from('b'), 50);
  assert.deepEqual(socket.sent, ['a', 'b']);
  assert.equal(buffer.heldCount, 0);
  scheduler.stop();
});

test('a burst within the window is held and written in one go, in order', () => {
  const { socket, buffer, scheduler } = setup();
  buffer.push('line:1', Buffer.from('f0'), 0);
  for (let i = 1; i <= 4; i++) buffer.push(i % 2 ? 'line:1' : 'sensor:2', Buffer.from(`f${i}`), i);
  assert.deepEqual(socket.sent, ['f0']);
  assert.equal(buffer.heldCount, 4);
  scheduler.tick();
  assert.deepEqual(socket.sent, ['f0', 'f1', 'f2', 'f3', 'f4']);
  assert.equal(socket.writes, 2, 'one write for the first frame, one for the whole burst');
  scheduler.stop();
});

test('a slow client keeps only the latest frame per topic, then gets them when it catches up', () => {
  const { socket, buffer, scheduler } = setup(10, 100);
  socket.bufferedAmount = 500;
  for (let i = 0; i < 10_000; i++) {
    buffer.push('line:1', Buffer.from(`line ${i}`), i);
    buffer.push('sensor:9', Buffer.from(`sensor ${i}`), i);
  }
  assert.equal(socket.sent.length, 0);
  assert.equal(buffer.heldCount, 2, 'memory is bounded by the topic count, not the event count');
  assert.equal(buffer.dropped, 2 * 9_999);
  scheduler.tick();
  assert.equal(socket.sent.length, 0, 'still too far behind: nothing written');
  socket.bufferedAmount = 0;
  scheduler.tick();
  assert.deepEqual(socket.sent, ['line 9999', 'sensor 9999']);
  assert.equal(buffer.heldCount, 0);
  scheduler.stop();
});

test('a closed client leaves nothing scheduled', () => {
  const { socket, buffer, scheduler } = setup();
  buffer.push('a', Buffer.from('a1'), 0);
  buffer.push('a', Buffer.from('a2'), 1);
  buffer.close();
  scheduler.tick();
  assert.deepEqual(socket.sent, ['a1']);
  scheduler.stop();
});
