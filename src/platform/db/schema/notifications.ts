import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { createdAt, updatedAt } from './columns.ts';
import { tenantRef, users } from './identity.ts';

// Notifications (issue 19): channels (email, webhook, in-app), rules that turn domain events and
// periodic conditions into notifications, one delivery per channel and recipient with every attempt
// logged, the per-user inbox, and per-user preferences (kinds, quiet hours, daily digest).

const at = (name: string) => timestamp(name, { withTimezone: true });

export const notificationChannels = pgTable(
  'notification_channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** email: { recipients }, webhook: { url, headers }, in_app: { userIds } (empty: every member). */
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    /** The webhook signing secret (shown once, at creation). */
    secret: text('secret'),
    enabled: boolean('enabled').notNull().default(true),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    disabledReason: text('disabled_reason'),
    disabledAt: at('disabled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('notification_channels_name_key').on(t.tenantId, t.name),
    check('notification_channels_kind_check', sql`${t.kind} in ('email', 'webhook', 'in_app')`),
  ],
);

export const notificationRules = pgTable(
  'notification_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    eventKind: text('event_kind').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Kind-specific: minSeverity, afterMinutes, escalateAfterMinutes, threshold, windowMinutes, stationId, facilityId. */
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    channelIds: jsonb('channel_ids').$type<string[]>().notNull().default([]),
    /** alarm.unacknowledged: the channels told when the alarm is still unacknowledged later. */
    escalationChannelIds: jsonb('escalation_channel_ids').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('notification_rules_name_key').on(t.tenantId, t.name),
    index('notification_rules_kind_idx').on(t.tenantId, t.eventKind),
  ],
);

/** One occurrence of a condition a rule matched; the dedupe key makes it happen once. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    ruleId: uuid('rule_id').references(() => notificationRules.id, { onDelete: 'set null' }),
    eventKind: text('event_kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    severity: text('severity').notNull().default('info'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Ids the message is about (analysisId, alarmId, …) and the web link. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    facilityId: uuid('facility_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.tenantId, t.dedupeKey),
    index('notifications_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => notificationChannels.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** An email address (email); null for a webhook. */
    recipient: text('recipient'),
    /** The member the address belongs to, whose preferences apply. */
    userId: uuid('user_id'),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Quiet hours: held until then. */
    holdUntil: at('hold_until'),
    nextAttemptAt: at('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    sentAt: at('sent_at'),
    /** The digest delivery that carried it. */
    digestId: uuid('digest_id'),
    isTest: boolean('is_test').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('notification_deliveries_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('notification_deliveries_notification_idx').on(t.notificationId),
    index('notification_deliveries_channel_idx').on(t.channelId, t.createdAt),
    index('notification_deliveries_status_idx').on(t.tenantId, t.status),
    check(
      'notification_deliveries_status_check',
      sql`${t.status} in ('pending', 'retrying', 'held', 'digest', 'sent', 'failed', 'digested')`,
    ),
    check('notification_deliveries_kind_check', sql`${t.kind} in ('email', 'webhook', 'digest')`),
  ],
);

export const notificationAttempts = pgTable(
  'notification_attempts',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    tenantId: tenantRef(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => notificationDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    ok: boolean('ok').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('notification_attempts_delivery_idx').on(t.deliveryId, t.id)],
);

export const notificationInbox = pgTable(
  'notification_inbox',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    tenantId: tenantRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    readAt: at('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notification_inbox_user_notification_key').on(t.tenantId, t.userId, t.notificationId),
    index('notification_inbox_user_idx').on(t.tenantId, t.userId, t.id),
  ],
);

export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    tenantId: tenantRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The event kinds the user is told about; null: all. */
    eventKinds: jsonb('event_kinds').$type<string[] | null>(),
    /** 'HH:MM' local times; both null: no quiet hours. */
    quietStart: text('quiet_start'),
    quietEnd: text('quiet_end'),
    /** IANA zone; null: the tenant's first facility's. */
    timezone: text('timezone'),
    digest: boolean('digest').notNull().default(false),
    /** Local hour the daily digest goes out. */
    digestHour: integer('digest_hour').notNull().default(7),
    lastDigestAt: at('last_digest_at'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);
