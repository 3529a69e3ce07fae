import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { readInCallerTenant } from '../../platform/db/scope.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { DEFECT_TYPES } from './engine/types.ts';
import { DEFECT_DISPOSITIONS, PART_DISPOSITIONS } from './inspection.schemas.ts';
import { BUCKETS, type Bucket, defectStatistics, type StatisticsRows } from './statistics.repo.ts';

// Defect statistics for quality reviews: the period's totals and rates, breakdowns by type,
// camera, region, disposition and part number, the Pareto of defect types, false positives by
// camera and type, and a series per day or shift. Rates are 0–1 and 0 when there is nothing to
// divide by.

/** Period when none is given: the 30 days up to now. */
export const DEFAULT_PERIOD_MS = 30 * 86_400_000;
/** Most buckets in a series (about 5 years of days, 22 months of shifts). */
export const MAX_BUCKETS = 2000;

export interface StatisticsQuery {
  from?: string | undefined;
  to?: string | undefined;
  stationId?: string | undefined;
  cameraId?: string | undefined;
  partNumber?: string | undefined;
  type?: string | undefined;
  bucket?: Bucket | undefined;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
/** Code-point order: the same on every server, whatever its locale. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byCountThen =
  <T extends { count: number }>(key: (row: T) => string) =>
  (a: T, b: T) =>
    b.count - a.count || compareText(key(a), key(b));

/** Count per value of `key`. */
const countsBy = <K extends string>(rows: (Record<K, string> & { count: number })[], key: K) =>
  new Map(rows.map((r) => [r[key], r.count]));

/** Types by count, largest first, each with its share and the running share. */
export function paretoOf<T extends string>(byType: { type: T; count: number }[]) {
  const total = byType.reduce((n, r) => n + r.count, 0);
  let running = 0;
  return byType
    .filter((r) => r.count > 0)
    .sort(byCountThen((r) => r.type))
    .map((r) => {
      running += r.count;
      return {
        type: r.type,
        count: r.count,
        share: ratio(r.count, total),
        cumulativeShare: ratio(running, total),
      };
    });
}

/** The statistics body from the rows of one query. */
export function summarize(rows: StatisticsRows) {
  const t = rows.totals;
  const types = countsBy(rows.byType, 'type');
  const dispositions = countsBy(rows.byDisposition, 'disposition');
  const partDispositions = countsBy(rows.byPartDisposition, 'disposition');
  const byType = DEFECT_TYPES.map((type) => ({ type, count: types.get(type) ?? 0 }));
  return {
    totals: {
      ...t,
      rejectRate: ratio(t.failedTriggers, t.triggers),
      falsePositiveRate: ratio(t.falsePositives, t.dispositionedDefects),
      reworkShare: ratio(t.reworkDefects, t.dispositionedDefects),
      partReworkShare: ratio(t.reworkParts, t.dispositionedParts),
    },
    byType,
    byCamera: rows.byCamera.sort((a, b) => b.defects - a.defects || compareText(a.cameraName, b.cameraName)),
    byRegion: rows.byRegion.sort(byCountThen((r) => `${r.name ?? ''} ${r.regionId}`)),
    byDisposition: DEFECT_DISPOSITIONS.map((disposition) => ({
      disposition,
      count: dispositions.get(disposition) ?? 0,
    })),
    byPartDisposition: PART_DISPOSITIONS.map((disposition) => ({
      disposition,
      count: partDispositions.get(disposition) ?? 0,
    })),
    byPartNumber: rows.byPartNumber.sort(
      (a, b) => b.triggers - a.triggers || compareText(a.partNumber, b.partNumber),
    ),
    pareto: paretoOf(byType),
    falsePositiveByCameraAndType: rows.falsePositiveByCameraAndType
      .map((r) => ({ ...r, rate: ratio(r.falsePositives, r.dispositioned) }))
      .sort((a, b) => compareText(a.cameraName, b.cameraName) || compareText(a.type, b.type)),
    series: rows.series.sort((a, b) => compareText(a.start, b.start)),
  };
}

/** A date-time the schema let through but JavaScript cannot read (a leap second: 23:59:60) is refused. */
function dateOf(text: string, name: string) {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw badRequest(`${name} is not a date-time this server can read`);
  return date;
}

/** The period asked for, with its defaults and limits checked. */
export function periodOf(query: Pick<StatisticsQuery, 'from' | 'to' | 'bucket'>, now = new Date()) {
  const bucket = query.bucket ?? 'day';
  const to = query.to ? dateOf(query.to, 'to') : now;
  const from = query.from ? dateOf(query.from, 'from') : new Date(to.getTime() - DEFAULT_PERIOD_MS);
  if (from.getTime() >= to.getTime()) throw badRequest('from must be before to');
  const buckets = Math.ceil((to.getTime() - from.getTime()) / BUCKETS[bucket].ms) + 1;
  if (buckets > MAX_BUCKETS)
    throw badRequest(
      `The period spans ${buckets} ${bucket} buckets, at most ${MAX_BUCKETS}: choose a shorter period`,
    );
  return { from, to, bucket };
}

export function createStatisticsService({ db }: { db: Db }) {
  return {
    defects: async (principal: Principal, query: StatisticsQuery) => {
      const period = periodOf(query);
      const { from: _from, to: _to, bucket: _bucket, ...filters } = query;
      const rows = await readInCallerTenant(db, principal, (tx) =>
        defectStatistics(tx, { ...filters, ...period }),
      );
      return {
        period: { from: period.from.toISOString(), to: period.to.toISOString(), bucket: period.bucket },
        ...summarize(rows),
      };
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
