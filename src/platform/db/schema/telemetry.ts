import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { createdAt, updatedAt } from './columns.ts';
import { facilities, tenantRef, tenants } from './identity.ts';
import { productionLines } from './plant.ts';

// Telemetry (seed 003, issue 12): sensors, their groups, the streaming detectors' state and the
// alarms they raise. The readings themselves and their rollups are partitioned tables written with
// set-based SQL, created in drizzle/0016_telemetry_readings.sql (drizzle-kit does not model
// partitioning). Row-level security for all of them is there too.

const at = (name: string) => timestamp(name, { withTimezone: true });

/** How a sensor's readings are judged; every part can be switched off. Stored as given. */
export interface DetectionConfig {
  /** Alarm when a reading leaves [lowerSpec, upperSpec]. */
  spec: boolean;
  ewma: { enabled: boolean; lambda: number; width: number };
  zscore: { enabled: boolean; window: number; threshold: number };
  anomaly?: { enabled: boolean; threshold: number };
  /** SPC run rules (we1–we4, n1–n8) judged against the control limits. */
  rules: readonly string[];
  /** Readings the control limits are learned from when none are set by hand. */
  baselineCount: number;
}

export const sensors = pgTable(
  'sensors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    lineId: uuid('line_id').references(() => productionLines.id, { onDelete: 'set null' }),
    /** Free-form equipment name (a pump, a press) when the sensor sits below the line. */
    equipment: text('equipment'),
    /** Unique per facility: the name devices publish under (MQTT topic, line-protocol tags). */
    key: text('key').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    unit: text('unit'),
    lowerSpec: doublePrecision('lower_spec'),
    upperSpec: doublePrecision('upper_spec'),
    target: doublePrecision('target'),
    /** Expected seconds between readings. */
    samplingSeconds: doublePrecision('sampling_seconds'),
    detection: jsonb('detection').$type<DetectionConfig>().notNull(),
    /** SPC center line and sigma: set by hand (`manual`) or learned from the first readings (`baseline`). */
    controlCenter: doublePrecision('control_center'),
    controlSigma: doublePrecision('control_sigma'),
    limitsSource: text('limits_source'),
    /** An alarm clears itself once its rule has been quiet this long (reading time). */
    clearAfterSeconds: integer('clear_after_seconds').notNull().default(300),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('sensors_tenant_facility_key_key').on(t.tenantId, t.facilityId, t.key),
    index('sensors_tenant_line_idx').on(t.tenantId, t.lineId),
    check('sensors_limits_source_check', sql`${t.limitsSource} in ('manual', 'baseline')`),
  ],
);

/**
 * Where each sensor's streaming detectors are: their state after the newest reading judged, the
 * newest reading itself, and the count of readings stored. One row per sensor, locked by ingest
 * while a batch is judged, so batches of one sensor are judged one after the other. `checkpoint`
 * and `pending` are earlier states kept to replay late data (modules/telemetry/replay.ts), each
 * with the reading time (epoch ms) it stands at; a new sensor's checkpoint is its empty state
 * (−Infinity: before the first reading); null → none kept.
 */
export const sensorState = pgTable('sensor_state', {
  sensorId: uuid('sensor_id')
    .primaryKey()
    .references(() => sensors.id, { onDelete: 'cascade' }),
  tenantId: tenantRef(),
  lastTs: at('last_ts'),
  lastValue: doublePrecision('last_value'),
  state: jsonb('state').$type<Record<string, unknown>>().notNull().default({}),
  checkpoint: jsonb('checkpoint').$type<Record<string, unknown>>().default({}),
  checkpointTs: doublePrecision('checkpoint_ts').default(sql`'-Infinity'::float8`),
  pending: jsonb('pending').$type<Record<string, unknown>>(),
  pendingTs: doublePrecision('pending_ts'),
  updatedAt: updatedAt(),
});

/** Sensors watched together (e.g. all the sensors of one pump) by a multivariate model. */
export const sensorGroups = pgTable(
  'sensor_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    /** The trained T²/SPE model (multivariate.ts PcaModel) with its training window; null until trained. */
    model: jsonb('model').$type<Record<string, unknown>>(),
    trainedAt: at('trained_at'),
    /** Seconds per aligned row: readings of the members are averaged over buckets this wide. */
    alignSeconds: integer('align_seconds').notNull().default(60),
    /** Newest aligned bucket already judged. */
    evaluatedUntil: at('evaluated_until'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sensor_groups_tenant_name_key').on(t.tenantId, t.name)],
);

export const sensorGroupMembers = pgTable(
  'sensor_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => sensorGroups.id, { onDelete: 'cascade' }),
    sensorId: uuid('sensor_id')
      .notNull()
      .references(() => sensors.id, { onDelete: 'cascade' }),
    tenantId: tenantRef(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.sensorId] }),
    index('sensor_group_members_sensor_idx').on(t.sensorId),
  ],
);

/**
 * An anomaly that needs a person: open → acknowledged → cleared. At most one alarm per sensor (or
 * group) and rule is not cleared at any time; further signals of the rule extend it.
 */
export const alarms = pgTable(
  'alarms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    sensorId: uuid('sensor_id').references(() => sensors.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id').references(() => sensorGroups.id, { onDelete: 'cascade' }),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    severity: text('severity').notNull(),
    status: text('status').notNull().default('open'),
    message: text('message').notNull(),
    /** The reading (or statistic) that opened it. */
    value: doublePrecision('value'),
    /** Reading time of the first and the latest signal. */
    openedAt: at('opened_at').notNull(),
    lastSignalAt: at('last_signal_at').notNull(),
    signalCount: integer('signal_count').notNull().default(1),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: at('acknowledged_at'),
    ackNote: text('ack_note'),
    clearedAt: at('cleared_at'),
    /** Null when it cleared by itself. */
    clearedBy: uuid('cleared_by'),
    clearNote: text('clear_note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('alarms_sensor_rule_active_key')
      .on(t.sensorId, t.rule)
      .where(sql`${t.status} <> 'cleared' and ${t.sensorId} is not null`),
    uniqueIndex('alarms_group_rule_active_key')
      .on(t.groupId, t.rule)
      .where(sql`${t.status} <> 'cleared' and ${t.groupId} is not null`),
    index('alarms_tenant_status_opened_idx').on(t.tenantId, t.status, t.openedAt),
    index('alarms_sensor_opened_idx').on(t.sensorId, t.openedAt),
    check('alarms_status_check', sql`${t.status} in ('open', 'acknowledged', 'cleared')`),
    check('alarms_severity_check', sql`${t.severity} in ('warning', 'critical')`),
    check('alarms_subject_check', sql`(${t.sensorId} is null) <> (${t.groupId} is null)`),
  ],
);

/** A tenant's telemetry settings: how devices reach it and what they may create. */
export const telemetrySettings = pgTable(
  'telemetry_settings',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** Line protocol and MQTT may create a sensor for a key they do not know. */
    autoCreateSensors: boolean('auto_create_sensors').notNull().default(false),
    /** Where auto-created sensors go, and where keys are looked up when a device names no facility. */
    defaultFacilityId: uuid('default_facility_id').references(() => facilities.id, { onDelete: 'set null' }),
    /**
     * The tenant's segment in MQTT topics on a shared broker (`plantintel/<topicKey>/<facility>/<sensorKey>`):
     * random and unguessable, so one tenant's devices cannot publish as another's. Null → MQTT off.
     */
    mqttTopicKey: text('mqtt_topic_key'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('telemetry_settings_mqtt_topic_key_key').on(t.mqttTopicKey)],
);
