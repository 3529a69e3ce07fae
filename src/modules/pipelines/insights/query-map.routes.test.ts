import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { aiCacheEntries } from '../../../platform/db/schema/index.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { callApi, createTestTenant, signIn, type TestTenant } from '../../identity/testing.ts';
import { insertRequests } from '../metrics/requests.repo.ts';
import { requestRecord, type SeededPipeline, seedPipeline, seedWorkspace } from '../metrics/testing.ts';
import { createQueryMapService } from './query-map.service.ts';

let t: TestApp;
let a: TestTenant;
let b: TestTenant;
let analyst: Record<string, string>;
let viewer: Record<string, string>;
let otherViewer: Record<string, string>;

before(async () => {
  t = await createTestApp();
  a = await createTestTenant(t.database.db, 'qmapa');
  b = await createTestTenant(t.database.db, 'qmapb');
  analyst = (await signIn(t.app, a.users.analyst.email)).headers;
  viewer = (await signIn(t.app, a.users.viewer.email)).headers;
  otherViewer = (await signIn(t.app, b.users.viewer.email)).headers;
});
after(() => t.close());

/** A cached query of `pipeline` asked `requests` times (the first a miss, the rest hits). */
async function cachedQuery(tenantId: string, pipeline: SeededPipeline, text: string, requests: number) {
  await inTenant(t.database.db, tenantId, async (tx) => {
    const [entry] = await tx
      .insert(aiCacheEntries)
      .values({
        tenantId,
        pipelineId: pipeline.id,
        keyHash: `${pipeline.id}:${text}`,
        queryText: text,
        answer: { text: 'an answer' },
        hits: requests - 1,
        expiresAt: new Date(Date.now() + 3600_000),
      })
      .returning({ id: aiCacheEntries.id });
    const rows = Array.from({ length: requests }, (_, i) =>
      requestRecord(tenantId, pipeline, {
        cache: i === 0 ? 'miss' : 'semantic',
        cacheEntryId: entry?.id ?? null,
      }),
    );
    await insertRequests(tx, rows);
  });
}

async function waitForJob(jobId: string) {
  return eventually(
    async () => {
      const res = await callApi(t.app, 'GET', `/jobs/${jobId}`, analyst);
      const job = res.json() as { status: string; error: string | null };
      if (job.status === 'failed') throw new Error(`job failed: ${job.error}`);
      return job.status === 'completed' ? job : undefined;
    },
    'the query-map job',
    60_000,
  );
}

describe('GET /ai/query-map and POST /ai/query-map/refresh', () => {
  test('before any map: 200 with an empty map and a hint', async () => {
    const res = await callApi(t.app, 'GET', '/ai/query-map', viewer);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.computedAt, null);
    assert.deepEqual([body.clusters, body.points, body.flows, body.snapshot], [[], [], [], null]);
    assert.match(body.hint, /refresh/);
  });

  test('a viewer may not refresh; an analyst submits the job, and the map holds the clusters, flows and snapshot', async () => {
    assert.equal((await callApi(t.app, 'POST', '/ai/query-map/refresh', viewer)).statusCode, 403);
    const shop = await seedPipeline(
      t.database.db,
      a.id,
      await seedWorkspace(t.database.db, a.id, 'Shop', 'ecommerce'),
      'shop',
      {
        sector: 'ecommerce',
      },
    );
    const bank = await seedPipeline(
      t.database.db,
      a.id,
      await seedWorkspace(t.database.db, a.id, 'Bank', 'finance'),
      'bank',
      {
        sector: 'finance',
      },
    );
    for (const [text, n] of [
      ['How do I get a refund for a damaged order?', 6],
      ['Refund for my damaged order please', 3],
      ['Where can I download my invoice?', 4],
      ['Download the invoice of my order', 2],
    ] as const)
      await cachedQuery(a.id, shop, text, n);
    await cachedQuery(a.id, bank, 'Refund of a card payment for a damaged order', 2);
    await cachedQuery(a.id, bank, 'Why was this card transaction flagged as fraud?', 5);
    await cachedQuery(a.id, bank, 'Explain why the card payment was flagged as fraud', 3);
    await inTenant(t.database.db, a.id, (tx) =>
      insertRequests(tx, [requestRecord(a.id, bank, { cache: 'off' })]),
    );

    const res = await callApi(t.app, 'POST', '/ai/query-map/refresh', analyst);
    assert.equal(res.statusCode, 202);
    const { jobId } = res.json() as { jobId: string };
    await waitForJob(jobId);

    const map = (await callApi(t.app, 'GET', '/ai/query-map', viewer)).json();
    assert.ok(map.computedAt);
    assert.equal(map.hint, null);
    assert.equal(map.queries, 7);
    assert.equal(map.points.length, 7);
    assert.ok(map.clusters.length >= 2, map.clusters.map((c: { label: string }) => c.label).join(', '));
    const totalRequests = map.clusters.reduce((s: number, c: { requests: number }) => s + c.requests, 0);
    assert.equal(totalRequests, 25);
    assert.equal(map.snapshot.requests, 26);
    assert.equal(map.snapshot.unmapped, 1);
    assert.equal(map.snapshot.hits, 25 - 7);
    const refunds = map.clusters.find((c: { terms: string[] }) => c.terms.includes('refund'));
    assert.ok(refunds, 'a refund cluster');
    assert.deepEqual(
      refunds.sectors.map((s: { key: string }) => s.key),
      ['ecommerce', 'finance'],
    );
    assert.ok(
      map.flows.some(
        (f: { kind: string; from: string; to: string }) =>
          f.kind === 'sector' && f.from === 'ecommerce' && f.to === 'finance',
      ),
    );

    // Another tenant sees none of it.
    const other = (await callApi(t.app, 'GET', '/ai/query-map', otherViewer)).json();
    assert.equal(other.computedAt, null);
  });

  test('the hourly task refreshes tenants whose cached traffic grew since their map, once', async () => {
    const service = createQueryMapService({
      db: t.database.db,
      jobs: t.runtime.jobs,
      compute: t.runtime.compute,
    });
    assert.equal(await service.refreshGrown(3), 0, 'no new traffic since the map');
    const ws = await seedWorkspace(t.database.db, a.id, 'Dev', 'developer');
    const dev = await seedPipeline(t.database.db, a.id, ws, 'dev', { sector: 'developer' });
    await cachedQuery(a.id, dev, 'How does pagination work in the list endpoints?', 3);
    assert.equal(await service.refreshGrown(3), 1);
    assert.equal(await service.refreshGrown(3), 0, 'a refresh already queued is not submitted twice');
  });
});
