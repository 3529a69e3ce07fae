// The daily KPI rollup (`supply.kpi-rollup`): recomputes the rollup rows of a range of days from the
// operational data — deleting and re-inserting each day's rows, so running it twice changes nothing
// — flags the anomalies of those days (once each, with an event), and moves the tenant's
// `kpi_rolled_through` forward. Without a range it backfills from the day after
// `kpi_rolled_through` (or the first day with data, at most a year back) to yesterday (UTC).
// The hourly maintenance pass submits it for every tenant that is behind (submitKpiRollups).
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { jobs, supplySettings, supplyWarehouses } from '../../../platform/db/schema/index.ts';
import { acrossTenants, inTenant, readInTenant } from '../../../platform/db/scope.ts';
import type { Events } from '../../../platform/events/events.ts';
import type { JobDefinition, Jobs } from '../../../platform/jobs/jobs.ts';
import { addDays, daysBetween } from '../policy/dates.ts';
import { costlyRoutes, lateDeliveries, type NewAnomaly, unusualQuantities } from './anomalies.detect.ts';
import {
  type AnomalyRow,
  deliveredBetween,
  HISTORY_DAYS,
  insertAnomalies,
  orderLinesCreated,
  routesStarted,
} from './anomalies.repo.ts';
import {
  dailyCogs,
  deliveryFigures,
  firstDataDay,
  inventorySnapshot,
  lockSettings,
  replaceRollups,
  routeFigures,
  setRolledThrough,
  storedRollups,
} from './rollup.repo.ts';
import { rollupRows, TURNS_WINDOW_DAYS } from './rollup-figures.ts';

export const KPI_ROLLUP_JOB = 'supply.kpi-rollup';

export interface KpiRollupPayload {
  /** First day to recompute (default: the day after `kpi_rolled_through`). */
  from?: string;
  /** Last day (default yesterday, UTC, when the job runs; at most today). */
  through?: string;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'supply.kpi-rollup': KpiRollupPayload;
  }
}

/** A first rollup reaches this far back at most. */
export const MAX_BACKFILL_DAYS = 366;
/** Days per transaction: a long backfill never holds one long transaction. */
const CHUNK_DAYS = 31;

export interface RollupDeps {
  db: Db;
  events: Pick<Events, 'record'>;
}

export interface RollupOutcome {
  from: string | null;
  to: string | null;
  rows: number;
  anomalies: number;
  rolledThrough: string | null;
}

export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Rolls up `from` … `through` for the tenant (defaults above); returns what it wrote. */
export async function rollUp(
  deps: RollupDeps,
  tenantId: string,
  payload: KpiRollupPayload = {},
  now = Date.now(),
  onChunk?: (done: number, total: number) => Promise<void>,
): Promise<RollupOutcome> {
  const today = dayOf(now);
  const yesterday = addDays(today, -1);
  const through =
    payload.through === undefined ? yesterday : payload.through > today ? today : payload.through;
  const start = await readInTenant(deps.db, tenantId, async (tx) => {
    if (payload.from) return payload.from;
    const [settings] = await tx.select({ through: supplySettings.kpiRolledThrough }).from(supplySettings);
    if (settings?.through) return addDays(settings.through, 1);
    const first = await firstDataDay(tx);
    return first ? (first > through ? through : first) : null;
  });
  const earliest = addDays(through, -(MAX_BACKFILL_DAYS - 1));
  const from = start === null ? null : start < earliest ? earliest : start;
  if (from === null || from > through) {
    // Nothing to roll up (no data yet, or already done): remember how far that holds.
    if (start === null) await inTenant(deps.db, tenantId, (tx) => advance(tx, tenantId, yesterday));
    return { from: null, to: null, rows: 0, anomalies: 0, rolledThrough: start === null ? yesterday : null };
  }
  const total = daysBetween(from, through) + 1;
  let rows = 0;
  let anomalies = 0;
  for (let offset = 0; offset < total; offset += CHUNK_DAYS) {
    const a = addDays(from, offset);
    const b = addDays(from, Math.min(total, offset + CHUNK_DAYS) - 1);
    const written = await inTenant(deps.db, tenantId, (tx) =>
      rollUpChunk(deps, tx, tenantId, { from: a, to: b, yesterday }),
    );
    rows += written.rows;
    anomalies += written.anomalies;
    await onChunk?.(Math.min(total, offset + CHUNK_DAYS), total);
  }
  return { from, to: through, rows, anomalies, rolledThrough: through > yesterday ? yesterday : through };
}

/** Moves `kpi_rolled_through` to `day` unless it is already later. Holds the tenant's lock. */
async function advance(tx: Tx, tenantId: string, day: string) {
  const { rolledThrough } = await lockSettings(tx, tenantId);
  if (!rolledThrough || rolledThrough < day) await setRolledThrough(tx, day);
}

async function rollUpChunk(
  deps: RollupDeps,
  tx: Tx,
  tenantId: string,
  { from, to, yesterday }: { from: string; to: string; yesterday: string },
) {
  const { rolledThrough } = await lockSettings(tx, tenantId);
  const windowStart = addDays(from, -(TURNS_WINDOW_DAYS - 1));
  const days = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
  const stored = [
    ...(await storedRollups(tx, ['inventory_turns'], windowStart, to)),
    ...(await storedRollups(tx, ['stock_outs'], from, to)),
  ];
  const rows = rollupRows({
    tenantId,
    days,
    deliveries: await deliveryFigures(tx, from, to),
    routes: await routeFigures(tx, from, to),
    cogs: await dailyCogs(tx, windowStart, to),
    snapshot: await inventorySnapshot(tx),
    stored,
    snapshotDay: yesterday,
  });
  await replaceRollups(tx, from, to, rows);
  const flagged = await insertAnomalies(tx, tenantId, await detect(tx, from, to));
  for (const anomaly of flagged) await announce(deps, tx, anomaly);
  const reached = to > yesterday ? yesterday : to;
  if (!rolledThrough || rolledThrough < reached) await setRolledThrough(tx, reached);
  return { rows: rows.length, anomalies: flagged.length };
}

async function detect(tx: Tx, from: string, to: string): Promise<NewAnomaly[]> {
  const lines = await orderLinesCreated(tx, from, to);
  const skus = [...new Set(lines.map((l) => l.sku))];
  const lineHistory = await orderLinesCreated(tx, addDays(from, -HISTORY_DAYS.orders), to, skus);
  const routes = await routesStarted(tx, from, to);
  const routeHistory =
    routes.length > 0 ? await routesStarted(tx, addDays(from, -HISTORY_DAYS.routes), to) : [];
  return [
    ...unusualQuantities(lines, lineHistory),
    ...lateDeliveries(await deliveredBetween(tx, from, to)),
    ...costlyRoutes(routes, routeHistory),
  ];
}

/** The event of a new flag, in the transaction that stored it (pushed live on commit). */
export function announce(
  deps: Pick<RollupDeps, 'events'>,
  tx: Tx,
  anomaly: AnomalyRow,
  type = 'SupplyAnomalyFlagged',
) {
  return deps.events.record(tx, {
    tenantId: anomaly.tenantId,
    aggregateType: 'supply-anomaly',
    aggregateId: anomaly.id,
    type,
    data: {
      anomalyId: anomaly.id,
      kind: anomaly.kind,
      orderId: anomaly.orderId,
      routeId: anomaly.routeId,
      day: anomaly.day,
      value: anomaly.value,
      expected: anomaly.expected,
      score: anomaly.score,
      detail: anomaly.detail,
      status: anomaly.status,
    },
  });
}

export function kpiRollupJob(deps: RollupDeps): JobDefinition<'supply.kpi-rollup'> {
  return {
    name: KPI_ROLLUP_JOB,
    retryLimit: 2,
    retryDelaySeconds: 30,
    timeoutSeconds: 1800,
    async run(payload, ctx) {
      for (const day of [payload.from, payload.through])
        if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
      await ctx.progress(0, 'Rolling up KPIs');
      const outcome = await rollUp(deps, ctx.tenantId, payload, Date.now(), (done, total) => {
        ctx.signal.throwIfAborted();
        return ctx.progress((99 * done) / total, `Rolled up ${done} of ${total} days`);
      });
      await ctx.progress(100, `KPIs rolled up: ${outcome.rows} figures, ${outcome.anomalies} anomalies`);
      return outcome;
    },
  };
}

/**
 * Maintenance: submits the rollup for every tenant with a supply network whose KPIs are not rolled
 * up through yesterday and that has no rollup queued or running. Returns how many it submitted.
 */
export async function submitKpiRollups(db: Db, queue: Pick<Jobs, 'submit'>, now = Date.now()) {
  const yesterday = addDays(dayOf(now), -1);
  const due = await acrossTenants(db, async (tx) => {
    const rows = await tx
      .selectDistinct({ tenantId: supplyWarehouses.tenantId })
      .from(supplyWarehouses)
      .leftJoin(supplySettings, eq(supplySettings.tenantId, supplyWarehouses.tenantId))
      .where(or(isNull(supplySettings.kpiRolledThrough), lt(supplySettings.kpiRolledThrough, yesterday)));
    if (rows.length === 0) return [];
    const busy = await tx
      .selectDistinct({ tenantId: jobs.tenantId })
      .from(jobs)
      .where(
        and(
          eq(jobs.name, KPI_ROLLUP_JOB),
          inArray(jobs.status, ['queued', 'running', 'retrying']),
          inArray(
            jobs.tenantId,
            rows.map((r) => r.tenantId),
          ),
        ),
      );
    const skip = new Set(busy.map((b) => b.tenantId));
    return rows.map((r) => r.tenantId).filter((t) => !skip.has(t));
  });
  for (const tenantId of due) await queue.submit(KPI_ROLLUP_JOB, { through: yesterday }, { tenantId });
  return due.length;
}
