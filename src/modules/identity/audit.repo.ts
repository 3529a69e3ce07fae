import { and, count, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { auditLog } from '../../platform/db/schema/index.ts';

export type AuditRow = typeof auditLog.$inferSelect;
export type AuditEntry = Omit<typeof auditLog.$inferInsert, 'id' | 'occurredAt'>;

export async function insertAuditEntry(tx: Executor, entry: AuditEntry) {
  await tx.insert(auditLog).values(entry);
}

export interface AuditFilter {
  action?: string | undefined;
  actorUserId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Entries older than this id (the previous page's `nextCursor`). */
  before?: number | undefined;
  limit: number;
}

/** Newest first, keyset-paginated by id. Runs in the tenant's scope: RLS limits it to that tenant. */
export async function listAuditEntries(tx: Executor, filter: AuditFilter): Promise<AuditRow[]> {
  const conditions: (SQL | undefined)[] = [
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.actorUserId ? eq(auditLog.actorUserId, filter.actorUserId) : undefined,
    filter.targetType ? eq(auditLog.targetType, filter.targetType) : undefined,
    filter.targetId ? eq(auditLog.targetId, filter.targetId) : undefined,
    filter.from ? gte(auditLog.occurredAt, filter.from) : undefined,
    filter.to ? lte(auditLog.occurredAt, filter.to) : undefined,
    filter.before ? lt(auditLog.id, filter.before) : undefined,
  ];
  return tx
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}

/** How many `action` entries about `subject` (or from `ip`) happened since `since` (rate limits). */
export async function countRecent(
  tx: Executor,
  action: string,
  match: { subject: string } | { ip: string },
  since: Date,
): Promise<number> {
  const by = 'subject' in match ? eq(auditLog.subject, match.subject) : eq(auditLog.ip, match.ip);
  const [row] = await tx
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), by, gte(auditLog.occurredAt, since)));
  return row?.n ?? 0;
}

/** When the oldest of the counted entries leaves the window: what Retry-After tells the client. */
export async function oldestSince(
  tx: Executor,
  action: string,
  match: { subject: string } | { ip: string },
  since: Date,
): Promise<Date | undefined> {
  const by = 'subject' in match ? eq(auditLog.subject, match.subject) : eq(auditLog.ip, match.ip);
  const [row] = await tx
    .select({ at: auditLog.occurredAt })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), by, gte(auditLog.occurredAt, since)))
    .orderBy(auditLog.occurredAt)
    .limit(1);
  return row?.at;
}
