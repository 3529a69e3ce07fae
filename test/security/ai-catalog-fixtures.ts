// Sweep fixtures of the AI gateway's catalog routes (issue 18): tenant B's own workspaces, workspace
// keys and pipelines, made through the API as B's admin.
import { DEFAULT_GRAPH } from '../../src/modules/pipelines/catalog/default-pipeline.ts';
import type { SweepContext, Target } from './fixtures.ts';

let sequence = 0;

async function post(ctx: SweepContext, url: string, payload: object = {}) {
  const res = await ctx.t.app.inject({ method: 'POST', url, headers: ctx.ownerAdmin.headers, payload });
  if (res.statusCode >= 300) throw new Error(`fixture POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function workspace(ctx: SweepContext): Promise<string> {
  sequence += 1;
  const created = await post(ctx, '/api/v1/ai/workspaces', {
    name: `Sweep workspace ${sequence}`,
    sector: 'sweep',
  });
  return created.id;
}

async function workspaceKey(ctx: SweepContext): Promise<{ id: string; keyId: string }> {
  const id = await workspace(ctx);
  const created = await post(ctx, `/api/v1/ai/workspaces/${id}/keys`, { name: 'sweep' });
  return { id, keyId: created.apiKey.id };
}

/** A pipeline of the owner: a draft, or deployed (active). */
async function pipeline(ctx: SweepContext, active = false): Promise<string> {
  sequence += 1;
  const created = await post(ctx, '/api/v1/ai/pipelines', {
    workspaceId: await workspace(ctx),
    name: `Sweep pipeline ${sequence}`,
    ...DEFAULT_GRAPH,
  });
  if (active) await post(ctx, `/api/v1/ai/pipelines/${created.id}/deploy`);
  return created.id;
}

export const AI_CATALOG_FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  'GET /api/v1/ai/workspaces/:id': async (ctx) => ({ params: { id: await workspace(ctx) } }),
  'PATCH /api/v1/ai/workspaces/:id': async (ctx) => ({
    params: { id: await workspace(ctx) },
    body: { description: 'hijacked' },
  }),
  'DELETE /api/v1/ai/workspaces/:id': async (ctx) => ({ params: { id: await workspace(ctx) } }),
  'GET /api/v1/ai/workspaces/:id/keys': async (ctx) => ({ params: { id: await workspace(ctx) } }),
  'POST /api/v1/ai/workspaces/:id/keys': async (ctx) => ({
    params: { id: await workspace(ctx) },
    body: { name: 'sweep' },
  }),
  'DELETE /api/v1/ai/workspaces/:id/keys/:keyId': async (ctx) => ({ params: await workspaceKey(ctx) }),
  'GET /api/v1/ai/pipelines/:id': async (ctx) => ({ params: { id: await pipeline(ctx) } }),
  'PUT /api/v1/ai/pipelines/:id': async (ctx) => ({
    params: { id: await pipeline(ctx) },
    body: { name: 'hijacked', ...DEFAULT_GRAPH },
  }),
  'PATCH /api/v1/ai/pipelines/:id': async (ctx) => ({
    params: { id: await pipeline(ctx) },
    body: { name: 'hijacked' },
  }),
  'DELETE /api/v1/ai/pipelines/:id': async (ctx) => ({ params: { id: await pipeline(ctx) } }),
  'POST /api/v1/ai/pipelines/:id/deploy': async (ctx) => ({ params: { id: await pipeline(ctx) } }),
  'POST /api/v1/ai/pipelines/:id/pause': async (ctx) => ({ params: { id: await pipeline(ctx, true) } }),
  'GET /api/v1/ai/pipelines/:id/versions': async (ctx) => ({ params: { id: await pipeline(ctx) } }),
};
