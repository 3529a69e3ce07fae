// Metrics add up: requests recorded → request rows, and the 24 h figures, the three views, the
// hourly and daily rollups and the live push all agree with them; rollups re-run to the same rows;
// tenants see nothing of each other through any of them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { queryRows } from '../../../platform/db/database.ts';
import { acrossTenants, inTenant, readAcrossTenants, readInTenant } from '../../../platform/db/scope.ts';
import { createTestDatabase, type TestDatabase } from '../../../platform/db/testing.ts';
import type { PushedEvent } from '../../../platform/realtime/hub.ts';
import { createTestTenant } from '../../identity/testing.ts';
import type { RequestRecord } from '../contracts.ts';
import type { PipelinesDeps } from '../deps.ts';
import { hitRateOf } from './aggregates.sql.ts';
import { pipelineMetrics24h } from './metrics24h.repo.ts';
import { createMetrics } from './part.ts';
import { floorHour, purgeStoredText, rollUpMetrics, submitRollups } from './rollup.ts';
import { requestRecord, type SeededPipeline, seedPipeline, seedWorkspace } from './testing.ts';

let db: TestDatabase;
const published: { tenantId: string; topics: string[]; event: PushedEvent }[] = [];
let metrics: ReturnType<typeof createMetrics>;
const now = Date.now();
let A: string;
let B: string;
const P: Record<'p1' | 'p2' | 'p3' | 'pb', SeededPipeline> = {} as never;
const recorded: RequestRecord[] = [];

const silent = { warn() {}, error() {}, info() {}, debug() {} } as unknown as FastifyBaseLogger;

before(async () => {
  db = await createTestDatabase();
  A = (await createTestTenant(db.db, 'mx-a')).id;
  B = (await createTestTenant(db.db, 'mx-b')).id;
  const w1 = await seedWorkspace(db.db, A, 'Plant AI', 'automotive');
  const w2 = await seedWorkspace(db.db, A, 'Quality AI', 'pharma');
  const wb = await seedWorkspace(db.db, B, 'Plant AI', 'automotive');
  P.p1 = await seedPipeline(db.db, A, w1, 'p1', { sector: 'automotive' });
  P.p2 = await seedPipeline(db.db, A, w1, 'p2', { sector: 'automotive' });
  P.p3 = await seedPipeline(db.db, A, w2, 'p3', { sector: 'pharma' });
  P.pb = await seedPipeline(db.db, B, wb, 'pb', { sector: 'automotive' });
  const deps = {
    db: db.db,
    logger: silent,
    jobs: {} as PipelinesDeps['jobs'],
    realtime: {
      registerTopic() {},
      async publish(_executor: unknown, tenantId: string, topics: string[], event: PushedEvent) {
        published.push({ tenantId, topics, event });
      },
    },
  } as unknown as PipelinesDeps;
  metrics = createMetrics(deps, { flushIntervalMs: 10, liveIntervalMs: 0 });
});
after(async () => {
  await metrics.stop();
  await db.dispose();
});

/** A deterministic mix: misses, exact and semantic hits, no-cache requests, errors, over 6 hours. */
function traffic(tenantId: string, pipelines: SeededPipeline[], n: number): RequestRecord[] {
  const rows: RequestRecord[] = [];
  for (let i = 0; i < n; i++) {
    const pipeline = pipelines[i % pipelines.length] as SeededPipeline;
    const kind = i % 5;
    const hit = kind === 1 || kind === 3;
    rows.push(
      requestRecord(tenantId, pipeline, {
        at: new Date(now - (i % 36) * 10 * 60_000 - 1000),
        purpose: i % 3 === 0 ? 'analysis.chat' : 'gateway',
        cache: kind === 1 ? 'exact' : kind === 3 ? 'semantic' : kind === 4 ? 'off' : 'miss',
        status: i % 11 === 0 ? 'error' : 'ok',
        errorCode: i % 11 === 0 ? 'upstream' : null,
        latencyMs: hit ? 2 + (i % 3) : 40 + i,
        tokensIn: hit ? 0 : 100 + i,
        tokensOut: hit ? 0 : 30 + (i % 7),
        costUsd: hit ? 0 : 0.0001 * (i + 1),
        tokensSaved: hit ? 130 + (i % 7) : 0,
        costSavedUsd: hit ? 0.0002 * (i % 4) : 0,
      }),
    );
  }
  return rows;
}

function expected(rows: RequestRecord[]) {
  const hits = rows.filter((r) => r.cache === 'exact' || r.cache === 'semantic');
  const misses = rows.filter((r) => r.cache === 'miss').length;
  const sum = (xs: RequestRecord[], f: (r: RequestRecord) => number) => xs.reduce((s, r) => s + f(r), 0);
  return {
    requests: rows.length,
    cacheHits: hits.length,
    cacheMisses: misses,
    hitRate: hitRateOf(hits.length, misses),
    tokensSaved: sum(hits, (r) => r.tokensSaved),
    costSaved: Math.round(sum(hits, (r) => r.costSavedUsd) * 1e6) / 1e6,
    tokensIn: sum(rows, (r) => r.tokensIn),
    costUsd: Math.round(sum(rows, (r) => r.costUsd) * 1e6) / 1e6,
    errors: rows.filter((r) => r.status === 'error').length,
  };
}
const of = (f: (r: RequestRecord) => boolean) => expected(recorded.filter(f));
const close = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) < 1e-6, `${what}: ${a} ≠ ${b}`);

test('N requests recorded → N request rows after the flush', async () => {
  recorded.push(...traffic(A, [P.p1, P.p2, P.p3], 90), ...traffic(B, [P.pb], 17));
  for (const row of recorded) metrics.recorder.record(row);
  await metrics.recorder.flush();
  const count = (tenantId: string) =>
    readInTenant(db.db, tenantId, async (tx) => {
      const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ai_requests`);
      return row?.n;
    });
  assert.equal(await count(A), 90);
  assert.equal(await count(B), 17);
  assert.equal(metrics.recorder.stats().written, 107);
});

test('the 24 h figures and pipeline_performance_24h agree with the rows', async () => {
  const ids = [P.p1.id, P.p2.id, P.p3.id];
  const repo = await readInTenant(db.db, A, (tx) => pipelineMetrics24h(tx, ids));
  const view = await readInTenant(db.db, A, (tx) =>
    queryRows<Record<string, number | string>>(tx, sql`select * from pipeline_performance_24h`),
  );
  assert.equal(view.length, 3, 'only the tenant’s own pipelines');
  for (const p of [P.p1, P.p2, P.p3]) {
    const want = of((r) => r.pipelineId === p.id);
    const m = repo.get(p.id);
    assert.ok(m);
    for (const key of [
      'requests',
      'cacheHits',
      'cacheMisses',
      'hitRate',
      'tokensSaved',
      'errors',
      'tokensIn',
    ] as const)
      assert.equal(m[key], want[key], `${p.slug} ${key}`);
    close(m.costSaved, want.costSaved, 'costSaved');
    close(m.costUsd, want.costUsd, 'costUsd');
    const v = view.find((row) => row.pipeline_id === p.id);
    assert.ok(v);
    assert.equal(Number(v.requests), want.requests);
    assert.equal(Number(v.cache_hits), want.cacheHits);
    assert.equal(Number(v.cache_misses), want.cacheMisses);
    assert.equal(Number(v.hit_rate), want.hitRate);
    assert.equal(Number(v.tokens_saved), want.tokensSaved);
    close(Number(v.cost_saved), want.costSaved, 'view cost_saved');
    close(Number(v.latency_p50), m.latencyP50, 'p50');
  }
});

test('workspace_summary and sector_dashboard_metrics agree with the rows', async () => {
  const [workspaces, sectors] = await readInTenant(db.db, A, async (tx) => [
    await queryRows<Record<string, number | string>>(tx, sql`select * from workspace_summary order by name`),
    await queryRows<Record<string, number | string>>(
      tx,
      sql`select * from sector_dashboard_metrics order by sector`,
    ),
  ]);
  assert.deepEqual(
    workspaces.map((w) => [w.name, Number(w.pipelines), Number(w.requests_24h)]),
    [
      ['Plant AI', 2, of((r) => r.workspaceId === P.p1.workspaceId).requests],
      ['Quality AI', 1, of((r) => r.workspaceId === P.p3.workspaceId).requests],
    ],
  );
  for (const s of sectors) {
    const want = of((r) => r.tenantId === A && r.sector === s.sector);
    assert.equal(Number(s.requests_24h), want.requests, `${s.sector} requests`);
    assert.equal(Number(s.cache_hits_24h), want.cacheHits);
    assert.equal(Number(s.cache_misses_24h), want.cacheMisses);
    assert.equal(Number(s.hit_rate_24h), want.hitRate);
    assert.equal(Number(s.tokens_saved_24h), want.tokensSaved);
    close(Number(s.cost_saved_24h), want.costSaved, 'sector cost saved');
  }
  assert.deepEqual(
    sectors.map((s) => s.sector),
    ['automotive', 'pharma'],
  );
});

test('tenant B sees nothing of A through the views (and the platform role sees both)', async () => {
  const seen = await readInTenant(db.db, B, async (tx) => ({
    pipelines: await queryRows<{ id: string }>(
      tx,
      sql`select pipeline_id as id from pipeline_performance_24h`,
    ),
    workspaces: await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from workspace_summary`),
    sectors: await queryRows<Record<string, number>>(tx, sql`select * from sector_dashboard_metrics`),
    a: await pipelineMetrics24h(tx, [P.p1.id]),
  }));
  assert.deepEqual(
    seen.pipelines.map((p) => p.id),
    [P.pb.id],
  );
  assert.equal(seen.workspaces[0]?.n, 1);
  assert.equal(seen.sectors.length, 1);
  assert.equal(Number(seen.sectors[0]?.requests_24h), 17, "only B's own requests");
  assert.equal(seen.a.get(P.p1.id)?.requests, 0);
  const all = await readAcrossTenants(db.db, (tx) =>
    queryRows<{ n: number }>(tx, sql`select count(*)::int as n from pipeline_performance_24h`),
  );
  assert.equal(all[0]?.n, 4);
});

test('the hourly and daily rollups agree with the rows, and re-running changes nothing', async () => {
  const run = () => rollUpMetrics(db.db, A, {}, now + 3_600_000);
  const first = await run();
  assert.ok(first.hours > 0);
  const snapshot = () =>
    readInTenant(db.db, A, async (tx) => ({
      hours: await queryRows<Record<string, unknown>>(
        tx,
        sql`select pipeline_id, hour, requests, cache_hits, cache_misses, hit_rate, errors, tokens_saved, cost_saved,
                   latency_p50, latency_p95 from ai_pipeline_metrics order by pipeline_id, hour`,
      ),
      days: await queryRows<Record<string, unknown>>(
        tx,
        sql`select sector, date::text, total_requests, cache_hits, cache_misses, avg_latency, cost_saved, tokens_saved,
                   top_query_types from ai_sector_analytics order by sector, date`,
      ),
    }));
  const once = await snapshot();
  // Again, and again from the start: the same rows.
  await run();
  await rollUpMetrics(db.db, A, { from: new Date(now - 8 * 3_600_000).toISOString() }, now + 3_600_000);
  assert.deepEqual(await snapshot(), once);

  const hourKeys = new Set(
    recorded.filter((r) => r.tenantId === A).map((r) => `${r.pipelineId}@${floorHour(r.at.getTime())}`),
  );
  assert.equal(once.hours.length, hourKeys.size, 'one row per pipeline and hour with requests');
  for (const p of [P.p1, P.p2, P.p3]) {
    const want = of((r) => r.pipelineId === p.id);
    const rows = once.hours.filter((h) => h.pipeline_id === p.id);
    const total = (k: string) => rows.reduce((s, h) => s + Number(h[k]), 0);
    assert.equal(total('requests'), want.requests);
    assert.equal(total('cache_hits'), want.cacheHits);
    assert.equal(total('cache_misses'), want.cacheMisses);
    assert.equal(total('errors'), want.errors);
    assert.equal(total('tokens_saved'), want.tokensSaved);
    close(total('cost_saved'), want.costSaved, 'hourly cost saved');
  }
  for (const sector of ['automotive', 'pharma']) {
    const want = of((r) => r.tenantId === A && r.sector === sector);
    const rows = once.days.filter((d) => d.sector === sector);
    const total = (k: string) => rows.reduce((s, d) => s + Number(d[k]), 0);
    assert.equal(total('total_requests'), want.requests);
    assert.equal(total('cache_hits'), want.cacheHits);
    assert.equal(total('cache_misses'), want.cacheMisses);
    assert.equal(total('tokens_saved'), want.tokensSaved);
    close(total('cost_saved'), want.costSaved, 'daily cost saved');
    const types = rows.flatMap((d) => d.top_query_types as { type: string; count: number }[]);
    const chats = types.filter((t) => t.type === 'analysis.chat').reduce((s, t) => s + t.count, 0);
    assert.equal(
      chats,
      recorded.filter((r) => r.tenantId === A && r.sector === sector && r.purpose === 'analysis.chat').length,
    );
  }
  const b = await readInTenant(db.db, B, (tx) =>
    queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ai_pipeline_metrics`),
  );
  assert.equal(b[0]?.n, 0, "A's rollup wrote nothing of B's");
});

test('maintenance submits the rollup for tenants with hours not rolled up yet', async () => {
  const submitted: string[] = [];
  const queue = {
    async submit(_name: string, _payload: unknown, options: { tenantId: string }) {
      submitted.push(options.tenantId);
      return {} as never;
    },
  };
  // A is rolled up through the current hour; B is not.
  assert.equal(await submitRollups(db.db, queue as never, now), 1);
  assert.deepEqual(submitted, [B]);
});

test('after a flush, each touched pipeline’s last minute is pushed on its pipeline, workspace and sector topics', async () => {
  // What earlier tests recorded (tenant B's rows among them) is pushed first, whether or not the
  // live timer has run yet on a busy machine: only this test's rows are left for the flush below.
  await metrics.recorder.flush();
  await metrics.live.flush();
  published.length = 0;
  const fresh = [0, 1, 2].map((i) =>
    requestRecord(A, P.p1, {
      at: new Date(),
      cache: i === 0 ? 'exact' : 'miss',
      tokensSaved: i === 0 ? 99 : 0,
    }),
  );
  for (const row of fresh) metrics.recorder.record(row);
  await metrics.recorder.flush();
  await metrics.live.flush();
  const event = published.find((p) => p.topics.includes(`pipeline:${P.p1.id}`));
  assert.ok(event, 'pushed');
  assert.equal(event.tenantId, A);
  assert.deepEqual(event.topics, [
    `pipeline:${P.p1.id}`,
    `workspace:${P.p1.workspaceId}`,
    'sector:automotive',
  ]);
  assert.equal(event.event.type, 'AiMetrics');
  const data = event.event.data as Record<string, number | string>;
  const lastMinute = recorded.filter((r) => r.pipelineId === P.p1.id && r.at.getTime() > Date.now() - 60_000);
  assert.equal(data.window, '1m');
  assert.equal(data.requests, lastMinute.length + 3);
  assert.ok(Number(data.hits) >= 1);
  assert.ok(Number(data.tokensSaved) >= 99);
  assert.equal(
    published.some((p) => p.tenantId === B),
    false,
    'nothing for a tenant without new rows',
  );
});

test('stored prompts are cleared past their pipeline’s retention', async () => {
  const w = await seedWorkspace(db.db, A, 'Retention', 'automotive');
  const kept = await seedPipeline(db.db, A, w, 'stores', { storePrompts: true, retentionDays: 2 });
  for (const days of [0, 1, 3, 10])
    metrics.recorder.record(
      requestRecord(A, kept, {
        at: new Date(now - days * 86_400_000 - 60_000),
        prompt: `q${days}`,
        response: `a${days}`,
      }),
    );
  await metrics.recorder.flush();
  assert.equal(await purgeStoredText(db.db, new Date(now), 1), 2, 'in batches of one');
  const left = await acrossTenants(db.db, (tx) =>
    queryRows<{ prompt: string | null; response: string | null }>(
      tx,
      sql`select prompt, response from ai_requests where pipeline_id = ${kept.id} order by at desc`,
    ),
  );
  assert.deepEqual(
    left.map((r) => r.prompt),
    ['q0', 'q1', null, null],
  );
  assert.deepEqual(
    left.map((r) => r.response),
    ['a0', 'a1', null, null],
  );
});

test('a sector’s query types are the query map’s cluster labels where the map knows the cache entry', async () => {
  const entry = '0b7e8a52-6f0e-4c1e-9a55-3d1f1c0a0001';
  await inTenant(db.db, A, (tx) =>
    tx.execute(sql`insert into ai_query_maps (tenant_id, computed_at, queries, clusters, points, flows, snapshot)
      values (${A}, now(), 1, ${JSON.stringify([{ id: 0, label: 'line start questions' }])}::jsonb,
              ${JSON.stringify([{ entryId: entry, cluster: 0 }])}::jsonb, '[]'::jsonb, '{}'::jsonb)`),
  );
  for (let i = 0; i < 3; i++)
    metrics.recorder.record(
      requestRecord(A, P.p3, { at: new Date(), cacheEntryId: entry, cache: i ? 'exact' : 'miss' }),
    );
  await metrics.recorder.flush();
  await rollUpMetrics(db.db, A, {}, Date.now() + 3_600_000);
  const [day] = await readInTenant(db.db, A, (tx) =>
    queryRows<{ types: { type: string; count: number; hitRate: number }[] }>(
      tx,
      sql`select top_query_types as types from ai_sector_analytics
          where sector = 'pharma' and date = (now() at time zone 'UTC')::date`,
    ),
  );
  assert.deepEqual(
    day?.types.find((t) => t.type === 'line start questions'),
    { type: 'line start questions', count: 3, hitRate: 66.67 },
  );
});
