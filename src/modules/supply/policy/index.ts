// Inventory policy and the replenishment decision engine (issue 16): pure functions, no database,
// no HTTP. See inventory.ts for the formulas and their units.

export {
  dailySd,
  demandOverWindow,
  itemConfidence,
  stockoutRisk,
  type WindowDemand,
} from './demand-window.ts';
export { PolicyInputError } from './errors.ts';
export {
  type ContinuousReviewInput,
  type ContinuousReviewPolicy,
  continuousReviewPolicy,
  cycleServiceFactor,
  type DemandOverInterval,
  demandOverProtectionInterval,
  type EoqInput,
  economicOrderQuantity,
  fillRateFactor,
  type LeadTimeDemandInput,
  type LotRounding,
  type LotRule,
  largestLotAtMost,
  orderUpToLevel,
  type PeriodicReviewInput,
  type PeriodicReviewPolicy,
  periodicReviewPolicy,
  reorderPoint,
  roundToLot,
  type SafetyFactor,
  type SafetyStock,
  type ServiceLevelKind,
  type ServiceTarget,
  safetyFactor,
  safetyStock,
} from './inventory.ts';
export { factorSum } from './item-plan.ts';
export {
  inverseNormalCdf,
  inverseStandardNormalLoss,
  normalCdf,
  normalPdf,
  normalSurvival,
  standardNormalLoss,
} from './normal.ts';
export { proposeReplenishment } from './replenishment.ts';
export type * from './replenishment-types.ts';
