// The inspection report: GET /inspection/defects/statistics of one period (reject rate, defect
// Pareto, by region and by camera, the series) as a report spec and as table rows.
import type { StatisticsService } from '../inspection/statistics.service.ts';
import { number, percent } from './pdf/layout.ts';
import type { Block, ReportSpec } from './pdf/spec.ts';

export type DefectStatistics = Awaited<ReturnType<StatisticsService['defects']>>;

export interface InspectionReportData {
  tenantName: string;
  scope: string;
  generatedAt: string;
  stats: DefectStatistics;
}

const day = (iso: string) => iso.slice(0, 10);
const periodOf = (s: DefectStatistics) =>
  `${s.period.from.slice(0, 16).replace('T', ' ')} – ${s.period.to.slice(0, 16).replace('T', ' ')} UTC`;
const typeLabel = (type: string) => type.replace(/[_-]+/g, ' ');

export function inspectionSpec(d: InspectionReportData): ReportSpec {
  const s = d.stats;
  const t = s.totals;
  const base = {
    title: 'Inspection report',
    tenantName: d.tenantName,
    period: periodOf(s),
    generatedAt: d.generatedAt,
  };
  const blocks: Block[] = [{ kind: 'paragraph', text: d.scope, muted: true }];
  if (t.triggers === 0 && t.defects === 0) {
    blocks.push({ kind: 'noData', text: `No part was inspected in this period (${d.scope}).` });
    return { ...base, blocks };
  }
  blocks.push(
    {
      kind: 'tiles',
      tiles: [
        {
          label: 'Reject rate',
          value: percent(t.rejectRate),
          note: `${number(t.failedTriggers)} of ${number(t.triggers)} parts`,
        },
        { label: 'Defects', value: number(t.defects) },
        {
          label: 'False positive rate',
          value: percent(t.falsePositiveRate),
          note: `${number(t.falsePositives)} of ${number(t.dispositionedDefects)} reviewed`,
        },
        { label: 'Rework share', value: percent(t.reworkShare), note: `${number(t.reworkDefects)} defects` },
      ],
    },
    {
      kind: 'table',
      columns: [
        { header: 'Figure', weight: 2 },
        { header: 'Value', align: 'right' },
        { header: 'How it is counted', weight: 3.4 },
      ],
      rows: [
        ['Parts inspected', number(t.triggers), 'Triggers in the period'],
        ['Parts failed', number(t.failedTriggers), 'Triggers judged fail'],
        ['Reject rate', percent(t.rejectRate), 'Parts failed / parts inspected'],
        ['Defects', number(t.defects), 'Defects found on the parts'],
        ['False positive rate', percent(t.falsePositiveRate), 'False positives / defects with a disposition'],
        ['Rework share', percent(t.reworkShare), 'Rework / defects with a disposition'],
        [
          'Part rework share',
          percent(t.partReworkShare),
          'Parts dispositioned rework / parts with a disposition',
        ],
      ],
    },
    { kind: 'heading', text: 'Reject rate over time' },
    {
      kind: 'line',
      title: `Reject rate per ${s.period.bucket}`,
      percent: true,
      points: s.series.map((p) => ({
        label: s.period.bucket === 'day' ? day(p.start).slice(5) : p.start.slice(5, 13).replace('T', ' '),
        value: p.triggers > 0 ? p.failed / p.triggers : null,
      })),
    },
    { kind: 'heading', text: 'Defect Pareto' },
  );
  if (s.pareto.length === 0) blocks.push({ kind: 'paragraph', text: 'No defects in this period.' });
  else
    blocks.push(
      {
        kind: 'pareto',
        title: 'Defects by type',
        unit: 'defects',
        bars: s.pareto.map((p) => ({ label: typeLabel(p.type), value: p.count })),
      },
      {
        kind: 'table',
        columns: [
          { header: 'Defect type', weight: 2 },
          { header: 'Defects', align: 'right' },
          { header: 'Share', align: 'right' },
          { header: 'Cumulative', align: 'right' },
        ],
        rows: s.pareto.map((p) => [
          typeLabel(p.type),
          number(p.count),
          percent(p.share),
          percent(p.cumulativeShare),
        ]),
      },
    );
  blocks.push({ kind: 'heading', text: 'By camera' });
  if (s.byCamera.length > 0)
    blocks.push(
      {
        kind: 'groupedBars',
        title: 'Images, failed images and defects by camera',
        series: ['Images', 'Failed images', 'Defects'],
        groups: s.byCamera.map((c) => ({
          label: c.cameraName,
          values: [c.images, c.failedImages, c.defects],
        })),
      },
      {
        kind: 'table',
        columns: [
          { header: 'Camera', weight: 2 },
          { header: 'Images', align: 'right' },
          { header: 'Failed', align: 'right' },
          { header: 'Fail rate', align: 'right' },
          { header: 'Defects', align: 'right' },
        ],
        rows: s.byCamera.map((c) => [
          c.cameraName,
          number(c.images),
          number(c.failedImages),
          percent(c.images > 0 ? c.failedImages / c.images : 0),
          number(c.defects),
        ]),
      },
    );
  else blocks.push({ kind: 'paragraph', text: 'No camera images in this period.' });
  blocks.push({ kind: 'heading', text: 'By region' });
  if (s.byRegion.length > 0)
    blocks.push(
      {
        kind: 'bars',
        title: 'Defects by inspect region',
        unit: '',
        bars: s.byRegion.slice(0, 20).map((r) => ({ label: r.name ?? 'unnamed', value: r.count })),
      },
      {
        kind: 'table',
        columns: [
          { header: 'Region', weight: 2 },
          { header: 'Camera', weight: 2 },
          { header: 'Defects', align: 'right' },
        ],
        rows: s.byRegion.map((r) => [
          r.name ?? 'unnamed',
          s.byCamera.find((c) => c.cameraId === r.cameraId)?.cameraName ?? '–',
          number(r.count),
        ]),
        note: 'A defect counts in every region its latest verdict assigned it to; false positives are in none.',
      },
    );
  else
    blocks.push({ kind: 'paragraph', text: 'No defect was assigned to an inspect region in this period.' });
  if (s.byPartNumber.length > 0)
    blocks.push(
      { kind: 'heading', text: 'By part number' },
      {
        kind: 'table',
        columns: [
          { header: 'Part number', weight: 2 },
          { header: 'Parts', align: 'right' },
          { header: 'Failed', align: 'right' },
          { header: 'Reject rate', align: 'right' },
          { header: 'Defects', align: 'right' },
        ],
        rows: s.byPartNumber.map((p) => [
          p.partNumber,
          number(p.triggers),
          number(p.failed),
          percent(p.triggers > 0 ? p.failed / p.triggers : 0),
          number(p.defects),
        ]),
      },
    );
  return { ...base, blocks };
}

/** CSV/XLSX: the series, one row per bucket, with its reject rate. */
export const INSPECTION_COLUMNS = [
  { key: 'start', header: 'Bucket start (UTC)', type: 'date' },
  { key: 'triggers', header: 'Parts inspected', type: 'number' },
  { key: 'failed', header: 'Parts failed', type: 'number' },
  { key: 'rejectRate', header: 'Reject rate', type: 'number', numFmt: '0.0%' },
  { key: 'defects', header: 'Defects', type: 'number' },
] as const;

export function* inspectionRows(s: DefectStatistics): Generator<Record<string, unknown>> {
  for (const p of s.series) yield { ...p, rejectRate: p.triggers > 0 ? p.failed / p.triggers : 0 };
}
