// Sharing rate-limit counts between `serve` processes on one PostgreSQL database, off the hot path.
//
// Requests are decided from memory (engine.ts). A process that admitted hits adds them, as deltas, to
// one row per (key, window) of rate_limit_hits and reads back the totals, which hold the other
// processes' hits: one statement per exchange, at most every RATE_LIMIT_SYNC_MS, at once when a key
// passes 80 % of its budget, and never while no request came in (an idle server does no database
// work: the timer is only armed by a hit, and it is unref'd).
//
// Error bound: a process does not see the others' hits of the last exchange interval. With N
// processes, each admitting at most r requests per second for one key, a window admits at most
//   budget + (N − 1) × r × (interval + exchange time)
// and the overshoot stops once the key passes 80 %: from then on each hit past the threshold triggers
// no extra exchange, but the next tick (≤ interval) brings every process the full count, after which
// all of them refuse. With one process (or PGlite, which is one process) the count is exact.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { queryRows } from '../../db/database.ts';
import type { Delta, RateLimitEngine } from './engine.ts';

export interface SharedStore {
  /** Stops the timer and sends what is left (best effort). */
  close(): Promise<void>;
  /** Runs one exchange now (tests; the timer does it otherwise). */
  exchange(): Promise<void>;
}

interface Row {
  key: string;
  window_start: string | number;
  hits: number;
}

/** Adds deltas to the shared rows and returns their totals, in one statement. */
async function addAndRead(db: Db, deltas: readonly Delta[], windowMs: number) {
  const rows = await queryRows<Row>(
    db,
    sql`insert into rate_limit_hits (key, window_start, hits)
        select * from unnest(${sql.param(deltas.map((d) => d.key))}::text[],
                             ${sql.param(deltas.map((d) => d.window * windowMs))}::bigint[],
                             ${sql.param(deltas.map((d) => d.delta))}::int[])
        on conflict (key, window_start) do update set hits = rate_limit_hits.hits + excluded.hits
        returning key, window_start, hits`,
  );
  return rows.map((r) => ({ key: r.key, window: Number(r.window_start) / windowMs, hits: Number(r.hits) }));
}

export function shareCounts(
  engine: RateLimitEngine,
  db: Db,
  { intervalMs, onError }: { intervalMs: number; onError: (err: unknown) => void },
): SharedStore {
  const { windowMs } = engine.policy;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let prunedWindow = -1;

  const exchange = async (): Promise<void> => {
    const deltas = engine.drain();
    if (deltas.length === 0) return;
    try {
      engine.settle(await addAndRead(db, deltas, windowMs));
    } catch (err) {
      engine.restore(deltas);
      onError(err);
      return;
    }
    // Rows of windows before the previous one are of no use to anyone: dropped once per window, by
    // whichever process exchanges first in it (the others' deletes find nothing).
    const window = Math.floor(engine.now() / windowMs);
    if (window !== prunedWindow) {
      prunedWindow = window;
      await db
        .execute(sql`delete from rate_limit_hits where window_start < ${(window - 1) * windowMs}`)
        .catch(onError);
    }
  };

  // One exchange at a time; a request for one while it runs is served right after.
  const run = () => {
    if (running) {
      again = true;
      return running;
    }
    running = exchange().finally(() => {
      running = undefined;
      if (again && !closed) {
        again = false;
        arm(0);
      }
    });
    return running;
  };

  const arm = (delayMs: number) => {
    if (closed) return;
    if (timer && delayMs > 0) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void run().then(() => {
        if (engine.pending) arm(intervalMs);
      });
    }, delayMs);
    timer.unref();
  };

  engine.onUnsent = (urgent) => arm(urgent ? 0 : intervalMs);

  return {
    exchange: () => run(),
    close: async () => {
      closed = true;
      engine.onUnsent = undefined;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
      await exchange();
    },
  };
}
