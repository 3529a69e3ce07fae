// Multi-facility comparison (issue 19): per facility, OEE and its factors from the plant's own OEE
// service (the numbers of GET /plant-ops/oee), downtime by reason category from its Pareto, scrap,
// rework and cost variance from the work orders of the facility's imports in the period, open
// alarms and the inspection reject rate; the engine (engine.ts) normalises them and flags best and
// worst. The period is in local days, each facility's own (as the OEE report counts them).
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { readInCallerTenant } from '../../../platform/db/scope.ts';
import { badRequest, notFound } from '../../../platform/http/errors.ts';
import {
  type AnalysisLink,
  alarmFigures,
  type FacilityRow,
  facilitiesByIds,
  type ImportTotals,
  importTotals,
  inspectionFigures,
  latestAnalyses,
} from './compare.repo.ts';
import { compareFacilities, type FacilityFigures } from './engine.ts';

/** The plant's OEE report and downtime Pareto (plant's reports service), as the comparison uses them. */
export interface PlantReports {
  oee(
    principal: Principal,
    query: { facilityId: string; from: string; to: string; groupBy: 'line' },
  ): Promise<{ total: NonNullable<FacilityFigures['oee']> }>;
  pareto(
    principal: Principal,
    query: { facilityId: string; from: Date; to: Date; includePlanned: boolean },
  ): Promise<{ items: { category: string; minutes: number }[] }>;
}

/** Local midnight of `day` in `timezone`, as an instant (plant's calendar). */
export type LocalToUtc = (day: string, minutes: number, timezone: string) => number;

export const MIN_FACILITIES = 2;
export const MAX_FACILITIES = 10;
/** The longest period compared: a year of local days. */
export const MAX_PERIOD_DAYS = 366;
const DEFAULT_PERIOD_DAYS = 28;
const DAY_MS = 86_400_000;

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);

export interface CompareQuery {
  facilityIds: readonly string[];
  from?: string | undefined;
  to?: string | undefined;
}

/** The period in local days, inclusive: the default is the last four weeks up to today (UTC). */
export function periodOf(query: Pick<CompareQuery, 'from' | 'to'>, now = Date.now()) {
  const to = query.to ?? isoDay(now);
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw badRequest('`from` must not be after `to`');
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days > MAX_PERIOD_DAYS)
    throw badRequest(`The period spans ${days} days, at most ${MAX_PERIOD_DAYS}: choose a shorter one`);
  return { from, to };
}

export function createCompareService(deps: { db: Db; plant: PlantReports; localToUtc: LocalToUtc }) {
  const { db, plant, localToUtc } = deps;

  async function figuresOf(
    principal: Principal,
    facility: FacilityRow,
    period: { from: string; to: string },
  ) {
    // The facility's local days as instants: [from 00:00, the day after `to` 00:00).
    const span = {
      from: new Date(localToUtc(period.from, 0, facility.timezone)),
      to: new Date(localToUtc(addDays(period.to, 1), 0, facility.timezone)),
    };
    const oee = await plant.oee(principal, { facilityId: facility.id, ...period, groupBy: 'line' });
    const pareto = await plant.pareto(principal, { facilityId: facility.id, ...span, includePlanned: false });
    const { imports, analyses, alarms, inspection } = await readInCallerTenant(db, principal, async (tx) => {
      const imports = await importTotals(tx, facility.id, span);
      return {
        imports,
        analyses: await latestAnalyses(
          tx,
          imports.map((i) => i.importId),
        ),
        alarms: await alarmFigures(tx, facility.id),
        inspection: await inspectionFigures(tx, facility.id, span),
      };
    });
    const downtime = new Map<string, number>();
    for (const item of pareto.items)
      downtime.set(item.category, (downtime.get(item.category) ?? 0) + item.minutes);
    const figures: FacilityFigures = {
      facilityId: facility.id,
      oee: oee.total,
      downtime: [...downtime].map(([category, minutes]) => ({ category, minutes })),
      workOrders: workOrderFigures(imports, analyses),
      alarms,
      inspection,
    };
    return { facility, span, figures, imports, analyses, oee: oee.total };
  }

  return {
    async compare(principal: Principal, query: CompareQuery) {
      const ids = [...new Set(query.facilityIds)];
      if (ids.length < MIN_FACILITIES || ids.length > MAX_FACILITIES)
        throw badRequest(`Choose ${MIN_FACILITIES} to ${MAX_FACILITIES} different facilities`);
      const period = periodOf(query);
      const found = await readInCallerTenant(db, principal, (tx) => facilitiesByIds(tx, ids));
      // Another tenant's facility is invisible here (RLS): unknown and foreign answer alike.
      if (found.length !== ids.length) throw notFound('Facility');
      const byId = new Map(found.map((f) => [f.id, f]));
      const each = [];
      for (const id of ids) each.push(await figuresOf(principal, byId.get(id) as FacilityRow, period));
      return { period, facilities: each, metrics: compareFacilities(each.map((e) => e.figures)) };
    },
  };
}

function workOrderFigures(imports: ImportTotals[], analyses: AnalysisLink[]): FacilityFigures['workOrders'] {
  if (imports.length === 0) return null;
  const sum = (key: keyof ImportTotals) => imports.reduce((s, i) => s + Number(i[key]), 0);
  return {
    workOrders: sum('workOrders'),
    completed: sum('completed'),
    scrap: sum('scrap'),
    rework: sum('rework'),
    scrapRows: sum('scrapRows'),
    reworkRows: sum('reworkRows'),
    costedOrders: sum('costedOrders'),
    standardCost: sum('standardCost'),
    actualCost: sum('actualCost'),
    analysisIds: analyses.map((a) => a.id),
  };
}

export type CompareService = ReturnType<typeof createCompareService>;
export type Comparison = Awaited<ReturnType<CompareService['compare']>>;
