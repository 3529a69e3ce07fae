import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../db/database.ts';
import { deleteInBatches } from '../db/maintenance.ts';
import { domainEvents, eventReceipts } from '../db/schema/index.ts';

export type EventRow = typeof domainEvents.$inferSelect;

type EventValues = Pick<
  EventRow,
  'tenantId' | 'aggregateType' | 'aggregateId' | 'eventType' | 'payload' | 'requiredScope'
>;
/** Rows per INSERT: six parameters each, far below PostgreSQL's 65,535. */
const INSERT_CHUNK = 1000;

/** Inserts the events, a statement per thousand; their rows in the order given (ids ascending). */
export async function insertEvents(tx: Executor, list: readonly EventValues[]): Promise<EventRow[]> {
  const rows: EventRow[] = [];
  for (let at = 0; at < list.length; at += INSERT_CHUNK) {
    const chunk = list.slice(at, at + INSERT_CHUNK);
    const inserted = await tx.insert(domainEvents).values(chunk).returning();
    if (inserted.length !== chunk.length) throw new Error('events not inserted');
    // Ids come from the sequence in the order of the VALUES rows; RETURNING's order is not promised.
    rows.push(...inserted.sort((a, b) => a.id - b.id));
  }
  return rows;
}

/**
 * Claims up to `limit` events that still need delivering, oldest first, for `claimSeconds`: events
 * another process holds are skipped, not delivered twice; a claim left by a crashed process runs out.
 */
export async function claimPending(tx: Executor, limit: number, claimSeconds: number): Promise<EventRow[]> {
  const due = tx
    .select({ id: domainEvents.id })
    .from(domainEvents)
    .where(
      and(
        isNull(domainEvents.publishedAt),
        isNull(domainEvents.deadAt),
        or(isNull(domainEvents.retryAt), lte(domainEvents.retryAt, sql`now()`)),
        or(isNull(domainEvents.claimedUntil), lt(domainEvents.claimedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(domainEvents.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return tx
    .update(domainEvents)
    .set({ claimedUntil: sql`now() + make_interval(secs => ${claimSeconds})` })
    .where(inArray(domainEvents.id, due))
    .returning();
}

// One sequencer at a time, across processes: positions then commit in the order they were given.
const SEQUENCER_LOCK = 727_004;

/**
 * Gives committed events without a place in the history the next positions, in id order. Returns
 * how many it placed. Runs across tenants (positions are global).
 */
export async function assignPositions(tx: Executor, limit: number): Promise<number> {
  const [pending] = await queryRows<{ any: boolean }>(
    tx,
    sql`select exists (select 1 from domain_events where position is null) as any`,
  );
  if (!pending?.any) return 0;
  await tx.execute(sql`select pg_advisory_xact_lock(${SEQUENCER_LOCK})`);
  const placed = await queryRows<{ id: number }>(
    tx,
    sql`update domain_events as d set position = n.position
        from (select id, nextval('domain_events_position_seq') as position
              from (select id from domain_events where position is null order by id limit ${limit}) as o) as n
        where d.id = n.id
        returning d.id`,
  );
  return placed.length;
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
    .set({ publishedAt: sql`now()`, lastError: null, retryAt: null, claimedUntil: null })
    .where(eq(domainEvents.id, id));
}

export async function markAllPublished(tx: Executor, ids: number[]) {
  await tx
    .update(domainEvents)
    .set({ publishedAt: sql`now()`, claimedUntil: null })
    .where(inArray(domainEvents.id, ids));
}

/** A failed delivery: retried after `retryInSeconds`, or dead when `dead` (too many attempts). */
export async function markFailed(
  tx: Executor,
  id: number,
  error: string,
  { retryInSeconds, dead }: { retryInSeconds: number; dead: boolean },
) {
  await tx
    .update(domainEvents)
    .set({
      attempts: sql`${domainEvents.attempts} + 1`,
      lastError: error.slice(0, 2000),
      retryAt: sql`now() + make_interval(secs => ${retryInSeconds})`,
      claimedUntil: null,
      deadAt: dead ? sql`now()` : null,
    })
    .where(eq(domainEvents.id, id));
}

/**
 * A dead event of the tenant delivered again from scratch; false when it has no such dead event.
 * Delivery state is the platform's to write: runs across tenants, filtered by the tenant here.
 */
export async function reviveDead(tx: Executor, tenantId: string, id: number): Promise<boolean> {
  const rows = await tx
    .update(domainEvents)
    .set({ deadAt: null, attempts: 0, retryAt: null, claimedUntil: null })
    .where(and(eq(domainEvents.id, id), eq(domainEvents.tenantId, tenantId), isNotNull(domainEvents.deadAt)))
    .returning({ id: domainEvents.id });
  return rows.length === 1;
}

/** The tenant's dead events, newest first. */
export async function listDead(tx: Executor, limit: number): Promise<EventRow[]> {
  return tx
    .select()
    .from(domainEvents)
    .where(isNotNull(domainEvents.deadAt))
    .orderBy(desc(domainEvents.deadAt), desc(domainEvents.id))
    .limit(limit);
}

export interface EventFilter {
  type?: string | undefined;
  aggregateType?: string | undefined;
  aggregateId?: string | undefined;
  /** Events after this position (the last one seen). */
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
        // Only events with their place in the history (given after commit, in commit order): a
        // reader paging with `after` never passes an event that commits later.
        isNotNull(domainEvents.position),
        filter.after !== undefined ? gt(domainEvents.position, filter.after) : undefined,
        inArray(domainEvents.requiredScope, [...filter.scopes]),
      ),
    )
    .orderBy(asc(domainEvents.position))
    .limit(filter.limit);
}

export async function findEvent(tx: Executor, id: number): Promise<EventRow | undefined> {
  const [row] = await tx.select().from(domainEvents).where(eq(domainEvents.id, id));
  return row;
}

/**
 * Receipts only guard against delivering an event twice; once the event is published and the
 * retention has passed, nothing delivers it again (dead events are never published).
 */
export function pruneReceipts(db: Db, retentionDays: number): Promise<number> {
  return deleteInBatches(
    db,
    'event_receipts',
    (limit) => sql`select r.ctid from event_receipts r join domain_events e on e.id = r.event_id
      where e.published_at < now() - make_interval(days => ${retentionDays}) limit ${limit}`,
  );
}

/** Events still to deliver (not dead) and the age of the oldest, in seconds (0 when none). */
export async function pendingSummary(tx: Executor): Promise<{ pending: number; oldestSeconds: number }> {
  const [row] = await queryRows<{ pending: number; oldest: number | string | null }>(
    tx,
    sql`select count(*)::int as pending, extract(epoch from now() - min(occurred_at))::float8 as oldest
          from domain_events where published_at is null and dead_at is null`,
  );
  return { pending: row?.pending ?? 0, oldestSeconds: Math.max(0, Number(row?.oldest ?? 0)) };
}
