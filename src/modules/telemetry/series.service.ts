// Chart queries: a sensor's readings over a range, raw (paginated) or in buckets read from the
// finest table that can answer them exactly (raw rows, 1-minute or 1-hour rollups).
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { readInCallerTenant } from '../../platform/db/scope.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import {
  autoPlan,
  type BucketPlan,
  bucketCount,
  type FIXED_WIDTH,
  fixedPlan,
  MAX_POINTS,
} from './buckets.ts';
import { findSensor } from './sensors.repo.ts';
import { bucketedReadings, rawReadings } from './series.repo.ts';

export interface SeriesQuery {
  from?: string | undefined;
  to?: string | undefined;
  bucket?: 'auto' | 'raw' | keyof typeof FIXED_WIDTH | undefined;
  limit?: number | undefined;
  after?: number | undefined;
}

const DAY_MS = 86_400_000;

export function createSeriesService({ db }: { db: Db }) {
  const series = (principal: Principal, sensorId: string, query: SeriesQuery) =>
    readInCallerTenant(db, principal, async (tx) => {
      const to = query.to ? Date.parse(query.to) : Date.now();
      const from = query.from ? Date.parse(query.from) : to - DAY_MS;
      if (!(from < to)) throw badRequest('from must be before to');
      const bucket = query.bucket ?? 'auto';
      // The sensor's check and its readings are read together (each its own trip); the readings
      // of a sensor that is not the tenant's are none (row-level security), and are not shown.
      const withSensor = async <T>(readings: Promise<T>) => {
        const [sensor, rows] = await Promise.all([findSensor(tx, sensorId), readings]);
        if (!sensor) throw notFound('Sensor');
        return rows;
      };
      if (bucket === 'raw') {
        const limit = query.limit ?? 1000;
        const rows = await withSensor(rawReadings(tx, sensorId, from, to, query.after ?? null, limit + 1));
        const page = rows.slice(0, limit);
        return {
          sensorId,
          from,
          to,
          bucket: 'raw',
          widthSeconds: null,
          source: 'raw' as const,
          buckets: [],
          readings: page,
          next: rows.length > limit ? (page[page.length - 1]?.t ?? null) : null,
        };
      }
      const plan: BucketPlan = bucket === 'auto' ? autoPlan(from, to) : fixedPlan(from, to, bucket);
      if (bucketCount(plan) > MAX_POINTS)
        throw badRequest(
          `${bucket} buckets over this range would be more than ${MAX_POINTS}; narrow it or use auto`,
        );
      const buckets = await withSensor(
        bucketedReadings(tx, sensorId, plan.from, plan.to, plan.widthSeconds, plan.source),
      );
      return {
        sensorId,
        from: plan.from,
        to: plan.to,
        bucket: plan.label,
        widthSeconds: plan.widthSeconds,
        source: plan.source,
        buckets,
        readings: [],
        next: null,
      };
    });

  return { series };
}

export type SeriesService = ReturnType<typeof createSeriesService>;
