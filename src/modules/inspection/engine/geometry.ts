// Plane geometry for regions and defects: checking a region's polygon before it is stored, whether a
// point lies in a polygon (a point on the boundary counts as inside), polygon area, how much of a
// defect lies inside a polygon, and how far apart two defects are edge to edge. Pure functions over
// plain numbers; the polygons are in whatever units the caller uses (normalized or pixels).
import type { DefectGeometry } from './types.ts';

export type Point = [number, number];

/** Sample grid (per side) for the share of a defect inside a polygon: fixed, so results repeat. */
export const SHARE_GRID = 16;

/** Signed area by the shoelace formula (positive when the points run counter-clockwise, y up). */
export function signedArea(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [x1, y1] = polygon[i] as Point;
    const [x2, y2] = polygon[(i + 1) % polygon.length] as Point;
    twice += x1 * y2 - x2 * y1;
  }
  return twice / 2;
}

export const polygonArea = (polygon: readonly Point[]) => Math.abs(signedArea(polygon));

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/**
 * Whether p lies on the segment a–b, within a tolerance relative to the size of the coordinates
 * involved. The box test comes first: it rejects most points without the cross product and the
 * length (this runs for every edge at every sample point of shareInside).
 */
function onSegment(p: Point, a: Point, b: Point): boolean {
  const [px, py] = p;
  const [ax, ay] = a;
  const [bx, by] = b;
  const eps =
    1e-9 * Math.max(1, Math.abs(px), Math.abs(py), Math.abs(ax), Math.abs(ay), Math.abs(bx), Math.abs(by));
  if (
    px < Math.min(ax, bx) - eps ||
    px > Math.max(ax, bx) + eps ||
    py < Math.min(ay, by) - eps ||
    py > Math.max(ay, by) + eps
  )
    return false;
  const length = Math.hypot(bx - ax, by - ay);
  return !(Math.abs(cross(a, b, p)) > eps * Math.max(1, length));
}

/** Whether segments a–b and c–d share at least one point (crossing, touching or overlapping). */
export function segmentsIntersect(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return onSegment(a, c, d) || onSegment(b, c, d) || onSegment(c, a, b) || onSegment(d, a, b);
}

/**
 * What is wrong with a normalized polygon (empty when it is usable): fewer than 3 points, a
 * coordinate that is not a finite number in [0, 1], repeated consecutive points, edges that cross
 * or touch (other than neighbours at their shared corner), or no enclosed area.
 */
export function polygonProblems(polygon: readonly (readonly number[])[]): string[] {
  if (!Array.isArray(polygon) || polygon.length < 3)
    return [`a polygon needs at least 3 points, got ${Array.isArray(polygon) ? polygon.length : 0}`];
  const problems: string[] = [];
  polygon.forEach((point, i) => {
    if (!Array.isArray(point) || point.length !== 2) problems.push(`point ${i + 1} is not an [x, y] pair`);
    else if (!point.every((v) => typeof v === 'number' && Number.isFinite(v)))
      problems.push(`point ${i + 1} has a coordinate that is not a finite number`);
    else if (!point.every((v) => v >= 0 && v <= 1))
      problems.push(
        `point ${i + 1} (${point.join(', ')}) is outside the image (coordinates run from 0 to 1)`,
      );
  });
  if (problems.length > 0) return problems;
  const points = polygon as Point[];
  const n = points.length;
  const at = (i: number) => points[i % n] as Point;
  for (let i = 0; i < n; i++) {
    const a = at(i);
    const b = at(i + 1);
    if (a[0] === b[0] && a[1] === b[1]) problems.push(`point ${((i + 1) % n) + 1} repeats point ${i + 1}`);
  }
  if (problems.length > 0) return problems;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = at(i);
      const b = at(i + 1);
      const c = at(j);
      const d = at(j + 1);
      const neighbours = j === i + 1 || (i === 0 && j === n - 1);
      if (neighbours) {
        // Neighbours share one corner; they must not fold back over each other.
        const [shared, far1, far2] = j === i + 1 ? [b, a, d] : [a, b, c];
        const folds = onSegment(far2, shared, far1) || onSegment(far1, shared, far2);
        if (folds) problems.push(`edges ${i + 1} and ${j + 1} fold back over each other`);
      } else if (segmentsIntersect(a, b, c, d)) problems.push(`edges ${i + 1} and ${j + 1} cross or touch`);
    }
  }
  if (problems.length === 0 && polygonArea(points) <= 1e-12) problems.push('the polygon encloses no area');
  return problems;
}

/** Whether (x, y) lies inside the polygon; a point on an edge or corner counts as inside. */
export function pointInPolygon(x: number, y: number, polygon: readonly Point[]): boolean {
  const p: Point = [x, y];
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i] as Point;
    const b = polygon[j] as Point;
    if (onSegment(p, a, b)) return true;
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/**
 * The share (0–1) of a defect's area inside `polygon` (same units as the defect, e.g. pixels):
 * the defect's contour when it has one, else the ellipse inscribed in its box, sampled on a fixed
 * grid of SHARE_GRID × SHARE_GRID points over its box. A defect too thin to sample counts as
 * wholly inside or outside by its centroid.
 */
export function shareInside(defect: DefectGeometry, polygon: readonly Point[]): number {
  const { x, y, w, h } = defect.bbox;
  const contour = defect.contour && defect.contour.length >= 3 ? defect.contour : undefined;
  const away = clearOf(x, y, x + w, y + h, polygon);
  let shape = 0;
  let inside = 0;
  if (w > 0 && h > 0) {
    for (let j = 0; j < SHARE_GRID; j++) {
      const v = (j + 0.5) / SHARE_GRID;
      for (let i = 0; i < SHARE_GRID; i++) {
        const u = (i + 0.5) / SHARE_GRID;
        const px = x + u * w;
        const py = y + v * h;
        const inShape = contour ? pointInPolygon(px, py, contour) : (2 * u - 1) ** 2 + (2 * v - 1) ** 2 <= 1;
        if (!inShape) continue;
        shape++;
        if (!away && pointInPolygon(px, py, polygon)) inside++;
      }
    }
  }
  if (shape === 0) return pointInPolygon(defect.cx, defect.cy, polygon) ? 1 : 0;
  return inside / shape;
}

/**
 * Whether the box (x0, y0)–(x1, y1) lies clear of the polygon's bounding box, by a margin far wider
 * than onSegment's tolerance: then no point of it is in the polygon (no edge is within tolerance,
 * and a ray from a point beside the box crosses the polygon an even number of times, or none), and
 * shareInside need not test its sample points one by one.
 */
function clearOf(x0: number, y0: number, x1: number, y1: number, polygon: readonly Point[]): boolean {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [px, py] of polygon) {
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  const scale = Math.max(1, Math.abs(minX), Math.abs(maxX), Math.abs(minY), Math.abs(maxY));
  const margin = 1e-6 * Math.max(scale, Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1));
  return x1 < minX - margin || x0 > maxX + margin || y1 < minY - margin || y0 > maxY + margin;
}

/** Radius of the circle with the defect's area. */
export const equivalentRadius = (areaPx: number) => Math.sqrt(Math.max(0, areaPx) / Math.PI);

/** Edge-to-edge distance of two defects: centroid distance less both equivalent radii, at least 0. */
export function edgeDistance(a: DefectGeometry, b: DefectGeometry): number {
  const centres = Math.hypot(a.cx - b.cx, a.cy - b.cy);
  return Math.max(0, centres - equivalentRadius(a.areaPx) - equivalentRadius(b.areaPx));
}
