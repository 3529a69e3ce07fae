// A routing request resolved against the tenant's rows before any job runs: the depots, vehicles
// and orders it plans, each checked, with a clear 400 for what cannot be planned at all (an unknown
// id, a vehicle not available, no vehicle, no order, a time limit out of range). What can be
// planned but not served (an order without coordinates, too heavy, needing a feature no vehicle
// has) goes to the job, which reports it unserved with its reason.
import type { Executor } from '../../../platform/db/database.ts';
import { badRequest } from '../../../platform/http/errors.ts';
import type { PlanInput } from './outcome.ts';
import {
  availableVehicles,
  knownPlaces,
  type LoadedOrder,
  openOrders,
  ordersByIds,
  ROUTABLE_STATUSES,
  type VehicleWithStatus,
  vehiclesByIds,
  warehousesByIds,
} from './routing.repo.ts';
import type { RoutingRequest } from './routing.schemas.ts';

export const TIME_LIMIT_SECONDS = { min: 1, max: 300 };

const list = (items: string[], max = 10) =>
  items.slice(0, max).join(', ') + (items.length > max ? ` and ${items.length - max} more` : '');

export function checkTimeLimit(seconds: number | undefined, path: string) {
  if (seconds === undefined) return;
  if (seconds < TIME_LIMIT_SECONDS.min || seconds > TIME_LIMIT_SECONDS.max)
    throw badRequest(
      `timeLimitSeconds must be between ${TIME_LIMIT_SECONDS.min} and ${TIME_LIMIT_SECONDS.max} seconds (got ${seconds}): ` +
        'the search needs at least a second, and a routing decision is not a batch job',
      [{ path, message: `must be ${TIME_LIMIT_SECONDS.min} … ${TIME_LIMIT_SECONDS.max}` }],
    );
}

/** Orders that cannot be routed at all: unknown, not customer orders, not open, elsewhere. */
export function checkOrders(ids: string[], found: LoadedOrder[], depotIds: Set<string>, path: string) {
  const byId = new Map(found.map((o) => [o.id, o]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0)
    throw badRequest(`Unknown order(s): ${list(unknown)}`, [{ path, message: 'unknown order ids' }]);
  const name = (o: LoadedOrder) => o.reference ?? o.id;
  const wrong = found.flatMap((o) => {
    if (o.kind !== 'customer') return [`${name(o)} is a ${o.kind} order`];
    if (!(ROUTABLE_STATUSES as readonly string[]).includes(o.status)) return [`${name(o)} is ${o.status}`];
    if (!depotIds.has(o.warehouseId))
      return [`${name(o)} ships from a warehouse with no vehicle in this plan`];
    return [];
  });
  if (wrong.length > 0)
    throw badRequest(
      `Only confirmed or allocated customer orders from the plan's warehouses can be routed: ${list(wrong)}`,
      [{ path, message: 'orders that cannot be routed' }],
    );
}

function checkVehicles(ids: string[], found: VehicleWithStatus[], warehouseId: string | undefined) {
  const known = new Set(found.map((v) => v.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw badRequest(`Unknown vehicle(s): ${list(unknown)}`, [
      { path: '/body/routing/vehicleIds', message: 'unknown vehicle ids' },
    ]);
  const wrong = found.flatMap((v) => {
    if (v.status !== 'available') return [`${v.code} is ${v.status.replace('_', ' ')}`];
    if (!v.depotId) return [`${v.code} has no depot`];
    if (warehouseId && v.depotId !== warehouseId) return [`${v.code} is based at another warehouse`];
    return [];
  });
  if (wrong.length > 0)
    throw badRequest(`These vehicles cannot be planned: ${list(wrong)}`, [
      { path: '/body/routing/vehicleIds', message: 'vehicles that cannot be planned' },
    ]);
}

export async function resolveRequest(
  tx: Executor,
  request: RoutingRequest,
): Promise<{ input: PlanInput; notes: string[] }> {
  checkTimeLimit(request.timeLimitSeconds, '/body/routing/timeLimitSeconds');
  const notes: string[] = [];
  if (request.warehouseId) {
    const [warehouse] = await warehousesByIds(tx, [request.warehouseId]);
    if (!warehouse)
      throw badRequest('Unknown warehouseId', [
        { path: '/body/routing/warehouseId', message: 'unknown warehouse' },
      ]);
  }
  let vehicles: VehicleWithStatus[];
  if (request.vehicleIds) {
    vehicles = await vehiclesByIds(tx, request.vehicleIds);
    checkVehicles(request.vehicleIds, vehicles, request.warehouseId);
  } else {
    vehicles = await availableVehicles(tx, request.warehouseId ? [request.warehouseId] : undefined);
  }
  const depots = await warehousesByIds(tx, [...new Set(vehicles.map((v) => v.depotId as string))]);
  const placed = depots.filter((d) => d.latitude !== null && d.longitude !== null);
  for (const d of depots.filter((x) => !placed.includes(x)))
    notes.push(`Warehouse ${d.code} has no coordinates: its vehicles are left out`);
  if (request.warehouseId && placed.length === 0 && depots.length > 0)
    throw badRequest('The warehouse has no coordinates: set its latitude and longitude to route from it', [
      { path: '/body/routing/warehouseId', message: 'no coordinates' },
    ]);
  const depotIds = new Set(placed.map((d) => d.id));
  vehicles = vehicles.filter((v) => depotIds.has(v.depotId as string));
  if (vehicles.length === 0)
    throw badRequest(
      request.warehouseId
        ? 'No available vehicle is based at this warehouse: nothing can deliver (add one, or set one available)'
        : 'No available vehicle is based at a warehouse with coordinates: nothing can deliver',
      [{ path: '/body/routing', message: 'no vehicles' }],
    );
  let orders: LoadedOrder[];
  if (request.orderIds) {
    orders = await ordersByIds(tx, request.orderIds);
    checkOrders(request.orderIds, orders, depotIds, '/body/routing/orderIds');
  } else {
    orders = await openOrders(tx, request.date, [...depotIds]);
    if (orders.length === 0)
      throw badRequest(
        `No confirmed or allocated customer order is requested for ${request.date} from ${placed.map((d) => d.code).join(', ')}: nothing to route`,
        [{ path: '/body/routing/date', message: 'no orders' }],
      );
  }
  const places = [...new Set((request.forbiddenArcs ?? []).flatMap((a) => [a.from, a.to]))];
  const known = await knownPlaces(tx, places);
  const strangers = places.filter((id) => !known.has(id));
  if (strangers.length > 0)
    throw badRequest(`forbiddenArcs name ids that are neither clients nor warehouses: ${list(strangers)}`, [
      { path: '/body/routing/forbiddenArcs', message: 'unknown client or warehouse ids' },
    ]);
  return {
    input: {
      date: request.date,
      depotIds: [...depotIds],
      orderIds: orders.map((o) => o.id),
      vehicleIds: vehicles.map((v) => v.id),
    },
    notes,
  };
}
