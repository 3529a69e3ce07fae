// Where the money over plan goes (a Pareto of the top parts, work centers and suppliers by overrun)
// and what scrapped pieces cost: scrap × the part's actual cost per piece produced, as Paretos by
// supplier and part, and a finding when scrap as a whole takes more than cost_variance_threshold_pct
// of actual cost.

import { numberOf } from './config.ts';
import type { CostComponent } from './cost-columns.ts';
import { ENTITY_LABEL, type InsightSpec, oneSampleT, pText, significanceRules } from './cost-contrasts.ts';
import { COST_DIMENSIONS } from './cost-variance.ts';
import { fmt, pct, sumOf } from './frame.ts';
import type { AnalyzerContext, Chart } from './types.ts';

/** Σ (actual − planned) per entity of a text field, over rows where both are present. */
function overrunBy(
  ctx: AnalyzerContext,
  field: string,
  c: CostComponent,
): { label: string; value: number }[] {
  const column = ctx.frame.texts[field];
  if (!column) return [];
  const sums = new Float64Array(column.dict.length);
  for (let i = 0; i < ctx.frame.n; i++) {
    const code = column.codes[i] as number;
    const d = (c.actual[i] as number) - (c.planned[i] as number);
    if (code >= 0 && !Number.isNaN(d)) sums[code] = (sums[code] as number) + d;
  }
  return column.dict.map((label, code) => ({ label, value: sums[code] as number }));
}

/**
 * One Pareto chart per dimension with its top_cost_drivers entities by money over plan, and the share
 * of all parts' overrun that the top parts carry (cost.topDriversSharePct).
 */
export function costDrivers(
  ctx: AnalyzerContext,
  c: CostComponent,
): { charts: Chart[]; metrics: Record<string, number> } {
  const top = numberOf(ctx.config, 'top_cost_drivers');
  const charts: Chart[] = [];
  const metrics: Record<string, number> = {};
  for (const dim of COST_DIMENSIONS) {
    const over = overrunBy(ctx, dim.field, c)
      .filter((e) => e.value > 0)
      .sort((a, b) => b.value - a.value);
    if (over.length === 0) continue;
    const label = ENTITY_LABEL[dim.type] ?? dim.type;
    charts.push({
      id: `cost-drivers-${dim.type}`,
      kind: 'pareto',
      title: `Top ${Math.min(top, over.length)} ${label.toLowerCase()} cost drivers: ${c.label} over plan`,
      unit: 'currency',
      points: over.slice(0, Math.min(top, 20)).map((e) => ({ label: e.label, value: e.value })),
    });
    if (dim.type === 'part') {
      const all = over.reduce((s, e) => s + e.value, 0);
      const head = over.slice(0, top).reduce((s, e) => s + e.value, 0);
      metrics['cost.topDriversSharePct'] = (head / all) * 100;
    }
  }
  return { charts, metrics };
}

export interface ScrapCostResult {
  metrics: Record<string, number>;
  charts: Chart[];
  insights: InsightSpec[];
  notes: string[];
}

/** Scrap valued at the part's actual cost per piece produced (Σ actual ÷ Σ (good + scrap)). */
export function scrapCost(ctx: AnalyzerContext, actual: Float64Array): ScrapCostResult {
  const { frame, config } = ctx;
  const result: ScrapCostResult = { metrics: {}, charts: [], insights: [], notes: [] };
  const scrap = frame.numbers.qtyScrap;
  const good = frame.numbers.qtyCompleted;
  if (!scrap || !good) {
    result.notes.push('scrap or good quantity not mapped: no scrap cost');
    return result;
  }
  const part = frame.texts.partNumber;
  const groups = part ? part.dict.length : 1;
  const cost = new Float64Array(groups);
  const pieces = new Float64Array(groups);
  const produced = new Float64Array(frame.n);
  for (let i = 0; i < frame.n; i++) {
    const s = scrap[i] as number;
    const g = good[i] as number;
    produced[i] = Number.isNaN(s) || Number.isNaN(g) ? Number.NaN : s + g;
    const code = part ? (part.codes[i] as number) : 0;
    const a = actual[i] as number;
    if (code < 0 || Number.isNaN(a) || Number.isNaN(produced[i] as number)) continue;
    cost[code] = (cost[code] as number) + a;
    pieces[code] = (pieces[code] as number) + (produced[i] as number);
  }
  const perPiece = cost.map((x, code) =>
    (pieces[code] as number) > 0 ? x / (pieces[code] as number) : Number.NaN,
  );
  const scrapValue = new Float64Array(frame.n);
  // Per order: scrap cost beyond the allowed share of its actual cost (the one-sample test's values).
  const threshold = numberOf(config, 'cost_variance_threshold_pct');
  const beyond = new Float64Array(frame.n);
  let totalScrap = 0;
  let totalActual = 0;
  for (let i = 0; i < frame.n; i++) {
    const code = part ? (part.codes[i] as number) : 0;
    const unit = code >= 0 ? (perPiece[code] as number) : Number.NaN;
    const s = scrap[i] as number;
    const a = actual[i] as number;
    scrapValue[i] = Number.isFinite(unit) && !Number.isNaN(s) ? s * unit : Number.NaN;
    beyond[i] = (scrapValue[i] as number) - (threshold / 100) * a;
    if (Number.isNaN(beyond[i] as number)) continue;
    totalScrap += scrapValue[i] as number;
    totalActual += a;
  }
  result.metrics['cost.scrapCost'] = totalScrap;
  if (totalActual > 0) result.metrics['cost.scrapCostPct'] = (totalScrap / totalActual) * 100;
  for (const field of ['supplier', 'partNumber']) {
    const column = frame.texts[field];
    if (!column) continue;
    const by = new Float64Array(column.dict.length);
    for (let i = 0; i < frame.n; i++) {
      const code = column.codes[i] as number;
      if (code >= 0 && !Number.isNaN(scrapValue[i] as number))
        by[code] = (by[code] as number) + (scrapValue[i] as number);
    }
    result.charts.push({
      id: `cost-scrap-by-${field === 'supplier' ? 'supplier' : 'part'}`,
      kind: 'pareto',
      title: `Scrap cost by ${field === 'supplier' ? 'supplier' : 'part'}`,
      unit: 'currency',
      points: column.dict
        .map((label, code) => ({ label, value: by[code] as number }))
        .filter((p) => p.value > 0)
        .sort((x, y) => y.value - x.value)
        .slice(0, 20),
    });
  }
  // Which supplier, part or machine scraps is the quality analyzer's finding; here the question is
  // whether scrap as a whole is a cost problem: more than cost_variance_threshold_pct of actual cost.
  const share = totalScrap / totalActual;
  if (!(share * 100 > threshold)) return result;
  const { alpha, minSample } = significanceRules(config);
  const test = oneSampleT(beyond, 0);
  const excess = totalScrap - (threshold / 100) * totalActual;
  result.insights.push({
    kind: 'cost.scrap-cost',
    entity: null,
    title: `Scrap costs ${fmt(totalScrap, 0)}: ${pct(share)} of actual cost`,
    detail: `${fmt(sumOf(frame, 'qtyScrap'), 0)} scrapped pieces valued at each part's actual cost per piece produced come to ${fmt(totalScrap, 0)}, ${pct(share)} of the ${fmt(totalActual, 0)} actual cost, above the ${fmt(threshold)} % threshold. t = ${fmt(test.statistic, 2)} of the per-order scrap cost beyond that share, p ${pText(test.pValue)}.`,
    impact: {
      currency: excess,
      hours: null,
      units: null,
      formula: `${fmt(totalScrap, 0)} scrap cost − ${fmt(threshold)} % × ${fmt(totalActual, 0)} actual cost = ${fmt(excess, 0)}`,
    },
    evidence: {
      metric: 'scrap cost ÷ actual cost',
      value: share,
      baseline: null,
      expected: threshold / 100,
      statistic: { name: 't', value: test.statistic },
      pValue: test.pValue,
      sampleSize: test.n,
    },
    significant: test.pValue < alpha && test.n >= minSample && test.mean > 0,
    recommendation:
      'Start with the largest bars of the scrap-cost Pareto (suppliers and parts) and the quality findings behind them; scrap this expensive pays for incoming inspection and process capability work.',
    rows: { kind: 'all' },
    rowCount: frame.n,
  });
  return result;
}
