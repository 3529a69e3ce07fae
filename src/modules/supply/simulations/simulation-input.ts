// From stored rows to the engine's input: the inventory rows of a scope with their last 13 weeks
// of daily demand (resampled by the engine, and behind each item's mean and spread), and each
// warehouse's delivery model calibrated from its vehicles in service and the clients nearest to it.
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { ForecastScope } from '../../../platform/db/schema/index.ts';
import { readInTenant } from '../../../platform/db/scope.ts';
import { loadDemandSeries } from '../entities/demand.repo.ts';
import { throughLastCompleteBucket } from '../forecasts/run-forecast.ts';
import {
  calibrateWarehouse,
  demandStats,
  type LatLon,
  type ModelItem,
  nearestDepot,
  type PreviewNames,
  type SimWarehouse,
} from './engine/index.ts';
import {
  allWarehouses,
  clientsWithCoordinates,
  type InventoryRow,
  inventoryForSimulation,
  linesPerCustomerOrder,
  type VehicleRow,
  vehiclesInService,
  type WarehouseRow,
} from './simulations.repo.ts';

/** Days of recent demand an item's simulated demand is drawn from. */
export const HISTORY_DAYS = 91;

export interface SimulationInput {
  items: ModelItem[];
  warehouses: SimWarehouse[];
  names: PreviewNames;
  notes: string[];
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Shift length in hours ('22:00'–'06:00' wraps past midnight). */
export function shiftHours(start: string, end: string): number {
  const minutes = (minutesOf(end) - minutesOf(start) + 1440) % 1440;
  return minutes === 0 ? 24 : minutes / 60;
}

const located = (w: WarehouseRow): LatLon | null =>
  w.latitude !== null && w.longitude !== null ? { latitude: w.latitude, longitude: w.longitude } : null;

/** The warehouses the items use, by code, with their fleets and clients. */
async function loadFleet(tx: Executor, used: Set<string>) {
  const warehouses = await allWarehouses(tx);
  const vehicles = await vehiclesInService(tx);
  const clients = (await clientsWithCoordinates(tx)).flatMap((c) =>
    c.latitude !== null && c.longitude !== null
      ? [{ latitude: c.latitude, longitude: c.longitude, serviceMinutes: c.serviceMinutes }]
      : [],
  );
  const lines = await linesPerCustomerOrder(tx);
  const depotOf = nearestDepot(warehouses.map(located), clients);
  const inModel = warehouses.filter((w) => used.has(w.id));
  const fleet = inModel.map((w) => {
    const own = clients.filter((_, c) => warehouses[depotOf[c] ?? -1]?.id === w.id);
    const theirs: VehicleRow[] = vehicles.filter((v) => v.depotId === w.id);
    const serviceMinutes =
      own.length > 0 ? own.reduce((a, c) => a + c.serviceMinutes, 0) / own.length : undefined;
    const perOrder = lines.get(w.id);
    return {
      row: w,
      vehicles: theirs,
      model: calibrateWarehouse({
        code: w.code,
        depot: located(w),
        clients: own,
        vehicles: theirs.map((v) => ({
          capacityKg: v.capacityKg,
          costPerKm: v.costPerKm,
          costPerHour: v.costPerHour,
          co2PerKm: v.co2PerKm,
          shiftHours: shiftHours(v.shiftStart, v.shiftEnd),
        })),
        ...(serviceMinutes !== undefined ? { serviceMinutes } : {}),
        ...(perOrder !== undefined ? { linesPerStop: perOrder } : {}),
      }),
    };
  });
  return fleet;
}

/** An inventory row and its recent daily demand as an engine item. */
export function modelItem(row: InventoryRow, warehouse: number, history: number[]): ModelItem {
  const stats = demandStats(history);
  return {
    warehouse,
    history,
    demandMean: stats.mean,
    demandSd: stats.sd,
    leadTimeDays: row.leadTimeDays,
    leadTimeSdDays: row.leadTimeSdDays,
    unitCost: row.unitCost,
    holdingCostRate: row.holdingCostRate,
    orderingCost: row.orderingCost,
    moq: row.moq,
    lotSize: row.lotSize,
    serviceLevel: row.serviceLevel,
    serviceKind: row.serviceKind === 'fill_rate' ? 'fill_rate' : 'cycle',
    policy: row.policy === 'RS' ? 'RS' : 'sQ',
    reviewPeriodDays: row.reviewPeriodDays,
    unitWeightKg: row.unitWeightKg,
    onHand: Math.max(0, row.onHand - row.reserved),
    onOrder: row.onOrder,
  };
}

/**
 * The items of `scope` (at most `limit`, by SKU then warehouse) with their demand, and the
 * delivery model of every warehouse they are stocked at. `withDemand: false` skips the demand
 * history (enough to name the events of a scenario set).
 */
export async function loadSimulationInput(
  db: Db,
  tenantId: string,
  scope: ForecastScope,
  limit: number,
  options: { today?: Date; withDemand?: boolean } = {},
): Promise<SimulationInput> {
  const today = options.today ?? new Date();
  return readInTenant(db, tenantId, async (tx) => {
    const rows = await inventoryForSimulation(tx, scope, limit);
    const series =
      options.withDemand === false
        ? new Map<string, number[]>()
        : new Map(
            (await loadDemandSeries(tx, scope, 'day')).map((s) => [
              s.inventoryId,
              throughLastCompleteBucket(s, 'day', today).slice(-HISTORY_DAYS),
            ]),
          );
    const fleet = await loadFleet(tx, new Set(rows.map((r) => r.warehouseId)));
    const index = new Map(fleet.map((f, i) => [f.row.id, i]));
    const items = rows.map((r) => modelItem(r, index.get(r.warehouseId) ?? 0, series.get(r.id) ?? []));
    const notes: string[] = [];
    const silent = items.filter((i) => i.history.length === 0).length;
    if (options.withDemand !== false && silent > 0)
      notes.push(`${silent} of ${items.length} items have no demand history: they see no demand.`);
    for (const f of fleet)
      if (f.vehicles.length === 0)
        notes.push(
          `${f.row.code} has no vehicle in service: its deliveries are counted on time and not costed.`,
        );
    return {
      items,
      warehouses: fleet.map((f) => f.model),
      names: {
        items: rows.map((r) => `${r.sku} @ ${fleet[index.get(r.warehouseId) ?? 0]?.row.code ?? ''}`),
        warehouses: fleet.map((f) => f.row.code),
        vehicles: fleet.map((f) => f.vehicles.map((v) => v.code)),
      },
      notes,
    };
  });
}
