import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inTenant } from '../../../platform/db/scope.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import type { JobContext } from '../../../platform/jobs/jobs.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../../identity/testing.ts';
import { routeJob } from './route.job.ts';
import { ROUTING_DAY, type RoutingFixture, seedRouting } from './testing.ts';

// The routing job's watchdog ("never a hang"): a worker that outlives the search limit plus the
// margin is terminated, and the decision is still proposed — planned by the construction heuristic,
// with a note saying so. The job runs here on the real database and the real worker pool; only the
// margin is shortened, so the search (which always uses its whole time limit) overruns every time.

let t: TestApp;
let acme: TestTenant;
let analyst: TestSession;
let fx: RoutingFixture;

before(async () => {
  // No workers: the queued job is run by this test, with its own watchdog margin.
  t = await createTestApp({ workers: false });
  acme = await createTestTenant(t.database.db, 'routing-watchdog');
  analyst = await signIn(t.app, acme.users.analyst.email);
  fx = await seedRouting(t.database.db, acme.id, { prefix: 'WD' });
});
after(async () => {
  await t?.close();
});

function context(tenantId: string, progress: string[]): JobContext {
  return {
    jobId: 'watchdog-test',
    tenantId,
    attempt: 1,
    signal: new AbortController().signal,
    progress: async (_percent, message) => {
      if (message) progress.push(message);
    },
    complete: (work) => inTenant(t.database.db, tenantId, work),
  };
}

async function api(method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: analyst.headers,
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.json() };
}

test('a search that outlives its limit is stopped and the decision falls back to the construction plan', async () => {
  const started = await api('POST', '/supply/decisions', {
    type: 'routing',
    routing: { date: ROUTING_DAY, warehouseId: fx.warehouseId, timeLimitSeconds: 1 },
  });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  const progress: string[] = [];
  const job = routeJob({ db: t.database.db, compute: t.runtime.compute, watchdogMarginMs: 1 });
  const result = await job.run({ decisionId: started.body.id }, context(acme.id, progress));
  assert.equal((result as { decisionId: string }).decisionId, started.body.id);

  assert.ok(
    progress.some((m) => /The search did not finish within 1 s; its worker was stopped/.test(m)),
    progress.join('\n'),
  );
  const { body: decision } = await api('GET', `/supply/decisions/${started.body.id}`);
  assert.equal(decision.status, 'proposed', decision.errorMessage);
  const { body: routes } = await api('GET', `/supply/decisions/${started.body.id}/routes`);
  // The fallback plan serves every servable order (the three bad ones stay unserved with reasons).
  const served = routes.routes.flatMap((r: { stops: { orderId: string }[] }) =>
    r.stops.map((s) => s.orderId),
  );
  assert.equal(served.length + routes.unserved.length, fx.orders.length);
  assert.equal(routes.unserved.length, 3);
  const notes = JSON.stringify(decision);
  assert.match(notes, /construction heuristic/);
});
