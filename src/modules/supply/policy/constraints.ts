// The hard constraints of a replenishment proposal. Warehouse room and the budget are enforced by
// cutting lines — lowest priority first, then the lines least at risk of a stock-out without an
// order — in whole lots, dropping a line whose remainder falls below its MOQ; every cut becomes a
// negative factor on its item and is named in the check's detail. The MOQ and the supplier lead time
// are checked on the result.
import { daysBetween } from './dates.ts';
import { requireNonNegative } from './errors.ts';
import { largestLotAtMost } from './inventory.ts';
import { cutPlan, type ItemPlan, planQuantity } from './item-plan.ts';
import type { ConstraintCheck, ReplenishmentConstraints } from './replenishment-types.ts';
import { cents, money, units } from './wording.ts';

/** The order in which lines give way: priority, then stock-out risk without an order, then id. */
export function cutOrder(plans: ItemPlan[]): ItemPlan[] {
  return plans
    .filter((p) => p.quantityH > 0)
    .sort(
      (a, b) =>
        (a.item.priority ?? 0) - (b.item.priority ?? 0) ||
        a.riskWithoutOrder - b.riskWithoutOrder ||
        (a.item.inventoryId < b.item.inventoryId ? -1 : a.item.inventoryId > b.item.inventoryId ? 1 : 0),
    );
}

interface Cut {
  sku: string;
  units: number;
}

const cutList = (cuts: Cut[]): string => cuts.map((c) => `${c.sku} −${units(c.units)}`).join(', ');

/** Room per warehouse: the constraint's map first, else the smallest `warehouseFreeUnits` of its items. */
function warehouseRoom(plans: ItemPlan[], constraints: ReplenishmentConstraints): Map<string, number> {
  const room = new Map<string, number>();
  for (const plan of plans) {
    const free = plan.item.warehouseFreeUnits;
    const id = plan.item.warehouseId;
    if (free !== undefined) room.set(id, Math.min(free, room.get(id) ?? Number.POSITIVE_INFINITY));
  }
  for (const [id, free] of Object.entries(constraints.warehouseFreeUnits ?? {})) {
    room.set(id, requireNonNegative(`constraints.warehouseFreeUnits.${id}`, free));
  }
  return room;
}

export function enforceCapacity(plans: ItemPlan[], constraints: ReplenishmentConstraints): ConstraintCheck[] {
  const checks: ConstraintCheck[] = [];
  const room = warehouseRoom(plans, constraints);
  for (const [warehouseId, free] of [...room.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const lines = plans.filter((p) => p.item.warehouseId === warehouseId);
    const asked = lines.reduce((sum, p) => sum + planQuantity(p), 0);
    let excess = asked - free;
    const cuts: Cut[] = [];
    for (const plan of cutOrder(lines)) {
      if (excess <= 1e-9) break;
      const before = planQuantity(plan);
      const because = `warehouse ${warehouseId} has room for ${units(free)} more units and the proposal asked for ${units(asked)}`;
      const cut = cutPlan(plan, largestLotAtMost(before - excess, plan.lotRule), 'capacity_cut', because);
      if (cut > 0) cuts.push({ sku: plan.item.sku, units: cut });
      excess -= cut;
    }
    const used = lines.reduce((sum, p) => sum + planQuantity(p), 0);
    const status =
      used > free + 1e-9
        ? 'violated'
        : cuts.length > 0 || Math.abs(used - free) < 1e-9
          ? 'binding'
          : 'satisfied';
    const detail =
      cuts.length > 0
        ? `The proposal asked for ${units(asked)} units in warehouse ${warehouseId}, which has room for ${units(free)}: cut ${units(asked - used)} units from ${cuts.length} line(s) (${cutList(cuts)}).`
        : `${units(used)} of ${units(free)} free units in warehouse ${warehouseId} are used.`;
    checks.push({
      name: 'warehouse_capacity',
      kind: 'hard',
      status,
      detail,
      value: used,
      limit: free,
      scope: warehouseId,
    });
  }
  return checks;
}

export const lineAmount = (plan: ItemPlan): number => cents(planQuantity(plan) * plan.item.unitCost);
const totalAmount = (plans: ItemPlan[]): number => cents(plans.reduce((sum, p) => sum + lineAmount(p), 0));

export function enforceBudget(plans: ItemPlan[], budget: number | undefined): ConstraintCheck {
  const asked = totalAmount(plans);
  if (budget === undefined) {
    return {
      name: 'budget',
      kind: 'hard',
      status: 'satisfied',
      detail: `No budget was set; the proposal costs ${money(asked)}.`,
      value: asked,
      limit: null,
    };
  }
  requireNonNegative('constraints.budget', budget);
  const cuts: Cut[] = [];
  let excess = asked - budget;
  for (const plan of cutOrder(plans)) {
    if (excess <= 0.005) break;
    const price = plan.item.unitCost;
    if (price === 0) continue; // a free line costs nothing to keep
    const before = planQuantity(plan);
    const amountBefore = lineAmount(plan);
    const because = `the proposal cost ${money(asked)} against a budget of ${money(budget)}`;
    const cut = cutPlan(plan, largestLotAtMost(before - excess / price, plan.lotRule), 'budget_cut', because);
    if (cut > 0) cuts.push({ sku: plan.item.sku, units: cut });
    excess -= amountBefore - lineAmount(plan);
  }
  const spent = totalAmount(plans);
  const status =
    spent > budget + 0.005
      ? 'violated'
      : cuts.length > 0 || Math.abs(spent - budget) <= 0.005
        ? 'binding'
        : 'satisfied';
  const detail =
    cuts.length > 0
      ? `The proposal cost ${money(asked)} against a budget of ${money(budget)}: cut ${money(asked - spent)} from ${cuts.length} line(s), lowest priority and least stock-out risk first (${cutList(cuts)}); it now costs ${money(spent)}.`
      : `The proposal costs ${money(spent)} of a ${money(budget)} budget.`;
  return { name: 'budget', kind: 'hard', status, detail, value: spent, limit: budget };
}

export function checkMoq(plans: ItemPlan[]): ConstraintCheck {
  const ordered = plans.filter((p) => p.quantityH > 0);
  const below = ordered.filter((p) => planQuantity(p) < (p.lotRule.moq ?? 0) - 1e-9);
  const raised = ordered.filter((p) => p.factorsH.some((f) => f.kind === 'moq_rounding'));
  const status = below.length > 0 ? 'violated' : raised.length > 0 ? 'binding' : 'satisfied';
  const detail =
    below.length > 0
      ? `${below.length} line(s) below their MOQ: ${below.map((p) => `${p.item.sku} ${units(planQuantity(p))} < ${units(p.lotRule.moq ?? 0)}`).join(', ')}.`
      : raised.length > 0
        ? `Every line meets its MOQ; ${raised.length} line(s) were raised to it (${raised.map((p) => p.item.sku).join(', ')}).`
        : 'Every line meets its MOQ.';
  return { name: 'moq', kind: 'hard', status, detail, value: below.length, limit: 0 };
}

export function checkLeadTime(plans: ItemPlan[]): ConstraintCheck {
  const dated = plans.filter((p) => p.quantityH > 0 && p.requiredBy !== null);
  const lateness = dated.map((p) => ({
    plan: p,
    late: daysBetween(p.requiredBy as string, p.expectedArrival),
  }));
  const late = lateness.filter((l) => l.late > 0);
  const onTheDay = lateness.filter((l) => l.late === 0);
  const status = late.length > 0 ? 'violated' : onTheDay.length > 0 ? 'binding' : 'satisfied';
  let detail: string;
  if (dated.length === 0) detail = 'No ordered line has a requested arrival date.';
  else if (late.length > 0) {
    const list = late.map(
      (l) =>
        `${l.plan.item.sku} arrives ${l.plan.expectedArrival}, ${l.late} day(s) after ${l.plan.requiredBy}`,
    );
    detail = `${late.length} of ${dated.length} dated line(s) arrive after the requested date: ${list.join('; ')}.`;
  } else
    detail = `All ${dated.length} dated line(s) arrive by their requested date${onTheDay.length > 0 ? ` (${onTheDay.length} on the day itself)` : ''}.`;
  return { name: 'supplier_lead_time', kind: 'hard', status, detail, value: late.length, limit: 0 };
}
