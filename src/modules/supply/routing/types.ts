// The routing engine's contract (issue 17). The engine is pure: no database, no clock except the
// time limit, deterministic for a seed (with an iteration limit, bit for bit; with only a time
// limit the annealing temperature follows the elapsed time, so runs may differ with the machine's
// speed — pass maxIterations, alone or with the time limit, when results must be reproducible).
// Units: distances in km (or benchmark units), times in minutes from the planning day's midnight
// (or benchmark time units), loads in kg and m³ (any two capacity dimensions).

export type Metric = 'haversine' | 'euclidean' | 'matrix';

/** A location: longitude/latitude (haversine) or planar x/y (euclidean). */
export interface Point {
  x: number;
  y: number;
}

export interface Window {
  start: number;
  end: number;
}

export interface RoutingDepot {
  id: string;
  location: Point;
  /** Index of this depot in the matrix (metric `matrix`). */
  node?: number;
  /** Opening hours; vehicles leave and return within them (default: whole day). */
  open?: Window;
}

export interface RoutingVehicle {
  id: string;
  depotId: string;
  /** [weight, volume]; the second may be Infinity when volume does not matter. */
  capacity: [number, number];
  shift: Window;
  /** Driving time limit in minutes (travel only, not service or waiting). */
  maxDrivingMinutes?: number;
  fixedCost?: number;
  costPerKm?: number;
  costPerHour?: number;
  co2PerKm?: number;
  features?: string[];
  /** Re-optimisation: these orders were already served (or are being served) in this order; the
   * route must start with them. */
  fixedOrderIds?: string[];
  /** Vehicle not usable (broken down): its fixed stops stay, nothing new is added. */
  closed?: boolean;
}

export interface RoutingOrder {
  id: string;
  /** null when the order has no coordinates: reported unserved (`no_coordinates`). */
  location: Point | null;
  node?: number;
  demand: [number, number];
  /** One or more windows in which service must start; empty means any time. */
  windows: Window[];
  serviceMinutes: number;
  requiredFeatures?: string[];
  /** 1 (highest) … 5. */
  priority?: number;
  /** Cost of leaving the order unserved (default from the priority). */
  penalty?: number;
}

/** A polygon vehicles must not cross (a straight arc through it is forbidden), unless the
 * vehicle has one of `allowedFeatures`. */
export interface ForbiddenZone {
  id: string;
  polygon: Point[];
  allowedFeatures?: string[];
}

export interface ObjectiveSpec {
  /** `hierarchical`: fewest vehicles, then cost; `weighted`: the sum of weighted components. */
  mode: 'hierarchical' | 'weighted';
  /** Weights of the soft objective components (defaults: distance 1, others 0). */
  weights?: {
    distance?: number;
    time?: number;
    co2?: number;
    risk?: number;
    vehicles?: number;
    /** Weight of the vehicles' variable money cost (costPerKm, costPerHour); default 0. Fixed costs
     * always count with weight 1. */
    cost?: number;
  };
}

export interface RoutingProblem {
  metric: Metric;
  /** Metric `matrix`: distances (km) and travel times (min) between nodes. */
  distanceMatrix?: number[][];
  timeMatrix?: number[][];
  /** Haversine/euclidean: travel minutes per distance unit = 60 / speedKmh (default 60: 1 unit = 1 min). */
  speedKmh?: number;
  /** Haversine only: road distance ≈ great-circle × this factor (default 1.3). */
  detourFactor?: number;
  depots: RoutingDepot[];
  vehicles: RoutingVehicle[];
  orders: RoutingOrder[];
  /** Pairs of ids (depot or order) whose direct arc is forbidden, both directions. */
  forbiddenArcs?: Array<[string, string]>;
  forbiddenZones?: ForbiddenZone[];
  /** Risk per km on arcs through a zone, or per arc by ids. */
  riskZones?: Array<{ polygon: Point[]; riskPerKm: number }>;
  objective: ObjectiveSpec;
}

export interface SolveOptions {
  seed?: number;
  /** Wall-clock limit of the improvement phase (the construction always completes). */
  timeLimitMs?: number;
  /** Deterministic limit on improvement iterations (tests). */
  maxIterations?: number;
  /** Called with the best solution's objective when it improves (progress). */
  onImprove?: (best: { total: number; vehicles: number; distance: number; elapsedMs: number }) => void;
}

export type UnservedReason =
  | 'no_coordinates'
  | 'invalid_window'
  | 'over_capacity'
  | 'no_compatible_vehicle'
  | 'unreachable'
  | 'time_window'
  | 'shift_or_driving_limit'
  | 'no_vehicles'
  | 'not_worth_serving';

export interface Stop {
  orderId: string;
  /** Arrival, service start (within `windowIndex`), departure; minutes. */
  arrival: number;
  start: number;
  departure: number;
  wait: number;
  windowIndex: number;
  /** Load on board after the stop (deliveries: decreasing). */
  loadAfter: [number, number];
  /** Distance of the arc into this stop. */
  legDistance: number;
}

export interface Route {
  vehicleId: string;
  depotId: string;
  stops: Stop[];
  departure: number;
  returnTime: number;
  distance: number;
  drivingMinutes: number;
  durationMinutes: number;
  load: [number, number];
  co2: number;
  risk: number;
  /** Money: fixedCost + costPerKm·distance + costPerHour·durationMinutes/60 (absent costs are 0). */
  cost: number;
}

export interface Unserved {
  orderId: string;
  reason: UnservedReason;
  detail: string;
}

export interface ObjectiveValue {
  vehicles: number;
  distance: number;
  /** Sum of route durations (return − departure), minutes. */
  time: number;
  co2: number;
  risk: number;
  /** Money: Σ route.cost (fixed + per km + per hour). */
  cost: number;
  /** Σ penalties of unserved orders (default 1e6 or more / priority, so orders are served whenever
   * feasible). */
  penalty: number;
  /** weights.distance·distance + weights.time·time + weights.co2·co2 + weights.risk·risk +
   * weights.vehicles·vehicles + fixed costs + weights.cost·(variable money cost) + penalty. In
   * hierarchical mode solutions compare by vehicles first, then by this total. */
  total: number;
}

export interface RoutingSolution {
  routes: Route[];
  unserved: Unserved[];
  objective: ObjectiveValue;
  stats: {
    iterations: number;
    firstFeasibleMs: number;
    bestFoundMs: number;
    elapsedMs: number;
    seed: number;
  };
}

export interface Violation {
  vehicleId?: string;
  orderId?: string;
  constraint:
    | 'capacity'
    | 'time_window'
    | 'shift'
    | 'driving_limit'
    | 'compatibility'
    | 'forbidden_arc'
    | 'forbidden_zone'
    | 'duplicate'
    | 'missing'
    | 'fixed_stops'
    | 'arithmetic';
  detail: string;
}
