import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/database.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import {
  createTestSuperadmin,
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../../identity/testing.ts';

// The comparison end to end: two facilities of one tenant made through the real APIs (a second
// facility by the platform admin, lines, batches with a breakdown, a work-order upload with its
// analysis), compared with what the per-facility APIs answer; and who may ask for what.

const EXAMPLES = join(import.meta.dirname, '../../../../examples');
const HOUR = 3_600_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
// Local days that surely hold the batches in either time zone.
const from = day(Date.now() - 2 * 86_400_000);
const to = day(Date.now() + 86_400_000);

let t: TestApp;
let acme: TestTenant;
let other: TestTenant;
let secondId: string;
const s = {} as Record<'admin' | 'operator' | 'analyst' | 'viewer' | 'other', TestSession>;

async function call(session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: session.headers,
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.body ? res.json() : undefined };
}

/** A line with one completed batch of `pieces` that had a breakdown of `downMinutes`, 5–2 hours ago. */
async function lineWithBatch(facilityId: string, code: string, pieces: number, downMinutes: number) {
  const line = await call(s.admin, 'POST', '/plant-ops/lines', { facilityId, code, name: `Line ${code}` });
  assert.equal(line.status, 201, JSON.stringify(line.body));
  // In service since six hours ago, so the batch's times can lie in the past (as plant's tests do).
  const since = new Date(Date.now() - 6 * HOUR).toISOString();
  await t.database.db.execute(
    sql`update production_lines set status_since = ${since} where id = ${line.body.id}`,
  );
  await t.database.db.execute(
    sql`update line_status_history set started_at = ${since} where line_id = ${line.body.id}`,
  );
  const batch = await call(s.operator, 'POST', '/plant-ops/batches', {
    lineId: line.body.id,
    productSku: `SKU-${code}`,
    plannedQuantity: 20_000,
    idealCycleSeconds: 1,
    labourRate: 30,
    materialCostPerUnit: 0.2,
  });
  assert.equal(batch.status, 201, JSON.stringify(batch.body));
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
  const start = Date.now() - 5 * HOUR;
  const ok = async (url: string, body: object) => {
    const res = await call(s.operator, 'POST', url, body);
    assert.equal(res.status, 200, `${url}: ${JSON.stringify(res.body)}`);
  };
  await ok(`/plant-ops/batches/${batch.body.id}/start`, { at: new Date(start).toISOString() });
  await ok(`/plant-ops/lines/${line.body.id}/status`, {
    status: 'down',
    reasonCode: 'BREAKDOWN',
    at: at(4),
  });
  await ok(`/plant-ops/lines/${line.body.id}/status`, {
    status: 'running',
    at: new Date(Date.now() - 4 * HOUR + downMinutes * 60_000).toISOString(),
  });
  await ok(`/plant-ops/batches/${batch.body.id}/complete`, {
    goodCount: pieces - 100,
    scrapCount: 100,
    labourHours: 6,
    at: at(2),
  });
}

async function uploadExample(facilityId: string) {
  const body = new FormData();
  body.append('facilityId', facilityId);
  body.append('autoMap', 'true');
  body.append('file', new Blob([await readFile(join(EXAMPLES, 'workorders-sap.csv'))]), 'workorders-sap.csv');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/analytics/uploads',
    headers: s.analyst.headers,
    payload: body,
  });
  assert.equal(res.statusCode, 202, res.body);
  const importId = res.json().importId as string;
  return eventually(
    async () => {
      const { body } = await call(s.viewer, 'GET', `/analytics/analyses?importId=${importId}`);
      const done = body.items?.find((a: { status: string }) => a.status === 'completed');
      return done ? { importId, analysisId: done.id as string } : undefined;
    },
    `the analysis of import ${importId}`,
    180_000,
  );
}

type Metric = {
  key: string;
  values: { facilityId: string; value: number | null; reason: string | null; analysisIds: string[] }[];
  best: string[];
  worst: string[];
};
const metricOf = (body: { metrics: Metric[] }, key: string) => {
  const m = body.metrics.find((x) => x.key === key);
  assert.ok(m, `metric ${key}`);
  return m;
};
const valueAt = (m: Metric, facilityId: string) => m.values.find((v) => v.facilityId === facilityId);

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'compare');
  other = await createTestTenant(t.database.db, 'compare-other');
  for (const role of ['admin', 'operator', 'analyst', 'viewer'] as const)
    s[role] = await signIn(t.app, acme.users[role].email);
  s.other = await signIn(t.app, other.users.viewer.email);
  await createTestSuperadmin(t.database.db, 'root@compare.test');
  const root = await signIn(t.app, 'root@compare.test');
  const facility = await call(root, 'POST', `/admin/customers/${acme.id}/facilities`, {
    code: 'F2',
    name: 'Second plant',
    timezone: 'America/Chicago',
  });
  assert.equal(facility.status, 201, JSON.stringify(facility.body));
  secondId = facility.body.id;
});
after(() => t?.close());

describe('GET /analytics/compare', () => {
  let work: { importId: string; analysisId: string };

  before(async () => {
    await lineWithBatch(acme.facilityId, 'A1', 10_000, 20);
    await lineWithBatch(secondId, 'B1', 8_000, 60);
    work = await uploadExample(acme.facilityId);
  });

  test('gives each facility the OEE of GET /plant-ops/oee and the downtime of its Pareto', async () => {
    const res = await call(
      s.viewer,
      'GET',
      `/analytics/compare?facilityIds=${acme.facilityId},${secondId}&from=${from}&to=${to}`,
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.facilities.map((f: { id: string }) => f.id),
      [acme.facilityId, secondId],
    );
    for (const id of [acme.facilityId, secondId]) {
      const oee = await call(
        s.viewer,
        'GET',
        `/plant-ops/oee?facilityId=${id}&from=${from}&to=${to}&groupBy=line`,
      );
      assert.equal(oee.status, 200);
      const total = oee.body.total;
      assert.ok(total.oee > 0, 'the batch counts');
      for (const key of ['oee', 'availability', 'performance', 'quality'])
        assert.equal(valueAt(metricOf(res.body, `oee.${key}`), id)?.value, total[key], `${key} of ${id}`);
      assert.equal(valueAt(metricOf(res.body, 'production.units'), id)?.value, total.totalCount);
      const facility = res.body.facilities.find((f: { id: string }) => f.id === id);
      assert.equal(facility.unitsProduced, total.totalCount);
      // Downtime per planned production hour, from the Pareto over the facility's local days.
      const pareto = await call(
        s.viewer,
        'GET',
        `/plant-ops/downtime/pareto?facilityId=${id}&from=${facility.periodStart}&to=${facility.periodEnd}`,
      );
      assert.equal(pareto.status, 200, JSON.stringify(pareto.body));
      const breakdown = pareto.body.items
        .filter((i: { category: string }) => i.category === 'breakdown')
        .reduce((n: number, i: { minutes: number }) => n + i.minutes, 0);
      const perHour = valueAt(metricOf(res.body, 'downtime.category.breakdown'), id)?.value as number;
      assert.ok(Math.abs(perHour - breakdown / (total.plannedProductionMinutes / 60)) < 1e-9);
    }
    // 20 minutes down in the first plant, 60 in the second: direction-aware flags.
    const breakdown = metricOf(res.body, 'downtime.category.breakdown');
    assert.deepEqual([breakdown.best, breakdown.worst], [[acme.facilityId], [secondId]]);
    const oee = metricOf(res.body, 'oee.oee');
    assert.deepEqual([oee.best, oee.worst], [[acme.facilityId], [secondId]]);
    // The second facility's local days start at its own midnight.
    const second = res.body.facilities[1];
    assert.equal(second.timezone, 'America/Chicago');
    assert.notEqual(new Date(second.periodStart).getUTCHours(), 0);
  });

  test('scrap, rework and cost variance from the imported work orders, linked to their analysis', async () => {
    const res = await call(
      s.viewer,
      'GET',
      `/analytics/compare?facilityIds=${acme.facilityId},${secondId}&from=${from}&to=${to}`,
    );
    assert.equal(res.status, 200);
    const [sums] = await queryRows<{ scrap: number; rework: number; good: number }>(
      t.database.db,
      sql`select sum(qty_scrap)::float8 as scrap, sum(qty_rework)::float8 as rework,
        sum(qty_completed)::float8 as good from work_orders where import_id = ${work.importId}`,
    );
    const scrap = valueAt(metricOf(res.body, 'workOrders.scrapRate'), acme.facilityId);
    assert.ok(sums && Math.abs((scrap?.value as number) - sums.scrap / (sums.good + sums.scrap)) < 1e-12);
    assert.deepEqual(scrap?.analysisIds, [work.analysisId]);
    const variance = valueAt(metricOf(res.body, 'workOrders.costVariance'), acme.facilityId);
    assert.equal(typeof variance?.value, 'number');
    const first = res.body.facilities[0];
    assert.deepEqual(
      first.analyses.map((a: { id: string }) => a.id),
      [work.analysisId],
    );
    assert.equal(first.imports[0].id, work.importId);
    // The second facility has no import: null, with the reason; nothing to flag with one value.
    const none = valueAt(metricOf(res.body, 'workOrders.scrapRate'), secondId);
    assert.equal(none?.value, null);
    assert.match(none?.reason ?? '', /no completed work-order import/);
    assert.deepEqual(metricOf(res.body, 'workOrders.scrapRate').best, []);
    // No sensors and no inspection stations anywhere: explained nulls.
    assert.match(valueAt(metricOf(res.body, 'alarms.open'), secondId)?.reason ?? '', /no sensors/);
    assert.match(
      valueAt(metricOf(res.body, 'inspection.rejectRate'), secondId)?.reason ?? '',
      /no inspection station/,
    );
  });

  test("another tenant's facility is 404; the list is checked: 2 to 10 uuids, a bounded period", async () => {
    const ids = `${acme.facilityId},${other.facilityId}`;
    assert.equal((await call(s.viewer, 'GET', `/analytics/compare?facilityIds=${ids}`)).status, 404);
    // …and the other tenant cannot read ours either.
    const theirs = await call(
      s.other,
      'GET',
      `/analytics/compare?facilityIds=${acme.facilityId},${secondId}`,
    );
    assert.equal(theirs.status, 404);
    const unknown = '00000000-0000-4000-8000-000000000000';
    assert.equal(
      (await call(s.viewer, 'GET', `/analytics/compare?facilityIds=${acme.facilityId},${unknown}`)).status,
      404,
    );
    const bad = [
      `facilityIds=${acme.facilityId}`,
      `facilityIds=${acme.facilityId},nope`,
      `facilityIds=${Array(11).fill(acme.facilityId).join(',')}`,
      `facilityIds=${acme.facilityId},${acme.facilityId}`,
      `facilityIds=${acme.facilityId},${secondId}&from=2026-02-01&to=2026-01-01`,
      `facilityIds=${acme.facilityId},${secondId}&from=2020-01-01&to=2026-01-01`,
      `facilityIds=${acme.facilityId},${secondId}&extra=1`,
    ];
    for (const query of bad)
      assert.equal((await call(s.viewer, 'GET', `/analytics/compare?${query}`)).status, 400, query);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/v1/analytics/compare?facilityIds=${ids}`,
    });
    assert.equal(anonymous.statusCode, 401);
  });
});
