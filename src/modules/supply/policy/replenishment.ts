// The replenishment decision engine: for each SKU × location, the policy's order quantity with the
// factors that add up to it; then the shared hard constraints (warehouse room, budget) cut lines and
// the rest are checked (MOQ, supplier lead time); then the soft scores (holding cost, stock-out risk),
// the predicted cost and the confidence. Pure and deterministic: the same request gives the same
// proposal, and no number in it is NaN.
//
// Conventions (normal model, see inventory.ts for the policy formulas):
// - inventory position IP = on hand + on order − reserved − backorders; the need is
//   demand over L (+ R) + safety stock − IP, i.e. s − IP or S − IP; (s, Q) orders whole EOQs until
//   the position is above s; then MOQ and lot rounding. No order when IP ≥ s (or S).
// - stock-out risk before arrival: P(D_L > IP) and σ_L·G((IP − μ_L)/σ_L) units short; after the
//   order, over the protection interval: P(D_(L+R) > IP + q) and its expected units short.
// - holding cost of a line over the horizon: c·h·(horizon/365)·(safety stock + q/2).
// - confidence of an item: 1/(1 + z₀.₉·σ/μ) (the 80% interval's half-width relative to mean demand
//   over the protection interval) times the back-test score (MASE → 1/(1 + MASE), sMAPE % →
//   1 − sMAPE/200); the proposal's is their mean weighted by order amount (by demand if no order).
// - cuts (warehouse room, then budget): lowest priority first, then least risk without an order.
import { checkLeadTime, checkMoq, enforceBudget, enforceCapacity, lineAmount } from './constraints.ts';
import { requireDate } from './dates.ts';
import { stockoutRisk } from './demand-window.ts';
import { PolicyInputError, requirePositive } from './errors.ts';
import { type ItemPlan, planFactors, planItem, planQuantity } from './item-plan.ts';
import type {
  ConstraintCheck,
  CostBreakdown,
  ItemDecision,
  PurchaseOrderLine,
  ReplenishmentProposal,
  ReplenishmentRequest,
} from './replenishment-types.ts';
import { cents, money, percent, units } from './wording.ts';

function itemReason(plan: ItemPlan, quantity: number): string {
  const { sku, warehouseId } = plan.item;
  const level = plan.trigger.kind === 'reorder_point' ? 'reorder point' : 'order-up-to level';
  const cuts = plan.factorsH.filter((f) => f.kind === 'capacity_cut' || f.kind === 'budget_cut');
  const cutWords = cuts.map(
    (f) =>
      `${units(-f.weightH / 100)} units cut by the ${f.kind === 'budget_cut' ? 'budget' : 'warehouse capacity'}`,
  );
  if (quantity > 0) {
    const tail = cutWords.length > 0 ? ` (${cutWords.join(', ')})` : '';
    return `Order ${units(quantity)} units of ${sku} at ${warehouseId}, arriving ${plan.expectedArrival}: the inventory position (${units(plan.position)} units) is below the ${level} (${units(plan.trigger.level)} units)${tail}.`;
  }
  if (cuts.length > 0)
    return `No order for ${sku} at ${warehouseId}: the whole need was cut (${cutWords.join(', ')}).`;
  const covers = plan.factorsH.find((f) => f.kind === 'position_covers');
  return `${covers?.sentence ?? 'No order'} (${sku} at ${warehouseId}).`;
}

function decide(plan: ItemPlan): ItemDecision {
  const quantity = planQuantity(plan);
  const { item } = plan;
  return {
    inventoryId: item.inventoryId,
    sku: item.sku,
    warehouseId: item.warehouseId,
    policy: item.policy,
    quantity,
    factors: planFactors(plan),
    trigger: plan.trigger,
    inventoryPosition: plan.position,
    orderQuantity: plan.orderQuantity,
    eoq: plan.eoq,
    safetyStock: plan.safety.units,
    service: { kind: plan.safety.factor.kind, level: plan.safety.factor.level, k: plan.safety.factor.k },
    demandOverLeadTime: { days: plan.lead.days, mean: plan.lead.mean, sd: plan.lead.sd },
    demandOverProtection: { days: plan.protection.days, mean: plan.protection.mean, sd: plan.protection.sd },
    riskBeforeArrival: stockoutRisk(plan.lead, plan.position),
    riskAfterOrder: stockoutRisk(plan.protection, plan.position + quantity),
    confidence: plan.confidence,
    orderDate: plan.orderDate,
    expectedArrival: plan.expectedArrival,
    requiredBy: plan.requiredBy,
    reason: itemReason(plan, quantity),
    notes: plan.notes,
  };
}

/** Below its service target after the order (only cuts put an item there). */
function belowTarget(plan: ItemPlan, decision: ItemDecision): boolean {
  const { level, kind } = decision.service;
  if (kind === 'fill_rate' && plan.cyclePerOrder > 0) {
    return decision.riskAfterOrder.expectedUnitsShort > (1 - level) * plan.cyclePerOrder + 1e-6;
  }
  return decision.riskAfterOrder.probability > 1 - level + 1e-9;
}

function holdingCost(plan: ItemPlan, horizonDays: number): number {
  const quantity = planQuantity(plan);
  if (quantity === 0) return 0;
  return (
    plan.item.unitCost * plan.item.holdingCostRate * (horizonDays / 365) * (plan.safety.units + quantity / 2)
  );
}

function softChecks(
  plans: ItemPlan[],
  decisions: ItemDecision[],
  holding: number,
  horizonDays: number,
): ConstraintCheck[] {
  const short = decisions.reduce((sum, d) => sum + d.riskAfterOrder.expectedUnitsShort, 0);
  const below = decisions.filter((d, i) => belowTarget(plans[i] as ItemPlan, d));
  const worst = decisions.reduce<ItemDecision | null>(
    (w, d) => (w === null || d.riskAfterOrder.probability > w.riskAfterOrder.probability ? d : w),
    null,
  );
  const worstWords = worst
    ? ` The highest is ${worst.sku} at ${worst.warehouseId}: ${percent(worst.riskAfterOrder.probability)}.`
    : '';
  const belowWords =
    below.length > 0
      ? `${below.length} item(s) fall below their service target after the cuts (${below.map((d) => d.sku).join(', ')}).`
      : 'Every item meets its service target.';
  return [
    {
      name: 'holding_cost',
      kind: 'soft',
      status: 'satisfied',
      detail: `Holding the ordered lines' safety stock and half of each order over the ${horizonDays}-day horizon costs ${money(holding)}.`,
      value: cents(holding),
      limit: null,
    },
    {
      name: 'stockout_risk',
      kind: 'soft',
      status: below.length > 0 ? 'violated' : 'satisfied',
      detail: `${belowWords} Expected units short over the protection intervals: ${units(short)}.${worstWords}`,
      value: short,
      limit: null,
    },
  ];
}

function predictedCost(plans: ItemPlan[], decisions: ItemDecision[], horizonDays: number): CostBreakdown {
  const ordered = plans.filter((p) => p.quantityH > 0);
  const purchase = cents(ordered.reduce((sum, p) => sum + lineAmount(p), 0));
  const ordering = cents(ordered.reduce((sum, p) => sum + p.item.orderingCost, 0));
  const holding = cents(ordered.reduce((sum, p) => sum + holdingCost(p, horizonDays), 0));
  const priced = plans.filter((p) => p.item.shortageCostPerUnit !== undefined);
  const expectedShortage = cents(
    plans.reduce(
      (sum, p, i) =>
        sum + (decisions[i]?.riskAfterOrder.expectedUnitsShort ?? 0) * (p.item.shortageCostPerUnit ?? 0),
      0,
    ),
  );
  const total = cents(purchase + ordering + holding + expectedShortage);
  const shortageWords =
    priced.length > 0
      ? `expected shortage ${money(expectedShortage)}`
      : 'no shortage cost was given, so shortages are not priced';
  const sentence = `Predicted cost ${money(total)}: purchase ${money(purchase)}, ordering ${money(ordering)} for ${ordered.length} line(s), holding ${money(holding)} over ${horizonDays} days, ${shortageWords}.`;
  return { purchase, ordering, holding, expectedShortage, total, sentence };
}

function weightedMean(values: number[], weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((sum, v, i) => sum + v * (weights[i] as number), 0) / total;
}

function overallConfidence(plans: ItemPlan[]): ReplenishmentProposal['confidence'] {
  const ordered = plans.some((p) => p.quantityH > 0);
  const weights = plans.map((p) => (ordered ? lineAmount(p) : p.protection.mean));
  const basis = ordered ? 'order amount' : 'expected demand';
  const fromInterval = weightedMean(
    plans.map((p) => p.confidence.fromInterval),
    weights,
  );
  const tested = plans
    .map((p, i) => ({ score: p.confidence.fromBacktest, weight: weights[i] as number }))
    .filter((t) => t.score !== null);
  const fromBacktest =
    tested.length > 0
      ? weightedMean(
          tested.map((t) => t.score as number),
          tested.map((t) => t.weight),
        )
      : null;
  const value = weightedMean(
    plans.map((p) => p.confidence.value),
    weights,
  );
  const btWords =
    fromBacktest === null
      ? 'no back-test error was given'
      : `back-test errors give ${fromBacktest.toFixed(2)} (${tested.length} of ${plans.length} items tested)`;
  const sentence = `Confidence ${value.toFixed(2)}, weighted by ${basis}: forecast interval widths give ${fromInterval.toFixed(2)} and ${btWords}.`;
  return { value, fromInterval, fromBacktest, sentence };
}

function validateRequest(request: ReplenishmentRequest): void {
  if (!Array.isArray(request.items) || request.items.length === 0) {
    throw new PolicyInputError('items', 'must list at least one SKU × location');
  }
  requireDate('today', request.today);
  requirePositive('horizonDays', request.horizonDays);
  if (request.constraints?.requiredBy !== undefined)
    requireDate('constraints.requiredBy', request.constraints.requiredBy);
}

/** Propose purchase-order lines for the items, with their reasons, constraint checks, cost and confidence. */
export function proposeReplenishment(request: ReplenishmentRequest): ReplenishmentProposal {
  validateRequest(request);
  const constraints = request.constraints ?? {};
  const plans = request.items.map((item, i) =>
    planItem({ ...item, requiredBy: item.requiredBy ?? constraints.requiredBy }, i, request.today),
  );
  const hard = [...enforceCapacity(plans, constraints), enforceBudget(plans, constraints.budget)];
  hard.push(checkMoq(plans), checkLeadTime(plans));
  const decisions = plans.map(decide);
  const actions: PurchaseOrderLine[] = plans
    .filter((p) => p.quantityH > 0)
    .map((p) => ({
      inventoryId: p.item.inventoryId,
      sku: p.item.sku,
      warehouseId: p.item.warehouseId,
      quantity: planQuantity(p),
      orderDate: p.orderDate,
      expectedArrival: p.expectedArrival,
      unitCost: p.item.unitCost,
      amount: lineAmount(p),
    }));
  const cost = predictedCost(plans, decisions, request.horizonDays);
  const checks = [...hard, ...softChecks(plans, decisions, cost.holding, request.horizonDays)];
  const confidence = overallConfidence(plans);
  const unitsOrdered = actions.reduce((sum, a) => sum + a.quantity, 0);
  const tight = checks
    .filter((c) => c.kind === 'hard' && c.status !== 'satisfied')
    .map((c) => `${c.name} ${c.status}`);
  const summary = `${actions.length} purchase-order line(s) for ${units(unitsOrdered)} units costing ${money(cost.purchase)}; ${plans.length - actions.length} of ${plans.length} item(s) need no order; ${tight.length > 0 ? `hard constraints: ${tight.join(', ')}` : 'all hard constraints satisfied'}; confidence ${confidence.value.toFixed(2)}.`;
  return { actions, items: decisions, constraints: checks, predictedCost: cost, confidence, summary };
}
