import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { supplyDecisions } from '../../../platform/db/schema/index.ts';
import { readInTenant } from '../../../platform/db/scope.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../../identity/testing.ts';
import { formatDay } from '../demo/demand-generator.ts';
import { seedDemoSupply } from '../demo/demo.ts';
import { evaluateRoute } from '../routing/index.ts';
import type { RoutingProblem } from '../routing/types.ts';
import { ROUTING_DAY, type RoutingFixture, seedRouting } from './testing.ts';

// Routing decisions through the HTTP API on a real database: the job solves in a worker thread and
// stores routes that pass the engine's checks; bad orders are unserved with their reasons; the
// explanation endpoints answer for routes and orders; approve → execute creates assignments;
// re-optimisation keeps executed stops; bad requests are 4xx; another tenant sees nothing.

let t: TestApp;
let acme: TestTenant;
let other: TestTenant;
const s = {} as Record<'admin' | 'analyst' | 'viewer' | 'other', TestSession>;
let fx: RoutingFixture;
const LONG = 180_000;

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'routing-decisions');
  other = await createTestTenant(t.database.db, 'routing-other');
  for (const role of ['admin', 'analyst', 'viewer'] as const)
    s[role] = await signIn(t.app, acme.users[role].email);
  s.other = await signIn(t.app, other.users.analyst.email);
  fx = await seedRouting(t.database.db, acme.id);
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

const settled = (id: string) =>
  eventually(
    async () => {
      const { body } = await call('GET', `/supply/decisions/${id}`, s.viewer);
      if (body.status === 'failed') throw new Error(`decision ${id} failed: ${body.errorMessage}`);
      return body.status === 'pending' ? undefined : body;
    },
    `decision ${id}`,
    LONG,
  );

async function route(routing: Record<string, unknown>) {
  const started = await call('POST', '/supply/decisions', s.analyst, {
    type: 'routing',
    routing: { date: ROUTING_DAY, warehouseId: fx.warehouseId, timeLimitSeconds: 1, ...routing },
  });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  assert.equal(started.body.type, 'routing');
  assert.equal(started.body.status, 'pending');
  return settled(started.body.id);
}

/** The problem the job solved (kept in the plan, not shown by the API). */
async function storedProblem(id: string): Promise<RoutingProblem> {
  const [row] = await readInTenant(t.database.db, acme.id, (tx) =>
    tx.select({ plan: supplyDecisions.plan }).from(supplyDecisions).where(eq(supplyDecisions.id, id)),
  );
  assert.ok(row);
  return (row.plan as { problem: RoutingProblem }).problem;
}

interface ApiStop {
  orderId: string;
  sequence: number;
  fixed: boolean;
  start: string;
  windows: { start: string; end: string }[];
  windowIndex: number;
}
interface ApiRoute {
  vehicleId: string;
  vehicleCode: string;
  cost: number;
  stops: ApiStop[];
  costComponents: Record<string, number>;
}

let first: { id: string; routes: ApiRoute[] };

describe('a routing decision', () => {
  test('the job stores routes that pass the checks, and says why the bad orders are unserved', async () => {
    const decision = await route({});
    assert.equal(decision.status, 'proposed', decision.errorMessage);
    const { body } = await call('GET', `/supply/decisions/${decision.id}/routes`, s.viewer);
    first = { id: decision.id, routes: body.routes };
    assert.equal(decision.actionCount, body.routes.length);
    assert.ok(body.routes.length >= 1 && body.routes.length <= 2);
    assert.equal(body.depots[0].id, fx.warehouseId);
    const reasons = Object.fromEntries(
      body.unserved.map((u: { orderId: string; reason: string }) => [u.orderId, u.reason]),
    );
    assert.deepEqual(reasons, {
      [fx.bad.noCoordinates]: 'no_coordinates',
      [fx.bad.tooHeavy]: 'over_capacity',
      [fx.bad.hazmat]: 'no_compatible_vehicle',
    });
    for (const u of body.unserved) assert.ok(u.detail.length > 10, u.detail);
    const served = body.routes.flatMap((r: ApiRoute) => r.stops.map((x) => x.orderId));
    assert.equal(served.length + body.unserved.length, fx.orders.length);
    assert.equal(new Set(served).size, served.length);
    // Every route, re-evaluated by the engine on the problem the job solved, breaks nothing.
    const problem = await storedProblem(decision.id);
    for (const r of body.routes as ApiRoute[]) {
      const evaluated = evaluateRoute(
        problem,
        r.vehicleId,
        r.stops.map((x) => x.orderId),
      );
      assert.deepEqual(evaluated.violations, [], r.vehicleCode);
      assert.ok(Math.abs(evaluated.route.cost - r.cost) < 0.01);
      for (const stop of r.stops) {
        const w = stop.windows[stop.windowIndex];
        assert.ok(
          w && stop.start >= w.start && stop.start <= w.end,
          `${r.vehicleCode} stop ${stop.sequence}`,
        );
      }
      const sum = Object.values(r.costComponents).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - r.cost) < 0.05, `${r.vehicleCode}: components ${sum} vs ${r.cost}`);
    }
    // Refrigerated orders ride the refrigerated van.
    const cold = body.routes.find((r: ApiRoute) => r.vehicleId === fx.vehicles.COLD);
    for (const id of [fx.orders[0], fx.orders[4], fx.orders[8]])
      assert.ok(
        cold?.stops.some((x: ApiStop) => x.orderId === id),
        `${id} on the refrigerated van`,
      );
    const hard = decision.constraintChecks.filter((c: { kind: string }) => c.kind === 'hard');
    assert.ok(hard.length >= 9);
    for (const c of hard) assert.equal(c.status, 'pass', `${c.name}: ${c.detail}`);
    assert.ok(
      decision.constraintChecks.some(
        (c: { name: string; kind: string }) => c.kind === 'soft' && c.name === 'co2',
      ),
    );
    assert.ok(decision.predictedCost > 0);
    assert.equal(decision.costBreakdown.total, decision.predictedCost);
    assert.ok(decision.confidence > 0 && decision.confidence < 0.9, decision.confidenceNote);
    assert.match(decision.confidenceNote, /3 of 15 orders are unserved/);
    assert.match(decision.summary, /12 of 15 orders/);
    assert.equal(decision.plan.unserved.length, 3);
    assert.equal(decision.plan.problem, undefined, 'the stored problem stays internal');
    assert.ok(decision.plan.stats.iterations > 0);
    const { body: listed } = await call('GET', '/supply/decisions?type=routing', s.viewer);
    assert.equal(listed.items[0].actionCount, body.routes.length);
  });

  test('explanations: cost per route, marginal costs, and why an order is where it is', async () => {
    const { status, body } = await call('GET', `/supply/decisions/${first.id}/explanation`, s.viewer);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.routing.routes.length, first.routes.length);
    for (const r of body.routing.routes)
      assert.match(r.sentences[0], /cost .* = fixed .* \+ distance .* \+ time/);
    // A marginal cost is what the engine's evaluation of the route without the order saves.
    assert.equal(body.routing.marginalCosts.length, 12);
    const problem = await storedProblem(first.id);
    for (const m of body.routing.marginalCosts) {
      const r = first.routes.find((x) => x.stops.some((stop) => stop.orderId === m.orderId)) as ApiRoute;
      const rest = r.stops.map((x) => x.orderId).filter((id) => id !== m.orderId);
      const without = rest.length > 0 ? evaluateRoute(problem, r.vehicleId, rest).route.cost : 0;
      assert.ok(Math.abs(r.cost - without - m.marginalCost) < 0.02, JSON.stringify(m));
    }
    assert.ok(body.routing.marginalCosts[0].marginalCost > 0);
    assert.equal(body.routing.unserved.length, 3);
    const { body: seedPath } = await call('GET', `/supply/explain/${first.id}`, s.viewer);
    assert.deepEqual(seedPath, body);
    // A refrigerated order: only the refrigerated van may take it.
    const cold = await call(
      'GET',
      `/supply/decisions/${first.id}/explanation?orderId=${fx.orders[0]}`,
      s.viewer,
    );
    const order = cold.body.routing.order;
    assert.equal(order.served, true);
    assert.equal(order.vehicleId, fx.vehicles.COLD);
    assert.equal(typeof order.marginalCost, 'number');
    assert.deepEqual(order.bestAlternative.constraints, ['compatibility']);
    assert.match(order.bestAlternative.sentence, /lacks refrigerated/);
    // An ordinary order: the other van could take it, at a price.
    const plain = fx.orders[1] as string;
    const { body: why } = await call('GET', `/supply/explain/${first.id}?orderId=${plain}`, s.viewer);
    assert.equal(why.routing.order.alternatives[0].feasible, true);
    assert.ok(why.routing.order.sentences.some((x: string) => /best alternative|best vehicle/.test(x)));
    const hazmat = await call(
      'GET',
      `/supply/decisions/${first.id}/explanation?orderId=${fx.bad.hazmat}`,
      s.viewer,
    );
    assert.equal(hazmat.body.routing.order.unservedReason, 'no_compatible_vehicle');
    assert.ok(hazmat.body.routing.order.alternatives.every((a: { feasible: boolean }) => !a.feasible));
    const stranger = await call(
      'GET',
      `/supply/decisions/${first.id}/explanation?orderId=${fx.warehouseId}`,
      s.viewer,
    );
    assert.equal(stranger.status, 404);
    const { body: factors } = await call('GET', `/supply/explain/decision/${first.id}/factors`, s.viewer);
    const total = factors.totals.reduce((a: number, f: { weight: number }) => a + f.weight, 0);
    assert.ok(Math.abs(total - factors.quantity) < 0.05);
    assert.equal(factors.routes.length, first.routes.length);
    const what = await call('POST', '/supply/explain', s.viewer, {
      decisionId: first.id,
      orderId: plain,
      vehicleId: fx.vehicles.COLD,
    });
    assert.equal(what.status, 200, JSON.stringify(what.body));
    assert.equal(what.body.order.orderId, plain);
    assert.ok(
      what.body.order.alternatives.every((a: { vehicleId: string }) => a.vehicleId === fx.vehicles.COLD),
    );
  });

  test('forbidden arcs that force a detour are named as binding', async () => {
    // One van and five clients; the arcs a short tour would take are forbidden.
    const decision = await route({
      orderIds: [fx.orders[1], fx.orders[2], fx.orders[5], fx.orders[6], fx.orders[7]],
      vehicleIds: [fx.vehicles.VAN],
      forbiddenArcs: [
        { from: fx.clients[1], to: fx.clients[2] },
        { from: fx.clients[5], to: fx.clients[6] },
        { from: fx.clients[6], to: fx.clients[7] },
      ],
    });
    assert.equal(decision.status, 'proposed');
    const arcs = decision.constraintChecks.find((x: { name: string }) => x.name === 'forbidden_arcs');
    assert.equal(arcs.status, 'pass');
    const { body } = await call('GET', `/supply/decisions/${decision.id}/explanation`, s.viewer);
    const detour = body.bindingConstraints.find((x: { kind: string }) => x.kind === 'detour');
    assert.ok(detour, JSON.stringify(body.bindingConstraints));
    assert.ok(detour.value > 0);
    assert.match(detour.detail, /forbidden/);
  });
});

describe('a client cut off by forbidden arcs', () => {
  test('is unserved as unreachable, and the rest is routed', async () => {
    const cut = fx.clients[5] as string;
    const others = [fx.clients[1], fx.clients[2], fx.clients[6]] as string[];
    const decision = await route({
      orderIds: [fx.orders[1], fx.orders[2], fx.orders[5], fx.orders[6]],
      forbiddenArcs: [...others, fx.warehouseId].map((to) => ({ from: cut, to })),
    });
    assert.equal(decision.status, 'proposed');
    assert.deepEqual(
      decision.plan.unserved.map((u: { orderId: string; reason: string }) => [u.orderId, u.reason]),
      [[fx.orders[5], 'unreachable']],
    );
    assert.equal(decision.softScores.ordersServed, 3);
  });
});

describe('bad requests', () => {
  const start = (routing: Record<string, unknown>, session = s.analyst) =>
    call('POST', '/supply/decisions', session, {
      type: 'routing',
      routing: { date: ROUTING_DAY, ...routing },
    });

  test('time limits, unknown ids, no vehicles, no orders, wrong vehicles: clear 4xx', async () => {
    for (const timeLimitSeconds of [0, 3600]) {
      const res = await start({ timeLimitSeconds });
      assert.equal(res.status, 400);
      assert.match(res.body.error.message, /timeLimitSeconds must be between 1 and 300/);
    }
    assert.equal((await start({ timeLimitSeconds: 3601 })).status, 400);
    const missing = await call('POST', '/supply/decisions', s.analyst, { type: 'routing' });
    assert.equal(missing.status, 400);
    assert.match(missing.body.error.message, /needs its `routing` part/);
    const unknown = await start({ warehouseId: '00000000-0000-4000-8000-000000000000' });
    assert.match(unknown.body.error.message, /Unknown warehouseId/);
    const noVehicles = await start({ warehouseId: fx.emptyWarehouseId });
    assert.equal(noVehicles.status, 400);
    assert.match(noVehicles.body.error.message, /No available vehicle/);
    const noOrders = await start({ warehouseId: fx.warehouseId, date: '2030-06-05' });
    assert.equal(noOrders.status, 400);
    assert.match(
      noOrders.body.error.message,
      /No confirmed or allocated customer order is requested for 2030-06-05/,
    );
    const broken = await start({ vehicleIds: [fx.vehicles.BIG] });
    assert.equal(broken.status, 400);
    assert.match(broken.body.error.message, /RT-BIG is maintenance/);
    const strangers = await start({ orderIds: ['00000000-0000-4000-8000-000000000001'] });
    assert.match(strangers.body.error.message, /Unknown order/);
    const arcs = await start({
      forbiddenArcs: [{ from: fx.warehouseId, to: '00000000-0000-4000-8000-000000000002' }],
    });
    assert.match(arcs.body.error.message, /neither clients nor warehouses/);
    assert.equal((await start({ seed: -1 })).status, 400);
    assert.equal((await start({ objective: { mode: 'cheapest' } })).status, 400);
    assert.equal((await start({}, s.viewer)).status, 403);
    const replenishing = await call('POST', '/supply/decisions', s.analyst, {
      type: 'replenishment',
      routing: { date: ROUTING_DAY },
    });
    assert.equal(replenishing.status, 400);
  });

  test('another tenant sees none of it', async () => {
    for (const url of [
      `/supply/decisions/${first.id}`,
      `/supply/decisions/${first.id}/routes`,
      `/supply/decisions/${first.id}/explanation?orderId=${fx.orders[1]}`,
    ])
      assert.equal((await call('GET', url, s.other)).status, 404, url);
    assert.equal((await call('POST', `/supply/decisions/${first.id}/reoptimise`, s.other, {})).status, 404);
    const hijack = await call('POST', '/supply/explain', s.other, {
      decisionId: first.id,
      orderId: fx.orders[1],
    });
    assert.equal(hijack.status, 404);
    const theirs = await call('POST', '/supply/decisions', s.other, {
      type: 'routing',
      routing: { date: ROUTING_DAY, orderIds: [fx.orders[1]] },
    });
    assert.equal(theirs.status, 400);
  });
});

describe('approval, execution and re-optimisation', () => {
  let executed: { id: string; routes: ApiRoute[] };

  test('a changed order stops the execution with a 409 naming it', async () => {
    const decision = await route({});
    assert.equal((await call('POST', `/supply/decisions/${decision.id}/approve`, s.analyst, {})).status, 200);
    const order = fx.orders[1] as string;
    const patched = await call('PATCH', `/supply/entities/orders/${order}`, s.analyst, { priority: 1 });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    const refused = await call('POST', `/supply/decisions/${decision.id}/execute`, s.analyst);
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /RT-SO-2 \(changed at/);
  });

  test('approve → execute allocates the orders and creates an assignment per stop', async () => {
    const decision = await route({});
    const { body } = await call('GET', `/supply/decisions/${decision.id}/routes`, s.viewer);
    executed = { id: decision.id, routes: body.routes };
    assert.equal((await call('POST', `/supply/decisions/${decision.id}/execute`, s.analyst)).status, 409);
    assert.equal((await call('POST', `/supply/decisions/${decision.id}/approve`, s.analyst, {})).status, 200);
    const done = await call('POST', `/supply/decisions/${decision.id}/execute`, s.admin);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const stops = executed.routes.flatMap((r) => r.stops.map((x) => ({ ...x, vehicleId: r.vehicleId })));
    assert.equal(done.body.assignmentIds.length, stops.length);
    assert.equal(done.body.decision.status, 'executed');
    for (const stop of stops.slice(0, 4)) {
      const { body: order } = await call('GET', `/supply/entities/orders/${stop.orderId}`, s.viewer);
      assert.equal(order.status, 'allocated');
      const { body: page } = await call(
        'GET',
        `/supply/entities/vehicle-assignments?orderId=${stop.orderId}`,
        s.viewer,
      );
      const planned = page.items.filter((a: { status: string }) => a.status === 'planned');
      assert.equal(planned.length, 1);
      assert.equal(planned[0].vehicleId, stop.vehicleId);
      assert.equal(planned[0].sequence, stop.sequence);
      assert.equal(planned[0].plannedStart, stop.start);
    }
    const { body: stock } = await call(
      'GET',
      `/supply/entities/inventory?warehouseId=${fx.warehouseId}&sku=BOX`,
      s.viewer,
    );
    assert.ok(stock.items[0].reserved > 0);
  });

  test('re-optimising keeps executed stops and moves a broken vehicle’s other stops', async () => {
    const [cold, van] = [
      executed.routes.find((r) => r.vehicleId === fx.vehicles.COLD),
      executed.routes.find((r) => r.vehicleId === fx.vehicles.VAN),
    ];
    assert.ok(cold && van && van.stops.length >= 2, 'both vans are used');
    const started = await call('POST', `/supply/decisions/${executed.id}/reoptimise`, s.analyst, {
      executedStops: [
        { vehicleId: fx.vehicles.COLD, count: 2 },
        { vehicleId: fx.vehicles.VAN, count: 1 },
      ],
      brokenVehicleIds: [fx.vehicles.VAN],
      removeOrderIds: [fx.bad.hazmat],
      timeLimitSeconds: 1,
    });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const next = await settled(started.body.id);
    assert.equal(next.status, 'proposed', next.errorMessage);
    assert.equal(next.plan.reoptimisedFrom, executed.id);
    const { body } = await call('GET', `/supply/decisions/${next.id}/routes`, s.viewer);
    const coldNext = body.routes.find((r: ApiRoute) => r.vehicleId === fx.vehicles.COLD);
    assert.deepEqual(
      coldNext.stops.slice(0, 2).map((x: ApiStop) => [x.orderId, x.fixed]),
      cold.stops.slice(0, 2).map((x) => [x.orderId, true]),
    );
    assert.ok(coldNext.stops.slice(2).every((x: ApiStop) => !x.fixed));
    const vanNext = body.routes.find((r: ApiRoute) => r.vehicleId === fx.vehicles.VAN);
    assert.equal(vanNext.closed, true);
    assert.deepEqual(
      vanNext.stops.map((x: ApiStop) => [x.orderId, x.fixed]),
      [[van.stops[0]?.orderId, true]],
    );
    // The van's other stops went to the cold van or are unserved with a reason.
    const moved = van.stops.slice(1).map((x) => x.orderId);
    const unserved = new Set(body.unserved.map((u: { orderId: string }) => u.orderId));
    for (const id of moved)
      assert.ok(coldNext.stops.some((x: ApiStop) => x.orderId === id) || unserved.has(id));
    assert.equal(unserved.has(fx.bad.hazmat), false, 'removed from the plan');
    for (const c of next.constraintChecks.filter((x: { kind: string }) => x.kind === 'hard'))
      assert.equal(c.status, 'pass', `${c.name}: ${c.detail}`);
    const fixed = next.constraintChecks.find((x: { name: string }) => x.name === 'fixed_stops');
    assert.equal(fixed.status, 'pass');
    // Executing the new plan moves the orders' planned assignments; kept stops keep theirs.
    assert.equal((await call('POST', `/supply/decisions/${next.id}/approve`, s.analyst, {})).status, 200);
    const done = await call('POST', `/supply/decisions/${next.id}/execute`, s.analyst);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const active = async (orderId: string) => {
      const { body: page } = await call(
        'GET',
        `/supply/entities/vehicle-assignments?orderId=${orderId}`,
        s.viewer,
      );
      return page.items.filter((a: { status: string }) => a.status !== 'cancelled');
    };
    const kept = cold.stops[0]?.orderId as string;
    assert.deepEqual(
      (await active(kept)).map((a: { vehicleId: string }) => a.vehicleId),
      [fx.vehicles.COLD],
    );
    // The broken van's other stops: planned on the cold van now, or no longer planned (unserved).
    for (const id of moved) {
      const stop = coldNext.stops.find((x: ApiStop) => x.orderId === id);
      assert.deepEqual(
        (await active(id)).map((a: { vehicleId: string; sequence: number }) => [a.vehicleId, a.sequence]),
        stop ? [[fx.vehicles.COLD, stop.sequence]] : [],
        id,
      );
    }
  });

  test('asOf keeps the stops already started; bad re-optimisations are refused', async () => {
    const cold = executed.routes.find((r) => r.vehicleId === fx.vehicles.COLD) as ApiRoute;
    const asOf = cold.stops[0]?.start as string;
    const started = await call('POST', `/supply/decisions/${executed.id}/reoptimise`, s.analyst, {
      asOf,
      timeLimitSeconds: 1,
    });
    assert.equal(started.status, 202);
    const next = await settled(started.body.id);
    const { body } = await call('GET', `/supply/decisions/${next.id}/routes`, s.viewer);
    const coldNext = body.routes.find((r: ApiRoute) => r.vehicleId === fx.vehicles.COLD);
    assert.equal(coldNext.stops[0].orderId, cold.stops[0]?.orderId);
    assert.equal(coldNext.stops[0].fixed, true);
    for (const r of body.routes as ApiRoute[])
      for (const x of r.stops) if (!x.fixed) assert.ok(x.start >= asOf, 'nothing new starts before asOf');
    const both = await call('POST', `/supply/decisions/${executed.id}/reoptimise`, s.analyst, {
      asOf,
      executedStops: [{ vehicleId: fx.vehicles.COLD, count: 1 }],
    });
    assert.equal(both.status, 400);
    const tooMany = await call('POST', `/supply/decisions/${executed.id}/reoptimise`, s.analyst, {
      executedStops: [{ vehicleId: fx.vehicles.COLD, count: 99 }],
    });
    assert.match(tooMany.body.error.message, /cannot have been executed/);
    const removeDone = await call('POST', `/supply/decisions/${next.id}/reoptimise`, s.analyst, {
      removeOrderIds: [cold.stops[0]?.orderId],
    });
    assert.equal(removeDone.status, 409);
    const stranger = await call('POST', `/supply/decisions/${executed.id}/reoptimise`, s.analyst, {
      brokenVehicleIds: [fx.vehicles.BIG],
    });
    assert.equal(stranger.status, 400);
    const zero = await call('POST', `/supply/decisions/${executed.id}/reoptimise`, s.analyst, {
      timeLimitSeconds: 0,
    });
    assert.equal(zero.status, 400);
  });
});

describe('the demo delivery day', () => {
  test('a routing decision over every warehouse runs at once on the demo data', async () => {
    const demo = await createTestTenant(t.database.db, 'routing-demo');
    const planner = await signIn(t.app, demo.users.analyst.email);
    const today = formatDay(Date.now());
    const seeded = await seedDemoSupply(t.database.db, { tenantId: demo.id, today });
    const tomorrow = formatDay(Date.parse(`${today}T00:00:00Z`) + 86_400_000);
    const started = await call('POST', '/supply/decisions', planner, {
      type: 'routing',
      routing: { date: tomorrow, timeLimitSeconds: 2 },
    });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const decision = await eventually(
      async () => {
        const { body } = await call('GET', `/supply/decisions/${started.body.id}`, planner);
        return body.status === 'pending' ? undefined : body;
      },
      'demo routing decision',
      LONG,
    );
    assert.equal(decision.status, 'proposed', decision.errorMessage);
    assert.equal(decision.scope.warehouseIds.length, 3);
    // Tomorrow's deliveries plus the earlier demo orders due tomorrow.
    assert.ok(decision.plan.problemSize.orders >= seeded.deliveries);
    assert.ok(decision.plan.unserved.length <= decision.plan.problemSize.orders * 0.1, decision.summary);
    for (const c of decision.constraintChecks.filter((x: { kind: string }) => x.kind === 'hard'))
      assert.equal(c.status, 'pass', `${c.name}: ${c.detail}`);
    const { body } = await call('GET', `/supply/decisions/${decision.id}/routes`, planner);
    assert.equal(body.depots.length, 3);
    assert.ok(body.routes.length >= 6);
    const { body: orders } = await call(
      'GET',
      `/supply/entities/orders?from=${tomorrow}&to=${tomorrow}&limit=200`,
      planner,
    );
    const warehouseOf = new Map(
      orders.items.map((o: { id: string; warehouseId: string }) => [o.id, o.warehouseId]),
    );
    for (const r of body.routes as (ApiRoute & { depotId: string })[])
      for (const stop of r.stops)
        assert.equal(warehouseOf.get(stop.orderId), r.depotId, 'goods leave from their own warehouse');
  });
});
