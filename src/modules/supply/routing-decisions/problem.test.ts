import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateRoute, solve } from '../routing/index.ts';
import { explainPlan } from './explain-plan.ts';
import { orderInsight } from './order-insight.ts';
import {
  buildProblem,
  type DepotRow,
  forbiddenArcs,
  minutesOf,
  type OrderRowForRouting,
  orderLoad,
  orderWindows,
  type ProblemOptions,
  type VehicleRow,
} from './problem.ts';
import { confidence, costBreakdown, instantOf, routeRecords } from './records.ts';

const depot = (id: string, lon: number): DepotRow => ({
  id,
  code: id.toUpperCase(),
  name: id,
  latitude: 52.45,
  longitude: lon,
  operatingHours: [
    { start: '06:00', end: '14:00' },
    { start: '14:00', end: '22:00' },
  ],
});
const vehicle = (id: string, depotId: string, extra: Partial<VehicleRow> = {}): VehicleRow => ({
  id,
  code: id.toUpperCase(),
  type: 'van',
  depotId,
  capacityKg: 1000,
  capacityM3: 10,
  costPerKm: 0.5,
  costPerHour: 20,
  co2PerKm: 0.2,
  shiftStart: '07:00',
  shiftEnd: '17:00',
  maxDrivingHours: 9,
  features: [],
  ...extra,
});
const order = (id: string, extra: Partial<OrderRowForRouting> = {}): OrderRowForRouting => ({
  id,
  reference: id.toUpperCase(),
  warehouseId: 'w1',
  clientId: `c-${id}`,
  clientName: `Client ${id}`,
  latitude: 52.5,
  longitude: -1.8,
  clientWindows: [
    { start: '08:00', end: '10:00' },
    { start: '13:00', end: '15:30' },
  ],
  windowStart: null,
  windowEnd: null,
  serviceMinutes: 10,
  priority: 3,
  requiredFeatures: [],
  weightKg: null,
  volumeM3: null,
  lines: [{ sku: 'A', quantity: 4 }],
  ...extra,
});
const options: ProblemOptions = {
  objective: { mode: 'hierarchical' },
  speedKmh: 50,
  detourFactor: 1.3,
  fixedCostPerVehicle: 0,
  forbiddenArcs: [],
  forbiddenZones: [],
  riskZones: [],
};

test('clock times become minutes; an order window replaces the client windows', () => {
  assert.equal(minutesOf('07:30'), 450);
  assert.equal(minutesOf('24:00'), 1440);
  assert.deepEqual(orderWindows(order('a')), [
    { start: 480, end: 600 },
    { start: 780, end: 930 },
  ]);
  assert.deepEqual(orderWindows(order('a', { windowStart: '09:00', windowEnd: '09:30' })), [
    { start: 540, end: 570 },
  ]);
  assert.deepEqual(
    orderWindows(order('a', { windowStart: '09:00' })).length,
    2,
    'half a window is no window',
  );
});

test('an order weighs its own load, or its lines × the unit loads (defaults for unknown SKUs)', () => {
  const units = new Map([['w1|A', { kg: 2.5, m3: 0.01 }]]);
  assert.deepEqual(orderLoad(order('a'), units), [10, 0.04]);
  assert.deepEqual(orderLoad(order('a', { lines: [{ sku: 'B', quantity: 3 }] }), units), [3, 0.003]);
  assert.deepEqual(orderLoad(order('a', { weightKg: 700, volumeM3: 2 }), units), [700, 2]);
});

test('one depot: no depot features; several: each order only on vehicles of its warehouse', () => {
  const one = buildProblem({
    depots: [depot('w1', -1.84)],
    vehicles: [vehicle('v1', 'w1')],
    orders: [order('a')],
    unitLoads: new Map(),
    options,
  }).problem;
  assert.deepEqual(one.vehicles[0]?.features, []);
  assert.deepEqual(one.depots[0]?.open, { start: 360, end: 1320 });
  assert.deepEqual(one.vehicles[0]?.shift, { start: 420, end: 1020 });
  assert.equal(one.vehicles[0]?.maxDrivingMinutes, 540);
  const two = buildProblem({
    depots: [depot('w1', -1.84), depot('w2', -1.4)],
    vehicles: [vehicle('v1', 'w1'), vehicle('v2', 'w2', { features: ['refrigerated'] })],
    orders: [order('a'), order('b', { warehouseId: 'w2', requiredFeatures: ['refrigerated'] })],
    unitLoads: new Map(),
    options,
  }).problem;
  assert.deepEqual(two.vehicles[1]?.features, ['refrigerated', 'depot:w2']);
  assert.deepEqual(two.orders[1]?.requiredFeatures, ['refrigerated', 'depot:w2']);
  const solved = solve(two, { seed: 1, maxIterations: 200 });
  const on = (id: string) => solved.routes.find((r) => r.stops.some((s) => s.orderId === id))?.vehicleId;
  assert.equal(on('a'), 'v1');
  assert.equal(on('b'), 'v2');
  const why = orderInsight({
    problem: two,
    sequences: { v1: ['a'], v2: ['b'] },
    orderId: 'a',
    vehicleCodes: { v1: 'V1', v2: 'V2' },
    depotCodes: { w1: 'W1', w2: 'W2' },
    evaluate: (v, ids) => {
      const e = evaluateRoute(two, v, ids);
      return { cost: e.route.cost, distance: e.route.distance, violations: e.violations };
    },
  });
  assert.deepEqual(why.alternatives[0]?.constraints, ['depot']);
  assert.equal(why.alternatives[0]?.sentence, 'V2 is based at another warehouse (the goods leave from W1)');
});

test('re-optimisation: kept stops, closed vehicles, no departure before asOf', () => {
  const { problem } = buildProblem({
    depots: [depot('w1', -1.84)],
    vehicles: [vehicle('v1', 'w1'), vehicle('v2', 'w1')],
    orders: [order('a'), order('b')],
    unitLoads: new Map(),
    options,
    continuation: { fixed: new Map([['v1', ['a']]]), closed: new Set(['v1']), notBefore: 600 },
  });
  assert.deepEqual(problem.vehicles[0]?.fixedOrderIds, ['a']);
  assert.equal(problem.vehicles[0]?.closed, true);
  assert.equal(problem.vehicles[0]?.shift.start, 420, 'a vehicle with kept stops keeps its shift');
  assert.equal(problem.vehicles[1]?.shift.start, 600);
});

test('forbidden arcs between clients and warehouses become arcs between orders and depots', () => {
  const orders = [
    { id: 'o1', clientId: 'c1' },
    { id: 'o2', clientId: 'c1' },
    { id: 'o3', clientId: 'c2' },
  ];
  assert.deepEqual(
    forbiddenArcs(
      [
        { from: 'c1', to: 'c2' },
        { from: 'w1', to: 'c2' },
        { from: 'w9', to: 'c1' },
      ],
      orders,
      ['w1'],
    ),
    [
      ['o1', 'o3'],
      ['o2', 'o3'],
      ['w1', 'o3'],
    ],
  );
});

test('records, cost breakdown and explanation of a small solved plan agree with the engine', () => {
  const orders = ['a', 'b', 'c', 'd'].map((id, i) =>
    order(id, { latitude: 52.45 + 0.03 * (i + 1), longitude: -1.84 + 0.02 * i, clientWindows: [] }),
  );
  const { problem, facts } = buildProblem({
    depots: [depot('w1', -1.84)],
    vehicles: [vehicle('v1', 'w1', { capacityKg: 16 }), vehicle('v2', 'w1', { costPerKm: 2 })],
    orders,
    unitLoads: new Map(),
    options: { ...options, fixedCostPerVehicle: 30 },
  });
  const solution = solve(problem, { seed: 3, maxIterations: 500 });
  assert.equal(solution.unserved.length, 0);
  const explanation = explainPlan({
    problem,
    solution,
    evaluate: (v, ids) => {
      const e = evaluateRoute(problem, v, ids);
      return { cost: e.route.cost, distance: e.route.distance, violations: e.violations };
    },
    solveSmall: (small) => solve(small, { seed: 3, maxIterations: 50 }),
    vehicleCodes: { v1: 'V1', v2: 'V2' },
    depotCodes: { w1: 'W1' },
  });
  const records = routeRecords({
    date: '2030-01-02',
    problem,
    solution,
    vehicles: new Map([vehicle('v1', 'w1'), vehicle('v2', 'w1')].map((v) => [v.id, v])),
    facts,
    fixed: new Map(),
    explained: explanation.routes,
  });
  const breakdown = costBreakdown(problem, solution);
  const routed = solution.routes.filter((r) => r.stops.length > 0);
  assert.equal(records.length, routed.length);
  assert.ok(Math.abs(breakdown.total - routed.reduce((a, r) => a + r.cost, 0)) < 0.05);
  assert.equal(breakdown.fixed, 30 * routed.length);
  for (const record of records) {
    assert.equal(record.stops[0]?.arrival.slice(0, 10), '2030-01-02');
    assert.equal(
      record.startAt.getTime(),
      instantOf('2030-01-02', routed[record.position - 1]?.departure ?? 0).getTime(),
    );
    assert.ok(record.utilisation > 0 && record.utilisation <= 1);
  }
  // One vehicle, the cheaper one, carries the four orders (16 kg): full, so its capacity binds; each
  // order's alternative is the dearer van, unused, at a fixed cost of 30 and more.
  assert.deepEqual(
    routed.map((r) => [r.vehicleId, r.load[0]]),
    [['v1', 16]],
  );
  assert.ok(explanation.binding.some((b) => b.kind === 'capacity' && b.vehicleId === 'v1'));
  for (const insight of explanation.orders) {
    assert.equal(insight.vehicleId, 'v1');
    assert.equal(insight.alternatives[0]?.vehicleId, 'v2');
    assert.ok((insight.alternatives[0]?.extraCost ?? 0) > 30);
    assert.match(insight.sentences.join(' '), /best alternative is V2/);
  }
});

test('confidence falls with unserved orders, tight windows and a search cut short', () => {
  const base = {
    routes: [],
    unserved: [],
    objective: { vehicles: 1, distance: 1, time: 1, co2: 0, risk: 0, cost: 1, penalty: 0, total: 1 },
    stats: { iterations: 10, firstFeasibleMs: 1, bestFoundMs: 2, elapsedMs: 1000, seed: 1 },
  };
  const calm = confidence({ solution: base, violations: [], orders: 10, tightStops: 0, timeLimitMs: 1000 });
  assert.equal(calm.value, 0.9);
  const unserved = confidence({
    solution: { ...base, unserved: [{ orderId: 'x', reason: 'over_capacity', detail: '' }] },
    violations: [],
    orders: 10,
    tightStops: 3,
    timeLimitMs: 1000,
  });
  assert.ok(unserved.value < calm.value);
  assert.match(unserved.note, /1 of 10 orders are unserved/);
  assert.match(unserved.note, /3 stop\(s\) start within 5 minutes/);
  const cut = confidence({
    solution: { ...base, stats: { ...base.stats, bestFoundMs: 990 } },
    violations: [],
    orders: 10,
    tightStops: 0,
    timeLimitMs: 1000,
  });
  assert.match(cut.note, /still improving/);
});
