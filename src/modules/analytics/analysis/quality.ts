// The quality analyzer (issue 14): scrap, rework and defect rates overall and by part, machine,
// supplier, operator and shift, each entity tested against the rest (quality-rates.ts); the
// suppliers' nonconforming material; first-pass yield against its target; and SPC signals on the
// scrap rate per material lot (quality-spc.ts). Pure: frame, configuration and baselines in, result
// out. Rates are taken over pieces: scrap ÷ (good + scrap), rework ÷ (good + scrap), defects ÷
// pieces planned (produced where no plan is given); first-pass yield = (good − rework) ÷ (good + scrap).
// The plant's own scrap and rework rates are reported beyond their thresholds, and first-pass yield
// below its target, when the gap is more than the orders' variation explains; each names the
// facility's baseline (its earlier analyses) when there is one.
import { numberOf, spcRulesOf } from './config.ts';
import { stakeOf } from './frame.ts';
import { pChart, qualityCharts } from './quality-charts.ts';
import { QUALITY_FIELDS, qualityColumns, rateSpecs } from './quality-columns.ts';
import { entityInsight, type InsightEnv, type PlantRate, plantInsight } from './quality-insights.ts';
import { overall, type RateFinding, type RateKind, type RateSpec, rateFindings } from './quality-rates.ts';
import { scrapChart } from './quality-spc.ts';
import { spcInsight } from './quality-spc-insight.ts';
import type { AnalyzerContext, AnalyzerResult, Insight } from './types.ts';

/** When one entity shows in several rates, its insight is the first of these it has. */
const KIND_ORDER: readonly RateKind[] = ['scrap-rate', 'supplier-quality', 'rework-rate', 'defect-rate'];
const METRIC_OF: Record<RateKind, string> = {
  'scrap-rate': 'quality.scrapRatePct',
  'rework-rate': 'quality.reworkRatePct',
  'defect-rate': 'quality.defectRatePct',
  'supplier-quality': 'quality.supplierNonconformingPct',
};

export function analyzeQuality(ctx: AnalyzerContext): AnalyzerResult {
  const { frame, config, baselines } = ctx;
  const result: AnalyzerResult = { analyzer: 'quality', insights: [], metrics: {}, charts: [], notes: [] };
  const { notes, metrics } = result;
  const columns = qualityColumns(frame);
  const specs = rateSpecs(ctx, columns);
  if (frame.n === 0) {
    notes.push('no work orders: nothing to analyse');
    return result;
  }
  if (!columns.scrap) notes.push('qtyScrap not mapped: no scrap rate, first-pass yield or p-chart');
  if (!columns.rework) notes.push('qtyRework not mapped: no rework rate; first-pass yield counts scrap only');
  if (!columns.defects) notes.push('defectCount not mapped: no defect rate');
  if (!frame.texts.supplier) notes.push('supplier not mapped: no supplier quality');
  const missing = QUALITY_FIELDS.filter((f) => !frame.texts[f]);
  if (missing.length) notes.push(`not mapped, so not compared: ${missing.join(', ')}`);
  if (specs.length === 0) return result;

  const alpha = 1 - numberOf(config, 'confidence_level');
  const minSample = numberOf(config, 'min_sample_size');
  const env: InsightEnv = {
    frame,
    config,
    stake: stakeOf(frame, config),
    alpha,
    minSample,
    cost: columns.cost,
    pieces: columns.pieces,
  };
  const perPiece = plantCostPerPiece(columns.cost, columns.pieces);

  const findings: RateFinding[] = [];
  for (const spec of specs) {
    const whole = overall(spec);
    if (!(whole.base > 0)) continue;
    metrics[METRIC_OF[spec.kind]] = whole.rate * 100;
    findings.push(...rateFindings(frame, spec, { alpha, minSample }));
    if (spec.kind === 'supplier-quality') continue;
    const plant = plantInsight(env, plantRate(spec, whole, baselines, perPiece), spec);
    if (plant) result.insights.push(plant);
  }
  result.insights.push(...entityInsights(env, findings));

  if (columns.scrap) {
    const fpy = firstPassYield(columns, ctx);
    metrics['quality.firstPassYieldPct'] = fpy.rate * 100;
    metrics['quality.scrapPieces'] = sumArray(columns.scrap);
    metrics['quality.piecesProduced'] = fpy.base;
    const insight = plantInsight(env, fpy, null);
    if (insight) result.insights.push(insight);
    result.insights.push(...spcInsights(ctx, env, columns, findings, result));
  }
  result.charts.push(...qualityCharts(frame, columns));
  result.insights.sort((a, b) => b.impact.score - a.impact.score || (a.key < b.key ? -1 : 1));
  return result;
}

/** One insight per entity: its first rate in KIND_ORDER, the others quoted in its detail. */
function entityInsights(env: InsightEnv, findings: RateFinding[]): Insight[] {
  const byEntity = new Map<string, RateFinding[]>();
  for (const f of findings) {
    const key = `${f.field}\u0000${f.value}`;
    byEntity.set(key, [...(byEntity.get(key) ?? []), f]);
  }
  return [...byEntity.values()].map((list) => {
    list.sort((a, b) => KIND_ORDER.indexOf(a.spec.kind) - KIND_ORDER.indexOf(b.spec.kind));
    const [first, ...also] = list as [RateFinding, ...RateFinding[]];
    return entityInsight(env, first, also);
  });
}

function plantRate(
  spec: RateSpec,
  whole: ReturnType<typeof overall>,
  baselines: AnalyzerContext['baselines'],
  perPiece: number,
): PlantRate {
  const baseline = baselines[METRIC_OF[spec.kind]];
  return {
    kind: spec.kind,
    metricKey: METRIC_OF[spec.kind],
    metric: spec.metric,
    rate: whole.rate,
    limit: spec.threshold,
    higherIsWorse: true,
    orders: whole.orders,
    base: whole.base,
    dispersion: whole.dispersion,
    proportion: spec.proportion,
    baseline: baseline ? baseline.value / 100 : null,
    perPiece: spec.kind === 'scrap-rate' ? perPiece : Number.NaN,
    // Defect counts usually include the scrapped and reworked pieces, so the plant's defect rate
    // above its threshold would repeat the scrap and rework figures; it is reported when it has
    // worsened against the facility's baseline. The threshold still judges every entity.
    onlyVsBaseline: spec.kind === 'defect-rate',
  };
}

/** (good − rework) ÷ (good + scrap): pieces right the first time, over pieces that went through. */
function firstPassYield(columns: ReturnType<typeof qualityColumns>, ctx: AnalyzerContext): PlantRate {
  const { pieces, scrap, rework } = columns;
  // Pieces not right first time, per order: what the dispersion of the yield is measured on.
  const lost = new Float64Array(pieces.length);
  for (let i = 0; i < pieces.length; i++)
    lost[i] = Math.min(
      pieces[i] as number,
      (scrap ? (scrap[i] as number) : 0) + (rework ? (rework[i] as number) : 0),
    );
  const whole = overall({
    kind: 'scrap-rate',
    metric: 'first-pass loss',
    count: lost,
    base: pieces,
    proportion: true,
    threshold: 0,
    fields: [],
  });
  const baseline = ctx.baselines['quality.firstPassYieldPct'];
  return {
    kind: 'first-pass-yield',
    metricKey: 'quality.firstPassYieldPct',
    metric: 'first-pass yield',
    rate: 1 - whole.rate,
    limit: numberOf(ctx.config, 'first_pass_yield_target_pct') / 100,
    higherIsWorse: false,
    orders: whole.orders,
    base: whole.base,
    dispersion: whole.dispersion,
    proportion: true,
    baseline: baseline ? baseline.value / 100 : null,
    perPiece: Number.NaN,
    onlyVsBaseline: false,
  };
}

function spcInsights(
  ctx: AnalyzerContext,
  env: InsightEnv,
  columns: ReturnType<typeof qualityColumns>,
  findings: RateFinding[],
  result: AnalyzerResult,
): Insight[] {
  const { frame, config } = ctx;
  const options = {
    sigma: numberOf(config, 'spc_sigma'),
    rules: spcRulesOf(config),
    minLotSize: numberOf(config, 'min_lot_size'),
  };
  const chart = scrapChart(frame, columns.pieces, columns.scrap as Float64Array, columns.time, options);
  if (!chart) {
    result.notes.push(`fewer than 5 lots of at least ${options.minLotSize} pieces: no p-chart`);
    return [];
  }
  if (!frame.texts.materialLot)
    result.notes.push('materialLot not mapped: the p-chart has one point per work order');
  result.metrics['quality.spcPointsCharted'] = chart.group.length;
  result.metrics['quality.spcBeyondLimit'] = chart.beyondLimit;
  result.metrics['quality.spcSignals'] = chart.signals.length;
  result.charts.push(pChart(frame, chart));
  // Orders of entities already reported for scrap: their lots' signals are those findings' story.
  const explained = new Uint8Array(frame.n);
  for (const f of findings) {
    if (f.spec.kind !== 'scrap-rate' && f.spec.kind !== 'supplier-quality') continue;
    const codes = (frame.texts[f.field] as { codes: Int32Array }).codes;
    for (let i = 0; i < frame.n; i++) if (codes[i] === f.code) explained[i] = 1;
  }
  const insight = spcInsight(env, chart, explained, options);
  return insight ? [insight] : [];
}

function plantCostPerPiece(cost: Float64Array | null, pieces: Float64Array): number {
  if (!cost) return Number.NaN;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < cost.length; i++) {
    const c = cost[i] as number;
    if (!Number.isNaN(c) && (pieces[i] as number) > 0) {
      sum += c;
      n += pieces[i] as number;
    }
  }
  return n > 0 && sum > 0 ? sum / n : Number.NaN;
}

function sumArray(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
