import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { apiKeys, tenantRef, users } from './identity.ts';
import { inList } from './supply.ts';

// The AI gateway (issue 18, seed 004): workspaces, pipelines and their versions, one row per
// gateway request, hourly pipeline metrics, daily sector analytics, cached answers and the query map.

const at = (name: string) => timestamp(name, { withTimezone: true });

export const PIPELINE_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export const COMPLEXITY_TIERS = ['simple', 'moderate', 'complex', 'enterprise'] as const;
export const GATEWAY_PROTOCOLS = ['openai', 'anthropic', 'internal'] as const;
export const CACHE_OUTCOMES = ['off', 'miss', 'exact', 'semantic'] as const;
export const REQUEST_STATUSES = ['ok', 'error', 'refused', 'budget', 'cancelled'] as const;
export const CACHE_KINDS = ['exact', 'semantic'] as const;

/** A team space inside a tenant that groups pipelines, with its own keys and monthly budget. */
export const aiWorkspaces = pgTable(
  'ai_workspaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    sector: text('sector').notNull(),
    description: text('description').notNull().default(''),
    /** Monthly budgets over all the workspace's pipelines (null: none). */
    monthlyBudgetUsd: doublePrecision('monthly_budget_usd'),
    monthlyBudgetTokens: integer('monthly_budget_tokens'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('ai_workspaces_name_key').on(t.tenantId, t.name)],
);

/** An API key that may only reach one workspace's pipelines (a row of api_keys, linked here). */
export const aiWorkspaceKeys = pgTable(
  'ai_workspace_keys',
  {
    apiKeyId: uuid('api_key_id')
      .primaryKey()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    tenantId: tenantRef(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => aiWorkspaces.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('ai_workspace_keys_workspace_idx').on(t.workspaceId)],
);

/** A pipeline: a graph of nodes (see modules/pipelines/graph-types.ts) owned by a workspace. */
export const aiPipelines = pgTable(
  'ai_pipelines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => aiWorkspaces.id, { onDelete: 'cascade' }),
    /** The gateway's `model` field is `pipeline/<slug>`; unique per tenant. */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sector: text('sector').notNull(),
    nodes: jsonb('nodes').$type<unknown[]>().notNull(),
    connections: jsonb('connections').$type<unknown[]>().notNull(),
    features: jsonb('features').$type<string[]>().notNull().default([]),
    nodeCount: integer('node_count').notNull().default(0),
    complexityTier: text('complexity_tier').notNull(),
    complexityScore: doublePrecision('complexity_score').notNull(),
    /** Estimated monthly cost in USD (documented formula in catalog/complexity.ts). */
    monthlyCost: doublePrecision('monthly_cost').notNull(),
    status: text('status').notNull().default('draft'),
    /** Bumped by every change of nodes, connections or features; requests record the version that served them. */
    version: integer('version').notNull().default(1),
    /** The tenant's pipeline for PlantIntel's own AI calls (analysis chat, narratives). */
    isDefault: boolean('is_default').notNull().default(false),
    /** Prompt and response text is kept in ai_requests only when this is on, for retentionDays. */
    storePrompts: boolean('store_prompts').notNull().default(false),
    retentionDays: integer('retention_days').notNull().default(30),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deployedAt: at('deployed_at'),
  },
  (t) => [
    uniqueIndex('ai_pipelines_slug_key').on(t.tenantId, t.slug),
    uniqueIndex('ai_pipelines_default_key').on(t.tenantId).where(sql`${t.isDefault}`),
    index('ai_pipelines_workspace_idx').on(t.workspaceId),
    check('ai_pipelines_status_check', inList(t.status, PIPELINE_STATUSES)),
    check('ai_pipelines_tier_check', inList(t.complexityTier, COMPLEXITY_TIERS)),
  ],
);

/** Every version a pipeline has had (the graph as it served requests). */
export const aiPipelineVersions = pgTable(
  'ai_pipeline_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => aiPipelines.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    nodes: jsonb('nodes').$type<unknown[]>().notNull(),
    connections: jsonb('connections').$type<unknown[]>().notNull(),
    features: jsonb('features').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ai_pipeline_versions_key').on(t.pipelineId, t.version)],
);

/** One row per gateway request (written in batches off the request path). */
export const aiRequests = pgTable(
  'ai_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantRef(),
    workspaceId: uuid('workspace_id').notNull(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => aiPipelines.id, { onDelete: 'cascade' }),
    pipelineVersion: integer('pipeline_version').notNull(),
    at: at('at').notNull(),
    protocol: text('protocol').notNull(),
    /** What the call was for: 'gateway' for integrators' traffic, 'analysis.chat', 'analysis.narrative', … */
    purpose: text('purpose').notNull(),
    apiKeyId: uuid('api_key_id'),
    cache: text('cache').notNull(),
    status: text('status').notNull(),
    errorCode: text('error_code'),
    latencyMs: real('latency_ms').notNull(),
    upstreamMs: real('upstream_ms').notNull().default(0),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    costUsd: doublePrecision('cost_usd').notNull().default(0),
    /** What a cache hit saved: the tokens and cost of the answer it replayed. */
    tokensSaved: integer('tokens_saved').notNull().default(0),
    costSavedUsd: doublePrecision('cost_saved_usd').notNull().default(0),
    provider: text('provider'),
    model: text('model'),
    /** The cache entry that answered (hits) or was written (misses). */
    cacheEntryId: uuid('cache_entry_id'),
    /** Kept only when the pipeline stores prompts (after redaction), until its retention ends. */
    prompt: text('prompt'),
    response: text('response'),
  },
  (t) => [
    index('ai_requests_pipeline_at_idx').on(t.pipelineId, t.at),
    index('ai_requests_tenant_at_idx').on(t.tenantId, t.at),
    check('ai_requests_protocol_check', inList(t.protocol, GATEWAY_PROTOCOLS)),
    check('ai_requests_cache_check', inList(t.cache, CACHE_OUTCOMES)),
    check('ai_requests_status_check', inList(t.status, REQUEST_STATUSES)),
  ],
);

/** Hourly rollup of ai_requests per pipeline (the seed's pipeline_metrics). */
export const aiPipelineMetrics = pgTable(
  'ai_pipeline_metrics',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantRef(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => aiPipelines.id, { onDelete: 'cascade' }),
    hour: at('hour').notNull(),
    requests: integer('requests').notNull(),
    errors: integer('errors').notNull().default(0),
    cacheHits: integer('cache_hits').notNull(),
    cacheMisses: integer('cache_misses').notNull(),
    /** Percent, 0 … 100, of requests that went through a cache node. */
    hitRate: doublePrecision('hit_rate').notNull(),
    latencyP50: doublePrecision('latency_p50').notNull(),
    latencyP95: doublePrecision('latency_p95').notNull(),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    costUsd: doublePrecision('cost_usd').notNull().default(0),
    costSaved: doublePrecision('cost_saved').notNull().default(0),
    tokensSaved: integer('tokens_saved').notNull().default(0),
  },
  (t) => [uniqueIndex('ai_pipeline_metrics_hour_key').on(t.pipelineId, t.hour)],
);

/** Daily rollup per sector (the seed's sector_analytics); top_query_types from the query map clusters. */
export const aiSectorAnalytics = pgTable(
  'ai_sector_analytics',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantRef(),
    sector: text('sector').notNull(),
    date: date('date').notNull(),
    totalRequests: integer('total_requests').notNull(),
    cacheHits: integer('cache_hits').notNull(),
    cacheMisses: integer('cache_misses').notNull(),
    avgLatency: doublePrecision('avg_latency').notNull(),
    costSaved: doublePrecision('cost_saved').notNull(),
    tokensSaved: integer('tokens_saved').notNull().default(0),
    topQueryTypes: jsonb('top_query_types')
      .$type<{ type: string; count: number; hitRate: number }[]>()
      .notNull()
      .default([]),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ai_sector_analytics_day_key').on(t.tenantId, t.sector, t.date)],
);

/** A cached answer of one pipeline: exact (by normalised request hash) and semantic (by embedding). */
export const aiCacheEntries = pgTable(
  'ai_cache_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => aiPipelines.id, { onDelete: 'cascade' }),
    /** sha256 of the normalised request (model parameters, system, messages, tools). */
    keyHash: text('key_hash').notNull(),
    /** The last user message as the semantic index sees it (redacted). */
    queryText: text('query_text').notNull(),
    /** Unit vector of the offline embedder (or the upstream's), null for exact-only entries. */
    embedding: real('embedding').array(),
    /** The whole answer: text, tool calls, finish reason, usage, model. */
    answer: jsonb('answer').$type<Record<string, unknown>>().notNull(),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    costUsd: doublePrecision('cost_usd').notNull().default(0),
    hits: integer('hits').notNull().default(0),
    createdAt: createdAt(),
    lastHitAt: at('last_hit_at'),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('ai_cache_entries_key').on(t.pipelineId, t.keyHash),
    index('ai_cache_entries_expires_idx').on(t.expiresAt),
  ],
);

/** The latest query map of a tenant (clusters, 2-D layout, flows, snapshot), recomputed by a job. */
export const aiQueryMaps = pgTable(
  'ai_query_maps',
  {
    tenantId: tenantRef().primaryKey(),
    computedAt: at('computed_at').notNull(),
    queries: integer('queries').notNull(),
    clusters: jsonb('clusters').$type<unknown[]>().notNull(),
    points: jsonb('points').$type<unknown[]>().notNull(),
    flows: jsonb('flows').$type<unknown[]>().notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  },
  () => [],
);
