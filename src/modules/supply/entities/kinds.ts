import type { Static } from 'typebox';
import type { Db } from '../../../platform/db/database.ts';
import {
  supplyClients,
  supplyInventory,
  supplyOrders,
  supplyVehicleAssignments,
  supplyVehicles,
  supplyWarehouses,
  type TimeWindow,
} from '../../../platform/db/schema/index.ts';
import { entityCrud } from './crud.service.ts';
import {
  assignmentOrder,
  assignmentWhere,
  clientHasOrders,
  clientOrder,
  clientWhere,
  hasAssignments,
  inventoryOrder,
  inventoryWhere,
  vehicleOrder,
  vehicleWhere,
  warehouseOrder,
  warehouseReferences,
  warehouseWhere,
} from './entities.repo.ts';
import type {
  ClientCreate,
  ClientPatch,
  ClientQuery,
  InventoryCreate,
  InventoryPatch,
  InventoryQuery,
  VehicleCreate,
  VehiclePatch,
  VehicleQuery,
  WarehouseCreate,
  WarehousePatch,
  WarehouseQuery,
} from './entities.schemas.ts';
import type { AssignmentCreate, AssignmentPatch, AssignmentQuery } from './orders.schemas.ts';
import { after, checkSpan, checkWindow, checkWindows, defined, mustExist } from './rules.ts';

// The entity kinds but orders (orders.service.ts): how each one's input becomes a row, what it
// must refer to, how its list is filtered and what keeps it from being deleted.

type Filter<Q> = Omit<Q, 'limit' | 'offset'>;

/** `input` with the windows of its `field` checked and sorted (when it has them). */
function withWindows<T extends Partial<Record<K, TimeWindow[]>>, K extends string>(input: T, field: K): T {
  const windows = input[field];
  return windows ? { ...input, [field]: checkWindows(windows, field) } : input;
}

export function warehouses(db: Db) {
  return entityCrud(db, {
    table: supplyWarehouses,
    noun: 'Warehouse',
    where: (f: Filter<Static<typeof WarehouseQuery>>) => warehouseWhere(f),
    order: warehouseOrder,
    duplicate: 'A warehouse with this code already exists',
    prepare: async (_tx, input: Static<typeof WarehouseCreate>) => withWindows(input, 'operatingHours'),
    prepareUpdate: async (_tx, input: Static<typeof WarehousePatch>) =>
      withWindows(defined(input), 'operatingHours'),
    blocker: async (tx, row) => {
      const refs = await warehouseReferences(tx, row.id);
      const held = [
        refs.inventory && 'inventory',
        refs.orders && 'orders',
        refs.vehicles && 'vehicles based at it',
        refs.demand && 'demand history',
      ].filter(Boolean);
      return held.length > 0
        ? `Warehouse ${row.code} still has ${held.join(', ')}: delete or move them first`
        : null;
    },
  });
}

export function inventory(db: Db) {
  return entityCrud(db, {
    table: supplyInventory,
    noun: 'Inventory row',
    where: (f: Filter<Static<typeof InventoryQuery>>) => inventoryWhere(f),
    order: inventoryOrder,
    duplicate: 'This SKU already has an inventory row at this warehouse',
    prepare: async (tx, input: Static<typeof InventoryCreate>) => {
      await mustExist(tx, supplyWarehouses, input.warehouseId, 'warehouseId');
      return input;
    },
    prepareUpdate: async (_tx, input: Static<typeof InventoryPatch>) => defined(input),
  });
}

export function vehicles(db: Db) {
  return entityCrud(db, {
    table: supplyVehicles,
    noun: 'Vehicle',
    where: (f: Filter<Static<typeof VehicleQuery>>) => vehicleWhere(f),
    order: vehicleOrder,
    duplicate: 'A vehicle with this code already exists',
    prepare: async (tx, input: Static<typeof VehicleCreate>) => {
      await mustExist(tx, supplyWarehouses, input.depotId, 'depotId');
      checkWindow(input.shiftStart ?? '06:00', input.shiftEnd ?? '18:00', 'shift');
      return input;
    },
    prepareUpdate: async (tx, input: Static<typeof VehiclePatch>, current) => {
      await mustExist(tx, supplyWarehouses, input.depotId, 'depotId');
      checkWindow(after(input, current, 'shiftStart'), after(input, current, 'shiftEnd'), 'shift');
      return defined(input);
    },
    blocker: async (tx, row) =>
      (await hasAssignments(tx, { vehicleId: row.id }))
        ? `Vehicle ${row.code} has assignments: delete them first`
        : null,
  });
}

export function clients(db: Db) {
  return entityCrud(db, {
    table: supplyClients,
    noun: 'Client',
    where: (f: Filter<Static<typeof ClientQuery>>) => clientWhere(f),
    order: clientOrder,
    duplicate: 'A client with this name already exists',
    prepare: async (_tx, input: Static<typeof ClientCreate>) => withWindows(input, 'timeWindows'),
    prepareUpdate: async (_tx, input: Static<typeof ClientPatch>) =>
      withWindows(defined(input), 'timeWindows'),
    blocker: async (tx, row) =>
      (await clientHasOrders(tx, row.id)) ? `Client ${row.name} has orders: delete them first` : null,
  });
}

type AssignmentTimes = {
  plannedStart?: string | null | undefined;
  plannedEnd?: string | null | undefined;
  actualStart?: string | null | undefined;
  actualEnd?: string | null | undefined;
};
const instant = (text: string | null | undefined) => (text == null ? text : new Date(text));
/** The input with its instants as dates (the columns' type). */
function withTimes<T extends AssignmentTimes>(input: T) {
  const { plannedStart, plannedEnd, actualStart, actualEnd, ...rest } = input;
  return {
    ...defined(rest),
    ...defined({
      plannedStart: instant(plannedStart),
      plannedEnd: instant(plannedEnd),
      actualStart: instant(actualStart),
      actualEnd: instant(actualEnd),
    }),
  };
}
const isoOr = (d: Date | null) => d?.toISOString() ?? null;

export function assignments(db: Db) {
  return entityCrud(db, {
    table: supplyVehicleAssignments,
    noun: 'Vehicle assignment',
    where: (f: Filter<Static<typeof AssignmentQuery>>) => assignmentWhere(f),
    order: assignmentOrder,
    duplicate: 'This assignment already exists',
    prepare: async (tx, input: Static<typeof AssignmentCreate>) => {
      await mustExist(tx, supplyVehicles, input.vehicleId, 'vehicleId');
      await mustExist(tx, supplyOrders, input.orderId, 'orderId');
      checkSpan(input.plannedStart, input.plannedEnd, 'planned');
      checkSpan(input.actualStart, input.actualEnd, 'actual');
      return { ...withTimes(input), vehicleId: input.vehicleId, orderId: input.orderId };
    },
    prepareUpdate: async (tx, input: Static<typeof AssignmentPatch>, current) => {
      await mustExist(tx, supplyVehicles, input.vehicleId, 'vehicleId');
      await mustExist(tx, supplyOrders, input.orderId, 'orderId');
      const was = {
        plannedStart: isoOr(current.plannedStart),
        plannedEnd: isoOr(current.plannedEnd),
        actualStart: isoOr(current.actualStart),
        actualEnd: isoOr(current.actualEnd),
      };
      checkSpan(after(input, was, 'plannedStart'), after(input, was, 'plannedEnd'), 'planned');
      checkSpan(after(input, was, 'actualStart'), after(input, was, 'actualEnd'), 'actual');
      return withTimes(input);
    },
  });
}
