// Analyses → API objects (the seed's analysis object: id, batch id = the import, status, data tier,
// analyzers run, results, error message, timestamps), insights and chat messages, and the CSV export.
import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { chatMessages, imports } from '../../platform/db/schema/index.ts';
import type { AnalysisRow } from './analyses.repo.ts';
import type { Insight } from './analysis/types.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentAnalysisSummary(row: AnalysisRow) {
  return {
    id: row.id,
    importId: row.importId,
    /** The seed keys analyses by batch id: ours is the import. */
    batchId: row.importId,
    facilityId: row.facilityId,
    name: row.name,
    status: row.status as 'processing' | 'completed' | 'failed',
    dataTier: row.dataTier,
    analyzersRun: row.analyzersRun,
    insightCount: row.insightCount,
    rowCount: row.rowCount,
    errorMessage: row.errorMessage,
    jobId: row.jobId,
    createdAt: row.createdAt.toISOString(),
    completedAt: iso(row.completedAt),
  };
}

export const presentInsight = ({ rank, insight }: { rank: number; insight: Insight }) => ({
  id: rank,
  ...insight,
  rows: insight.rows as unknown as Record<string, unknown>,
  chart: insight.chart as unknown as Record<string, unknown> | undefined,
});

export function presentAnalysis(
  row: AnalysisRow,
  source: typeof imports.$inferSelect | undefined,
  insights: { rank: number; insight: Insight }[],
) {
  return {
    ...presentAnalysisSummary(row),
    fileName: source?.fileName ?? null,
    fileSize: source?.fileSize ?? null,
    analyzers: row.analyzers,
    config: row.config,
    results: row.results ?? null,
    narrative: row.narrative,
    narrativeSource: row.narrativeSource,
    insights: insights.map(presentInsight),
    timings: row.timings,
  };
}

export function presentChatMessage(row: typeof chatMessages.$inferSelect) {
  return {
    id: row.id,
    role: row.role as 'user' | 'assistant',
    content: row.content,
    sources: row.sources ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const FORMULA = /^[=+\-@\t\r]/;
const safe = (value: string) => (FORMULA.test(value) ? `'${value}` : value);
const cell = (x: number | null | undefined) => (x === null || x === undefined ? '' : x);

const COLUMNS = [
  'rank',
  'analyzer',
  'kind',
  'severity',
  'title',
  'detail',
  'entity_type',
  'entity_id',
  'impact_score',
  'impact_currency',
  'impact_hours',
  'impact_units',
  'impact_formula',
  'metric',
  'value',
  'baseline',
  'expected',
  'statistic',
  'statistic_value',
  'p_value',
  'sample_size',
  'row_count',
  'recommendation',
];

/** The insights with their evidence, one row each, for a spreadsheet. */
export function insightsCsv(insights: { rank: number; insight: Insight }[]): Readable {
  const out = stringify({ header: true, columns: COLUMNS, bom: true });
  for (const { rank, insight: i } of insights)
    out.write([
      rank,
      i.analyzer,
      i.kind,
      i.severity,
      safe(i.title),
      safe(i.detail),
      i.entity?.type ?? '',
      safe(i.entity?.id ?? ''),
      i.impact.score,
      cell(i.impact.currency),
      cell(i.impact.hours),
      cell(i.impact.units),
      safe(i.impact.formula),
      safe(i.evidence.metric),
      cell(i.evidence.value),
      cell(i.evidence.baseline),
      cell(i.evidence.expected),
      i.evidence.statistic?.name ?? '',
      cell(i.evidence.statistic?.value),
      cell(i.evidence.pValue),
      i.evidence.sampleSize,
      i.rowCount,
      safe(i.recommendation),
    ]);
  out.end();
  return out;
}
