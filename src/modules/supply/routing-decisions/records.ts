// The engine's solution as stored rows and decision fields (pure): one route row per used vehicle
// with its stops at ISO instants and their facts, the hard-constraint checks from the independent
// checker with the soft objective components, the cost breakdown, the confidence and the summary.
import type { RouteStopRecord } from '../../../platform/db/schema/supply-ops.ts';
import type { Route, RoutingProblem, RoutingSolution, Unserved, Violation } from '../routing/types.ts';
import type { RouteFacts } from './explain-plan.ts';
import { minutesOf, type OrderFacts, type VehicleRow } from './problem.ts';

/** A stored stop: the schema's record plus what a map and a Gantt chart draw without more calls. */
export interface StoredStop extends RouteStopRecord {
  reference: string | null;
  clientName: string | null;
  latitude: number | null;
  longitude: number | null;
  windows: { start: string; end: string }[];
  slackMinutes: number | null;
  demandKg: number;
  demandM3: number;
}

export interface RouteRecord {
  position: number;
  vehicleId: string;
  vehicleCode: string;
  depotId: string;
  stops: StoredStop[];
  startAt: Date;
  endAt: Date;
  distanceKm: number;
  drivingMinutes: number;
  durationMinutes: number;
  loadKg: number;
  loadM3: number;
  utilisation: number;
  co2Kg: number;
  risk: number;
  cost: number;
  explanation: Record<string, unknown>;
}

/** Minutes from the day's midnight (UTC) → an instant. */
export const instantOf = (date: string, minutes: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + Math.round(minutes * 60_000));

const r2 = (x: number) => Math.round(x * 100) / 100;

export function routeRecords(input: {
  date: string;
  problem: RoutingProblem;
  solution: RoutingSolution;
  vehicles: Map<string, VehicleRow>;
  facts: Map<string, OrderFacts>;
  fixed: Map<string, string[]>;
  explained: Record<string, RouteFacts>;
}): RouteRecord[] {
  const { date, problem, facts } = input;
  const iso = (m: number) => instantOf(date, m).toISOString();
  const used = input.solution.routes.filter((r) => r.stops.length > 0);
  return used.map((route, i) => {
    const vehicle = input.vehicles.get(route.vehicleId);
    const spec = problem.vehicles.find((v) => v.id === route.vehicleId);
    const fixed = new Set(input.fixed.get(route.vehicleId) ?? []);
    const stops = route.stops.map((s, k): StoredStop => {
      const f = facts.get(s.orderId);
      const window = f?.windows[s.windowIndex];
      return {
        orderId: s.orderId,
        clientId: f?.clientId ?? null,
        sequence: k + 1,
        arrival: iso(s.arrival),
        start: iso(s.start),
        departure: iso(s.departure),
        waitMinutes: r2(s.wait),
        windowIndex: s.windowIndex,
        loadAfterKg: r2(s.loadAfter[0]),
        loadAfterM3: Math.round(s.loadAfter[1] * 1e4) / 1e4,
        legDistanceKm: r2(s.legDistance),
        ...(fixed.has(s.orderId) ? { fixed: true } : {}),
        reference: f?.reference ?? null,
        clientName: f?.clientName ?? null,
        latitude: f?.latitude ?? null,
        longitude: f?.longitude ?? null,
        windows: (f?.windows ?? []).map((w) => ({ start: iso(w.start), end: iso(w.end) })),
        slackMinutes: window ? r2(window.end - s.start) : null,
        demandKg: f?.demand[0] ?? 0,
        demandM3: f?.demand[1] ?? 0,
      };
    });
    const capacity = spec?.capacity ?? [0, 0];
    const share = (load: number, cap: number) => (cap > 0 && Number.isFinite(cap) ? load / cap : 0);
    return {
      position: i + 1,
      vehicleId: route.vehicleId,
      vehicleCode: vehicle?.code ?? route.vehicleId,
      depotId: route.depotId,
      stops,
      startAt: instantOf(date, route.departure),
      endAt: instantOf(date, route.returnTime),
      distanceKm: r2(route.distance),
      drivingMinutes: r2(route.drivingMinutes),
      durationMinutes: r2(route.durationMinutes),
      loadKg: r2(route.load[0]),
      loadM3: Math.round(route.load[1] * 1e4) / 1e4,
      utilisation:
        Math.round(Math.max(share(route.load[0], capacity[0]), share(route.load[1], capacity[1])) * 1e4) /
        1e4,
      co2Kg: r2(route.co2),
      risk: r2(route.risk),
      cost: r2(route.cost),
      explanation: {
        ...(input.explained[route.vehicleId] ?? {}),
        closed: spec?.closed === true,
        vehicle: vehicle
          ? {
              type: vehicle.type,
              capacityKg: vehicle.capacityKg,
              capacityM3: vehicle.capacityM3,
              shift: { start: iso(minutesOf(vehicle.shiftStart)), end: iso(minutesOf(vehicle.shiftEnd)) },
            }
          : null,
      },
    };
  });
}

/** Cost components of a route: fixed, distance (km × cost per km), time (the rest of its cost). */
export function costComponents(route: Route, problem: RoutingProblem) {
  const v = problem.vehicles.find((x) => x.id === route.vehicleId);
  const fixed = route.stops.length > 0 ? (v?.fixedCost ?? 0) : 0;
  const distance = route.distance * (v?.costPerKm ?? 0);
  return { fixed: r2(fixed), distance: r2(distance), time: r2(Math.max(0, route.cost - fixed - distance)) };
}

const HARD: { name: string; constraints: Violation['constraint'][]; label: string }[] = [
  { name: 'capacity', constraints: ['capacity'], label: 'Loads within weight and volume capacity' },
  { name: 'time_windows', constraints: ['time_window'], label: 'Service starts within a delivery window' },
  { name: 'shifts', constraints: ['shift'], label: 'Routes within vehicle shifts and depot hours' },
  {
    name: 'driving_limit',
    constraints: ['driving_limit'],
    label: 'Driving time within each vehicle’s limit',
  },
  {
    name: 'compatibility',
    constraints: ['compatibility'],
    label: 'Vehicles have the features their orders need',
  },
  { name: 'forbidden_arcs', constraints: ['forbidden_arc'], label: 'No forbidden arc driven' },
  { name: 'forbidden_zones', constraints: ['forbidden_zone'], label: 'No forbidden zone crossed' },
  {
    name: 'orders_accounted',
    constraints: ['duplicate', 'missing'],
    label: 'Every order routed once or reported unserved',
  },
  { name: 'fixed_stops', constraints: ['fixed_stops'], label: 'Executed stops kept in place' },
  { name: 'consistency', constraints: ['arithmetic'], label: 'Reported times, loads and distances add up' },
];

export interface ConstraintCheckRecord {
  name: string;
  kind: 'hard' | 'soft';
  status: 'pass' | 'fail' | 'info' | 'warn';
  detail: string;
  value: number;
  limit: number | null;
  weight?: number;
}

/** Every hard constraint with pass/fail from the checker's violations; the soft components. */
export function constraintChecks(
  problem: RoutingProblem,
  solution: RoutingSolution,
  violations: Violation[],
) {
  const checks: ConstraintCheckRecord[] = HARD.map((h) => {
    const found = violations.filter((v) => h.constraints.includes(v.constraint));
    return {
      name: h.name,
      kind: 'hard',
      status: found.length === 0 ? 'pass' : 'fail',
      detail:
        found.length === 0
          ? `${h.label}: checked independently, no violation`
          : `${h.label}: ${found.length} violation(s) — ${found
              .slice(0, 5)
              .map((v) => v.detail)
              .join('; ')}`,
      value: found.length,
      limit: 0,
    };
  });
  const o = solution.objective;
  const w = problem.objective.weights ?? {};
  const soft = (name: string, value: number, weight: number, detail: string): ConstraintCheckRecord => ({
    name,
    kind: 'soft',
    status: 'info',
    detail,
    value: r2(value),
    limit: null,
    weight,
  });
  checks.push(
    soft('vehicles', o.vehicles, w.vehicles ?? 0, `${o.vehicles} vehicle(s) used`),
    soft('distance', o.distance, w.distance ?? 1, `${r2(o.distance)} km driven`),
    soft('time', o.time, w.time ?? 0, `${r2(o.time)} minutes on the road`),
    soft('co2', o.co2, w.co2 ?? 0, `${r2(o.co2)} kg of CO2`),
    soft('risk', o.risk, w.risk ?? 0, `risk ${r2(o.risk)}`),
    {
      ...soft(
        'unserved',
        o.penalty,
        1,
        solution.unserved.length === 0
          ? 'Every order is served'
          : `${solution.unserved.length} order(s) unserved, penalty ${r2(o.penalty)}`,
      ),
      status: solution.unserved.length === 0 ? 'info' : 'warn',
    },
  );
  return checks;
}

export function costBreakdown(problem: RoutingProblem, solution: RoutingSolution) {
  const sum = { fixed: 0, distance: 0, time: 0 };
  for (const route of solution.routes) {
    if (route.stops.length === 0) continue;
    const c = costComponents(route, problem);
    sum.fixed += c.fixed;
    sum.distance += c.distance;
    sum.time += c.time;
  }
  // The penalty is what the objective charges for unserved orders, not money spent: apart.
  return {
    fixed: r2(sum.fixed),
    distance: r2(sum.distance),
    time: r2(sum.time),
    penalty: r2(solution.objective.penalty),
    total: r2(sum.fixed + sum.distance + sum.time),
  };
}

/**
 * Confidence that the plan runs as stated: travel times are estimates (great-circle × detour at an
 * average speed), so tight windows lower it; orders left unserved, a checker violation, or a search
 * still improving when its time ran out lower it too. Each reason is named.
 */
export function confidence(input: {
  solution: RoutingSolution;
  violations: Violation[];
  orders: number;
  tightStops: number;
  timeLimitMs: number;
}) {
  const { solution } = input;
  const served = input.orders - solution.unserved.length;
  const reasons: string[] = ['travel times are estimated from straight-line distances'];
  let value = 0.9;
  if (input.orders > 0 && solution.unserved.length > 0) {
    value -= 0.4 * (solution.unserved.length / input.orders);
    reasons.push(`${solution.unserved.length} of ${input.orders} orders are unserved`);
  }
  if (served > 0 && input.tightStops > 0) {
    value -= 0.15 * (input.tightStops / served);
    reasons.push(`${input.tightStops} stop(s) start within 5 minutes of their window's end`);
  }
  const { bestFoundMs, elapsedMs } = solution.stats;
  if (input.timeLimitMs > 0 && elapsedMs >= input.timeLimitMs * 0.95 && bestFoundMs >= elapsedMs * 0.8) {
    value -= 0.1;
    reasons.push(
      'the search was still improving when its time limit ran out (a longer limit may find a cheaper plan)',
    );
  }
  if (input.violations.length > 0) {
    value = Math.min(value, 0.1);
    reasons.push(`the independent check found ${input.violations.length} violation(s)`);
  }
  value = Math.max(0.05, Math.min(0.95, value));
  return {
    value: Math.round(value * 100) / 100,
    note: `Confidence ${Math.round(value * 100)} %: ${reasons.join('; ')}.`,
  };
}

export function summaryOf(input: {
  solution: RoutingSolution;
  orders: number;
  depotCodes: string[];
  date: string;
  total: number;
}) {
  const { solution } = input;
  const served = input.orders - solution.unserved.length;
  const o = solution.objective;
  const unserved =
    solution.unserved.length === 0
      ? 'every order is served'
      : `${solution.unserved.length} unserved (${reasonCounts(solution.unserved)})`;
  return (
    `Routes for ${input.date} from ${input.depotCodes.join(', ')}: ${served} of ${input.orders} orders on ` +
    `${o.vehicles} vehicle(s), ${r2(o.distance)} km, ${r2(o.co2)} kg CO2, operating cost ${r2(input.total)}; ${unserved}.`
  );
}

export function reasonCounts(unserved: Unserved[]) {
  const counts = new Map<string, number>();
  for (const u of unserved) counts.set(u.reason, (counts.get(u.reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason.replaceAll('_', ' ')}`).join(', ');
}
