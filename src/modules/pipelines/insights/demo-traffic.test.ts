import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/database.ts';
import { readInTenant } from '../../../platform/db/scope.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { callApi, createTestTenant, signIn, type TestTenant } from '../../identity/testing.ts';
import { DEMO_PIPELINES, DEMO_WORKSPACES } from './demo-catalog.ts';
import { DEMO_TRAFFIC_JOB, DEMO_TRAFFIC_PURPOSE } from './demo-traffic.repo.ts';

// The burst of demo traffic through the real executor and offline model: every request recorded,
// the caches hit, and the query map computed afterwards.

let t: TestApp;
let tenant: TestTenant;
let headers: Record<string, string>;

before(async () => {
  t = await createTestApp();
  tenant = await createTestTenant(t.database.db, 'demo-traffic');
  headers = (await signIn(t.app, tenant.users.admin.email)).headers;
  // The demo's gateway, made through the API as a user would.
  const workspaceIds = new Map<string, string>();
  for (const ws of DEMO_WORKSPACES) {
    const res = await callApi(t.app, 'POST', '/ai/workspaces', headers, {
      name: ws.name,
      sector: ws.sector,
      description: ws.description,
    });
    assert.equal(res.statusCode, 201, res.body);
    workspaceIds.set(ws.key, res.json().id);
  }
  for (const p of DEMO_PIPELINES.filter((x) => x.status === 'active')) {
    const res = await callApi(t.app, 'POST', '/ai/pipelines', headers, {
      workspaceId: workspaceIds.get(p.workspace),
      slug: p.slug,
      name: p.name,
      sector: p.sector,
      nodes: p.nodes,
      connections: p.connections,
    });
    assert.equal(res.statusCode, 201, res.body);
    const deployed = await callApi(t.app, 'POST', `/ai/pipelines/${res.json().id}/deploy`, headers);
    assert.equal(deployed.statusCode, 200, deployed.body);
  }
});
after(() => t.close());

test('the burst sends every request through the executor, the caches hit, then the query map is computed', async () => {
  const job = await t.runtime.jobs.submit(DEMO_TRAFFIC_JOB, { requests: 120 }, { tenantId: tenant.id });
  const done = await eventually(
    async () => {
      const row = await t.runtime.jobs.get(tenant.id, job.id);
      if (row?.status === 'failed') throw new Error(`burst failed: ${row.error}`);
      return row?.status === 'completed' ? row : undefined;
    },
    'the demo traffic',
    120_000,
  );
  assert.equal((done.result as { sent: number }).sent, 120);
  const [rows] = await readInTenant(t.database.db, tenant.id, (tx) =>
    queryRows<{ n: number; hits: number; ok: number; pipelines: number }>(
      tx,
      sql`select count(*)::int as n, count(*) filter (where cache in ('exact', 'semantic'))::int as hits,
                 count(*) filter (where status = 'ok')::int as ok, count(distinct pipeline_id)::int as pipelines
          from ai_requests where purpose = ${DEMO_TRAFFIC_PURPOSE}`,
    ),
  );
  assert.equal(rows?.n, 120);
  assert.equal(rows?.ok, 120);
  assert.equal(rows?.pipelines, 7);
  assert.ok((rows?.hits ?? 0) > 40, `${rows?.hits} cache hits of 120`);

  // A second run finds the burst recorded and sends nothing more.
  const again = await t.runtime.jobs.submit(DEMO_TRAFFIC_JOB, { requests: 120 }, { tenantId: tenant.id });
  const second = await eventually(async () => {
    const row = await t.runtime.jobs.get(tenant.id, again.id);
    return row?.status === 'completed' ? row : undefined;
  }, 'the second burst');
  assert.equal((second.result as { sent: number }).sent, 0);

  const map = await eventually(
    async () => {
      const body = (await callApi(t.app, 'GET', '/ai/query-map', headers)).json();
      return body.computedAt ? body : undefined;
    },
    'the query map after the burst',
    60_000,
  );
  // Every entry the burst cached is on the map: the job writes the cache's queued entries first.
  const [entries] = await readInTenant(t.database.db, tenant.id, (tx) =>
    queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ai_cache_entries where query_text <> ''`),
  );
  assert.ok((entries?.n ?? 0) > 0);
  assert.equal(map.queries, entries?.n);
  assert.ok(map.clusters.length >= 3, `${map.clusters.length} clusters`);
  assert.ok(map.snapshot.requests >= 120);
});
