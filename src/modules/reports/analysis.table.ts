// The analysis export as XLSX: the columns of its CSV (analyses.presenters.ts insightsCsv), typed.
import type { Insight } from '../analytics/analysis/types.ts';

const n = 'number' as const;
export const ANALYSIS_COLUMNS = [
  { key: 'rank', header: 'rank', type: n },
  { key: 'analyzer', header: 'analyzer' },
  { key: 'kind', header: 'kind' },
  { key: 'severity', header: 'severity' },
  { key: 'title', header: 'title', width: 60 },
  { key: 'detail', header: 'detail', width: 80 },
  { key: 'entity_type', header: 'entity_type' },
  { key: 'entity_id', header: 'entity_id' },
  { key: 'impact_score', header: 'impact_score', type: n },
  { key: 'impact_currency', header: 'impact_currency', type: n },
  { key: 'impact_hours', header: 'impact_hours', type: n },
  { key: 'impact_units', header: 'impact_units', type: n },
  { key: 'impact_formula', header: 'impact_formula', width: 40 },
  { key: 'metric', header: 'metric', width: 30 },
  { key: 'value', header: 'value', type: n },
  { key: 'baseline', header: 'baseline', type: n },
  { key: 'expected', header: 'expected', type: n },
  { key: 'statistic', header: 'statistic' },
  { key: 'statistic_value', header: 'statistic_value', type: n },
  { key: 'p_value', header: 'p_value', type: n },
  { key: 'sample_size', header: 'sample_size', type: n },
  { key: 'row_count', header: 'row_count', type: n },
  { key: 'recommendation', header: 'recommendation', width: 60 },
];

export async function* analysisRows(insights: readonly { rank: number; insight: Insight }[]) {
  for (const { rank, insight: i } of insights)
    yield {
      rank,
      analyzer: i.analyzer,
      kind: i.kind,
      severity: i.severity,
      title: i.title,
      detail: i.detail,
      entity_type: i.entity?.type ?? null,
      entity_id: i.entity?.id ?? null,
      impact_score: i.impact.score,
      impact_currency: i.impact.currency,
      impact_hours: i.impact.hours,
      impact_units: i.impact.units,
      impact_formula: i.impact.formula,
      metric: i.evidence.metric,
      value: i.evidence.value,
      baseline: i.evidence.baseline,
      expected: i.evidence.expected,
      statistic: i.evidence.statistic?.name ?? null,
      statistic_value: i.evidence.statistic?.value ?? null,
      p_value: i.evidence.pValue,
      sample_size: i.evidence.sampleSize,
      row_count: i.rowCount,
      recommendation: i.recommendation,
    };
}
