// An independent feasibility checker: it recomputes everything from the problem's raw data with
// its own plain loops (no compiled model, no incremental structures of the solver) and reports
// every broken hard constraint and every reported figure that does not match its recomputation.
import { arcRisk, crossesZone, euclidean, haversineKm } from './distances.ts';
import type { Point, Route, RoutingProblem, RoutingSolution, Violation, Window } from './types.ts';

const REL = 1e-6;
const close = (a: number, b: number) => Math.abs(a - b) <= REL * Math.max(1, Math.abs(a), Math.abs(b));
const atMost = (a: number, b: number) => a <= b + REL * Math.max(1, Math.abs(b));

interface Place {
  id: string;
  location: Point | null;
  node?: number;
}

interface RouteTally {
  violations: Violation[];
  visits: Map<string, number>;
  vehiclesUsed: number;
  sums: { distance: number; time: number; co2: number; risk: number; cost: number };
}

/** Checks routes on their own (used by evaluateRoute too): every hard constraint and figure. */
export function checkRoutes(problem: RoutingProblem, routes: readonly Route[]): RouteTally {
  const out: Violation[] = [];
  // The first order of an id counts, as in the solver.
  const orders = new Map([...problem.orders].reverse().map((o) => [o.id, o]));
  const depots = new Map(problem.depots.map((d) => [d.id, d]));
  const vehicles = new Map(problem.vehicles.map((v) => [v.id, v]));
  const banned = new Set(
    (problem.forbiddenArcs ?? []).flatMap(([a, b]) => [`${a}\u0000${b}`, `${b}\u0000${a}`]),
  );
  const perUnit = 60 / (problem.speedKmh ?? 60);

  const distance = (a: Place, b: Place): number => {
    if (problem.metric === 'matrix') {
      if (a.node === undefined || b.node === undefined) return Number.NaN;
      return a.node === b.node ? 0 : (problem.distanceMatrix?.[a.node]?.[b.node] ?? Number.NaN);
    }
    if (!a.location || !b.location) return Number.NaN;
    if (a.location.x === b.location.x && a.location.y === b.location.y) return 0;
    return problem.metric === 'haversine'
      ? haversineKm(a.location, b.location) * (problem.detourFactor ?? 1.3)
      : euclidean(a.location, b.location);
  };
  const travel = (a: Place, b: Place): number => {
    if (problem.metric === 'matrix' && problem.timeMatrix && a.node !== undefined && b.node !== undefined) {
      return a.node === b.node ? 0 : (problem.timeMatrix[a.node]?.[b.node] ?? Number.NaN);
    }
    return distance(a, b) * perUnit;
  };

  const count = new Map<string, number>();
  const usedVehicles = new Set<string>();
  let vehiclesUsed = 0;
  const sums = { distance: 0, time: 0, co2: 0, risk: 0, cost: 0 };
  for (const route of routes) {
    const vid = route.vehicleId;
    const veh = vehicles.get(vid);
    const say = (constraint: Violation['constraint'], detail: string, orderId?: string) =>
      out.push({ vehicleId: vid, ...(orderId ? { orderId } : {}), constraint, detail });
    if (!veh) {
      say('compatibility', 'unknown vehicle');
      continue;
    }
    if (usedVehicles.has(vid)) say('duplicate', 'the vehicle has two routes');
    usedVehicles.add(vid);
    const depot = depots.get(veh.depotId);
    if (!depot || route.depotId !== veh.depotId) {
      say('compatibility', `route depot ${route.depotId} is not the vehicle's depot`);
      continue;
    }
    if (route.stops.length > 0) vehiclesUsed++;
    const fixed = (veh.fixedOrderIds ?? []).filter((id) => orders.has(id));
    const ids = route.stops.map((s) => s.orderId);
    if (fixed.some((id, k) => ids[k] !== id)) say('fixed_stops', `route must begin with ${fixed.join(', ')}`);
    if (veh.closed && ids.length > fixed.length) say('fixed_stops', 'a closed vehicle got new stops');

    const open: Window = depot.open ?? { start: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY };
    if (!atMost(veh.shift.start, route.departure) || !atMost(open.start, route.departure)) {
      say('shift', `leaves at ${route.departure}, before the shift or depot opens`);
    }
    const features = new Set(veh.features ?? []);
    let load0 = 0;
    let load1 = 0;
    for (const id of ids) {
      load0 += orders.get(id)?.demand[0] ?? 0;
      load1 += orders.get(id)?.demand[1] ?? 0;
    }
    if (!atMost(load0, veh.capacity[0]) || !atMost(load1, veh.capacity[1])) {
      say('capacity', `load ${load0}/${load1} above capacity ${veh.capacity[0]}/${veh.capacity[1]}`);
    }
    if (!close(route.load[0], load0) || !close(route.load[1], load1))
      say('arithmetic', 'reported load differs');

    let prev: Place = depot;
    let t = route.departure;
    let dist = 0;
    let drive = 0;
    let risk = 0;
    let left0 = load0;
    let left1 = load1;
    const arc = (a: Place, b: Place, orderId?: string) => {
      const d = distance(a, b);
      if (banned.has(`${a.id}\u0000${b.id}`))
        say('forbidden_arc', `arc ${a.id} → ${b.id} is forbidden`, orderId);
      for (const z of problem.forbiddenZones ?? []) {
        const allowed = (z.allowedFeatures ?? []).some((f) => features.has(f));
        if (!allowed && a.location && b.location && crossesZone(a.location, b.location, z.polygon)) {
          say('forbidden_zone', `arc ${a.id} → ${b.id} crosses zone ${z.id}`, orderId);
        }
      }
      if (problem.riskZones && a.location && b.location)
        risk += arcRisk(a.location, b.location, d, problem.riskZones);
      dist += d;
      drive += travel(a, b);
      return d;
    };
    for (const stop of route.stops) {
      const order = orders.get(stop.orderId);
      if (!order) {
        say('missing', 'unknown order', stop.orderId);
        continue;
      }
      count.set(order.id, (count.get(order.id) ?? 0) + 1);
      const req = order.requiredFeatures ?? [];
      if (!req.every((f) => features.has(f))) say('compatibility', `needs ${req.join(', ')}`, order.id);
      const before = drive;
      const d = arc(prev, order, order.id);
      if (!close(stop.legDistance, d)) say('arithmetic', 'leg distance differs', order.id);
      if (!close(stop.arrival, t + (drive - before))) say('arithmetic', 'arrival differs', order.id);
      if (!atMost(stop.arrival, stop.start) || !close(stop.wait, stop.start - stop.arrival)) {
        say('arithmetic', 'service starts before arrival or wait differs', order.id);
      }
      if (order.windows.length > 0) {
        const w = order.windows[stop.windowIndex];
        if (!w || !atMost(w.start, stop.start) || !atMost(stop.start, w.end)) {
          say('time_window', `service at ${stop.start} is outside its windows`, order.id);
        }
      }
      if (!close(stop.departure, stop.start + order.serviceMinutes))
        say('arithmetic', 'departure differs', order.id);
      left0 -= order.demand[0];
      left1 -= order.demand[1];
      if (!close(stop.loadAfter[0], left0) || !close(stop.loadAfter[1], left1)) {
        say('arithmetic', 'load after the stop differs', order.id);
      }
      t = stop.departure;
      prev = order;
    }
    if (route.stops.length > 0) {
      const before = drive;
      arc(prev, depot);
      t += drive - before;
    }
    if (!close(route.returnTime, t)) say('arithmetic', `return ${route.returnTime} differs from ${t}`);
    if (!atMost(route.returnTime, veh.shift.end) || !atMost(route.returnTime, open.end)) {
      say('shift', `returns at ${route.returnTime}, after the shift or depot closes`);
    }
    if (!atMost(drive, veh.maxDrivingMinutes ?? Number.POSITIVE_INFINITY)) {
      say('driving_limit', `drives ${drive} min, limit ${veh.maxDrivingMinutes}`);
    }
    const duration = route.returnTime - route.departure;
    const cost =
      (veh.fixedCost ?? 0) + (veh.costPerKm ?? 0) * dist + ((veh.costPerHour ?? 0) * duration) / 60;
    const checks: Array<[string, number, number]> = [
      ['distance', route.distance, dist],
      ['driving minutes', route.drivingMinutes, drive],
      ['duration', route.durationMinutes, duration],
      ['co2', route.co2, (veh.co2PerKm ?? 0) * dist],
      ['risk', route.risk, risk],
      ['cost', route.cost, route.stops.length > 0 ? cost : route.cost],
    ];
    for (const [name, got, want] of checks)
      if (!close(got, want)) say('arithmetic', `${name} ${got} ≠ ${want}`);
    if (route.stops.length > 0) {
      sums.distance += dist;
      sums.time += duration;
      sums.co2 += (veh.co2PerKm ?? 0) * dist;
      sums.risk += risk;
      sums.cost += cost;
    }
  }

  return { violations: out, visits: count, vehiclesUsed, sums };
}

export function checkSolution(problem: RoutingProblem, solution: RoutingSolution): Violation[] {
  const { violations: out, visits: count, vehiclesUsed, sums } = checkRoutes(problem, solution.routes);
  const unserved = new Set<string>();
  for (const u of solution.unserved) {
    if (unserved.has(u.orderId) || count.has(u.orderId)) {
      out.push({
        orderId: u.orderId,
        constraint: 'duplicate',
        detail: 'order both routed and unserved, or twice',
      });
    }
    unserved.add(u.orderId);
  }
  for (const [id, c] of count) {
    if (c > 1) out.push({ orderId: id, constraint: 'duplicate', detail: `order visited ${c} times` });
  }
  for (const o of problem.orders) {
    if (!count.has(o.id) && !unserved.has(o.id)) {
      out.push({
        orderId: o.id,
        constraint: 'missing',
        detail: 'order neither routed nor reported unserved',
      });
    }
  }
  const obj = solution.objective;
  const totals: Array<[string, number, number]> = [
    ['vehicles', obj.vehicles, vehiclesUsed],
    ['distance', obj.distance, sums.distance],
    ['time', obj.time, sums.time],
    ['co2', obj.co2, sums.co2],
    ['risk', obj.risk, sums.risk],
    ['cost', obj.cost, sums.cost],
  ];
  for (const [name, got, want] of totals) {
    if (!close(got, want))
      out.push({ constraint: 'arithmetic', detail: `objective ${name} ${got} ≠ ${want}` });
  }
  return out;
}
