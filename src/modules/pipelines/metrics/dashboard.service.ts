// The dashboards' rules: which window each figure covers, the hourly series (rolled-up hours plus
// the hours not rolled up yet, from the request rows), gaps filled with zeros, 404 for pipelines
// and sectors the tenant does not have, and the platform totals a superadmin sees (sums only).
import { eq } from 'drizzle-orm';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { aiPipelines } from '../../../platform/db/schema/index.ts';
import { readAcrossTenants, readInCallerTenant } from '../../../platform/db/scope.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { type AggregateRow, toMetrics } from './aggregates.sql.ts';
import {
  findSector,
  lastRolledHourOf,
  liveBuckets,
  pipelinePerformance,
  platformAnalytics,
  platformCounts,
  recentErrors,
  rolledHours,
  sectorDays,
  sectorMetrics,
  tenantAnalytics,
  tenantTotals,
  workspaceSummaries,
} from './dashboard.repo.ts';
import { EMPTY_METRICS } from './metrics24h.repo.ts';
import { listRequests, type RequestFilter } from './requests.repo.ts';
import { floorHour } from './rollup.ts';
import { fillSeries } from './series.ts';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * HOUR_MS;

const presentPerformance = (p: Awaited<ReturnType<typeof pipelinePerformance>>[number]) => ({
  id: p.pipelineId,
  workspaceId: p.workspaceId,
  name: p.name,
  slug: p.slug,
  sector: p.sector,
  status: p.status,
  monthlyCost: p.monthlyCost,
  metrics24h: toMetrics(p),
});

export function createDashboardService({ db }: { db: Db }) {
  async function requirePipeline(principal: Principal, id: string) {
    const found = await readInCallerTenant(db, principal, (tx) =>
      tx.select({ id: aiPipelines.id }).from(aiPipelines).where(eq(aiPipelines.id, id)).limit(1),
    );
    if (found.length === 0) throw notFound('Pipeline');
  }

  return {
    async dashboard(principal: Principal, now = new Date()) {
      const since = new Date(now.getTime() - DAY_MS);
      return readInCallerTenant(db, principal, async (tx) => {
        const workspaces = await workspaceSummaries(tx);
        const pipelines = (await pipelinePerformance(tx)).map(presentPerformance);
        const totals = toMetrics(await tenantTotals(tx, since));
        const errors = await recentErrors(tx, since);
        return {
          generatedAt: now.toISOString(),
          window: '24h' as const,
          totals,
          workspaces,
          pipelines,
          topPipelines: pipelines.filter((p) => p.metrics24h.requests > 0).slice(0, 5),
          recentErrors: errors.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
        };
      });
    },

    async workspaceSummary(principal: Principal) {
      return { items: await readInCallerTenant(db, principal, (tx) => workspaceSummaries(tx)) };
    },

    /** Hourly over the last `hours` (the current hour partial), or per minute over the last hour. */
    async pipelineSeries(
      principal: Principal,
      id: string,
      query: { hours: number; bucket: 'hour' | 'minute' },
      now = Date.now(),
    ) {
      await requirePipeline(principal, id);
      if (query.bucket === 'minute') {
        const from = Math.floor(now / MINUTE_MS) * MINUTE_MS - 59 * MINUTE_MS;
        const rows = await readInCallerTenant(db, principal, (tx) =>
          liveBuckets(tx, id, 'minute', new Date(from)),
        );
        return {
          pipelineId: id,
          bucket: 'minute' as const,
          points: fillSeries(rows, from, from + 60 * MINUTE_MS, MINUTE_MS, now),
        };
      }
      const current = floorHour(now);
      const from = current - (query.hours - 1) * HOUR_MS;
      const end = current + HOUR_MS;
      const rows = await readInCallerTenant(db, principal, async (tx) => {
        // Hours after the last rolled-up one come from the request rows (the rollup is hourly).
        const last = await lastRolledHourOf(tx, id);
        const liveFrom = Math.min(current, Math.max(from, last ? last.getTime() + HOUR_MS : from));
        const rolled = liveFrom > from ? await rolledHours(tx, id, new Date(from), new Date(liveFrom)) : [];
        const live = await liveBuckets(tx, id, 'hour', new Date(liveFrom));
        return [...rolled, ...live];
      });
      return { pipelineId: id, bucket: 'hour' as const, points: fillSeries(rows, from, end, HOUR_MS, now) };
    },

    async pipelineRequests(principal: Principal, id: string, filter: RequestFilter) {
      await requirePipeline(principal, id);
      const { rows, total } = await readInCallerTenant(db, principal, (tx) => listRequests(tx, id, filter));
      return { items: rows, total };
    },

    async sectorDashboard(principal: Principal, sectorName: string, days: number, now = Date.now()) {
      return readInCallerTenant(db, principal, async (tx) => {
        const sector = await findSector(tx, sectorName);
        if (sector === null) throw notFound('Sector');
        const since = new Date(now - (days - 1) * DAY_MS).toISOString().slice(0, 10);
        const metrics = await sectorMetrics(tx, sector);
        return {
          sector,
          metrics: metrics ?? null,
          days: await sectorDays(tx, sector, since),
          pipelines: (await pipelinePerformance(tx, { sector })).map(presentPerformance),
        };
      });
    },

    async analytics(principal: Principal, days: number, now = Date.now()) {
      const since = new Date(Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
      const rows = await readInCallerTenant(db, principal, (tx) => tenantAnalytics(tx, since));
      const pick = (g: number) => rows.filter((r) => r.grouping === g);
      const total = pick(7)[0];
      const superadmin = principal.platformRole === 'superadmin' && principal.kind === 'user';
      return {
        since: since.toISOString(),
        days,
        totals: total ? toMetrics(total) : { ...EMPTY_METRICS },
        byDay: pick(3).map((r) => ({ day: r.day as string, ...toMetrics(r) })),
        byWorkspace: pick(5).map((r) => ({
          workspaceId: r.workspaceId as string,
          name: r.workspaceName,
          ...toMetrics(r),
        })),
        byPurpose: pick(6).map((r) => ({ purpose: r.purpose as string, ...toMetrics(r) })),
        platform: superadmin ? await this.platform(days, now) : null,
      };
    },

    /** Superadmins: every tenant's traffic summed — counts and sums, no tenant's names or content. */
    async platform(days: number, now = Date.now()) {
      const since = new Date(Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
      return readAcrossTenants(db, async (tx) => {
        const rows = await platformAnalytics(tx, since);
        const counts = await platformCounts(tx);
        const total = rows.find((r) => r.day === null);
        return {
          since: since.toISOString(),
          days,
          tenantsWithTraffic: total?.tenants ?? 0,
          ...counts,
          totals: total ? toMetrics(total as AggregateRow) : { ...EMPTY_METRICS },
          byDay: rows
            .filter((r) => r.day !== null)
            .map((r) => ({ day: r.day as string, tenants: r.tenants, ...toMetrics(r) })),
        };
      });
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
