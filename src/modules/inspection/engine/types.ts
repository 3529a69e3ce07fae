// The inspection engines' vocabulary (seed 001, issue 15): defects as found on an image, regions
// with their acceptance rules, and the verdicts the rules give. Pure data: no database, no I/O.

export const DEFECT_TYPES = ['porosity', 'gas_pore', 'shrinkage', 'inclusion', 'crack', 'other'] as const;
export type DefectType = (typeof DEFECT_TYPES)[number];

export const DEFECT_SOURCES = ['vision', 'detector', 'manual'] as const;
export type DefectSource = (typeof DEFECT_SOURCES)[number];

export const REGION_SEVERITIES = ['critical', 'major', 'minor'] as const;
export type RegionSeverity = (typeof REGION_SEVERITIES)[number];

/** `inspect`: rules apply inside; `ignore`: indications inside are not judged (gates, edges, text). */
export const REGION_KINDS = ['inspect', 'ignore'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** Pixel box: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where a defect is on its image, in pixels of that image. */
export interface DefectGeometry {
  /** Centroid. */
  cx: number;
  cy: number;
  bbox: Box;
  /** Outline, when the source gave one (pixel coordinates, at least 3 points). */
  contour?: [number, number][];
  /** Area in pixels (from the contour or the blob; the bbox-inscribed ellipse when neither is known). */
  areaPx: number;
}

export interface JudgedDefect extends DefectGeometry {
  id: string;
  type: DefectType;
}

/**
 * A region's acceptance rules; an absent rule is not checked. Sizes are equivalent diameters
 * (the diameter of the circle with the defect's area) in mm, through the camera's mm per pixel.
 */
export interface RegionRules {
  /** Largest acceptable pore (equivalent diameter, mm). */
  maxPoreSizeMm?: number;
  /** Most indications acceptable in the region (after clustering, see `spacing`). */
  maxPoreCount?: number;
  /** Most indications per cm² of region area. */
  maxDensityPerCm2?: number;
  /** Largest acceptable share (0–1) of the region's area covered by pores. */
  maxAreaShare?: number;
  /** Pores closer than this (edge to edge, mm) form a cluster. */
  minSpacingMm?: number;
  /** A cluster counts as one indication (`merge`, its size the cluster's extent) or fails the region (`fail`). */
  spacingMode?: 'merge' | 'fail';
  /** Indications smaller than this (mm) are not counted by any rule. */
  ignoreBelowMm?: number;
  /** Defect types the rules count (default: all). */
  types?: DefectType[];
}

export interface RegionDef {
  id: string;
  name: string;
  severity: RegionSeverity;
  kind: RegionKind;
  /** Normalized image coordinates (0–1, x right, y down), at least 3 points, not self-intersecting. */
  polygon: [number, number][];
  rules: RegionRules;
}

export interface JudgeInput {
  width: number;
  height: number;
  mmPerPixel: number;
  regions: RegionDef[];
  defects: JudgedDefect[];
}

export interface RegionStats {
  /** Indications counted (after ignore rules and clustering). */
  count: number;
  maxSizeMm: number;
  densityPerCm2: number;
  areaShare: number;
  /** Smallest edge-to-edge distance between two counted pores (mm); null with fewer than two. */
  minSpacingMm: number | null;
  clusters: number;
  areaCm2: number;
}

export interface RegionVerdict {
  regionId: string;
  name: string;
  severity: RegionSeverity;
  pass: boolean;
  /** Human-readable, e.g. "3 pores > 1.5 mm, max 1", "density 4.1 /cm² > 3.0". */
  reasons: string[];
  /** Defects assigned to the region (by position), counted or not. */
  defectIds: string[];
  /** Those of `defectIds` the rules counted (after `types` and `ignoreBelowMm`). */
  countedIds?: string[];
  stats: RegionStats;
}

export interface ImageVerdict {
  pass: boolean;
  /** Inspect regions only, in input order. */
  regions: RegionVerdict[];
  /** Each failing region's reasons prefixed with its name. */
  reasons: string[];
  /** Defect id → the inspect regions it was assigned to. */
  assignments: Record<string, string[]>;
  /** Defects inside an ignore zone (not judged). */
  ignored: string[];
}
