// KPI measurements and their reports: external records (a figure from outside, e.g. a carrier's
// OTIF), the daily rollups, a KPI's report over a range, the dashboard of every KPI, the tenant's
// targets, and the anomaly flags with their dismissal. Analysts and admins record, recompute and
// dismiss; admins set targets; every role reads.
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { supplyWarehouses } from '../../../platform/db/schema/index.ts';
import { inCallerTenant, readInCallerTenant, tenantOf } from '../../../platform/db/scope.ts';
import type { Events } from '../../../platform/events/events.ts';
import { badRequest, conflict, notFound } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import type { DemandBucket } from '../entities/buckets.ts';
import { mustExist } from '../entities/rules.ts';
import { addDays, daysBetween } from '../policy/dates.ts';
import { type AnomalyFilter, findAnomaly, listAnomalies, setAnomalyStatus } from './anomalies.repo.ts';
import { isKpiName, KPI_NAMES, KPIS } from './kpis.ts';
import {
  customKpis,
  figures,
  findMetric,
  insertMetric,
  kpiExists,
  kpiSettings,
  listMetrics,
  lockTargets,
  type MetricFilter,
  saveTargets,
} from './metrics.repo.ts';
import { figureOf, kpiCard, kpiReport, previousPeriod, targetOf } from './report.ts';
import { announce, dayOf, KPI_ROLLUP_JOB, MAX_BACKFILL_DAYS } from './rollup.ts';

export interface MetricInput {
  kpi: string;
  value: number;
  unit?: string | undefined;
  day: string;
  warehouseId?: string | undefined;
  dimensions?: Record<string, string | number | boolean> | undefined;
  note?: string | undefined;
}

/** Longest range of a report (days). */
export const MAX_REPORT_DAYS = 1096;
const DEFAULT_REPORT_DAYS = 90;
/** Custom KPIs shown on the dashboard beside the known ones, at most. */
const DASHBOARD_CUSTOM_KPIS = 8;

const yesterday = (now = Date.now()) => addDays(dayOf(now), -1);

function checkRange(from: string, to: string, longest: number) {
  if (from > to)
    throw badRequest('`from` is after `to`', [{ path: '/querystring/from', message: 'after to' }]);
  if (daysBetween(from, to) + 1 > longest)
    throw badRequest(`The range is longer than ${longest} days`, [
      { path: '/querystring/from', message: `at most ${longest} days before to` },
    ]);
}

/** Group figures of several KPIs by KPI. */
function byKpi(rows: { kpi: string; day: string; value: number; dimensions: Record<string, unknown> }[]) {
  const out = new Map<string, ReturnType<typeof figureOf>[]>();
  for (const r of rows) {
    const list = out.get(r.kpi) ?? [];
    list.push(figureOf(r));
    out.set(r.kpi, list);
  }
  return out;
}

export function createMetricsService({
  db,
  jobs,
  events,
}: {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  events: Pick<Events, 'record'>;
}) {
  return {
    record: (principal: Principal, input: MetricInput) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        if (input.day > dayOf(Date.now() + 86_400_000))
          throw badRequest('The day is in the future', [{ path: '/body/day', message: 'not after today' }]);
        let unit = input.unit ?? null;
        if (isKpiName(input.kpi)) {
          const spec = KPIS[input.kpi];
          if (input.value < spec.min || input.value > spec.max)
            throw badRequest(`${spec.label} is between ${spec.min} and ${spec.max}`, [
              { path: '/body/value', message: `${spec.min} … ${spec.max} (${spec.unit})` },
            ]);
          if (unit !== null && unit !== spec.unit)
            throw badRequest(`${spec.label} is measured in ${spec.unit}`, [
              { path: '/body/unit', message: `must be ${spec.unit} (or left out)` },
            ]);
          unit = spec.unit;
        }
        await mustExist(tx, supplyWarehouses, input.warehouseId, 'warehouseId');
        return insertMetric(tx, {
          tenantId,
          kpi: input.kpi,
          day: input.day,
          value: input.value,
          unit,
          warehouseId: input.warehouseId ?? null,
          source: 'external',
          dimensions: input.dimensions ?? {},
          note: input.note ?? null,
          createdBy: principal.userId,
        });
      }),

    list: (principal: Principal, filter: MetricFilter) =>
      readInCallerTenant(db, principal, (tx) => listMetrics(tx, filter)),

    get: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const row = await findMetric(tx, id);
        if (!row) throw notFound('Metric');
        return row;
      }),

    report: (
      principal: Principal,
      kpi: string,
      query: {
        from?: string | undefined;
        to?: string | undefined;
        bucket?: string | undefined;
        warehouseId?: string | undefined;
        source?: string | undefined;
      },
    ) => {
      const to = query.to ?? yesterday();
      const from = query.from ?? addDays(to, -(DEFAULT_REPORT_DAYS - 1));
      checkRange(from, to, MAX_REPORT_DAYS);
      const previous = previousPeriod(from, daysBetween(from, to) + 1);
      return readInCallerTenant(db, principal, async (tx) => {
        if (!isKpiName(kpi) && !(await kpiExists(tx, kpi))) throw notFound(`KPI ${kpi}`);
        const scope = { kpis: [kpi], warehouseId: query.warehouseId ?? null, source: query.source };
        const current = await figures(tx, { ...scope, from, to });
        const before = await figures(tx, { ...scope, ...previous });
        const { targets } = await kpiSettings(tx);
        return kpiReport({
          kpi,
          bucket: (query.bucket ?? 'day') as DemandBucket,
          from,
          to,
          previousFrom: previous.from,
          previousTo: previous.to,
          warehouseId: query.warehouseId ?? null,
          current: current.map(figureOf),
          previous: before.map(figureOf),
          target: targetOf(kpi, targets),
        });
      });
    },

    dashboard: (
      principal: Principal,
      query: { days?: number | undefined; to?: string | undefined; warehouseId?: string | undefined },
    ) => {
      const days = query.days ?? 30;
      const to = query.to ?? yesterday();
      const from = addDays(to, -(days - 1));
      const previous = previousPeriod(from, days);
      return readInCallerTenant(db, principal, async (tx) => {
        // The settings do not depend on the custom KPIs: read beside them (each read is its own trip).
        const [custom, { targets, rolledThrough }] = await Promise.all([
          customKpis(tx, previous.from, to, DASHBOARD_CUSTOM_KPIS),
          kpiSettings(tx),
        ]);
        const kpis = [...KPI_NAMES, ...custom];
        const rows = await figures(tx, {
          kpis,
          from: previous.from,
          to,
          warehouseId: query.warehouseId ?? null,
        });
        const current = byKpi(rows.filter((r) => r.day >= from));
        const before = byKpi(rows.filter((r) => r.day < from));
        return {
          from,
          to,
          days,
          previousFrom: previous.from,
          previousTo: previous.to,
          warehouseId: query.warehouseId ?? null,
          rolledThrough,
          kpis: kpis.map((kpi) =>
            kpiCard({
              kpi,
              current: current.get(kpi) ?? [],
              previous: before.get(kpi) ?? [],
              target: targetOf(kpi, targets),
            }),
          ),
        };
      });
    },

    targets: (principal: Principal) =>
      readInCallerTenant(db, principal, async (tx) => presentTargets((await kpiSettings(tx)).targets)),

    /** Sets or (null) resets targets of known KPIs; the others stay as they are. */
    setTargets: (principal: Principal, changes: Record<string, number | null | undefined>) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        const targets = { ...(await lockTargets(tx, tenantId)) };
        for (const [kpi, value] of Object.entries(changes)) {
          if (value === undefined) continue;
          if (value === null) delete targets[kpi];
          else targets[kpi] = value;
        }
        await saveTargets(tx, tenantId, targets);
        return presentTargets(targets);
      }),

    /** Submits a rollup (recompute) of a range of days; returns its job. */
    async rollup(principal: Principal, range: { from?: string | undefined; through?: string | undefined }) {
      const today = dayOf(Date.now());
      const through = range.through ?? yesterday();
      if (through > today)
        throw badRequest('`through` is in the future', [
          { path: '/body/through', message: 'not after today' },
        ]);
      if (range.from) checkRange(range.from, through, MAX_BACKFILL_DAYS);
      return jobs.submit(
        KPI_ROLLUP_JOB,
        { ...(range.from ? { from: range.from } : {}), through },
        { tenantId: tenantOf(principal), createdBy: principal.userId },
      );
    },

    anomalies: (principal: Principal, filter: AnomalyFilter) =>
      readInCallerTenant(db, principal, (tx) => listAnomalies(tx, filter)),

    anomaly: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const row = await findAnomaly(tx, id);
        if (!row) throw notFound('Anomaly');
        return row;
      }),

    dismiss: (principal: Principal, id: string) =>
      inCallerTenant(db, principal, async (tx) => {
        const row = await findAnomaly(tx, id, true);
        if (!row) throw notFound('Anomaly');
        if (row.status !== 'open')
          throw conflict(`The anomaly is ${row.status}: only an open one is dismissed`);
        const updated = (await setAnomalyStatus(tx, id, 'dismissed')) ?? row;
        await announce({ events }, tx, updated, 'SupplyAnomalyDismissed');
        return updated;
      }),
  };
}

function presentTargets(targets: Record<string, number>) {
  return {
    items: KPI_NAMES.map((kpi) => {
      const spec = KPIS[kpi];
      const own = targets[kpi];
      return {
        kpi,
        label: spec.label,
        unit: spec.unit,
        better: spec.better,
        target: own ?? spec.target,
        default: spec.target,
        overridden: own !== undefined,
      };
    }),
  };
}

export type MetricsService = ReturnType<typeof createMetricsService>;
