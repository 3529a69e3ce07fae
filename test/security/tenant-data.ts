// Puts at least one row in every tenant table for a tenant, through the real API, so the RLS proof
// has something to hide. A module that adds a tenant table adds its data here; rls.test.ts fails
// naming the table until it does.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestSession, TestTenant } from '../../src/modules/identity/testing.ts';
import { inTenant } from '../../src/platform/db/scope.ts';
import type { TestApp } from '../../src/platform/http/testing.ts';
import { eventually } from '../../src/platform/jobs/testing.ts';
import type { Runtime } from '../../src/platform/runtime.ts';
import { populateAiCache } from './ai-cache-fixtures.ts';
import { populateAiQueryMap, populateAiWorkspaceKey } from './ai-insights-fixtures.ts';
import { populateAiMetrics } from './ai-metrics-fixtures.ts';
import { populateInspection } from './inspection-fixtures.ts';
import { populateNotifications } from './notifications-fixtures.ts';
import { populateSchedules } from './schedules-fixtures.ts';
import { populateSupply } from './supply-fixtures.ts';
import { populateSupplyMetrics } from './supply-metrics-fixtures.ts';

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
  // analytics_settings, mapping_profiles, mapping_profile_versions, imports, import_errors, work_orders
  const settings = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/analytics/settings',
    headers: admin.headers,
    payload: { fileRetentionDays: 30 },
  });
  if (settings.statusCode !== 200)
    throw new Error(`analytics settings: ${settings.statusCode} ${settings.body}`);
  const mappings = [
    { field: 'workOrder', column: 'Order' },
    { field: 'partNumber', column: 'Material' },
    { field: 'qtyCompleted', column: 'Yield' },
  ];
  const profile = await post('/api/v1/analytics/profiles', { name: 'RLS profile', mappings });
  const form = new FormData();
  form.append('facilityId', tenant.facilityId);
  form.append('profileIds', JSON.stringify([profile.id]));
  form.append('file', new Blob([`Order,Material,Yield\nWO-${tenant.id},P-1,5\nWO-2,P-1,bad\n`]), 'rls.csv');
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/v1/analytics/uploads',
    headers: admin.headers,
    payload: form,
  });
  if (upload.statusCode !== 202) throw new Error(`upload: ${upload.statusCode} ${upload.body}`);
  await eventually(
    async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/analytics/imports/${upload.json().importId}`,
        headers: admin.headers,
      });
      return res.json().status === 'completed' ? true : undefined;
    },
    'the RLS import to complete',
    60_000,
  );
  // analyses, analysis_insights, analysis_metrics (an example export's analysis), chat_messages,
  // analyzer_configs, analyzer_config_history
  const example = new FormData();
  example.append('facilityId', tenant.facilityId);
  example.append('autoMap', 'true');
  example.append(
    'file',
    new Blob([await readFile(join(import.meta.dirname, '../../examples/workorders-generic.csv'))]),
    'generic.csv',
  );
  const exampleUpload = await t.app.inject({
    method: 'POST',
    url: '/api/v1/analytics/uploads',
    headers: admin.headers,
    payload: example,
  });
  if (exampleUpload.statusCode !== 202)
    throw new Error(`upload: ${exampleUpload.statusCode} ${exampleUpload.body}`);
  const analysisId = await eventually(
    async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/analytics/analyses?importId=${exampleUpload.json().importId}&status=completed`,
        headers: admin.headers,
      });
      return res.json().items?.[0]?.id as string | undefined;
    },
    'the RLS analysis to complete',
    120_000,
  );
  const chat = await t.app.inject({
    method: 'POST',
    url: `/api/v1/analytics/analyses/${analysisId}/chat`,
    headers: admin.headers,
    payload: { message: 'What should I fix first?' },
  });
  if (chat.statusCode !== 200) throw new Error(`chat: ${chat.statusCode} ${chat.body}`);
  const config = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/admin/config',
    headers: admin.headers,
    payload: { presetType: 'aggressive' },
  });
  if (config.statusCode !== 200) throw new Error(`config: ${config.statusCode} ${config.body}`);
  // inspection_*: settings, a station with a camera, a part, the current part, a region (and its
  // version), a trigger with its image and a defect
  await populateInspection(t, admin, tenant.facilityId);
  // supply_*: the entities (warehouse, inventory, vehicle, client, order, assignment), demand, and a
  // row in each planning table (settings, model, deployment, forecast run and forecast, decision
  // and action)
  await populateSupply({ t, owner: tenant, ownerAdmin: admin });
  // supply_metrics, supply_anomalies: an external measurement and a flagged late delivery
  await populateSupplyMetrics({ t, owner: tenant, ownerAdmin: admin });
  // ai_requests, ai_pipeline_metrics, ai_sector_analytics (+ a workspace and a pipeline)
  await populateAiMetrics(t, tenant, admin);
  await populateAiCache(t, tenant, admin);
  await populateAiQueryMap(t, tenant);
  await populateAiWorkspaceKey(t, admin);
  // analysis_schedules, analysis_schedule_runs: a watched-folder schedule and a run of it
  await populateSchedules(t, tenant, admin);
  // notification_channels, _rules, notifications, _deliveries, _attempts, _inbox, _preferences
  await populateNotifications(t, tenant, admin);
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
