// The metrics rollup (`pipelines.metrics-rollup`): the hours of a tenant's requests into
// ai_pipeline_metrics and their days into ai_sector_analytics. Without a range it starts again at
// the last hour it rolled up (rows that arrived after that run are counted) — or at the first
// request, at most MAX_BACKFILL_HOURS back — and ends with the last complete hour. Every hour and
// day it touches is recomputed from the rows, so running it twice changes nothing. The hourly
// maintenance pass submits it for the tenants with requests not rolled up yet (submitRollups).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { jobs } from '../../../platform/db/schema/index.ts';
import { acrossTenants, inTenant, readInTenant } from '../../../platform/db/scope.ts';
import type { JobDefinition, Jobs } from '../../../platform/jobs/jobs.ts';
import { purgeExpiredText } from './requests.repo.ts';
import { firstRequestSince, lastRolledHour, replaceDay, tenantsDue, upsertHours } from './rollup.repo.ts';

export const METRICS_ROLLUP_JOB = 'pipelines.metrics-rollup';

export interface MetricsRollupPayload {
  /** First hour to recompute (ISO instant, rounded down to the hour). */
  from?: string;
  /** End of the range, exclusive (ISO instant, rounded down to the hour; default: the current hour's start). */
  to?: string;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'pipelines.metrics-rollup': MetricsRollupPayload;
  }
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A first rollup reaches this far back at most (31 days). */
export const MAX_BACKFILL_HOURS = 31 * 24;

export const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface RollupOutcome {
  from: string | null;
  to: string | null;
  hours: number;
  sectorDays: number;
}

function parseInstant(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new Error(`${what} is not an instant: ${value}`);
  return ms;
}

/**
 * Rolls up [from, to) for the tenant (defaults above); `to` may reach the end of the current hour
 * (its partial figures, rewritten by the next run), no further.
 */
export async function rollUpMetrics(
  db: Db,
  tenantId: string,
  payload: MetricsRollupPayload = {},
  now = Date.now(),
  onDay?: (done: number, total: number) => Promise<void>,
): Promise<RollupOutcome> {
  const latest = floorHour(now) + HOUR_MS;
  const to = Math.min(floorHour(parseInstant(payload.to, 'to') ?? now), latest);
  const earliest = to - MAX_BACKFILL_HOURS * HOUR_MS;
  let from = parseInstant(payload.from, 'from');
  if (from === undefined) {
    const start = await readInTenant(db, tenantId, async (tx) => {
      const last = await lastRolledHour(tx);
      if (last) return last.getTime();
      return (await firstRequestSince(tx, new Date(earliest)))?.getTime() ?? null;
    });
    if (start === null) return { from: null, to: null, hours: 0, sectorDays: 0 };
    from = start;
  }
  from = Math.max(floorHour(from), earliest);
  if (from >= to) return { from: null, to: null, hours: 0, sectorDays: 0 };

  // One transaction per UTC day: hours of the day, then the day's sector rows.
  let hours = 0;
  let sectorDays = 0;
  const firstDay = Date.parse(`${dayOf(from)}T00:00:00Z`);
  const total = Math.ceil((to - firstDay) / DAY_MS);
  for (let d = 0; d < total; d++) {
    const dayStart = firstDay + d * DAY_MS;
    const a = Math.max(from, dayStart);
    const b = Math.min(to, dayStart + DAY_MS);
    const written = await inTenant(db, tenantId, async (tx) => ({
      hours: await upsertHours(tx, new Date(a), new Date(b)),
      days: await replaceDay(tx, dayOf(dayStart), new Date(b)),
    }));
    hours += written.hours;
    sectorDays += written.days;
    await onDay?.(d + 1, total);
  }
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), hours, sectorDays };
}

export function metricsRollupJob(db: Db): JobDefinition<'pipelines.metrics-rollup'> {
  return {
    name: METRICS_ROLLUP_JOB,
    retryLimit: 2,
    retryDelaySeconds: 30,
    timeoutSeconds: 900,
    async run(payload, ctx) {
      await ctx.progress(0, 'Rolling up AI metrics');
      const outcome = await rollUpMetrics(db, ctx.tenantId, payload, Date.now(), (done, total) => {
        ctx.signal.throwIfAborted();
        return ctx.progress((99 * done) / total, `Rolled up ${done} of ${total} days`);
      });
      await ctx.progress(
        100,
        `AI metrics rolled up: ${outcome.hours} pipeline-hours, ${outcome.sectorDays} sector-days`,
      );
      return outcome;
    },
  };
}

/**
 * Maintenance: submits the rollup for every tenant with requests in a complete hour not rolled up
 * yet and no rollup queued or running. Returns how many it submitted.
 */
export async function submitRollups(db: Db, queue: Pick<Jobs, 'submit'>, now = Date.now()) {
  const before = floorHour(now);
  const due = await acrossTenants(db, async (tx) => {
    const tenants = await tenantsDue(tx, new Date(before - MAX_BACKFILL_HOURS * HOUR_MS), new Date(before));
    if (tenants.length === 0) return [];
    const busy = await tx
      .selectDistinct({ tenantId: jobs.tenantId })
      .from(jobs)
      .where(
        and(
          eq(jobs.name, METRICS_ROLLUP_JOB),
          inArray(jobs.status, ['queued', 'running', 'retrying']),
          inArray(jobs.tenantId, tenants),
        ),
      );
    const skip = new Set(busy.map((b) => b.tenantId));
    return tenants.filter((t) => !skip.has(t));
  });
  for (const tenantId of due) await queue.submit(METRICS_ROLLUP_JOB, {}, { tenantId });
  return due.length;
}

/** Maintenance: clears stored prompt and response text past each pipeline's retention, in batches. */
export async function purgeStoredText(db: Db, now = new Date(), batch = 5000): Promise<number> {
  let cleared = 0;
  for (;;) {
    const n = await acrossTenants(db, (tx) => purgeExpiredText(tx, now, batch));
    cleared += n;
    if (n < batch) return cleared;
  }
}
