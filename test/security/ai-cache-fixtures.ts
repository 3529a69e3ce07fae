// Sweep fixtures of the AI cache routes (issue 18): tenant B's own pipeline (made through the
// catalog API as B's admin) and a cached answer of it (written as the cache stores one), and an
// ai_cache_entries row of a tenant for the RLS proof.

import type { TestSession, TestTenant } from '../../src/modules/identity/testing.ts';
import { upsertEntry } from '../../src/modules/pipelines/cache/cache.repo.ts';
import { DEFAULT_GRAPH } from '../../src/modules/pipelines/catalog/default-pipeline.ts';
import { inTenant } from '../../src/platform/db/scope.ts';
import type { TestApp } from '../../src/platform/http/testing.ts';
import type { SweepContext, Target } from './fixtures.ts';

let sequence = 0;

async function post(t: TestApp, admin: TestSession, url: string, payload: object = {}) {
  const res = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
  if (res.statusCode >= 300) throw new Error(`fixture POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function pipeline(t: TestApp, admin: TestSession): Promise<string> {
  sequence += 1;
  const workspace = await post(t, admin, '/api/v1/ai/workspaces', {
    name: `Cache sweep workspace ${sequence}`,
    sector: 'sweep-cache',
  });
  const created = await post(t, admin, '/api/v1/ai/pipelines', {
    workspaceId: workspace.id,
    name: `Cache sweep pipeline ${sequence}`,
    ...DEFAULT_GRAPH,
  });
  return created.id;
}

async function entry(t: TestApp, tenant: TestTenant, admin: TestSession): Promise<string> {
  const pipelineId = await pipeline(t, admin);
  sequence += 1;
  return inTenant(t.database.db, tenant.id, (tx) =>
    upsertEntry(tx, {
      tenantId: tenant.id,
      pipelineId,
      keyHash: `sweep-${sequence}`,
      queryText: 'What was the OEE of line 2 yesterday?',
      answer: {
        text: '71 %',
        toolCalls: [],
        finishReason: 'stop',
        usage: { inputTokens: 9, outputTokens: 3 },
      },
      tokensIn: 9,
      tokensOut: 3,
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 3_600_000),
    }),
  );
}

export const AI_CACHE_FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  'GET /api/v1/ai/pipelines/:id/cache': async (ctx) => ({
    params: { id: await pipeline(ctx.t, ctx.ownerAdmin) },
  }),
  'DELETE /api/v1/ai/pipelines/:id/cache': async (ctx) => ({
    params: { id: await pipeline(ctx.t, ctx.ownerAdmin) },
  }),
  'DELETE /api/v1/ai/cache/:id': async (ctx) => ({
    params: { id: await entry(ctx.t, ctx.owner, ctx.ownerAdmin) },
  }),
};

/** An ai_cache_entries row of the tenant (+ a workspace and a pipeline). */
export async function populateAiCache(t: TestApp, tenant: TestTenant, admin: TestSession): Promise<void> {
  await entry(t, tenant, admin);
}
