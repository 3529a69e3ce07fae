// The comparison's reads beside the plant OEE service: the facilities asked for, the work orders of
// each facility's completed imports in the period (with the analyses of those imports), its sensors
// and open alarms, and its inspection triggers. Every query runs in the caller's tenant (RLS), one
// facility at a time (at most ten), and reads sums only.
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../platform/db/database.ts';

export interface FacilityRow {
  id: string;
  code: string;
  name: string;
  timezone: string;
}

export async function facilitiesByIds(tx: Executor, ids: readonly string[]): Promise<FacilityRow[]> {
  return queryRows<FacilityRow>(
    tx,
    sql`select id, code, name, timezone from facilities where id = any(${sql.param([...ids])}::uuid[])`,
  );
}

export interface ImportTotals {
  importId: string;
  fileName: string;
  completedAt: string;
  workOrders: number;
  completed: number;
  scrap: number;
  rework: number;
  scrapRows: number;
  reworkRows: number;
  costedOrders: number;
  standardCost: number;
  actualCost: number;
}

// A total cost column wins; else the material, labour and overhead parts add up.
const STANDARD = sql`coalesce(w.standard_cost_total, case when coalesce(w.material_cost_planned, w.labor_cost_planned, w.overhead_cost_planned) is not null
  then coalesce(w.material_cost_planned, 0) + coalesce(w.labor_cost_planned, 0) + coalesce(w.overhead_cost_planned, 0) end)`;
const ACTUAL = sql`coalesce(w.actual_cost_total, case when coalesce(w.material_cost_actual, w.labor_cost_actual, w.overhead_cost_actual) is not null
  then coalesce(w.material_cost_actual, 0) + coalesce(w.labor_cost_actual, 0) + coalesce(w.overhead_cost_actual, 0) end)`;

/**
 * Sums over the work orders of the facility's imports completed in [from, to), one row per import.
 * Marked duplicates (the same bytes imported again) are left out: their orders are counted already.
 */
export async function importTotals(
  tx: Executor,
  facilityId: string,
  period: { from: Date; to: Date },
): Promise<ImportTotals[]> {
  return queryRows<ImportTotals>(
    tx,
    sql`/* compareImportTotals */
select i.id as "importId", i.file_name as "fileName", i.completed_at as "completedAt",
       count(*)::int as "workOrders",
       coalesce(sum(w.qty_completed), 0)::float8 as completed,
       coalesce(sum(w.qty_scrap), 0)::float8 as scrap,
       coalesce(sum(w.qty_rework), 0)::float8 as rework,
       count(w.qty_scrap)::int as "scrapRows",
       count(w.qty_rework)::int as "reworkRows",
       count(*) filter (where ${STANDARD} is not null and ${ACTUAL} is not null)::int as "costedOrders",
       coalesce(sum(${STANDARD}) filter (where ${ACTUAL} is not null), 0)::float8 as "standardCost",
       coalesce(sum(${ACTUAL}) filter (where ${STANDARD} is not null), 0)::float8 as "actualCost"
from imports i join work_orders w on w.import_id = i.id
where i.facility_id = ${facilityId} and i.status = 'completed' and i.duplicate_of is null
  and i.completed_at >= ${period.from.toISOString()}::timestamptz
  and i.completed_at < ${period.to.toISOString()}::timestamptz
group by i.id
order by i.completed_at`,
  );
}

export interface AnalysisLink {
  id: string;
  importId: string;
  name: string;
  completedAt: string;
}

/** The latest completed analysis of each import. */
export async function latestAnalyses(tx: Executor, importIds: readonly string[]): Promise<AnalysisLink[]> {
  if (importIds.length === 0) return [];
  return queryRows<AnalysisLink>(
    tx,
    sql`select distinct on (import_id) id, import_id as "importId", name, completed_at as "completedAt"
        from analyses
        where import_id = any(${sql.param([...importIds])}::uuid[]) and status = 'completed'
        order by import_id, completed_at desc`,
  );
}

/** Sensors of the facility and its alarms that are not cleared (now: alarms are a state, not a period). */
export async function alarmFigures(tx: Executor, facilityId: string) {
  const [row] = await queryRows<{ sensors: number; open: number }>(
    tx,
    sql`select (select count(*)::int from sensors where facility_id = ${facilityId}) as sensors,
               (select count(*)::int from alarms where facility_id = ${facilityId} and status <> 'cleared') as open`,
  );
  return row ?? { sensors: 0, open: 0 };
}

/** Inspection stations of the facility and their triggers (parts) in [from, to); failed = rejected. */
export async function inspectionFigures(tx: Executor, facilityId: string, period: { from: Date; to: Date }) {
  const [row] = await queryRows<{ stations: number; triggers: number; failed: number }>(
    tx,
    sql`select count(distinct s.id)::int as stations, count(t.id)::int as triggers,
               count(t.id) filter (where t.verdict = 'fail')::int as failed
        from inspection_stations s
        left join inspection_triggers t on t.station_id = s.id
          and t.ts >= ${period.from.toISOString()}::timestamptz and t.ts < ${period.to.toISOString()}::timestamptz
        where s.facility_id = ${facilityId}`,
  );
  return row ?? { stations: 0, triggers: 0, failed: 0 };
}
