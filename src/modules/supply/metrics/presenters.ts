// Rows → API bodies of KPI measurements and anomaly flags.
import type { AnomalyRow } from './anomalies.repo.ts';
import type { MetricRow } from './metrics.repo.ts';

export const presentMetric = (row: MetricRow) => ({
  id: row.id,
  kpi: row.kpi,
  day: row.day,
  value: row.value,
  unit: row.unit,
  warehouseId: row.warehouseId,
  source: row.source as 'rollup' | 'external',
  dimensions: row.dimensions,
  note: row.note,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

export const presentAnomaly = (row: AnomalyRow) => ({
  id: row.id,
  kind: row.kind as 'order_quantity' | 'delivery_delay' | 'delivery_cost',
  orderId: row.orderId,
  routeId: row.routeId,
  day: row.day,
  value: row.value,
  expected: row.expected,
  score: row.score,
  detail: row.detail,
  status: row.status as 'open' | 'dismissed',
  createdAt: row.createdAt.toISOString(),
});
