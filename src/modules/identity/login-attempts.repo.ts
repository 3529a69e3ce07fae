import { and, count, eq, gte, min, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.ts';
import { deleteInBatches } from '../../platform/db/maintenance.ts';
import { loginAttempts } from '../../platform/db/schema/index.ts';

export type AttemptKey = { email: string; ip?: string } | { ip: string };

/**
 * Serialises sign-in attempts per email and per address for the rest of the transaction. Always in
 * this order (email, then address), so two attempts can never wait on each other in a cycle.
 */
export async function lockAttemptKeys(tx: Executor, email: string, ip: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:${email}`}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login-ip:${ip}`}))`);
}

/** Attempts that did not succeed since `since` (in flight ones included), and the oldest one. */
export async function unsuccessfulSince(tx: Executor, key: AttemptKey, since: Date) {
  const [row] = await tx
    .select({ n: count(), oldest: min(loginAttempts.attemptedAt) })
    .from(loginAttempts)
    .where(
      and(
        'email' in key ? eq(loginAttempts.email, key.email) : undefined,
        key.ip !== undefined ? eq(loginAttempts.ip, key.ip) : undefined,
        eq(loginAttempts.succeeded, false),
        gte(loginAttempts.attemptedAt, since),
      ),
    );
  return { count: row?.n ?? 0, oldest: row?.oldest ?? null };
}

export async function insertAttempt(tx: Executor, email: string, ip: string): Promise<number> {
  const [row] = await tx.insert(loginAttempts).values({ email, ip }).returning({ id: loginAttempts.id });
  if (!row) throw new Error('attempt not recorded');
  return row.id;
}

export async function markAttemptSucceeded(tx: Executor, id: number) {
  await tx.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, id));
}

/** Whether `email` signed in successfully from `ip` since `since` (a known address for that person). */
export async function succeededFrom(tx: Executor, email: string, ip: string, since: Date) {
  const [row] = await tx
    .select({ id: loginAttempts.id })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, true),
        gte(loginAttempts.attemptedAt, since),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Sign-in attempts older than the retention (the rate limits only look back one window). */
export function pruneLoginAttempts(db: Db, retentionDays: number): Promise<number> {
  return deleteInBatches(
    db,
    'login_attempts',
    (limit) => sql`select ctid from login_attempts
      where attempted_at < now() - make_interval(days => ${retentionDays}) limit ${limit}`,
  );
}
