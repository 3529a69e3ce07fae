// The events of a scenario set's first replications, listed for people: which SKU, warehouse or
// network a demand shock hit and when, which vehicle broke down, which days were delayed. They are
// drawn by the same code and streams as a run's, so a run over the same items and fleet with the
// set's seed meets exactly these events in those replications.
import { allocateWorld, generateEvents, type WorldShape } from './scenario.ts';

/** Events listed per kind and replication at most. */
export const MAX_LISTED_EVENTS = 50;

export interface ScenarioPreview {
  replication: number;
  shocks: { day: number; target: string; durationDays: number; multiplier: number }[];
  breakdowns: { day: number; warehouse: string; vehicle: string; repairDays: number }[];
  delays: { day: number; warehouse: string; factor: number }[];
  truncated: boolean;
}

export interface PreviewNames {
  /** Per item, e.g. `SKU-1 @ BHM`. */
  items: string[];
  warehouses: string[];
  /** Per warehouse, its vehicles' codes in the model's order. */
  vehicles: string[][];
}

export function previewScenarios(shape: WorldShape, names: PreviewNames, count: number): ScenarioPreview[] {
  const world = allocateWorld(shape);
  const scope = shape.scenario.demandShocks?.scope ?? 'sku';
  const target = (unit: number) =>
    scope === 'sku'
      ? (names.items[unit] ?? `item ${unit}`)
      : scope === 'warehouse'
        ? (names.warehouses[unit] ?? '')
        : 'network';
  return Array.from({ length: count }, (_, replication) => {
    const preview: ScenarioPreview = {
      replication,
      shocks: [],
      breakdowns: [],
      delays: [],
      truncated: false,
    };
    const add = <T>(list: T[], event: T) => {
      if (list.length < MAX_LISTED_EVENTS) list.push(event);
      else preview.truncated = true;
    };
    generateEvents(shape, replication, world, {
      shock: (day, unit, durationDays, multiplier) =>
        add(preview.shocks, { day, target: target(unit), durationDays, multiplier }),
      breakdown: (day, warehouse, vehicle, repairDays) =>
        add(preview.breakdowns, {
          day,
          warehouse: names.warehouses[warehouse] ?? '',
          vehicle: names.vehicles[warehouse]?.[vehicle] ?? `vehicle ${vehicle + 1}`,
          repairDays,
        }),
      delay: (day, warehouse, factor) =>
        add(preview.delays, {
          day,
          warehouse: names.warehouses[warehouse] ?? '',
          factor: Math.round(factor * 1000) / 1000,
        }),
    });
    preview.delays.sort((a, b) => a.day - b.day || a.warehouse.localeCompare(b.warehouse));
    return preview;
  });
}

/** The world of a preview: items only need their warehouse (their demand is not listed). */
export function outlineShape(options: {
  horizonDays: number;
  seed: number;
  scenario: WorldShape['scenario'];
  itemWarehouses: number[];
  vehicles: number[];
}): WorldShape {
  const n = options.itemWarehouses.length;
  return {
    horizonDays: options.horizonDays,
    seed: options.seed,
    scenario: options.scenario,
    items: {
      count: n,
      warehouse: Int32Array.from(options.itemWarehouses),
      demandMean: new Float64Array(n),
      demandSd: new Float64Array(n),
      history: new Float64Array(0),
      historyStart: new Int32Array(n),
      historyLength: new Int32Array(n),
    },
    vehicles: options.vehicles,
  };
}
