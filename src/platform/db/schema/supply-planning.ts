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
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { tenantRef } from './identity.ts';
import { inList, supplyInventory, supplyWarehouses } from './supply.ts';

// Supply chain planning (issue 16): demand history per SKU and warehouse, forecast runs and the
// forecasts they store, the model registry (versions and their deployments), and decisions with
// their actions. Forecasts and decisions name the model version they used.

const at = (name: string) => timestamp(name, { withTimezone: true });

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const DECISION_TYPES = ['replenishment', 'routing'] as const;
export const DECISION_STATUSES = [
  'pending',
  'proposed',
  'failed',
  'approved',
  'rejected',
  'executed',
] as const;
export const MODEL_STAGES = ['production', 'staging'] as const;

/** Per tenant: the nightly refit of forecasting models, and the demo history still to be written. */
export const supplySettings = pgTable('supply_settings', {
  tenantId: tenantRef().primaryKey(),
  /** Refit the forecasting models every night (at `refitHour` UTC) and promote a better version. */
  nightlyRefit: boolean('nightly_refit').notNull().default(true),
  refitHour: integer('refit_hour').notNull().default(2),
  lastRefitAt: at('last_refit_at'),
  /** The demo tenant's two years of demand are written by a background job after start-up. */
  demoHistoryPending: boolean('demo_history_pending').notNull().default(false),
  /** Targets of the supply KPIs by name (e.g. `{ "fill_rate": 0.98 }`); defaults apply otherwise. */
  kpiTargets: jsonb('kpi_targets').$type<Record<string, number>>().notNull().default({}),
  /** Day through which the daily KPI rollup has run. */
  kpiRolledThrough: date('kpi_rolled_through'),
  updatedAt: updatedAt(),
});

/** One demand figure per SKU, warehouse and day (weeks and months are sums of days). */
export const supplyDemand = pgTable(
  'supply_demand',
  {
    tenantId: tenantRef(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => supplyWarehouses.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    day: date('day').notNull(),
    quantity: doublePrecision('quantity').notNull(),
    /** Promotions and other known events: shown on the chart, kept out of nothing. */
    promotion: boolean('promotion').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.warehouseId, t.sku, t.day] })],
);

export const supplyModels = pgTable(
  'supply_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    parameters: jsonb('parameters').$type<Record<string, unknown>>().notNull().default({}),
    trainingFrom: date('training_from'),
    trainingTo: date('training_to'),
    metrics: jsonb('metrics').$type<Record<string, number>>().notNull().default({}),
    artifact: jsonb('artifact').$type<Record<string, unknown>>().notNull().default({}),
    /** Why a trained version was or was not promoted. */
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('supply_models_version_key').on(t.tenantId, t.name, t.version)],
);

/** Append-only: the current deployment of a (model, stage, scope) is its latest row. */
export const supplyDeployments = pgTable(
  'supply_deployments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => supplyModels.id, { onDelete: 'cascade' }),
    modelName: text('model_name').notNull(),
    stage: text('stage').notNull(),
    scope: text('scope').notNull().default('all'),
    action: text('action').notNull().default('promote'),
    deployedBy: uuid('deployed_by'),
    reason: text('reason'),
    deployedAt: at('deployed_at').notNull().defaultNow(),
  },
  (t) => [
    index('supply_deployments_current_idx').on(t.tenantId, t.modelName, t.stage, t.scope, t.deployedAt),
    check('supply_deployments_stage_check', inList(t.stage, MODEL_STAGES)),
    check('supply_deployments_action_check', inList(t.action, ['promote', 'rollback'])),
  ],
);

export interface ForecastScope {
  skus?: string[];
  warehouseIds?: string[];
  categories?: string[];
}

export const supplyForecastRuns = pgTable(
  'supply_forecast_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    jobId: uuid('job_id'),
    scope: jsonb('scope').$type<ForecastScope>().notNull().default({}),
    bucket: text('bucket').notNull().default('week'),
    horizon: integer('horizon').notNull(),
    level: doublePrecision('level').notNull().default(0.95),
    status: text('status').notNull().default('queued'),
    modelId: uuid('model_id').references(() => supplyModels.id, { onDelete: 'set null' }),
    seriesCount: integer('series_count').notNull().default(0),
    doneCount: integer('done_count').notNull().default(0),
    /** Back-test error over the run's series (mean MASE, sMAPE) and the methods chosen. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    errorMessage: text('error_message'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    completedAt: at('completed_at'),
  },
  (t) => [
    index('supply_forecast_runs_created_idx').on(t.tenantId, t.createdAt),
    check('supply_forecast_runs_status_check', inList(t.status, RUN_STATUSES)),
  ],
);

export const supplyForecasts = pgTable(
  'supply_forecasts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantRef(),
    runId: uuid('run_id')
      .notNull()
      .references(() => supplyForecastRuns.id, { onDelete: 'cascade' }),
    inventoryId: uuid('inventory_id').references(() => supplyInventory.id, { onDelete: 'set null' }),
    warehouseId: uuid('warehouse_id').notNull(),
    sku: text('sku').notNull(),
    /** First period forecast (the period after the last of the history). */
    startDate: date('start_date').notNull(),
    method: text('method').notNull(),
    params: jsonb('params').$type<Record<string, number | string>>().notNull().default({}),
    demandClass: text('demand_class').notNull(),
    mean: doublePrecision('mean').array().notNull(),
    lower: doublePrecision('lower').array().notNull(),
    upper: doublePrecision('upper').array().notNull(),
    sigma: doublePrecision('sigma').notNull().default(0),
    mase: doublePrecision('mase'),
    smape: doublePrecision('smape'),
    backtest: jsonb('backtest').$type<Record<string, unknown>[]>().notNull().default([]),
    historyLength: integer('history_length').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('supply_forecasts_run_idx').on(t.runId, t.sku),
    index('supply_forecasts_series_idx').on(t.tenantId, t.warehouseId, t.sku, t.createdAt),
  ],
);

export const supplyDecisions = pgTable(
  'supply_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    type: text('type').notNull(),
    status: text('status').notNull().default('pending'),
    jobId: uuid('job_id'),
    scope: jsonb('scope').$type<ForecastScope>().notNull().default({}),
    constraints: jsonb('constraints').$type<Record<string, unknown>>().notNull().default({}),
    constraintChecks: jsonb('constraint_checks').$type<Record<string, unknown>[]>().notNull().default([]),
    softScores: jsonb('soft_scores').$type<Record<string, unknown>>().notNull().default({}),
    predictedCost: doublePrecision('predicted_cost'),
    costBreakdown: jsonb('cost_breakdown').$type<Record<string, number>>().notNull().default({}),
    confidence: doublePrecision('confidence'),
    confidenceNote: text('confidence_note'),
    summary: text('summary'),
    modelVersions: jsonb('model_versions').$type<Record<string, unknown>[]>().notNull().default([]),
    forecastRunId: uuid('forecast_run_id').references(() => supplyForecastRuns.id, { onDelete: 'set null' }),
    errorMessage: text('error_message'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    decidedBy: uuid('decided_by'),
    decidedAt: at('decided_at'),
    decisionNote: text('decision_note'),
    /** Type-specific detail: for routing the request, objective, unserved orders and search stats. */
    plan: jsonb('plan').$type<Record<string, unknown>>().notNull().default({}),
    executedBy: uuid('executed_by'),
    executedAt: at('executed_at'),
  },
  (t) => [
    index('supply_decisions_created_idx').on(t.tenantId, t.createdAt),
    check('supply_decisions_type_check', inList(t.type, DECISION_TYPES)),
    check('supply_decisions_status_check', inList(t.status, DECISION_STATUSES)),
  ],
);

export const supplyDecisionActions = pgTable(
  'supply_decision_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => supplyDecisions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull().default('purchase'),
    inventoryId: uuid('inventory_id').references(() => supplyInventory.id, { onDelete: 'set null' }),
    warehouseId: uuid('warehouse_id').notNull(),
    sku: text('sku').notNull(),
    quantity: doublePrecision('quantity').notNull(),
    orderDate: date('order_date').notNull(),
    arrivalDate: date('arrival_date').notNull(),
    amount: doublePrecision('amount').notNull(),
    /** The quantity's factors (they add up to it), the policy figures and sentences. */
    explanation: jsonb('explanation').$type<Record<string, unknown>>().notNull().default({}),
    orderId: uuid('order_id'),
  },
  (t) => [
    uniqueIndex('supply_decision_actions_position_key').on(t.decisionId, t.position),
    check('supply_decision_actions_quantity_check', sql`${t.quantity} >= 0`),
  ],
);
