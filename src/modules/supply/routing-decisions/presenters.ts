import { INTERNAL_PLAN_KEYS, type RoutingPlan } from './outcome.ts';
import type { DepotRow } from './problem.ts';
import type { StoredStop } from './records.ts';
import type { RouteRow } from './routing.repo.ts';
import type { RoutingRequest } from './routing.schemas.ts';

// Routing decisions as API bodies: the routes with their stops (what a map and a Gantt chart draw),
// the depots, the unserved orders and the zones of the request; the plan without its large parts.

interface RouteExplanation {
  components?: Record<string, number>;
  closed?: boolean;
  vehicle?: {
    type: string;
    capacityKg: number;
    capacityM3: number;
    shift: { start: string; end: string };
  } | null;
}

const presentStop = (s: StoredStop) => ({
  sequence: s.sequence,
  orderId: s.orderId,
  reference: s.reference ?? null,
  clientId: s.clientId,
  clientName: s.clientName ?? null,
  latitude: s.latitude ?? null,
  longitude: s.longitude ?? null,
  windows: s.windows ?? [],
  windowIndex: s.windowIndex,
  arrival: s.arrival,
  start: s.start,
  departure: s.departure,
  waitMinutes: s.waitMinutes,
  slackMinutes: s.slackMinutes ?? null,
  demandKg: s.demandKg ?? 0,
  demandM3: s.demandM3 ?? 0,
  loadAfterKg: s.loadAfterKg,
  loadAfterM3: s.loadAfterM3,
  legDistanceKm: s.legDistanceKm,
  fixed: s.fixed === true,
});

export function presentRoute(r: RouteRow) {
  const explanation = r.explanation as RouteExplanation;
  const vehicle = explanation.vehicle ?? null;
  return {
    id: r.id,
    position: r.position,
    vehicleId: r.vehicleId,
    vehicleCode: r.vehicleCode,
    vehicleType: vehicle?.type ?? null,
    capacityKg: vehicle?.capacityKg ?? null,
    capacityM3: vehicle?.capacityM3 ?? null,
    shift: vehicle?.shift ?? null,
    depotId: r.depotId,
    startAt: r.startAt.toISOString(),
    endAt: r.endAt.toISOString(),
    distanceKm: r.distanceKm,
    drivingMinutes: r.drivingMinutes,
    durationMinutes: r.durationMinutes,
    loadKg: r.loadKg,
    loadM3: r.loadM3,
    utilisation: r.utilisation,
    co2Kg: r.co2Kg,
    risk: r.risk,
    cost: r.cost,
    costComponents: explanation.components ?? {},
    closed: explanation.closed === true,
    stops: (r.stops as StoredStop[]).map(presentStop),
  };
}

export function presentRoutes(input: {
  decision: { id: string; status: string; constraints: Record<string, unknown> };
  plan: RoutingPlan;
  routes: RouteRow[];
  depots: DepotRow[];
}) {
  const request = input.decision.constraints as unknown as Partial<RoutingRequest>;
  return {
    decisionId: input.decision.id,
    status: input.decision.status,
    date: input.plan.input?.date ?? null,
    depots: input.depots.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      latitude: d.latitude,
      longitude: d.longitude,
    })),
    routes: input.routes.map(presentRoute),
    unserved: input.plan.unserved ?? [],
    zones: [
      ...(request.forbiddenZones ?? []).map((z) => ({ kind: 'forbidden', name: z.name, polygon: z.polygon })),
      ...(request.riskZones ?? []).map((z) => ({ kind: 'risk', name: z.name, polygon: z.polygon })),
    ],
  };
}

/** The decision's plan without its internal parts (the stored problem, per-order insights…). */
export function presentPlan(plan: Record<string, unknown>): Record<string, unknown> {
  const shown = { ...plan };
  for (const key of INTERNAL_PLAN_KEYS) delete shown[key];
  return shown;
}
