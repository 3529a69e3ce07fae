// The delivery log (admins) and replay: a new delivery of the same notification to the same
// channel and recipient, sent by a job like the first.
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { findChannel } from './channels.repo.ts';
import {
  attemptsOf,
  type DeliveryFilter,
  type DeliveryListRow,
  findDelivery,
  findNotification,
  insertDelivery,
  listDeliveries,
} from './deliveries.repo.ts';
import { type DispatchDeps, enqueueDelivery } from './dispatch.ts';

export function createDeliveriesService({ db, dispatch }: { db: Db; dispatch: DispatchDeps }) {
  async function detail(tx: Tx, id: string): Promise<DeliveryListRow | undefined> {
    const delivery = await findDelivery(tx, id);
    if (!delivery) return undefined;
    const notification = await findNotification(tx, delivery.notificationId);
    const channel = await findChannel(tx, delivery.channelId);
    if (!notification || !channel) return undefined;
    return { delivery, notification, channelName: channel.name };
  }

  return {
    list: (principal: Principal, filter: DeliveryFilter) =>
      readInCallerTenant(db, principal, async (tx) => {
        const page = await listDeliveries(tx, filter);
        const attempts = await attemptsOf(
          tx,
          page.items.map((i) => i.delivery.id),
        );
        return { ...page, attempts };
      }),

    get: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const row = await detail(tx, id);
        if (!row) throw notFound('Delivery');
        return { row, attempts: await attemptsOf(tx, [id]) };
      }),

    replay: (principal: Principal, id: string) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        const original = await detail(tx, id);
        if (!original) throw notFound('Delivery');
        const { delivery } = original;
        if (!['sent', 'failed'].includes(delivery.status))
          throw conflict(`The delivery is ${delivery.status}; only a sent or failed one can be replayed`);
        const channel = await findChannel(tx, delivery.channelId);
        if (!channel?.enabled)
          throw conflict(
            `The channel is disabled (${channel?.disabledReason ?? 'by an admin'}); enable it first`,
          );
        const copy = await insertDelivery(tx, {
          tenantId,
          notificationId: delivery.notificationId,
          channelId: delivery.channelId,
          kind: delivery.kind,
          recipient: delivery.recipient,
          userId: delivery.userId,
          isTest: delivery.isTest,
          status: 'pending',
        });
        await enqueueDelivery(dispatch, tx, copy);
        return { row: { ...original, delivery: copy }, attempts: [] };
      }),
  };
}

export type DeliveriesService = ReturnType<typeof createDeliveriesService>;
