// Gathers each report's data through the same services the API routes use (so the figures are the
// web pages' figures), builds its spec on this thread and renders the PDF on a compute worker.
import { eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
import { facilities, tenants } from '../../platform/db/schema/index.ts';
import { readInTenant, tenantOf } from '../../platform/db/scope.ts';
import { conflict } from '../../platform/http/errors.ts';
import { MAX_PAGE_SIZE } from '../../platform/http/pagination.ts';
import { createAnalysesService } from '../analytics/analyses.service.ts';
import { createStatisticsService, type StatisticsQuery } from '../inspection/statistics.service.ts';
import { localToUtc } from '../plant/calendar.ts';
import { findLine } from '../plant/lines.repo.ts';
import { createReportsService as createPlantReports, type OeeQuery } from '../plant/reports.service.ts';
import type { AlarmFilter, AlarmRow } from '../telemetry/alarms.repo.ts';
import { createAlarmsService } from '../telemetry/alarms.service.ts';
import { findGroup } from '../telemetry/groups.repo.ts';
import { sensorsById } from '../telemetry/sensors.repo.ts';
import { type AlarmReportData, alarmRow, alarmSpec } from './alarms.report.ts';
import { type AnalysisReportData, analysisSpec } from './analysis.report.ts';
import { type InspectionReportData, inspectionSpec } from './inspection.report.ts';
import { type OeeReportData, oeeSpec } from './oee.report.ts';
import { renderTask } from './pdf/render.task.ts';
import type { ReportSpec } from './pdf/spec.ts';

export type AlarmReportFilter = Omit<AlarmFilter, 'limit' | 'offset'>;
export type OeeReportQuery = Omit<OeeQuery, 'groupBy'>;

/** The most alarms one report reads (newest first); the counts say when there were more. */
export const MAX_REPORT_ALARMS = 20_000;
const DAY_MS = 86_400_000;

// The services below are used for reading only: these stand in for the queue and the event log
// that only their writing methods touch.
const noJobs = {
  submit: async () => {
    throw new Error('reports start no jobs');
  },
};
const noEvents = {
  record: async () => {
    throw new Error('reports record no events');
  },
};

const stamp = (d: Date) => d.toISOString().slice(0, 10);

export function createReportsService({ db, compute }: { db: Db; compute: Pick<Compute, 'run'> }) {
  const plant = createPlantReports({ db });
  const statistics = createStatisticsService({ db });
  const alarms = createAlarmsService({ db, events: noEvents });
  const analyses = createAnalysesService({ db, jobs: noJobs as never });

  /** The tenant's name and the facility (and line) the filter names, in words. */
  async function context(
    principal: Principal,
    filter: { facilityId?: string | undefined; lineId?: string | undefined },
  ) {
    return readInTenant(db, tenantOf(principal), async (tx) => {
      const [tenant] = await tx
        .select({ name: tenants.name })
        .from(tenants)
        .where(eq(tenants.id, tenantOf(principal)));
      const line = filter.lineId ? await findLine(tx, filter.lineId) : undefined;
      const facilityId = filter.facilityId ?? line?.facilityId;
      const all = await tx
        .select({
          id: facilities.id,
          name: facilities.name,
          code: facilities.code,
          timezone: facilities.timezone,
        })
        .from(facilities);
      const facility = facilityId
        ? all.find((f) => f.id === facilityId)
        : all.length === 1
          ? all[0]
          : undefined;
      const parts = [
        facilityId && facility ? `Facility ${facility.name} (${facility.code})` : 'All facilities',
        line ? `line ${line.name} (${line.code})` : filter.lineId ? 'unknown line' : 'all lines',
      ];
      return {
        tenantName: tenant?.name ?? 'Tenant',
        scope: parts.join(', '),
        facilityName: facility ? `${facility.name} (${facility.code})` : 'All facilities',
        timezone: facility?.timezone ?? 'UTC',
        target: line?.oeeTarget ?? null,
      };
    });
  }

  const render = async (spec: ReportSpec) => Buffer.from(await compute.run(renderTask, spec));

  async function analysisData(principal: Principal, id: string): Promise<AnalysisReportData> {
    const { row, source, insights } = await analyses.get(principal, id);
    // As the CSV/JSON export: an analysis still running or failed has nothing to report.
    if (row.status !== 'completed') throw conflict(`Analysis ${id} is ${row.status}: nothing to export yet`);
    const ctx = await context(principal, { facilityId: row.facilityId });
    return {
      tenantName: ctx.tenantName,
      facility: ctx.facilityName,
      generatedAt: new Date().toISOString(),
      row,
      source,
      insights,
    };
  }

  async function oeeData(principal: Principal, query: OeeReportQuery): Promise<OeeReportData> {
    const byDay = await plant.oee(principal, { ...query, groupBy: 'day' });
    const days = { ...query, from: byDay.from, to: byDay.to };
    const [byShift, byLine, ctx] = await Promise.all([
      plant.oee(principal, { ...days, groupBy: 'shift' }),
      plant.oee(principal, { ...days, groupBy: 'line' }),
      context(principal, query),
    ]);
    // The Pareto over the same local days: from the first day's midnight to the one after the last.
    const pareto = await plant.pareto(principal, {
      facilityId: query.facilityId,
      lineId: query.lineId,
      from: new Date(localToUtc(byDay.from, 0, ctx.timezone)),
      to: new Date(localToUtc(stamp(new Date(Date.parse(byDay.to) + DAY_MS)), 0, ctx.timezone)),
      includePlanned: false,
    });
    return {
      tenantName: ctx.tenantName,
      scope: ctx.scope,
      generatedAt: new Date().toISOString(),
      target: ctx.target,
      byDay,
      byShift,
      byLine,
      pareto,
    };
  }

  async function inspectionData(principal: Principal, query: StatisticsQuery): Promise<InspectionReportData> {
    const [stats, ctx] = await Promise.all([statistics.defects(principal, query), context(principal, {})]);
    const filters = [
      query.stationId ? `station ${query.stationId}` : null,
      query.cameraId ? `camera ${query.cameraId}` : null,
      query.partNumber ? `part ${query.partNumber}` : null,
      query.type ? `defect type ${query.type}` : null,
    ].filter(Boolean);
    return {
      tenantName: ctx.tenantName,
      scope: filters.length > 0 ? `Parts of ${filters.join(', ')}` : 'All stations, cameras and parts',
      generatedAt: new Date().toISOString(),
      stats,
    };
  }

  /** Adds the names of the alarms' sensors and groups that `names` does not hold yet. */
  async function nameSources(principal: Principal, rows: readonly AlarmRow[], names: Map<string, string>) {
    const sensorIds = [
      ...new Set(rows.flatMap((a) => (a.sensorId && !names.has(a.sensorId) ? [a.sensorId] : []))),
    ];
    const groupIds = [
      ...new Set(rows.flatMap((a) => (a.groupId && !names.has(a.groupId) ? [a.groupId] : []))),
    ];
    if (sensorIds.length === 0 && groupIds.length === 0) return names;
    await readInTenant(db, tenantOf(principal), async (tx) => {
      for (const [id, sensor] of await sensorsById(tx, sensorIds)) names.set(id, sensor.name);
      for (const id of groupIds) {
        const group = await findGroup(tx, id);
        if (group) names.set(id, group.name);
      }
    });
    return names;
  }

  /** Every alarm of the filter (newest first, up to MAX_REPORT_ALARMS), with sensor and group names. */
  async function alarmList(principal: Principal, filter: AlarmReportFilter) {
    const rows: AlarmRow[] = [];
    let total = 0;
    for (let offset = 0; offset < MAX_REPORT_ALARMS; offset += MAX_PAGE_SIZE) {
      const page = await alarms.list(principal, { ...filter, limit: MAX_PAGE_SIZE, offset });
      rows.push(...page.items);
      total = page.total;
      if (page.items.length < MAX_PAGE_SIZE || rows.length >= total) break;
    }
    const names = await nameSources(principal, rows, new Map());
    return { rows, total: Math.max(total, rows.length), names };
  }

  /** Every alarm of the filter, page by page as the download is read, for CSV/XLSX. */
  async function* alarmRows(principal: Principal, filter: AlarmReportFilter) {
    const names = new Map<string, string>();
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const { items } = await alarms.list(principal, { ...filter, limit: MAX_PAGE_SIZE, offset });
      await nameSources(principal, items, names);
      for (const alarm of items) yield alarmRow(alarm, names);
      if (items.length < MAX_PAGE_SIZE) return;
    }
  }

  async function alarmData(principal: Principal, filter: AlarmReportFilter): Promise<AlarmReportData> {
    const [{ rows, total, names }, ctx] = await Promise.all([
      alarmList(principal, filter),
      context(principal, filter),
    ]);
    const from = filter.from
      ? stamp(filter.from)
      : rows.length > 0
        ? stamp(rows.at(-1)?.openedAt as Date)
        : null;
    const to = filter.to ? stamp(filter.to) : stamp(new Date());
    const narrowed = [
      filter.status ? `status ${filter.status}` : null,
      filter.severity ? `severity ${filter.severity}` : null,
      filter.sensorId ? `sensor ${names.get(filter.sensorId) ?? filter.sensorId}` : null,
    ].filter(Boolean);
    return {
      tenantName: ctx.tenantName,
      scope: [filter.facilityId ? `Facility ${ctx.facilityName}` : 'All facilities', ...narrowed].join(', '),
      period: from ? `${from} – ${to}` : `up to ${to}`,
      generatedAt: new Date().toISOString(),
      alarms: rows,
      matched: total,
      names,
    };
  }

  return {
    analysisData,
    oeeData,
    inspectionData,
    alarmData,
    alarmList,
    alarmRows,
    /** The analysis with its insights, as GET /analytics/analyses/{id}/export reads them. */
    analysisInsights: analyses.insights,
    async analysisPdf(principal: Principal, id: string) {
      return render(analysisSpec(await analysisData(principal, id)));
    },
    async oeePdf(principal: Principal, query: OeeReportQuery) {
      return render(oeeSpec(await oeeData(principal, query)));
    },
    async inspectionPdf(principal: Principal, query: StatisticsQuery) {
      return render(inspectionSpec(await inspectionData(principal, query)));
    },
    async alarmsPdf(principal: Principal, filter: AlarmReportFilter) {
      return render(alarmSpec(await alarmData(principal, filter)));
    },
    /** For the CSV/XLSX of the OEE export: the asked grouping, as GET /plant-ops/oee answers it. */
    oee: plant.oee,
    statistics: statistics.defects,
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
