// One replication's world: daily demand per item (resampled from its recent days, or normal around
// its mean), demand shocks, supplier lead-time draws, vehicles in service per warehouse and the
// travel-time factor per warehouse and day. Written into buffers allocated once per chunk; every
// stream draws a fixed number of values per unit and day whatever happens, so the same seed gives
// the same world whichever policy then runs in it.
import { Stream } from './random.ts';
import type { ScenarioSpec } from './types.ts';

/** An item is resampled from its recent days when it has at least this many of them. */
export const MIN_RESAMPLE_DAYS = 28;

/** What the world of a replication depends on (a model without its policies and costs). */
export interface WorldShape {
  horizonDays: number;
  seed: number;
  scenario: ScenarioSpec;
  items: {
    count: number;
    warehouse: Int32Array;
    demandMean: Float64Array;
    demandSd: Float64Array;
    history: Float64Array;
    historyStart: Int32Array;
    historyLength: Int32Array;
  };
  /** Vehicles in service per warehouse. */
  vehicles: readonly number[];
}

export interface World {
  /** Demand of item i on day t at [i·H + t], shocks included. */
  demand: Float64Array;
  /** Standard normal draw behind the lead time of an order of item i placed on day t. */
  leadZ: Float64Array;
  /** Vehicles in service at warehouse w on day t at [w·H + t]. */
  vehiclesUp: Int32Array;
  /** Travel-time factor (≥ 1) at warehouse w on day t at [w·H + t]. */
  travel: Float64Array;
  /** Remaining days of a running shock or repair, per unit (scratch). */
  remaining: Int32Array;
  /** Whether a shock runs for a unit today (scratch). */
  active: Uint8Array;
}

/** Events of a replication, reported when a world is generated for a preview. */
export interface WorldEvents {
  shock(day: number, unit: number, durationDays: number, multiplier: number): void;
  breakdown(day: number, warehouse: number, vehicle: number, repairDays: number): void;
  delay(day: number, warehouse: number, factor: number): void;
}

export function allocateWorld(shape: WorldShape): World {
  const h = shape.horizonDays;
  const n = shape.items.count;
  const w = shape.vehicles.length;
  const vehicles = shape.vehicles.reduce((a, b) => a + b, 0);
  return {
    demand: new Float64Array(n * h),
    leadZ: new Float64Array(n * h),
    vehiclesUp: new Int32Array(w * h),
    travel: new Float64Array(w * h),
    remaining: new Int32Array(Math.max(n, w, vehicles, 1)),
    active: new Uint8Array(Math.max(n, w, 1)),
  };
}

function fillDemand(shape: WorldShape, replication: number, world: World) {
  const { items, horizonDays: h } = shape;
  const rng = new Stream(shape.seed, replication, 'demand');
  for (let i = 0; i < items.count; i++) {
    const start = items.historyStart[i] as number;
    const length = items.historyLength[i] as number;
    const base = i * h;
    if (length >= MIN_RESAMPLE_DAYS) {
      for (let t = 0; t < h; t++)
        world.demand[base + t] = items.history[start + Math.floor(rng.next() * length)] as number;
    } else {
      const mean = items.demandMean[i] as number;
      const sd = items.demandSd[i] as number;
      for (let t = 0; t < h; t++) {
        const x = mean + sd * rng.normal();
        world.demand[base + t] = x > 0 ? x : 0;
      }
    }
  }
}

function applyShocks(shape: WorldShape, replication: number, world: World, events?: WorldEvents) {
  const spec = shape.scenario.demandShocks;
  if (!spec || spec.probabilityPerDay <= 0) return;
  const { items, horizonDays: h } = shape;
  const rng = new Stream(shape.seed, replication, 'shocks');
  const units = spec.scope === 'sku' ? items.count : spec.scope === 'warehouse' ? shape.vehicles.length : 1;
  const unitOf = (i: number) =>
    spec.scope === 'sku' ? i : spec.scope === 'warehouse' ? (items.warehouse[i] as number) : 0;
  const { remaining } = world;
  remaining.fill(0, 0, units);
  // Day by day: every unit draws once a day, so the draws do not depend on which shocks run.
  for (let t = 0; t < h; t++) {
    for (let u = 0; u < units; u++) {
      const draw = rng.next();
      if ((remaining[u] as number) > 0) {
        remaining[u] = (remaining[u] as number) - 1;
        world.active[u] = 1;
      } else if (draw < spec.probabilityPerDay) {
        remaining[u] = spec.durationDays - 1;
        world.active[u] = 1;
        events?.shock(t, u, spec.durationDays, spec.multiplier);
      } else world.active[u] = 0;
    }
    for (let i = 0; i < items.count; i++)
      if (world.active[unitOf(i)] === 1)
        world.demand[i * h + t] = (world.demand[i * h + t] as number) * spec.multiplier;
  }
}

function fillLeadTimes(shape: WorldShape, replication: number, world: World) {
  const rng = new Stream(shape.seed, replication, 'leadTime');
  const cells = shape.items.count * shape.horizonDays;
  for (let c = 0; c < cells; c++) world.leadZ[c] = rng.normal();
}

function fillFleet(shape: WorldShape, replication: number, world: World, events?: WorldEvents) {
  const h = shape.horizonDays;
  const spec = shape.scenario.vehicleBreakdowns;
  if (!spec || spec.probabilityPerVehicleDay <= 0) {
    shape.vehicles.forEach((count, w) => {
      world.vehiclesUp.fill(count, w * h, (w + 1) * h);
    });
    return;
  }
  const rng = new Stream(shape.seed, replication, 'fleet');
  let first = 0;
  shape.vehicles.forEach((count, w) => {
    for (let v = 0; v < count; v++) world.remaining[first + v] = 0;
    for (let t = 0; t < h; t++) {
      let up = 0;
      for (let v = 0; v < count; v++) {
        const draw = rng.next();
        const k = first + v;
        if ((world.remaining[k] as number) > 0) world.remaining[k] = (world.remaining[k] as number) - 1;
        else if (draw < spec.probabilityPerVehicleDay) {
          world.remaining[k] = spec.repairDays - 1;
          events?.breakdown(t, w, v, spec.repairDays);
        } else up++;
      }
      world.vehiclesUp[w * h + t] = up;
    }
    first += count;
  });
}

function fillTravel(shape: WorldShape, replication: number, world: World, events?: WorldEvents) {
  const h = shape.horizonDays;
  const spec = shape.scenario.travelDelays;
  const cells = shape.vehicles.length * h;
  if (!spec || spec.probabilityPerDay <= 0) {
    world.travel.fill(1, 0, cells);
    return;
  }
  const rng = new Stream(shape.seed, replication, 'travel');
  for (let c = 0; c < cells; c++) {
    const draw = rng.next();
    const z = rng.normal();
    const factor =
      draw < spec.probabilityPerDay ? Math.max(1, spec.multiplier * Math.exp(spec.spread * z)) : 1;
    world.travel[c] = factor;
    if (factor > 1) events?.delay(c % h, Math.floor(c / h), factor);
  }
}

/**
 * Only the events of replication `replication` (shocks, breakdowns, delays), reported to `events`:
 * each kind has its own stream, so leaving out demand and lead times changes none of them.
 */
export function generateEvents(shape: WorldShape, replication: number, world: World, events: WorldEvents) {
  applyShocks(shape, replication, world, events);
  fillFleet(shape, replication, world, events);
  fillTravel(shape, replication, world, events);
}

/** Writes replication `replication`'s world into `world` (see allocateWorld). */
export function generateWorld(shape: WorldShape, replication: number, world: World, events?: WorldEvents) {
  fillDemand(shape, replication, world);
  applyShocks(shape, replication, world, events);
  fillLeadTimes(shape, replication, world);
  fillFleet(shape, replication, world, events);
  fillTravel(shape, replication, world, events);
}
