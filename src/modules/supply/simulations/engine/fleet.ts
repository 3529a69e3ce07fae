// The delivery side of the simulation: a vehicle-trip model calibrated per warehouse from its
// fleet and its clients' coordinates, not a routing solve. Solving 1,000 replications × 30 days of
// routing is far beyond the time a simulation may take; the estimate keeps what a policy changes —
// how much is shipped, so how many stops and trips, kilometres, hours, CO2 and lateness.
//
// A trip from the depot with k stops drives out to its clients and back (2 × the mean depot–client
// distance) and between its stops the length of a tour through k random points of the clients'
// area A, per stop 0.7124·sqrt(A/k) (Beardwood–Halton–Hammersley); straight-line distances are
// turned into road distances by a detour factor.
import type { SimWarehouse } from './types.ts';

export const ROAD_FACTOR = 1.3;
const BHH = 0.7124;
const EARTH_KM = 6371.0088;
/** Used when a warehouse has no coordinates or no clients with coordinates. */
export const DEFAULT_DEPOT_KM = 15;
export const DEFAULT_SPEED_KMH = 40;
export const MAX_STOPS_PER_TRIP = 25;
export const DEFAULT_SERVICE_MINUTES = 10;
export const DEFAULT_SHIFT_HOURS = 9;

export interface LatLon {
  latitude: number;
  longitude: number;
}

export function haversineKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const s =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Road kilometres of one trip with `stops` stops. */
export function tripKm(warehouse: Pick<SimWarehouse, 'depotKm' | 'areaKm2'>, stops: number): number {
  if (stops <= 0) return 0;
  const between = stops > 1 ? (stops - 1) * BHH * Math.sqrt(warehouse.areaKm2 / stops) : 0;
  return ROAD_FACTOR * (2 * warehouse.depotKm + between);
}

/** Index of the nearest depot with coordinates for each client (−1: no coordinates anywhere). */
export function nearestDepot(depots: (LatLon | null)[], clients: LatLon[]): number[] {
  return clients.map((c) => {
    let best = -1;
    let bestKm = Number.POSITIVE_INFINITY;
    depots.forEach((d, i) => {
      if (!d) return;
      const km = haversineKm(d, c);
      if (km < bestKm) {
        bestKm = km;
        best = i;
      }
    });
    return best;
  });
}

export interface FleetVehicle {
  capacityKg: number;
  costPerKm: number;
  costPerHour: number;
  co2PerKm: number;
  shiftHours: number;
}

export interface WarehouseCalibration {
  code: string;
  depot: LatLon | null;
  /** Its clients (those nearest to it). */
  clients: LatLon[];
  /** Its vehicles in service. */
  vehicles: FleetVehicle[];
  serviceMinutes?: number;
  /** Order lines per customer order (per stop); default 2. */
  linesPerStop?: number;
}

const mean = (values: number[], fallback: number) =>
  values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : fallback;

/** The clients' spread: their bounding box in km² (at least 1 km²). */
function areaKm2(clients: LatLon[]): number {
  const lats = clients.map((c) => c.latitude);
  const lons = clients.map((c) => c.longitude);
  const midLat = ((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180);
  const kmPerDegree = (Math.PI * EARTH_KM) / 180;
  const height = (Math.max(...lats) - Math.min(...lats)) * kmPerDegree;
  const width = (Math.max(...lons) - Math.min(...lons)) * kmPerDegree * Math.cos(midLat);
  return Math.max(1, height * width);
}

/** A warehouse's delivery model from its depot, clients and vehicles (see the file's comment). */
export function calibrateWarehouse(input: WarehouseCalibration): SimWarehouse {
  const { depot, clients, vehicles } = input;
  const depotKm =
    depot && clients.length > 0
      ? mean(
          clients.map((c) => haversineKm(depot, c)),
          DEFAULT_DEPOT_KM,
        )
      : DEFAULT_DEPOT_KM;
  return {
    code: input.code,
    vehicles: vehicles.length,
    capacityKg: Math.max(
      1,
      mean(
        vehicles.map((v) => v.capacityKg),
        1000,
      ),
    ),
    costPerKm: mean(
      vehicles.map((v) => v.costPerKm),
      0,
    ),
    costPerHour: mean(
      vehicles.map((v) => v.costPerHour),
      0,
    ),
    co2PerKm: mean(
      vehicles.map((v) => v.co2PerKm),
      0,
    ),
    shiftHours: Math.max(
      1,
      mean(
        vehicles.map((v) => v.shiftHours),
        DEFAULT_SHIFT_HOURS,
      ),
    ),
    depotKm: Math.max(0.5, depotKm),
    areaKm2: clients.length >= 3 ? areaKm2(clients) : Math.PI * depotKm * depotKm,
    serviceMinutes: input.serviceMinutes ?? DEFAULT_SERVICE_MINUTES,
    linesPerStop: Math.max(1, input.linesPerStop ?? 2),
    maxStopsPerTrip: MAX_STOPS_PER_TRIP,
    speedKmh: DEFAULT_SPEED_KMH,
  };
}
