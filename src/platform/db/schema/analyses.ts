import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
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
import { imports } from './analytics.ts';
import { createdAt, updatedAt } from './columns.ts';
import { facilities, tenantRef } from './identity.ts';

// Analyses of imports (seed 000, issue 14): one orchestrator run over an import, its ranked
// insights, the facility metrics kept as baselines for later analyses, the analyzer configuration
// per tenant and facility with its history, and the chat about an analysis.

const at = (name: string) => timestamp(name, { withTimezone: true });

export const analyses = pgTable(
  'analyses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    status: text('status').notNull().default('processing'),
    /** 1–4: how much of the canonical schema the import mapped (see analysis/requirements.ts). */
    dataTier: integer('data_tier'),
    analyzersRun: text('analyzers_run').array().notNull().default(sql`'{}'::text[]`),
    /** Per analyzer: ran or skipped, the fields it lacked, milliseconds, insight count, notes. */
    analyzers: jsonb('analyzers').$type<Record<string, unknown>>().notNull().default({}),
    /** The configuration the run used (preset and all 39 values). */
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    /** Metrics, charts, baselines compared, notes: everything but the insights. */
    results: jsonb('results').$type<Record<string, unknown>>(),
    narrative: text('narrative'),
    /** Who wrote the narrative: `offline`, or the LLM provider that rewrote it. */
    narrativeSource: text('narrative_source'),
    insightCount: integer('insight_count').notNull().default(0),
    rowCount: integer('row_count').notNull().default(0),
    errorMessage: text('error_message'),
    timings: jsonb('timings').$type<Record<string, number>>().notNull().default({}),
    jobId: text('job_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    completedAt: at('completed_at'),
  },
  (t) => [
    index('analyses_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('analyses_import_idx').on(t.importId),
    check('analyses_status_check', sql`${t.status} in ('processing', 'completed', 'failed')`),
  ],
);

/** One insight of an analysis, ranked by impact (rank 1 first); `body` holds the Insight. */
export const analysisInsights = pgTable(
  'analysis_insights',
  {
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    tenantId: tenantRef(),
    rank: integer('rank').notNull(),
    key: text('key').notNull(),
    analyzer: text('analyzer').notNull(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    score: doublePrecision('score').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.analysisId, t.rank] }),
    uniqueIndex('analysis_insights_key').on(t.analysisId, t.key),
  ],
);

/** Facility metrics of each completed analysis: the baselines later analyses compare with. */
export const analysisMetrics = pgTable(
  'analysis_metrics',
  {
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    tenantId: tenantRef(),
    facilityId: uuid('facility_id').notNull(),
    metric: text('metric').notNull(),
    value: doublePrecision('value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.analysisId, t.metric] }),
    index('analysis_metrics_facility_idx').on(t.tenantId, t.facilityId, t.metric, t.createdAt),
  ],
);

/** The analyzer configuration of a tenant (facility null) or of one of its facilities. */
export const analyzerConfigs = pgTable(
  'analyzer_configs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    facilityId: uuid('facility_id').references(() => facilities.id, { onDelete: 'cascade' }),
    presetType: text('preset_type').notNull().default('balanced'),
    config: jsonb('config').$type<Record<string, number | boolean | string>>().notNull(),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('analyzer_configs_scope_key').on(
      t.tenantId,
      sql`coalesce(${t.facilityId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    check(
      'analyzer_configs_preset_check',
      sql`${t.presetType} in ('conservative', 'balanced', 'aggressive', 'custom')`,
    ),
  ],
);

/** Every change of a configuration: who, when, and the variables that changed. */
export const analyzerConfigHistory = pgTable(
  'analyzer_config_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantRef(),
    facilityId: uuid('facility_id'),
    presetType: text('preset_type').notNull(),
    diff: jsonb('diff').$type<{ variable: string; from: unknown; to: unknown }[]>().notNull(),
    changedBy: uuid('changed_by'),
    changedAt: createdAt(),
  },
  (t) => [index('analyzer_config_history_scope_idx').on(t.tenantId, t.facilityId, t.changedAt)],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    content: text('content').notNull(),
    /** Assistant messages: the insights, metrics and rows the answer drew on, and the provider. */
    sources: jsonb('sources').$type<Record<string, unknown>>(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('chat_messages_analysis_idx').on(t.analysisId, t.createdAt),
    check('chat_messages_role_check', sql`${t.role} in ('user', 'assistant')`),
  ],
);
