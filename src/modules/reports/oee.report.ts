// The plant OEE report: the figures of GET /plant-ops/oee (by day, by shift, by line) and
// GET /plant-ops/downtime/pareto for one period, as a report spec and as table rows.
import type { ParetoQuery, ReportsService } from '../plant/reports.service.ts';
import { duration, fixed, hours, number, percent } from './pdf/layout.ts';
import type { Block, ReportSpec } from './pdf/spec.ts';

export type OeeReport = Awaited<ReturnType<ReportsService['oee']>>;
export type OeeGroup = OeeReport['groups'][number];
export type ParetoReport = Awaited<ReturnType<ReportsService['pareto']>>;
export type { ParetoQuery };

export interface OeeReportData {
  tenantName: string;
  scope: string;
  generatedAt: string;
  /** The line's OEE target (0–1) when the report is about one line. */
  target: number | null;
  byDay: OeeReport;
  byShift: OeeReport;
  byLine: OeeReport;
  pareto: ParetoReport;
}

const figureColumns = [
  { header: 'Batches', align: 'right' as const, weight: 0.8 },
  { header: 'OEE', align: 'right' as const, weight: 0.9 },
  { header: 'Availability', align: 'right' as const, weight: 1.25 },
  { header: 'Performance', align: 'right' as const, weight: 1.35 },
  { header: 'Quality', align: 'right' as const, weight: 0.95 },
  { header: 'Good / total', align: 'right' as const, weight: 1.8 },
  { header: 'Downtime', align: 'right' as const, weight: 1 },
];

const figureCells = (g: OeeGroup) => [
  String(g.batches),
  percent(g.oee),
  percent(g.availability),
  percent(g.performance),
  percent(g.quality),
  `${number(g.goodCount)} / ${number(g.totalCount)}`,
  hours(g.losses.availabilityMinutes),
];

export function oeeSpec(d: OeeReportData): ReportSpec {
  const period = `${d.byDay.from} – ${d.byDay.to}`;
  const t = d.byDay.total;
  const blocks: Block[] = [{ kind: 'paragraph', text: d.scope, muted: true }];
  if (d.byDay.groups.length === 0 && d.pareto.items.length === 0) {
    blocks.push({
      kind: 'noData',
      text: `No batch was produced and no downtime was recorded between ${d.byDay.from} and ${d.byDay.to} (${d.scope}).`,
    });
    return {
      title: 'Plant OEE report',
      tenantName: d.tenantName,
      period,
      generatedAt: d.generatedAt,
      blocks,
    };
  }
  const batches = d.byLine.groups.reduce((n, g) => n + g.batches, 0);
  blocks.push(
    {
      kind: 'tiles',
      tiles: [
        {
          label: 'OEE',
          value: percent(t.oee),
          ...(d.target !== null ? { note: `Target ${percent(d.target)}` } : {}),
        },
        { label: 'Availability', value: percent(t.availability) },
        { label: 'Performance', value: percent(t.performance) },
        { label: 'Quality', value: percent(t.quality) },
        { label: 'Good pieces', value: number(t.goodCount), note: `of ${number(t.totalCount)} made` },
        { label: 'Planned production', value: duration(t.plannedProductionMinutes) },
        { label: 'Run time', value: duration(t.runMinutes) },
        { label: 'Batches', value: number(batches) },
      ],
    },
    { kind: 'heading', text: 'OEE trend' },
    {
      kind: 'line',
      title: 'OEE by day',
      percent: true,
      points: d.byDay.groups.map((g) => ({ label: g.label.slice(5), value: g.oee })),
      ...(d.target !== null ? { target: { value: d.target, label: `Target ${percent(d.target)}` } } : {}),
    },
    { kind: 'heading', text: 'Losses' },
    {
      kind: 'paragraph',
      text:
        'Availability loss is unplanned downtime; performance loss is run time beyond the ideal time of every piece; ' +
        'quality loss is the ideal time spent on scrapped and reworked pieces.',
      muted: true,
    },
    {
      kind: 'table',
      columns: [
        { header: 'Loss', weight: 2 },
        { header: 'Time', align: 'right' },
        { header: 'Share of planned time', align: 'right', weight: 1.5 },
      ],
      rows: (
        [
          ['Availability (unplanned downtime)', t.losses.availabilityMinutes],
          ['Performance (slow running, small stops)', t.losses.performanceMinutes],
          ['Quality (scrap and rework)', t.losses.qualityMinutes],
        ] as const
      ).map(([label, minutes]) => [
        label,
        hours(minutes),
        percent(t.plannedProductionMinutes > 0 ? minutes / t.plannedProductionMinutes : null),
      ]),
    },
    { kind: 'heading', text: 'Downtime Pareto' },
  );
  if (d.pareto.items.length === 0)
    blocks.push({ kind: 'paragraph', text: 'No unplanned downtime in this period.' });
  else
    blocks.push(
      {
        kind: 'pareto',
        title: `Unplanned downtime by reason (${duration(d.pareto.totalMinutes)} in all)`,
        unit: 'min',
        bars: d.pareto.items.map((i) => ({ label: i.label, value: i.minutes })),
      },
      {
        kind: 'table',
        columns: [
          { header: 'Reason', weight: 2.2 },
          { header: 'Category', weight: 1.2 },
          { header: 'Minutes', align: 'right' },
          { header: 'Stops', align: 'right' },
          { header: 'Share', align: 'right' },
          { header: 'Cumulative', align: 'right' },
        ],
        rows: d.pareto.items.map((i) => [
          i.label,
          i.category,
          fixed(i.minutes, 1),
          String(i.stops),
          percent(i.share),
          percent(i.cumulativeShare),
        ]),
      },
    );
  blocks.push({ kind: 'heading', text: 'By shift' });
  if (d.byShift.groups.length > 0)
    blocks.push({
      kind: 'groupedBars',
      title: 'Availability, performance and quality by shift',
      percent: true,
      series: ['Availability', 'Performance', 'Quality'],
      groups: d.byShift.groups.map((g) => ({
        label: g.label,
        values: [g.availability ?? Number.NaN, g.performance ?? Number.NaN, g.quality ?? Number.NaN],
      })),
    });
  blocks.push(
    {
      kind: 'table',
      columns: [{ header: 'Shift', weight: 1.6 }, ...figureColumns],
      rows: d.byShift.groups.map((g) => [g.label, ...figureCells(g)]),
    },
    { kind: 'heading', text: 'By line' },
    {
      kind: 'table',
      columns: [{ header: 'Line', weight: 1.6 }, ...figureColumns],
      rows: d.byLine.groups.map((g) => [g.label, ...figureCells(g)]),
    },
    { kind: 'heading', text: 'By day' },
    {
      kind: 'table',
      columns: [{ header: 'Day', weight: 1.6 }, ...figureColumns],
      rows: d.byDay.groups.map((g) => [g.label, ...figureCells(g)]),
    },
  );
  return { title: 'Plant OEE report', tenantName: d.tenantName, period, generatedAt: d.generatedAt, blocks };
}

/** CSV/XLSX: one row per group of the asked grouping, with every figure of the API. */
export const OEE_COLUMNS = [
  { key: 'group', header: 'Group' },
  { key: 'key', header: 'Key' },
  { key: 'label', header: 'Label' },
  { key: 'batches', header: 'Batches', type: 'number' },
  { key: 'oee', header: 'OEE', type: 'number', numFmt: '0.0%' },
  { key: 'availability', header: 'Availability', type: 'number', numFmt: '0.0%' },
  { key: 'performance', header: 'Performance', type: 'number', numFmt: '0.0%' },
  { key: 'quality', header: 'Quality', type: 'number', numFmt: '0.0%' },
  { key: 'plannedProductionMinutes', header: 'Planned production (min)', type: 'number' },
  { key: 'runMinutes', header: 'Run time (min)', type: 'number' },
  { key: 'totalCount', header: 'Total pieces', type: 'number' },
  { key: 'goodCount', header: 'Good pieces', type: 'number' },
  { key: 'availabilityLossMinutes', header: 'Availability loss (min)', type: 'number' },
  { key: 'performanceLossMinutes', header: 'Performance loss (min)', type: 'number' },
  { key: 'qualityLossMinutes', header: 'Quality loss (min)', type: 'number' },
] as const;

export function* oeeRows(report: OeeReport): Generator<Record<string, unknown>> {
  const row = (key: string, label: string, batches: number | null, g: OeeReport['total']) => ({
    group: report.groupBy,
    key,
    label,
    batches,
    oee: g.oee,
    availability: g.availability,
    performance: g.performance,
    quality: g.quality,
    plannedProductionMinutes: g.plannedProductionMinutes,
    runMinutes: g.runMinutes,
    totalCount: g.totalCount,
    goodCount: g.goodCount,
    availabilityLossMinutes: g.losses.availabilityMinutes,
    performanceLossMinutes: g.losses.performanceMinutes,
    qualityLossMinutes: g.losses.qualityMinutes,
  });
  for (const g of report.groups) yield row(g.key, g.label, g.batches, g);
  yield row(
    'total',
    `Total ${report.from} – ${report.to}`,
    report.groups.reduce((n, g) => n + g.batches, 0),
    report.total,
  );
}
