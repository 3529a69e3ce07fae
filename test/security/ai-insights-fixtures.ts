// Tenant data of the AI gateway for the RLS proof (issue 18): a stored query map row of the tenant,
// as the query-map job leaves it (its routes have no path parameters, so no sweep fixture), and a
// workspace key made through the API by the tenant's admin.

import type { TestSession, TestTenant } from '../../src/modules/identity/testing.ts';
import { aiQueryMaps } from '../../src/platform/db/schema/index.ts';
import { inTenant } from '../../src/platform/db/scope.ts';
import type { TestApp } from '../../src/platform/http/testing.ts';

export async function populateAiQueryMap(t: TestApp, tenant: TestTenant) {
  await inTenant(t.database.db, tenant.id, (tx) =>
    tx.insert(aiQueryMaps).values({
      tenantId: tenant.id,
      computedAt: new Date(),
      queries: 1,
      clusters: [{ id: 0, label: 'oee line', size: 1 }],
      points: [{ x: 0, y: 0, cluster: 0 }],
      flows: [],
      snapshot: { requests: 1 },
    }),
  );
}

export async function populateAiWorkspaceKey(t: TestApp, admin: TestSession) {
  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
    if (res.statusCode >= 300) throw new Error(`fixture POST ${url} failed: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const workspace = await post('/api/v1/ai/workspaces', { name: 'RLS key workspace', sector: 'rls' });
  await post(`/api/v1/ai/workspaces/${workspace.id}/keys`, { name: 'RLS workspace key' });
}
