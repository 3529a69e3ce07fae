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
  // production_lines, line_status_history, downtime_reasons, shifts, batches, batch_oee(_segments)
  const line = await post('/api/v1/plant-ops/lines', {
    facilityId: tenant.facilityId,
    code: 'RLS',
    name: 'RLS line',
  });
  await post('/api/v1/plant-ops/shifts', {
    facilityId: tenant.facilityId,
    name: 'Around the clock',
    startTime: '00:00',
    endTime: '00:00',
    days: [1, 2, 3, 4, 5, 6, 7],
  });
  const batch = await post('/api/v1/plant-ops/batches', {
    lineId: line.id,
    productSku: 'SKU-RLS',
    plannedQuantity: 10,
    idealCycleSeconds: 1,
  });
  await post(`/api/v1/plant-ops/batches/${batch.id}/start`, {
    at: new Date(Date.now() - 60_000).toISOString(),
  });
  await post(`/api/v1/plant-ops/batches/${batch.id}/complete`, { goodCount: 9, scrapCount: 1 });
  // sensors, sensor_state, readings (+ a partition), readings_1m, readings_1h, alarms,
  // sensor_groups, sensor_group_members, telemetry_settings
  const sensorA = await post('/api/v1/plant-ops/sensors', {
    facilityId: tenant.facilityId,
    key: 'RLS-A',
    name: 'RLS sensor',
    type: 'pressure',
    upperSpec: 10,
  });
  const sensorB = await post('/api/v1/plant-ops/sensors', {
    facilityId: tenant.facilityId,
    key: 'RLS-B',
    name: 'RLS sensor B',
    type: 'pressure',
  });
  await post('/api/v1/plant-ops/sensors/readings/bulk', {
    readings: [{ sensorId: sensorA.id, ts: new Date(Date.now() - 60_000).toISOString(), value: 50 }],
  });
  await post('/api/v1/plant-ops/sensor-groups', {
    facilityId: tenant.facilityId,
    name: 'RLS group',
    sensorIds: [sensorA.id, sensorB.id],
  });
  const patched = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/plant-ops/telemetry/settings',
    headers: admin.headers,
    payload: { mqtt: 'rotate' },
  });
  if (patched.statusCode !== 200)
    throw new Error(`telemetry settings: ${patched.statusCode} ${patched.body}`);
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
