// Channels and rules of a tenant. Every function runs inside the tenant's scope (RLS).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { notificationChannels, notificationRules } from '../../platform/db/schema/index.ts';

export type ChannelRow = typeof notificationChannels.$inferSelect;
export type ChannelInsert = typeof notificationChannels.$inferInsert;
export type RuleRow = typeof notificationRules.$inferSelect;
export type RuleInsert = typeof notificationRules.$inferInsert;

export async function insertChannel(tx: Executor, values: ChannelInsert): Promise<ChannelRow> {
  const [row] = await tx.insert(notificationChannels).values(values).returning();
  if (!row) throw new Error('channel not inserted');
  return row;
}

export async function findChannel(tx: Executor, id: string, lock = false): Promise<ChannelRow | undefined> {
  const q = tx.select().from(notificationChannels).where(eq(notificationChannels.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export function listChannels(tx: Executor): Promise<ChannelRow[]> {
  return tx.select().from(notificationChannels).orderBy(asc(notificationChannels.name));
}

export async function updateChannel(
  tx: Executor,
  id: string,
  patch: Partial<ChannelInsert>,
): Promise<ChannelRow | undefined> {
  const [row] = await tx
    .update(notificationChannels)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(notificationChannels.id, id))
    .returning();
  return row;
}

export async function deleteChannel(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx
    .delete(notificationChannels)
    .where(eq(notificationChannels.id, id))
    .returning({ id: notificationChannels.id });
  // Rules keep their other channels: the id is dropped from their lists.
  await tx.execute(sql`update notification_rules
    set channel_ids = channel_ids - ${id}::text, escalation_channel_ids = escalation_channel_ids - ${id}::text
    where channel_ids ? ${id}::text or escalation_channel_ids ? ${id}::text`);
  return rows.length > 0;
}

export async function insertRule(tx: Executor, values: RuleInsert): Promise<RuleRow> {
  const [row] = await tx.insert(notificationRules).values(values).returning();
  if (!row) throw new Error('rule not inserted');
  return row;
}

export async function findRule(tx: Executor, id: string): Promise<RuleRow | undefined> {
  const [row] = await tx.select().from(notificationRules).where(eq(notificationRules.id, id));
  return row;
}

export function listRules(tx: Executor, eventKind?: string): Promise<RuleRow[]> {
  return tx
    .select()
    .from(notificationRules)
    .where(eventKind ? eq(notificationRules.eventKind, eventKind) : undefined)
    .orderBy(asc(notificationRules.name));
}

/** The enabled rules of some kinds (the event handlers' and the periodic evaluation's question). */
export function enabledRules(tx: Executor, kinds: readonly string[]): Promise<RuleRow[]> {
  return tx
    .select()
    .from(notificationRules)
    .where(
      and(
        eq(notificationRules.enabled, true),
        sql`${notificationRules.eventKind} in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(asc(notificationRules.createdAt));
}

export async function updateRule(
  tx: Executor,
  id: string,
  patch: Partial<RuleInsert>,
): Promise<RuleRow | undefined> {
  const [row] = await tx
    .update(notificationRules)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(notificationRules.id, id))
    .returning();
  return row;
}

export async function deleteRule(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx
    .delete(notificationRules)
    .where(eq(notificationRules.id, id))
    .returning({ id: notificationRules.id });
  return rows.length > 0;
}
