// The facility compared with itself: every analyzer metric that has a baseline (the mean of the
// metric over the facility's earlier analyses) is judged when its name says which way is worse —
// unless its own analyzer already reported it against the baseline (an insight whose entity is the
// metric): the analyzers judge their headline figures with their own thresholds and per-order
// tests, and this is the catch-all for the rest (setup share, OEE factors, lateness, scrap cost…).
//
// Which metrics are judged (METRIC_DIRECTIONS, first match wins): rates, shares and means only —
// names with a word such as Pct, Rate, Share, Per, Mean, Mtbf, Mttr, Oee or Yield. Totals (minutes
// of downtime, currency of variance) grow with the size and period of the file, so comparing them
// across uploads would say more about the upload than about the plant; they, and metrics whose
// direction the table does not know (utilisation: too high and too low are both bad), are not judged.
//
// The rule. A baseline carries no variance, only its mean and how many analyses it averages, so the
// test assumes the spread between work orders that plant figures typically have, as a coefficient
// of variation (CV) on a reference scale (SCALES below):
//   level — rates, shares, means (scrap rate, downtime per order, OEE): reference |baseline|, CV 1
//     (per-order scrap, downtime and hours are skewed; 1 is on the cautious side of typical);
//   toPlan — variance-to-plan percentages: reference 100 + baseline (actual ÷ plan, so a variance
//     moving from 1 % to 2 % is a 1 % change in cost, not a doubling), CV 0.25 (orders scatter
//     about ±25 % around their plan).
// The standard error of the metric over this analysis' n work orders is then CV·reference/√n, and
// that of the baseline, averaged over k earlier analyses of similar size, CV·reference/√(n·k):
//   z = worsening ÷ (CV · reference · √(1/n + 1/(n·k))), one-sided (the direction is fixed first).
// P-values are Benjamini–Hochberg-adjusted over the metrics judged; a change is reported when
// significant (adjusted p < 1 − confidence_level and n ≥ min_sample_size) and material — at least
// the scale's floor (10 % of a level, 1 % of plan): on a big file every wiggle is "significant".
import { numberOf } from './config.ts';
import { type CrossPart, digitsFor, pText } from './cross-measures.ts';
import { fmt, impactOf, severityOf, stakeOf, sumOf } from './frame.ts';
import { benjaminiHochberg, normalCdf } from './stats.ts';
import type { AnalyzerContext, AnalyzerResult, Impact, WorkOrderFrame } from './types.ts';

export const SCALES = {
  level: { cv: 1, floor: 0.1 },
  toPlan: { cv: 0.25, floor: 0.01 },
} as const;

/** Words that make a metric a rate, share or mean: comparable between files of different size. */
const INTENSIVE = new Set([
  'pct',
  'rate',
  'ratio',
  'share',
  'per',
  'mean',
  'avg',
  'average',
  'median',
  'mtbf',
  'mttr',
  'oee',
  'yield',
]);

/** Which way is worse, by the metric's name without its analyzer prefix (first match wins). */
export const METRIC_DIRECTIONS: readonly { pattern: RegExp; worse: 1 | -1 | 0 }[] = [
  { pattern: /utili[sz]ation/i, worse: 0 },
  {
    pattern: /yield|oee|availability|performance|^qualityPct$|adherence|onTime|mtbf|productivity|throughput/i,
    worse: -1,
  },
  {
    pattern:
      /scrap|rework|defect|nonconforming|downtime|failure|variance|late|delay|overrun|mttr|setup|outlier/i,
    worse: 1,
  },
];

/** +1 higher is worse, −1 lower is worse, 0 not judged (unknown, two-sided, or a total). */
export function directionOf(metric: string): 1 | -1 | 0 {
  const name = metric.slice(metric.indexOf('.') + 1);
  const words = name.split(/(?=[A-Z])/).map((w) => w.toLowerCase());
  if (!words.some((w) => INTENSIVE.has(w))) return 0;
  return METRIC_DIRECTIONS.find((d) => d.pattern.test(name))?.worse ?? 0;
}

const isVarianceToPlan = (metric: string) => /variance/i.test(metric) && /Pct$/.test(metric);

/** "quality.scrapRatePct" → { label: "Scrap rate", phrase: "scrap rate", unit: "%" }. */
export function metricLabel(metric: string): { label: string; phrase: string; unit: string } {
  let name = metric.slice(metric.indexOf('.') + 1);
  let unit = '';
  if (/Pct$/.test(name)) {
    unit = '%';
    name = name.slice(0, -3);
  }
  const words = name
    .replace(/PerOrder/g, 'PerWorkOrder')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\b(oee|mtbf|mttr)\b/g, (w) => w.toUpperCase());
  return { label: words.charAt(0).toUpperCase() + words.slice(1), phrase: words, unit };
}

/**
 * What a worsening is worth where the metric names what it measures: extra scrapped or reworked
 * pieces at this file's output, extra downtime at this file's orders, extra cost at this file's plan.
 */
function valueChange(metric: string, delta: number, frame: WorkOrderFrame): Omit<Impact, 'score'> | null {
  const name = metric.slice(metric.indexOf('.') + 1);
  const pieces = sumOf(frame, 'qtyCompleted') + sumOf(frame, 'qtyScrap');
  const none = { currency: null, hours: null, units: null };
  const actualCost =
    sumOf(frame, 'actualCostTotal') ||
    sumOf(frame, 'materialCostActual') + sumOf(frame, 'laborCostActual') + sumOf(frame, 'overheadCostActual');
  if (name === 'scrapCostPct' && actualCost > 0) {
    const currency = (delta / 100) * actualCost;
    return {
      ...none,
      currency,
      formula: `${fmt(delta, 2)} pp × ${fmt(actualCost, 0)} actual cost = ${fmt(currency, 0)}`,
    };
  }
  if (/^(scrap|rework)Rate.*Pct$/.test(name) && pieces > 0) {
    const units = (delta / 100) * pieces;
    return {
      ...none,
      units,
      formula: `${fmt(delta, 2)} pp × ${fmt(pieces, 0)} pieces made = ${fmt(units, 0)} pieces`,
    };
  }
  if (/^downtime\w*PerOrder$/.test(name)) {
    const perHour = /Minutes/.test(name) ? 60 : /Hours/.test(name) ? 1 : 0;
    if (!perHour) return null;
    const hours = (delta * frame.n) / perHour;
    return {
      ...none,
      hours,
      formula: `${fmt(delta, 2)} per work order × ${fmt(frame.n, 0)} work orders${perHour === 60 ? ' ÷ 60' : ''} = ${fmt(hours, 1)} h`,
    };
  }
  const planned: Record<string, [string, string]> = {
    material: ['materialCostPlanned', 'planned material cost'],
    labor: ['laborCostPlanned', 'planned labour cost'],
    overhead: ['overheadCostPlanned', 'planned overhead'],
    cost: ['standardCostTotal', 'standard cost'],
    total: ['standardCostTotal', 'standard cost'],
  };
  const kind = /^(material|labor|overhead|cost|total)\w*VariancePct$/.exec(name)?.[1];
  const [field, words] = (kind && planned[kind]) || ['', ''];
  const plan = field ? sumOf(frame, field) : 0;
  if (plan > 0) {
    const currency = (delta / 100) * plan;
    return {
      ...none,
      currency,
      formula: `${fmt(delta, 2)} pp × ${fmt(plan, 0)} ${words} = ${fmt(currency, 0)}`,
    };
  }
  return null;
}

interface Judged {
  metric: string;
  value: number;
  baseline: number;
  analyses: number;
  worse: 1 | -1;
  relative: number;
  scale: keyof typeof SCALES;
  z: number;
  p: number;
}

export function baselineInsights(ctx: AnalyzerContext, results: readonly AnalyzerResult[]): CrossPart {
  const { frame, config, baselines } = ctx;
  const out: CrossPart = { insights: [], metrics: {}, charts: [], notes: [] };
  if (Object.keys(baselines).length === 0) {
    out.notes.push(
      'No baselines yet (first analysis of the facility): nothing compared with earlier analyses.',
    );
    return out;
  }
  const n = frame.n;
  const judged: Judged[] = [];
  const notJudged: string[] = [];
  const owned: string[] = [];
  const reported = new Set(
    results.flatMap((r) => r.insights.flatMap((i) => (i.entity?.type === 'metric' ? [i.entity.id] : []))),
  );
  for (const result of results) {
    for (const [metric, value] of Object.entries(result.metrics)) {
      const base = baselines[metric];
      if (!base || !Number.isFinite(value) || !Number.isFinite(base.value)) continue;
      if (reported.has(metric)) {
        owned.push(metric);
        continue;
      }
      const worse = directionOf(metric);
      const scale = isVarianceToPlan(metric) ? 'toPlan' : 'level';
      const reference = scale === 'toPlan' ? 100 + base.value : Math.abs(base.value);
      if (worse === 0 || !(reference > 0) || base.analyses < 1 || n === 0) {
        notJudged.push(metric);
        continue;
      }
      const relative = (worse * (value - base.value)) / reference;
      const z = relative / (SCALES[scale].cv * Math.sqrt(1 / n + 1 / (n * base.analyses)));
      judged.push({
        metric,
        value,
        baseline: base.value,
        analyses: base.analyses,
        worse,
        relative,
        scale,
        z,
        p: 1 - normalCdf(z),
      });
    }
  }
  if (owned.length)
    out.notes.push(`Already reported against their baselines by their analyzers: ${owned.join(', ')}.`);
  if (notJudged.length)
    out.notes.push(
      `Not compared with their baselines (a total, a zero baseline, or no known better direction): ${notJudged.join(', ')}.`,
    );
  out.metrics['cross.baselinesCompared'] = judged.length;
  const adjusted = benjaminiHochberg(judged.map((j) => j.p));
  const alpha = 1 - numberOf(config, 'confidence_level');
  const minSample = numberOf(config, 'min_sample_size');
  const stake = stakeOf(frame, config);
  judged.forEach((j, k) => {
    const p = adjusted[k] as number;
    const significant = p < alpha && n >= minSample;
    if (!significant || j.relative < SCALES[j.scale].floor) return;
    const { label, phrase, unit } = metricLabel(j.metric);
    const show = (v: number) => `${fmt(v, digitsFor(v))}${unit ? ` ${unit}` : ''}`;
    const delta = j.value - j.baseline;
    const valued = valueChange(j.metric, delta, frame) ?? {
      currency: null,
      hours: null,
      units: null,
      formula: `Not valued: ${phrase} has no direct cost; it moved from ${show(j.baseline)} to ${show(j.value)}.`,
    };
    const impact = impactOf(valued, frame, config);
    const over = j.analyses === 1 ? 'the last analysis' : `the last ${j.analyses} analyses`;
    out.insights.push({
      key: `cross:baseline:metric:${j.metric}`,
      analyzer: 'cross',
      kind: 'cross.baseline',
      severity: severityOf(impact.score, stake, significant),
      title: `${label} ${show(j.value)} vs ${show(j.baseline)} over ${over}`,
      detail:
        `${label} is ${j.worse > 0 ? 'higher' : 'lower'} than the facility's baseline (mean over ${over}): ` +
        `${show(j.value)} vs ${show(j.baseline)}, ${fmt(j.relative * 100, 1)} % worse${j.scale === 'toPlan' ? ' relative to plan' : ''}. The baseline has no spread of its own, so the test assumes ` +
        `a coefficient of variation of ${SCALES[j.scale].cv} between work orders: z = ${fmt(j.z, 2)} over ${fmt(n, 0)} work orders, one-sided p ${pText(j.p)}, ` +
        `p ${pText(p)} after Benjamini–Hochberg over the ${judged.length} metrics compared.`,
      entity: { type: 'metric', id: j.metric },
      impact,
      evidence: {
        metric: phrase + (unit ? ` (${unit})` : ''),
        value: j.value,
        baseline: j.baseline,
        expected: null,
        statistic: { name: 'z', value: Math.round(j.z * 1000) / 1000 },
        pValue: p,
        sampleSize: n,
      },
      recommendation: `Find what changed since the earlier analyses: open the ${phrase} findings of this analysis, compare the entities behind them with the previous upload, and check process, material and staffing changes between the two periods.`,
      rows: { kind: 'all' },
      rowCount: n,
    });
  });
  out.metrics['cross.baselinesWorse'] = out.insights.length;
  return out;
}
