// Executing an approved routing decision, in the caller's transaction: every routed order must be
// as it was when the plan was made (else 409 naming which changed); confirmed orders are allocated
// (their lines reserved out of available stock, as the order lifecycle does); each stop becomes a
// planned vehicle assignment, replacing the planned assignments an earlier plan gave the order (an
// order the plan leaves unserved loses its planned one). Kept stops keep the assignments they have.
import type { Executor } from '../../../platform/db/database.ts';
import { conflict } from '../../../platform/http/errors.ts';
import type { DecisionRow } from '../decisions/decisions.repo.ts';
import { adjustStock, type OrderRow } from '../entities/stock.repo.ts';
import type { RoutingPlan } from './outcome.ts';
import type { StoredStop } from './records.ts';
import {
  activeAssignments,
  cancelPlannedAssignments,
  insertAssignments,
  lockOrders,
  ROUTABLE_STATUSES,
  routesOf,
  setOrdersAllocated,
} from './routing.repo.ts';

const list = (items: string[]) =>
  items.slice(0, 10).join(', ') + (items.length > 10 ? ` and ${items.length - 10} more` : '');

function changedOrders(stops: StoredStop[], rows: OrderRow[], snapshot: Record<string, string>) {
  const byId = new Map(rows.map((o) => [o.id, o]));
  return stops.flatMap((s) => {
    const name = s.reference ?? s.orderId;
    const order = byId.get(s.orderId);
    if (!order) return [`${name} (deleted)`];
    if (s.fixed) return [];
    if (!(ROUTABLE_STATUSES as readonly string[]).includes(order.status))
      return [`${name} (now ${order.status})`];
    const was = snapshot[s.orderId];
    if (was && order.updatedAt.toISOString() !== was)
      return [`${name} (changed at ${order.updatedAt.toISOString()})`];
    return [];
  });
}

export async function executeRouting(tx: Executor, tenantId: string, decision: DecisionRow) {
  const plan = decision.plan as unknown as RoutingPlan;
  const routes = await routesOf(tx, decision.id);
  const gone = routes.filter((r) => r.vehicleId === null).map((r) => r.vehicleCode);
  if (gone.length > 0) throw conflict(`Vehicle(s) deleted since the plan was made: ${list(gone)}`);
  const stops = routes.flatMap((r) =>
    (r.stops as StoredStop[]).map((s) => ({ ...s, vehicleId: r.vehicleId as string })),
  );
  const orders = await lockOrders(
    tx,
    stops.map((s) => s.orderId),
  );
  const changed = changedOrders(stops, orders, plan.orderSnapshot ?? {});
  if (changed.length > 0)
    throw conflict(
      `Order(s) changed since the plan was made: ${list(changed)}. Re-optimise the decision or start a new one.`,
    );
  const toAllocate = orders.filter((o) => o.status === 'confirmed');
  const short: string[] = [];
  for (const order of toAllocate) {
    const refused = await adjustStock(tx, order.warehouseId, order.lines, {
      reserved: 1,
      requireAvailable: true,
    });
    if (refused.length > 0)
      short.push(`${order.reference ?? order.id} (SKU ${refused.slice(0, 3).join(', ')})`);
  }
  if (short.length > 0) throw conflict(`Not enough available stock to allocate: ${list(short)}`);
  await setOrdersAllocated(
    tx,
    toAllocate.map((o) => o.id),
  );
  // The plan supersedes earlier ones: its moved stops and its unserved orders lose their planned
  // assignments (an unserved order stays allocated, for a later plan).
  const moving = [
    ...stops.filter((s) => !s.fixed).map((s) => s.orderId),
    ...(plan.unserved ?? []).map((u) => u.orderId),
  ];
  await cancelPlannedAssignments(tx, moving);
  // Kept stops: a new assignment only where the order has none on that vehicle yet.
  const keptIds = stops.filter((s) => s.fixed).map((s) => s.orderId);
  const existing = await activeAssignments(tx, keptIds);
  const held = new Set(existing.map((e) => `${e.orderId}|${e.vehicleId}`));
  const assignmentIds = await insertAssignments(
    tx,
    stops
      .filter((s) => !(s.fixed && held.has(`${s.orderId}|${s.vehicleId}`)))
      .map((s) => ({
        tenantId,
        vehicleId: s.vehicleId,
        orderId: s.orderId,
        sequence: s.sequence,
        plannedStart: new Date(s.start),
        plannedEnd: new Date(s.departure),
        status: 'planned',
      })),
  );
  return { orderIds: [...new Set(stops.map((s) => s.orderId))], assignmentIds };
}
