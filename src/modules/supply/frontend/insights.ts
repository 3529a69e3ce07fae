// A decision, its explanation and a simulation's results reshaped for the web app's cards and
// charts: headline figures, the cost split, the constraint checks in two counts, the few lines a
// planner reads first; per KPI, each policy's distribution and how it compares. Pure.

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const text = (x: unknown) => (typeof x === 'string' ? x : null);
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

const PASSING = new Set(['satisfied', 'binding', 'pass', 'info']);
const FAILING = new Set(['violated', 'fail']);

export interface DecisionFacts {
  id: string;
  type: string;
  status: string;
  summary: string | null;
  errorMessage: string | null;
  predictedCost: number | null;
  costBreakdown: Record<string, number>;
  confidence: number | null;
  confidenceNote: string | null;
  constraintChecks: Record<string, unknown>[];
  createdAt: Date;
  decidedAt: Date | null;
  executedAt: Date | null;
}

/** The parts of an explanation (replenishment or routing) the card view reads. */
export interface ExplanationFacts {
  bindingConstraints?: Record<string, unknown>[];
  items?: { sku?: string; quantity?: number; reason?: string }[];
  routing?: {
    marginalCosts?: {
      reference?: string | null;
      orderId?: string;
      vehicleCode?: string;
      marginalCost?: number;
    }[];
    unserved?: { orderId?: string; reason?: string; detail?: string }[];
  };
}

const HIGHLIGHTS = 5;

export const decisionPagePath = (id: string) => `/supply/decisions/${id}`;

function figures(d: DecisionFacts, actionCount: number) {
  const out: { label: string; value: number; unit: string; detail: string | null }[] = [];
  if (d.predictedCost !== null)
    out.push({ label: 'Predicted cost', value: d.predictedCost, unit: 'money', detail: null });
  out.push({
    label: d.type === 'routing' ? 'Routes' : 'Purchase lines',
    value: actionCount,
    unit: 'count',
    detail: null,
  });
  if (d.confidence !== null)
    out.push({ label: 'Confidence', value: d.confidence, unit: 'ratio', detail: d.confidenceNote });
  for (const c of d.constraintChecks) {
    if (c.kind !== 'soft' || !finite(c.value)) continue;
    out.push({ label: String(c.name ?? 'objective'), value: c.value, unit: 'value', detail: text(c.detail) });
  }
  return out;
}

function checks(d: DecisionFacts) {
  const hard = d.constraintChecks.filter((c) => c.kind !== 'soft');
  const failing = hard.filter((c) => FAILING.has(String(c.status)));
  return {
    total: hard.length,
    passed: hard.filter((c) => PASSING.has(String(c.status))).length,
    failed: failing.length,
    failing: failing
      .slice(0, HIGHLIGHTS)
      .map((c) => ({ name: String(c.name ?? 'constraint'), detail: text(c.detail) ?? '' })),
  };
}

function highlights(d: DecisionFacts, explanation: ExplanationFacts): string[] {
  if (d.type === 'routing') {
    const routing = explanation.routing ?? {};
    return [
      ...(routing.unserved ?? []).map(
        (u) => `Unserved ${u.orderId?.slice(0, 8) ?? ''}: ${u.detail ?? u.reason ?? ''}`,
      ),
      ...(routing.marginalCosts ?? []).map(
        (m) =>
          `${m.reference ?? m.orderId?.slice(0, 8) ?? 'An order'} on ${m.vehicleCode ?? 'its vehicle'} costs ${round(m.marginalCost ?? 0, 2)} (saved if it were left out)`,
      ),
    ].slice(0, HIGHLIGHTS);
  }
  return (explanation.items ?? [])
    .filter((i) => (i.quantity ?? 0) > 0)
    .slice(0, HIGHLIGHTS)
    .map((i) => `${i.sku ?? 'A SKU'}: ${round(i.quantity ?? 0, 2)} — ${i.reason ?? ''}`);
}

/** The card view of a decision: headline, figures, cost split, checks, binding constraints, highlights. */
export function decisionInsights(d: DecisionFacts, actionCount: number, explanation: ExplanationFacts) {
  const costTotal = Object.values(d.costBreakdown).reduce((sum, v) => sum + (finite(v) ? v : 0), 0);
  return {
    decision: {
      id: d.id,
      type: d.type,
      status: d.status,
      summary: d.summary,
      createdAt: d.createdAt.toISOString(),
      decidedAt: d.decidedAt?.toISOString() ?? null,
      executedAt: d.executedAt?.toISOString() ?? null,
    },
    headline:
      d.summary ??
      d.errorMessage ??
      (d.status === 'pending'
        ? 'Being computed: the insights appear when the decision is proposed'
        : d.status),
    ready: d.status !== 'pending',
    figures: figures(d, actionCount),
    costBreakdown: Object.entries(d.costBreakdown)
      .filter(([, v]) => finite(v))
      .map(([component, amount]) => ({
        component,
        amount,
        share: costTotal > 0 ? round(amount / costTotal) : 0,
      })),
    checks: checks(d),
    bindingConstraints: (explanation.bindingConstraints ?? []).slice(0, HIGHLIGHTS).map((b) => ({
      name: String(b.name ?? b.constraint ?? b.kind ?? 'constraint'),
      detail: text(b.detail) ?? text(b.sentence) ?? text(b.reason) ?? '',
    })),
    highlights: highlights(d, explanation),
    links: {
      page: decisionPagePath(d.id),
      decision: `/api/v1/supply/decisions/${d.id}`,
      explanation: `/api/v1/supply/decisions/${d.id}/explanation`,
    },
  };
}

interface Distribution {
  policy: string;
  mean: number;
  p5: number;
  p50: number;
  p95: number;
  histogram: number[];
}

export interface SimulationFacts {
  id: string;
  name: string;
  status: string;
  summary: string | null;
  errorMessage: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  config: Record<string, unknown>;
  results: Record<string, unknown>;
}

interface KpiResult {
  kpi: string;
  unit: string;
  higherIsBetter: boolean;
  histogram: { from: number; width: number; bins: number };
  policies: Distribution[];
  differences: {
    policy: string;
    baseline: string;
    mean: number;
    p5: number;
    p95: number;
    betterShare: number;
    worseShare: number;
  }[];
}

const SIM_LABELS: Record<string, string> = {
  fill_rate: 'Fill rate',
  otif: 'On time in full',
  stockouts: 'Stock-outs',
  cost_per_order: 'Cost per order',
  inventory_turns: 'Inventory turns',
  co2_kg: 'CO₂',
  vehicle_utilisation: 'Vehicle utilisation',
  total_cost: 'Total cost',
  holding_cost: 'Holding cost',
  ordering_cost: 'Ordering cost',
  transport_cost: 'Transport cost',
  shortage_cost: 'Shortage cost',
};

/** Whether a difference's 5–95 % band lies on one side of zero, and which side is better. */
function verdict(d: KpiResult['differences'][number], higherIsBetter: boolean) {
  if (d.p5 > 0 || d.p95 < 0) return d.p5 > 0 === higherIsBetter ? 'better' : 'worse';
  return 'unclear';
}

/** A simulation's KPI distributions shaped for charts (error bars, histograms, comparisons). */
export function simulationCharts(s: SimulationFacts) {
  const results = s.status === 'completed' ? s.results : {};
  const kpis = (Array.isArray(results.kpis) ? results.kpis : []) as KpiResult[];
  const policies = (Array.isArray(results.policies) ? results.policies : []) as {
    key: string;
    label: string;
  }[];
  const config = s.config as { replications?: number; horizonDays?: number; seed?: number };
  return {
    simulation: {
      id: s.id,
      name: s.name,
      status: s.status,
      summary: s.summary,
      errorMessage: s.errorMessage,
      createdAt: s.createdAt.toISOString(),
      finishedAt: s.finishedAt?.toISOString() ?? null,
      replications: finite(config.replications) ? config.replications : null,
      horizonDays: finite(config.horizonDays) ? config.horizonDays : null,
      seed: finite(config.seed) ? config.seed : null,
    },
    ready: s.status === 'completed',
    policies: policies.map((p) => ({ key: p.key, label: p.label })),
    charts: kpis.map((k) => ({
      kpi: k.kpi,
      label: SIM_LABELS[k.kpi] ?? k.kpi,
      unit: k.unit,
      higherIsBetter: k.higherIsBetter,
      bars: k.policies.map((p) => ({ policy: p.policy, mean: p.mean, p5: p.p5, p50: p.p50, p95: p.p95 })),
      histogram: {
        edges: Array.from(
          { length: k.histogram.bins + 1 },
          (_, i) => k.histogram.from + i * k.histogram.width,
        ),
        series: k.policies.map((p) => ({ policy: p.policy, counts: p.histogram })),
      },
      comparisons: k.differences.map((d) => ({
        policy: d.policy,
        baseline: d.baseline,
        meanDifference: d.mean,
        p5: d.p5,
        p95: d.p95,
        betterShare: d.betterShare,
        worseShare: d.worseShare,
        verdict: verdict(d, k.higherIsBetter),
      })),
    })),
  };
}
