import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { facilities, tenantRef } from './identity.ts';
import { productionLines } from './plant.ts';

// Inspection (seed 001, issue 15): stations with their cameras, part information and the part on
// each station, regions with acceptance rules (versioned per camera), triggers (a part passing a
// station) with their images and defects, and the dispositions people give them. Image bytes live
// in the file store; rows hold their keys.

const at = (name: string) => timestamp(name, { withTimezone: true });
const inList = (column: unknown, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;

export const inspectionSettings = pgTable('inspection_settings', {
  tenantId: tenantRef().primaryKey(),
  /** A rejection by one person waits for a second person's confirmation. */
  secondReview: boolean('second_review').notNull().default(false),
  updatedAt: updatedAt(),
});

export const inspectionStations = pgTable(
  'inspection_stations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    lineId: uuid('line_id').references(() => productionLines.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('inspection_stations_name_key').on(t.tenantId, t.facilityId, t.name)],
);

export const inspectionParts = pgTable(
  'inspection_parts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    partNumber: text('part_number').notNull(),
    name: text('name').notNull(),
    material: text('material'),
    drawingRevision: text('drawing_revision'),
    /** The cameras' regions of this set judge the part (`default` when a camera has none of it). */
    regionSet: text('region_set').notNull().default('default'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('inspection_parts_number_key').on(t.tenantId, t.partNumber)],
);

export const inspectionCurrentParts = pgTable('inspection_current_parts', {
  stationId: uuid('station_id')
    .primaryKey()
    .references(() => inspectionStations.id, { onDelete: 'cascade' }),
  tenantId: tenantRef(),
  partNumber: text('part_number').notNull(),
  partSerial: text('part_serial'),
  setBy: uuid('set_by'),
  setAt: at('set_at').notNull().defaultNow(),
});

export const inspectionCameras = pgTable(
  'inspection_cameras',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => inspectionStations.id, { onDelete: 'cascade' }),
    serialNumber: text('serial_number').notNull(),
    name: text('name').notNull(),
    lineId: uuid('line_id').references(() => productionLines.id, { onDelete: 'set null' }),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    mmPerPixel: doublePrecision('mm_per_pixel').notNull(),
    orientation: integer('orientation').notNull().default(0),
    status: text('status').notNull().default('offline'),
    lastSeenAt: at('last_seen_at'),
    /** Run the built-in detector on every image that arrives without defects. */
    detectOnIngest: boolean('detect_on_ingest').notNull().default(false),
    detector: jsonb('detector').$type<Record<string, unknown>>().notNull().default({}),
    /** Bumped by every region change; verdicts record the version they used. */
    regionVersion: integer('region_version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('inspection_cameras_serial_key').on(t.tenantId, t.serialNumber),
    index('inspection_cameras_station_idx').on(t.stationId),
    check('inspection_cameras_status_check', inList(t.status, ['online', 'offline', 'maintenance'])),
  ],
);

export const inspectionRegions = pgTable(
  'inspection_regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => inspectionCameras.id, { onDelete: 'cascade' }),
    regionSet: text('region_set').notNull().default('default'),
    name: text('name').notNull(),
    severity: text('severity').notNull().default('major'),
    kind: text('kind').notNull().default('inspect'),
    polygon: jsonb('polygon').$type<[number, number][]>().notNull(),
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull().default({}),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('inspection_regions_camera_idx').on(t.cameraId, t.regionSet),
    check('inspection_regions_severity_check', inList(t.severity, ['critical', 'major', 'minor'])),
    check('inspection_regions_kind_check', inList(t.kind, ['inspect', 'ignore'])),
  ],
);

/** Every version of a camera's regions, as it was after the change: what a verdict was judged by. */
export const inspectionRegionVersions = pgTable(
  'inspection_region_versions',
  {
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => inspectionCameras.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    tenantId: tenantRef(),
    change: text('change').notNull(),
    regions: jsonb('regions').$type<unknown[]>().notNull(),
    changedBy: uuid('changed_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.cameraId, t.version] })],
);

export const inspectionTriggers = pgTable(
  'inspection_triggers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => inspectionStations.id, { onDelete: 'cascade' }),
    partNumber: text('part_number').notNull(),
    partSerial: text('part_serial').notNull(),
    ts: at('ts').notNull(),
    verdict: text('verdict').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    imageCount: integer('image_count').notNull().default(0),
    defectCount: integer('defect_count').notNull().default(0),
    disposition: text('disposition'),
    dispositionBy: uuid('disposition_by'),
    dispositionAt: at('disposition_at'),
    dispositionNote: text('disposition_note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('inspection_triggers_station_idx').on(t.tenantId, t.stationId, t.ts),
    index('inspection_triggers_serial_idx').on(t.tenantId, t.partSerial, t.ts),
    index('inspection_triggers_ts_idx').on(t.tenantId, t.ts),
    check('inspection_triggers_verdict_check', inList(t.verdict, ['pass', 'fail'])),
    check(
      'inspection_triggers_disposition_check',
      sql`${t.disposition} is null or ${t.disposition} in ('accept', 'reject', 'rework', 'scrap')`,
    ),
  ],
);

export const inspectionImages = pgTable(
  'inspection_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    triggerId: uuid('trigger_id')
      .notNull()
      .references(() => inspectionTriggers.id, { onDelete: 'cascade' }),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => inspectionCameras.id, { onDelete: 'cascade' }),
    fileKey: text('file_key').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    format: text('format').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bitDepth: integer('bit_depth').notNull(),
    channels: integer('channels').notNull().default(1),
    /** The 16-bit display window, worked out on first display. */
    windowLow: integer('window_low'),
    windowHigh: integer('window_high'),
    regionVersion: integer('region_version').notNull(),
    verdict: text('verdict').notNull(),
    verdictDetail: jsonb('verdict_detail').$type<Record<string, unknown>>().notNull(),
    capturedAt: at('captured_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('inspection_images_camera_idx').on(t.cameraId, t.capturedAt),
    index('inspection_images_trigger_idx').on(t.triggerId),
    index('inspection_images_file_idx').on(t.fileKey),
    check('inspection_images_verdict_check', inList(t.verdict, ['pass', 'fail'])),
  ],
);

export const inspectionDefects = pgTable(
  'inspection_defects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    imageId: uuid('image_id')
      .notNull()
      .references(() => inspectionImages.id, { onDelete: 'cascade' }),
    triggerId: uuid('trigger_id').notNull(),
    cameraId: uuid('camera_id').notNull(),
    cx: doublePrecision('cx').notNull(),
    cy: doublePrecision('cy').notNull(),
    bboxX: doublePrecision('bbox_x').notNull(),
    bboxY: doublePrecision('bbox_y').notNull(),
    bboxW: doublePrecision('bbox_w').notNull(),
    bboxH: doublePrecision('bbox_h').notNull(),
    contour: jsonb('contour').$type<[number, number][]>(),
    areaPx: doublePrecision('area_px').notNull(),
    diameterMm: doublePrecision('diameter_mm').notNull(),
    areaMm2: doublePrecision('area_mm2').notNull(),
    type: text('type').notNull(),
    confidence: doublePrecision('confidence'),
    source: text('source').notNull(),
    /** The inspect regions the defect was assigned to by the latest verdict. */
    regionIds: uuid('region_ids').array().notNull().default(sql`'{}'::uuid[]`),
    ignored: boolean('ignored').notNull().default(false),
    disposition: text('disposition').notNull().default('pending'),
    dispositionBy: uuid('disposition_by'),
    dispositionAt: at('disposition_at'),
    dispositionNote: text('disposition_note'),
    /** Second review of a rejection: pending, confirmed or overturned (null: none needed). */
    review: text('review'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: at('reviewed_at'),
    reviewNote: text('review_note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('inspection_defects_image_idx').on(t.imageId),
    index('inspection_defects_created_idx').on(t.tenantId, t.createdAt),
    check(
      'inspection_defects_type_check',
      inList(t.type, ['porosity', 'gas_pore', 'shrinkage', 'inclusion', 'crack', 'other']),
    ),
    check('inspection_defects_source_check', inList(t.source, ['vision', 'detector', 'manual'])),
    check(
      'inspection_defects_disposition_check',
      inList(t.disposition, ['pending', 'accept', 'reject', 'rework', 'false_positive']),
    ),
    check(
      'inspection_defects_review_check',
      sql`${t.review} is null or ${t.review} in ('pending', 'confirmed', 'overturned')`,
    ),
  ],
);
