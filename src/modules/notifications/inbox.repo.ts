// The in-app inbox, per-user preferences, and the members they belong to. Tenant scope (RLS).
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { matchedRows, pageOf } from '../../platform/db/page.ts';
import {
  facilities,
  memberships,
  notificationInbox,
  notificationPreferences,
  notifications,
  users,
} from '../../platform/db/schema/index.ts';

export type PreferencesRow = typeof notificationPreferences.$inferSelect;
export type PreferencesInsert = typeof notificationPreferences.$inferInsert;

export interface Member {
  userId: string;
  email: string;
}

/** The tenant's active members (the users an in-app channel reaches, the addresses preferences apply to). */
export function activeMembers(tx: Executor): Promise<Member[]> {
  return tx
    .select({ userId: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.status, 'active'), eq(users.status, 'active')))
    .orderBy(asc(users.email));
}

/** The zone of the tenant's first facility: the default for quiet hours and digests. */
export async function tenantTimeZone(tx: Executor): Promise<string> {
  const [row] = await tx
    .select({ tz: facilities.timezone })
    .from(facilities)
    .orderBy(asc(facilities.createdAt))
    .limit(1);
  return row?.tz ?? 'UTC';
}

export async function facilityTimeZone(tx: Executor, facilityId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ tz: facilities.timezone })
    .from(facilities)
    .where(eq(facilities.id, facilityId));
  return row?.tz;
}

export async function insertInboxItems(
  tx: Executor,
  tenantId: string,
  notificationId: string,
  userIds: string[],
) {
  if (userIds.length === 0) return [];
  return tx
    .insert(notificationInbox)
    .values(userIds.map((userId) => ({ tenantId, userId, notificationId })))
    .onConflictDoNothing()
    .returning({ userId: notificationInbox.userId });
}

export async function unreadCount(tx: Executor, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(notificationInbox)
    .where(and(eq(notificationInbox.userId, userId), isNull(notificationInbox.readAt)));
  return row?.n ?? 0;
}

export async function listInbox(
  tx: Executor,
  userId: string,
  f: { unread?: boolean | undefined; limit: number; offset: number },
) {
  const where = and(
    eq(notificationInbox.userId, userId),
    f.unread ? isNull(notificationInbox.readAt) : undefined,
  );
  const rows = await tx
    .select({ item: notificationInbox, notification: notifications, total: matchedRows() })
    .from(notificationInbox)
    .innerJoin(notifications, eq(notifications.id, notificationInbox.notificationId))
    .where(where)
    .orderBy(desc(notificationInbox.id))
    .limit(f.limit)
    .offset(f.offset);
  return pageOf(
    rows,
    f.offset,
    ({ total: _t, ...r }) => r,
    async () => {
      const [row] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(notificationInbox)
        .where(where);
      return row?.n ?? 0;
    },
  );
}

/** Marks the user's items read (all of them without ids); returns how many changed. */
export async function markRead(tx: Executor, userId: string, ids?: number[]): Promise<number> {
  const rows = await tx
    .update(notificationInbox)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notificationInbox.userId, userId),
        isNull(notificationInbox.readAt),
        ids ? inArray(notificationInbox.id, ids) : undefined,
      ),
    )
    .returning({ id: notificationInbox.id });
  return rows.length;
}

export async function findPreferences(tx: Executor, userId: string): Promise<PreferencesRow | undefined> {
  const [row] = await tx
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return row;
}

export function preferencesOf(tx: Executor, userIds: string[]): Promise<PreferencesRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return tx.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, userIds));
}

/** Users with a digest on (the periodic digest pass). */
export function digestUsers(tx: Executor): Promise<PreferencesRow[]> {
  return tx.select().from(notificationPreferences).where(eq(notificationPreferences.digest, true));
}

export async function upsertPreferences(tx: Executor, values: PreferencesInsert): Promise<PreferencesRow> {
  const { tenantId: _t, userId: _u, ...set } = values;
  const [row] = await tx
    .insert(notificationPreferences)
    .values(values)
    .onConflictDoUpdate({
      target: [notificationPreferences.tenantId, notificationPreferences.userId],
      set: { ...set, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error('preferences not stored');
  return row;
}

export async function setLastDigest(tx: Executor, userId: string, at: Date) {
  await tx
    .update(notificationPreferences)
    .set({ lastDigestAt: at })
    .where(eq(notificationPreferences.userId, userId));
}
