import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSolution, evaluateRoute, summarise } from './index.ts';
import { order, problem, vehicle, win } from './testing.ts';
import type { RoutingProblem, RoutingSolution, Unserved, Violation } from './types.ts';

/** A solution assembled by hand: the given sequences scheduled as the engine would. */
function handMade(
  p: RoutingProblem,
  plan: Array<[string, string[]]>,
  unserved: string[] = [],
): RoutingSolution {
  const routes = plan.map(([v, ids]) => evaluateRoute(p, v, ids).route);
  const u: Unserved[] = unserved.map((orderId) => ({ orderId, reason: 'time_window', detail: '' }));
  return {
    routes,
    unserved: u,
    objective: summarise(p, routes, u),
    stats: { iterations: 0, firstFeasibleMs: 0, bestFoundMs: 0, elapsedMs: 0, seed: 1 },
  };
}

const kinds = (vs: Violation[]) => [...new Set(vs.map((v) => v.constraint))].sort();

describe('feasibility checker', () => {
  const base = () => problem([order('a', 10, 0), order('b', 10, 10), order('c', 0, 10)]);

  test('a feasible hand-made plan passes, with distance and times recomputed', () => {
    const p = base();
    const s = handMade(p, [['v1', ['a', 'b', 'c']]]);
    assert.deepEqual(checkSolution(p, s), []);
    assert.ok(Math.abs((s.routes[0]?.distance ?? 0) - 40) < 1e-9);
    assert.equal(s.routes[0]?.returnTime, 40);
  });

  test('capacity (weight and volume) above the vehicle', () => {
    const p = base();
    p.vehicles = [vehicle('v1', { capacity: [2, 100] })];
    assert.deepEqual(kinds(checkSolution(p, handMade(p, [['v1', ['a', 'b', 'c']]]))), ['capacity']);
    p.vehicles = [vehicle('v1', { capacity: [100, 1] })];
    p.orders = p.orders.map((o) => ({ ...o, demand: [1, 1] }));
    assert.deepEqual(kinds(checkSolution(p, handMade(p, [['v1', ['a', 'b', 'c']]]))), ['capacity']);
  });

  test('a service outside every time window', () => {
    const p = base();
    p.orders[2] = order('c', 0, 10, { windows: [win(0, 5), win(12, 25)] });
    const v = checkSolution(p, handMade(p, [['v1', ['a', 'b', 'c']]]));
    assert.deepEqual(kinds(v), ['time_window']);
    assert.equal(v[0]?.orderId, 'c');
    // Visited first, c is reached at 10 and waits for its second window.
    const ok = handMade(p, [['v1', ['c', 'b', 'a']]]);
    assert.deepEqual(checkSolution(p, ok), []);
    assert.deepEqual([ok.routes[0]?.stops[0]?.start, ok.routes[0]?.stops[0]?.windowIndex], [12, 1]);
  });

  test('a return after the shift end or the depot closing', () => {
    const p = base();
    p.vehicles = [vehicle('v1', { shift: win(0, 35) })];
    assert.deepEqual(kinds(checkSolution(p, handMade(p, [['v1', ['a', 'b', 'c']]]))), ['shift']);
    const q = base();
    q.depots = [{ id: 'D', location: { x: 0, y: 0 }, open: win(0, 30) }];
    assert.deepEqual(kinds(checkSolution(q, handMade(q, [['v1', ['a', 'b', 'c']]]))), ['shift']);
  });

  test('a departure before the shift starts', () => {
    const p = base();
    p.vehicles = [vehicle('v1', { shift: win(50, 1000) })];
    const s = handMade(p, [['v1', ['a']]], ['b', 'c']);
    const r = s.routes[0];
    assert.ok(r);
    r.departure -= 20;
    for (const stop of r.stops) {
      stop.arrival -= 20;
      stop.start -= 20;
      stop.departure -= 20;
    }
    r.returnTime -= 20;
    s.objective = summarise(p, s.routes, s.unserved);
    assert.deepEqual(kinds(checkSolution(p, s)), ['shift']);
  });

  test('the driving limit', () => {
    const p = base();
    p.vehicles = [vehicle('v1', { maxDrivingMinutes: 30 })];
    assert.deepEqual(kinds(checkSolution(p, handMade(p, [['v1', ['a', 'b', 'c']]]))), ['driving_limit']);
  });

  test('features the vehicle lacks', () => {
    const p = base();
    p.orders[1] = order('b', 10, 10, { requiredFeatures: ['refrigerated'] });
    const v = checkSolution(p, handMade(p, [['v1', ['a', 'b', 'c']]]));
    assert.deepEqual(kinds(v), ['compatibility']);
    assert.equal(v[0]?.orderId, 'b');
  });

  test('a forbidden arc and a forbidden zone (unless the vehicle is allowed through)', () => {
    const p = base();
    p.forbiddenArcs = [['b', 'a']];
    assert.deepEqual(kinds(checkSolution(p, handMade(p, [['v1', ['a', 'b', 'c']]]))), ['forbidden_arc']);
    const zone = {
      id: 'z',
      polygon: [win(4, -1), win(6, -1), win(6, 1), win(4, 1)].map((w) => ({ x: w.start, y: w.end })),
    };
    const q = base();
    q.forbiddenZones = [zone];
    assert.deepEqual(kinds(checkSolution(q, handMade(q, [['v1', ['a', 'b', 'c']]]))), ['forbidden_zone']);
    q.forbiddenZones = [{ ...zone, allowedFeatures: ['permit'] }];
    q.vehicles = [vehicle('v1', { features: ['permit'] })];
    assert.deepEqual(checkSolution(q, handMade(q, [['v1', ['a', 'b', 'c']]])), []);
  });

  test('an order twice, or routed and unserved, or neither', () => {
    const p = base();
    assert.deepEqual(kinds(checkSolution(p, handMade(p, [['v1', ['a', 'b', 'c', 'a']]]))), ['duplicate']);
    assert.deepEqual(kinds(checkSolution(p, handMade(p, [['v1', ['a', 'b', 'c']]], ['a']))), ['duplicate']);
    const missing = checkSolution(p, handMade(p, [['v1', ['a', 'b']]]));
    assert.deepEqual(kinds(missing), ['missing']);
    assert.equal(missing[0]?.orderId, 'c');
  });

  test('fixed stops not kept as the prefix, or new stops on a closed vehicle', () => {
    const p = base();
    p.vehicles = [vehicle('v1', { fixedOrderIds: ['b', 'a'] })];
    assert.deepEqual(kinds(checkSolution(p, handMade(p, [['v1', ['a', 'b', 'c']]]))), ['fixed_stops']);
    assert.deepEqual(checkSolution(p, handMade(p, [['v1', ['b', 'a', 'c']]])), []);
    p.vehicles = [vehicle('v1', { fixedOrderIds: ['b', 'a'], closed: true })];
    assert.deepEqual(kinds(checkSolution(p, handMade(p, [['v1', ['b', 'a', 'c']]]))), ['fixed_stops']);
  });

  test('reported figures that do not match the recomputation', () => {
    const p = base();
    const tamper: Array<(s: RoutingSolution) => void> = [
      (s) => {
        (s.routes[0] as { distance: number }).distance += 1;
      },
      (s) => {
        const stop = s.routes[0]?.stops[1];
        if (stop) stop.arrival -= 1;
      },
      (s) => {
        const stop = s.routes[0]?.stops[0];
        if (stop) stop.loadAfter = [0, 0];
      },
      (s) => {
        s.objective.distance += 0.01;
      },
    ];
    for (const t of tamper) {
      const s = handMade(p, [['v1', ['a', 'b', 'c']]]);
      t(s);
      assert.deepEqual(kinds(checkSolution(p, s)), ['arithmetic']);
    }
  });

  test('evaluateRoute reports the violations of a given sequence', () => {
    const p = base();
    p.vehicles = [vehicle('v1', { capacity: [2, 100] })];
    const r = evaluateRoute(p, 'v1', ['a', 'b', 'c']);
    assert.equal(r.feasible, false);
    assert.deepEqual(kinds(r.violations), ['capacity']);
    assert.equal(evaluateRoute(p, 'v1', ['a', 'b']).feasible, true);
  });
});
