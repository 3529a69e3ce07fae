// The p-chart's out-of-control lots as one insight. Lots whose every work order belongs to an entity
// already reported (a supplier scrapping far more, say) are left to that finding: the chart then only
// speaks of signals nothing else explains. Significance: more lots beyond the limit than chance
// allows (a one-sided binomial tail); run-rule signals alone are worth a look but not significant.
import type { SpcRuleSet } from './config.ts';
import { fmt, idsSelector, impactOf, pct, severityOf } from './frame.ts';
import type { InsightEnv } from './quality-insights.ts';
import { binomialUpperTail, pointLabel, type SpcChart } from './quality-spc.ts';
import { normalCdf } from './stats.ts';
import { type Insight, MAX_ROW_IDS } from './types.ts';

const RULE_NAMES: Record<SpcRuleSet, string> = {
  we1: 'beyond the limits only',
  'western-electric': 'Western Electric 2–4',
  nelson: 'Nelson 2–8',
};

export function spcInsight(
  env: InsightEnv,
  chart: SpcChart,
  explained: Uint8Array | null,
  options: { sigma: number; rules: SpcRuleSet; minLotSize: number },
): Insight | null {
  const { frame } = env;
  const m = chart.group.length;
  const rowsOf = new Int32Array(m);
  const explainedOf = new Int32Array(m);
  for (let i = 0; i < frame.n; i++) {
    const p = chart.pointOfRow[i] as number;
    if (p < 0) continue;
    rowsOf[p] = (rowsOf[p] as number) + 1;
    if (explained?.[i]) explainedOf[p] = (explainedOf[p] as number) + 1;
  }
  const open = (p: number) => (explainedOf[p] as number) < (rowsOf[p] as number);
  const signals = chart.signals.filter((s) => open(s.point));
  const setAside = chart.signals.length - signals.length;
  if (signals.length === 0) return null;

  let openPoints = 0;
  for (let p = 0; p < m; p++) if (open(p)) openPoints++;
  const beyond = signals.filter((s) => s.rules.includes('limit')).length;
  const tail = 1 - normalCdf(options.sigma);
  const pValue = binomialUpperTail(beyond, openPoints, tail);
  const significant = beyond > 0 && pValue < env.alpha && openPoints >= env.minSample;

  const flagged = new Uint8Array(m);
  let excess = 0;
  for (const s of signals) {
    flagged[s.point] = 1;
    excess += Math.max(
      0,
      (chart.scrap[s.point] as number) - chart.center * (chart.pieces[s.point] as number),
    );
  }
  const rows: number[] = [];
  let cost = 0;
  let costPieces = 0;
  for (let i = 0; i < frame.n; i++) {
    const p = chart.pointOfRow[i] as number;
    if (p < 0 || !flagged[p]) continue;
    rows.push(i);
    const c = env.cost ? (env.cost[i] as number) : Number.NaN;
    if (!Number.isNaN(c) && (env.pieces[i] as number) > 0) {
      cost += c;
      costPieces += env.pieces[i] as number;
    }
  }
  rows.sort(
    (a, b) =>
      (chart.z[chart.pointOfRow[b] as number] as number) -
        (chart.z[chart.pointOfRow[a] as number] as number) || a - b,
  );
  const perPiece = costPieces > 0 && cost > 0 ? cost / costPieces : Number.NaN;
  const unit = chart.by === 'materialLot' ? 'lot' : 'work order';
  const units = chart.by === 'materialLot' ? 'lots' : 'work orders';
  const head = `Σ over the ${signals.length} flagged ${units} of (scrap − ${pct(chart.center, 2)} × pieces) = ${fmt(excess, 0)} extra scrapped pieces`;
  const impact = impactOf(
    Number.isFinite(perPiece)
      ? {
          currency: excess * perPiece,
          hours: null,
          units: excess,
          formula: `${head} × ${fmt(perPiece, 2)} actual cost per piece = ${fmt(excess * perPiece, 0)}`,
        }
      : { currency: null, hours: null, units: excess, formula: `${head} (ranked at the average unit cost)` },
    frame,
    env.config,
  );
  const worst = [...signals].sort((a, b) => (chart.z[b.point] as number) - (chart.z[a.point] as number));
  const named = worst
    .slice(0, 5)
    .map(
      (s) =>
        `${pointLabel(frame, chart, s.point)} (${pct((chart.scrap[s.point] as number) / (chart.pieces[s.point] as number))}, z = ${fmt(chart.z[s.point] as number, 1)}, ${s.rules.join('+')})`,
    );
  const single =
    signals.length === 1 ? pointLabel(frame, chart, (signals[0] as { point: number }).point) : null;
  const entity = single
    ? { type: chart.by === 'materialLot' ? ('materialLot' as const) : ('workOrder' as const), id: single }
    : { type: 'metric' as const, id: `scrap rate per ${unit}` };
  const runs = signals.length - beyond;
  return {
    key: `quality:spc-signal:${entity.type}:${entity.id}`,
    analyzer: 'quality',
    kind: 'quality.spc-signal',
    severity: severityOf(impact.score, env.stake, significant),
    title: single
      ? `Scrap p-chart: ${unit} ${single} out of control (${pct((chart.scrap[(signals[0] as { point: number }).point] as number) / (chart.pieces[(signals[0] as { point: number }).point] as number))} scrap vs ${pct(chart.center)} center line)`
      : `Scrap p-chart: ${signals.length} ${units} out of control (${beyond} beyond the ${fmt(options.sigma, 1)}σ limit${runs ? `, ${runs} by run rules` : ''})`,
    detail: [
      `Laney p′ chart of scrap rate per ${unit} in time order: center line ${pct(chart.center, 2)}, ${fmt(m, 0)} ${units} charted${chart.leftOut ? ` (${fmt(chart.leftOut, 0)} smaller than ${fmt(options.minLotSize, 0)} pieces left out)` : ''}, limits at +${fmt(options.sigma, 1)}σ with σ widened ×${fmt(chart.spread, 2)} for the usual variation between ${units}; run rules: ${RULE_NAMES[options.rules]}.`,
      `${beyond} ${units} beyond the upper limit where ${fmt(openPoints * tail, 1)} would be by chance (p ${pValue < 0.001 ? '< 0.001' : `= ${fmt(pValue, 3)}`})${runs ? `; ${runs} more by run rules` : ''}.`,
      `Worst: ${named.join('; ')}.`,
      setAside
        ? `${setAside} further signalling ${units} belong to entities reported above and are left to those findings.`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
    entity,
    impact,
    evidence: {
      metric: `${units} beyond the upper control limit`,
      value: beyond,
      baseline: openPoints * tail,
      expected: openPoints * tail,
      statistic: {
        name: 'z',
        value: (beyond - openPoints * tail) / Math.sqrt(Math.max(openPoints * tail, 1e-9)),
      },
      pValue,
      sampleSize: openPoints,
    },
    recommendation: `Trace the flagged ${units}: material certificates, machine, operator and shift; hold remaining stock of the same material lots until cleared, and record the cause on the chart.`,
    rows: idsSelector(frame, rows),
    rowCount: Math.min(rows.length, MAX_ROW_IDS),
  };
}
