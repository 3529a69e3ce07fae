// The region rules engine: judges one image's defects against its camera's regions.
//
// Rules, in order:
// - Regions are polygons in normalized coordinates (0–1), scaled by the image's width and height,
//   so one region set keeps meaning the same part of the picture when the resolution changes;
//   sizes go through mm per pixel, so the same physical defects give the same verdict.
// - An `ignore` region removes every defect whose centroid lies in it (boundary included) from
//   judging everywhere; those defects are listed in `ignored`.
// - A defect belongs to an `inspect` region when its centroid lies inside (boundary included) or
//   at least ASSIGN_SHARE of its area does (its contour, else the ellipse in its box). Regions may
//   overlap: a defect in several counts in each.
// - Per region, a defect is counted only when its type is among `types` (all when absent) and its
//   equivalent diameter is at least `ignoreBelowMm`.
// - `minSpacingMm` groups counted pores whose edge-to-edge distance (centroid distance less both
//   equivalent radii) is below it, by single linkage. `merge` (the default): a group counts as one
//   indication, its size the diameter of the circle around its pores (largest centroid distance of
//   two pores plus their radii) and its area the sum of theirs. `fail`: any two pores closer than
//   the spacing fail the region, and every pore counts on its own.
// - Checks (an absent rule is not checked): any indication larger than `maxPoreSizeMm`; more than
//   `maxPoreCount` indications; indications per cm² of region above `maxDensityPerCm2`; pore area
//   (whole pores, also the parts outside the region) over region area above `maxAreaShare`.
// - Region area in cm² = normalized polygon area × width × height × mmPerPixel² / 100.
// - The image passes when every inspect region passes; with no inspect regions it passes and no
//   defect is assigned.
import {
  edgeDistance,
  equivalentRadius,
  type Point,
  pointInPolygon,
  polygonArea,
  shareInside,
} from './geometry.ts';
import type {
  ImageVerdict,
  JudgedDefect,
  JudgeInput,
  RegionDef,
  RegionStats,
  RegionVerdict,
} from './types.ts';

/** A defect with at least this share of its area inside an inspect region belongs to it. */
export const ASSIGN_SHARE = 0.5;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function decimalsOf(value: number): number {
  for (let d = 1; d < 3; d++) if (Number(value.toFixed(d)) === value) return d;
  return 3;
}

/**
 * A measured value and its limit with the same number of decimals: one, or as many as the limit
 * needs (up to three), and more while the two would read the same although they differ.
 */
export function formatAgainst(value: number, limit: number): [string, string] {
  let d = decimalsOf(limit);
  while (d < 4 && value !== limit && value.toFixed(d) === limit.toFixed(d)) d++;
  return [value.toFixed(d), limit.toFixed(d)];
}

interface Indication {
  ids: string[];
  sizeMm: number;
  areaPx: number;
}

/** Groups of pore indexes closer than `spacingPx` edge to edge (single linkage). */
function clustersOf(pores: JudgedDefect[], spacingPx: number): number[][] {
  const parent = pores.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (let i = 0; i < pores.length; i++)
    for (let j = i + 1; j < pores.length; j++)
      if (edgeDistance(pores[i] as JudgedDefect, pores[j] as JudgedDefect) < spacingPx)
        parent[root(i)] = root(j);
  const groups = new Map<number, number[]>();
  pores.forEach((_, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()];
}

/** Diameter (px) of the circle around a group of pores, approximately. */
function extentPx(group: JudgedDefect[]): number {
  let extent = 0;
  for (let i = 0; i < group.length; i++) {
    const a = group[i] as JudgedDefect;
    extent = Math.max(extent, 2 * equivalentRadius(a.areaPx));
    for (let j = i + 1; j < group.length; j++) {
      const b = group[j] as JudgedDefect;
      extent = Math.max(
        extent,
        Math.hypot(a.cx - b.cx, a.cy - b.cy) + equivalentRadius(a.areaPx) + equivalentRadius(b.areaPx),
      );
    }
  }
  return extent;
}

/** The smallest edge-to-edge distance (px) of two pores, and how many pairs are closer than `spacingPx`. */
function spacingOf(pores: JudgedDefect[], spacingPx: number): { closestPx: number | null; tooClose: number } {
  let closestPx: number | null = null;
  let tooClose = 0;
  for (let i = 0; i < pores.length; i++)
    for (let j = i + 1; j < pores.length; j++) {
      const d = edgeDistance(pores[i] as JudgedDefect, pores[j] as JudgedDefect);
      if (closestPx === null || d < closestPx) closestPx = d;
      if (d < spacingPx) tooClose++;
    }
  return { closestPx, tooClose };
}

function judgeRegion(region: RegionDef, defects: JudgedDefect[], input: JudgeInput): RegionVerdict {
  const { rules } = region;
  const mm = input.mmPerPixel;
  const sizeMm = (d: JudgedDefect) => 2 * equivalentRadius(d.areaPx) * mm;
  const counted = defects.filter(
    (d) =>
      (!rules.types || rules.types.includes(d.type)) &&
      (rules.ignoreBelowMm === undefined || sizeMm(d) >= rules.ignoreBelowMm),
  );
  const areaPx = polygonArea(region.polygon) * input.width * input.height;
  const areaCm2 = (areaPx * mm * mm) / 100;
  const reasons: string[] = [];

  const spacingPx = rules.minSpacingMm !== undefined && mm > 0 ? rules.minSpacingMm / mm : undefined;
  const spacing = spacingOf(counted, spacingPx ?? 0);
  const groups = spacingPx !== undefined ? clustersOf(counted, spacingPx) : counted.map((_, i) => [i]);
  const clusters = groups.filter((g) => g.length > 1).length;
  const merge = (rules.spacingMode ?? 'merge') === 'merge';
  const indications: Indication[] =
    merge && spacingPx !== undefined
      ? groups.map((g) => {
          const members = g.map((i) => counted[i] as JudgedDefect);
          return {
            ids: members.map((d) => d.id),
            sizeMm: extentPx(members) * mm,
            areaPx: members.reduce((sum, d) => sum + d.areaPx, 0),
          };
        })
      : counted.map((d) => ({ ids: [d.id], sizeMm: sizeMm(d), areaPx: d.areaPx }));

  if (!merge && spacingPx !== undefined && spacing.closestPx !== null && spacing.tooClose > 0) {
    const [apart, limit] = formatAgainst(spacing.closestPx * mm, rules.minSpacingMm as number);
    const n = spacing.tooClose;
    reasons.push(`2 pores ${apart} mm apart < ${limit} mm${n > 1 ? ` (${n} pairs too close)` : ''}`);
  }
  const count = indications.length;
  const maxSizeMm = indications.reduce((max, i) => Math.max(max, i.sizeMm), 0);
  if (rules.maxPoreSizeMm !== undefined) {
    const limit = rules.maxPoreSizeMm;
    const over = indications.filter((i) => i.sizeMm > limit).length;
    if (over > 0) {
      const [largest, max] = formatAgainst(maxSizeMm, limit);
      reasons.push(`${plural(over, 'pore')} > ${max} mm (largest ${largest} mm)`);
    }
  }
  if (rules.maxPoreCount !== undefined && count > rules.maxPoreCount)
    reasons.push(`${plural(count, 'pore')} > max ${rules.maxPoreCount}`);
  const densityPerCm2 = areaCm2 > 0 ? count / areaCm2 : 0;
  if (rules.maxDensityPerCm2 !== undefined && densityPerCm2 > rules.maxDensityPerCm2) {
    const [density, max] = formatAgainst(densityPerCm2, rules.maxDensityPerCm2);
    reasons.push(`density ${density} /cm² > ${max}`);
  }
  const poreAreaPx = indications.reduce((sum, i) => sum + i.areaPx, 0);
  const areaShare = areaPx > 0 ? poreAreaPx / areaPx : 0;
  if (rules.maxAreaShare !== undefined && areaShare > rules.maxAreaShare) {
    const [share, max] = formatAgainst(areaShare * 100, rules.maxAreaShare * 100);
    reasons.push(`pore area ${share} % > ${max} %`);
  }
  const stats: RegionStats = {
    count,
    maxSizeMm,
    densityPerCm2,
    areaShare,
    minSpacingMm: spacing.closestPx === null ? null : spacing.closestPx * mm,
    clusters,
    areaCm2,
  };
  return {
    regionId: region.id,
    name: region.name,
    severity: region.severity,
    pass: reasons.length === 0,
    reasons,
    defectIds: defects.map((d) => d.id),
    countedIds: counted.map((d) => d.id),
    stats,
  };
}

export function judgeImage(input: JudgeInput): ImageVerdict {
  const scale = (polygon: Point[]): Point[] => polygon.map(([x, y]) => [x * input.width, y * input.height]);
  const ignoreZones = input.regions.filter((r) => r.kind === 'ignore').map((r) => scale(r.polygon));
  const inspect = input.regions.filter((r) => r.kind === 'inspect');
  const ignored: string[] = [];
  const judged: JudgedDefect[] = [];
  for (const d of input.defects) {
    if (ignoreZones.some((zone) => pointInPolygon(d.cx, d.cy, zone))) ignored.push(d.id);
    else judged.push(d);
  }
  const assignments: Record<string, string[]> = Object.fromEntries(input.defects.map((d) => [d.id, []]));
  const regions = inspect.map((region) => {
    const polygon = scale(region.polygon);
    const members = judged.filter(
      (d) => pointInPolygon(d.cx, d.cy, polygon) || shareInside(d, polygon) >= ASSIGN_SHARE,
    );
    for (const d of members) assignments[d.id]?.push(region.id);
    return judgeRegion(region, members, input);
  });
  return {
    pass: regions.every((r) => r.pass),
    regions,
    reasons: regions.flatMap((r) => r.reasons.map((reason) => `${r.name}: ${reason}`)),
    assignments,
    ignored,
  };
}
