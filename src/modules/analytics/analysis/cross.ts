// Insights that look across the four analyzers (issue 14): the facility against its own past
// (baselines of the analyzers' metrics), the facility over time inside this import (weekly trends)
// and figures that move together across work orders (rank correlations). Runs after the analyzers,
// on their results and the same frame; pure and deterministic like them.
import { baselineInsights } from './cross-baselines.ts';
import { correlationInsights } from './cross-correlations.ts';
import type { CrossPart } from './cross-measures.ts';
import { trendInsights } from './cross-trends.ts';
import type { AnalyzerContext, AnalyzerResult, Chart, Insight } from './types.ts';

export { seriesPoints, type WeeklySeries, weekAxis, weeklySeries } from './cross-weekly.ts';

/**
 * Insights with analyzer 'cross', ranked by impact: metrics worse than the facility's baseline,
 * worsening weekly trends, and rank correlations (leads, at most medium). `metrics` holds the
 * trends' slopes per month and what was tested (cross.weeks, cross.correlationsTested…).
 */
export function analyzeAcross(
  ctx: AnalyzerContext,
  results: AnalyzerResult[],
): { insights: Insight[]; metrics: Record<string, number>; charts: Chart[]; notes: string[] } {
  const parts = [baselineInsights(ctx, results), trendInsights(ctx, results), correlationInsights(ctx)];
  const out: CrossPart = { insights: [], metrics: {}, charts: [], notes: [] };
  for (const part of parts) {
    out.insights.push(...part.insights);
    Object.assign(out.metrics, part.metrics);
    out.charts.push(...part.charts);
    out.notes.push(...part.notes);
  }
  out.insights.sort(
    (a, b) => b.impact.score - a.impact.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return out;
}
