import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db/database.ts';

// Defect statistics in one statement (one snapshot: the totals, breakdowns and series agree with
// each other even while parts arrive). The triggers in the period (and station, part number,
// camera) are `t`, their images (of that camera) `ti`, the images' defects (of that type) `d`;
// each section is a JSON list. Every aggregate column carries an alias: the rows become objects
// keyed by column name.

export type Bucket = 'day' | 'shift';

export interface StatisticsFilter {
  /** Period of the triggers' time: from inclusive, to exclusive. */
  from: Date;
  to: Date;
  stationId?: string | undefined;
  cameraId?: string | undefined;
  partNumber?: string | undefined;
  type?: string | undefined;
  bucket: Bucket;
}

/** Buckets: UTC days, or three 8-hour shifts a day starting 06:00, 14:00 and 22:00 UTC. */
export const BUCKETS: Record<Bucket, { width: string; origin: string; ms: number }> = {
  day: { width: '1 day', origin: '2000-01-01T00:00:00Z', ms: 86_400_000 },
  shift: { width: '8 hours', origin: '2000-01-01T06:00:00Z', ms: 28_800_000 },
};

export interface StatisticsRows {
  totals: {
    defects: number;
    triggers: number;
    failedTriggers: number;
    dispositionedDefects: number;
    falsePositives: number;
    reworkDefects: number;
    dispositionedParts: number;
    reworkParts: number;
  };
  byType: { type: string; count: number }[];
  byCamera: { cameraId: string; cameraName: string; images: number; failedImages: number; defects: number }[];
  byRegion: { regionId: string; name: string | null; cameraId: string | null; count: number }[];
  byDisposition: { disposition: string; count: number }[];
  byPartDisposition: { disposition: string; count: number }[];
  byPartNumber: { partNumber: string; triggers: number; failed: number; defects: number }[];
  falsePositiveByCameraAndType: {
    cameraId: string;
    cameraName: string;
    type: string;
    dispositioned: number;
    falsePositives: number;
  }[];
  series: { start: string; defects: number; triggers: number; failed: number }[];
}

const and = (condition: SQL | false) => condition || sql``;

/** A JSON list of the rows of `query`. */
const list = (query: SQL) => sql`(select coalesce(json_agg(x), '[]'::json) from (${query}) x)`;

export async function defectStatistics(tx: Executor, f: StatisticsFilter): Promise<StatisticsRows> {
  const from = sql`${f.from.toISOString()}::timestamptz`;
  const to = sql`${f.to.toISOString()}::timestamptz`;
  const width = sql`${BUCKETS[f.bucket].width}::interval`;
  const origin = sql`${BUCKETS[f.bucket].origin}::timestamptz`;
  const onCamera = (column: SQL) => and(f.cameraId !== undefined && sql`and ${column} = ${f.cameraId}::uuid`);
  const [row] = await queryRows<StatisticsRows>(
    tx,
    sql`
    with t as materialized (
      select t.id, t.ts, t.verdict, t.part_number, t.disposition
      from inspection_triggers t
      where t.ts >= ${from} and t.ts < ${to}
        ${and(f.stationId !== undefined && sql`and t.station_id = ${f.stationId}::uuid`)}
        ${and(f.partNumber !== undefined && sql`and t.part_number = ${f.partNumber}`)}
        ${and(
          f.cameraId !== undefined &&
            sql`and exists (select 1 from inspection_images ci where ci.trigger_id = t.id and ci.camera_id = ${f.cameraId}::uuid)`,
        )}
    ),
    ti as materialized (
      select i.id, i.camera_id, i.verdict, t.ts, t.part_number
      from t join inspection_images i on i.trigger_id = t.id
      where true ${onCamera(sql`i.camera_id`)}
    ),
    d as materialized (
      select d.id, d.type, d.disposition, d.region_ids, ti.camera_id, ti.ts, ti.part_number
      from ti join inspection_defects d on d.image_id = ti.id
      where true ${and(f.type !== undefined && sql`and d.type = ${f.type}`)}
    )
    select
      json_build_object(
        'defects', (select count(*) from d)::int,
        'triggers', (select count(*) from t)::int,
        'failedTriggers', (select count(*) from t where verdict = 'fail')::int,
        'dispositionedDefects', (select count(*) from d where disposition <> 'pending')::int,
        'falsePositives', (select count(*) from d where disposition = 'false_positive')::int,
        'reworkDefects', (select count(*) from d where disposition = 'rework')::int,
        'dispositionedParts', (select count(*) from t where disposition is not null)::int,
        'reworkParts', (select count(*) from t where disposition = 'rework')::int
      ) as totals,
      ${list(sql`select type, count(*)::int as count from d group by type`)} as "byType",
      ${list(sql`
        select c.id as "cameraId", c.name as "cameraName", im.images, im.failed as "failedImages",
               coalesce(dc.defects, 0)::int as defects
        from (select camera_id, count(*)::int as images, (count(*) filter (where verdict = 'fail'))::int as failed
              from ti group by camera_id) im
          join inspection_cameras c on c.id = im.camera_id
          left join (select camera_id, count(*)::int as defects from d group by camera_id) dc on dc.camera_id = im.camera_id`)} as "byCamera",
      ${list(sql`
        select r.region_id as "regionId", g.name as name, g.camera_id as "cameraId", count(*)::int as count
        from d cross join lateral unnest(d.region_ids) as r(region_id)
          left join inspection_regions g on g.id = r.region_id
        group by r.region_id, g.name, g.camera_id`)} as "byRegion",
      ${list(sql`select disposition, count(*)::int as count from d group by disposition`)} as "byDisposition",
      ${list(sql`select disposition, count(*)::int as count from t where disposition is not null group by disposition`)} as "byPartDisposition",
      ${list(sql`
        select tp.part_number as "partNumber", tp.triggers, tp.failed, coalesce(dp.defects, 0)::int as defects
        from (select part_number, count(*)::int as triggers, (count(*) filter (where verdict = 'fail'))::int as failed
              from t group by part_number) tp
          left join (select part_number, count(*)::int as defects from d group by part_number) dp
            on dp.part_number = tp.part_number`)} as "byPartNumber",
      ${list(sql`
        select d.camera_id as "cameraId", c.name as "cameraName", d.type as type,
               (count(*) filter (where d.disposition <> 'pending'))::int as dispositioned,
               (count(*) filter (where d.disposition = 'false_positive'))::int as "falsePositives"
        from d join inspection_cameras c on c.id = d.camera_id
        group by d.camera_id, c.name, d.type
        having count(*) filter (where d.disposition <> 'pending') > 0`)} as "falsePositiveByCameraAndType",
      ${list(sql`
        select to_char(s.start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as start,
               coalesce(db.defects, 0)::int as defects, coalesce(tb.triggers, 0)::int as triggers,
               coalesce(tb.failed, 0)::int as failed
        from generate_series(date_bin(${width}, ${from}, ${origin}), ${to} - interval '1 microsecond', ${width}) as s(start)
          left join (select date_bin(${width}, ts, ${origin}) as start, count(*)::int as triggers,
                            (count(*) filter (where verdict = 'fail'))::int as failed
                     from t group by 1) tb on tb.start = s.start
          left join (select date_bin(${width}, ts, ${origin}) as start, count(*)::int as defects
                     from d group by 1) db on db.start = s.start`)} as series`,
  );
  if (!row) throw new Error('statistics query returned no row');
  return row;
}
