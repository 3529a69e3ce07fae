import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../../platform/db/page.ts';
import {
  type ForecastScope,
  supplyDecisionActions,
  supplyDecisions,
  supplyInventory,
  supplyWarehouses,
} from '../../../platform/db/schema/index.ts';
import { scopeWhere } from '../forecasts/forecasts.repo.ts';

// Decisions and their actions; the inventory and warehouse figures a replenishment reads; the
// purchase orders an executed decision creates.

export type DecisionRow = typeof supplyDecisions.$inferSelect;
export type ActionRow = typeof supplyDecisionActions.$inferSelect;
export type InventoryRow = typeof supplyInventory.$inferSelect;

export async function insertDecision(tx: Executor, values: typeof supplyDecisions.$inferInsert) {
  const [row] = await tx.insert(supplyDecisions).values(values).returning();
  if (!row) throw new Error('decision not inserted');
  return row;
}

export async function findDecision(
  tx: Executor,
  id: string,
  forUpdate = false,
): Promise<DecisionRow | undefined> {
  const query = tx.select().from(supplyDecisions).where(eq(supplyDecisions.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateDecision(tx: Executor, id: string, values: Partial<DecisionRow>) {
  const [row] = await tx
    .update(supplyDecisions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(supplyDecisions.id, id))
    .returning();
  return row;
}

export async function listDecisions(
  tx: Executor,
  filter: { type?: string | undefined; status?: string | undefined; limit: number; offset: number },
) {
  const where = and(
    filter.type ? eq(supplyDecisions.type, filter.type) : undefined,
    filter.status ? eq(supplyDecisions.status, filter.status) : undefined,
  );
  const rows = await tx
    .select({
      decision: supplyDecisions,
      // Routing decisions count their routes.
      actionCount: sql<number>`case when "supply_decisions"."type" = 'routing'
        then (select count(*) from supply_routes r where r.decision_id = "supply_decisions"."id")
        else (select count(*) from supply_decision_actions a where a.decision_id = "supply_decisions"."id") end`.mapWith(
        Number,
      ),
      total: matchedRows(),
    })
    .from(supplyDecisions)
    .where(where)
    .orderBy(desc(supplyDecisions.createdAt))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    ({ total: _t, ...row }) => row,
    () => countWhere(tx, supplyDecisions, where),
  );
}

const INSERT_BATCH = 500;

export async function insertActions(tx: Executor, rows: (typeof supplyDecisionActions.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    await tx.insert(supplyDecisionActions).values(rows.slice(i, i + INSERT_BATCH));
}

export async function listActions(
  tx: Executor,
  filter: { decisionId: string; sku?: string | undefined; limit: number; offset: number },
) {
  const where = and(
    eq(supplyDecisionActions.decisionId, filter.decisionId),
    filter.sku ? eq(supplyDecisionActions.sku, filter.sku) : undefined,
  );
  const rows = await tx
    .select({ action: supplyDecisionActions, total: matchedRows() })
    .from(supplyDecisionActions)
    .where(where)
    .orderBy(asc(supplyDecisionActions.position))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r) => r.action,
    () => countWhere(tx, supplyDecisionActions, where),
  );
}

export async function allActions(tx: Executor, decisionId: string): Promise<ActionRow[]> {
  return tx
    .select()
    .from(supplyDecisionActions)
    .where(eq(supplyDecisionActions.decisionId, decisionId))
    .orderBy(asc(supplyDecisionActions.position));
}

export async function setActionOrders(tx: Executor, orderByAction: Map<string, string>) {
  for (const [actionId, orderId] of orderByAction)
    await tx.update(supplyDecisionActions).set({ orderId }).where(eq(supplyDecisionActions.id, actionId));
}

export async function inventoryInScope(tx: Executor, scope: ForecastScope): Promise<InventoryRow[]> {
  return tx.select().from(supplyInventory).where(scopeWhere(scope)).orderBy(asc(supplyInventory.sku));
}

export async function findInventoryRow(tx: Executor, id: string): Promise<InventoryRow | undefined> {
  const [row] = await tx.select().from(supplyInventory).where(eq(supplyInventory.id, id));
  return row;
}

/** Free room per warehouse (capacity − on hand − on order), for warehouses with a capacity. */
export async function warehouseFreeUnits(
  tx: Executor,
  warehouseIds: string[],
): Promise<Record<string, number>> {
  if (warehouseIds.length === 0) return {};
  const rows = await queryRows<{ id: string; free: number }>(
    tx,
    sql`/* warehouseFreeUnits */
select w.id, w.capacity - coalesce(sum(i.on_hand + i.on_order), 0) as free
  from supply_warehouses w left join supply_inventory i on i.warehouse_id = w.id
 where w.capacity is not null and w.id in ${warehouseIds}
 group by w.id, w.capacity`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, Math.max(0, Number(r.free))]));
}

export async function warehouseNames(tx: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { code: string; name: string }>();
  const rows = await tx
    .select({ id: supplyWarehouses.id, code: supplyWarehouses.code, name: supplyWarehouses.name })
    .from(supplyWarehouses)
    .where(inArray(supplyWarehouses.id, ids));
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}
