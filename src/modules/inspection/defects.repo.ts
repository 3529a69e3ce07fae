import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { inspectionDefects, inspectionTriggers } from '../../platform/db/schema/index.ts';
import type { DefectInsert, DefectRow, TriggerRow } from './triggers.repo.ts';

// Single defects and the trigger row they belong to, locked for a change: dispositions, second
// review and hand-marked defects. Lists and inserts of defects live in triggers.repo.ts.

export async function findDefect(tx: Executor, id: string, lock = false): Promise<DefectRow | undefined> {
  const query = tx.select().from(inspectionDefects).where(eq(inspectionDefects.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateDefect(
  tx: Executor,
  id: string,
  patch: Partial<DefectInsert>,
): Promise<DefectRow> {
  const [row] = await tx.update(inspectionDefects).set(patch).where(eq(inspectionDefects.id, id)).returning();
  if (!row) throw new Error('defect vanished');
  return row;
}

/**
 * The trigger, locked: every change that judges a part again takes this lock first, so two
 * changes to one part's defects judge it one after the other and the last verdict sees both.
 */
export async function lockTrigger(tx: Executor, id: string): Promise<TriggerRow | undefined> {
  const [row] = await tx.select().from(inspectionTriggers).where(eq(inspectionTriggers.id, id)).for('update');
  return row;
}
