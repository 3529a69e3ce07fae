// The job queue's depth and age per queue, across every process, from pg-boss's own table (read
// when /metrics is scraped or /ready is asked, never on a request path). The partial index pg-boss
// keeps on unfinished jobs makes this a small read however many finished jobs are retained.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';

export interface QueueDepth {
  queue: string;
  /** Due and waiting for a worker (new, or a retry whose delay has passed). */
  waiting: number;
  /** Waiting for a later start (a retry's delay, a scheduled start). */
  deferred: number;
  /** Taken by a worker. */
  active: number;
  /** Seconds since the longest-waiting due job became due (0 when none waits). */
  oldestWaitingSeconds: number;
}

export async function queueDepths(db: Db): Promise<QueueDepth[]> {
  const rows = await queryRows<{
    queue: string;
    waiting: number;
    deferred: number;
    active: number;
    oldest: number | string | null;
  }>(
    db,
    sql`select name as queue,
               count(*) filter (where state in ('created', 'retry') and start_after <= now())::int as waiting,
               count(*) filter (where state in ('created', 'retry') and start_after > now())::int as deferred,
               count(*) filter (where state = 'active')::int as active,
               extract(epoch from now() - min(start_after)
                 filter (where state in ('created', 'retry') and start_after <= now()))::float8 as oldest
          from pgboss.job
         where state < 'completed'
         group by name
         order by name`,
  );
  return rows.map((r) => ({
    queue: r.queue,
    waiting: r.waiting,
    deferred: r.deferred,
    active: r.active,
    oldestWaitingSeconds: Math.max(0, Number(r.oldest ?? 0)),
  }));
}
