// The planner's dashboard: its one call (/supply/frontend/dashboard), the dismissal of an anomaly,
// and how KPI figures read.
import type { components } from '../../api-schema';
import { client } from '../../typed-api';
import { formatLevel, formatMoney, formatQuantity } from '../format';

type Schemas = components['schemas'];
export type FrontendDashboard = Schemas['SupplyFrontendDashboard'];
export type KpiCard = Schemas['SupplyKpiCard'];
export type Anomaly = Schemas['SupplyAnomaly'];
export type RecentDecision = FrontendDashboard['recentDecisions'][number];

export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];

export const dashboardKeys = {
  dashboard: (days: Period) => ['supply', 'dashboard', days] as const,
};

export const dashboardApi = {
  dashboard: (days: Period, signal?: AbortSignal) =>
    client.get('/api/v1/supply/frontend/dashboard', { query: { days }, signal }),
  dismiss: (id: string) => client.post('/api/v1/supply/metrics/anomalies/{id}/dismiss', { path: { id } }),
};

/** A KPI value in its unit: ratios as percentages, money with two decimals, kg, turns a year. */
export function formatKpi(value: number | null | undefined, unit: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'ratio') return formatLevel(value);
  if (unit === 'money') return formatMoney(value);
  if (unit === 'kg') return `${formatQuantity(Math.round(value * 10) / 10)} kg`;
  if (unit === 'per_year')
    return `${formatQuantity(Math.abs(value) < 1 ? Math.round(value * 100) / 100 : Math.round(value * 10) / 10)} / year`;
  if (unit === 'count') return formatQuantity(Math.round(value * 10) / 10);
  return formatQuantity(Math.round(value * 100) / 100);
}

/** The change against the period before: percentage points for ratios, else relative. */
export function formatChange(card: KpiCard): string {
  const { change, changeRatio } = card.trend;
  if (change === null) return 'no earlier figure';
  if (card.unit === 'ratio') {
    const points = Math.round(change * 1000) / 10;
    return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points)} pts`;
  }
  if (changeRatio === null)
    return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${formatKpi(Math.abs(change), card.unit)}`;
  const percent = Math.round(changeRatio * 1000) / 10;
  return `${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${Math.abs(percent)} %`;
}

export const STATUS_TEXT: Record<KpiCard['status'], string> = {
  met: 'on target',
  near: 'near target',
  missed: 'off target',
  no_data: 'no data',
  no_target: 'no target',
};

export const STATUS_BADGE: Record<KpiCard['status'], string> = {
  met: 'badge-ok',
  near: 'badge-warn',
  missed: 'badge-bad',
  no_data: 'badge-neutral',
  no_target: 'badge-neutral',
};

export const ANOMALY_KIND: Record<Anomaly['kind'], string> = {
  order_quantity: 'Unusual quantity',
  delivery_delay: 'Late delivery',
  delivery_cost: 'Costly route',
};
