// The cost components an import can carry, planned and actual per work order: material, labour,
// overhead and their total. Labour falls back to hours × default_labor_rate when only hours are
// mapped; the total is the ERP's own pair (standard vs actual) only when both sides are mapped,
// else the sum of the components present — summing only what is present on both sides, so an export
// with an actual total but no planned overhead does not show the overhead as a variance.
import { type ConfigValues, numberOf } from './config.ts';
import type { WorkOrderFrame } from './types.ts';

export type ComponentName = 'material' | 'labor' | 'overhead' | 'total';

export interface CostComponent {
  name: ComponentName;
  /** In titles: "material cost". */
  label: string;
  kind: string;
  thresholdKey: string;
  metric: string;
  actual: Float64Array;
  planned: Float64Array;
  /** How the pair was read, for details and notes. */
  source: string;
}

const COMPONENTS: readonly {
  name: Exclude<ComponentName, 'total'>;
  label: string;
  actual: string;
  planned: string;
  thresholdKey: string;
}[] = [
  {
    name: 'material',
    label: 'material cost',
    actual: 'materialCostActual',
    planned: 'materialCostPlanned',
    thresholdKey: 'material_variance_threshold_pct',
  },
  {
    name: 'labor',
    label: 'labour cost',
    actual: 'laborCostActual',
    planned: 'laborCostPlanned',
    thresholdKey: 'labor_variance_threshold_pct',
  },
  {
    name: 'overhead',
    label: 'overhead cost',
    actual: 'overheadCostActual',
    planned: 'overheadCostPlanned',
    thresholdKey: 'overhead_variance_threshold_pct',
  },
];

const metricOf = (name: ComponentName) => `cost.${name}VariancePct`;

/** The components this frame carries (planned and actual both mapped) and notes on what it lacks. */
export function costComponents(
  frame: WorkOrderFrame,
  config: ConfigValues,
): { components: CostComponent[]; notes: string[] } {
  const notes: string[] = [];
  const components: CostComponent[] = [];
  for (const c of COMPONENTS) {
    const actual = frame.numbers[c.actual];
    const planned = frame.numbers[c.planned];
    const base = {
      name: c.name,
      label: c.label,
      kind: `cost.${c.name}-variance`,
      thresholdKey: c.thresholdKey,
      metric: metricOf(c.name),
    };
    if (actual && planned) {
      components.push({ ...base, actual, planned, source: `${c.actual} vs ${c.planned}` });
      continue;
    }
    const hoursActual = frame.numbers.laborHoursActual;
    const hoursPlanned = frame.numbers.laborHoursPlanned;
    if (c.name === 'labor' && hoursActual && hoursPlanned) {
      const rate = numberOf(config, 'default_labor_rate');
      components.push({
        ...base,
        actual: hoursActual.map((h) => h * rate),
        planned: hoursPlanned.map((h) => h * rate),
        source: `labour hours × default_labor_rate ${rate}/h`,
      });
      notes.push(`labour cost not mapped: valued labour hours at default_labor_rate (${rate}/h)`);
      continue;
    }
    notes.push(`${c.label} not mapped on both sides (${c.planned}, ${c.actual}): no ${c.label} variance`);
  }
  const total = totalComponent(frame, components);
  if (total) components.push(total);
  return { components, notes };
}

function totalComponent(frame: WorkOrderFrame, parts: readonly CostComponent[]): CostComponent | null {
  const base = {
    name: 'total' as const,
    label: 'total cost',
    kind: 'cost.total-variance',
    thresholdKey: 'cost_variance_threshold_pct',
    metric: metricOf('total'),
  };
  const actual = frame.numbers.actualCostTotal;
  const planned = frame.numbers.standardCostTotal;
  if (actual && planned) return { ...base, actual, planned, source: 'actualCostTotal vs standardCostTotal' };
  // One component alone is its own total: a second finding would repeat the first.
  if (parts.length < 2) return null;
  const sumA = new Float64Array(frame.n).fill(Number.NaN);
  const sumP = new Float64Array(frame.n).fill(Number.NaN);
  for (const part of parts) {
    const a = part.actual;
    const p = part.planned;
    for (let i = 0; i < frame.n; i++) {
      const x = a[i] as number;
      const y = p[i] as number;
      if (Number.isNaN(x) || Number.isNaN(y)) continue;
      sumA[i] = Number.isNaN(sumA[i] as number) ? x : (sumA[i] as number) + x;
      sumP[i] = Number.isNaN(sumP[i] as number) ? y : (sumP[i] as number) + y;
    }
  }
  return { ...base, actual: sumA, planned: sumP, source: `Σ ${parts.map((p) => p.name).join(' + ')}` };
}
