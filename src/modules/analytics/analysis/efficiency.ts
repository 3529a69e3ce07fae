// The efficiency analyzer (issue 14): schedule adherence and lateness, cycle-time variance against
// plan, labour productivity, setup share, load and bottlenecks, weekly throughput drops, OEE where the
// fields allow, and rising cycle times per work center (Mann–Kendall + Sen). Pure: frame in, result out.
//
// One cause, one finding: a work center whose run hours drift upward is reported as a trend, not also
// as a cycle-time variance, a labour overrun, late orders and a low OEE there — those are what the
// drift does, and they are quoted in the trend's detail.
import { type InsightSpec, makeInsight, oneSampleT, pText, significanceRules } from './cost-contrasts.ts';
import { oee, utilisation } from './efficiency-capacity.ts';
import { cycleTimeVariance, laborProductivity, setupShare } from './efficiency-hours.ts';
import { scheduleAdherence } from './efficiency-schedule.ts';
import { throughputDrops } from './efficiency-throughput.ts';
import { cycleTimeTrends } from './efficiency-trend.ts';
import { fmt, stakeOf } from './frame.ts';
import type { AnalyzerContext, AnalyzerResult } from './types.ts';

export function analyzeEfficiency(ctx: AnalyzerContext): AnalyzerResult {
  const { frame, config } = ctx;
  const result: AnalyzerResult = { analyzer: 'efficiency', insights: [], metrics: {}, charts: [], notes: [] };
  if (frame.n === 0) {
    result.notes.push('no work orders: nothing to analyse');
    return result;
  }
  const schedule = scheduleAdherence(ctx);
  const cycle = cycleTimeVariance(ctx);
  const labour = laborProductivity(ctx);
  const setup = setupShare(ctx);
  const load = utilisation(ctx);
  const throughput = throughputDrops(ctx);
  const effectiveness = oee(ctx);
  const trends = cycleTimeTrends(ctx);
  for (const s of [schedule, cycle, labour, setup, load, throughput, effectiveness, trends])
    result.notes.push(...s.notes);
  for (const s of [schedule, cycle, labour, setup, load, throughput, effectiveness])
    Object.assign(result.metrics, s.metrics);
  for (const s of [load, throughput, effectiveness]) result.charts.push(...s.charts);

  // One cause, one finding: a work center whose hours drift or overrun is reported once — the trend,
  // else the machine-hours variance, else the labour-hours variance — and what follows from it there
  // (labour over plan, late orders, a low OEE) joins that finding's detail instead of standing beside it.
  const onWorkCenter = (s: InsightSpec) => s.entity?.type === 'workCenter';
  const causes: InsightSpec[] = [];
  for (const s of [...trends.insights, ...cycle.insights, ...labour.insights].filter(onWorkCenter))
    if (!causes.some((c) => c.entity?.id === s.entity?.id)) causes.push(s);
  const slow = new Set(causes.map((s) => s.entity?.id));
  const follows = (s: InsightSpec) => onWorkCenter(s) && slow.has(s.entity?.id) && !causes.includes(s);
  const consequences = [
    ...cycle.insights,
    ...labour.insights,
    ...schedule.insights,
    ...effectiveness.insights,
  ].filter(follows);
  const folded = causes.map((cause) => {
    const own = consequences.filter((s) => s.entity?.id === cause.entity?.id);
    if (own.length === 0) return cause;
    const also = own.map((s) => s.title.slice(s.title.indexOf(': ') + 2)).join('; ');
    return { ...cause, detail: `${cause.detail} At the same work center: ${also}.` };
  });
  if (consequences.length)
    result.notes.push(
      `${consequences.length} findings on work centers whose hours drift or overrun are folded into that finding`,
    );

  const specs: InsightSpec[] = [
    ...folded,
    ...cycle.insights.filter((s) => !onWorkCenter(s)),
    ...labour.insights.filter((s) => !onWorkCenter(s)),
    ...schedule.insights
      .filter((s) => !follows(s))
      .map((s) =>
        s.entity
          ? s
          : againstBaseline(ctx, s, 'efficiency.scheduleAdherencePct', schedule.onTime, 'schedule adherence'),
      ),
    ...setup.insights,
    ...load.insights,
    ...throughput.insights,
    ...effectiveness.insights
      .filter((s) => !follows(s))
      .map((s) =>
        s.entity ? s : againstBaseline(ctx, s, 'efficiency.oeePct', effectiveness.perOrder, 'OEE'),
      ),
  ];
  const stake = stakeOf(frame, config);
  result.insights = specs
    .map((s) => makeInsight('efficiency', ctx, stake, s))
    .sort((a, b) => b.impact.score - a.impact.score);
  return result;
}

/**
 * A facility-level finding (the metric is beyond its threshold) read against the facility's baseline:
 * when the baseline was still on the good side and the per-order values are significantly below it,
 * the finding is a deterioration since the earlier analyses (entity: the metric); otherwise it keeps
 * its facility entity and quotes the baseline as evidence.
 */
function againstBaseline(
  ctx: AnalyzerContext,
  spec: InsightSpec,
  metric: string,
  perOrder: Float64Array | undefined,
  label: string,
): InsightSpec {
  const baseline = ctx.baselines[metric];
  if (!baseline || !perOrder) return spec;
  const expected = spec.evidence.expected ?? 0;
  const before = baseline.value / 100;
  if (before < expected) return { ...spec, evidence: { ...spec.evidence, baseline: before } };
  const { alpha, minSample } = significanceRules(ctx.config);
  const test = oneSampleT(perOrder, before);
  if (!(test.statistic < 0 && test.pValue < alpha && test.n >= minSample))
    return { ...spec, evidence: { ...spec.evidence, baseline: before } };
  return {
    ...spec,
    entity: { type: 'metric', id: metric },
    title: `${spec.title} — down from ${fmt(baseline.value)} % in earlier analyses`,
    detail: `${spec.detail} The facility's baseline over ${baseline.analyses} earlier analyses was ${fmt(baseline.value)} %, above the threshold; per-order ${label} against that baseline: t = ${fmt(test.statistic, 2)}, p ${pText(test.pValue)}.`,
    evidence: {
      ...spec.evidence,
      baseline: before,
      statistic: { name: 't', value: test.statistic },
      pValue: test.pValue,
      sampleSize: test.n,
    },
    significant: true,
  };
}
