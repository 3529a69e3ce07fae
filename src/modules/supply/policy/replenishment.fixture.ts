// Items for the replenishment tests: the textbook case (d = 100/day, σ_d = 20, L = 4 ± 1 days) and a
// seeded generator of varied items for the property-style checks.
import { seededRandom } from '../../../platform/random.ts';
import type { ReplenishmentItem } from './replenishment-types.ts';

export function textbookItem(overrides: Partial<ReplenishmentItem> = {}): ReplenishmentItem {
  return {
    inventoryId: 'inv-1',
    sku: 'SKU-1',
    warehouseId: 'W1',
    forecast: { mean: Array(30).fill(100), sd: Array(30).fill(20), backtest: { mase: 0.8 } },
    onHand: 300,
    reserved: 0,
    onOrder: 0,
    unitCost: 73,
    holdingCostRate: 0.25, // H = 18.25; with S = 10 and D = 36,500/yr the EOQ is 200
    orderingCost: 10,
    leadTimeDays: 4,
    leadTimeSdDays: 1,
    serviceLevel: 0.95,
    serviceLevelKind: 'cycle',
    policy: 'sQ',
    ...overrides,
  };
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

export function randomItems(seed: number, count: number): ReplenishmentItem[] {
  const rand = seededRandom(seed);
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return Array.from({ length: count }, (_, i) => {
    const level = pick(rand, [0, 0, 0.4, 3, 25, 180]);
    const days = pick(rand, [5, 14, 30]);
    const mean = Array.from({ length: days }, () => round2(level * (0.5 + rand())));
    const spread = pick(rand, [0, 0.1, 0.4, 1.2]);
    const sd = mean.map((m) => round2(m * spread + (level > 0 ? rand() : 0)));
    const useInterval = rand() < 0.4;
    const forecast = useInterval
      ? {
          mean,
          interval: {
            lower: mean.map((m, d) => Math.max(0, m - 1.5 * (sd[d] ?? 0))),
            upper: mean.map((m, d) => m + 1.5 * (sd[d] ?? 0)),
            level: 0.8,
          },
        }
      : { mean, sd, backtest: rand() < 0.5 ? { mase: round2(rand() * 2) } : { smape: round2(rand() * 80) } };
    const policy = rand() < 0.5 ? 'sQ' : 'RS';
    return {
      inventoryId: `inv-${seed}-${i}`,
      sku: `SKU-${i}`,
      warehouseId: pick(rand, ['W1', 'W2', 'W3']),
      forecast,
      onHand: round2(rand() * level * 20),
      reserved: rand() < 0.3 ? round2(rand() * level * 5) : 0,
      onOrder: rand() < 0.3 ? round2(rand() * level * 10) : 0,
      backorders: rand() < 0.15 ? round2(rand() * 30) : 0,
      unitCost: pick(rand, [0, 0.37, 4.5, 12, 250]),
      holdingCostRate: pick(rand, [0.12, 0.25, 0.4]),
      orderingCost: pick(rand, [0, 15, 80]),
      leadTimeDays: pick(rand, [0, 0.5, 3, 7.5, 21, 40]),
      leadTimeSdDays: pick(rand, [0, 0.5, 2]),
      serviceLevel: pick(rand, [0.5, 0.9, 0.95, 0.99, 0.999]),
      serviceLevelKind: rand() < 0.5 ? 'cycle' : 'fill_rate',
      moq: pick(rand, [0, 0, 25, 120]),
      lotSize: pick(rand, [1, 1, 0.5, 6, 10, 48]),
      policy,
      reviewPeriodDays: policy === 'RS' ? pick(rand, [1, 7, 14]) : pick(rand, [0, 1]),
      priority: pick(rand, [0, 1, 2]),
      ...(rand() < 0.2 ? { warehouseFreeUnits: round2(rand() * 2000) } : {}),
      ...(rand() < 0.2 ? { requiredBy: pick(rand, ['2025-03-02', '2025-03-10', '2025-04-30']) } : {}),
      ...(rand() < 0.3 ? { shortageCostPerUnit: 20 } : {}),
    };
  });
}
