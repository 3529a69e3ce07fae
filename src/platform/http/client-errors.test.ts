// Requests Node's HTTP parser refuses before Fastify routes them, sent over a raw socket.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { answerClientError } from './client-errors.ts';
import { createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let port: number;
before(async () => {
  t = await createTestApp({ workers: false });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
after(() => t.close());

/** Sends `request` as is and reads until the server closes the connection. */
function rawRequest(request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
    socket.write(request);
  });
}

test('a 20 KB header → 431 in the error format, with a request id', async () => {
  const res = await rawRequest(`GET /health HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
  assert.equal(res.status, 431);
  assert.match(res.headers, /^content-type: application\/json; charset=utf-8$/im);
  const { error } = JSON.parse(res.body);
  assert.equal(error.code, 'request_header_fields_too_large');
  assert.equal(error.message, 'Request headers are too large');
  assert.match(error.requestId, /^[0-9a-f]{12}-[0-9a-z]+$/);
  assert.match(res.headers, new RegExp(`^x-request-id: ${error.requestId}$`, 'im'));
});

test('a malformed request → 400 in the error format', async () => {
  const res = await rawRequest('NOT HTTP AT ALL\r\n\r\n');
  assert.equal(res.status, 400);
  assert.deepEqual(Object.keys(JSON.parse(res.body).error), ['code', 'message', 'requestId']);
  assert.equal(JSON.parse(res.body).error.code, 'bad_request');
});

test('the server keeps serving after refusing a request', async () => {
  const res = await rawRequest('GET /health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n');
  assert.equal(res.status, 200);
});

test('a request that never finishes arriving → 408; a socket that cannot be written is only closed', () => {
  const socketLike = (writable: boolean) => {
    const written: string[] = [];
    let destroyed = false;
    const socket = {
      writable,
      get destroyed() {
        return destroyed;
      },
      write: (data: string) => written.push(data),
      destroy: () => {
        destroyed = true;
      },
    };
    return { socket: socket as unknown as Socket, written, isDestroyed: () => destroyed };
  };
  const timeout = Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
  const open = socketLike(true);
  answerClientError.call(t.app, timeout, open.socket);
  assert.match(open.written.join(''), /^HTTP\/1\.1 408 Request Timeout\r\n[\s\S]*"code":"request_timeout"/);
  assert.ok(open.isDestroyed());
  const gone = socketLike(false);
  answerClientError.call(t.app, timeout, gone.socket);
  assert.deepEqual(gone.written, []);
  assert.ok(gone.isDestroyed());
});
