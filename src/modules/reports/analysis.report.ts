// The analysis report: what GET /analytics/analyses/{id} shows (summary, narrative, the ranked
// insights with their evidence and charts) and the insights table behind them.
import type { imports } from '../../platform/db/schema/index.ts';
import type { AnalysisRow } from '../analytics/analyses.repo.ts';
import type { Insight } from '../analytics/analysis/types.ts';
import { number, utcStamp } from './pdf/layout.ts';
import type { Block, ReportSpec } from './pdf/spec.ts';

export interface AnalysisReportData {
  tenantName: string;
  facility: string;
  generatedAt: string;
  row: AnalysisRow;
  source: typeof imports.$inferSelect | undefined;
  insights: readonly { rank: number; insight: Insight }[];
}

/** Insights told one by one, with evidence and chart; the table lists all. */
export const DETAILED_INSIGHTS = 10;

/** A figure with the precision its size deserves: 12,345 · 12.35 · 0.0123. */
export function figure(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const size = Math.abs(x);
  return number(x, size >= 100 ? 0 : size >= 1 ? 2 : size === 0 ? 0 : 4);
}

const pValue = (p: number | null) => (p === null ? '–' : p < 0.0001 ? '< 0.0001' : number(p, 4));

/** An impact in words: "12,400 currency · 35.5 h · 120 units". */
export function impactText(i: Insight['impact']): string {
  const parts = [
    i.currency !== null ? `${number(i.currency, 0)} currency` : null,
    i.hours !== null ? `${number(i.hours, 1)} h` : null,
    i.units !== null ? `${number(i.units, 0)} units` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : `score ${number(i.score, 0)}`;
}

/** The narrative's paragraphs without Markdown marks (the PDF sets its own type). */
export function narrativeParagraphs(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .replace(/^#+\s*/gm, '')
        .replace(/\*\*(.+?)\*\*/g, '$1')
        .replace(/^\s*[-*]\s+/gm, '• ')
        .trim(),
    )
    .filter((p) => p.length > 0);
}

function chartOf(insight: Insight): Block | null {
  const c = insight.chart;
  if (!c || c.points.length === 0) return null;
  const points = c.points.slice(0, 30);
  if (c.kind === 'line') return { kind: 'line', title: c.title, unit: c.unit, points };
  if (c.kind === 'pareto') return { kind: 'pareto', title: c.title, unit: c.unit, bars: points };
  return { kind: 'bars', title: c.title, unit: c.unit, bars: points };
}

export function analysisSpec(d: AnalysisReportData): ReportSpec {
  const { row } = d;
  const period = `Analysis of ${utcStamp((row.completedAt ?? row.createdAt).toISOString())}`;
  const base = {
    title: `Analysis report: ${row.name}`,
    tenantName: d.tenantName,
    period,
    generatedAt: d.generatedAt,
  };
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${d.facility} · ${d.source?.fileName ?? 'import'} · analysers ${row.analyzersRun.join(', ') || '–'}`,
      muted: true,
    },
    {
      kind: 'tiles',
      tiles: [
        { label: 'Insights', value: number(row.insightCount) },
        { label: 'Work orders', value: number(row.rowCount) },
        { label: 'Data tier', value: String(row.dataTier ?? '–') },
        {
          label: 'Total impact',
          value: number(
            d.insights.reduce((s, i) => s + i.insight.impact.score, 0),
            0,
          ),
          note: 'sum of impact scores',
        },
      ],
    },
  ];
  if (d.insights.length === 0) {
    blocks.push({ kind: 'noData', text: 'The analysis found no insight in this import.' });
    return { ...base, blocks };
  }
  const narrative = narrativeParagraphs(row.narrative);
  if (narrative.length > 0) {
    blocks.push({ kind: 'heading', text: 'Summary' });
    for (const text of narrative) blocks.push({ kind: 'paragraph', text });
  }
  blocks.push({ kind: 'heading', text: `Top insights` });
  for (const { rank, insight: i } of d.insights.slice(0, DETAILED_INSIGHTS)) {
    const e = i.evidence;
    blocks.push(
      { kind: 'heading', level: 2, text: `${rank}. ${i.title}` },
      {
        kind: 'paragraph',
        text: `Severity ${i.severity} · ${i.analyzer} · ${i.entity ? `${i.entity.type} ${i.entity.id} · ` : ''}impact ${impactText(i.impact)} · ${number(i.rowCount)} work orders`,
        muted: true,
      },
      { kind: 'paragraph', text: i.detail },
      {
        kind: 'table',
        columns: [
          { header: 'Metric', weight: 2.4 },
          { header: 'Value', align: 'right' },
          { header: 'Baseline', align: 'right' },
          { header: 'Expected', align: 'right' },
          { header: 'Statistic', align: 'right' },
          { header: 'p-value', align: 'right' },
          { header: 'Sample size', align: 'right' },
        ],
        rows: [
          [
            e.metric,
            figure(e.value),
            figure(e.baseline),
            figure(e.expected),
            e.statistic ? `${e.statistic.name} = ${figure(e.statistic.value)}` : '–',
            pValue(e.pValue),
            number(e.sampleSize),
          ],
        ],
        note: `Impact: ${i.impact.formula}`,
      },
    );
    if (i.recommendation) blocks.push({ kind: 'paragraph', text: `Recommendation: ${i.recommendation}` });
    const chart = chartOf(i);
    if (chart) blocks.push(chart);
  }
  blocks.push(
    { kind: 'heading', text: 'All insights' },
    {
      kind: 'table',
      columns: [
        { header: '#', align: 'right', weight: 0.4 },
        { header: 'Severity', weight: 0.9 },
        { header: 'Insight', weight: 4 },
        { header: 'Metric', weight: 2 },
        { header: 'Value', align: 'right' },
        { header: 'Baseline', align: 'right' },
        { header: 'Impact', align: 'right', weight: 1.1 },
      ],
      rows: d.insights.map(({ rank, insight: i }) => [
        String(rank),
        i.severity,
        i.title,
        i.evidence.metric,
        figure(i.evidence.value),
        figure(i.evidence.baseline),
        number(i.impact.score, 0),
      ]),
      note: 'Impact is the insight’s ranking score: money, else hours at the default labour rate, else units at the average unit cost.',
    },
  );
  return { ...base, blocks };
}
