import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { shifts } from '../../platform/db/schema/index.ts';

export type ShiftRow = typeof shifts.$inferSelect;
export type ShiftInsert = typeof shifts.$inferInsert;

export async function listShifts(tx: Executor, facilityId?: string, activeOnly = false): Promise<ShiftRow[]> {
  return tx
    .select()
    .from(shifts)
    .where(
      and(
        facilityId ? eq(shifts.facilityId, facilityId) : undefined,
        activeOnly ? eq(shifts.active, true) : undefined,
      ),
    )
    .orderBy(asc(shifts.startTime), asc(shifts.name));
}

export async function findShift(tx: Executor, id: string): Promise<ShiftRow | undefined> {
  const [row] = await tx.select().from(shifts).where(eq(shifts.id, id));
  return row;
}

export async function insertShift(tx: Executor, values: ShiftInsert): Promise<ShiftRow> {
  const [row] = await tx.insert(shifts).values(values).returning();
  if (!row) throw new Error('shift not inserted');
  return row;
}

export async function updateShift(tx: Executor, id: string, patch: Partial<ShiftInsert>) {
  const [row] = await tx.update(shifts).set(patch).where(eq(shifts.id, id)).returning();
  return row;
}

export async function deleteShift(tx: Executor, id: string) {
  await tx.delete(shifts).where(eq(shifts.id, id));
}
