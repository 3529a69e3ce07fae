// The demo tenant's supply chain: three warehouses, 200 SKUs stocked at about 300 stock points, a
// fleet of ten, 150 customers, the open orders and tomorrow's deliveries (routing-demo.ts) —
// written in one transaction before the server listens (well under a second). The two years of daily demand are written afterwards by the
// `supply.demo-history` job (demo-history.job.ts); `demo_history_pending` marks them as due.
import { count } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/database.ts';
import {
  supplyClients,
  supplyInventory,
  supplyOrders,
  supplySettings,
  supplyVehicleAssignments,
  supplyVehicles,
  supplyWarehouses,
} from '../../../platform/db/schema/index.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import { DEMO_SEED, type DemoStockPoint, demoCatalogue, demoStockPoints } from './catalogue.ts';
import { formatDay } from './demand-generator.ts';
import { DEMO_CLIENTS, DEMO_VEHICLES, DEMO_WAREHOUSES, type DemoClient } from './network.ts';
import { type DemoOrders, demoOrders } from './orders.ts';
import { deliveryDayOrders, demoUnitLoad, routingDemoClients } from './routing-demo.ts';

export interface DemoSupplySummary {
  /** False when the tenant already had warehouses (nothing was written). */
  created: boolean;
  warehouses: number;
  skus: number;
  inventory: number;
  vehicles: number;
  clients: number;
  /** Open orders: customer and purchase. */
  orders: number;
  /** Tomorrow's customer orders to route (confirmed, not yet on a vehicle). */
  deliveries: number;
  assignments: number;
}

const NOTHING: DemoSupplySummary = {
  created: false,
  warehouses: 0,
  skus: 0,
  inventory: 0,
  vehicles: 0,
  clients: 0,
  orders: 0,
  deliveries: 0,
  assignments: 0,
};

/**
 * Seeds the tenant's supply chain once (does nothing when it has warehouses) and marks its demand
 * history as pending. `today` (`YYYY-MM-DD`, default the current UTC day) dates the open orders.
 */
export async function seedDemoSupply(
  db: Db,
  { tenantId, today = formatDay(Date.now()) }: { tenantId: string; today?: string },
): Promise<DemoSupplySummary> {
  const items = demoCatalogue(DEMO_SEED);
  const planned = demoOrders(demoStockPoints(items, DEMO_SEED), today, DEMO_SEED);
  const clients = [...DEMO_CLIENTS, ...routingDemoClients(DEMO_SEED)];
  const deliveries = deliveryDayOrders(planned.stockPoints, clients, today, DEMO_SEED);
  return inTenant(db, tenantId, async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(supplyWarehouses);
    if ((existing?.n ?? 0) > 0) return NOTHING;
    const warehouseIds = await insertNetwork(tx, tenantId, clients);
    await insertInventory(tx, tenantId, warehouseIds, planned.stockPoints);
    const assignments = await insertOrders(tx, tenantId, warehouseIds, {
      ...planned,
      orders: [...planned.orders, ...deliveries],
    });
    await tx
      .insert(supplySettings)
      .values({ tenantId, demoHistoryPending: true })
      .onConflictDoUpdate({
        target: supplySettings.tenantId,
        set: { demoHistoryPending: true, updatedAt: new Date() },
      });
    return {
      created: true,
      warehouses: DEMO_WAREHOUSES.length,
      skus: items.length,
      inventory: planned.stockPoints.length,
      vehicles: DEMO_VEHICLES.length,
      clients: clients.length,
      orders: planned.orders.length,
      deliveries: deliveries.length,
      assignments,
    };
  });
}

/** Warehouses, vehicles and clients; returns warehouse ids by code. */
async function insertNetwork(tx: Tx, tenantId: string, clients: DemoClient[]): Promise<Map<string, string>> {
  const warehouses = await tx
    .insert(supplyWarehouses)
    .values(DEMO_WAREHOUSES.map((w) => ({ tenantId, ...w })))
    .returning({ id: supplyWarehouses.id, code: supplyWarehouses.code });
  const ids = new Map(warehouses.map((w) => [w.code, w.id]));
  await tx
    .insert(supplyVehicles)
    .values(DEMO_VEHICLES.map(({ depot, ...v }) => ({ tenantId, ...v, depotId: idOf(ids, depot) })));
  await tx.insert(supplyClients).values(clients.map(({ servedFrom: _, ...c }) => ({ tenantId, ...c })));
  return ids;
}

function idOf(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`demo data: no row for ${key}`);
  return id;
}

async function insertInventory(
  tx: Tx,
  tenantId: string,
  warehouseIds: Map<string, string>,
  points: DemoStockPoint[],
) {
  await tx.insert(supplyInventory).values(
    points.map((p) => ({
      tenantId,
      warehouseId: idOf(warehouseIds, p.warehouse),
      sku: p.item.sku,
      description: p.item.description,
      category: p.item.category,
      onHand: p.onHand,
      reserved: p.reserved,
      onOrder: p.onOrder,
      unitCost: p.item.unitCost,
      holdingCostRate: p.item.holdingCostRate,
      orderingCost: p.orderingCost,
      leadTimeDays: p.leadTimeDays,
      leadTimeSdDays: p.leadTimeSdDays,
      serviceLevel: p.item.serviceLevel,
      serviceKind: p.item.serviceKind,
      moq: p.moq,
      lotSize: p.item.lotSize,
      policy: p.item.policy,
      reviewPeriodDays: p.item.reviewPeriodDays,
      supplier: p.item.supplier.name,
      ...demoUnitLoad(p.item),
    })),
  );
}

/** The open orders and the vehicle assignments of the allocated ones; returns the assignments written. */
async function insertOrders(
  tx: Tx,
  tenantId: string,
  warehouseIds: Map<string, string>,
  planned: DemoOrders,
) {
  const clients = await tx.select({ id: supplyClients.id, name: supplyClients.name }).from(supplyClients);
  const clientIds = new Map(clients.map((c) => [c.name, c.id]));
  const vehicles = await tx.select({ id: supplyVehicles.id, code: supplyVehicles.code }).from(supplyVehicles);
  const vehicleIds = new Map(vehicles.map((v) => [v.code, v.id]));
  const orders = await tx
    .insert(supplyOrders)
    .values(
      planned.orders.map(({ client, warehouse, ...o }) => ({
        tenantId,
        ...o,
        clientId: client ? idOf(clientIds, client) : null,
        warehouseId: idOf(warehouseIds, warehouse),
      })),
    )
    .returning({ id: supplyOrders.id, reference: supplyOrders.reference });
  const orderIds = new Map(orders.map((o) => [o.reference ?? '', o.id]));
  if (planned.assignments.length === 0) return 0;
  await tx.insert(supplyVehicleAssignments).values(
    planned.assignments.map((a) => ({
      tenantId,
      vehicleId: idOf(vehicleIds, a.vehicle),
      orderId: idOf(orderIds, a.order),
      sequence: a.sequence,
      plannedStart: a.plannedStart,
      plannedEnd: a.plannedEnd,
      status: 'planned',
    })),
  );
  return planned.assignments.length;
}
