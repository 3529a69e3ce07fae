import type { Static } from 'typebox';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db, Executor, Tx } from '../../../platform/db/database.ts';
import {
  type OrderLine,
  supplyClients,
  supplyOrders,
  supplyWarehouses,
} from '../../../platform/db/schema/index.ts';
import { inCallerTenant } from '../../../platform/db/scope.ts';
import { badRequest, conflict } from '../../../platform/http/errors.ts';
import { entityCrud } from './crud.service.ts';
import { hasAssignments, orderOrder, orderWhere } from './entities.repo.ts';
import {
  deletable,
  deliveryOf,
  isFinal,
  linesEditable,
  nextStatuses,
  type OrderKind,
  type OrderStatus,
  stockChange,
} from './lifecycle.ts';
import type { OrderCreate, OrderPatch, OrderQuery } from './orders.schemas.ts';
import { after, checkWindow, defined, mustExist } from './rules.ts';
import { adjustStock, type OrderRow, skusWithoutInventory } from './stock.repo.ts';

// Orders: customer orders to clients, purchase orders from suppliers, transfers into a warehouse;
// their lifecycle (lifecycle.ts) and what each step does to stock, in the transaction of the step.

export type OrderInput = Static<typeof OrderCreate>;
type OrderChanges = Static<typeof OrderPatch>;

/** Purchase and transfer orders change stock: each line needs an inventory row at the warehouse. */
async function checkStocked(tx: Executor, kind: OrderKind, warehouseId: string, lines: readonly OrderLine[]) {
  if (kind === 'customer') return;
  const missing = await skusWithoutInventory(
    tx,
    warehouseId,
    lines.map((l) => l.sku),
  );
  if (missing.length > 0)
    throw badRequest(`No inventory row at this warehouse for SKU ${missing.slice(0, 10).join(', ')}`, [
      { path: '/body/lines', message: 'create the inventory rows first' },
    ]);
}

async function prepareOrder(tx: Tx, input: OrderInput) {
  const kind = input.kind ?? 'customer';
  if (kind === 'customer' && !input.clientId)
    throw badRequest('A customer order needs a clientId', [{ path: '/body/clientId', message: 'required' }]);
  await mustExist(tx, supplyWarehouses, input.warehouseId, 'warehouseId');
  await mustExist(tx, supplyClients, input.clientId, 'clientId');
  checkWindow(input.windowStart, input.windowEnd, 'window');
  await checkStocked(tx, kind, input.warehouseId, input.lines);
  return { ...input, kind, status: input.status ?? 'confirmed' };
}

async function prepareChanges(tx: Tx, body: OrderChanges, current: OrderRow) {
  const { deliveredAt, deliveredQuantity, ...input } = body;
  const kind = current.kind as OrderKind;
  const status = current.status as OrderStatus;
  const target = input.status;
  if (target !== undefined && target !== status && !nextStatuses(kind, status).includes(target)) {
    const allowed = nextStatuses(kind, status);
    throw conflict(
      `A ${kind} order cannot go from ${status} to ${target}` +
        (allowed.length > 0 ? ` (next: ${allowed.join(' or ')})` : ` (${status} is final)`),
    );
  }
  const { status: _status, ...fields } = defined(input);
  const delivering = target === 'delivered' && status !== 'delivered';
  if (!delivering && (deliveredAt !== undefined || deliveredQuantity !== undefined))
    throw badRequest('deliveredAt and deliveredQuantity are given when the order moves to delivered', [
      {
        path: deliveredAt !== undefined ? '/body/deliveredAt' : '/body/deliveredQuantity',
        message: 'only with status: delivered',
      },
    ]);
  if (Object.keys(fields).length > 0 && isFinal(kind, status))
    throw conflict(`A ${status} order does not change any more`);
  const restocking = fields.lines !== undefined || fields.warehouseId !== undefined;
  if (restocking && !linesEditable(kind, status))
    throw conflict(`The lines and warehouse of a ${status} ${kind} order are fixed: it holds stock`);
  if (kind === 'customer' && input.clientId === null)
    throw badRequest('A customer order needs a clientId', [{ path: '/body/clientId', message: 'required' }]);
  await mustExist(tx, supplyWarehouses, input.warehouseId, 'warehouseId');
  await mustExist(tx, supplyClients, input.clientId, 'clientId');
  checkWindow(after(input, current, 'windowStart'), after(input, current, 'windowEnd'), 'window');
  if (restocking)
    await checkStocked(tx, kind, after(input, current, 'warehouseId'), after(input, current, 'lines'));
  if (!delivering) return defined(input);
  const delivery = deliveryOf(current.lines, { deliveredAt, deliveredQuantity }, new Date());
  if (!delivery)
    throw badRequest('deliveredAt is in the future', [
      { path: '/body/deliveredAt', message: 'not after now' },
    ]);
  return { ...defined(input), ...delivery };
}

/** Applies what `order`'s step from `from` does to stock; a 409 when the stock is not there. */
async function moveStock(tx: Executor, order: OrderRow, from: OrderStatus) {
  const change = stockChange(order.kind as OrderKind, from, order.status as OrderStatus);
  if (!change) return;
  const refused = await adjustStock(tx, order.warehouseId, order.lines, change);
  if (refused.length === 0) return;
  const skus = refused.slice(0, 10).join(', ');
  throw conflict(
    change.requireAvailable
      ? `Not enough available stock at the warehouse to allocate SKU ${skus}`
      : `No inventory row at the warehouse for SKU ${skus}`,
  );
}

export function createOrdersService(db: Db) {
  const crud = entityCrud(db, {
    table: supplyOrders,
    noun: 'Order',
    where: (f: Omit<Static<typeof OrderQuery>, 'limit' | 'offset'>) => orderWhere(f),
    order: orderOrder,
    duplicate: 'This order already exists',
    prepare: prepareOrder,
    prepareUpdate: prepareChanges,
    blocker: async (tx, row) => {
      if (!deletable(row.status as OrderStatus))
        return `A ${row.status} order cannot be deleted: cancel it first (shipped and delivered orders are demand history)`;
      return (await hasAssignments(tx, { orderId: row.id }))
        ? 'The order has vehicle assignments: delete them first'
        : null;
    },
  });

  /** Creates an order in `tx`; a confirmed purchase or transfer goes on order at once. */
  async function createIn(tx: Tx, tenantId: string, input: OrderInput): Promise<OrderRow> {
    const order = await crud.insertIn(tx, tenantId, input);
    await moveStock(tx, order, 'draft');
    return order;
  }

  return {
    list: crud.list,
    get: crud.get,
    remove: crud.remove,
    getIn: crud.getIn,
    createIn,
    create: (principal: Principal, input: OrderInput) =>
      inCallerTenant(db, principal, (tx, tenantId) => createIn(tx, tenantId, input)),
    update: (principal: Principal, id: string, input: OrderChanges) =>
      inCallerTenant(db, principal, async (tx) => {
        const before = await crud.getIn(tx, id, true);
        const order = await crud.updateIn(tx, id, input);
        if (order.status !== before.status) await moveStock(tx, order, before.status as OrderStatus);
        return order;
      }),
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
