// Helpers for tests of background work: polling for an outcome, and a table to count effects in.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/database.ts';
import { queryRows } from '../db/database.ts';
import { TENANT_ROLE } from '../db/scope.ts';

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * A scratch table where test jobs and handlers record their effects. No unique key on purpose:
 * an effect that happened twice shows up as two rows.
 */
export async function createEffectsTable(db: Db) {
  await db.execute(sql`create table if not exists test_effects (
    key text not null, tenant_id uuid, at timestamptz not null default now())`);
  await db.execute(sql.raw(`grant select, insert on test_effects to ${TENANT_ROLE}`));
}

export function recordEffect(tx: Executor, key: string, tenantId: string) {
  return tx.execute(sql`insert into test_effects (key, tenant_id) values (${key}, ${tenantId})`);
}

export async function countEffects(db: Db, key: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from test_effects where key = ${key}`,
  );
  return row?.n ?? 0;
}
