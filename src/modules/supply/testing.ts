// Test data for the supply planning tests: a warehouse with inventory rows and their weekly demand,
// written straight to the tables (the entity API has its own tests).
import type { Db } from '../../platform/db/database.ts';
import { supplyDemand, supplyInventory, supplyWarehouses } from '../../platform/db/schema/index.ts';
import { inTenant } from '../../platform/db/scope.ts';
import { seededRandom } from '../../platform/random.ts';

export interface PlanningItem {
  sku: string;
  category?: string;
  /** Weekly demand, oldest first, ending with last week. */
  weekly: number[];
  onHand?: number;
  onOrder?: number;
  leadTimeDays?: number;
  moq?: number;
  lotSize?: number;
  policy?: 'sQ' | 'RS';
  unitCost?: number;
}

/** The Monday `weeksAgo` weeks before this week's Monday (UTC), as YYYY-MM-DD. */
export function mondayWeeksAgo(weeksAgo: number, now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 7 * weeksAgo);
  return d.toISOString().slice(0, 10);
}

/** Seasonal weekly demand around `level` with seeded noise (never negative). */
export function weeklyDemand(seed: number, weeks: number, level: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: weeks }, (_, w) =>
    Math.max(
      0,
      Math.round(level * (1 + 0.25 * Math.sin((2 * Math.PI * w) / 52)) + (random() - 0.5) * level * 0.3),
    ),
  );
}

export async function seedPlanning(
  db: Db,
  tenantId: string,
  items: PlanningItem[],
  warehouse = { code: 'WH-T', name: 'Test warehouse', capacity: null as number | null },
) {
  return inTenant(db, tenantId, async (tx) => {
    const [wh] = await tx
      .insert(supplyWarehouses)
      .values({ tenantId, code: warehouse.code, name: warehouse.name, capacity: warehouse.capacity })
      .returning();
    if (!wh) throw new Error('warehouse not inserted');
    const rows = await tx
      .insert(supplyInventory)
      .values(
        items.map((item) => ({
          tenantId,
          warehouseId: wh.id,
          sku: item.sku,
          category: item.category ?? 'test',
          onHand: item.onHand ?? 0,
          onOrder: item.onOrder ?? 0,
          unitCost: item.unitCost ?? 10,
          orderingCost: 25,
          leadTimeDays: item.leadTimeDays ?? 7,
          leadTimeSdDays: 1,
          moq: item.moq ?? 0,
          lotSize: item.lotSize ?? 1,
          policy: item.policy ?? 'sQ',
          supplier: 'Test supplier',
        })),
      )
      .returning();
    const demand = items.flatMap((item) =>
      item.weekly.map((quantity, i) => ({
        tenantId,
        warehouseId: wh.id,
        sku: item.sku,
        day: mondayWeeksAgo(item.weekly.length - i),
        quantity,
      })),
    );
    for (let i = 0; i < demand.length; i += 1000)
      await tx.insert(supplyDemand).values(demand.slice(i, i + 1000));
    return { warehouseId: wh.id, inventory: new Map(rows.map((r) => [r.sku, r])) };
  });
}
