import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  type PgColumnBuilderBase,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CANONICAL_FIELDS, columnOf, type FieldType } from '../../../modules/analytics/canonical.ts';
import type { FrameRecord } from '../../../modules/analytics/frame-snapshot.ts';
import type { FieldMapping } from '../../../modules/analytics/mapping/types.ts';
import { createdAt, updatedAt } from './columns.ts';
import { facilities, tenantRef, tenants } from './identity.ts';

// Work-order analytics (seed 000, issue 13): mapping profiles and their versions, imports of ERP
// exports with their row errors, and the work orders they produced. The work-order columns are the
// canonical schema (modules/analytics/canonical.ts), one typed column per field.

const at = (name: string) => timestamp(name, { withTimezone: true });

/** An analyzer configuration variable a profile carries (issue 14 gives them meaning). */
export interface ConfigVariable {
  key: string;
  value: string | number | boolean;
}

export const mappingProfiles = pgTable(
  'mapping_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    description: text('description'),
    erpSystem: text('erp_system'),
    dataGranularity: text('data_granularity').notNull().default('header'),
    /** Per canonical field, how operation rows roll up (fields left out use the canonical default). */
    aggregationStrategy: jsonb('aggregation_strategy').$type<Record<string, string>>().notNull().default({}),
    mappings: jsonb('mappings').$type<FieldMapping[]>().notNull(),
    configVariables: jsonb('config_variables').$type<ConfigVariable[]>().notNull().default([]),
    isActive: boolean('is_active').notNull().default(true),
    usageCount: integer('usage_count').notNull().default(0),
    lastUsed: at('last_used'),
    /** Raised by every update; each version's content is kept in mapping_profile_versions. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('mapping_profiles_tenant_name_key').on(t.tenantId, t.name),
    check('mapping_profiles_granularity_check', sql`${t.dataGranularity} in ('header', 'operation')`),
  ],
);

/** Every version of every profile as it was saved: an import names the exact version it used. */
export const mappingProfileVersions = pgTable(
  'mapping_profile_versions',
  {
    profileId: uuid('profile_id')
      .notNull()
      .references(() => mappingProfiles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    tenantId: tenantRef(),
    /** The profile's content at this version (name, granularity, strategy, mappings, variables). */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.version] })],
);

/** One upload of an ERP export and what became of it. */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    /** SHA-256 of the file's bytes: its key in the file store, and how a re-upload is recognised. */
    fileHash: text('file_hash').notNull(),
    /** False once file retention removed the upload (reprocess and download answer 410). */
    fileKept: boolean('file_kept').notNull().default(true),
    status: text('status').notNull().default('queued'),
    /** The earlier import of the same bytes, when this one was accepted as a marked duplicate. */
    duplicateOf: uuid('duplicate_of'),
    profileId: uuid('profile_id').references(() => mappingProfiles.id, { onDelete: 'set null' }),
    profileVersion: integer('profile_version'),
    /** The mapping this import ran with (the profile's at its version, or the suggestion taken). */
    mappings: jsonb('mappings').$type<FieldMapping[]>().notNull(),
    aggregationStrategy: jsonb('aggregation_strategy').$type<Record<string, string>>().notNull().default({}),
    granularity: text('granularity').notNull().default('header'),
    autoMapped: boolean('auto_mapped').notNull().default(false),
    /** `skip`: rejected rows are reported and left out; `fail`: any rejected row fails the import. */
    rejectPolicy: text('reject_policy').notNull().default('skip'),
    sheet: text('sheet'),
    /** What the reader found: kind, encoding, delimiter, header line, number and date formats per column. */
    detected: jsonb('detected').$type<Record<string, unknown>>(),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsAccepted: integer('rows_accepted').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    workOrders: integer('work_orders').notNull().default(0),
    errorMessage: text('error_message'),
    /**
     * The frame snapshot the import wrote beside its rows (analytics/frame-snapshot.ts), recorded when
     * the import completed; null when there is none (cleared whenever the rows are).
     */
    frame: jsonb('frame').$type<FrameRecord>(),
    /** Milliseconds per phase (upload, detect, rows, rollup, total). */
    timings: jsonb('timings').$type<Record<string, number>>().notNull().default({}),
    jobId: text('job_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    startedAt: at('started_at'),
    completedAt: at('completed_at'),
  },
  (t) => [
    index('imports_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('imports_tenant_hash_idx').on(t.tenantId, t.fileHash),
    check('imports_status_check', sql`${t.status} in ('queued', 'processing', 'completed', 'failed')`),
    check('imports_granularity_check', sql`${t.granularity} in ('header', 'operation')`),
    check('imports_reject_policy_check', sql`${t.rejectPolicy} in ('skip', 'fail')`),
  ],
);

/** Why a row (or one cell of it) was rejected. */
export const importErrors = pgTable(
  'import_errors',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    /** No foreign key of its own: the import's cascades (tenant, facility) reach these rows. */
    tenantId: uuid('tenant_id').notNull(),
    rowNo: integer('row_no').notNull(),
    columnName: text('column_name'),
    value: text('value'),
    reason: text('reason').notNull(),
  },
  (t) => [index('import_errors_import_row_idx').on(t.importId, t.rowNo)],
);

function fieldColumn(name: string, type: FieldType): PgColumnBuilderBase {
  switch (type) {
    case 'text':
      return text(name);
    case 'number':
      return doublePrecision(name);
    case 'integer':
      return bigint(name, { mode: 'number' });
    case 'date':
      return at(name);
    case 'boolean':
      return boolean(name);
  }
}

const canonicalColumns = Object.fromEntries(
  CANONICAL_FIELDS.map((field) => [field.key, fieldColumn(columnOf(field.key), field.type)]),
) as Record<string, PgColumnBuilderBase>;

/** Work orders as imported: the canonical fields, typed, and the columns no mapping claimed. */
export const workOrders = pgTable(
  'work_orders',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // Tenant and facility carry no foreign keys here: every row is written by its import, whose own
    // keys cascade to it, and a key check per row would cost more than the insert (a million rows
    // an import). The import's key is kept.
    tenantId: uuid('tenant_id').notNull(),
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    facilityId: uuid('facility_id').notNull(),
    /** Data row of the file (the first row of the order for operation-level files). */
    rowNo: integer('row_no').notNull(),
    /** Operation rows rolled into this order (operation-level files), else null. */
    operations: integer('operations'),
    ...canonicalColumns,
    extra: jsonb('extra').$type<Record<string, string>>(),
  },
  (t) => [index('work_orders_import_row_idx').on(t.importId, t.rowNo)],
);

/** A tenant's import settings. */
export const analyticsSettings = pgTable(
  'analytics_settings',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** Default for imports that do not choose: report and skip rejected rows, or fail the import. */
    rejectPolicy: text('reject_policy').notNull().default('skip'),
    /** A re-upload of the same bytes: refused (409) or imported and marked as a duplicate. */
    duplicatePolicy: text('duplicate_policy').notNull().default('refuse'),
    /** Uploaded files are kept this long for reprocessing and download (0: forever). */
    fileRetentionDays: integer('file_retention_days').notNull().default(365),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('analytics_settings_reject_policy_check', sql`${t.rejectPolicy} in ('skip', 'fail')`),
    check('analytics_settings_duplicate_policy_check', sql`${t.duplicatePolicy} in ('refuse', 'mark')`),
  ],
);
