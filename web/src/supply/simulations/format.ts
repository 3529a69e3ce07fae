// How simulation figures read: KPI names, their values and units, statuses, scenarios in words.
import { formatMoney, formatNumber, formatPercent } from '../../plant/format';
import type { KpiSummary, Scenario, SimulationStatus } from './api';

type Kpi = KpiSummary['kpi'];

export const KPI_NAMES: Record<Kpi, string> = {
  fill_rate: 'Fill rate',
  otif: 'On time in full (OTIF)',
  stockouts: 'Stock-outs (SKU-days)',
  cost_per_order: 'Cost per order',
  inventory_turns: 'Inventory turns (per year)',
  co2_kg: 'CO₂ of deliveries (kg)',
  vehicle_utilisation: 'Vehicle utilisation',
  total_cost: 'Total cost',
  holding_cost: 'Holding cost',
  ordering_cost: 'Ordering cost',
  transport_cost: 'Transport cost',
  shortage_cost: 'Cost of lost sales',
};

/** The KPIs charted first; the cost components follow under their own heading. */
export const MAIN_KPIS: readonly Kpi[] = [
  'fill_rate',
  'otif',
  'stockouts',
  'cost_per_order',
  'inventory_turns',
  'co2_kg',
  'vehicle_utilisation',
  'total_cost',
];

const SHARES = new Set<Kpi>(['fill_rate', 'otif', 'vehicle_utilisation']);
const MONEY = new Set<Kpi>([
  'cost_per_order',
  'total_cost',
  'holding_cost',
  'ordering_cost',
  'transport_cost',
  'shortage_cost',
]);

/** A KPI value as it reads: shares in percent, money with two decimals, counts and kg rounded. */
export function formatKpi(kpi: Kpi, value: number): string {
  if (SHARES.has(kpi)) return formatPercent(value, 1);
  if (MONEY.has(kpi)) return formatMoney(value);
  if (kpi === 'inventory_turns' || kpi === 'stockouts') return formatNumber(value, 1);
  return formatNumber(value, 0);
}

/** A difference of KPI values: "+2.5 pts", "−120.00". */
export function formatKpiDifference(kpi: Kpi, value: number): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const size = Math.abs(value);
  if (SHARES.has(kpi)) return `${sign}${formatNumber(size * 100, 1)} pts`;
  return `${sign}${formatKpi(kpi, size)}`;
}

export const STATUS_BADGE: Record<SimulationStatus, string> = {
  queued: 'badge-neutral',
  running: 'badge-live',
  completed: 'badge-ok',
  failed: 'badge-bad',
};

/** The scenario's kinds in words ("no events" when none). */
export function scenarioText(scenario: Partial<Scenario> | Record<string, unknown>): string {
  const s = scenario as Partial<Scenario>;
  const parts: string[] = [];
  if (s.demandShocks)
    parts.push(
      `demand shocks ×${s.demandShocks.multiplier} for ${s.demandShocks.durationDays} d (${formatPercent(s.demandShocks.probabilityPerDay)} a day per ${s.demandShocks.scope ?? 'sku'})`,
    );
  if (s.vehicleBreakdowns)
    parts.push(
      `breakdowns (${formatPercent(s.vehicleBreakdowns.probabilityPerVehicleDay)} per vehicle-day, ${s.vehicleBreakdowns.repairDays} d repair)`,
    );
  if (s.leadTimeNoise) parts.push(`lead-time noise (cv ${s.leadTimeNoise.cv})`);
  if (s.travelDelays)
    parts.push(
      `travel delays ×${s.travelDelays.multiplier} (${formatPercent(s.travelDelays.probabilityPerDay)} of days)`,
    );
  return parts.length > 0 ? parts.join('; ') : 'no events (demand and lead times vary as usual)';
}
