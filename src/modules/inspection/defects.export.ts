// Every defect of a period as a table for CSV/XLSX export, with the filters (and their meaning) of
// GET /inspection/defects/statistics: the rows add up to its `totals.defects`. Read oldest first in
// keyset pages of (trigger time, defect id), so millions of defects stream in bounded memory.
import { type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.ts';
import { type Db, type Executor, queryRows } from '../../platform/db/database.ts';
import { readInCallerTenant } from '../../platform/db/scope.ts';
import { paged, type TableColumn } from '../../platform/export/tabular.ts';
import { periodOf, type StatisticsQuery } from './statistics.service.ts';

export interface DefectExportRow {
  id: string;
  ts: string;
  /** The trigger time as PostgreSQL writes it (microseconds kept): the keyset cursor. */
  cursor: string;
  station: string;
  camera: string;
  partNumber: string;
  partSerial: string;
  partVerdict: string;
  partDisposition: string | null;
  type: string;
  confidence: number | null;
  source: string;
  diameterMm: number;
  areaMm2: number;
  cx: number;
  cy: number;
  regions: string | null;
  disposition: string;
  dispositionAt: string | null;
  dispositionNote: string | null;
  review: string | null;
  imageId: string;
  triggerId: string;
}

export const DEFECT_COLUMNS: TableColumn[] = [
  { key: 'ts', header: 'Part inspected (UTC)', type: 'date' },
  { key: 'station', header: 'Station' },
  { key: 'camera', header: 'Camera' },
  { key: 'partNumber', header: 'Part number' },
  { key: 'partSerial', header: 'Part serial' },
  { key: 'partVerdict', header: 'Part verdict', width: 12 },
  { key: 'partDisposition', header: 'Part disposition', width: 16 },
  { key: 'type', header: 'Defect type', width: 16 },
  { key: 'confidence', header: 'Confidence (%)', type: 'number' },
  { key: 'source', header: 'Found by', width: 12 },
  { key: 'diameterMm', header: 'Diameter (mm)', type: 'number' },
  { key: 'areaMm2', header: 'Area (mm²)', type: 'number' },
  { key: 'cx', header: 'Centre x (px)', type: 'number' },
  { key: 'cy', header: 'Centre y (px)', type: 'number' },
  { key: 'regions', header: 'Regions', width: 30 },
  { key: 'disposition', header: 'Disposition', width: 16 },
  { key: 'dispositionAt', header: 'Dispositioned (UTC)', type: 'date' },
  { key: 'dispositionNote', header: 'Disposition note', width: 40 },
  { key: 'review', header: 'Review', width: 12 },
  { key: 'id', header: 'Defect ID', width: 38 },
  { key: 'imageId', header: 'Image ID', width: 38 },
  { key: 'triggerId', header: 'Part (trigger) ID', width: 38 },
];

export type DefectExportQuery = Omit<StatisticsQuery, 'bucket'>;
type Filter = Omit<DefectExportQuery, 'from' | 'to'> & { from: Date; to: Date };
type Cursor = { ts: string; id: string };

const and = (condition: SQL | false) => condition || sql``;

async function defectPage(tx: Executor, f: Filter, after: Cursor | undefined, size: number) {
  const rows = await queryRows<DefectExportRow & { confidence: number | null }>(
    tx,
    sql`
    select d.id, t.ts, t.ts::text as cursor, st.name as station, c.name as camera,
           t.part_number as "partNumber", t.part_serial as "partSerial", t.verdict as "partVerdict",
           t.disposition as "partDisposition", d.type, d.confidence, d.source,
           d.diameter_mm as "diameterMm", d.area_mm2 as "areaMm2", d.cx, d.cy,
           (select string_agg(coalesce(g.name, r.id::text), '; ' order by g.name)
              from unnest(d.region_ids) as r(id) left join inspection_regions g on g.id = r.id) as regions,
           d.disposition, d.disposition_at as "dispositionAt", d.disposition_note as "dispositionNote",
           d.review, d.image_id as "imageId", t.id as "triggerId"
    from inspection_triggers t
      join inspection_images i on i.trigger_id = t.id
      join inspection_defects d on d.image_id = i.id
      join inspection_cameras c on c.id = i.camera_id
      join inspection_stations st on st.id = t.station_id
    where t.ts >= ${f.from.toISOString()}::timestamptz and t.ts < ${f.to.toISOString()}::timestamptz
      ${and(f.stationId !== undefined && sql`and t.station_id = ${f.stationId}::uuid`)}
      ${and(f.partNumber !== undefined && sql`and t.part_number = ${f.partNumber}`)}
      ${and(f.cameraId !== undefined && sql`and i.camera_id = ${f.cameraId}::uuid`)}
      ${and(f.type !== undefined && sql`and d.type = ${f.type}`)}
      ${and(after !== undefined && sql`and (t.ts, d.id) > (${after?.ts}::timestamptz, ${after?.id}::uuid)`)}
    order by t.ts, d.id
    limit ${size}`,
  );
  return rows.map((r) => ({
    ...r,
    confidence: r.confidence === null ? null : Math.round(r.confidence * 10_000) / 100,
  }));
}

export function createDefectExport({ db }: { db: Db }) {
  return {
    /** The rows (the first page is read when iteration starts: a bad period is a 400 then). */
    rows(principal: Principal, query: DefectExportQuery): AsyncIterable<DefectExportRow> {
      const { from, to } = periodOf({ from: query.from, to: query.to, bucket: 'day' });
      const filter: Filter = { ...query, from, to };
      return paged(
        (after: Cursor | undefined, size) =>
          readInCallerTenant(db, principal, (tx) => defectPage(tx, filter, after, size)),
        (last) => ({ ts: last.cursor, id: last.id }),
        2000,
      );
    },
  };
}

export type DefectExport = ReturnType<typeof createDefectExport>;
