// Puts at least one row in every tenant table for a tenant, through the real API, so the RLS proof
// has something to hide. A module that adds a tenant table adds its data here; rls.test.ts fails
// naming the table until it does.
import type { TestSession, TestTenant } from '../../src/modules/identity/testing.ts';
import { inTenant } from '../../src/platform/db/scope.ts';
import type { TestApp } from '../../src/platform/http/testing.ts';
import type { Runtime } from '../../src/platform/runtime.ts';

export async function populateTenant(t: TestApp, tenant: TestTenant, admin: TestSession): Promise<void> {
  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
    if (res.statusCode >= 300) throw new Error(`POST ${url} failed: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  // memberships, users (+ invitations for one without a password), audit_log
  await post('/api/v1/users', {
    email: `invited@${tenant.name.replace(/\W/g, '')}.test`,
    name: 'Invited',
    role: 'viewer',
  });
  // api_keys
  await post('/api/v1/api-keys', { name: 'data', scopes: ['read'] });
  // jobs
  await post('/api/v1/jobs/diagnostics', { rounds: 1 });
  // domain_events, and event_receipts once the probe consumer (see rls.test.ts) has handled it
  await inTenant(t.database.db, tenant.id, (tx) =>
    t.runtime.events.record(tx, {
      tenantId: tenant.id,
      aggregateType: 'probe',
      aggregateId: tenant.id,
      type: 'ProbeRecorded',
      data: {},
    }),
  );
  await t.runtime.events.dispatchPending();
  // refresh_tokens come from the admin's sign-in (the session passed in).
}

/** Registers the consumer whose receipts populate event_receipts. */
export const probeConsumer = (runtime: Runtime) =>
  runtime.events.on('rls-probe', ['ProbeRecorded'], async () => {});
