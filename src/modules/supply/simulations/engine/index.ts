// The supply simulation engine (issue 17): pure, deterministic for a seed, no database, no clock.
// A run is N replications of a daily inventory-and-delivery simulation over a horizon, comparing
// reorder policies on the same demand and events; see replicate.ts for a day, scenario.ts for the
// events, fleet.ts for the delivery estimate, policies.ts for the policies.
export {
  calibrateWarehouse,
  type FleetVehicle,
  haversineKm,
  type LatLon,
  nearestDepot,
  tripKm,
  type WarehouseCalibration,
} from './fleet.ts';
export { buildModel, demandStats, type ModelInput, type ModelItem } from './model.ts';
export {
  costBalancedServiceLevel,
  type PolicyBase,
  type PolicyFacts,
  type PolicyItem,
  type PolicySpec,
  policyKeys,
  policyLabel,
} from './policies.ts';
export {
  MAX_LISTED_EVENTS,
  outlineShape,
  type PreviewNames,
  previewScenarios,
  type ScenarioPreview,
} from './preview.ts';
export { simulateChunk, worldShape } from './replicate.ts';
export {
  allocateWorld,
  generateWorld,
  MIN_RESAMPLE_DAYS,
  type WorldEvents,
  type WorldShape,
} from './scenario.ts';
export {
  distribution,
  HISTOGRAM_BINS,
  joinChunks,
  KPI_UNITS,
  type KpiSummary,
  type PairedDifference,
  type PolicyDistribution,
  percentile,
  summarise,
} from './summary.ts';
export * from './types.ts';
