// From plain item records to the engine's typed-array model, with each compared policy's
// parameters computed once for every item.
import {
  type PolicyFacts,
  type PolicyItem,
  type PolicySpec,
  policyKeys,
  policyParameters,
} from './policies.ts';
import type { ScenarioSpec, SimulationModel, SimWarehouse } from './types.ts';

export interface ModelItem extends PolicyItem {
  /** Index into the model's warehouses. */
  warehouse: number;
  /** Recent daily demand, oldest first (may be empty). */
  history: number[];
  unitWeightKg: number;
  /** On hand less reserved. */
  onHand: number;
  onOrder: number;
}

export interface ModelInput {
  items: ModelItem[];
  warehouses: SimWarehouse[];
  policies: PolicySpec[];
  scenario: ScenarioSpec;
  horizonDays: number;
  seed: number;
  shortageCostRate: number;
}

/** Mean and sample standard deviation of daily demand. */
export function demandStats(history: readonly number[]): { mean: number; sd: number } {
  const n = history.length;
  if (n === 0) return { mean: 0, sd: 0 };
  const mean = history.reduce((a, b) => a + b, 0) / n;
  const squares = history.reduce((a, b) => a + (b - mean) * (b - mean), 0);
  return { mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0 };
}

const floats = (items: ModelItem[], pick: (item: ModelItem) => number) => Float64Array.from(items, pick);

export function buildModel(input: ModelInput): { model: SimulationModel; facts: PolicyFacts[] } {
  const { items } = input;
  const historyStart = new Int32Array(items.length);
  const historyLength = new Int32Array(items.length);
  let offset = 0;
  items.forEach((item, i) => {
    historyStart[i] = offset;
    historyLength[i] = item.history.length;
    offset += item.history.length;
  });
  const history = new Float64Array(offset);
  items.forEach((item, i) => {
    history.set(item.history, historyStart[i] as number);
  });
  const keys = policyKeys(input.policies);
  const computed = input.policies.map((spec, p) =>
    policyParameters(items, spec, keys[p] as string, input.shortageCostRate),
  );
  return {
    model: {
      horizonDays: input.horizonDays,
      seed: input.seed,
      scenario: input.scenario,
      shortageCostRate: input.shortageCostRate,
      warehouses: input.warehouses,
      policies: computed.map((c) => c.policy),
      items: {
        count: items.length,
        warehouse: Int32Array.from(items, (item) => item.warehouse),
        demandMean: floats(items, (item) => item.demandMean),
        demandSd: floats(items, (item) => item.demandSd),
        history,
        historyStart,
        historyLength,
        leadTimeDays: floats(items, (item) => item.leadTimeDays),
        leadTimeSdDays: floats(items, (item) => item.leadTimeSdDays),
        unitCost: floats(items, (item) => item.unitCost),
        holdingCostRate: floats(items, (item) => item.holdingCostRate),
        orderingCost: floats(items, (item) => item.orderingCost),
        unitWeightKg: floats(items, (item) => item.unitWeightKg),
        moq: floats(items, (item) => item.moq),
        lotSize: floats(items, (item) => item.lotSize),
        onHand: floats(items, (item) => Math.max(0, item.onHand)),
        onOrder: floats(items, (item) => Math.max(0, item.onOrder)),
      },
    },
    facts: computed.map((c) => c.facts),
  };
}
