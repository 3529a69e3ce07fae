// Housekeeping that keeps a long-running installation healthy: tables that only grow are pruned to
// their documented retention, and on the embedded database the planner's statistics are refreshed
// (PostgreSQL's autovacuum does that itself; PGlite has none, and without fresh statistics its plans
// stay those of empty tables — nested loops over every row instead of hash joins).
//
// Every process that runs job workers runs the tasks hourly. Tasks are idempotent deletes, so two
// processes running them at once only share the work.
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Database, type Db, queryRows } from './database.ts';
import { acrossTenants } from './scope.ts';

const INTERVAL_MS = 60 * 60 * 1000;
const DELETE_BATCH = 5000;

/** A housekeeping task; returns how many rows it removed. */
export type MaintenanceTask = (db: Db) => Promise<number>;

/** Refreshes the planner's statistics now: after a bulk load, before the first queries on it. */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}

/**
 * Deletes the rows `select` names (a query returning `ctid`s, limited to `limit`), a batch per
 * transaction, so a large backlog never holds one long transaction or its locks.
 */
export async function deleteInBatches(
  db: Db,
  table: string,
  select: (limit: number) => SQL,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const rows = await acrossTenants(db, (tx) =>
      queryRows<{ n: number }>(
        tx,
        sql`with gone as (delete from ${sql.identifier(table)} where ctid in (${select(DELETE_BATCH)}) returning 1)
            select count(*)::int as n from gone`,
      ),
    );
    const n = rows[0]?.n ?? 0;
    removed += n;
    if (n < DELETE_BATCH) return removed;
  }
}

export function createMaintenance({
  database,
  logger,
  intervalMs = INTERVAL_MS,
}: {
  database: Database;
  logger: FastifyBaseLogger;
  intervalMs?: number;
}) {
  const tasks = new Map<string, MaintenanceTask>();
  if (database.driver === 'pglite')
    tasks.set('statistics', async (db) => {
      await refreshStatistics(db);
      return 0;
    });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<Record<string, number>> | undefined;

  async function runAll(): Promise<Record<string, number>> {
    const removed: Record<string, number> = {};
    for (const [name, task] of tasks) {
      try {
        removed[name] = await task(database.db);
      } catch (err) {
        logger.warn({ err, task: name }, 'a maintenance task failed; it runs again next time');
      }
    }
    const total = Object.values(removed).reduce((a, b) => a + b, 0);
    if (total > 0) logger.info({ removed }, 'maintenance removed old rows');
    return removed;
  }

  return {
    /** Adds a task; modules register theirs when they are created. */
    register(name: string, task: MaintenanceTask) {
      if (tasks.has(name)) throw new Error(`maintenance task ${name} registered twice`);
      tasks.set(name, task);
    },

    /** Runs every task now (one run at a time); returns the rows each removed. */
    runOnce(): Promise<Record<string, number>> {
      running ??= runAll().finally(() => {
        running = undefined;
      });
      return running;
    },

    start() {
      if (timer) return;
      timer = setInterval(() => void this.runOnce(), intervalMs);
      timer.unref();
    },

    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type Maintenance = ReturnType<typeof createMaintenance>;
