// Models for the engine's tests and the benchmark: a seeded set of varied items over a few
// warehouses with a fleet each, with readable defaults.
import { seededRandom } from '../../../../platform/random.ts';
import { calibrateWarehouse } from './fleet.ts';
import { buildModel, demandStats, type ModelItem } from './model.ts';
import type { PolicySpec } from './policies.ts';
import type { ScenarioSpec, SimulationModel, SimWarehouse } from './types.ts';

export interface FixtureOptions {
  items?: number;
  warehouses?: number;
  vehiclesPerWarehouse?: number;
  horizonDays?: number;
  seed?: number;
  scenario?: ScenarioSpec;
  policies?: PolicySpec[];
  /** Days of cover at the start (default: about a lead time and two weeks). */
  coverDays?: number;
  shortageCostRate?: number;
  itemSeed?: number;
}

/** Items with seeded demand (steady, lumpy and slow movers), half with 56 days of history. */
export function fixtureItems(count: number, warehouses: number, seed = 7, coverDays?: number): ModelItem[] {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const level = 2 + 60 * rand() ** 2;
    const lumpy = rand() < 0.3;
    const history = Array.from({ length: i % 2 === 0 ? 56 : 0 }, () =>
      lumpy
        ? rand() < 0.3
          ? Math.round(level * 3.3 * rand() * 2)
          : 0
        : Math.max(0, Math.round(level + level * 0.4 * (rand() - 0.5) * 3)),
    );
    const stats = history.length > 0 ? demandStats(history) : { mean: level, sd: level * 0.35 };
    const leadTimeDays = 3 + Math.floor(10 * rand());
    return {
      warehouse: i % warehouses,
      history,
      demandMean: stats.mean,
      demandSd: stats.sd,
      leadTimeDays,
      leadTimeSdDays: Math.round(leadTimeDays * 0.2 * 10) / 10,
      unitCost: Math.round(5 + 200 * rand()),
      holdingCostRate: 0.2,
      orderingCost: 20 + Math.round(40 * rand()),
      moq: 0,
      lotSize: rand() < 0.5 ? 1 : 10,
      serviceLevel: 0.9,
      serviceKind: 'cycle',
      policy: rand() < 0.7 ? 'sQ' : 'RS',
      reviewPeriodDays: 7,
      unitWeightKg: 0.5 + 5 * rand(),
      onHand: Math.round(stats.mean * (coverDays ?? leadTimeDays + 14)),
      onOrder: 0,
    };
  });
}

export function fixtureWarehouses(count: number, vehicles: number): SimWarehouse[] {
  return Array.from({ length: count }, (_, w) =>
    calibrateWarehouse({
      code: `W${w + 1}`,
      depot: { latitude: 52.4 + 0.2 * w, longitude: -1.8 + 0.3 * w },
      clients: Array.from({ length: 30 }, (_, c) => ({
        latitude: 52.3 + 0.2 * w + (0.2 * ((c * 7) % 11)) / 11,
        longitude: -1.9 + 0.3 * w + (0.3 * ((c * 5) % 13)) / 13,
      })),
      vehicles: Array.from({ length: vehicles }, () => ({
        capacityKg: 1500,
        costPerKm: 0.5,
        costPerHour: 22,
        co2PerKm: 0.25,
        shiftHours: 9,
      })),
    }),
  );
}

export function fixtureModel(options: FixtureOptions = {}): SimulationModel {
  const warehouses = options.warehouses ?? 2;
  return buildModel({
    items: fixtureItems(options.items ?? 20, warehouses, options.itemSeed ?? 7, options.coverDays),
    warehouses: fixtureWarehouses(warehouses, options.vehiclesPerWarehouse ?? 4),
    policies: options.policies ?? [{ base: 'current' }, { base: 'recommended' }],
    scenario: options.scenario ?? {},
    horizonDays: options.horizonDays ?? 30,
    seed: options.seed ?? 42,
    shortageCostRate: options.shortageCostRate ?? 1,
  }).model;
}
