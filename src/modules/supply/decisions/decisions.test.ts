import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../../identity/testing.ts';
import { seedPlanning, weeklyDemand } from '../testing.ts';

// Forecast runs, the model registry and replenishment decisions through the HTTP API on a real
// database: the jobs run, the decision's factors add up, the lifecycle and the roles hold.

let t: TestApp;
let acme: TestTenant;
let other: TestTenant;
const s = {} as Record<'admin' | 'analyst' | 'viewer' | 'other', TestSession>;
let ids: { warehouseId: string; low: string; high: string; none: string };
const LONG = 180_000;

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'supply-decisions');
  other = await createTestTenant(t.database.db, 'supply-other');
  for (const role of ['admin', 'analyst', 'viewer'] as const)
    s[role] = await signIn(t.app, acme.users[role].email);
  s.other = await signIn(t.app, other.users.analyst.email);
  const seeded = await seedPlanning(t.database.db, acme.id, [
    { sku: 'LOW-1', weekly: weeklyDemand(1, 120, 70), onHand: 5, leadTimeDays: 14, lotSize: 10 },
    { sku: 'HIGH-1', weekly: weeklyDemand(2, 120, 40), onHand: 100_000 },
    { sku: 'NEW-1', weekly: [] },
  ]);
  const id = (sku: string) => seeded.inventory.get(sku)?.id ?? '';
  ids = { warehouseId: seeded.warehouseId, low: id('LOW-1'), high: id('HIGH-1'), none: id('NEW-1') };
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

const finished = (url: string, done: string[]) =>
  eventually(
    async () => {
      const { body } = await call('GET', url, s.viewer);
      if (body.status === 'failed') throw new Error(`${url} failed: ${body.errorMessage}`);
      return done.includes(body.status) ? body : undefined;
    },
    url,
    LONG,
  );

describe('forecasts', () => {
  let runId: string;
  test('a run forecasts every series of its scope with the production model', async () => {
    const started = await call('POST', '/supply/forecasts', s.analyst, { bucket: 'week', horizon: 8 });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    runId = started.body.run.id;
    assert.equal(started.body.run.model.version, 1);
    const run = await finished(`/supply/forecasts/${runId}`, ['completed']);
    assert.equal(run.seriesCount, 3);
    const { body: page } = await call('GET', `/supply/forecasts/${runId}/series?limit=10`, s.viewer);
    assert.equal(page.total, 3);
    for (const f of page.items) {
      assert.equal(f.mean.length, 8);
      for (const [i, m] of f.mean.entries()) {
        assert.ok(Number.isFinite(m) && m >= 0, `${f.sku} mean ${m}`);
        assert.ok(f.lower[i] <= m + 1e-9 && m <= f.upper[i] + 1e-9, `${f.sku} interval at ${i}`);
      }
    }
    const fresh = page.items.find((f: { sku: string }) => f.sku === 'NEW-1');
    assert.equal(fresh.method, 'category_mean');
    assert.match(fresh.note, /no history/);
    const low = page.items.find((f: { sku: string }) => f.sku === 'LOW-1');
    assert.ok(low.mean[0] > 30 && low.mean[0] < 120, `LOW-1 forecast ${low.mean[0]} near its level 70`);
    assert.ok(low.mase !== null && low.historyLength === 120);
  });

  test("an item's newest forecast", async () => {
    const { status, body } = await call('GET', `/supply/entities/inventory/${ids.low}/forecast`, s.viewer);
    assert.equal(status, 200);
    assert.equal(body.forecast.runId, runId);
    assert.equal(body.bucket, 'week');
  });

  test('bad requests: an empty scope, a viewer, another tenant', async () => {
    const empty = await call('POST', '/supply/forecasts', s.analyst, { scope: { skus: ['NOPE'] } });
    assert.equal(empty.status, 400);
    assert.match(empty.body.error.message, /matches no SKU/);
    assert.equal((await call('POST', '/supply/forecasts', s.viewer, {})).status, 403);
    assert.equal((await call('GET', `/supply/forecasts/${runId}`, s.other)).status, 404);
    const horizon = await call('POST', '/supply/forecasts', s.analyst, { horizon: 0 });
    assert.equal(horizon.status, 400);
  });
});

describe('model registry', () => {
  test('training registers a version and promotes it only when it back-tests better', async () => {
    const started = await call('POST', '/supply/models', s.analyst, {});
    assert.equal(started.status, 202);
    const job = await eventually(
      async () => {
        const { body } = await call('GET', `/jobs/${started.body.jobId}`, s.analyst);
        return body.status === 'completed' || body.status === 'failed' ? body : undefined;
      },
      'training job',
      LONG,
    );
    assert.equal(job.status, 'completed', JSON.stringify(job));
    const { body: models } = await call('GET', '/supply/models?name=demand-forecast', s.viewer);
    assert.equal(models.items.filter((m: { stages: string[] }) => m.stages.includes('production')).length, 1);
    assert.equal(models.total, 2);
    const [v2, v1] = models.items;
    assert.equal(v2.version, 2);
    assert.match(v2.note, /promoted|not promoted/);
    assert.ok(Number.isFinite(v2.metrics.mase));
    const { body: detail } = await call('GET', `/supply/models/${v2.id}`, s.viewer);
    const { body: first } = await call('GET', `/supply/models/${v1.id}`, s.viewer);
    const inProduction = [detail, first].filter((m) => m.stages.includes('production'));
    assert.equal(inProduction.length, 1, 'one version is in production');
    assert.equal(inProduction[0].id === v2.id, /^promoted/.test(v2.note));
  });

  test('promote, refuse a second promotion, roll back', async () => {
    const { body: models } = await call('GET', '/supply/models', s.viewer);
    const v1 = models.items.find((m: { version: number }) => m.version === 1);
    const v2 = models.items.find((m: { version: number }) => m.version === 2);
    const toStaging = await call('POST', `/supply/models/${v2.id}/promote`, s.analyst, { stage: 'staging' });
    assert.equal(toStaging.status, 201);
    assert.equal(toStaging.body.version, 2);
    assert.equal(
      (await call('POST', `/supply/models/${v2.id}/promote`, s.analyst, { stage: 'staging' })).status,
      409,
    );
    assert.equal(
      (await call('POST', `/supply/models/${v1.id}/promote`, s.analyst, { stage: 'staging' })).status,
      201,
    );
    const back = await call('POST', '/supply/deployments/rollback', s.analyst, {
      modelName: 'demand-forecast',
      stage: 'staging',
    });
    assert.equal(back.status, 201);
    assert.equal(back.body.action, 'rollback');
    assert.equal(back.body.version, 2);
    const { body: history } = await call('GET', '/supply/deployments?stage=staging', s.viewer);
    assert.equal(history.total, 3);
    assert.equal(
      (await call('POST', `/supply/models/${v1.id}/promote`, s.viewer, { stage: 'staging' })).status,
      403,
    );
  });
});

describe('replenishment decisions', () => {
  let decisionId: string;
  test('a decision proposes orders whose factors add up to each quantity', async () => {
    const started = await call('POST', '/supply/decisions', s.analyst, { type: 'replenishment' });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    decisionId = started.body.id;
    const decision = await finished(`/supply/decisions/${decisionId}`, ['proposed']);
    const { body: listed } = await call('GET', '/supply/decisions?status=proposed', s.viewer);
    assert.equal(listed.items[0].actionCount, decision.actionCount);
    assert.ok(decision.actionCount > 0);
    const low = decision.actions.find((a: { sku: string }) => a.sku === 'LOW-1');
    assert.ok(low && low.quantity > 0, 'the low-stock item is ordered');
    assert.equal(low.quantity % 10, 0, 'in whole lots');
    assert.equal(
      decision.actions.find((a: { sku: string }) => a.sku === 'HIGH-1'),
      undefined,
    );
    assert.ok(decision.confidence > 0 && decision.confidence <= 1);
    assert.ok(decision.predictedCost > 0);
    assert.ok(decision.modelVersions.some((m: { role: string }) => m.role === 'forecast'));
    const { body: explanation } = await call('GET', `/supply/decisions/${decisionId}/explanation`, s.viewer);
    for (const item of explanation.items) {
      const sum = item.factors.reduce((acc: number, f: { weight: number }) => acc + f.weight, 0);
      assert.ok(Math.abs(sum - item.quantity) < 1e-6, `${item.sku}: factors ${sum} vs ${item.quantity}`);
      for (const f of item.factors) assert.ok(f.sentence.length > 10);
    }
    const { body: seedPath } = await call('GET', `/supply/explain/${decisionId}`, s.viewer);
    assert.deepEqual(seedPath, explanation);
    const { body: factors } = await call('GET', `/supply/explain/decision/${decisionId}/factors`, s.viewer);
    const total = factors.totals.reduce((acc: number, f: { weight: number }) => acc + f.weight, 0);
    assert.ok(Math.abs(total - factors.quantity) < 0.05);
  });

  test('approve → execute creates purchase orders; the lifecycle refuses the rest', async () => {
    assert.equal((await call('POST', `/supply/decisions/${decisionId}/approve`, s.viewer, {})).status, 403);
    assert.equal((await call('POST', `/supply/decisions/${decisionId}/execute`, s.analyst)).status, 409);
    assert.equal((await call('POST', `/supply/decisions/${decisionId}/reject`, s.analyst, {})).status, 400);
    const approved = await call('POST', `/supply/decisions/${decisionId}/approve`, s.analyst, { note: 'ok' });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'approved');
    assert.equal(approved.body.decisionNote, 'ok');
    assert.equal((await call('POST', `/supply/decisions/${decisionId}/approve`, s.analyst, {})).status, 409);
    const executed = await call('POST', `/supply/decisions/${decisionId}/execute`, s.admin);
    assert.equal(executed.status, 200);
    // One purchase order per warehouse, supplier and arrival day.
    const { body: listed } = await call('GET', `/supply/decisions/${decisionId}/actions`, s.viewer);
    const arrivals = new Set(listed.items.map((a: { arrivalDate: string }) => a.arrivalDate));
    assert.equal(executed.body.orderIds.length, arrivals.size);
    const again = await call('POST', `/supply/decisions/${decisionId}/approve`, s.analyst, {});
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /executed/);
    assert.equal(
      (await call('POST', `/supply/decisions/${decisionId}/reject`, s.analyst, { note: 'no' })).status,
      409,
    );
    const { body: actions } = await call('GET', `/supply/decisions/${decisionId}/actions`, s.viewer);
    assert.ok(actions.items.every((a: { orderId: string }) => executed.body.orderIds.includes(a.orderId)));
    assert.equal((await call('GET', `/supply/decisions/${decisionId}`, s.other)).status, 404);
  });

  test('a hypothetical: more stock on hand, no order', async () => {
    const base = await call('POST', '/supply/explain', s.viewer, {
      inventoryId: ids.low,
      overrides: { onOrder: 0 },
    });
    assert.equal(base.status, 200, JSON.stringify(base.body));
    assert.ok(base.body.item.quantity > 0);
    const sum = base.body.item.factors.reduce((acc: number, f: { weight: number }) => acc + f.weight, 0);
    assert.ok(Math.abs(sum - base.body.item.quantity) < 1e-6);
    const covered = await call('POST', '/supply/explain', s.viewer, {
      inventoryId: ids.low,
      overrides: { onHand: 1_000_000 },
    });
    assert.equal(covered.body.item.quantity, 0);
    assert.equal((await call('POST', '/supply/explain', s.other, { inventoryId: ids.low })).status, 404);
    const bad = await call('POST', '/supply/explain', s.viewer, {
      inventoryId: ids.low,
      overrides: { serviceLevel: 1 },
    });
    assert.equal(bad.status, 400);
  });

  test('a decision over an empty scope or an unknown forecast run is refused', async () => {
    const empty = await call('POST', '/supply/decisions', s.analyst, {
      type: 'replenishment',
      scope: { categories: ['none'] },
    });
    assert.equal(empty.status, 400);
    const unknown = await call('POST', '/supply/decisions', s.analyst, {
      type: 'replenishment',
      constraints: { forecastRunId: '00000000-0000-4000-8000-000000000000' },
    });
    assert.equal(unknown.status, 400);
  });
});
