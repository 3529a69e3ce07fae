// Quality findings written as insights: an entity worse than the rest (scrap, rework, defects, a
// supplier's nonconforming material), the plant's rate beyond its threshold or first-pass yield
// below target, and out-of-control lots on the scrap p-chart. Numbers in titles and details are the
// ones in the evidence; every impact spells out its formula.
import type { ConfigValues } from './config.ts';
import { fmt, impactOf, pct, severityOf } from './frame.ts';
import type { RateFinding, RateKind, RateSpec } from './quality-rates.ts';
import { twoSidedP } from './stats.ts';
import type { EntityType, Impact, Insight, WorkOrderFrame } from './types.ts';

export interface InsightEnv {
  frame: WorkOrderFrame;
  config: ConfigValues;
  stake: number;
  alpha: number;
  minSample: number;
  cost: Float64Array | null;
  pieces: Float64Array;
}

export const ENTITY_OF_FIELD: Record<string, { type: EntityType; label: string; plural: string }> = {
  partNumber: { type: 'part', label: 'Part', plural: 'parts' },
  machine: { type: 'machine', label: 'Machine', plural: 'machines' },
  supplier: { type: 'supplier', label: 'Supplier', plural: 'suppliers' },
  operator: { type: 'operator', label: 'Operator', plural: 'operators' },
  shift: { type: 'shift', label: 'Shift', plural: 'shifts' },
};

const CONTEXT: Record<string, string> = {
  partNumber: 'of part',
  machine: 'on machine',
  supplier: 'with material from supplier',
  operator: 'run by operator',
  shift: 'on shift',
};

const WHAT: Record<RateKind, (count: number, base: number) => string> = {
  'scrap-rate': (c, b) => `scrapped ${fmt(c, 0)} of ${fmt(b, 0)} pieces`,
  'rework-rate': (c, b) => `reworked ${fmt(c, 0)} of ${fmt(b, 0)} pieces`,
  'defect-rate': (c, b) => `had ${fmt(c, 0)} defects on ${fmt(b, 0)} pieces`,
  'supplier-quality': (c, b) => `lost ${fmt(c, 0)} of ${fmt(b, 0)} pieces to scrap or defects`,
};

const RECOMMEND: Record<RateKind, Record<string, (v: string) => string>> = {
  'scrap-rate': {
    supplier: (v) =>
      `Raise a supplier corrective action (8D) with ${v} using these scrap figures, tighten incoming inspection of its material and hold suspect lots until the rate is back at the others' level.`,
    partNumber: (v) =>
      `Pareto the scrap of part ${v} by defect type and machine, and run a capability study on its critical characteristic; review drawing tolerances with engineering.`,
    machine: (v) =>
      `Check machine ${v}'s condition and setup (fixtures, tool offsets, calibration) and compare its first-off inspection results with the other machines.`,
    operator: (v) =>
      `Review the work instructions and training with operator ${v}, and audit the first pieces of each order together with an experienced colleague.`,
    shift: (v) =>
      `Compare shift ${v}'s practices with the other shifts: handover, inspection frequency, staffing and setup checks.`,
  },
  'rework-rate': {
    supplier: (v) =>
      `Ask ${v} for the root cause of the rework its material needs and tighten incoming inspection.`,
    partNumber: (v) =>
      `Find where part ${v} is reworked (defect types, operation) and fix the process step, not the piece.`,
    machine: (v) =>
      `Check machine ${v}'s setup and calibration; its output is reworked more often than the others'.`,
    operator: (v) => `Review the work instructions for operator ${v}'s orders and add a first-piece check.`,
    shift: (v) => `Compare shift ${v}'s inspection and setup practices with the other shifts.`,
  },
  'defect-rate': {
    supplier: (v) => `Share the defect data with ${v} and agree a corrective action on its material.`,
    partNumber: (v) => `Pareto the defects of part ${v} by type and fix the largest cause at its operation.`,
    machine: (v) =>
      `Inspect machine ${v} (tooling, fixtures, calibration) against the defect types it produces.`,
    operator: (v) =>
      `Review the defect types on operator ${v}'s orders, refresh the training on those operations and add a first-piece check; look for unclear work instructions before assuming individual fault.`,
    shift: (v) => `Compare shift ${v}'s practices (handover, staffing, inspection) with the other shifts.`,
  },
  'supplier-quality': {
    supplier: (v) =>
      `Put ${v} on supplier quality review: share the nonconformance data, request an 8D and raise the incoming-inspection level for its material.`,
  },
};

const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${fmt(p, 3)}`);

/** Σ cost ÷ Σ pieces over the rows of one entity (NaN when costs are not known there). */
function costPerPiece(env: InsightEnv, field: string, code: number): number {
  const { cost, pieces, frame } = env;
  if (!cost) return Number.NaN;
  const codes = (frame.texts[field] as { codes: Int32Array }).codes;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < frame.n; i++) {
    if (codes[i] !== code) continue;
    const c = cost[i] as number;
    const p = pieces[i] as number;
    if (!Number.isNaN(c) && p > 0) {
      sum += c;
      n += p;
    }
  }
  return n > 0 && sum > 0 ? sum / n : Number.NaN;
}

function excessImpact(
  env: InsightEnv,
  kind: RateKind,
  rate: number,
  reference: number,
  base: number,
  perPiece: number,
): Impact {
  const excess = Math.max(0, (rate - reference) * base);
  const head = `(${pct(rate, 2)} − ${pct(reference, 2)}) × ${fmt(base, 0)} pieces = ${fmt(excess, 0)}`;
  if (kind === 'scrap-rate' && Number.isFinite(perPiece)) {
    const currency = excess * perPiece;
    return impactOf(
      {
        currency,
        hours: null,
        units: excess,
        formula: `${head} extra scrapped pieces × ${fmt(perPiece, 2)} actual cost per piece = ${fmt(currency, 0)}`,
      },
      env.frame,
      env.config,
    );
  }
  const noun =
    kind === 'scrap-rate'
      ? 'scrapped pieces'
      : kind === 'rework-rate'
        ? 'reworked pieces'
        : kind === 'defect-rate'
          ? 'defects'
          : 'nonconforming pieces';
  return impactOf(
    {
      currency: null,
      hours: null,
      units: excess,
      formula: `${head} extra ${noun} (ranked at the average unit cost)`,
    },
    env.frame,
    env.config,
  );
}

/** An entity worse than the rest; `also` are its other rate findings, quoted in the detail. */
export function entityInsight(env: InsightEnv, finding: RateFinding, also: RateFinding[]): Insight {
  const { spec, field, value } = finding;
  const entity = ENTITY_OF_FIELD[field] as (typeof ENTITY_OF_FIELD)[string];
  const impact = excessImpact(
    env,
    spec.kind,
    finding.rate,
    finding.restRate,
    finding.entity.base,
    spec.kind === 'scrap-rate' ? costPerPiece(env, field, finding.code) : Number.NaN,
  );
  const significant = finding.pValue < env.alpha && finding.entity.orders >= env.minSample;
  const sentences = [
    `${fmt(finding.entity.orders, 0)} work orders ${CONTEXT[field]} ${value} ${WHAT[spec.kind](finding.entity.count, finding.entity.base)} (${spec.metric} ${pct(finding.rate)}); the other ${fmt(finding.rest.orders, 0)} orders ${pct(finding.restRate)}.`,
    `Above the ${pct(spec.threshold)} threshold and worse than the rest beyond chance: z = ${fmt(finding.statistic, 1)} (variance scaled by the between-order dispersion φ = ${fmt(finding.dispersion, 2)}), ${pText(finding.pValue)} after Benjamini–Hochberg across ${finding.tested} ${entity.plural}.`,
  ];
  for (const other of also)
    sentences.push(
      `Its ${other.spec.metric} is also high: ${pct(other.rate)} vs ${pct(other.restRate)} for the rest.`,
    );
  const explained = [finding, ...also].flatMap((f) => f.explains);
  if (explained.length) {
    const names = explained
      .slice(0, 5)
      .map((e) => `${ENTITY_OF_FIELD[e.field]?.label.toLowerCase()} ${e.value} (${pct(e.rate)})`);
    const more = explained.length > 5 ? ` and ${explained.length - 5} more` : '';
    sentences.push(
      `This explains the high rates of ${names.join(', ')}${more}: not worse once these orders are set aside.`,
    );
  }
  const recommend = RECOMMEND[spec.kind][field] ?? RECOMMEND[spec.kind].supplier;
  return {
    key: `quality:${spec.kind}:${entity.type}:${value}`,
    analyzer: 'quality',
    kind: `quality.${spec.kind}`,
    severity: severityOf(impact.score, env.stake, significant),
    title: `${entity.label} ${value}: ${spec.metric} ${pct(finding.rate)} vs ${pct(finding.restRate)} for the rest`,
    detail: sentences.join(' '),
    entity: { type: entity.type, id: value },
    impact,
    evidence: {
      metric: `${spec.metric} (%)`,
      value: finding.rate * 100,
      baseline: finding.restRate * 100,
      expected: spec.threshold * 100,
      statistic: { name: 'z', value: finding.statistic },
      pValue: finding.pValue,
      sampleSize: finding.entity.orders,
    },
    recommendation: (recommend as (v: string) => string)(value),
    rows: { kind: 'entity', field, value },
    rowCount: finding.rows,
  };
}

export interface PlantRate {
  kind: RateKind | 'first-pass-yield';
  /** The analyzer metric this rate is kept under ("quality.scrapRatePct"). */
  metricKey: string;
  metric: string;
  /** The plant's rate, its target or threshold, and whether higher is worse. */
  rate: number;
  limit: number;
  higherIsWorse: boolean;
  orders: number;
  base: number;
  dispersion: number;
  proportion: boolean;
  /** The facility's earlier value of the same metric (a fraction), when known. */
  baseline: number | null;
  perPiece: number;
  /** Reported only when also significantly worse than the baseline (see quality.ts). */
  onlyVsBaseline: boolean;
}

/** Distance of the plant's rate from `reference` in standard errors, positive when worse. */
function oneSampleZ(plant: PlantRate, reference: number): number {
  const variance = plant.proportion ? reference * (1 - reference) : reference;
  const se = Math.sqrt((plant.dispersion * variance) / plant.base);
  const gap = plant.higherIsWorse ? plant.rate - reference : reference - plant.rate;
  return se > 0 ? gap / se : gap > 0 ? Infinity : 0;
}

/** Significantly worse than the facility's earlier analyses (same test as against the limit). */
function worseThanBaseline(plant: PlantRate, alpha: number): boolean {
  const z = oneSampleZ(plant, plant.baseline as number);
  return z > 0 && twoSidedP(z) < alpha;
}

export function facilityName(frame: WorkOrderFrame): string {
  const dict = frame.texts.facility?.dict ?? [];
  return dict.length === 1 ? (dict[0] as string) : 'plant';
}

/** The plant's rate beyond its threshold (or first-pass yield below target), with its baseline. */
export function plantInsight(env: InsightEnv, plant: PlantRate, spec: RateSpec | null): Insight | null {
  const gap = plant.higherIsWorse ? plant.rate - plant.limit : plant.limit - plant.rate;
  if (!(gap > 0) || plant.base <= 0) return null;
  const z = oneSampleZ(plant, plant.limit);
  const pValue = twoSidedP(z);
  const worse = plant.baseline === null ? null : worseThanBaseline(plant, env.alpha);
  if (plant.onlyVsBaseline && !worse) return null;
  // Only a real gap is reported: beyond the limit by more than the orders' own variation allows.
  const significant = pValue < env.alpha && plant.orders >= env.minSample;
  if (!significant) return null;
  const facility = facilityName(env.frame);
  const kind = spec?.kind ?? 'first-pass-yield';
  const impact =
    plant.kind === 'first-pass-yield'
      ? impactOf(
          {
            currency: null,
            hours: null,
            units: gap * plant.base,
            formula: `(${pct(plant.limit)} − ${pct(plant.rate, 2)}) × ${fmt(plant.base, 0)} pieces = ${fmt(gap * plant.base, 0)} pieces short of first-pass good (ranked at the average unit cost)`,
          },
          env.frame,
          env.config,
        )
      : excessImpact(env, kind as RateKind, plant.rate, plant.limit, plant.base, plant.perPiece);
  const word = plant.higherIsWorse ? 'above' : 'below';
  const limitName = plant.kind === 'first-pass-yield' ? 'target' : 'threshold';
  const trend =
    plant.baseline === null
      ? ''
      : `, ${worse ? 'worse than' : 'not worse than'} ${pct(plant.baseline)} before`;
  return {
    key: `quality:${kind}:metric:${plant.metricKey}`,
    analyzer: 'quality',
    kind: `quality.${kind}`,
    severity: severityOf(impact.score, env.stake, significant),
    title: `${facility === 'plant' ? 'Plant' : `Facility ${facility}`} ${plant.metric} ${pct(plant.rate)} is ${word} the ${pct(plant.limit)} ${limitName}${trend}`,
    detail: `Over ${fmt(plant.orders, 0)} work orders and ${fmt(plant.base, 0)} pieces the ${plant.metric} is ${pct(plant.rate, 2)} against a ${limitName} of ${pct(plant.limit)} (z = ${fmt(z, 1)} with the between-order dispersion φ = ${fmt(plant.dispersion, 2)}, ${pText(pValue)}).${plant.baseline === null ? ' No earlier analysis of this facility to compare with.' : ` Earlier analyses of this facility averaged ${pct(plant.baseline, 2)}${worse ? ': significantly worse now' : ''}.`}`,
    // The metric as entity: the cross pass then leaves its baseline comparison to this insight.
    entity: { type: 'metric', id: plant.metricKey },
    impact,
    evidence: {
      metric: `${plant.metric} (%)`,
      value: plant.rate * 100,
      baseline: plant.baseline === null ? null : plant.baseline * 100,
      expected: plant.limit * 100,
      statistic: { name: 'z', value: plant.higherIsWorse ? z : -z },
      pValue,
      sampleSize: plant.orders,
    },
    recommendation:
      plant.kind === 'first-pass-yield'
        ? 'Attack the largest sources of scrap and rework first (see the entity findings and the defect-type Pareto); track first-pass yield weekly against the target.'
        : `Start from the largest contributors in the ${plant.metric} Pareto by part and supplier; set a weekly review of the rate against the ${pct(plant.limit)} threshold.`,
    rows: { kind: 'all' },
    rowCount: env.frame.n,
  };
}
