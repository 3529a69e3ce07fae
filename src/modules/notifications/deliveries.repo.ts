// Notifications, their deliveries and every delivery attempt. Runs inside the tenant's scope.
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { matchedRows, pageOf } from '../../platform/db/page.ts';
import {
  notificationAttempts,
  notificationChannels,
  notificationDeliveries,
  notifications,
} from '../../platform/db/schema/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInsert = typeof notifications.$inferInsert;
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
export type DeliveryInsert = typeof notificationDeliveries.$inferInsert;
export type AttemptRow = typeof notificationAttempts.$inferSelect;

/** Inserts the notification unless its dedupe key was used already: then undefined (it fired before). */
export async function insertNotification(
  tx: Executor,
  values: NotificationInsert,
): Promise<NotificationRow | undefined> {
  const [row] = await tx
    .insert(notifications)
    .values(values)
    .onConflictDoNothing({ target: [notifications.tenantId, notifications.dedupeKey] })
    .returning();
  return row;
}

export async function findNotification(tx: Executor, id: string): Promise<NotificationRow | undefined> {
  const [row] = await tx.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

/** The most recent notification whose dedupe key starts with `prefix` (episodes of a condition). */
export async function latestNotification(
  tx: Executor,
  prefix: string,
): Promise<{ row: NotificationRow; episodes: number } | undefined> {
  const rows = await tx
    .select({ n: notifications, episodes: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(notifications)
    .where(sql`starts_with(${notifications.dedupeKey}, ${prefix})`)
    .orderBy(desc(notifications.createdAt), desc(notifications.dedupeKey))
    .limit(1);
  const first = rows[0];
  return first ? { row: first.n, episodes: first.episodes } : undefined;
}

export async function setNotificationData(tx: Executor, id: string, data: Record<string, unknown>) {
  await tx.update(notifications).set({ data }).where(eq(notifications.id, id));
}

export async function insertDelivery(tx: Executor, values: DeliveryInsert): Promise<DeliveryRow> {
  const [row] = await tx.insert(notificationDeliveries).values(values).returning();
  if (!row) throw new Error('delivery not inserted');
  return row;
}

export async function findDelivery(tx: Executor, id: string, lock = false): Promise<DeliveryRow | undefined> {
  const q = tx.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateDelivery(tx: Executor, id: string, patch: Partial<DeliveryInsert>) {
  const [row] = await tx
    .update(notificationDeliveries)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(notificationDeliveries.id, id))
    .returning();
  return row;
}

/** Deliveries of a channel still waiting for an attempt: failed when the channel is disabled. */
export async function failWaitingDeliveries(tx: Executor, channelId: string, reason: string) {
  await tx
    .update(notificationDeliveries)
    .set({ status: 'failed', lastError: reason, nextAttemptAt: null, updatedAt: new Date() })
    .where(
      and(
        eq(notificationDeliveries.channelId, channelId),
        inArray(notificationDeliveries.status, ['pending', 'retrying', 'held']),
      ),
    );
}

export async function insertAttempt(tx: Executor, values: typeof notificationAttempts.$inferInsert) {
  await tx.insert(notificationAttempts).values(values);
}

export function attemptsOf(tx: Executor, deliveryIds: string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(notificationAttempts)
    .where(inArray(notificationAttempts.deliveryId, deliveryIds))
    .orderBy(asc(notificationAttempts.id));
}

export interface DeliveryFilter {
  status?: string | undefined;
  channelId?: string | undefined;
  kind?: string | undefined;
  eventKind?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
}

export interface DeliveryListRow {
  delivery: DeliveryRow;
  notification: NotificationRow;
  channelName: string;
}

export async function listDeliveries(tx: Executor, f: DeliveryFilter) {
  const where = and(
    f.status ? eq(notificationDeliveries.status, f.status) : undefined,
    f.channelId ? eq(notificationDeliveries.channelId, f.channelId) : undefined,
    f.kind ? eq(notificationDeliveries.kind, f.kind) : undefined,
    f.eventKind ? eq(notifications.eventKind, f.eventKind) : undefined,
    f.from ? gte(notificationDeliveries.createdAt, f.from) : undefined,
    f.to ? lte(notificationDeliveries.createdAt, f.to) : undefined,
  );
  const rows = await tx
    .select({
      delivery: notificationDeliveries,
      notification: notifications,
      channelName: notificationChannels.name,
      total: matchedRows(),
    })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .innerJoin(notificationChannels, eq(notificationChannels.id, notificationDeliveries.channelId))
    .where(where)
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(f.limit)
    .offset(f.offset);
  return pageOf(
    rows,
    f.offset,
    ({ total: _t, ...r }): DeliveryListRow => r,
    async () => {
      const [row] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(notificationDeliveries)
        .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
        .where(where);
      return row?.n ?? 0;
    },
  );
}

/** Held for a digest: per user, oldest first. */
export function digestBacklog(tx: Executor, userId: string) {
  return tx
    .select({ delivery: notificationDeliveries, notification: notifications })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(and(eq(notificationDeliveries.userId, userId), eq(notificationDeliveries.status, 'digest')))
    .orderBy(asc(notificationDeliveries.createdAt))
    .limit(500);
}

export async function markDigested(tx: Executor, ids: string[], digestId: string) {
  if (ids.length === 0) return;
  await tx
    .update(notificationDeliveries)
    .set({ status: 'digested', digestId, updatedAt: new Date() })
    .where(and(inArray(notificationDeliveries.id, ids), eq(notificationDeliveries.status, 'digest')));
}
