import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
