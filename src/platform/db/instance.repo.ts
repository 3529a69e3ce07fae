import { sql } from 'drizzle-orm';
import type { Executor } from './database.ts';
import { instance } from './schema/platform.ts';

export type InstanceRow = typeof instance.$inferSelect;

/** Records a start of the server: creates the instance row on the first start, counts later ones. */
export async function recordStart(executor: Executor, version: string): Promise<InstanceRow> {
  const [row] = await executor
    .insert(instance)
    .values({ id: 1, lastVersion: version })
    .onConflictDoUpdate({
      target: instance.id,
      set: { lastStartedAt: sql`now()`, startCount: sql`${instance.startCount} + 1`, lastVersion: version },
    })
    .returning();
  if (!row) throw new Error('instance row was not written');
  return row;
}
