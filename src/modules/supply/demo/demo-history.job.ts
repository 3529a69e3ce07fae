// The demo tenant's two years of daily demand, written in the background after start-up (about
// 220,000 rows: too many to write before the server answers). Idempotent: days already stored are
// skipped, and `demo_history_pending` is cleared with the job's effect, exactly once. Processes that
// run workers submit it at start for every tenant whose history is pending (startDemoHistory).
import type { Db } from '../../../platform/db/database.ts';
import { inTenant, readAcrossTenants, readInTenant } from '../../../platform/db/scope.ts';
import type { JobContext, JobDefinition, Jobs } from '../../../platform/jobs/jobs.ts';
import { DEMO_SEED } from './catalogue.ts';
import { DEMO_HISTORY_DAYS, formatDay, generateDemand, parseDay } from './demand-generator.ts';
import {
  activeDemoJob,
  clearDemoHistoryPending,
  DEMO_HISTORY_JOB,
  type DemandBatch,
  type DemoSeriesKey,
  demoSeriesKeys,
  insertDemandBatch,
  isDemoHistoryPending,
  pendingDemoTenants,
} from './demo-history.repo.ts';

export interface DemoHistoryPayload {
  /** Last day of the history, `YYYY-MM-DD` (default: yesterday, UTC, when the job runs). */
  end?: string;
  /** Days of history (default two years); tests write a few weeks. */
  days?: number;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'supply.demo-history': DemoHistoryPayload;
  }
}

/** Called once the history is written, e.g. to request the tenant's first forecast run. */
export type AfterDemoHistory = (tenantId: string) => Promise<void>;

/** Rows per insert statement. */
const BATCH_ROWS = 5000;
const DAY_MS = 86_400_000;

export const yesterday = (now = Date.now()) => formatDay(now - DAY_MS);

export function demoHistoryJob(deps: {
  db: Db;
  afterHistory?: AfterDemoHistory;
}): JobDefinition<'supply.demo-history'> {
  const { db } = deps;
  return {
    name: DEMO_HISTORY_JOB,
    retryLimit: 2,
    retryDelaySeconds: 10,
    timeoutSeconds: 1800,
    async run(payload, ctx) {
      const { tenantId } = ctx;
      const end = payload.end ?? yesterday();
      const days = payload.days ?? DEMO_HISTORY_DAYS;
      parseDay(end); // a malformed day fails here, before anything is written
      if (!(await readInTenant(db, tenantId, isDemoHistoryPending)))
        return { skipped: true, reason: 'no demo history pending' };
      const keys = await readInTenant(db, tenantId, demoSeriesKeys);
      const inserted = await writeHistory(db, ctx, keys, { end, days });
      await ctx.complete(clearDemoHistoryPending);
      const forecast = await requestForecast(deps.afterHistory, tenantId);
      await ctx.progress(100, `Demand history written: ${keys.length} series, ${inserted} days`);
      return { series: keys.length, days, end, inserted, forecast };
    },
  };
}

/**
 * The hook's failure does not fail the job (the history is there, and a retry would not call it
 * again once the effect is committed): it is reported in the job's result.
 */
async function requestForecast(afterHistory: AfterDemoHistory | undefined, tenantId: string) {
  if (!afterHistory) return 'not requested (no hook)';
  try {
    await afterHistory(tenantId);
    return 'requested';
  } catch (err) {
    return `failed: ${err instanceof Error ? err.message : String(err)}`;
  }
}

async function writeHistory(
  db: Db,
  ctx: JobContext,
  keys: DemoSeriesKey[],
  { end, days }: { end: string; days: number },
): Promise<number> {
  const start = formatDay(parseDay(end) - (days - 1) * DAY_MS);
  const perBatch = Math.max(1, Math.floor(BATCH_ROWS / days));
  let inserted = 0;
  await ctx.progress(0, `Writing demand history: 0 of ${keys.length} series`);
  for (let from = 0; from < keys.length; from += perBatch) {
    ctx.signal.throwIfAborted();
    const batch = buildBatch(ctx.tenantId, keys.slice(from, from + perBatch), { start, end, days });
    inserted += await inTenant(db, ctx.tenantId, (tx) => insertDemandBatch(tx, batch));
    const done = Math.min(keys.length, from + perBatch);
    await ctx.progress((99 * done) / keys.length, `Writing demand history: ${done} of ${keys.length} series`);
  }
  return inserted;
}

function buildBatch(
  tenantId: string,
  keys: DemoSeriesKey[],
  { start, end, days }: { start: string; end: string; days: number },
): DemandBatch {
  const n = keys.length * days;
  const batch: DemandBatch = {
    tenantId,
    start,
    warehouseIds: keys.map((k) => k.warehouseId),
    skus: keys.map((k) => k.sku),
    series: new Int32Array(n),
    dayIndex: new Int32Array(n),
    quantity: new Float64Array(n),
    promotion: new Array<boolean>(n),
  };
  keys.forEach((key, k) => {
    const s = generateDemand({
      seed: DEMO_SEED,
      sku: key.sku,
      warehouse: key.warehouseCode,
      category: key.category,
      end,
      days,
    });
    for (let d = 0, at = k * days; d < days; d++, at++) {
      batch.series[at] = k;
      batch.dayIndex[at] = d;
      batch.quantity[at] = s.quantity[d] as number;
      batch.promotion[at] = s.promotion[d] as boolean;
    }
  });
  return batch;
}

/** Defines the demo's jobs on the queue. */
export function defineDemoJobs(
  jobs: Pick<Jobs, 'define'>,
  deps: { db: Db; afterHistory?: AfterDemoHistory },
) {
  jobs.define(demoHistoryJob(deps));
}

/**
 * Submits the history job for every tenant whose demo history is pending and that has none queued,
 * running or waiting for a retry. Returns the ids of the jobs submitted. Two processes starting at
 * the same moment could both submit one: the second then only finds the rows written.
 */
export async function startDemoHistory({
  db,
  jobs,
  days,
  now = Date.now(),
  delayMs = 0,
}: {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  /** Days of history (default two years). */
  days?: number;
  now?: number;
  /** Start the job this long after submitting it (the server passes a few seconds). */
  delayMs?: number;
}): Promise<string[]> {
  const tenants = await readAcrossTenants(db, pendingDemoTenants);
  const submitted: string[] = [];
  for (const tenantId of tenants) {
    if (await readInTenant(db, tenantId, activeDemoJob)) continue;
    // The last day is fixed when the job is submitted, so a retry after midnight writes the same days.
    const payload: DemoHistoryPayload = { end: yesterday(now), ...(days ? { days } : {}) };
    // It starts a little after start-up: on the embedded database its inserts share the server's
    // thread, and the rest of start-up (and the first /health) should not wait behind them.
    const job = await jobs.submit(DEMO_HISTORY_JOB, payload, {
      tenantId,
      ...(delayMs > 0 ? { startAfter: new Date(now + delayMs) } : {}),
    });
    submitted.push(job.id);
  }
  return submitted;
}
