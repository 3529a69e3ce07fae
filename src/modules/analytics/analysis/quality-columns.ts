// The per-work-order figures the quality analyzer works from, read once from the frame into typed
// arrays (empty cells as 0, so sums need no NaN checks): pieces produced, scrap, rework, defects and
// what defects are counted against, the supplier's nonconforming pieces, first-pass good pieces and
// the order's actual cost. Which of them exist depends on what the import mapped.
import { numberOf } from './config.ts';
import type { RateSpec } from './quality-rates.ts';
import type { AnalyzerContext, WorkOrderFrame } from './types.ts';

/** The entity fields every rate is judged by, with how titles name their entities. */
export const QUALITY_FIELDS = ['partNumber', 'machine', 'supplier', 'operator', 'shift'] as const;

export interface QualityColumns {
  /** good + scrap: the pieces that went through the process. */
  pieces: Float64Array;
  scrap: Float64Array | null;
  rework: Float64Array | null;
  defects: Float64Array | null;
  /** Defects are counted per piece planned (per piece produced where no plan is given). */
  defectBase: Float64Array | null;
  /** Actual cost of the order (NaN where unknown); null when no cost is mapped. */
  cost: Float64Array | null;
  /** Earliest known start, for time order (NaN where unknown). */
  time: Float64Array | null;
}

function zeroed(column: Float64Array | undefined): Float64Array | null {
  if (!column) return null;
  const out = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i] as number;
    out[i] = Number.isNaN(v) ? 0 : v;
  }
  return out;
}

export function qualityColumns(frame: WorkOrderFrame): QualityColumns {
  const good = frame.numbers.qtyCompleted;
  const scrap = zeroed(frame.numbers.qtyScrap);
  const pieces = new Float64Array(frame.n);
  for (let i = 0; i < frame.n; i++) {
    const g = good ? (good[i] as number) : Number.NaN;
    pieces[i] = (Number.isNaN(g) ? 0 : g) + (scrap ? (scrap[i] as number) : 0);
  }
  const defects = zeroed(frame.numbers.defectCount);
  let defectBase: Float64Array | null = null;
  if (defects) {
    const planned = frame.numbers.qtyPlanned;
    defectBase = new Float64Array(frame.n);
    for (let i = 0; i < frame.n; i++) {
      const plan = planned ? (planned[i] as number) : Number.NaN;
      defectBase[i] = plan > 0 ? plan : (pieces[i] as number);
    }
  }
  return {
    pieces,
    scrap,
    rework: zeroed(frame.numbers.qtyRework),
    defects,
    defectBase,
    cost: costColumn(frame),
    time: frame.numbers.actualStart ?? frame.numbers.plannedStart ?? null,
  };
}

/** Actual total cost, else the sum of the actual cost elements that are mapped. */
function costColumn(frame: WorkOrderFrame): Float64Array | null {
  const total = frame.numbers.actualCostTotal;
  const parts = ['materialCostActual', 'laborCostActual', 'overheadCostActual']
    .map((k) => frame.numbers[k])
    .filter((c): c is Float64Array => c !== undefined);
  if (!total && parts.length === 0) return null;
  const cost = new Float64Array(frame.n);
  for (let i = 0; i < frame.n; i++) {
    const t = total ? (total[i] as number) : Number.NaN;
    if (!Number.isNaN(t)) {
      cost[i] = t;
      continue;
    }
    let sum = Number.NaN;
    for (const c of parts) {
      const v = c[i] as number;
      if (!Number.isNaN(v)) sum = (Number.isNaN(sum) ? 0 : sum) + v;
    }
    cost[i] = sum;
  }
  return cost;
}

/** The rate specs the mapped fields allow, with their thresholds from the configuration. */
export function rateSpecs(ctx: AnalyzerContext, columns: QualityColumns): RateSpec[] {
  const { config, frame } = ctx;
  const fields = QUALITY_FIELDS.filter((f) => frame.texts[f]);
  const threshold = (key: string) => numberOf(config, key) / 100;
  const specs: RateSpec[] = [];
  const { pieces, scrap, rework, defects, defectBase } = columns;
  if (scrap)
    specs.push({
      kind: 'scrap-rate',
      metric: 'scrap rate',
      count: scrap,
      base: pieces,
      proportion: true,
      threshold: threshold('scrap_rate_threshold_pct'),
      fields,
    });
  if (rework)
    specs.push({
      kind: 'rework-rate',
      metric: 'rework rate',
      count: rework,
      base: pieces,
      proportion: true,
      threshold: threshold('rework_rate_threshold_pct'),
      fields,
    });
  if (defects && defectBase)
    specs.push({
      kind: 'defect-rate',
      metric: 'defects per piece',
      count: defects,
      base: defectBase,
      proportion: false,
      threshold: threshold('defect_rate_threshold_pct'),
      fields,
    });
  if (frame.texts.supplier && (scrap || defects)) {
    // A supplier's material fails as scrap or as defects found; many ERPs book scrapped pieces as
    // defects too, so per order the larger count is taken rather than their sum (no double count).
    const failed = new Float64Array(frame.n);
    for (let i = 0; i < frame.n; i++) {
      const worst = Math.max(scrap ? (scrap[i] as number) : 0, defects ? (defects[i] as number) : 0);
      failed[i] = Math.min(worst, pieces[i] as number);
    }
    specs.push({
      kind: 'supplier-quality',
      metric: 'nonconforming rate',
      count: failed,
      base: pieces,
      proportion: true,
      threshold: threshold('supplier_defect_threshold_pct'),
      fields: ['supplier'],
    });
  }
  return specs;
}
