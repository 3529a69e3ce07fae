// Inventory policy: the textbook formulas a replenishment decision is built from.
//
// Units. Demand is in units per day: d is the mean daily demand, σ_d its standard deviation
// (forecast error per day). Lead time is in days: L its mean, σ_L its standard deviation. The review
// period R is in days. Costs: unit cost c (money/unit), holding-cost rate h (fraction of c per year,
// so H = h·c money per unit per year), ordering cost S (money per order). Annual demand D = 365·d.
//
// Demand over the protection interval (L for continuous review, R + L for periodic review), with
// independent daily forecast errors and a random lead time:
//   μ = d·(R + L)          σ = sqrt((R + L)·σ_d² + d²·σ_L²)
// Safety factor from the target service level:
//   cycle service level α (probability of no stock-out in a replenishment cycle): z = Φ⁻¹(α)
//   fill rate β (share of demand met from stock): the k with G(k) = (1 − β)·Q/σ, where
//     G(k) = φ(k) − k·(1 − Φ(k)) is the standard normal loss function and Q the demand per cycle
//     (the order quantity for (s, Q); d·R for (R, S)). σ·G(k) is the expected shortage per cycle.
//     A negative k means the order quantity alone reaches the fill rate: k is reported as is and the
//     safety stock floored at 0 (stated in `note`).
// Safety stock SS = k·σ; reorder point s = μ_L + SS; order-up-to level S = μ_(R+L) + SS.
// EOQ = sqrt(2·D·S/H).
// Continuous review (s, Q): when the inventory position (on hand + on order − reserved − backorders)
// falls to s or below, order Q (EOQ unless given). Periodic review (R, S): every R days order up to S.
// Lot rules: a positive order is raised to the MOQ, then rounded up to a multiple of the lot size;
// the deltas of both steps are reported.
import { PolicyInputError, requireNonNegative, requirePositive, requireServiceLevel } from './errors.ts';
import { inverseNormalCdf, inverseStandardNormalLoss } from './normal.ts';

export interface LeadTimeDemandInput {
  /** d: mean demand per day, units/day. */
  dailyDemandMean: number;
  /** σ_d: standard deviation of demand per day, units/day. */
  dailyDemandSd: number;
  /** L: mean lead time, days. */
  leadTimeDays: number;
  /** σ_L: standard deviation of the lead time, days. */
  leadTimeSdDays: number;
  /** R: review period of a periodic-review policy, days (0 for continuous review). */
  reviewPeriodDays?: number;
}

/** Demand over a protection interval of `days` days: its mean and standard deviation, in units. */
export interface DemandOverInterval {
  days: number;
  mean: number;
  sd: number;
}

/** μ = d·(R + L) and σ = sqrt((R + L)·σ_d² + d²·σ_L²). */
export function demandOverProtectionInterval(input: LeadTimeDemandInput): DemandOverInterval {
  const d = requireNonNegative('dailyDemandMean', input.dailyDemandMean);
  const sdD = requireNonNegative('dailyDemandSd', input.dailyDemandSd);
  const lead = requireNonNegative('leadTimeDays', input.leadTimeDays);
  const sdL = requireNonNegative('leadTimeSdDays', input.leadTimeSdDays);
  const review = requireNonNegative('reviewPeriodDays', input.reviewPeriodDays ?? 0);
  const days = lead + review;
  return { days, mean: d * days, sd: Math.sqrt(days * sdD * sdD + d * d * sdL * sdL) };
}

export type ServiceLevelKind = 'cycle' | 'fill_rate';

export interface ServiceTarget {
  kind: ServiceLevelKind;
  /** α for a cycle service level, β for a fill rate; strictly between 0 and 1. */
  level: number;
}

export interface SafetyFactor {
  kind: ServiceLevelKind;
  level: number;
  /** z (cycle service) or k (fill rate). */
  k: number;
  note?: string;
}

/** z = Φ⁻¹(α). */
export function cycleServiceFactor(level: number): number {
  return inverseNormalCdf(requireServiceLevel('serviceLevel', level));
}

/**
 * k for a fill rate β: G(k) = (1 − β)·Q/σ, Q being the demand per replenishment cycle and σ the
 * standard deviation of demand over the protection interval. Without variability (σ = 0) or without
 * demand per cycle (Q = 0) the fill rate does not pin k down: the cycle-service z for the same level
 * is used instead, with a note.
 */
export function fillRateFactor(level: number, quantityPerCycle: number, sd: number): SafetyFactor {
  requireServiceLevel('serviceLevel', level);
  requireNonNegative('quantityPerCycle', quantityPerCycle);
  requireNonNegative('sd', sd);
  if (sd === 0 || quantityPerCycle === 0) {
    const why = sd === 0 ? 'demand has no variability' : 'there is no demand per cycle';
    return {
      kind: 'fill_rate',
      level,
      k: inverseNormalCdf(level),
      note: `fill rate not defined because ${why}: using z = Φ⁻¹(${level}) instead`,
    };
  }
  const k = inverseStandardNormalLoss(((1 - level) * quantityPerCycle) / sd);
  return { kind: 'fill_rate', level, k };
}

export function safetyFactor(target: ServiceTarget, sd: number, quantityPerCycle: number): SafetyFactor {
  if (target.kind === 'cycle')
    return { kind: 'cycle', level: target.level, k: cycleServiceFactor(target.level) };
  if (target.kind === 'fill_rate') return fillRateFactor(target.level, quantityPerCycle, sd);
  throw new PolicyInputError(
    'serviceLevelKind',
    `must be 'cycle' or 'fill_rate', got ${String(target.kind)}`,
  );
}

export interface SafetyStock {
  units: number;
  factor: SafetyFactor;
  note?: string;
}

/** SS = k·σ, floored at 0 (a negative k is kept in `factor` and explained in `note`). */
export function safetyStock(
  target: ServiceTarget,
  demand: DemandOverInterval,
  quantityPerCycle = 0,
): SafetyStock {
  const factor = safetyFactor(target, demand.sd, quantityPerCycle);
  const raw = factor.k * demand.sd;
  if (raw >= 0) return factor.note ? { units: raw, factor, note: factor.note } : { units: raw, factor };
  const floored = `k = ${factor.k.toFixed(3)} is negative (the order quantity alone reaches the target): safety stock floored at 0`;
  return { units: 0, factor, note: factor.note ? `${factor.note}; ${floored}` : floored };
}

/** s = μ_L + SS (continuous review). */
export function reorderPoint(demandOverLeadTime: DemandOverInterval, safetyStockUnits: number): number {
  return demandOverLeadTime.mean + requireNonNegative('safetyStock', safetyStockUnits);
}

/** S = μ_(R+L) + SS (periodic review). */
export function orderUpToLevel(
  demandOverReviewAndLead: DemandOverInterval,
  safetyStockUnits: number,
): number {
  return demandOverReviewAndLead.mean + requireNonNegative('safetyStock', safetyStockUnits);
}

export interface EoqInput {
  /** D: units per year. */
  annualDemand: number;
  /** S: money per order. */
  orderingCost: number;
  /** H: money per unit per year (= unit cost × holding-cost rate). */
  holdingCostPerUnitYear: number;
}

/** EOQ = sqrt(2·D·S/H); 0 when there is no demand. */
export function economicOrderQuantity(input: EoqInput): number {
  const demand = requireNonNegative('annualDemand', input.annualDemand);
  const ordering = requireNonNegative('orderingCost', input.orderingCost);
  const holding = requirePositive('holdingCostPerUnitYear', input.holdingCostPerUnitYear);
  return Math.sqrt((2 * demand * ordering) / holding);
}

export interface PolicyCosts {
  unitCost: number;
  /** h: fraction of the unit cost per year. */
  holdingCostRate: number;
  orderingCost: number;
}

export interface ContinuousReviewInput extends LeadTimeDemandInput, PolicyCosts {
  service: ServiceTarget;
  /** Q when fixed by the buyer; the EOQ otherwise. */
  orderQuantity?: number;
}

export interface ContinuousReviewPolicy {
  kind: 'sQ';
  reorderPoint: number;
  orderQuantity: number;
  eoq: number;
  safetyStock: SafetyStock;
  demandOverLeadTime: DemandOverInterval;
}

/** (s, Q): s = μ_L + k·σ_L-demand, Q = EOQ (or the given Q, which also sets the fill-rate cycle). */
export function continuousReviewPolicy(input: ContinuousReviewInput): ContinuousReviewPolicy {
  const demand = demandOverProtectionInterval({ ...input, reviewPeriodDays: 0 });
  const unitCost = requireNonNegative('unitCost', input.unitCost);
  const rate = requireNonNegative('holdingCostRate', input.holdingCostRate);
  requireNonNegative('orderingCost', input.orderingCost);
  const eoq =
    input.dailyDemandMean === 0
      ? 0
      : economicOrderQuantity({
          annualDemand: 365 * input.dailyDemandMean,
          orderingCost: input.orderingCost,
          holdingCostPerUnitYear: unitCost * rate,
        });
  const orderQuantity =
    input.orderQuantity === undefined ? eoq : requireNonNegative('orderQuantity', input.orderQuantity);
  const ss = safetyStock(input.service, demand, orderQuantity);
  return {
    kind: 'sQ',
    reorderPoint: reorderPoint(demand, ss.units),
    orderQuantity,
    eoq,
    safetyStock: ss,
    demandOverLeadTime: demand,
  };
}

export interface PeriodicReviewInput extends LeadTimeDemandInput {
  reviewPeriodDays: number;
  service: ServiceTarget;
}

export interface PeriodicReviewPolicy {
  kind: 'RS';
  reviewPeriodDays: number;
  orderUpToLevel: number;
  safetyStock: SafetyStock;
  demandOverProtection: DemandOverInterval;
}

/** (R, S): S = μ_(R+L) + k·σ_(R+L); the fill-rate cycle demand is d·R. */
export function periodicReviewPolicy(input: PeriodicReviewInput): PeriodicReviewPolicy {
  const review = requirePositive('reviewPeriodDays', input.reviewPeriodDays);
  const demand = demandOverProtectionInterval(input);
  const ss = safetyStock(input.service, demand, input.dailyDemandMean * review);
  return {
    kind: 'RS',
    reviewPeriodDays: review,
    orderUpToLevel: orderUpToLevel(demand, ss.units),
    safetyStock: ss,
    demandOverProtection: demand,
  };
}

export interface LotRule {
  /** Minimum order quantity, units (0 or absent: none). */
  moq?: number;
  /** Orders are whole multiples of this, units (absent: 1, i.e. whole units). */
  lotSize?: number;
}

export interface LotRounding {
  requested: number;
  quantity: number;
  /** Added to reach the MOQ. */
  moqDelta: number;
  /** Added to reach a multiple of the lot size after the MOQ. */
  lotDelta: number;
  /** quantity − requested. */
  delta: number;
}

// Keeps 3·0.1 from becoming 0.30000000000000004 and an exact multiple from rounding up once more.
const tidy = (x: number): number => Math.round(x * 1e9) / 1e9;

/** Raise a positive quantity to the MOQ, then round it up to a multiple of the lot size. */
export function roundToLot(requested: number, rule: LotRule = {}): LotRounding {
  requireNonNegative('quantity', requested);
  const moq = requireNonNegative('moq', rule.moq ?? 0);
  const lot = requirePositive('lotSize', rule.lotSize ?? 1);
  if (requested === 0) return { requested, quantity: 0, moqDelta: 0, lotDelta: 0, delta: 0 };
  const atLeastMoq = Math.max(requested, moq);
  const quantity = tidy(Math.ceil(tidy(atLeastMoq / lot)) * lot);
  const moqDelta = tidy(atLeastMoq - requested);
  return {
    requested,
    quantity,
    moqDelta,
    lotDelta: tidy(quantity - atLeastMoq),
    delta: tidy(quantity - requested),
  };
}

/** The largest quantity ≤ `limit` that the lot rule allows (0 when the MOQ does not fit). */
export function largestLotAtMost(limit: number, rule: LotRule = {}): number {
  const lot = requirePositive('lotSize', rule.lotSize ?? 1);
  const fitted = tidy(Math.floor(tidy(Math.max(0, limit) / lot)) * lot);
  return fitted < (rule.moq ?? 0) ? 0 : fitted;
}
