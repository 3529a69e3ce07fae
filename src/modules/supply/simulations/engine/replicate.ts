// The daily simulation of replications [from, to) under every policy. Each day, per item: receive
// what arrives, ship what the stock allows (unmet demand is lost: the customer buys elsewhere),
// then review the inventory position (on hand + on order) and order by the policy, the order
// raised to the MOQ and rounded up to the lot size, arriving after a drawn lead time. Per
// warehouse: the day's shipped lines become stops and trips (fleet.ts), late when the vehicles in
// service cannot run them all (the rest waits for the next day) or when a delayed trip outlasts
// the shift. Buffers are allocated once per chunk; the daily loop allocates nothing.
import { tripKm } from './fleet.ts';
import { allocateWorld, generateWorld, type WorldShape } from './scenario.ts';
import {
  type ChunkInput,
  type ChunkOutput,
  KPI_COUNT,
  type SimPolicy,
  type SimulationModel,
} from './types.ts';

export function worldShape(model: SimulationModel): WorldShape {
  return {
    horizonDays: model.horizonDays,
    seed: model.seed,
    scenario: model.scenario,
    items: model.items,
    vehicles: model.warehouses.map((w) => w.vehicles),
  };
}

interface Workspace {
  onHand: Float64Array;
  onOrder: Float64Array;
  arrivals: Float64Array;
  /** Lead-time spread per item: sqrt(σ_L² + (cv·L)²). */
  leadSpread: Float64Array;
  /** Holding cost per unit and day. */
  holdingPerDay: Float64Array;
  /** Day (from 0) on which the starting on-order stock arrives. */
  openOrderDay: Int32Array;
  load: Float64Array;
  lines: Float64Array;
  inFull: Float64Array;
  carryStops: Float64Array;
  carryLoad: Float64Array;
}

function workspace(model: SimulationModel): Workspace {
  const { items, horizonDays: h } = model;
  const n = items.count;
  const w = model.warehouses.length;
  const cv = model.scenario.leadTimeNoise?.cv ?? 0;
  const leadSpread = new Float64Array(n);
  const holdingPerDay = new Float64Array(n);
  const openOrderDay = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const lead = items.leadTimeDays[i] as number;
    const sd = items.leadTimeSdDays[i] as number;
    leadSpread[i] = Math.sqrt(sd * sd + cv * lead * cv * lead);
    holdingPerDay[i] = ((items.unitCost[i] as number) * (items.holdingCostRate[i] as number)) / 365;
    openOrderDay[i] = Math.round(lead / 2);
  }
  return {
    onHand: new Float64Array(n),
    onOrder: new Float64Array(n),
    arrivals: new Float64Array(n * h),
    leadSpread,
    holdingPerDay,
    openOrderDay,
    load: new Float64Array(w),
    lines: new Float64Array(w),
    inFull: new Float64Array(w),
    carryStops: new Float64Array(w),
    carryLoad: new Float64Array(w),
  };
}

/** Totals of one replication under one policy, turned into KPIs at the end. */
interface Totals {
  demandUnits: number;
  shippedUnits: number;
  demandLines: number;
  otifLines: number;
  stockoutDays: number;
  lostValue: number;
  cogs: number;
  inventoryValueDays: number;
  holding: number;
  ordering: number;
  transport: number;
  co2: number;
  capacityUsed: number;
  capacityOffered: number;
  deliveredStops: number;
}

const zeroTotals = (): Totals => ({
  demandUnits: 0,
  shippedUnits: 0,
  demandLines: 0,
  otifLines: 0,
  stockoutDays: 0,
  lostValue: 0,
  cogs: 0,
  inventoryValueDays: 0,
  holding: 0,
  ordering: 0,
  transport: 0,
  co2: 0,
  capacityUsed: 0,
  capacityOffered: 0,
  deliveredStops: 0,
});

function resetState(model: SimulationModel, ws: Workspace) {
  const { items, horizonDays: h } = model;
  ws.onHand.set(items.onHand);
  ws.onOrder.set(items.onOrder);
  ws.arrivals.fill(0);
  ws.carryStops.fill(0);
  ws.carryLoad.fill(0);
  for (let i = 0; i < items.count; i++) {
    const day = ws.openOrderDay[i] as number;
    if (day < h) ws.arrivals[i * h + day] = items.onOrder[i] as number;
  }
}

/** The day's deliveries of every warehouse (fleet.ts has the trip estimate). */
function deliver(
  model: SimulationModel,
  world: ReturnType<typeof allocateWorld>,
  ws: Workspace,
  t: number,
  sum: Totals,
) {
  const h = model.horizonDays;
  for (let w = 0; w < model.warehouses.length; w++) {
    const wh = model.warehouses[w] as SimulationModel['warehouses'][number];
    const stops = Math.ceil((ws.lines[w] as number) / wh.linesPerStop) + (ws.carryStops[w] as number);
    const load = (ws.load[w] as number) + (ws.carryLoad[w] as number);
    let onTime = 1;
    if (stops > 0 && wh.vehicles > 0) {
      const needed = Math.max(Math.ceil(load / wh.capacityKg), Math.ceil(stops / wh.maxStopsPerTrip));
      const trips = Math.min(needed, world.vehiclesUp[w * h + t] as number);
      const served = trips / needed;
      const stopsServed = stops * served;
      const loadServed = load * served;
      ws.carryStops[w] = stops - stopsServed;
      ws.carryLoad[w] = load - loadServed;
      let late = 0;
      if (trips > 0) {
        const perTrip = stopsServed / trips;
        const km = tripKm(wh, perTrip);
        const hours =
          (km / wh.speedKmh) * (world.travel[w * h + t] as number) + (perTrip * wh.serviceMinutes) / 60;
        if (hours > wh.shiftHours) late = 1 - wh.shiftHours / hours;
        sum.transport += trips * (km * wh.costPerKm + hours * wh.costPerHour);
        sum.co2 += trips * km * wh.co2PerKm;
        sum.capacityUsed += loadServed;
        sum.capacityOffered += trips * wh.capacityKg;
        sum.deliveredStops += stopsServed;
      }
      onTime = served * (1 - late);
    } else if (stops > 0) sum.deliveredStops += stops;
    sum.otifLines += (ws.inFull[w] as number) * onTime;
  }
}

function simulatePolicy(
  model: SimulationModel,
  policy: SimPolicy,
  world: ReturnType<typeof allocateWorld>,
  ws: Workspace,
  out: Float64Array,
  offset: number,
) {
  const { items, horizonDays: h } = model;
  const n = items.count;
  const { onHand, onOrder, arrivals } = ws;
  resetState(model, ws);
  const sum = zeroTotals();
  for (let t = 0; t < h; t++) {
    ws.load.fill(0);
    ws.lines.fill(0);
    ws.inFull.fill(0);
    for (let i = 0; i < n; i++) {
      const k = i * h + t;
      const w = items.warehouse[i] as number;
      const unitCost = items.unitCost[i] as number;
      let stock = onHand[i] as number;
      const arriving = arrivals[k] as number;
      if (arriving > 0) {
        stock += arriving;
        onOrder[i] = (onOrder[i] as number) - arriving;
      }
      const demand = world.demand[k] as number;
      if (demand > 0) {
        const shipped = demand < stock ? demand : stock;
        stock -= shipped;
        sum.demandUnits += demand;
        sum.shippedUnits += shipped;
        sum.cogs += shipped * unitCost;
        sum.demandLines += 1;
        if (shipped < demand) {
          sum.stockoutDays += 1;
          sum.lostValue += (demand - shipped) * unitCost;
        } else ws.inFull[w] = (ws.inFull[w] as number) + 1;
        if (shipped > 0) {
          ws.lines[w] = (ws.lines[w] as number) + 1;
          ws.load[w] = (ws.load[w] as number) + shipped * (items.unitWeightKg[i] as number);
        }
      }
      const position = stock + (onOrder[i] as number);
      const level = policy.level[i] as number;
      let quantity = 0;
      if (policy.kind[i] === 0) {
        const q = policy.quantity[i] as number;
        if (q > 0 && position <= level) quantity = q * (Math.floor((level - position) / q) + 1);
      } else if (t % (policy.review[i] as number) === 0 && level > position) quantity = level - position;
      if (quantity > 0) {
        const moq = items.moq[i] as number;
        const lot = items.lotSize[i] as number;
        if (quantity < moq) quantity = moq;
        if (lot > 0) quantity = Math.ceil(quantity / lot - 1e-9) * lot;
        sum.ordering += items.orderingCost[i] as number;
        let lead = Math.round(
          (items.leadTimeDays[i] as number) + (ws.leadSpread[i] as number) * (world.leadZ[k] as number),
        );
        if (lead < 1) lead = 1;
        if (t + lead < h) arrivals[k + lead] = (arrivals[k + lead] as number) + quantity;
        onOrder[i] = (onOrder[i] as number) + quantity;
      }
      onHand[i] = stock;
      sum.holding += stock * (ws.holdingPerDay[i] as number);
      sum.inventoryValueDays += stock * unitCost;
    }
    deliver(model, world, ws, t, sum);
  }
  writeKpis(model, sum, out, offset);
}

function writeKpis(model: SimulationModel, sum: Totals, out: Float64Array, offset: number) {
  const shortage = sum.lostValue * model.shortageCostRate;
  const averageInventory = sum.inventoryValueDays / model.horizonDays;
  const kpis = [
    sum.demandUnits > 0 ? sum.shippedUnits / sum.demandUnits : 1,
    sum.demandLines > 0 ? sum.otifLines / sum.demandLines : 1,
    sum.stockoutDays,
    sum.deliveredStops > 0 ? (sum.holding + sum.ordering + sum.transport) / sum.deliveredStops : 0,
    averageInventory > 0 ? (sum.cogs / averageInventory) * (365 / model.horizonDays) : 0,
    sum.co2,
    sum.capacityOffered > 0 ? sum.capacityUsed / sum.capacityOffered : 0,
    sum.holding + sum.ordering + sum.transport + shortage,
    sum.holding,
    sum.ordering,
    sum.transport,
    shortage,
  ];
  for (let k = 0; k < KPI_COUNT; k++) out[offset + k] = kpis[k] as number;
}

/** KPIs of replications [from, to) under every policy of the model (see ChunkOutput). */
export function simulateChunk({ model, from, to }: ChunkInput): ChunkOutput {
  const shape = worldShape(model);
  const world = allocateWorld(shape);
  const ws = workspace(model);
  const policies = model.policies.length;
  const values = new Float64Array(Math.max(0, to - from) * policies * KPI_COUNT);
  for (let r = from; r < to; r++) {
    generateWorld(shape, r, world);
    for (let p = 0; p < policies; p++)
      simulatePolicy(
        model,
        model.policies[p] as SimPolicy,
        world,
        ws,
        values,
        ((r - from) * policies + p) * KPI_COUNT,
      );
  }
  return { from, to, values };
}
