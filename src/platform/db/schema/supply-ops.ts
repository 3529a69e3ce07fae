import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { tenantRef } from './identity.ts';
import { inList, supplyOrders, supplyVehicles, supplyWarehouses } from './supply.ts';
import { RUN_STATUSES, supplyDecisions } from './supply-planning.ts';

// Supply chain operations (issue 17): the routes of routing decisions, simulation scenario sets
// and runs, KPI measurements (daily rollups and external records) and anomaly flags.

const at = (name: string) => timestamp(name, { withTimezone: true });

export const METRIC_SOURCES = ['rollup', 'external'] as const;
export const ANOMALY_KINDS = ['order_quantity', 'delivery_delay', 'delivery_cost'] as const;
export const ANOMALY_STATUSES = ['open', 'dismissed'] as const;

/** One stop of a planned route (times are ISO instants; the day's minutes are kept beside them). */
export interface RouteStopRecord {
  orderId: string;
  clientId: string | null;
  sequence: number;
  arrival: string;
  start: string;
  departure: string;
  waitMinutes: number;
  windowIndex: number;
  loadAfterKg: number;
  loadAfterM3: number;
  legDistanceKm: number;
  /** Kept from the previous plan by a re-optimisation (already executed or under way). */
  fixed?: boolean;
}

/** A vehicle's route in a routing decision (one row per used vehicle). */
export const supplyRoutes = pgTable(
  'supply_routes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => supplyDecisions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    vehicleId: uuid('vehicle_id').references(() => supplyVehicles.id, { onDelete: 'set null' }),
    vehicleCode: text('vehicle_code').notNull(),
    depotId: uuid('depot_id').references(() => supplyWarehouses.id, { onDelete: 'set null' }),
    stops: jsonb('stops').$type<RouteStopRecord[]>().notNull().default([]),
    startAt: at('start_at').notNull(),
    endAt: at('end_at').notNull(),
    distanceKm: doublePrecision('distance_km').notNull(),
    drivingMinutes: doublePrecision('driving_minutes').notNull(),
    durationMinutes: doublePrecision('duration_minutes').notNull(),
    loadKg: doublePrecision('load_kg').notNull(),
    loadM3: doublePrecision('load_m3').notNull(),
    /** Share of the binding capacity used (0 … 1). */
    utilisation: doublePrecision('utilisation').notNull(),
    co2Kg: doublePrecision('co2_kg').notNull(),
    risk: doublePrecision('risk').notNull().default(0),
    cost: doublePrecision('cost').notNull(),
    /** Cost components, binding constraints and per-stop facts for the explanation endpoints. */
    explanation: jsonb('explanation').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('supply_routes_position_key').on(t.decisionId, t.position),
    index('supply_routes_vehicle_idx').on(t.vehicleId),
  ],
);

/** A generated set of scenarios (demand shocks, breakdowns, lead-time noise, delays) with a seed. */
export const supplyScenarioSets = pgTable(
  'supply_scenario_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    seed: integer('seed').notNull(),
    /** The generator's parameters, as requested. */
    parameters: jsonb('parameters').$type<Record<string, unknown>>().notNull().default({}),
    /** The generated scenarios (events per day and replication, or their compact description). */
    scenarios: jsonb('scenarios').$type<Record<string, unknown>[]>().notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('supply_scenario_sets_created_idx').on(t.tenantId, t.createdAt)],
);

/** A simulation run: N replications over a horizon comparing policies; KPI distributions. */
export const supplySimulations = pgTable(
  'supply_simulations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    status: text('status').notNull().default('queued'),
    jobId: uuid('job_id'),
    scenarioSetId: uuid('scenario_set_id').references(() => supplyScenarioSets.id, { onDelete: 'set null' }),
    /** Replications, horizon, seed, policies compared, scope. */
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    /** Per policy and KPI: mean, p5, p50, p95 (and the raw per-replication values if small). */
    results: jsonb('results').$type<Record<string, unknown>>().notNull().default({}),
    summary: text('summary'),
    errorMessage: text('error_message'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [
    index('supply_simulations_created_idx').on(t.tenantId, t.createdAt),
    check('supply_simulations_status_check', inList(t.status, RUN_STATUSES)),
  ],
);

/** A KPI measurement: a daily rollup from operational data, or an external record. */
export const supplyMetrics = pgTable(
  'supply_metrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    kpi: text('kpi').notNull(),
    day: date('day').notNull(),
    value: doublePrecision('value').notNull(),
    unit: text('unit'),
    warehouseId: uuid('warehouse_id').references(() => supplyWarehouses.id, { onDelete: 'cascade' }),
    source: text('source').notNull().default('external'),
    /** What the figure was computed from (numerator, denominator, counts) or the caller's tags. */
    dimensions: jsonb('dimensions').$type<Record<string, unknown>>().notNull().default({}),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('supply_metrics_kpi_idx').on(t.tenantId, t.kpi, t.day),
    check('supply_metrics_source_check', inList(t.source, METRIC_SOURCES)),
  ],
);

/** A flagged anomaly: an unusual order quantity, a delivery delay or a delivery cost. */
export const supplyAnomalies = pgTable(
  'supply_anomalies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    kind: text('kind').notNull(),
    orderId: uuid('order_id').references(() => supplyOrders.id, { onDelete: 'cascade' }),
    routeId: uuid('route_id').references(() => supplyRoutes.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    value: doublePrecision('value').notNull(),
    expected: doublePrecision('expected').notNull(),
    /** Robust z-score (or ratio) behind the flag. */
    score: doublePrecision('score').notNull(),
    detail: text('detail').notNull(),
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
  },
  (t) => [
    index('supply_anomalies_day_idx').on(t.tenantId, t.day),
    uniqueIndex('supply_anomalies_order_key')
      .on(t.tenantId, t.kind, t.orderId)
      .where(sql`${t.orderId} is not null`),
    uniqueIndex('supply_anomalies_route_key')
      .on(t.tenantId, t.kind, t.routeId)
      .where(sql`${t.routeId} is not null`),
    check('supply_anomalies_kind_check', inList(t.kind, ANOMALY_KINDS)),
    check('supply_anomalies_status_check', inList(t.status, ANOMALY_STATUSES)),
  ],
);
