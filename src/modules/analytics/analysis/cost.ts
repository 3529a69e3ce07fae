// The cost analyzer (issue 14): material, labour, overhead and total cost against plan — for the
// facility, against the facility's baseline, and per part, work center and supplier; the top cost
// drivers as Pareto charts; work orders whose cost per piece made is an outlier for their part; and
// what scrap costs. Findings worth less than min_cost_impact are left out. Pure: frame in, result out.

import { flagOf, numberOf } from './config.ts';
import { type CostComponent, costComponents } from './cost-columns.ts';
import { type InsightSpec, makeInsight } from './cost-contrasts.ts';
import { costDrivers, scrapCost } from './cost-drivers.ts';
import { costOutliers } from './cost-outliers.ts';
import {
  COST_DIMENSIONS,
  type CostFinding,
  entityVariances,
  facilityVariance,
  mergeByEntity,
} from './cost-variance.ts';
import { stakeOf } from './frame.ts';
import type { AnalyzerContext, AnalyzerResult, Chart, TextColumn } from './types.ts';

export function analyzeCost(ctx: AnalyzerContext): AnalyzerResult {
  const { frame, config } = ctx;
  const result: AnalyzerResult = { analyzer: 'cost', insights: [], metrics: {}, charts: [], notes: [] };
  if (frame.n === 0) {
    result.notes.push('no work orders: nothing to analyse');
    return result;
  }
  const { components, notes } = costComponents(frame, config);
  result.notes.push(...notes);
  if (components.length === 0) {
    result.notes.push('no planned and actual cost pair (or labour hours) mapped: no cost analysis');
    return result;
  }
  const variances: CostFinding[] = [];
  for (const c of components) {
    const { metric, insight } = facilityVariance(ctx, c);
    if (Number.isFinite(metric)) result.metrics[c.metric] = metric;
    // The facility's total repeats its components: it stands alone only without them.
    if (insight && (c.name !== 'total' || components.length === 1)) variances.push(insight);
  }
  for (const d of COST_DIMENSIONS)
    if (!frame.texts[d.field]) result.notes.push(`${d.field} not mapped: no cost variance per ${d.type}`);
  // Per entity the components locate the cause; a total judged beside them mostly measures the cost
  // mix (a labour-heavy part looks worse on total cost at a work center running slow), so the total is
  // judged per entity only when no component pair is mapped.
  const judged = components.length === 1 ? components : components.filter((c) => c.name !== 'total');
  for (const c of judged) variances.push(...componentFindings(ctx, c));
  const specs: InsightSpec[] = mergeByEntity(variances);

  const main = components.find((c) => c.name === 'total') ?? (components[0] as (typeof components)[number]);
  let actual = 0;
  let planned = 0;
  for (let i = 0; i < frame.n; i++) {
    const a = main.actual[i] as number;
    const p = main.planned[i] as number;
    if (Number.isNaN(a) || Number.isNaN(p)) continue;
    actual += a;
    planned += p;
  }
  result.metrics['cost.actualCost'] = actual;
  result.metrics['cost.plannedCost'] = planned;

  const drivers = costDrivers(ctx, main);
  const charts: Chart[] = [...drivers.charts];
  Object.assign(result.metrics, drivers.metrics);

  const outliers = costOutliers(ctx, main.actual, main.source);
  result.metrics['cost.outlierOrders'] = outliers.outliers;
  if (outliers.insight) specs.push(outliers.insight);
  if (!frame.numbers.qtyCompleted) result.notes.push('good quantity not mapped: no cost per piece outliers');

  if (flagOf(config, 'include_scrap_cost')) {
    const scrap = scrapCost(ctx, main.actual);
    Object.assign(result.metrics, scrap.metrics);
    charts.push(...scrap.charts);
    specs.push(...scrap.insights);
    result.notes.push(...scrap.notes);
  } else result.notes.push('include_scrap_cost is off: scrap is not valued');

  const stake = stakeOf(frame, config);
  const floor = numberOf(config, 'min_cost_impact');
  const insights = specs.map((s) => makeInsight('cost', ctx, stake, s));
  const kept = insights.filter((i) => i.impact.score >= floor);
  if (kept.length < insights.length)
    result.notes.push(`${insights.length - kept.length} findings below min_cost_impact (${floor}) left out`);
  result.insights = kept.sort((a, b) => b.impact.score - a.impact.score);
  result.charts = charts;
  return result;
}

/**
 * One component's findings on parts, work centers and suppliers. Parts come first (judged against
 * their work center's other parts); a work center is then reported only if it is still over plan
 * without the orders of the parts already reported — one part's overrun must not make its whole work
 * center a finding too.
 */
function componentFindings(ctx: AnalyzerContext, c: CostComponent): CostFinding[] {
  const { frame } = ctx;
  const out: CostFinding[] = [];
  const parts = new Set<string>();
  for (const dim of COST_DIMENSIONS) {
    if (!frame.texts[dim.field]) continue;
    const found = entityVariances(ctx, c, dim);
    if (dim.type === 'part') for (const f of found) parts.add(f.entity?.id ?? '');
    if (dim.type !== 'workCenter' || parts.size === 0 || found.length === 0) {
      out.push(...found);
      continue;
    }
    const part = frame.texts.partNumber as TextColumn;
    const flagged = new Uint8Array(part.dict.length);
    part.dict.forEach((value, code) => {
      if (parts.has(value)) flagged[code] = 1;
    });
    const without = (column: Float64Array) =>
      column.map((v, i) =>
        (part.codes[i] as number) >= 0 && flagged[part.codes[i] as number] ? Number.NaN : v,
      );
    const rest = { ...c, actual: without(c.actual), planned: without(c.planned) };
    const still = new Set(entityVariances(ctx, rest, dim).map((f) => f.entity?.id));
    out.push(...found.filter((f) => still.has(f.entity?.id)));
  }
  return out;
}
