import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from '../../../platform/property-testing.ts';
import { checkSolution, construct, solve } from './index.ts';
import { createRng } from './prng.ts';
import { order, problem, vehicle, win } from './testing.ts';
import type { RoutingOrder, RoutingProblem, RoutingSolution, UnservedReason } from './types.ts';

const sequences = (s: RoutingSolution) =>
  s.routes.map((r) => `${r.vehicleId}:${r.stops.map((x) => x.orderId).join(',')}`);
const reasonOf = (s: RoutingSolution, id: string) => s.unserved.find((u) => u.orderId === id)?.reason;

const square = (x: number, y: number, h: number) => [
  { x: x - h, y: y - h },
  { x: x + h, y: y - h },
  { x: x + h, y: y + h },
  { x: x - h, y: y + h },
];

/** A random small instance with every kind of hard constraint, two depots, every objective term. */
function randomInstance(seed: number, orders: number): RoutingProblem {
  const rng = createRng(seed);
  const os: RoutingOrder[] = [];
  for (let k = 0; k < orders; k++) {
    const x = rng.int(41) - 20;
    const y = rng.int(41) - 20;
    const windows = [];
    const nw = rng.int(3);
    let t = rng.int(60);
    for (let w = 0; w < nw; w++) {
      const len = 10 + rng.int(40);
      windows.push(win(t, t + len));
      t += len + 10 + rng.int(60);
    }
    os.push(
      order(`o${k}`, x, y, {
        demand: [1 + rng.int(9), rng.int(4)],
        windows,
        serviceMinutes: rng.int(6),
        ...(rng.next() < 0.2 ? { requiredFeatures: ['cold'] } : {}),
        ...(rng.next() < 0.3 ? { priority: 1 + rng.int(5) } : {}),
      }),
    );
  }
  const vs = [
    vehicle('v1', { capacity: [20 + rng.int(20), 10], features: ['cold'], shift: win(0, 240) }),
    vehicle('v2', { capacity: [20 + rng.int(20), 8], shift: win(rng.int(30), 200 + rng.int(100)) }),
    vehicle('v3', {
      capacity: [15, 100],
      maxDrivingMinutes: 80 + rng.int(60),
      shift: win(0, 300),
      depotId: 'E',
    }),
    vehicle('v4', { capacity: [25, 100], fixedCost: 30, costPerKm: 0.7, costPerHour: 12, co2PerKm: 0.3 }),
  ];
  const arcs: Array<[string, string]> = [];
  for (let k = 0; k < orders / 3; k++)
    arcs.push([`o${rng.int(orders)}`, rng.next() < 0.3 ? 'D' : `o${rng.int(orders)}`]);
  return problem(os, vs, {
    depots: [
      { id: 'D', location: { x: 0, y: 0 } },
      { id: 'E', location: { x: 15, y: -10 }, open: win(10, 280) },
    ],
    objective: {
      mode: seed % 2 ? 'weighted' : 'hierarchical',
      weights: { distance: 1, time: 0.1, co2: 1, risk: 2, cost: 0.5 },
    },
    riskZones: [{ polygon: square(-5, 5, 4), riskPerKm: 3 }],
    forbiddenArcs: arcs,
    forbiddenZones: [
      {
        id: 'centre',
        polygon: square(8, 0, 3),
        allowedFeatures: ['cold'],
      },
    ],
  });
}

describe('solver', () => {
  test('its output always passes the independent checker (random instances, every constraint)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 14 }), (seed, n) => {
        const p = randomInstance(seed, n);
        for (const s of [construct(p), solve(p, { seed, maxIterations: 150 })]) {
          assert.deepEqual(checkSolution(p, s), [], `seed ${seed}, ${n} orders`);
          assert.equal(s.routes.reduce((a, r) => a + r.stops.length, 0) + s.unserved.length, n);
        }
      }),
      { numRuns: 60, seed: 17 },
    );
  });

  test('small instances are solved to the optimum found by brute force', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const rng = createRng(seed);
      const os = Array.from({ length: 5 + (seed % 3) }, (_, k) => {
        const t = rng.int(100);
        const kind = rng.next();
        const windows =
          kind < 0.4
            ? [win(t, t + 30 + rng.int(60))]
            : kind < 0.7
              ? [win(t, t + 15), win(t + 60 + rng.int(40), t + 120 + rng.int(40))]
              : [];
        return order(`o${k}`, rng.int(41) - 20, rng.int(41) - 20, {
          demand: [1 + rng.int(5), 0],
          windows,
          serviceMinutes: rng.int(5),
        });
      });
      const vs = [
        vehicle('v1', { capacity: [10, 0] }),
        vehicle('v2', { capacity: [10, 0] }),
        vehicle('v3', { capacity: [10, 0] }),
      ];
      const p = problem(os, vs);
      const best = bruteForce(p);
      const s = solve(p, { seed, maxIterations: 3000 });
      assert.deepEqual(checkSolution(p, s), []);
      assert.equal(s.unserved.length, 0);
      assert.ok(
        Math.abs(s.objective.distance - best) < 1e-6,
        `seed ${seed}: ${s.objective.distance} vs optimum ${best}`,
      );
    }
  });

  test('the same seed and iteration limit give the same solution, bit for bit', () => {
    const p = randomInstance(42, 14);
    const a = solve(p, { seed: 9, maxIterations: 400 });
    const b = solve(p, { seed: 9, maxIterations: 400 });
    assert.deepEqual(a.routes, b.routes);
    assert.deepEqual(a.unserved, b.unserved);
    assert.deepEqual(a.objective, b.objective);
    assert.equal(a.stats.iterations, 400);
  });

  test('fixed stops stay first, in order, after re-optimisation; a closed vehicle gets nothing new', () => {
    const os = Array.from({ length: 10 }, (_, k) =>
      order(`o${k}`, (k % 5) * 5 - 10, Math.floor(k / 5) * 8 - 4),
    );
    const p = problem(os, [
      vehicle('v1', { fixedOrderIds: ['o9', 'o0'] }),
      vehicle('v2', { fixedOrderIds: ['o4'], closed: true }),
      vehicle('v3'),
    ]);
    const s = solve(p, { seed: 3, maxIterations: 500 });
    assert.deepEqual(checkSolution(p, s), []);
    const v1 = s.routes.find((r) => r.vehicleId === 'v1')?.stops.map((x) => x.orderId) ?? [];
    assert.deepEqual(v1.slice(0, 2), ['o9', 'o0']);
    assert.deepEqual(
      s.routes.find((r) => r.vehicleId === 'v2')?.stops.map((x) => x.orderId),
      ['o4'],
    );
    assert.equal(s.unserved.length, 0);
  });

  test('re-optimisation after an order is added and a vehicle breaks down keeps the executed stops', () => {
    const rng = createRng(11);
    const os = Array.from({ length: 24 }, (_, k) =>
      order(`o${k}`, rng.int(41) - 20, rng.int(41) - 20, {
        demand: [1 + rng.int(4), 0],
        windows: [win(0, 400)],
      }),
    );
    const vs = ['v1', 'v2', 'v3', 'v4'].map((id) => vehicle(id, { capacity: [25, 0] }));
    const first = solve(problem(os, vs), { seed: 2, maxIterations: 300 });
    const executed = new Map(
      first.routes.map((r) => [r.vehicleId, r.stops.slice(0, 2).map((x) => x.orderId)]),
    );
    const broken = first.routes[0]?.vehicleId;
    const again = problem(
      [...os, order('late-add', 3, 4, { demand: [2, 0] })],
      vs.map((v) => ({ ...v, fixedOrderIds: executed.get(v.id) ?? [], closed: v.id === broken })),
    );
    const s = solve(again, { seed: 2, maxIterations: 300 });
    assert.deepEqual(checkSolution(again, s), []);
    assert.equal(s.unserved.length, 0);
    for (const r of s.routes) {
      const fixed = executed.get(r.vehicleId) ?? [];
      assert.deepEqual(
        r.stops.slice(0, fixed.length).map((x) => x.orderId),
        fixed,
      );
      if (r.vehicleId === broken) assert.equal(r.stops.length, fixed.length);
    }
  });

  test('hierarchical: the fleet is minimised (a tight packing into two vehicles)', () => {
    const demands = [6, 6, 4, 4, 3, 3, 2, 2];
    const os = demands.map((d, k) => {
      const a = (k * 2 * Math.PI) / demands.length;
      return order(`o${k}`, Math.round(20 * Math.cos(a)), Math.round(20 * Math.sin(a)), { demand: [d, 0] });
    });
    const vs = ['v1', 'v2', 'v3', 'v4'].map((id) => vehicle(id, { capacity: [15, 0] }));
    const p = problem(os, vs, { objective: { mode: 'hierarchical' } });
    const s = solve(p, { seed: 5, maxIterations: 2000 });
    assert.deepEqual(checkSolution(p, s), []);
    assert.equal(s.objective.vehicles, 2);
    const again = solve(p, { seed: 5, maxIterations: 2000 });
    assert.deepEqual(again.routes, s.routes);
  });

  test('hierarchical: fewest vehicles first', () => {
    const os = Array.from({ length: 8 }, (_, k) => order(`o${k}`, k % 2 === 0 ? 20 : -20, k));
    const p = problem(os, [vehicle('v1'), vehicle('v2')], { objective: { mode: 'hierarchical' } });
    const s = solve(p, { seed: 1, maxIterations: 300 });
    assert.equal(s.objective.vehicles, 1);
    const w = solve({ ...p, objective: { mode: 'weighted' } }, { seed: 1, maxIterations: 300 });
    assert.ok(w.objective.distance <= s.objective.distance);
  });

  test('each kind of bad input is reported with its precise reason', () => {
    const far = 10_000;
    const p = problem(
      [
        order('ok', 5, 5),
        { ...order('nowhere', 0, 0), location: null },
        order('backwards', 1, 1, { windows: [win(50, 10)] }),
        order('heavy', 1, 1, { demand: [500, 0] }),
        order('cold', 1, 1, { requiredFeatures: ['refrigerated'] }),
        order('island', 3, 3),
        order('late', 10, 0, { windows: [win(2000, 2100)] }),
        order('past', 10, 0, { windows: [win(0, 5)] }),
        order('far', far, 0),
        order('cheap', 400, 0, { penalty: 1 }),
      ],
      [vehicle('v1', { shift: win(0, 1000) })],
      {
        forbiddenArcs: [
          'D',
          'ok',
          'nowhere',
          'backwards',
          'heavy',
          'cold',
          'late',
          'past',
          'far',
          'cheap',
        ].map((x) => ['island', x] as [string, string]),
      },
    );
    const s = solve(p, { seed: 1, maxIterations: 50 });
    assert.deepEqual(checkSolution(p, s), []);
    const expected: Record<string, UnservedReason> = {
      nowhere: 'no_coordinates',
      backwards: 'invalid_window',
      heavy: 'over_capacity',
      cold: 'no_compatible_vehicle',
      island: 'unreachable',
      late: 'time_window',
      past: 'time_window',
      far: 'shift_or_driving_limit',
      cheap: 'not_worth_serving',
    };
    for (const [id, reason] of Object.entries(expected)) assert.equal(reasonOf(s, id), reason, id);
    assert.deepEqual(sequences(s), ['v1:ok']);
    const none = solve({ ...p, vehicles: [] }, { seed: 1, maxIterations: 10 });
    assert.ok(none.unserved.every((u) => u.reason === 'no_vehicles' || u.reason === 'no_coordinates'));
    assert.equal(reasonOf(none, 'ok'), 'no_vehicles');
  });

  test('a full fleet leaves orders unserved with the binding reason', () => {
    const os = Array.from({ length: 6 }, (_, k) => order(`o${k}`, k, 1, { demand: [4, 0] }));
    const s = solve(problem(os, [vehicle('v1', { capacity: [10, 10] })]), { seed: 1, maxIterations: 50 });
    assert.equal(s.routes[0]?.stops.length, 2);
    assert.ok(s.unserved.every((u) => u.reason === 'over_capacity'));
  });

  test('haversine and matrix metrics', () => {
    const lonlat = problem([order('a', 2.35, 48.86), order('b', 2.29, 48.86)], [vehicle('v1')], {
      metric: 'haversine',
      depots: [{ id: 'D', location: { x: 2.3, y: 48.85 } }],
    });
    const h = solve(lonlat, { seed: 1, maxIterations: 20 });
    assert.deepEqual(checkSolution(lonlat, h), []);
    assert.ok(h.objective.distance > 9 && h.objective.distance < 16, String(h.objective.distance));
    const m: RoutingProblem = {
      ...problem(
        [
          { ...order('a', 0, 0), location: null, node: 1 },
          { ...order('b', 0, 0), location: null, node: 2 },
        ],
        [vehicle('v1')],
      ),
      metric: 'matrix',
      depots: [{ id: 'D', location: { x: 0, y: 0 }, node: 0 }],
      distanceMatrix: [
        [0, 5, 9],
        [5, 0, 3],
        [9, 3, 0],
      ],
    };
    const r = solve(m, { seed: 1, maxIterations: 20 });
    assert.deepEqual(checkSolution(m, r), []);
    assert.equal(r.objective.distance, 17);
  });
});

/** Optimal total distance over every assignment to identical vehicles, by enumeration. */
function bruteForce(p: RoutingProblem): number {
  const os = p.orders;
  const veh = p.vehicles[0];
  assert.ok(veh);
  const d = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
  const depot = p.depots[0]?.location ?? { x: 0, y: 0 };
  const full = (1 << os.length) - 1;
  // Cheapest feasible single route for each subset, over every visiting order.
  const route = new Array<number>(full + 1).fill(Number.POSITIVE_INFINITY);
  route[0] = 0;
  const walk = (mask: number, at: { x: number; y: number }, time: number, dist: number) => {
    const back = dist + d(at, depot);
    if (mask !== 0 && time + d(at, depot) <= veh.shift.end && back < (route[mask] as number))
      route[mask] = back;
    os.forEach((o, k) => {
      if (mask & (1 << k) || !o.location) return;
      const arrive = time + d(at, o.location);
      const w = o.windows.find((x) => x.end >= arrive);
      if (o.windows.length > 0 && !w) return;
      const start = w ? Math.max(arrive, w.start) : arrive;
      walk(mask | (1 << k), o.location, start + o.serviceMinutes, dist + d(at, o.location));
    });
  };
  walk(0, depot, veh.shift.start, 0);
  for (let mask = 1; mask <= full; mask++) {
    let load = 0;
    os.forEach((o, k) => {
      if (mask & (1 << k)) load += o.demand[0];
    });
    if (load > veh.capacity[0]) route[mask] = Number.POSITIVE_INFINITY;
  }
  // Best split of every subset into at most |vehicles| routes.
  let best = route.slice();
  for (let k = 1; k < p.vehicles.length; k++) {
    const next = best.slice();
    for (let mask = 1; mask <= full; mask++) {
      for (let sub = (mask - 1) & mask; sub > 0; sub = (sub - 1) & mask) {
        const c = (route[sub] as number) + (best[mask ^ sub] as number);
        if (c < (next[mask] as number)) next[mask] = c;
      }
    }
    best = next;
  }
  return best[full] as number;
}
