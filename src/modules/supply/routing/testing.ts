// Small factories for the engine's tests: planar problems with readable defaults.
import type { RoutingOrder, RoutingProblem, RoutingVehicle, Window } from './types.ts';

export function order(id: string, x: number, y: number, extra: Partial<RoutingOrder> = {}): RoutingOrder {
  return { id, location: { x, y }, demand: [1, 0], windows: [], serviceMinutes: 0, ...extra };
}

export function vehicle(id: string, extra: Partial<RoutingVehicle> = {}): RoutingVehicle {
  return { id, depotId: 'D', capacity: [100, 100], shift: { start: 0, end: 1000 }, ...extra };
}

export function problem(
  orders: RoutingOrder[],
  vehicles: RoutingVehicle[] = [vehicle('v1')],
  extra: Partial<RoutingProblem> = {},
): RoutingProblem {
  return {
    metric: 'euclidean',
    depots: [{ id: 'D', location: { x: 0, y: 0 } }],
    vehicles,
    orders,
    objective: { mode: 'weighted' },
    ...extra,
  };
}

export const win = (start: number, end: number): Window => ({ start, end });
