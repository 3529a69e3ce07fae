// The reorder policies a simulation compares, turned into per-item parameters with the policy
// engine's formulas (../../policy/inventory.ts): demand over the protection interval, safety stock
// for a service target, reorder point s = μ_L + SS and order quantity Q = EOQ for (s, Q), order-up-to
// level S = μ_(R+L) + SS for (R, S).
//
// `current`: each inventory row's own settings (policy kind, service level and kind, review period).
// `recommended`: the same formulas at the cycle service level that balances holding against lost
// sales for the order quantity — per cycle, a stock-out costs p·E[short] and a unit held H a year,
// and the optimum stock-out probability per cycle is Q·H / (Q·H + p·D) (Hadley–Whitin, lost sales),
// so α* = p·D / (p·D + Q·H) with p the shortage cost of a unit and D the annual demand — clamped to
// 0.5 … 0.999.
// Either may be overridden: service level and kind, policy kind, review period, and multipliers of
// the reorder (or order-up-to) level and of the order quantity.
import {
  demandOverProtectionInterval,
  economicOrderQuantity,
  type ServiceLevelKind,
  safetyStock,
} from '../../policy/index.ts';
import type { SimPolicy } from './types.ts';

export interface PolicyItem {
  demandMean: number;
  demandSd: number;
  leadTimeDays: number;
  leadTimeSdDays: number;
  unitCost: number;
  holdingCostRate: number;
  orderingCost: number;
  moq: number;
  lotSize: number;
  serviceLevel: number;
  serviceKind: ServiceLevelKind;
  policy: 'sQ' | 'RS';
  reviewPeriodDays: number;
}

export type PolicyBase = 'current' | 'recommended';

export interface PolicySpec {
  base: PolicyBase;
  label?: string;
  serviceLevel?: number;
  serviceKind?: ServiceLevelKind;
  policy?: 'sQ' | 'RS';
  reviewPeriodDays?: number;
  reorderPointMultiplier?: number;
  orderQuantityMultiplier?: number;
}

/** What a policy amounts to over the items (for people reading the results). */
export interface PolicyFacts {
  key: string;
  label: string;
  spec: PolicySpec;
  /** Mean target service level over the items. */
  meanServiceLevel: number;
  /** Safety stock over the items, in units and at unit cost. */
  safetyStockUnits: number;
  safetyStockValue: number;
  /** Items under (s, Q) and under (R, S). */
  continuousItems: number;
  periodicItems: number;
}

const MIN_LEVEL = 0.5;
const MAX_LEVEL = 0.999;
const clampLevel = (x: number) => Math.min(MAX_LEVEL, Math.max(MIN_LEVEL, x));

/** α* = p·D / (p·D + Q·H) per unit of cost: p = shortageCostRate·c and H = h·c, so c cancels. */
export function costBalancedServiceLevel(
  annualDemand: number,
  cycleQuantity: number,
  holdingCostRate: number,
  shortageCostRate: number,
): number {
  const shortage = shortageCostRate * annualDemand;
  const holding = cycleQuantity * holdingCostRate;
  if (shortage + holding <= 0) return MIN_LEVEL;
  return clampLevel(shortage / (shortage + holding));
}

/** Q: the EOQ, at most a year of demand, at least a day's demand, the MOQ and a lot. */
function orderQuantity(item: PolicyItem): number {
  const d = item.demandMean;
  if (d <= 0) return 0;
  const holding = item.unitCost * item.holdingCostRate;
  const eoq =
    holding > 0
      ? economicOrderQuantity({
          annualDemand: 365 * d,
          orderingCost: item.orderingCost,
          holdingCostPerUnitYear: holding,
        })
      : 365 * d;
  return Math.max(Math.min(eoq, 365 * d), d, item.moq, item.lotSize);
}

export function policyLabel(spec: PolicySpec): string {
  if (spec.label) return spec.label;
  const parts = [
    spec.base === 'current' ? 'Current parameters' : 'Recommended (cost-balanced service level)',
  ];
  if (spec.serviceLevel !== undefined) parts.push(`service level ${spec.serviceLevel}`);
  if (spec.serviceKind) parts.push(spec.serviceKind === 'cycle' ? 'cycle service' : 'fill rate');
  if (spec.policy) parts.push(spec.policy === 'sQ' ? '(s, Q)' : '(R, S)');
  if (spec.reviewPeriodDays !== undefined) parts.push(`review every ${spec.reviewPeriodDays} d`);
  if (spec.reorderPointMultiplier !== undefined) parts.push(`reorder level ×${spec.reorderPointMultiplier}`);
  if (spec.orderQuantityMultiplier !== undefined)
    parts.push(`order quantity ×${spec.orderQuantityMultiplier}`);
  return parts.join(', ');
}

/** Keys that name the policies in results: the base's name when it is plain and unique. */
export function policyKeys(specs: PolicySpec[]): string[] {
  const plain = (s: PolicySpec) => Object.keys(s).every((k) => k === 'base');
  return specs.map((s, i) =>
    plain(s) && specs.filter((o) => plain(o) && o.base === s.base).length === 1
      ? s.base
      : `${s.base}-${i + 1}`,
  );
}

/** The parameters of policy `spec` for every item, and what they amount to. */
export function policyParameters(
  items: PolicyItem[],
  spec: PolicySpec,
  key: string,
  shortageCostRate: number,
): { policy: SimPolicy; facts: PolicyFacts } {
  const n = items.length;
  const policy: SimPolicy = {
    key,
    label: policyLabel(spec),
    kind: new Uint8Array(n),
    level: new Float64Array(n),
    quantity: new Float64Array(n),
    review: new Int32Array(n),
  };
  const facts: PolicyFacts = {
    key,
    label: policy.label,
    spec,
    meanServiceLevel: 0,
    safetyStockUnits: 0,
    safetyStockValue: 0,
    continuousItems: 0,
    periodicItems: 0,
  };
  items.forEach((item, i) => {
    const kind = spec.policy ?? item.policy;
    const review = Math.max(1, Math.round(spec.reviewPeriodDays ?? item.reviewPeriodDays ?? 7));
    const quantity = orderQuantity(item) * (spec.orderQuantityMultiplier ?? 1);
    const cycle = kind === 'sQ' ? quantity : item.demandMean * review;
    const level =
      spec.serviceLevel ??
      (spec.base === 'recommended'
        ? costBalancedServiceLevel(365 * item.demandMean, cycle, item.holdingCostRate, shortageCostRate)
        : clampLevel(item.serviceLevel));
    const serviceKind = spec.serviceKind ?? (spec.base === 'recommended' ? 'cycle' : item.serviceKind);
    const demand = demandOverProtectionInterval({
      dailyDemandMean: item.demandMean,
      dailyDemandSd: item.demandSd,
      leadTimeDays: item.leadTimeDays,
      leadTimeSdDays: item.leadTimeSdDays,
      reviewPeriodDays: kind === 'RS' ? review : 0,
    });
    const ss = safetyStock({ kind: serviceKind, level }, demand, cycle).units;
    policy.kind[i] = kind === 'sQ' ? 0 : 1;
    policy.level[i] = (demand.mean + ss) * (spec.reorderPointMultiplier ?? 1);
    policy.quantity[i] = quantity;
    policy.review[i] = review;
    facts.meanServiceLevel += level / Math.max(1, n);
    facts.safetyStockUnits += ss;
    facts.safetyStockValue += ss * item.unitCost;
    if (kind === 'sQ') facts.continuousItems += 1;
    else facts.periodicItems += 1;
  });
  return { policy, facts };
}
