// One SKU × location before the shared constraints: its policy levels, the unconstrained order
// quantity and the factors that add up to it. All factor arithmetic runs in integer hundredths of a
// unit, so the weights add up to the quantity exactly however many factors a cut appends later.
import { addDays, requireDate } from './dates.ts';
import {
  dailySd,
  demandOverWindow,
  itemConfidence,
  stockoutRisk,
  type WindowDemand,
} from './demand-window.ts';
import {
  PolicyInputError,
  requireFinite,
  requireNonNegative,
  requirePositive,
  requireServiceLevel,
} from './errors.ts';
import {
  economicOrderQuantity,
  type LotRule,
  roundToLot,
  type SafetyStock,
  safetyStock,
} from './inventory.ts';
import type { Factor, FactorKind, ItemConfidence, ReplenishmentItem } from './replenishment-types.ts';
import { fromHundredths, percent, toHundredths, units } from './wording.ts';

export interface ItemPlan {
  item: ReplenishmentItem;
  field: string;
  lotRule: LotRule;
  reviewDays: number;
  lead: WindowDemand;
  protection: WindowDemand;
  safety: SafetyStock;
  trigger: { kind: 'reorder_point' | 'order_up_to'; level: number };
  position: number;
  orderQuantity: number | null;
  eoq: number | null;
  /** Q of the fill-rate formula: demand per replenishment cycle (EOQ for (s, Q), d̄·R for (R, S)). */
  cyclePerOrder: number;
  /** Current quantity in hundredths (cuts lower it). */
  quantityH: number;
  factorsH: { kind: FactorKind; weightH: number; sentence: string }[];
  /** Chance of a stock-out over the protection interval if nothing is ordered (cuts go to the lowest first). */
  riskWithoutOrder: number;
  confidence: ItemConfidence;
  orderDate: string;
  expectedArrival: string;
  requiredBy: string | null;
  zeroDemand: boolean;
  notes: string[];
}

export const planQuantity = (plan: ItemPlan): number => fromHundredths(plan.quantityH);

function validateItem(item: ReplenishmentItem, field: string): void {
  for (const key of ['inventoryId', 'sku', 'warehouseId'] as const) {
    if (typeof item[key] !== 'string' || item[key].length === 0)
      throw new PolicyInputError(`${field}.${key}`, 'is required');
  }
  for (const key of [
    'onHand',
    'reserved',
    'onOrder',
    'unitCost',
    'holdingCostRate',
    'orderingCost',
  ] as const) {
    requireNonNegative(`${field}.${key}`, item[key]);
  }
  requireNonNegative(`${field}.backorders`, item.backorders ?? 0);
  requireNonNegative(`${field}.leadTimeDays`, item.leadTimeDays);
  requireNonNegative(`${field}.leadTimeSdDays`, item.leadTimeSdDays);
  requireServiceLevel(`${field}.serviceLevel`, item.serviceLevel);
  if (item.serviceLevelKind !== 'cycle' && item.serviceLevelKind !== 'fill_rate') {
    throw new PolicyInputError(
      `${field}.serviceLevelKind`,
      `must be 'cycle' or 'fill_rate', got ${String(item.serviceLevelKind)}`,
    );
  }
  if (item.policy !== 'sQ' && item.policy !== 'RS') {
    throw new PolicyInputError(`${field}.policy`, `must be 'sQ' or 'RS', got ${String(item.policy)}`);
  }
  if (item.policy === 'RS') requirePositive(`${field}.reviewPeriodDays`, item.reviewPeriodDays as number);
  else requireNonNegative(`${field}.reviewPeriodDays`, item.reviewPeriodDays ?? 0);
  requireNonNegative(`${field}.moq`, item.moq ?? 0);
  requirePositive(`${field}.lotSize`, item.lotSize ?? 1);
  requireFinite(`${field}.priority`, item.priority ?? 0);
  requireNonNegative(`${field}.shortageCostPerUnit`, item.shortageCostPerUnit ?? 0);
  if (item.warehouseFreeUnits !== undefined)
    requireNonNegative(`${field}.warehouseFreeUnits`, item.warehouseFreeUnits);
}

function safetySentence(safety: SafetyStock, demand: WindowDemand, cyclePerOrder: number): string {
  const { factor } = safety;
  const over = `σ = ${units(demand.sd)} units of demand over ${units(demand.days)} days`;
  const head =
    factor.kind === 'cycle'
      ? `Safety stock for a ${percent(factor.level)} cycle service level (z = ${factor.k.toFixed(3)}, ${over})`
      : `Safety stock for a ${percent(factor.level)} fill rate (k = ${factor.k.toFixed(3)} from G(k) = (1 − β)·Q/σ, Q = ${units(cyclePerOrder)} units per cycle, ${over})`;
  return `${head}: ${units(safety.units)} units${safety.note ? ` (${safety.note})` : ''}`;
}

function demandSentence(plan: Pick<ItemPlan, 'item' | 'reviewDays' | 'protection'>): string {
  const lead = `the ${units(plan.item.leadTimeDays)}-day lead time`;
  const span = plan.reviewDays > 0 ? `${lead} plus the ${units(plan.reviewDays)}-day review period` : lead;
  return `Expected demand over ${span}: ${units(plan.protection.mean)} units`;
}

/** The policy levels: (s, Q) → s and Q; (R, S) → S. */
function policyLevels(item: ReplenishmentItem, protection: WindowDemand, annualDemand: number) {
  const service = { kind: item.serviceLevelKind, level: item.serviceLevel };
  if (item.policy === 'RS') {
    const cycle = protection.dailyMean * (item.reviewPeriodDays as number);
    const safety = safetyStock(service, protection, cycle);
    return { safety, cycle, eoq: null, orderQuantity: null, kind: 'order_up_to' as const, note: undefined };
  }
  const holding = item.unitCost * item.holdingCostRate;
  if (annualDemand > 0 && item.orderingCost > 0 && holding === 0) {
    // No holding cost makes the EOQ infinite: order lot-for-lot (just the need) and say so.
    const safety = safetyStock(service, protection, 0);
    const note =
      'no holding cost (unit cost × rate is 0), so the EOQ is undefined: ordering just what the reorder point needs';
    return { safety, cycle: 0, eoq: null, orderQuantity: null, kind: 'reorder_point' as const, note };
  }
  const eoq =
    annualDemand > 0 && holding > 0
      ? economicOrderQuantity({
          annualDemand,
          orderingCost: item.orderingCost,
          holdingCostPerUnitYear: holding,
        })
      : 0;
  const safety = safetyStock(service, protection, eoq);
  return { safety, cycle: eoq, eoq, orderQuantity: eoq, kind: 'reorder_point' as const, note: undefined };
}

/** Plan one item: levels, the unconstrained quantity and its factors. */
export function planItem(item: ReplenishmentItem, index: number, today: string): ItemPlan {
  const field = `items[${index}]`;
  validateItem(item, field);
  const sd = dailySd(item.forecast, `${field}.forecast`);
  const mean = item.forecast.mean;
  const reviewDays = item.reviewPeriodDays ?? 0;
  const lead = demandOverWindow(mean, sd, item.leadTimeDays, item.leadTimeSdDays);
  const protection =
    reviewDays > 0 ? demandOverWindow(mean, sd, item.leadTimeDays + reviewDays, item.leadTimeSdDays) : lead;
  const annualDemand = (365 * mean.reduce((a, b) => a + b, 0)) / mean.length;
  const levels = policyLevels(item, protection, annualDemand);
  const backorders = item.backorders ?? 0;
  const position = item.onHand + item.onOrder - item.reserved - backorders;
  const requiredBy = item.requiredBy ?? null;
  if (requiredBy !== null) requireDate(`${field}.requiredBy`, requiredBy);
  const plan: ItemPlan = {
    item,
    field,
    lotRule: { moq: item.moq ?? 0, lotSize: item.lotSize ?? 1 },
    reviewDays,
    lead,
    protection,
    safety: levels.safety,
    trigger: { kind: levels.kind, level: protection.mean + levels.safety.units },
    position,
    orderQuantity: levels.orderQuantity,
    eoq: levels.eoq,
    cyclePerOrder: levels.cycle,
    quantityH: 0,
    factorsH: [],
    riskWithoutOrder: stockoutRisk(protection, position).probability,
    confidence: itemConfidence(protection, item.forecast.backtest, `${field}.forecast`),
    orderDate: today,
    expectedArrival: addDays(today, Math.ceil(item.leadTimeDays)),
    requiredBy,
    zeroDemand: protection.mean === 0 && protection.sd === 0,
    notes: [
      lead.note,
      protection === lead ? undefined : protection.note,
      levels.safety.note,
      levels.note,
    ].filter((n): n is string => n !== undefined),
  };
  addNeedFactors(plan, backorders, levels.cycle);
  addOrderFactors(plan);
  return plan;
}

function addNeedFactors(plan: ItemPlan, backorders: number, cycle: number): void {
  const { item } = plan;
  const add = (kind: FactorKind, weightH: number, sentence: string) =>
    plan.factorsH.push({ kind, weightH, sentence });
  add('demand', toHundredths(plan.protection.mean), demandSentence(plan));
  add('safety_stock', toHundredths(plan.safety.units), safetySentence(plan.safety, plan.protection, cycle));
  add('on_hand', -toHundredths(item.onHand), `Minus ${units(item.onHand)} units on hand`);
  if (item.reserved > 0)
    add(
      'reserved',
      toHundredths(item.reserved),
      `Plus ${units(item.reserved)} units reserved for open orders`,
    );
  add('on_order', -toHundredths(item.onOrder), `Minus ${units(item.onOrder)} units already on order`);
  if (backorders > 0)
    add('backorders', toHundredths(backorders), `Plus ${units(backorders)} units owed on backorders`);
}

function addOrderFactors(plan: ItemPlan): void {
  const needH = plan.factorsH.reduce((sum, f) => sum + f.weightH, 0);
  const level = plan.trigger.kind === 'reorder_point' ? 'reorder point' : 'order-up-to level';
  if (needH <= 0) {
    const sentence = plan.zeroDemand
      ? `No order: no demand is forecast over the next ${units(plan.protection.days)} days, so the inventory position of ${units(plan.position)} units needs no top-up`
      : `No order: the inventory position (${units(plan.position)} units) is at or above the ${level} (${units(plan.trigger.level)} units) by ${units(fromHundredths(-needH))} units`;
    plan.factorsH.push({ kind: 'position_covers', weightH: -needH, sentence });
    return;
  }
  let baseH = needH;
  const qH = plan.orderQuantity === null ? 0 : toHundredths(plan.orderQuantity);
  if (qH > 0) {
    const lots = Math.floor(needH / qH) + 1;
    baseH = lots * qH;
    const what = lots === 1 ? 'one order quantity' : `${lots} order quantities`;
    plan.factorsH.push({
      kind: 'order_quantity',
      weightH: baseH - needH,
      sentence: `Plus ${units(fromHundredths(baseH - needH))} units to order ${what} of ${units(fromHundredths(qH))} (the EOQ) and bring the position above the reorder point (${units(plan.trigger.level)} units)`,
    });
  }
  const rounding = roundToLot(fromHundredths(baseH), plan.lotRule);
  const quantityH = toHundredths(rounding.quantity);
  const moqH = toHundredths(rounding.moqDelta);
  if (moqH > 0) {
    plan.factorsH.push({
      kind: 'moq_rounding',
      weightH: moqH,
      sentence: `Plus ${units(fromHundredths(moqH))} units to reach the minimum order quantity of ${units(plan.lotRule.moq ?? 0)}`,
    });
  }
  const lotH = quantityH - baseH - moqH;
  if (lotH !== 0) {
    plan.factorsH.push({
      kind: 'lot_rounding',
      weightH: lotH,
      sentence: `Plus ${units(fromHundredths(lotH))} units to round up to a multiple of the lot size ${units(plan.lotRule.lotSize ?? 1)}`,
    });
  }
  plan.quantityH = quantityH;
}

/** Lower a plan's quantity to `quantity` and record the cut as a negative factor. */
export function cutPlan(
  plan: ItemPlan,
  quantity: number,
  kind: 'capacity_cut' | 'budget_cut',
  because: string,
): number {
  const newH = toHundredths(quantity);
  const cutH = plan.quantityH - newH;
  if (cutH <= 0) return 0;
  plan.factorsH.push({
    kind,
    weightH: -cutH,
    sentence: `Minus ${units(fromHundredths(cutH))} units: ${because}`,
  });
  plan.quantityH = newH;
  return fromHundredths(cutH);
}

export function planFactors(plan: ItemPlan): Factor[] {
  return plan.factorsH.map((f) => ({
    kind: f.kind,
    weight: fromHundredths(f.weightH),
    sentence: f.sentence,
  }));
}

/** The exact sum of factor weights (added in hundredths, so no floating-point residue). */
export function factorSum(factors: Factor[]): number {
  return fromHundredths(factors.reduce((sum, f) => sum + toHundredths(f.weight), 0));
}
