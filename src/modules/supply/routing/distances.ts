// Distances, travel times and the geometry of zones. Haversine points are (x = longitude,
// y = latitude) in degrees; zone tests treat them as planar, which is accurate enough for the few
// kilometres a city zone spans.
import type { Point } from './types.ts';

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km between two (longitude, latitude) points. */
export function haversineKm(a: Point, b: Point): number {
  const dLat = (b.y - a.y) * RAD;
  const dLon = (b.x - a.x) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.y * RAD) * Math.cos(b.y * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Planar distance in double precision (Solomon's convention: neither rounded nor truncated). */
export function euclidean(a: Point, b: Point): number {
  return Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);
}

/** Ray casting; points exactly on the boundary may fall either way. */
export function pointInPolygon(p: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i] as Point;
    const b = polygon[j] as Point;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** True when p lies on an edge of the polygon (within a relative tolerance). */
function onBoundary(p: Point, polygon: readonly Point[]): boolean {
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[j] as Point;
    const b = polygon[i] as Point;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (Math.abs(cross) > 1e-12 * Math.max(1, len * len)) continue;
    const dot = (p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y);
    if (dot >= 0 && dot <= len * len) return true;
  }
  return false;
}

/** Parameter t in [0, 1] along a→b where it meets segment c→d, or NaN when they do not meet. */
function crossingParameter(a: Point, b: Point, c: Point, d: Point): number {
  const rx = b.x - a.x;
  const ry = b.y - a.y;
  const sx = d.x - c.x;
  const sy = d.y - c.y;
  const den = rx * sy - ry * sx;
  if (den === 0) return Number.NaN;
  const t = ((c.x - a.x) * sy - (c.y - a.y) * sx) / den;
  const u = ((c.x - a.x) * ry - (c.y - a.y) * rx) / den;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? t : Number.NaN;
}

/** The fraction of the straight segment a→b that lies inside the polygon (0 when it only touches). */
export function insideFraction(a: Point, b: Point, polygon: readonly Point[]): number {
  if (polygon.length < 3) return 0;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of polygon) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  if (Math.max(a.x, b.x) < minX || Math.min(a.x, b.x) > maxX) return 0;
  if (Math.max(a.y, b.y) < minY || Math.min(a.y, b.y) > maxY) return 0;
  const ts = [0, 1];
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const t = crossingParameter(a, b, polygon[j] as Point, polygon[i] as Point);
    if (!Number.isNaN(t)) ts.push(t);
  }
  ts.sort((x, y) => x - y);
  let inside = 0;
  for (let k = 1; k < ts.length; k++) {
    const t0 = ts[k - 1] as number;
    const t1 = ts[k] as number;
    if (t1 - t0 <= 1e-12) continue;
    const tm = (t0 + t1) / 2;
    const mid = { x: a.x + (b.x - a.x) * tm, y: a.y + (b.y - a.y) * tm };
    if (!onBoundary(mid, polygon) && pointInPolygon(mid, polygon)) inside += t1 - t0;
  }
  return inside;
}

/** A straight arc is forbidden by a zone when a part of positive length runs through its interior. */
export function crossesZone(a: Point, b: Point, polygon: readonly Point[]): boolean {
  if (a.x === b.x && a.y === b.y) return false;
  return insideFraction(a, b, polygon) > 1e-9;
}

/** Risk of one arc: riskPerKm × the length of the arc inside each risk zone. */
export function arcRisk(
  a: Point,
  b: Point,
  length: number,
  zones: ReadonlyArray<{ polygon: Point[]; riskPerKm: number }>,
): number {
  let risk = 0;
  for (const z of zones) {
    const f = insideFraction(a, b, z.polygon);
    if (f > 0) risk += z.riskPerKm * f * length;
  }
  return risk;
}

export interface Matrices {
  n: number;
  /** Row-major n × n. */
  dist: Float64Array;
  time: Float64Array;
}

/**
 * Distance and travel-time matrices over a list of locations (haversine × detour factor, or
 * euclidean), or copied from a supplied matrix by node index. Travel minutes = distance × 60 / speed.
 */
export function buildMatrices(
  metric: 'haversine' | 'euclidean' | 'matrix',
  points: ReadonlyArray<Point | null>,
  opts: { speedKmh?: number; detourFactor?: number; nodes?: ReadonlyArray<number | undefined> } & {
    distanceMatrix?: number[][];
    timeMatrix?: number[][];
  },
): Matrices {
  const n = points.length;
  const dist = new Float64Array(n * n).fill(Number.POSITIVE_INFINITY);
  const time = new Float64Array(n * n).fill(Number.POSITIVE_INFINITY);
  const minutesPerUnit = 60 / (opts.speedKmh ?? 60);
  const detour = opts.detourFactor ?? 1.3;
  if (metric === 'matrix') {
    for (let i = 0; i < n; i++) {
      const a = opts.nodes?.[i];
      for (let j = 0; j < n; j++) {
        const b = opts.nodes?.[j];
        const k = i * n + j;
        if (i === j || (a !== undefined && a === b)) {
          dist[k] = 0;
          time[k] = 0;
        } else if (a !== undefined && b !== undefined) {
          const d = opts.distanceMatrix?.[a]?.[b] ?? Number.POSITIVE_INFINITY;
          dist[k] = d;
          time[k] = opts.timeMatrix?.[a]?.[b] ?? d * minutesPerUnit;
        }
      }
    }
    return { n, dist, time };
  }
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const ok = new Uint8Array(n);
  points.forEach((p, i) => {
    if (!p) return;
    xs[i] = p.x;
    ys[i] = p.y;
    ok[i] = 1;
  });
  for (let i = 0; i < n; i++) {
    dist[i * n + i] = 0;
    time[i * n + i] = 0;
    if (!ok[i]) continue;
    const a = { x: xs[i] as number, y: ys[i] as number };
    for (let j = i + 1; j < n; j++) {
      if (!ok[j]) continue;
      const d =
        metric === 'haversine'
          ? haversineKm(a, { x: xs[j] as number, y: ys[j] as number }) * detour
          : Math.sqrt(((xs[j] as number) - a.x) ** 2 + ((ys[j] as number) - a.y) ** 2);
      dist[i * n + j] = d;
      dist[j * n + i] = d;
      time[i * n + j] = d * minutesPerUnit;
      time[j * n + i] = d * minutesPerUnit;
    }
  }
  return { n, dist, time };
}
