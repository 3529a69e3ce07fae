// Cost variance against plan: for each component (material, labour, overhead, total) the facility's
// figure, the facility's figure against its baseline from earlier analyses, and every part, work
// center and supplier against plan. An entity is reported when it runs over plan by more than the
// component's threshold AND significantly more than its peers: parts are judged against the other
// parts of their work center (a work center's overrun then stays with the work center), suppliers
// against the other suppliers of the same parts (a part's overrun stays with the part).

import { numberOf } from './config.ts';
import type { CostComponent } from './cost-columns.ts';
import {
  contrastByEntity,
  ENTITY_LABEL,
  type EntityContrast,
  type InsightSpec,
  oneSampleT,
  overPlan,
  pText,
  significanceRules,
} from './cost-contrasts.ts';
import { fmt, pct } from './frame.ts';
import type { AnalyzerContext, EntityType } from './types.ts';

export const COST_DIMENSIONS: readonly { field: string; type: EntityType; peers?: string }[] = [
  { field: 'partNumber', type: 'part', peers: 'workCenter' },
  { field: 'workCenter', type: 'workCenter' },
  { field: 'supplier', type: 'supplier', peers: 'partNumber' },
];

const RECOMMEND: Record<CostComponent['name'], (who: string) => string> = {
  material: (who) =>
    `Compare material issued to ${who} with the bill of materials (quantities, yield loss, purchase prices); fix the consumption or update the standard cost.`,
  labor: (who) =>
    `Review routing times and labour bookings for ${who}: re-time the operations if the standard is wrong, or remove the causes of extra hours (waiting, rework, inexperienced crews).`,
  overhead: (who) =>
    `Overhead follows booked and stopped hours: find where ${who} loses machine hours (downtime, slow runs) or correct the overhead rate in the standard.`,
  total: (who) =>
    `Break the overrun of ${who} down by component and operation, and fix the largest contributor first.`,
};

const money = (x: number) => fmt(x, 0);

/** A cost finding with the one-line summary it contributes when merged with its entity's others. */
export interface CostFinding extends InsightSpec {
  /** "labour cost" */
  component: string;
  /** "labour cost 27.6 % over plan (+179,868)" */
  summary: string;
}

/**
 * One finding per entity: when several components of one part (or of the facility) run over plan —
 * labour and overhead together, as they do where hours overrun — they are one problem. The largest
 * leads (kind, title, evidence); the others join the detail, and the impact is their sum.
 */
export function mergeByEntity(findings: readonly CostFinding[]): InsightSpec[] {
  const groups = new Map<string, CostFinding[]>();
  for (const f of findings) {
    const key = f.entity ? `${f.entity.type}:${f.entity.id}` : 'facility';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort((a, b) => (b.impact.currency ?? 0) - (a.impact.currency ?? 0));
    const lead = sorted[0] as CostFinding;
    if (sorted.length === 1) return lead;
    const others = sorted.slice(1);
    const total = sorted.reduce((sum, f) => sum + (f.impact.currency ?? 0), 0);
    return {
      ...lead,
      title: `${lead.title} (also ${others.map((f) => f.component).join(', ')})`,
      detail: `${lead.detail} Also over plan: ${others.map((f) => f.summary).join('; ')}.`,
      impact: {
        currency: total,
        hours: null,
        units: null,
        formula: `${sorted.map((f) => `${f.component} ${money(f.impact.currency ?? 0)}`).join(' + ')} over plan = ${money(total)}`,
      },
    };
  });
}

/** Σ actual and Σ planned over rows where both are present; the per-order difference for tests. */
function totals(c: CostComponent, reference = 1): { actual: number; planned: number; diff: Float64Array } {
  let actual = 0;
  let planned = 0;
  const diff = new Float64Array(c.actual.length);
  for (let i = 0; i < diff.length; i++) {
    const a = c.actual[i] as number;
    const p = c.planned[i] as number;
    if (Number.isNaN(a) || Number.isNaN(p)) {
      diff[i] = Number.NaN;
      continue;
    }
    actual += a;
    planned += p;
    diff[i] = a - p * reference;
  }
  return { actual, planned, diff };
}

/** The facility's variance of one component against plan, and against its baseline when there is one. */
export function facilityVariance(
  ctx: AnalyzerContext,
  c: CostComponent,
): { metric: number; insight: CostFinding | null } {
  const { alpha, minSample } = significanceRules(ctx.config);
  const threshold = numberOf(ctx.config, c.thresholdKey);
  const t = totals(c);
  if (!(t.planned > 0)) return { metric: Number.NaN, insight: null };
  const variancePct = (t.actual / t.planned - 1) * 100;
  const baseline = ctx.baselines[c.metric];
  const all = { kind: 'all' as const };
  if (baseline && variancePct - baseline.value > threshold) {
    const reference = 1 + baseline.value / 100;
    const test = oneSampleT(totals(c, reference).diff, 0);
    const excess = t.actual - t.planned * reference;
    return {
      metric: variancePct,
      insight: {
        component: c.label,
        summary: `${c.label} ${fmt(variancePct)} % over plan vs ${fmt(baseline.value)} % before (+${money(excess)})`,
        kind: c.kind,
        entity: { type: 'metric', id: c.metric },
        title: `Facility ${c.label} ${fmt(variancePct)} % over plan, up from ${fmt(baseline.value)} % in earlier analyses`,
        detail: `Actual ${c.label} ${money(t.actual)} vs ${money(t.planned)} planned (${c.source}) over ${test.n} work orders: ${fmt(variancePct)} % over plan, against a baseline of ${fmt(baseline.value)} % over ${baseline.analyses} earlier analyses — ${fmt(variancePct - baseline.value)} points worse, beyond the ${fmt(threshold)} % threshold.`,
        impact: {
          currency: excess,
          hours: null,
          units: null,
          formula: `${money(t.actual)} actual − ${money(t.planned)} planned × (1 + ${fmt(baseline.value)} % baseline variance) = ${money(excess)}`,
        },
        evidence: {
          metric: `${c.label} variance vs plan (%)`,
          value: variancePct,
          baseline: baseline.value,
          expected: 0,
          statistic: { name: 't', value: test.statistic },
          pValue: test.pValue,
          sampleSize: test.n,
        },
        significant: test.pValue < alpha && test.n >= minSample,
        recommendation: RECOMMEND[c.name]('the facility'),
        rows: all,
        rowCount: ctx.frame.n,
      },
    };
  }
  if (variancePct <= threshold) return { metric: variancePct, insight: null };
  const test = oneSampleT(t.diff, 0);
  const over = t.actual - t.planned;
  return {
    metric: variancePct,
    insight: {
      component: c.label,
      summary: `${c.label} ${fmt(variancePct)} % over plan (+${money(over)})`,
      kind: c.kind,
      entity: null,
      title: `Facility ${c.label} ${fmt(variancePct)} % over plan (+${money(over)})`,
      detail: `Actual ${c.label} ${money(t.actual)} vs ${money(t.planned)} planned (${c.source}) over ${test.n} work orders: ${fmt(variancePct)} % over plan, beyond the ${fmt(threshold)} % threshold.`,
      impact: {
        currency: over,
        hours: null,
        units: null,
        formula: `${money(t.actual)} actual − ${money(t.planned)} planned = ${money(over)}`,
      },
      evidence: {
        metric: `${c.label} variance vs plan (%)`,
        value: variancePct,
        baseline: baseline?.value ?? null,
        expected: 0,
        statistic: { name: 't', value: test.statistic },
        pValue: test.pValue,
        sampleSize: test.n,
      },
      significant: test.pValue < alpha && test.n >= minSample,
      recommendation: RECOMMEND[c.name]('the facility'),
      rows: all,
      rowCount: ctx.frame.n,
    },
  };
}

/** The contrasts of one component over one dimension (exported for the drivers' Pareto). */
export function componentContrasts(
  ctx: AnalyzerContext,
  c: CostComponent,
  dim: (typeof COST_DIMENSIONS)[number],
): EntityContrast[] {
  return contrastByEntity(ctx.frame, ctx.config, dim.field, c.actual, c.planned, {
    ...(dim.peers ? { peers: dim.peers } : {}),
  });
}

/** Entities of one dimension over plan on one component, beyond its threshold and worse than peers. */
export function entityVariances(
  ctx: AnalyzerContext,
  c: CostComponent,
  dim: (typeof COST_DIMENSIONS)[number],
): CostFinding[] {
  const threshold = numberOf(ctx.config, c.thresholdKey);
  const label = ENTITY_LABEL[dim.type] ?? dim.type;
  const plural = dim.type === 'workCenter' ? 'work centers' : `${dim.type}s`;
  const peerText = dim.peers
    ? ` (the other ${plural} of the same ${dim.peers === 'workCenter' ? 'work center' : 'part'})`
    : '';
  const out: CostFinding[] = [];
  for (const e of componentContrasts(ctx, c, dim)) {
    const variancePct = (e.ratio - 1) * 100;
    // Material as well as significant: over plan beyond the threshold, and beyond it against what
    // comparable orders (its peers) run — with a million orders, a point's difference is significant.
    const aboveComparable = e.mean / e.expected - 1;
    if (!(e.significant && e.statistic > 0 && variancePct > threshold && aboveComparable * 100 > threshold))
      continue;
    const over = e.num - e.den;
    out.push({
      component: c.label,
      summary: `${c.label} ${fmt(variancePct)} % over plan (+${money(over)})`,
      kind: c.kind,
      entity: { type: dim.type, id: e.value },
      title: `${label} ${e.value}: ${c.label} ${fmt(variancePct)} % over plan vs ${overPlan(e.restRatio)} for the rest`,
      detail: `Actual ${c.label} ${money(e.num)} vs ${money(e.den)} planned over ${e.n} work orders (${c.source}): ${overPlan(e.ratio)} over plan, beyond the ${fmt(threshold)} % threshold; the other ${plural} run ${overPlan(e.restRatio)} over plan, and its orders run ${pct(aboveComparable)} above comparable orders${peerText}. Welch t = ${fmt(e.statistic, 2)} on the per-order actual ÷ plan, BH-adjusted p ${pText(e.pValue)}.`,
      impact: {
        currency: over,
        hours: null,
        units: null,
        formula: `${money(e.num)} actual − ${money(e.den)} planned = ${money(over)}`,
      },
      evidence: {
        metric: `${c.label} actual ÷ plan`,
        value: e.ratio,
        baseline: e.restRatio,
        expected: 1,
        statistic: { name: 't', value: e.statistic },
        pValue: e.pValue,
        sampleSize: e.n,
      },
      significant: true,
      recommendation: RECOMMEND[c.name](`${label.toLowerCase()} ${e.value}`),
      rows: { kind: 'entity', field: dim.field, value: e.value },
      rowCount: e.rows,
    });
  }
  return out;
}
