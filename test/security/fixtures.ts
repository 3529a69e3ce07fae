// For every /api route with an id in its path: how to make a resource of another tenant (B) for the
// cross-tenant check of access.test.ts. A new route with path parameters fails that test until it has
// an entry here, so no route escapes the check.

import type { TestSession, TestTenant } from '../../src/modules/identity/testing.ts';
import type { TestApp } from '../../src/platform/http/testing.ts';

export interface SweepContext {
  t: TestApp;
  /** The tenant whose ids are addressed, and its admin's session (to create things the real way). */
  owner: TestTenant;
  ownerAdmin: TestSession;
}

export interface Target {
  params: Record<string, string>;
  body?: Record<string, unknown>;
}

async function post(ctx: SweepContext, url: string, payload: object) {
  const res = await ctx.t.app.inject({ method: 'POST', url, headers: ctx.ownerAdmin.headers, payload });
  if (res.statusCode >= 300) throw new Error(`fixture POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  'GET /api/v1/users/:id': async ({ owner }) => ({ params: { id: owner.users.viewer.id } }),
  'PATCH /api/v1/users/:id': async ({ owner }) => ({
    params: { id: owner.users.viewer.id },
    body: { role: 'viewer' },
  }),
  'GET /api/v1/jobs/:id': async (ctx) => {
    const job = await post(ctx, '/api/v1/jobs/diagnostics', { rounds: 1 });
    return { params: { id: job.id } };
  },
  'DELETE /api/v1/api-keys/:id': async (ctx) => {
    const { apiKey } = await post(ctx, '/api/v1/api-keys', { name: 'sweep', scopes: ['read'] });
    return { params: { id: apiKey.id } };
  },
};

/** Platform routes address tenants on purpose (superadmin only); the 403 check covers them. */
export const CROSS_TENANT_BY_DESIGN = (url: string) => url.startsWith('/api/v1/admin/');

/** Routes anyone may call. Adding one here is a deliberate, reviewed decision. */
export const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/accept-invitation',
]);
