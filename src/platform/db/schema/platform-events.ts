import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { tenantRef } from './identity.ts';

/**
 * Background jobs as tenants see them: status, progress and outcome. pg-boss runs them (its own
 * schema `pgboss`, same id); this row is what `GET /jobs/{id}` reads and what progress updates.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    status: text('status').notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    message: text('message'),
    result: jsonb('result'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    priority: integer('priority').notNull().default(0),
    createdBy: uuid('created_by'),
    /** Set when the job's effect committed (JobContext.complete): a retry must not repeat it. */
    effectCommittedAt: timestamp('effect_committed_at', { withTimezone: true }),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('jobs_tenant_created_idx').on(t.tenantId, t.createdAt),
    check('jobs_status_check', sql`${t.status} in ('queued', 'running', 'retrying', 'completed', 'failed')`),
    check('jobs_progress_check', sql`${t.progress} between 0 and 100`),
  ],
);

/**
 * The transactional outbox and event store: written in the same transaction as the change that
 * caused it, delivered at least once to every registered handler, kept as history.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantRef(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** The scope a reader needs to see the event (history and live push), e.g. `admin` for members. */
    requiredScope: text('required_scope').notNull().default('read'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set once every handler has processed the event. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** When delivery may be tried again after a handler failed (backoff). */
    retryAt: timestamp('retry_at', { withTimezone: true }),
    /** A dispatcher is delivering it until then; after that (a crashed process) another may. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** Given up after too many failed attempts: kept with its last error for an admin to redeliver. */
    deadAt: timestamp('dead_at', { withTimezone: true }),
    /**
     * Its place in the history (`GET /events?after=`): given after commit, in commit order, by one
     * dispatcher at a time — so a reader's cursor never passes an event that commits later.
     */
    position: bigint('position', { mode: 'number' }),
  },
  (t) => [
    index('domain_events_tenant_type_idx').on(t.tenantId, t.eventType, t.id),
    index('domain_events_aggregate_idx').on(t.tenantId, t.aggregateType, t.aggregateId, t.id),
    index('domain_events_unpublished_idx')
      .on(t.id)
      .where(sql`${t.publishedAt} is null and ${t.deadAt} is null`),
    uniqueIndex('domain_events_position_idx').on(t.position),
    index('domain_events_tenant_position_idx').on(t.tenantId, t.position),
    index('domain_events_unpositioned_idx').on(t.id).where(sql`${t.position} is null`),
  ],
);

/** Which handler has processed which event: makes every handler idempotent by event id. */
export const eventReceipts = pgTable(
  'event_receipts',
  {
    consumer: text('consumer').notNull(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => domainEvents.id, { onDelete: 'cascade' }),
    tenantId: tenantRef(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);
