import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from './database.ts';

// The planner chooses joins from table statistics. PostgreSQL's autovacuum refreshes them in the
// background; the embedded database has no autovacuum, so without these its plans stay those of
// empty tables — nested loops over every row instead of hash joins once a table fills up.

const EMBEDDED_ANALYZE_MS = 60 * 60 * 1000;

/** Refreshes the planner's statistics now: after a bulk load, before the first queries on it. */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}

/** On the embedded database, refreshes statistics every hour; returns the function that stops it. */
export function scheduleStatistics(database: Database, logger: FastifyBaseLogger): () => void {
  if (database.driver !== 'pglite') return () => {};
  const timer = setInterval(() => {
    refreshStatistics(database.db).catch((err) => logger.warn({ err }, 'could not refresh statistics'));
  }, EMBEDDED_ANALYZE_MS);
  timer.unref();
  return () => clearInterval(timer);
}
