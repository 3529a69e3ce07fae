// Sweep fixtures of the AI gateway's metrics routes (issue 18): tenant B's own pipeline (made
// through the catalog API as B's admin) and its sector; and the metrics rows of a tenant for the
// RLS proof (request rows written as the recorder writes them, then rolled up into hourly and
// daily rows by the rollup itself).

import type { TestSession, TestTenant } from '../../src/modules/identity/testing.ts';
import { DEFAULT_GRAPH } from '../../src/modules/pipelines/catalog/default-pipeline.ts';
import { insertRequests } from '../../src/modules/pipelines/metrics/requests.repo.ts';
import { rollUpMetrics } from '../../src/modules/pipelines/metrics/rollup.ts';
import { requestRecord } from '../../src/modules/pipelines/metrics/testing.ts';
import { inTenant } from '../../src/platform/db/scope.ts';
import type { TestApp } from '../../src/platform/http/testing.ts';
import type { SweepContext, Target } from './fixtures.ts';

let sequence = 0;
const SECTOR = 'sweep-metrics';

async function post(t: TestApp, admin: TestSession, url: string, payload: object = {}) {
  const res = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
  if (res.statusCode >= 300) throw new Error(`fixture POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A pipeline of the owner in a workspace of sector SECTOR. */
async function pipeline(t: TestApp, admin: TestSession) {
  sequence += 1;
  const workspace = await post(t, admin, '/api/v1/ai/workspaces', {
    name: `Metrics sweep workspace ${sequence}`,
    sector: SECTOR,
  });
  const created = await post(t, admin, '/api/v1/ai/pipelines', {
    workspaceId: workspace.id,
    name: `Metrics sweep pipeline ${sequence}`,
    ...DEFAULT_GRAPH,
  });
  return { id: created.id as string, workspaceId: workspace.id as string, sector: created.sector as string };
}

const ownPipeline = async (ctx: SweepContext): Promise<Target> => ({
  params: { id: (await pipeline(ctx.t, ctx.ownerAdmin)).id },
});

export const AI_METRICS_FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  'GET /api/v1/ai/pipelines/:id/metrics': ownPipeline,
  'GET /api/v1/ai/pipelines/:id/requests': ownPipeline,
  'GET /api/v1/ai/dashboards/:sector': async (ctx) => {
    await pipeline(ctx.t, ctx.ownerAdmin);
    return { params: { sector: SECTOR } };
  },
};

/** ai_requests, ai_pipeline_metrics and ai_sector_analytics rows of the tenant. */
export async function populateAiMetrics(t: TestApp, tenant: TestTenant, admin: TestSession) {
  const p = await pipeline(t, admin);
  const seeded = { id: p.id, workspaceId: p.workspaceId, sector: p.sector, slug: 'sweep' };
  await inTenant(t.database.db, tenant.id, (tx) =>
    insertRequests(tx, [
      requestRecord(tenant.id, seeded, { prompt: 'kept prompt', response: 'kept answer' }),
      requestRecord(tenant.id, seeded, { cache: 'exact', tokensSaved: 150, costSavedUsd: 0.001 }),
    ]),
  );
  await rollUpMetrics(t.database.db, tenant.id, {}, Date.now() + 3_600_000);
}
