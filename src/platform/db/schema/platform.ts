import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row describing this installation: created on the first start, touched on every start.
 * Lets operators see when a database was created and by which version it was last run.
 */
export const instance = pgTable(
  'instance',
  {
    id: integer('id').primaryKey().default(1),
    instanceId: uuid('instance_id').notNull().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastStartedAt: timestamp('last_started_at', { withTimezone: true }).notNull().defaultNow(),
    startCount: integer('start_count').notNull().default(1),
    lastVersion: text('last_version').notNull(),
  },
  (t) => [check('instance_singleton', sql`${t.id} = 1`)],
);

/**
 * Rate-limit counts shared by the serve processes on PostgreSQL (platform/http/rate-limit/): hits per
 * (route class and key, one-minute window), to which each process adds its deltas every second or so.
 * Windows before the previous one are deleted; PGlite (one process) never writes here.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').notNull(),
    /** Start of the window, epoch milliseconds. */
    windowStart: bigint('window_start', { mode: 'number' }).notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
