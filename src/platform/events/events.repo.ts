import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { domainEvents, eventReceipts } from '../db/schema/index.ts';

export type EventRow = typeof domainEvents.$inferSelect;

export async function insertEvent(
  tx: Executor,
  values: Pick<
    EventRow,
    'tenantId' | 'aggregateType' | 'aggregateId' | 'eventType' | 'payload' | 'requiredScope'
  >,
): Promise<EventRow> {
  const [row] = await tx.insert(domainEvents).values(values).returning();
  if (!row) throw new Error('event not inserted');
  return row;
}

/** Events not yet delivered to every handler, oldest first, skipping those waiting out a backoff. */
export async function pendingEvents(tx: Executor, limit: number): Promise<EventRow[]> {
  return tx
    .select()
    .from(domainEvents)
    .where(
      and(
        isNull(domainEvents.publishedAt),
        or(isNull(domainEvents.retryAt), lte(domainEvents.retryAt, sql`now()`)),
      ),
    )
    .orderBy(asc(domainEvents.id))
    .limit(limit);
}

/** Records that `consumer` handles `event` now; false when it already did (a redelivery). */
export async function claimReceipt(tx: Executor, consumer: string, event: EventRow): Promise<boolean> {
  const rows = await tx
    .insert(eventReceipts)
    .values({ consumer, eventId: event.id, tenantId: event.tenantId })
    .onConflictDoNothing()
    .returning({ eventId: eventReceipts.eventId });
  return rows.length === 1;
}

export async function markPublished(tx: Executor, id: number) {
  await tx
    .update(domainEvents)
    .set({ publishedAt: sql`now()`, lastError: null, retryAt: null })
    .where(eq(domainEvents.id, id));
}

export async function markAllPublished(tx: Executor, ids: number[]) {
  await tx.update(domainEvents).set({ publishedAt: sql`now()` }).where(inArray(domainEvents.id, ids));
}

export async function markFailed(tx: Executor, id: number, error: string, retryInSeconds: number) {
  await tx
    .update(domainEvents)
    .set({
      attempts: sql`${domainEvents.attempts} + 1`,
      lastError: error.slice(0, 2000),
      retryAt: sql`now() + make_interval(secs => ${retryInSeconds})`,
    })
    .where(eq(domainEvents.id, id));
}

export interface EventFilter {
  type?: string | undefined;
  aggregateType?: string | undefined;
  aggregateId?: string | undefined;
  /** Events with an id greater than this (the last id seen). */
  after?: number | undefined;
  /** The reader's scopes: events that need another one are left out. */
  scopes: readonly string[];
  limit: number;
}

/** A tenant's event history in id order. Runs in the tenant's scope. */
export async function listEvents(tx: Executor, filter: EventFilter): Promise<EventRow[]> {
  return tx
    .select()
    .from(domainEvents)
    .where(
      and(
        filter.type ? eq(domainEvents.eventType, filter.type) : undefined,
        filter.aggregateType ? eq(domainEvents.aggregateType, filter.aggregateType) : undefined,
        filter.aggregateId ? eq(domainEvents.aggregateId, filter.aggregateId) : undefined,
        filter.after !== undefined ? gt(domainEvents.id, filter.after) : undefined,
        inArray(domainEvents.requiredScope, [...filter.scopes]),
        // Only events of transactions that finished before every one still running (see
        // drizzle/0010): a reader paging with `after` never passes an id that commits later.
        sql`written_by_tx < pg_snapshot_xmin(pg_current_snapshot())`,
      ),
    )
    .orderBy(asc(domainEvents.id))
    .limit(filter.limit);
}

export async function findEvent(tx: Executor, id: number): Promise<EventRow | undefined> {
  const [row] = await tx.select().from(domainEvents).where(eq(domainEvents.id, id));
  return row;
}
