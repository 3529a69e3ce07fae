// WebSocket fuzzing of /ws: junk text frames, JSON of the wrong shape, binary frames, frames over
// the size limit, subscriptions to junk topics and to another tenant's, rapid subscribe/unsubscribe.
// Every frame is answered with a protocol message (an error has a code) or the connection is
// closed cleanly with a close code the protocol names; the server keeps answering; and a tenant's
// socket, whatever it asked for, receives nothing of another tenant.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import WebSocket from 'ws';
import {
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../../src/modules/identity/testing.ts';
import { createTestApp, type TestApp } from '../../src/platform/http/testing.ts';
import { connectWs } from '../../src/platform/realtime/testing.ts';
import { ANSWER_WITHIN_MS, FUZZ_SEED, fuzzRuns, untilDeadline, within } from './fuzz-support.ts';

const RUNS = fuzzRuns(5);
/** Close codes a clean end may carry: normal, too big, policy, try again, unauthorized, forbidden. */
const CLEAN_CLOSES = new Set([1000, 1008, 1009, 1013, 4401, 4403]);

let t: TestApp;
let base: string;
let acme: TestTenant;
let other: TestTenant;
let acmeAdmin: TestSession;
let otherAdmin: TestSession;
let otherLine: string;

async function createLine(session: TestSession, tenant: TestTenant, name: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/plant-ops/lines',
    headers: session.headers,
    payload: { facilityId: tenant.facilityId, code: `L${Math.random().toString(36).slice(2, 10)}`, name },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

/** A status change of the line: an event on `tenant` and `line:<id>` carrying the line's id. */
async function touchLine(session: TestSession, id: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/plant-ops/lines/${id}/status`,
    headers: session.headers,
    payload: { status: 'idle' },
  });
  assert.ok(res.statusCode < 300, res.body);
}

before(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  acme = await createTestTenant(t.database.db, 'fuzzws-a');
  other = await createTestTenant(t.database.db, 'fuzzws-b');
  acmeAdmin = await signIn(t.app, acme.users.admin.email);
  otherAdmin = await signIn(t.app, other.users.admin.email);
  otherLine = await createLine(otherAdmin, other, 'other tenant line');
});
after(async () => {
  await t?.close();
});

type Frame = { kind: 'text'; data: string } | { kind: 'binary'; data: Buffer };
const text = (data: string): Frame => ({ kind: 'text', data });
const json = (value: unknown) => text(JSON.stringify(value));

const junkTopic = fc.oneof(
  fc.constantFrom(
    'tenant',
    'line:',
    'line:x',
    'job:00000000-0000-4000-8000-000000000000',
    '',
    'a'.repeat(201),
    '\u0000',
    '__proto__',
  ),
  fc.string({ maxLength: 30 }),
  fc.uuid().map((id) => `batch:${id}`),
);
const frame = (otherTopics: string[]): fc.Arbitrary<Frame> =>
  fc.oneof(
    fc.string({ maxLength: 80 }).map(text),
    fc.jsonValue({ maxDepth: 3 }).map(json),
    fc
      .uint8Array({ minLength: 1, maxLength: 200 })
      .map((b): Frame => ({ kind: 'binary', data: Buffer.from(b) })),
    fc
      .record({
        type: fc.constantFrom('subscribe', 'unsubscribe'),
        topics: fc.array(fc.oneof(junkTopic, fc.constantFrom(...otherTopics)), { maxLength: 60 }),
      })
      .map(json),
    fc
      .record({
        type: fc.constantFrom('subscribe', 'unsubscribe', 'auth', 'ping'),
        topics: fc.jsonValue({ maxDepth: 1 }),
        token: fc.jsonValue({ maxDepth: 1 }),
      })
      .map(json),
    fc.constantFrom(
      json({ type: 'auth', token: 'junk' }),
      json({ type: 'ping' }),
      text('{"type":"subscribe","topics":["tenant"]'),
      text(`{"type":"subscribe","topics":["${'x'.repeat(70_000)}"]}`),
      { kind: 'binary', data: Buffer.alloc(70_000, 1) } as Frame,
      text(JSON.stringify({ type: 'subscribe', topics: Array.from({ length: 50 }, (_, i) => `x:${i}`) })),
    ),
  );

/** Rapid subscribe/unsubscribe of the same topics. */
const churn = (n: number): Frame[] =>
  Array.from({ length: n }, (_, i) =>
    json({ type: i % 2 ? 'unsubscribe' : 'subscribe', topics: ['tenant', `line:${i}`] }),
  );

interface Opened {
  socket: WebSocket;
  messages: Record<string, unknown>[];
  closed: Promise<number>;
  raw: string[];
}

async function open(token: string | undefined): Promise<Opened> {
  const socket = new WebSocket(`${base}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`);
  const messages: Record<string, unknown>[] = [];
  const raw: string[] = [];
  socket.on('message', (data) => {
    raw.push(String(data).slice(0, 300));
    try {
      messages.push(JSON.parse(String(data)));
    } catch {
      messages.push({ unparsable: true });
    }
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const opened = await within(
    new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    }),
  );
  if (opened === 'hang') {
    socket.terminate();
    throw new Error('the WebSocket upgrade was not answered');
  }
  return { socket, messages, closed, raw };
}

/** Polls `condition` until it holds (true) or the answer time is up (false); no timer outlives it. */
async function waitFor(condition: () => boolean): Promise<boolean> {
  const end = Date.now() + ANSWER_WITHIN_MS;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** Sends the frames, then a ping; what is wrong with how the connection answered, or null. */
async function problemWith(opened: Opened, frames: Frame[]): Promise<string | null> {
  const { socket, messages } = opened;
  for (const f of frames) {
    if (socket.readyState !== WebSocket.OPEN) break;
    socket.send(f.data, { binary: f.kind === 'binary' });
  }
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'ping' }));
  let code: number | undefined;
  void opened.closed.then((c) => {
    code = c;
  });
  const answered = await waitFor(() => code !== undefined || messages.some((m) => m.type === 'pong'));
  if (!answered) return 'neither a pong nor a close';
  const outcome = code;
  if (typeof outcome === 'number' && !CLEAN_CLOSES.has(outcome)) return `closed with code ${outcome}`;
  const bad = messages.find(
    (m) => typeof m.type !== 'string' || (m.type === 'error' && typeof m.code !== 'string'),
  );
  if (bad) return `a message outside the protocol: ${JSON.stringify(bad).slice(0, 300)}`;
  if (messages.some((m) => m.code === 'internal')) return `an internal error: ${opened.raw.join(' | ')}`;
  return null;
}

test('junk frames get protocol errors or a clean close, never a crash, a hang or another tenant', async (ctx) => {
  const otherTopics = [`line:${otherLine}`, `line:${otherLine.toUpperCase()}`];
  const failures: string[] = [];
  const rounds = await untilDeadline(async (seed) => {
    let first: string | undefined;
    await fc.check(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(frame(otherTopics), { maxLength: 12 }),
        fc.nat(20),
        async (authed, frames, n) => {
          const opened = await open(authed ? acmeAdmin.accessToken : undefined);
          try {
            const problem = await problemWith(opened, [...frames, ...churn(n)]);
            if (problem)
              first ??= `${authed ? 'authenticated' : 'anonymous'}: ${JSON.stringify(frames).slice(0, 400)} → ${problem}`;
            return problem === null;
          } finally {
            opened.socket.terminate();
          }
        },
      ),
      { seed, numRuns: RUNS, endOnFailure: true },
    );
    if (first) failures.push(first);
    if (failures.length > 0) throw new Error(failures.join('\n'));
  });
  ctx.diagnostic(`seed ${FUZZ_SEED}, ${rounds} round(s) × ${RUNS} connections`);
  assert.deepEqual(failures, []);
});

test("after the junk, a socket that asked for everything receives its own tenant's events and none of another's", async () => {
  const spy = await open(acmeAdmin.accessToken);
  const owner = await connectWs(base.replace(/^ws/, 'http'), otherAdmin.accessToken);
  try {
    await owner.next((m) => m.type === 'ready', 'ready');
    owner.send({ type: 'subscribe', topics: ['tenant'] });
    await owner.next((m) => m.type === 'subscribed', 'subscribed');
    spy.socket.send(
      JSON.stringify({
        type: 'subscribe',
        topics: ['tenant', `line:${otherLine}`, `tenant:${other.id}`, other.id],
      }),
    );
    assert.ok(await waitFor(() => spy.messages.some((m) => m.type === 'subscribed')), 'no ack');
    const subscribed = spy.messages.find((m) => m.type === 'subscribed');
    const accepted = (subscribed?.topics ?? []) as string[];
    assert.ok(accepted.includes('tenant'), JSON.stringify(spy.messages));
    assert.ok(
      !accepted.includes(`line:${otherLine}`),
      `another tenant's line topic was accepted: ${accepted}`,
    );
    await touchLine(otherAdmin, otherLine);
    await owner.next((m) => JSON.stringify(m).includes(otherLine), "the other tenant's own event", 20_000);
    const ownLine = await createLine(acmeAdmin, acme, 'own line');
    await touchLine(acmeAdmin, ownLine);
    assert.ok(
      await waitFor(() => spy.raw.some((m) => m.includes(ownLine))),
      "the spy gets its own tenant's events",
    );
    assert.ok(
      !spy.raw.some((m) => m.includes(otherLine) && !m.includes('forbidden_topic')),
      spy.raw.join('\n'),
    );
  } finally {
    spy.socket.terminate();
    owner.close();
  }
});
