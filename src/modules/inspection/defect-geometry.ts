// Turns the defects a vision system (or an operator) reports into stored geometry: every defect
// gets a centroid, a bounding box and an area in pixels, from whatever it came with — a contour,
// a box, a diameter or an area — and its size in mm through the camera's mm per pixel.
import { badRequest } from '../../platform/http/errors.ts';
import type { Box, DefectGeometry, DefectType } from './engine/types.ts';

export interface DefectInput {
  cx: number;
  cy: number;
  bbox?: Box | undefined;
  diameterPx?: number | undefined;
  areaPx?: number | undefined;
  contour?: number[][] | undefined;
  type?: DefectType | undefined;
  confidence?: number | undefined;
}

export interface PlacedDefect extends DefectGeometry {
  type: DefectType;
  confidence: number | null;
  diameterMm: number;
  areaMm2: number;
}

/** The equivalent diameter (of the circle with the same area), in the area's unit. */
export const equivalentDiameter = (area: number) => 2 * Math.sqrt(area / Math.PI);

function contourArea(points: [number, number][]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i] as [number, number];
    const [x2, y2] = points[(i + 1) % points.length] as [number, number];
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

function boundsOf(points: [number, number][]): Box {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * Places one reported defect on an image of `width` × `height` pixels; `where` names it in errors.
 * Refuses a defect outside the image or one with nothing to size it by.
 */
export function placeDefect(
  input: DefectInput,
  image: { width: number; height: number; mmPerPixel: number },
  where: string,
): PlacedDefect {
  const { width, height, mmPerPixel } = image;
  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x <= width && y <= height;
  if (!inside(input.cx, input.cy))
    throw badRequest(
      `${where}: the centre (${input.cx}, ${input.cy}) is outside the ${width} × ${height} image`,
    );
  const contour = input.contour as [number, number][] | undefined;
  if (contour && !contour.every(([x, y]) => inside(x, y)))
    throw badRequest(`${where}: the contour leaves the ${width} × ${height} image`);
  let bbox = input.bbox ?? (contour ? boundsOf(contour) : undefined);
  if (!bbox && input.diameterPx !== undefined) {
    const r = input.diameterPx / 2;
    bbox = { x: input.cx - r, y: input.cy - r, w: input.diameterPx, h: input.diameterPx };
  }
  if (!bbox && input.areaPx !== undefined) {
    const d = equivalentDiameter(input.areaPx);
    bbox = { x: input.cx - d / 2, y: input.cy - d / 2, w: d, h: d };
  }
  if (!bbox) throw badRequest(`${where}: give a size — bbox, contour, diameterPx or areaPx`);
  const tolerance = 1; // a box may reach a pixel past the edge of what it surrounds
  if (
    bbox.x < -tolerance ||
    bbox.y < -tolerance ||
    bbox.x + bbox.w > width + tolerance ||
    bbox.y + bbox.h > height + tolerance
  )
    throw badRequest(`${where}: the box leaves the ${width} × ${height} image`);
  const areaPx =
    input.areaPx ??
    (contour
      ? contourArea(contour)
      : input.diameterPx !== undefined
        ? (Math.PI * input.diameterPx ** 2) / 4
        : (Math.PI * bbox.w * bbox.h) / 4);
  return {
    cx: input.cx,
    cy: input.cy,
    bbox,
    ...(contour ? { contour } : {}),
    areaPx,
    type: input.type ?? 'porosity',
    confidence: input.confidence ?? null,
    diameterMm: equivalentDiameter(areaPx) * mmPerPixel,
    areaMm2: areaPx * mmPerPixel * mmPerPixel,
  };
}
