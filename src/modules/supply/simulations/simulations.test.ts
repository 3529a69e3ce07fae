import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { supplyClients, supplyVehicles, supplyWarehouses } from '../../../platform/db/schema/index.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../../identity/testing.ts';
import { seedPlanning, weeklyDemand } from '../testing.ts';

// Scenario sets and simulations through the HTTP API on a real database: the job runs the
// replications in the compute pool and stores the KPI distributions; the same request gives the
// same results; bad input is refused with a clear 4xx; tenants see only their own.

let t: TestApp;
let acme: TestTenant;
let other: TestTenant;
const s = {} as Record<'analyst' | 'viewer' | 'other', TestSession>;
let warehouseId: string;
const LONG = 180_000;

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'supply-simulations');
  other = await createTestTenant(t.database.db, 'supply-simulations-other');
  s.analyst = await signIn(t.app, acme.users.analyst.email);
  s.viewer = await signIn(t.app, acme.users.viewer.email);
  s.other = await signIn(t.app, other.users.analyst.email);
  const seeded = await seedPlanning(t.database.db, acme.id, [
    { sku: 'SIM-1', weekly: weeklyDemand(1, 30, 70), onHand: 40, leadTimeDays: 7 },
    { sku: 'SIM-2', weekly: weeklyDemand(2, 30, 20), onHand: 500 },
    { sku: 'SIM-3', weekly: weeklyDemand(3, 30, 140), onHand: 10, policy: 'RS' },
  ]);
  warehouseId = seeded.warehouseId;
  await inTenant(t.database.db, acme.id, async (tx) => {
    const tenantId = acme.id;
    await tx.update(supplyWarehouses).set({ latitude: 52.45, longitude: -1.84 });
    await tx.insert(supplyVehicles).values(
      ['VAN-A', 'VAN-B'].map((code) => ({
        tenantId,
        code,
        type: 'van',
        capacityKg: 800,
        capacityM3: 8,
        costPerKm: 0.4,
        costPerHour: 20,
        co2PerKm: 0.2,
        depotId: warehouseId,
      })),
    );
    await tx.insert(supplyClients).values(
      Array.from({ length: 6 }, (_, i) => ({
        tenantId,
        name: `Client ${i + 1}`,
        latitude: 52.4 + 0.02 * i,
        longitude: -1.9 + 0.03 * i,
      })),
    );
  });
  await seedPlanning(t.database.db, other.id, [{ sku: 'OTHER-1', weekly: weeklyDemand(4, 20, 10) }], {
    code: 'WH-O',
    name: 'Other warehouse',
    capacity: null,
  });
});
after(async () => {
  await t?.close();
});

async function call(method: string, url: string, session: TestSession, payload?: object) {
  const res = await t.app.inject({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers: session.headers,
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.json() };
}

const completed = (id: string) =>
  eventually(
    async () => {
      const { body } = await call('GET', `/supply/simulations/${id}`, s.viewer);
      if (body.status === 'failed') throw new Error(`simulation failed: ${body.errorMessage}`);
      return body.status === 'completed' ? body : undefined;
    },
    `simulation ${id}`,
    LONG,
  );

const SCENARIO = {
  demandShocks: { probabilityPerDay: 0.05, multiplier: 2, durationDays: 3, scope: 'sku' },
  vehicleBreakdowns: { probabilityPerVehicleDay: 0.1, repairDays: 2 },
  leadTimeNoise: { cv: 0.2 },
  travelDelays: { probabilityPerDay: 0.2, multiplier: 1.5, spread: 0.2 },
};

describe('scenario sets', () => {
  test('generate stores the parameters and lists the events of the first replications', async () => {
    const { status, body } = await call('POST', '/supply/simulations/generate', s.analyst, {
      name: 'Rough month',
      seed: 7,
      horizonDays: 20,
      scenario: SCENARIO,
      previews: 3,
    });
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.seed, 7);
    assert.equal(body.horizonDays, 20);
    assert.equal(body.previews.length, 3);
    const events = body.previews.flatMap(
      (p: { shocks: unknown[]; breakdowns: unknown[]; delays: unknown[] }) => [
        ...p.shocks,
        ...p.breakdowns,
        ...p.delays,
      ],
    );
    assert.ok(events.length > 0);
    for (const p of body.previews) {
      for (const b of p.breakdowns) assert.match(b.vehicle, /^VAN-[AB]$/);
      for (const sh of p.shocks) assert.match(sh.target, /^SIM-\d @ WH-T$/);
      for (const d of p.delays) assert.ok(d.factor >= 1 && d.day >= 0 && d.day < 20);
    }
    const again = await call('POST', '/supply/simulations/generate', s.analyst, {
      name: 'Rough month again',
      seed: 7,
      horizonDays: 20,
      scenario: SCENARIO,
      previews: 3,
    });
    assert.deepEqual(again.body.previews, body.previews);
    const got = await call('GET', `/supply/simulations/scenario-sets/${body.id}`, s.viewer);
    assert.equal(got.status, 200);
    assert.equal(got.body.name, 'Rough month');
    const list = await call('GET', '/supply/simulations/scenario-sets?limit=1', s.viewer);
    assert.equal(list.body.total, 2);
    assert.equal(list.body.items.length, 1);
  });
});

describe('simulations', () => {
  let setId: string;
  let first: { id: string; results: { kpis: { kpi: string }[] } };

  before(async () => {
    const { body } = await call('POST', '/supply/simulations/generate', s.analyst, {
      name: 'For runs',
      seed: 11,
      horizonDays: 14,
      scenario: SCENARIO,
    });
    setId = body.id;
  });

  test('a run replays the scenario set in a job and stores KPI distributions per policy', async () => {
    const started = await call('POST', '/supply/simulations/run', s.analyst, {
      name: 'Current vs recommended',
      scenarioSetId: setId,
      replications: 40,
      policies: ['current', 'recommended'],
    });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    assert.equal(started.body.status, 'queued');
    assert.ok(started.body.jobId);
    assert.equal(started.body.config.seed, 11);
    assert.equal(started.body.config.horizonDays, 14);
    const done = await completed(started.body.id);
    first = done;
    const { results } = done;
    assert.equal(results.replications, 40);
    assert.equal(results.items, 3);
    assert.deepEqual(results.warehouses, ['WH-T']);
    assert.deepEqual(
      results.policies.map((p: { key: string }) => p.key),
      ['current', 'recommended'],
    );
    assert.equal(results.kpis.length, 12);
    for (const k of results.kpis) {
      assert.equal(k.policies.length, 2);
      for (const p of k.policies) {
        assert.equal(
          p.histogram.reduce((a: number, b: number) => a + b, 0),
          40,
          `${k.kpi} histogram`,
        );
        assert.ok(p.p5 <= p.p50 && p.p50 <= p.p95, `${k.kpi} percentiles`);
      }
      assert.equal(k.differences.length, 1);
    }
    const fill = results.kpis.find((k: { kpi: string }) => k.kpi === 'fill_rate');
    for (const p of fill.policies) assert.ok(p.mean > 0 && p.mean <= 1);
    const co2 = results.kpis.find((k: { kpi: string }) => k.kpi === 'co2_kg');
    assert.ok(co2.policies[0].mean > 0, 'the fleet drove');
    assert.match(done.summary, /replications/);
    // The job ends just after the simulation's row is stored.
    const job = await eventually(
      async () => {
        const { body } = await call('GET', `/jobs/${started.body.jobId}`, s.analyst);
        return body.status === 'completed' ? body : undefined;
      },
      'simulation job',
      LONG,
    );
    assert.equal(job.progress, 100);
  });

  test('the same request gives the same results, bit for bit', async () => {
    const started = await call('POST', '/supply/simulations/run', s.analyst, {
      name: 'Again',
      scenarioSetId: setId,
      replications: 40,
    });
    const again = await completed(started.body.id);
    assert.deepEqual(again.results.kpis, first.results.kpis);
    const reseeded = await call('POST', '/supply/simulations/run', s.analyst, {
      name: 'Other seed',
      scenarioSetId: setId,
      seed: 12,
      replications: 40,
    });
    const other = await completed(reseeded.body.id);
    assert.notDeepEqual(other.results.kpis, first.results.kpis);
  });

  test('override policies and an inline scenario', async () => {
    const started = await call('POST', '/supply/simulations/run', s.analyst, {
      name: 'Service levels',
      replications: 30,
      horizonDays: 21,
      seed: 3,
      scenario: { leadTimeNoise: { cv: 0.5 } },
      policies: [
        { base: 'current', serviceLevel: 0.6, label: 'Lean' },
        { base: 'current', serviceLevel: 0.99, label: 'Safe' },
        { base: 'current', reorderPointMultiplier: 1.5 },
      ],
      scope: { skus: ['SIM-1', 'SIM-3'] },
    });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const { results } = await completed(started.body.id);
    assert.equal(results.items, 2);
    assert.deepEqual(
      results.policies.map((p: { label: string }) => p.label),
      ['Lean', 'Safe', 'Current parameters, reorder level ×1.5'],
    );
    const safety = results.policies.map((p: { safetyStockUnits: number }) => p.safetyStockUnits);
    assert.ok(safety[1] > safety[0]);
  });

  test('lists without results, filtered by status', async () => {
    const { status, body } = await call('GET', '/supply/simulations?status=completed&limit=2', s.viewer);
    assert.equal(status, 200);
    assert.equal(body.items.length, 2);
    assert.ok(body.total >= 3);
    for (const item of body.items) {
      assert.equal(item.status, 'completed');
      assert.equal(item.results, undefined);
    }
  });

  test('bad input is refused with a clear 4xx', async () => {
    const run = (payload: object, session = s.analyst) =>
      call('POST', '/supply/simulations/run', session, payload);
    const both = await run({ name: 'x', scenarioSetId: setId, scenario: {} });
    assert.equal(both.status, 400);
    assert.match(both.body.error.message, /not both/);
    const unknown = await run({ name: 'x', scenarioSetId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /Unknown scenarioSetId/);
    const empty = await run({ name: 'x', scope: { skus: ['NOPE'] } });
    assert.equal(empty.status, 400);
    assert.match(empty.body.error.message, /matches no SKU/);
    for (const payload of [
      { name: 'x', replications: 0 },
      { name: 'x', replications: 5001 },
      { name: 'x', horizonDays: 366 },
      { name: 'x', policies: ['current'] },
      { name: 'x', policies: ['current', 'recommended', 'current', 'current', 'current'] },
      { name: 'x', policies: ['current', 'best'] },
      { name: 'x', policies: ['current', { base: 'current', serviceLevel: 1 }] },
      { name: 'x', scenario: { demandShocks: { probabilityPerDay: 2, multiplier: 2, durationDays: 1 } } },
      { name: 'x', scenario: { earthquakes: {} } },
      { name: '' },
      { name: 'x', seed: -1 },
    ]) {
      const res = await run(payload);
      assert.equal(res.status, 400, JSON.stringify(payload));
      assert.ok(res.body.error.message, JSON.stringify(payload));
    }
    const labels = await run({
      name: 'x',
      policies: [
        { base: 'current', label: 'A' },
        { base: 'recommended', label: 'A' },
      ],
    });
    assert.equal(labels.status, 400);
    assert.equal((await run({ name: 'x' }, s.viewer)).status, 403);
    const generate = await call('POST', '/supply/simulations/generate', s.analyst, {
      name: 'x',
      scenario: {},
    });
    assert.equal(generate.status, 400, 'the seed is required');
  });

  test("tenants see only their own; another tenant's scenario set is unknown", async () => {
    assert.equal((await call('GET', `/supply/simulations/${first.id}`, s.other)).status, 404);
    assert.equal((await call('GET', `/supply/simulations/scenario-sets/${setId}`, s.other)).status, 404);
    const list = await call('GET', '/supply/simulations', s.other);
    assert.equal(list.body.total, 0);
    const sets = await call('GET', '/supply/simulations/scenario-sets', s.other);
    assert.equal(sets.body.total, 0);
    const borrowed = await call('POST', '/supply/simulations/run', s.other, {
      name: 'x',
      scenarioSetId: setId,
    });
    assert.equal(borrowed.status, 400);
  });
});
