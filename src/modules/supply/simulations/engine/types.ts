// The simulation engine's contract. Units: quantities in units per day, lead times in days, money
// in the currency of the unit costs, loads in kg, distances in km, times in hours. The model is a
// structure of typed arrays (one entry per SKU × warehouse item) so a chunk of replications crosses
// to a worker thread as a few buffers and the daily loop allocates nothing.

/** Demand shocks: a shock starts on a day with `probabilityPerDay` and multiplies demand for
 * `durationDays` days, for one item (`sku`), every item of a warehouse, or the whole network. */
export interface DemandShocks {
  probabilityPerDay: number;
  multiplier: number;
  durationDays: number;
  scope: 'sku' | 'warehouse' | 'network';
}

/** Each vehicle breaks down on a day with `probabilityPerVehicleDay` and is out for `repairDays`. */
export interface VehicleBreakdowns {
  probabilityPerVehicleDay: number;
  repairDays: number;
}

/** Supplier lead times vary by a further coefficient of variation beyond each item's own spread. */
export interface LeadTimeNoise {
  cv: number;
}

/** On a delayed day (per warehouse, with `probabilityPerDay`) travel times are multiplied by a
 * log-normal factor with median `multiplier` and log-spread `spread` (never below 1). */
export interface TravelDelays {
  probabilityPerDay: number;
  multiplier: number;
  spread: number;
}

export interface ScenarioSpec {
  demandShocks?: DemandShocks;
  vehicleBreakdowns?: VehicleBreakdowns;
  leadTimeNoise?: LeadTimeNoise;
  travelDelays?: TravelDelays;
}

/** One entry per item (SKU × warehouse), in the same order in every array. */
export interface SimItems {
  count: number;
  warehouse: Int32Array;
  /** Mean and standard deviation of daily demand (used when an item has too little history). */
  demandMean: Float64Array;
  demandSd: Float64Array;
  /** Recent daily demand of every item, concatenated; an item's days are resampled when it has
   * at least MIN_RESAMPLE_DAYS of them. */
  history: Float64Array;
  historyStart: Int32Array;
  historyLength: Int32Array;
  leadTimeDays: Float64Array;
  leadTimeSdDays: Float64Array;
  unitCost: Float64Array;
  /** Holding cost per year as a fraction of the unit cost. */
  holdingCostRate: Float64Array;
  /** Money per purchase order line. */
  orderingCost: Float64Array;
  unitWeightKg: Float64Array;
  moq: Float64Array;
  lotSize: Float64Array;
  /** Starting stock: on hand less reserved, and on order (arriving after half a lead time). */
  onHand: Float64Array;
  onOrder: Float64Array;
}

/**
 * A warehouse's delivery model (a vehicle-trip estimate, not a routing solve): the day's shipped
 * lines make stops (`linesPerStop`), trips are as many as the load and the stops need, each trip
 * drives out to its clients and between its stops (see fleet.ts for the distance estimate).
 */
export interface SimWarehouse {
  code: string;
  /** Vehicles based here and in service; 0: deliveries are left out of the transport figures. */
  vehicles: number;
  capacityKg: number;
  costPerKm: number;
  costPerHour: number;
  co2PerKm: number;
  shiftHours: number;
  /** Mean road distance from the depot to its clients, km. */
  depotKm: number;
  /** Area the clients spread over, km² (for the distance between the stops of a trip). */
  areaKm2: number;
  serviceMinutes: number;
  linesPerStop: number;
  maxStopsPerTrip: number;
  speedKmh: number;
}

/** A policy's parameters per item: (s, Q) reorders Q when the position falls to s; (R, S) orders
 * up to S every R days. */
export interface SimPolicy {
  key: string;
  label: string;
  /** 0: (s, Q); 1: (R, S). */
  kind: Uint8Array;
  /** s for (s, Q), S for (R, S). */
  level: Float64Array;
  /** Q for (s, Q) (0: never orders). */
  quantity: Float64Array;
  /** R in whole days for (R, S). */
  review: Int32Array;
}

export interface SimulationModel {
  horizonDays: number;
  seed: number;
  items: SimItems;
  warehouses: SimWarehouse[];
  policies: SimPolicy[];
  scenario: ScenarioSpec;
  /** Cost of a unit of lost sales as a fraction of its unit cost. */
  shortageCostRate: number;
}

/** The figures of one replication under one policy, in this order. */
export const KPIS = [
  'fill_rate',
  'otif',
  'stockouts',
  'cost_per_order',
  'inventory_turns',
  'co2_kg',
  'vehicle_utilisation',
  'total_cost',
  'holding_cost',
  'ordering_cost',
  'transport_cost',
  'shortage_cost',
] as const;
export type Kpi = (typeof KPIS)[number];
export const KPI_COUNT = KPIS.length;

/** Which way is better for a KPI (for the paired comparison). */
export const HIGHER_IS_BETTER: Record<Kpi, boolean> = {
  fill_rate: true,
  otif: true,
  stockouts: false,
  cost_per_order: false,
  inventory_turns: true,
  co2_kg: false,
  vehicle_utilisation: true,
  total_cost: false,
  holding_cost: false,
  ordering_cost: false,
  transport_cost: false,
  shortage_cost: false,
};

/** Replications [from, to) of a model: one compute task. */
export interface ChunkInput {
  model: SimulationModel;
  from: number;
  to: number;
}

/** KPI values of replications [from, to): value of (replication r, policy p, KPI k) at
 * ((r − from)·policies + p)·KPI_COUNT + k. */
export interface ChunkOutput {
  from: number;
  to: number;
  values: Float64Array;
}
