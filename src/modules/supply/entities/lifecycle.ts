import type { ORDER_KINDS, ORDER_STATUSES } from '../../../platform/db/schema/index.ts';
import type { StockChange } from './stock.repo.ts';

// The order lifecycle: which status may follow which, per kind, and what each step does to stock.
// Pure: the service applies it in the transaction of the change.
//
//   customer  draft → confirmed → allocated → shipped → delivered   (cancelled before shipping)
//   purchase  draft → confirmed → received                          (cancelled before receiving)
//   transfer  draft → confirmed → shipped → received                (cancelled before shipping)
//
// Stock: a confirmed purchase or transfer is on order at its warehouse until received (then on
// hand); allocating a customer order reserves its lines out of the available stock (on hand minus
// reserved), shipping takes them out of on hand, cancelling gives back what the order held.

export type OrderKind = (typeof ORDER_KINDS)[number];
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const NEXT: Record<OrderKind, Partial<Record<OrderStatus, readonly OrderStatus[]>>> = {
  customer: {
    draft: ['confirmed', 'cancelled'],
    confirmed: ['allocated', 'cancelled'],
    allocated: ['shipped', 'cancelled'],
    shipped: ['delivered'],
  },
  purchase: {
    draft: ['confirmed', 'cancelled'],
    confirmed: ['received', 'cancelled'],
  },
  transfer: {
    draft: ['confirmed', 'cancelled'],
    confirmed: ['shipped', 'cancelled'],
    shipped: ['received'],
  },
};

/** The statuses an order of `kind` may move to from `status` (none from a final one). */
export const nextStatuses = (kind: OrderKind, status: OrderStatus): readonly OrderStatus[] =>
  NEXT[kind][status] ?? [];

/** What moving an order from `from` to `to` does to the stock of its lines (null: nothing). */
export function stockChange(kind: OrderKind, from: OrderStatus, to: OrderStatus): StockChange | null {
  if (kind === 'customer') {
    if (to === 'allocated') return { reserved: 1, requireAvailable: true };
    if (from === 'allocated' && to === 'cancelled') return { reserved: -1 };
    if (from === 'allocated' && to === 'shipped') return { onHand: -1, reserved: -1 };
    return null;
  }
  if (to === 'confirmed') return { onOrder: 1 };
  if (from === 'confirmed' && to === 'cancelled') return { onOrder: -1 };
  if (to === 'received') return { onHand: 1, onOrder: -1 };
  return null;
}

/**
 * Whether the order's lines and warehouse may still change: it holds no stock yet (a draft, or a
 * customer order not yet allocated).
 */
export const linesEditable = (kind: OrderKind, status: OrderStatus) =>
  status === 'draft' || (kind === 'customer' && status === 'confirmed');

/** Final statuses: nothing about the order changes any more. */
export const isFinal = (kind: OrderKind, status: OrderStatus) => nextStatuses(kind, status).length === 0;

/** An order may be deleted while it holds no stock and is no history: a draft or a cancelled one. */
export const deletable = (status: OrderStatus) => status === 'draft' || status === 'cancelled';

/** Units an order asks for: the sum of its lines. */
export const orderedQuantity = (lines: readonly { quantity: number }[]) =>
  lines.reduce((sum, line) => sum + line.quantity, 0);

/** How far ahead of the server's clock a delivery time may be (clocks differ a little). */
const DELIVERY_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * What delivering an order records: when it arrived (default `now`) and how many units (default
 * all that were ordered). Fill rate and OTIF are computed from these. Null: the time is refused
 * (in the future).
 */
export function deliveryOf(
  lines: readonly { quantity: number }[],
  given: { deliveredAt?: string | undefined; deliveredQuantity?: number | undefined },
  now: Date,
): { deliveredAt: Date; deliveredQuantity: number } | null {
  const deliveredAt = given.deliveredAt ? new Date(given.deliveredAt) : now;
  if (deliveredAt.getTime() > now.getTime() + DELIVERY_CLOCK_SKEW_MS) return null;
  return { deliveredAt, deliveredQuantity: given.deliveredQuantity ?? orderedQuantity(lines) };
}
