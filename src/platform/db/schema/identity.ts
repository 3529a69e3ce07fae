import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';

// Row-level security for these tables (and every later tenant table) is declared in the custom
// migration drizzle/0002_identity_rls.sql: drizzle-kit does not generate FORCE ROW LEVEL SECURITY.

/** A customer organisation. Every row of business data belongs to exactly one tenant. */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    contactName: text('contact_name'),
    phone: text('phone'),
    address: text('address'),
    plan: text('plan').notNull().default('pilot'),
    status: text('status').notNull().default('trial'),
    notes: text('notes'),
    startDate: date('start_date').notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('tenants_email_key').on(t.email),
    index('tenants_status_idx').on(t.status),
    index('tenants_name_idx').on(t.name),
    check('tenants_plan_check', sql`${t.plan} in ('pilot', 'subscription')`),
    check('tenants_status_check', sql`${t.status} in ('trial', 'active', 'inactive')`),
  ],
);

/** The tenant a row belongs to; deleting the tenant deletes the row. Every tenant table has one. */
export const tenantRef = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

/** A plant or site of a tenant; lines, sensors, cameras and work orders belong to one. */
export const facilities = pgTable(
  'facilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    timezone: text('timezone').notNull().default('UTC'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('facilities_tenant_code_key').on(t.tenantId, t.code)],
);

/** A person. Global (one login across tenants); what they may do in a tenant is their membership. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id; null for users who sign in only through the external identity provider. */
    passwordHash: text('password_hash'),
    platformRole: text('platform_role'),
    status: text('status').notNull().default('active'),
    /** `sub` of the external identity provider, linked on the first external sign-in. */
    externalSubject: text('external_subject'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_external_subject_key').on(t.externalSubject),
    check('users_platform_role_check', sql`${t.platformRole} is null or ${t.platformRole} = 'superadmin'`),
    check('users_status_check', sql`${t.status} in ('active', 'inactive')`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** `invited`: added by the tenant, waiting for the person to accept (no access until then). */
    status: text('status').notNull().default('active'),
    /**
     * The name the inviting admin typed, shown while the membership is `invited`: until the person
     * accepts, the tenant sees only what it gave, never the account's own profile.
     */
    invitedName: text('invited_name'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('memberships_tenant_user_key').on(t.tenantId, t.userId),
    index('memberships_user_idx').on(t.userId),
    check('memberships_role_check', sql`${t.role} in ('admin', 'analyst', 'operator', 'viewer')`),
    check('memberships_status_check', sql`${t.status} in ('active', 'inactive', 'invited')`),
  ],
);

/**
 * One-time links to accept a membership: a person new to PlantIntel chooses a password with it, an
 * existing account accepts it while signed in. Only the hash of the token is kept.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_token_hash_key').on(t.tokenHash)],
);

/**
 * Rotating refresh tokens. A login starts a family; each refresh uses one token and issues the next.
 * A used token presented again means it was stolen: the whole family is revoked.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for a platform session that acts in no tenant. */
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('refresh_tokens_token_hash_key').on(t.tokenHash),
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_user_idx').on(t.userId),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the key, shown in lists so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the whole key (the key is 192 random bits, so a fast hash is the right one). */
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('api_keys_secret_hash_key').on(t.secretHash),
    index('api_keys_tenant_idx').on(t.tenantId, t.createdAt),
  ],
);

/** Who did what, when: security-relevant and administrative actions. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Null for platform actions and for failed logins of unknown emails. */
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    /** Email or key prefix at the time, so the entry stays readable if the actor is deleted. */
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** What the action was about when there is no row id, e.g. the email of a failed login. */
    subject: text('subject'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    ip: text('ip'),
    requestId: text('request_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_tenant_time_idx').on(t.tenantId, t.occurredAt),
    index('audit_log_action_subject_idx').on(t.action, t.subject, t.occurredAt),
    index('audit_log_action_ip_idx').on(t.action, t.ip, t.occurredAt),
  ],
);

/**
 * Sign-in attempts, for the rate limits: reserved before the password is checked (under a lock per
 * email and per address), so parallel attempts cannot slip past the limit. No tenant data.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
    succeeded: boolean('succeeded').notNull().default(false),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.attemptedAt),
    index('login_attempts_ip_idx').on(t.ip, t.attemptedAt),
    index('login_attempts_email_ip_idx').on(t.email, t.ip, t.attemptedAt),
  ],
);

/** Server-side secrets generated at first start (e.g. the token signing key). Owner-only. */
export const platformSecrets = pgTable('platform_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});
