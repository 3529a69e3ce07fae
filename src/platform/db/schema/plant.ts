import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { facilities, tenantRef } from './identity.ts';

// Plant operations (seed 003): lines, their status history, downtime reasons, shift calendars,
// batches and the OEE computed when a batch completes. Row-level security: drizzle/0007_plant_rls.sql.

const at = (name: string) => timestamp(name, { withTimezone: true });

export const productionLines = pgTable(
  'production_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    status: text('status').notNull().default('idle'),
    statusSince: at('status_since').notNull().defaultNow(),
    statusReasonCode: text('status_reason_code'),
    /** OEE the line is expected to reach (0–1), shown against actuals. */
    oeeTarget: doublePrecision('oee_target').notNull().default(0.85),
    /** A completed batch scrapping more than this share raises ScrapDetected. */
    scrapThreshold: doublePrecision('scrap_threshold').notNull().default(0.05),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('production_lines_tenant_facility_code_key').on(t.tenantId, t.facilityId, t.code),
    index('production_lines_tenant_status_idx').on(t.tenantId, t.status),
    check('production_lines_status_check', sql`${t.status} in ('running', 'idle', 'down', 'maintenance')`),
  ],
);

/** Every status a line has been in, so downtime can be measured afterwards. */
export const lineStatusHistory = pgTable(
  'line_status_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => productionLines.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    reasonCode: text('reason_code'),
    note: text('note'),
    startedAt: at('started_at').notNull(),
    /** Null while it is the line's current status. */
    endedAt: at('ended_at'),
    changedBy: uuid('changed_by'),
  },
  (t) => [
    index('line_status_history_line_time_idx').on(t.lineId, t.startedAt),
    index('line_status_history_tenant_time_idx').on(t.tenantId, t.startedAt),
  ],
);

export const downtimeReasons = pgTable(
  'downtime_reasons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    /** Planned stops leave planned production time; unplanned ones are availability losses. */
    planned: boolean('planned').notNull(),
    category: text('category').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('downtime_reasons_tenant_code_key').on(t.tenantId, t.code)],
);

export interface ShiftBreak {
  name: string;
  /** Local time HH:MM; a break earlier than the shift start falls on the next day. */
  start: string;
  minutes: number;
}

/** A facility's shift calendar: when production is planned, with breaks as planned stops. */
export const shifts = pgTable(
  'shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Local times HH:MM in the facility's time zone; an end not after the start is the next day. */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    /** ISO weekdays the shift runs, 1 = Monday … 7 = Sunday. */
    days: smallint('days').array().notNull(),
    breaks: jsonb('breaks').$type<ShiftBreak[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('shifts_facility_name_key').on(t.tenantId, t.facilityId, t.name)],
);

/** A production run of one product on one line. */
export const batches = pgTable(
  'batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    // Restrict: a line with batches cannot be deleted (their OEE history would lose its line).
    lineId: uuid('line_id')
      .notNull()
      .references(() => productionLines.id, { onDelete: 'restrict' }),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    productSku: text('product_sku').notNull(),
    productName: text('product_name'),
    plannedQuantity: integer('planned_quantity').notNull(),
    idealCycleSeconds: doublePrecision('ideal_cycle_seconds').notNull(),
    plannedStart: at('planned_start'),
    plannedEnd: at('planned_end'),
    labourRate: doublePrecision('labour_rate').notNull().default(0),
    materialCostPerUnit: doublePrecision('material_cost_per_unit').notNull().default(0),
    status: text('status').notNull().default('planned'),
    startedAt: at('started_at'),
    completedAt: at('completed_at'),
    goodCount: integer('good_count'),
    scrapCount: integer('scrap_count'),
    reworkCount: integer('rework_count'),
    labourHours: doublePrecision('labour_hours'),
    notes: text('notes'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('batches_tenant_code_key').on(t.tenantId, t.code),
    index('batches_tenant_line_created_idx').on(t.tenantId, t.lineId, t.createdAt),
    index('batches_tenant_status_idx').on(t.tenantId, t.status),
    // One running batch per line, whatever races the application might lose.
    uniqueIndex('batches_one_running_per_line').on(t.lineId).where(sql`${t.status} = 'running'`),
    check('batches_status_check', sql`${t.status} in ('planned', 'running', 'completed')`),
  ],
);

/** OEE of a completed batch, computed from its counts and the line's status history. */
export const batchOee = pgTable(
  'batch_oee',
  {
    batchId: uuid('batch_id')
      .primaryKey()
      .references(() => batches.id, { onDelete: 'cascade' }),
    tenantId: tenantRef(),
    lineId: uuid('line_id').notNull(),
    windowSeconds: doublePrecision('window_seconds').notNull(),
    plannedStopSeconds: doublePrecision('planned_stop_seconds').notNull(),
    plannedProductionSeconds: doublePrecision('planned_production_seconds').notNull(),
    unplannedDowntimeSeconds: doublePrecision('unplanned_downtime_seconds').notNull(),
    runSeconds: doublePrecision('run_seconds').notNull(),
    idealRunSeconds: doublePrecision('ideal_run_seconds').notNull(),
    totalCount: integer('total_count').notNull(),
    goodCount: integer('good_count').notNull(),
    availability: doublePrecision('availability'),
    performance: doublePrecision('performance'),
    quality: doublePrecision('quality'),
    oee: doublePrecision('oee'),
    scrapRate: doublePrecision('scrap_rate'),
    yieldRate: doublePrecision('yield_rate'),
    labourCost: doublePrecision('labour_cost').notNull(),
    materialCost: doublePrecision('material_cost').notNull(),
    scrapCost: doublePrecision('scrap_cost').notNull(),
    /** Performance above 100 %: more parts than the ideal cycle time allows — check the ideal cycle. */
    performanceAboveIdeal: boolean('performance_above_ideal').notNull(),
    computedAt: at('computed_at').notNull().defaultNow(),
  },
  (t) => [index('batch_oee_tenant_line_idx').on(t.tenantId, t.lineId)],
);

/**
 * The part of a batch that fell in one shift (or one day without a shift calendar), with counts
 * allocated by run time: what OEE reports by line, day and shift add up.
 */
export const batchOeeSegments = pgTable(
  'batch_oee_segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    lineId: uuid('line_id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    /** Local calendar day (facility time zone) the segment's shift started on. */
    day: date('day').notNull(),
    shiftName: text('shift_name'),
    segmentStart: at('segment_start').notNull(),
    segmentEnd: at('segment_end').notNull(),
    plannedProductionSeconds: doublePrecision('planned_production_seconds').notNull(),
    unplannedDowntimeSeconds: doublePrecision('unplanned_downtime_seconds').notNull(),
    runSeconds: doublePrecision('run_seconds').notNull(),
    idealRunSeconds: doublePrecision('ideal_run_seconds').notNull(),
    idealGoodSeconds: doublePrecision('ideal_good_seconds').notNull(),
    totalCount: doublePrecision('total_count').notNull(),
    goodCount: doublePrecision('good_count').notNull(),
  },
  (t) => [
    index('batch_oee_segments_tenant_day_idx').on(t.tenantId, t.day),
    index('batch_oee_segments_batch_idx').on(t.batchId),
  ],
);
