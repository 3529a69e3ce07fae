// The upstream client on a local server: calls share keep-alive connections (also when the reader
// stops at the protocol's last event), an error answer keeps its connection too, an aborted call
// closes its own, and calls go on after the server dropped its idle connections.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { postStream } from './http.ts';

let server: Server;
let url = '';
const sockets = new Set<Socket>();
let connections = 0;
/** What the next requests get: an event stream, a 500, or no answer at all. */
let mode: 'ok' | 'error' | 'hang' = 'ok';

before(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (mode === 'hang') return;
      if (mode === 'error') {
        res.writeHead(500, { 'content-type': 'application/json' });
        return res.end('{"error":{"message":"boom"}}');
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('data: {"n":1}\n\ndata: [DONE]\n\n');
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
});

after(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

const call = (signal = new AbortController().signal) =>
  postStream({ provider: 'openai', url, headers: {}, body: { q: 1 }, signal, apiKey: undefined });

async function readUntilDone(signal?: AbortSignal): Promise<string[]> {
  const seen: string[] = [];
  for await (const event of call(signal)) {
    seen.push(event.data);
    if (event.data === '[DONE]') break;
  }
  return seen;
}

/** Resolves once the condition holds (checked on every turn of the event loop). */
async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

test('sequential calls share one keep-alive connection, error answers included', async () => {
  mode = 'ok';
  const start = connections;
  // A turn of the event loop between calls: the socket goes back to the agent once the body's end
  // is parsed, which may come just after the reader stopped at [DONE].
  const next = () => new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(await readUntilDone(), ['{"n":1}', '[DONE]']);
    await next();
  }
  mode = 'error';
  await assert.rejects(readUntilDone(), /openai: answered 500: boom/);
  await next();
  mode = 'ok';
  assert.deepEqual(await readUntilDone(), ['{"n":1}', '[DONE]']);
  assert.equal(connections - start, 1);
});

test('an aborted call closes its connection and fails with the abort reason', async () => {
  mode = 'hang';
  const controller = new AbortController();
  const running = readUntilDone(controller.signal);
  await until(() => sockets.size > 0);
  const open = sockets.size;
  controller.abort(new Error('caller gone'));
  await assert.rejects(running, /caller gone/);
  await until(() => sockets.size < open);
  mode = 'ok';
});

test('after the server dropped its idle connections the next call still gets through', async () => {
  mode = 'ok';
  await readUntilDone();
  // The server drops its idle connections without the client noticing before it reuses one.
  for (const socket of sockets) socket.resetAndDestroy();
  assert.deepEqual(await readUntilDone(), ['{"n":1}', '[DONE]']);
});
