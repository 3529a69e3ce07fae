import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { readInTenant, tenantOf } from '../../platform/db/scope.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { listReasons } from './lines.repo.ts';
import { aggregate } from './oee.ts';
import { DEFAULT_REASON_OF_STATUS, type LineStatus } from './reasons.ts';
import { downtimeTotals, type GroupBy, segmentTotals } from './reports.repo.ts';

export interface OeeQuery {
  facilityId?: string | undefined;
  lineId?: string | undefined;
  /** Local days YYYY-MM-DD, inclusive (default: the last 7 days). */
  from?: string | undefined;
  to?: string | undefined;
  groupBy: GroupBy;
}

export interface ParetoQuery {
  facilityId?: string | undefined;
  lineId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  includePlanned: boolean;
}

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** OEE and losses by line, day or shift, and the downtime Pareto, from stored batch segments. */
export function createReportsService({ db }: { db: Db }) {
  async function oee(principal: Principal, query: OeeQuery) {
    // Default: up to tomorrow in UTC, which is "today" somewhere east of UTC (days are facility-local).
    const toDay = query.to ?? isoDay(Date.now() + DAY_MS);
    const fromDay = query.from ?? isoDay(Date.parse(toDay) - 7 * DAY_MS);
    if (fromDay > toDay) throw badRequest('`from` must not be after `to`');
    const rows = await readInTenant(db, tenantOf(principal), (tx) =>
      segmentTotals(
        tx,
        { facilityId: query.facilityId, lineId: query.lineId, fromDay, toDay },
        query.groupBy,
      ),
    );
    const groups = rows.map((row) => ({
      key: row.key,
      label: row.label,
      batches: row.batches,
      ...aggregate([row]),
    }));
    return { groupBy: query.groupBy, from: fromDay, to: toDay, groups, total: aggregate(rows) };
  }

  async function pareto(principal: Principal, query: ParetoQuery) {
    const to = query.to ?? new Date();
    const from = query.from ?? new Date(to.getTime() - 7 * DAY_MS);
    if (from >= to) throw badRequest('`from` must be before `to`');
    const { totals, reasons } = await readInTenant(db, tenantOf(principal), async (tx) => ({
      totals: await downtimeTotals(tx, { facilityId: query.facilityId, lineId: query.lineId, from, to }),
      reasons: await listReasons(tx),
    }));
    const byCode = new Map(reasons.map((r) => [r.code, r]));
    const merged = new Map<string, { minutes: number; stops: number }>();
    for (const t of totals) {
      const code =
        t.reasonCode ?? DEFAULT_REASON_OF_STATUS[t.status as Exclude<LineStatus, 'running'>] ?? 'UNSPECIFIED';
      const entry = merged.get(code) ?? { minutes: 0, stops: 0 };
      entry.minutes += t.seconds / 60;
      entry.stops += t.stops;
      merged.set(code, entry);
    }
    const items = [...merged]
      .map(([code, m]) => {
        const reason = byCode.get(code);
        return {
          reasonCode: code,
          label: reason?.label ?? code,
          category: reason?.category ?? 'other',
          planned: reason?.planned ?? false,
          minutes: m.minutes,
          stops: m.stops,
        };
      })
      .filter((i) => query.includePlanned || !i.planned)
      .sort((a, b) => b.minutes - a.minutes || a.reasonCode.localeCompare(b.reasonCode));
    const totalMinutes = items.reduce((sum, i) => sum + i.minutes, 0);
    let running = 0;
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      totalMinutes,
      items: items.map((i) => {
        running += i.minutes;
        return {
          ...i,
          share: totalMinutes > 0 ? i.minutes / totalMinutes : 0,
          cumulativeShare: totalMinutes > 0 ? running / totalMinutes : 0,
        };
      }),
    };
  }

  return { oee, pareto };
}

export type ReportsService = ReturnType<typeof createReportsService>;
