// The quality analyzer's charts: scrap rate by supplier, the scrap Pareto by part, defects per piece
// by operator, defects by type, and the latest points of the scrap p-chart. At most 20 points each.
import type { QualityColumns } from './quality-columns.ts';
import { pointLabel, type SpcChart } from './quality-spc.ts';
import type { Chart, ChartPoint, WorkOrderFrame } from './types.ts';

const MAX_POINTS = 20;

/** Σ count and Σ base per entity of a field (entities without base left out). */
function byEntity(
  frame: WorkOrderFrame,
  field: string,
  count: Float64Array,
  base: Float64Array | null,
): { label: string; count: number; base: number }[] {
  const column = frame.texts[field];
  if (!column) return [];
  const k = column.dict.length;
  const c = new Float64Array(k);
  const b = new Float64Array(k);
  for (let i = 0; i < frame.n; i++) {
    const code = column.codes[i] as number;
    if (code < 0) continue;
    c[code] = (c[code] as number) + (count[i] as number);
    b[code] = (b[code] as number) + (base ? (base[i] as number) : 1);
  }
  return column.dict
    .map((label, code) => ({ label, count: c[code] as number, base: b[code] as number }))
    .filter((e) => e.base > 0);
}

const top = (points: ChartPoint[]) =>
  points
    .sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : 1))
    .slice(0, MAX_POINTS)
    .map((p) => ({ label: p.label, value: Math.round(p.value * 1000) / 1000 }));

export function qualityCharts(frame: WorkOrderFrame, columns: QualityColumns): Chart[] {
  const charts: Chart[] = [];
  const { scrap, pieces, defects, defectBase } = columns;
  if (scrap && frame.texts.supplier)
    charts.push({
      id: 'quality.scrap-by-supplier',
      kind: 'bar',
      title: 'Scrap rate by supplier',
      unit: '%',
      points: top(
        byEntity(frame, 'supplier', scrap, pieces).map((e) => ({
          label: e.label,
          value: (100 * e.count) / e.base,
        })),
      ),
    });
  if (scrap && frame.texts.partNumber)
    charts.push({
      id: 'quality.scrap-pareto-part',
      kind: 'pareto',
      title: 'Scrapped pieces by part',
      unit: 'pcs',
      points: top(
        byEntity(frame, 'partNumber', scrap, pieces).map((e) => ({ label: e.label, value: e.count })),
      ),
    });
  if (defects && defectBase && frame.texts.operator)
    charts.push({
      id: 'quality.defects-by-operator',
      kind: 'bar',
      title: 'Defects per 100 pieces by operator',
      unit: '%',
      points: top(
        byEntity(frame, 'operator', defects, defectBase).map((e) => ({
          label: e.label,
          value: (100 * e.count) / e.base,
        })),
      ),
    });
  if (defects && frame.texts.defectType)
    charts.push({
      id: 'quality.defects-by-type',
      kind: 'pareto',
      title: 'Defects by type',
      unit: 'defects',
      points: top(
        byEntity(frame, 'defectType', defects, null).map((e) => ({ label: e.label, value: e.count })),
      ),
    });
  return charts;
}

/** The latest points of the scrap p-chart (rate in %), in time order. */
export function pChart(frame: WorkOrderFrame, chart: SpcChart): Chart {
  const m = chart.group.length;
  const points: ChartPoint[] = [];
  for (let j = Math.max(0, m - MAX_POINTS); j < m; j++)
    points.push({
      label: pointLabel(frame, chart, j),
      value: Math.round((10_000 * (chart.scrap[j] as number)) / (chart.pieces[j] as number)) / 100,
    });
  return {
    id: 'quality.scrap-p-chart',
    kind: 'line',
    title: `Scrap rate per ${chart.by === 'materialLot' ? 'material lot' : 'work order'} (latest ${points.length}; center ${Math.round(chart.center * 10_000) / 100} %)`,
    unit: '%',
    points,
  };
}
