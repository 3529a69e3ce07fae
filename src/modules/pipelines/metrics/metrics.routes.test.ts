// The dashboards over HTTP on the real app: figures agree with the recorded requests, 404 for ids
// and sectors of no pipeline of the tenant, superadmins see summed platform figures and no names,
// and a recorded request reaches WebSocket subscribers of its pipeline, workspace and sector.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { FastifyBaseLogger } from 'fastify';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { connectWs } from '../../../platform/realtime/testing.ts';
import {
  callApi,
  createTestSuperadmin,
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../../identity/testing.ts';
import type { RequestRecord } from '../contracts.ts';
import type { PipelinesDeps } from '../deps.ts';
import { createMetrics } from './part.ts';
import { floorHour, rollUpMetrics } from './rollup.ts';
import { requestRecord, type SeededPipeline, seedPipeline, seedWorkspace } from './testing.ts';

let t: TestApp;
let a: TestTenant;
let b: TestTenant;
let viewerA: TestSession;
let viewerB: TestSession;
let root: TestSession;
let metrics: ReturnType<typeof createMetrics>;
let p1: SeededPipeline;
let p2: SeededPipeline;
let pb: SeededPipeline;
const now = Date.now();
const rowsA: RequestRecord[] = [];

const get = async (s: TestSession, url: string, status = 200) => {
  const res = await callApi(t.app, 'GET', url, s.headers);
  assert.equal(res.statusCode, status, `${url}: ${res.body}`);
  return res.json();
};

before(async () => {
  t = await createTestApp();
  const db = t.database.db;
  a = await createTestTenant(db, 'mr-a');
  b = await createTestTenant(db, 'mr-b');
  await createTestSuperadmin(db, 'root@mr.test');
  [viewerA, viewerB, root] = await Promise.all([
    signIn(t.app, a.users.viewer.email),
    signIn(t.app, b.users.viewer.email),
    signIn(t.app, 'root@mr.test'),
  ]);
  const wa = await seedWorkspace(db, a.id, 'Secret Workspace A', 'Food & Beverage');
  const wb = await seedWorkspace(db, b.id, 'Secret Workspace B', 'automotive');
  p1 = await seedPipeline(db, a.id, wa, 'secret-slug-1', { sector: 'Food & Beverage', storePrompts: true });
  p2 = await seedPipeline(db, a.id, wa, 'secret-slug-2', { sector: 'Food & Beverage' });
  pb = await seedPipeline(db, b.id, wb, 'secret-slug-b', { sector: 'automotive' });
  // A recorder of the app's own database and realtime (the app's pipelines module has its own).
  metrics = createMetrics(
    {
      db,
      realtime: t.runtime.realtime,
      jobs: t.runtime.jobs,
      logger: t.app.log as FastifyBaseLogger,
    } as unknown as PipelinesDeps,
    { liveIntervalMs: 0 },
  );
  for (let i = 0; i < 30; i++) {
    const pipeline = i % 3 === 0 ? p2 : p1;
    const hit = i % 4 === 0;
    rowsA.push(
      requestRecord(a.id, pipeline, {
        at: new Date(now - i * 7 * 60_000),
        cache: hit ? 'semantic' : 'miss',
        status: i === 5 ? 'error' : 'ok',
        errorCode: i === 5 ? 'timeout' : null,
        purpose: i % 2 ? 'gateway' : 'analysis.chat',
        tokensSaved: hit ? 120 : 0,
        costSavedUsd: hit ? 0.002 : 0,
        prompt: pipeline === p1 ? `secret prompt ${i}` : null,
        response: pipeline === p1 ? `secret answer ${i}` : null,
      }),
    );
  }
  for (const row of rowsA) metrics.recorder.record(row);
  for (let i = 0; i < 4; i++)
    metrics.recorder.record(requestRecord(b.id, pb, { at: new Date(now - i * 60_000) }));
  await metrics.recorder.flush();
});
after(async () => {
  await metrics.stop();
  await t.close();
});

const countOf = (f: (r: RequestRecord) => boolean) => rowsA.filter(f).length;

test('GET /ai/dashboard: the tenant’s 24 h totals, workspaces, pipelines and recent errors', async () => {
  const body = await get(viewerA, '/ai/dashboard');
  assert.equal(body.totals.requests, 30);
  assert.equal(
    body.totals.cacheHits,
    countOf((r) => r.cache === 'semantic'),
  );
  assert.equal(body.totals.tokensSaved, 120 * countOf((r) => r.cache === 'semantic'));
  assert.deepEqual(body.pipelines.map((p: { id: string }) => p.id).sort(), [p1.id, p2.id].sort());
  assert.equal(
    body.pipelines[0].metrics24h.requests,
    countOf((r) => r.pipelineId === p1.id),
  );
  assert.equal(body.topPipelines[0].id, p1.id);
  assert.equal(body.workspaces.length, 1);
  assert.equal(body.workspaces[0].requests24h, 30);
  assert.deepEqual(
    body.recentErrors.map((e: { errorCode: string }) => e.errorCode),
    ['timeout'],
  );
  const other = await get(viewerB, '/ai/dashboard');
  assert.equal(other.totals.requests, 4);
  assert.deepEqual(
    other.pipelines.map((p: { id: string }) => p.id),
    [pb.id],
  );
});

test('GET /ai/workspaces/summary', async () => {
  const body = await get(viewerA, '/ai/workspaces/summary');
  assert.deepEqual(
    body.items.map((w: { name: string; pipelines: number }) => [w.name, w.pipelines]),
    [['Secret Workspace A', 2]],
  );
});

test('GET /ai/pipelines/{id}/metrics: hourly (before and after the rollup) and per minute', async () => {
  const sum = (points: { requests: number }[]) => points.reduce((s, p) => s + p.requests, 0);
  const want = countOf((r) => r.pipelineId === p1.id);
  const live = await get(viewerA, `/ai/pipelines/${p1.id}/metrics?hours=24`);
  assert.equal(live.points.length, 24);
  assert.equal(live.points.at(-1).partial, true);
  assert.equal(sum(live.points), want);
  await rollUpMetrics(t.database.db, a.id, {}, now);
  const rolled = await get(viewerA, `/ai/pipelines/${p1.id}/metrics?hours=24`);
  assert.deepEqual(
    rolled.points.map((p: { requests: number }) => p.requests),
    live.points.map((p: { requests: number }) => p.requests),
    'rolled-up hours and the live tail make the same series',
  );
  const minutes = await get(viewerA, `/ai/pipelines/${p1.id}/metrics?bucket=minute`);
  assert.equal(minutes.points.length, 60);
  assert.equal(
    sum(minutes.points),
    countOf((r) => r.pipelineId === p1.id && r.at.getTime() > now - 59 * 60_000 - (now % 60_000)),
  );
  await get(viewerA, `/ai/pipelines/${pb.id}/metrics`, 404);
  await get(viewerA, '/ai/pipelines/00000000-0000-4000-8000-000000000000/metrics', 404);
  await get(viewerA, `/ai/pipelines/${p1.id}/metrics?hours=721`, 400);
});

test('GET /ai/pipelines/{id}/requests: paginated rows with filters; stored text only where kept', async () => {
  const hits = await get(viewerA, `/ai/pipelines/${p1.id}/requests?cache=hit&limit=2`);
  assert.equal(
    hits.total,
    countOf((r) => r.pipelineId === p1.id && r.cache === 'semantic'),
  );
  assert.equal(hits.items.length, 2);
  assert.match(hits.items[0].prompt, /^secret prompt/);
  const errors = await get(viewerA, `/ai/pipelines/${p1.id}/requests?status=error`);
  assert.equal(errors.total, 1);
  const plain = await get(viewerA, `/ai/pipelines/${p2.id}/requests?limit=1`);
  assert.equal(plain.items[0].prompt, null);
  await get(viewerB, `/ai/pipelines/${p1.id}/requests`, 404);
});

test('GET /ai/dashboards/{sector}: the view, the days and the pipelines; any case; 404 for sectors the tenant lacks', async () => {
  const body = await get(viewerA, `/ai/dashboards/${encodeURIComponent('food & beverage')}`);
  assert.equal(body.sector, 'Food & Beverage');
  assert.equal(body.metrics.requests24h, 30);
  assert.equal(
    body.metrics.cacheHits24h,
    countOf((r) => r.cache === 'semantic'),
  );
  assert.equal(body.pipelines.length, 2);
  assert.equal(
    body.days.reduce((s: number, d: { totalRequests: number }) => s + d.totalRequests, 0),
    countOf((r) => r.at.getTime() < floorHour(now)),
    'the rollup above wrote the days through the last complete hour',
  );
  await get(viewerB, `/ai/dashboards/${encodeURIComponent('Food & Beverage')}`, 404);
  await get(viewerA, '/ai/dashboards/space', 404);
});

test('GET /ai/analytics: by day, workspace and purpose; platform totals for superadmins only, without names', async () => {
  const body = await get(viewerA, '/ai/analytics?days=7');
  assert.equal(body.totals.requests, 30);
  assert.equal(body.platform, null);
  assert.equal(
    body.byDay.reduce((s: number, d: { requests: number }) => s + d.requests, 0),
    30,
  );
  assert.deepEqual(
    body.byWorkspace.map((w: { name: string; requests: number }) => [w.name, w.requests]),
    [['Secret Workspace A', 30]],
  );
  assert.deepEqual(
    Object.fromEntries(
      body.byPurpose.map((p: { purpose: string; requests: number }) => [p.purpose, p.requests]),
    ),
    { 'analysis.chat': 15, gateway: 15 },
  );
  const platform = await get(root, '/ai/analytics/platform?days=7');
  assert.equal(platform.totals.requests, 34, 'both tenants summed');
  assert.equal(platform.tenantsWithTraffic, 2);
  const text = JSON.stringify(platform);
  for (const secret of ['Secret', 'secret', a.name, b.name, a.id, b.id, p1.id, 'Food'])
    assert.equal(text.includes(secret), false, `platform figures leak ${secret}`);
  await get(viewerA, '/ai/analytics/platform', 403);
});

test('a recorded request is pushed live to subscribers of its pipeline, workspace and sector', async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const socket = await connectWs(base, viewerA.accessToken);
  const intruder = await connectWs(base, viewerB.accessToken);
  try {
    await socket.next((m) => m.type === 'ready', 'ready');
    const topics = [`pipeline:${p1.id}`, `workspace:${p1.workspaceId}`, 'sector:food-beverage'];
    socket.send({ type: 'subscribe', topics });
    const ack = await socket.next((m) => m.type === 'subscribed', 'subscription ack');
    assert.deepEqual(ack.topics, topics);
    await intruder.next((m) => m.type === 'ready', 'ready');
    intruder.send({ type: 'subscribe', topics: [`pipeline:${p1.id}`, `workspace:${p1.workspaceId}`] });
    await intruder.next((m) => m.type === 'subscribed', 'intruder ack');
    assert.equal(intruder.messages.filter((m) => m.code === 'forbidden_topic').length, 2);

    metrics.recorder.record(requestRecord(a.id, p1, { at: new Date(), cache: 'exact', tokensSaved: 77 }));
    await metrics.recorder.flush();
    for (const topic of topics) {
      const message = await socket.next(
        (m) => m.type === 'event' && m.topic === topic && m.event?.type === 'AiMetrics',
        `AiMetrics on ${topic}`,
      );
      const data = message.event?.data as Record<string, unknown>;
      assert.equal(data.pipelineId, p1.id);
      assert.equal(data.window, '1m');
      assert.ok(Number(data.requests) >= 1);
      assert.ok(Number(data.tokensSaved) >= 77);
    }
  } finally {
    socket.close();
    intruder.close();
  }
});
