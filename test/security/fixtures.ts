// For every /api route with an id in its path: how to make a resource of another tenant (B) for the
// cross-tenant check of access.test.ts. A new route with path parameters fails that test until it has
// an entry here, so no route escapes the check.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import type { TestSession, TestTenant } from '../../src/modules/identity/testing.ts';
import { domainEvents } from '../../src/platform/db/schema/platform-events.ts';
import { acrossTenants } from '../../src/platform/db/scope.ts';
import { markFailed } from '../../src/platform/events/events.repo.ts';
import type { TestApp } from '../../src/platform/http/testing.ts';
import { eventually } from '../../src/platform/jobs/testing.ts';
import { AI_CACHE_FIXTURES } from './ai-cache-fixtures.ts';
import { AI_CATALOG_FIXTURES } from './ai-catalog-fixtures.ts';
import { AI_METRICS_FIXTURES } from './ai-metrics-fixtures.ts';
import { EXPORTS_FIXTURES } from './exports-fixtures.ts';
import { INSPECTION_FIXTURES } from './inspection-fixtures.ts';
import { NOTIFICATIONS_FIXTURES } from './notifications-fixtures.ts';
import { SCHEDULES_FIXTURES } from './schedules-fixtures.ts';
import { SUPPLY_FIXTURES } from './supply-fixtures.ts';
import { SUPPLY_METRICS_FIXTURES } from './supply-metrics-fixtures.ts';
import { SUPPLY_PLANNING_FIXTURES } from './supply-planning-fixtures.ts';
import { SUPPLY_ROUTING_FIXTURES } from './supply-routing-fixtures.ts';

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

let sequence = 0;
const unique = (prefix: string) => {
  sequence += 1;
  return `${prefix}${sequence}`;
};

async function line(ctx: SweepContext) {
  return post(ctx, '/api/v1/plant-ops/lines', {
    facilityId: ctx.owner.facilityId,
    code: unique('SW'),
    name: 'Sweep line',
  });
}

async function batch(ctx: SweepContext, started: boolean) {
  const created = await post(ctx, '/api/v1/plant-ops/batches', {
    lineId: (await line(ctx)).id,
    productSku: 'SKU-1',
    plannedQuantity: 100,
    idealCycleSeconds: 1,
  });
  if (started) await post(ctx, `/api/v1/plant-ops/batches/${created.id}/start`, {});
  return created;
}

async function sensor(ctx: SweepContext) {
  return post(ctx, '/api/v1/plant-ops/sensors', {
    facilityId: ctx.owner.facilityId,
    key: unique('SW-SENSOR-'),
    name: 'Sweep sensor',
    type: 'pressure',
    upperSpec: 10,
  });
}

/** An open alarm of the owner: a sensor and a reading past its upper spec limit. */
async function alarm(ctx: SweepContext) {
  const { id } = await sensor(ctx);
  await post(ctx, '/api/v1/plant-ops/sensors/readings/bulk', {
    readings: [{ sensorId: id, ts: new Date(Date.now() - 60_000).toISOString(), value: 50 }],
  });
  const res = await ctx.t.app.inject({
    method: 'GET',
    url: `/api/v1/plant-ops/alarms?sensorId=${id}`,
    headers: ctx.ownerAdmin.headers,
  });
  const [first] = res.json().items as { id: string }[];
  if (!first) throw new Error('fixture: a reading past the spec limit opened no alarm');
  return first;
}

async function sensorGroup(ctx: SweepContext) {
  return post(ctx, '/api/v1/plant-ops/sensor-groups', {
    facilityId: ctx.owner.facilityId,
    name: unique('Sweep group '),
    sensorIds: [(await sensor(ctx)).id, (await sensor(ctx)).id],
  });
}

/** A group whose members have 30 minutes of readings: enough to train on. */
async function trainableGroup(ctx: SweepContext) {
  const group = await sensorGroup(ctx);
  const start = Math.floor((Date.now() - 2 * 3600_000) / 60_000) * 60_000;
  const readings = (group.sensorIds as string[]).flatMap((sensorId, k) =>
    Array.from({ length: 30 }, (_, i) => ({ sensorId, ts: start + i * 60_000, value: 5 + Math.sin(i + k) })),
  );
  await post(ctx, '/api/v1/plant-ops/sensors/readings/bulk', { readings });
  return {
    id: group.id as string,
    from: new Date(start).toISOString(),
    to: new Date(start + 1800_000).toISOString(),
  };
}

async function profile(ctx: SweepContext) {
  return post(ctx, '/api/v1/analytics/profiles', {
    name: unique('Sweep profile '),
    mappings: [
      { field: 'workOrder', column: 'Order' },
      { field: 'partNumber', column: 'Material' },
      { field: 'qtyCompleted', column: 'Yield' },
    ],
  });
}

/** An import of the owner; `done`: waited for (it can only be reprocessed once it has ended). */
async function workOrderImport(ctx: SweepContext, done = false) {
  const { id } = await profile(ctx);
  const form = new FormData();
  form.append('facilityId', ctx.owner.facilityId);
  form.append('profileIds', JSON.stringify([id]));
  form.append('file', new Blob([`Order,Material,Yield\n${unique('WO-')},P-1,5\n`]), 'sweep.csv');
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/analytics/uploads',
    headers: ctx.ownerAdmin.headers,
    payload: form,
  });
  if (res.statusCode !== 202) throw new Error(`fixture upload failed: ${res.statusCode} ${res.body}`);
  const importId = res.json().importId as string;
  if (done)
    await eventually(
      async () => {
        const status = await ctx.t.app.inject({
          method: 'GET',
          url: `/api/v1/analytics/imports/${importId}`,
          headers: ctx.ownerAdmin.headers,
        });
        return status.json().status === 'completed' ? true : undefined;
      },
      'the fixture import to complete',
      60_000,
    );
  return { id: importId };
}

/** The analysis of an example export of the owner (it has insights), once it has completed. */
async function analysis(ctx: SweepContext) {
  const form = new FormData();
  form.append('facilityId', ctx.owner.facilityId);
  form.append('autoMap', 'true');
  form.append('onDuplicate', 'mark');
  const example = join(import.meta.dirname, '../../examples/workorders-generic.csv');
  form.append('file', new Blob([await readFile(example)]), 'generic.csv');
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/analytics/uploads',
    headers: ctx.ownerAdmin.headers,
    payload: form,
  });
  if (res.statusCode !== 202) throw new Error(`fixture upload failed: ${res.statusCode} ${res.body}`);
  const importId = res.json().importId as string;
  const id = await eventually(
    async () => {
      const list = await ctx.t.app.inject({
        method: 'GET',
        url: `/api/v1/analytics/analyses?importId=${importId}&status=completed`,
        headers: ctx.ownerAdmin.headers,
      });
      return list.json().items?.[0]?.id as string | undefined;
    },
    'the fixture analysis to complete',
    120_000,
  );
  return { id };
}

/** One of the owner's events, given up as dead as the dispatcher would after too many failures. */
async function deadEvent(ctx: SweepContext) {
  await line(ctx);
  return acrossTenants(ctx.t.database.db, async (tx) => {
    const [event] = await tx
      .select({ id: domainEvents.id })
      .from(domainEvents)
      .where(eq(domainEvents.tenantId, ctx.owner.id))
      .orderBy(desc(domainEvents.id))
      .limit(1);
    if (!event) throw new Error('fixture: creating a line published no event');
    await markFailed(tx, event.id, 'sweep fixture', { retryInSeconds: 3600, dead: true });
    return event.id;
  });
}

export const FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  'GET /api/v1/analytics/profiles/:id': async (ctx) => ({ params: { id: (await profile(ctx)).id } }),
  'GET /api/v1/analytics/profiles/:id/versions': async (ctx) => ({ params: { id: (await profile(ctx)).id } }),
  'PUT /api/v1/analytics/profiles/:id': async (ctx) => ({
    params: { id: (await profile(ctx)).id },
    body: {
      name: 'hijacked',
      mappings: [
        { field: 'workOrder', column: 'X' },
        { field: 'partNumber', column: 'Y' },
        { field: 'qtyCompleted', column: 'Z' },
      ],
    },
  }),
  'DELETE /api/v1/analytics/profiles/:id': async (ctx) => ({ params: { id: (await profile(ctx)).id } }),
  'GET /api/v1/analytics/imports/:id': async (ctx) => ({ params: { id: (await workOrderImport(ctx)).id } }),
  'GET /api/v1/analytics/imports/:id/errors': async (ctx) => ({
    params: { id: (await workOrderImport(ctx)).id },
  }),
  'GET /api/v1/analytics/imports/:id/file': async (ctx) => ({
    params: { id: (await workOrderImport(ctx)).id },
  }),
  'POST /api/v1/analytics/imports/:id/reprocess': async (ctx) => ({
    params: { id: (await workOrderImport(ctx, true)).id },
    body: {},
  }),
  'DELETE /api/v1/analytics/imports/:id': async (ctx) => ({
    params: { id: (await workOrderImport(ctx, true)).id },
  }),
  'GET /api/v1/analytics/analyses/:id': async (ctx) => ({ params: { id: (await analysis(ctx)).id } }),
  'DELETE /api/v1/analytics/analyses/:id': async (ctx) => ({ params: { id: (await analysis(ctx)).id } }),
  'GET /api/v1/analytics/analyses/:id/insights/:rank/rows': async (ctx) => ({
    params: { id: (await analysis(ctx)).id, rank: '1' },
  }),
  'GET /api/v1/analytics/analyses/:id/export': async (ctx) => ({ params: { id: (await analysis(ctx)).id } }),
  'GET /api/v1/analytics/analyses/:id/messages': async (ctx) => ({
    params: { id: (await analysis(ctx)).id },
  }),
  'POST /api/v1/analytics/analyses/:id/chat': async (ctx) => ({
    params: { id: (await analysis(ctx)).id },
    body: { message: 'Which machine loses the most time?' },
  }),
  'GET /api/v1/plant-ops/sensors/:id': async (ctx) => ({ params: { id: (await sensor(ctx)).id } }),
  'PATCH /api/v1/plant-ops/sensors/:id': async (ctx) => ({
    params: { id: (await sensor(ctx)).id },
    body: { name: 'hijacked' },
  }),
  'DELETE /api/v1/plant-ops/sensors/:id': async (ctx) => ({ params: { id: (await sensor(ctx)).id } }),
  'GET /api/v1/plant-ops/sensors/:id/readings': async (ctx) => ({ params: { id: (await sensor(ctx)).id } }),
  'POST /api/v1/plant-ops/sensors/:id/readings': async (ctx) => ({
    params: { id: (await sensor(ctx)).id },
    body: { value: 1 },
  }),
  'GET /api/v1/plant-ops/alarms/:id': async (ctx) => ({ params: { id: (await alarm(ctx)).id } }),
  'POST /api/v1/plant-ops/alarms/:id/acknowledge': async (ctx) => ({
    params: { id: (await alarm(ctx)).id },
    body: {},
  }),
  'POST /api/v1/plant-ops/alarms/:id/clear': async (ctx) => ({
    params: { id: (await alarm(ctx)).id },
    body: {},
  }),
  'GET /api/v1/plant-ops/sensor-groups/:id': async (ctx) => ({ params: { id: (await sensorGroup(ctx)).id } }),
  'PATCH /api/v1/plant-ops/sensor-groups/:id': async (ctx) => ({
    params: { id: (await sensorGroup(ctx)).id },
    body: { name: 'hijacked' },
  }),
  'DELETE /api/v1/plant-ops/sensor-groups/:id': async (ctx) => ({
    params: { id: (await sensorGroup(ctx)).id },
  }),
  'POST /api/v1/plant-ops/sensor-groups/:id/train': async (ctx) => {
    const { id, from, to } = await trainableGroup(ctx);
    return { params: { id }, body: { from, to } };
  },
  'POST /api/v1/events/:id/redeliver': async (ctx) => ({ params: { id: String(await deadEvent(ctx)) } }),
  'GET /api/v1/plant-ops/lines/:id': async (ctx) => ({ params: { id: (await line(ctx)).id } }),
  'PATCH /api/v1/plant-ops/lines/:id': async (ctx) => ({
    params: { id: (await line(ctx)).id },
    body: { name: 'x' },
  }),
  'DELETE /api/v1/plant-ops/lines/:id': async (ctx) => ({ params: { id: (await line(ctx)).id } }),
  'POST /api/v1/plant-ops/lines/:id/status': async (ctx) => ({
    params: { id: (await line(ctx)).id },
    body: { status: 'down', reasonCode: 'BREAKDOWN' },
  }),
  // Reason codes are per tenant: one only tenant B has.
  'PATCH /api/v1/plant-ops/downtime-reasons/:code': async (ctx) => {
    const code = unique('B_ONLY_');
    await post(ctx, '/api/v1/plant-ops/downtime-reasons', {
      code,
      label: 'B only',
      planned: false,
      category: 'other',
    });
    return { params: { code }, body: { label: 'renamed' } };
  },
  'PATCH /api/v1/plant-ops/shifts/:id': async (ctx) => {
    const shift = await post(ctx, '/api/v1/plant-ops/shifts', {
      facilityId: ctx.owner.facilityId,
      name: unique('S'),
      startTime: '06:00',
      endTime: '14:00',
    });
    return { params: { id: shift.id }, body: { name: unique('S') } };
  },
  'DELETE /api/v1/plant-ops/shifts/:id': async (ctx) => {
    const shift = await post(ctx, '/api/v1/plant-ops/shifts', {
      facilityId: ctx.owner.facilityId,
      name: unique('S'),
      startTime: '14:00',
      endTime: '22:00',
    });
    return { params: { id: shift.id } };
  },
  'GET /api/v1/plant-ops/batches/:id': async (ctx) => ({ params: { id: (await batch(ctx, false)).id } }),
  'PATCH /api/v1/plant-ops/batches/:id': async (ctx) => ({
    params: { id: (await batch(ctx, false)).id },
    body: { notes: 'x' },
  }),
  'POST /api/v1/plant-ops/batches/:id/start': async (ctx) => ({
    params: { id: (await batch(ctx, false)).id },
    body: {},
  }),
  'POST /api/v1/plant-ops/batches/:id/complete': async (ctx) => ({
    params: { id: (await batch(ctx, true)).id },
    body: { goodCount: 10, scrapCount: 1 },
  }),
  'GET /api/v1/users/:id': async ({ owner }) => ({ params: { id: owner.users.viewer.id } }),
  'PATCH /api/v1/users/:id': async ({ owner }) => ({
    params: { id: owner.users.viewer.id },
    body: { role: 'viewer' },
  }),
  'POST /api/v1/users/:id/invitation': async (ctx) => {
    const { user } = await post(ctx, '/api/v1/users', {
      email: `${unique('invitee')}@sweep.test`,
      name: 'Invitee',
      role: 'viewer',
    });
    return { params: { id: user.id } };
  },
  'GET /api/v1/jobs/:id': async (ctx) => {
    const job = await post(ctx, '/api/v1/jobs/diagnostics', { rounds: 1 });
    return { params: { id: job.id } };
  },
  'DELETE /api/v1/api-keys/:id': async (ctx) => {
    const { apiKey } = await post(ctx, '/api/v1/api-keys', { name: 'sweep', scopes: ['read'] });
    return { params: { id: apiKey.id } };
  },
  ...INSPECTION_FIXTURES,
  ...SUPPLY_FIXTURES,
  ...SUPPLY_PLANNING_FIXTURES,
  ...SUPPLY_ROUTING_FIXTURES,
  ...SUPPLY_METRICS_FIXTURES,
  ...AI_CACHE_FIXTURES,
  ...AI_CATALOG_FIXTURES,
  ...AI_METRICS_FIXTURES,
  ...SCHEDULES_FIXTURES,
  ...NOTIFICATIONS_FIXTURES,
  ...EXPORTS_FIXTURES,
};

/** Platform routes address tenants on purpose (superadmin only); the 403 check covers them. */
export const CROSS_TENANT_BY_DESIGN = (url: string) => url.startsWith('/api/v1/admin/');

/** Routes anyone may call. Adding one here is a deliberate, reviewed decision. */
export const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/accept-invitation',
]);
