// Sweep fixtures of the scheduled analyses (issue 19): a schedule of the owner (a watched-folder
// source and a mapping profile, made through the API as the owner's admin); and, for the RLS
// proof, a schedule with a run of the tenant.

import type { TestSession, TestTenant } from '../../src/modules/identity/testing.ts';
import type { TestApp } from '../../src/platform/http/testing.ts';
import type { SweepContext, Target } from './fixtures.ts';

let sequence = 0;

async function post(t: TestApp, admin: TestSession, url: string, payload: object = {}) {
  const res = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
  if (res.statusCode >= 300) throw new Error(`fixture POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function schedule(t: TestApp, admin: TestSession, facilityId: string) {
  sequence += 1;
  const profile = await post(t, admin, '/api/v1/analytics/profiles', {
    name: `Schedule sweep profile ${sequence}`,
    mappings: [
      { field: 'workOrder', column: 'Order' },
      { field: 'partNumber', column: 'Part' },
      { field: 'qtyCompleted', column: 'Good' },
    ],
  });
  return post(t, admin, '/api/v1/analytics/schedules', {
    name: `Schedule sweep ${sequence}`,
    facilityId,
    cron: '0 6 * * *',
    source: { kind: 'folder' },
    profileId: profile.id,
  }) as Promise<{ id: string }>;
}

const ownSchedule = async (ctx: SweepContext): Promise<Target> => ({
  params: { id: (await schedule(ctx.t, ctx.ownerAdmin, ctx.owner.facilityId)).id },
});

export const SCHEDULES_FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  'GET /api/v1/analytics/schedules/:id': ownSchedule,
  'PATCH /api/v1/analytics/schedules/:id': async (ctx) => ({
    ...(await ownSchedule(ctx)),
    body: { name: `Renamed ${++sequence}` },
  }),
  'DELETE /api/v1/analytics/schedules/:id': ownSchedule,
  'POST /api/v1/analytics/schedules/:id/pause': ownSchedule,
  'POST /api/v1/analytics/schedules/:id/resume': ownSchedule,
  'POST /api/v1/analytics/schedules/:id/run': ownSchedule,
  'GET /api/v1/analytics/schedules/:id/runs': ownSchedule,
};

/** analysis_schedules and analysis_schedule_runs rows of the tenant. */
export async function populateSchedules(t: TestApp, tenant: TestTenant, admin: TestSession) {
  const { id } = await schedule(t, admin, tenant.facilityId);
  await post(t, admin, `/api/v1/analytics/schedules/${id}/run`);
}
