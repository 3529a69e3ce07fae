// The SVG drawn over a rendered image: each defect's outline (its contour, else an ellipse in its
// box) labelled with type and size, coloured by disposition; each region's polygon with its name,
// coloured by its verdict. Built for the output size, so lines and labels keep their weight whatever
// the zoom. Coordinates: defect geometry in source pixels (pixel (i, j) covers [i, i+1) × [j, j+1)),
// region polygons normalized (0–1).
import type { Box } from '../engine/types.ts';

export const DISPOSITION_COLORS = {
  pending: '#ffb000',
  accept: '#22c55e',
  reject: '#ff1f1f',
  rework: '#b25cff',
  false_positive: '#9ca3af',
} as const;
export const REGION_COLORS = {
  pass: '#22c55e',
  fail: '#ff1f1f',
  ignore: '#9ca3af',
  /** Not judged (yet). */
  none: '#3b82f6',
} as const;
/** Halo behind labels so they read on bright and dark areas alike. */
export const LABEL_HALO = '#000000';

export interface OverlayDefect {
  id: string;
  cx: number;
  cy: number;
  bbox: Box;
  contour?: [number, number][] | null | undefined;
  type: string;
  sizeMm?: number | null | undefined;
  /** pending, accept, reject, rework, false_positive; anything else is drawn as pending. */
  disposition: string;
}

export interface OverlayRegion {
  id: string;
  name: string;
  kind: 'inspect' | 'ignore';
  polygon: [number, number][];
  verdict?: 'pass' | 'fail' | undefined;
}

export interface OverlayInput {
  /** Source image size (pixels). */
  width: number;
  height: number;
  /** Rendered size (pixels). */
  outWidth: number;
  outHeight: number;
  defects: OverlayDefect[];
  regions: OverlayRegion[];
}

/** A character XML 1.0 allows (by code point: lone surrogates and most control characters are not). */
function xmlChar(ch: string): boolean {
  const c = ch.codePointAt(0) as number;
  if (c < 0x20) return c === 0x9 || c === 0xa || c === 0xd;
  return !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfffe && c !== 0xffff;
}

/** Text safe inside an SVG element: markup characters escaped, characters XML forbids dropped. */
export function escapeXml(text: string): string {
  return [...text]
    .filter(xmlChar)
    .join('')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const num = (v: number) => String(Math.round(v * 10) / 10);
const finite = (...values: number[]) => values.every(Number.isFinite);

export const defectColor = (disposition: string): string =>
  DISPOSITION_COLORS[disposition as keyof typeof DISPOSITION_COLORS] ?? DISPOSITION_COLORS.pending;

export const regionColor = (region: Pick<OverlayRegion, 'kind' | 'verdict'>): string =>
  region.kind === 'ignore' ? REGION_COLORS.ignore : REGION_COLORS[region.verdict ?? 'none'];

/** "gas pore 1.4 mm" */
export function defectLabel(defect: Pick<OverlayDefect, 'type' | 'sizeMm'>): string {
  const type = defect.type.replaceAll('_', ' ');
  return defect.sizeMm !== null && defect.sizeMm !== undefined && Number.isFinite(defect.sizeMm)
    ? `${type} ${defect.sizeMm.toFixed(1)} mm`
    : type;
}

/** Line width and font size for an output size: readable on a thumbnail and on a 4k render. */
export function overlayScale(outWidth: number, outHeight: number) {
  const side = Math.max(outWidth, outHeight);
  return {
    stroke: Math.max(2, side / 400),
    fontSize: Math.round(Math.min(28, Math.max(11, side / 60))),
  };
}

interface Label {
  x: number;
  y: number;
  text: string;
  color: string;
}

export function overlaySvg(input: OverlayInput): string {
  const { width, height, outWidth, outHeight } = input;
  const sx = outWidth / width;
  const sy = outHeight / height;
  const { stroke, fontSize } = overlayScale(outWidth, outHeight);
  const shapes: string[] = [];
  const labels: Label[] = [];
  /** A label above (x, top), or below `bottom` when there is no room above; kept inside the image. */
  const labelAt = (x: number, top: number, bottom: number, text: string, color: string) => {
    const room = fontSize + stroke * 2;
    const y = top - stroke * 2 >= room ? top - stroke * 2 : Math.min(outHeight - stroke, bottom + room);
    const approxWidth = text.length * fontSize * 0.6;
    labels.push({ x: Math.max(stroke, Math.min(x, outWidth - approxWidth - stroke)), y, text, color });
  };

  for (const region of input.regions) {
    const points = region.polygon.map(([x, y]) => [x * outWidth, y * outHeight] as const);
    if (points.length < 3 || !points.every(([x, y]) => finite(x, y))) continue;
    const color = regionColor(region);
    const dash = region.kind === 'ignore' ? ` stroke-dasharray="${num(stroke * 4)} ${num(stroke * 3)}"` : '';
    shapes.push(
      `<polygon points="${points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="${num(stroke)}" stroke-linejoin="round"${dash}/>`,
    );
    const left = Math.min(...points.map(([x]) => x));
    const top = Math.min(...points.map(([, y]) => y));
    // Region names sit inside the polygon's box, below its top edge.
    labels.push({
      x: Math.max(stroke, Math.min(left + stroke * 2, outWidth - stroke)),
      y: Math.min(outHeight - stroke, top + stroke * 2 + fontSize),
      text: region.name,
      color,
    });
  }

  for (const defect of input.defects) {
    const { x, y, w, h } = defect.bbox;
    if (!finite(x, y, w, h)) continue;
    const color = defectColor(defect.disposition);
    const paint = `fill="none" stroke="${color}" stroke-width="${num(stroke)}"`;
    const contour = defect.contour?.filter(([px, py]) => finite(px, py)) ?? [];
    let top: number;
    let bottom: number;
    if (contour.length >= 3) {
      const points = contour.map(([px, py]) => [px * sx, py * sy] as const);
      shapes.push(
        `<polygon points="${points.map(([px, py]) => `${num(px)},${num(py)}`).join(' ')}" ${paint} stroke-linejoin="round"/>`,
      );
      top = Math.min(...points.map(([, py]) => py));
      bottom = Math.max(...points.map(([, py]) => py));
    } else {
      // Around the box, not on it: the outline must not hide the indication's edge.
      const rx = Math.max(stroke * 2, (w * sx) / 2 + stroke);
      const ry = Math.max(stroke * 2, (h * sy) / 2 + stroke);
      const cx = (x + w / 2) * sx;
      const cy = (y + h / 2) * sy;
      shapes.push(`<ellipse cx="${num(cx)}" cy="${num(cy)}" rx="${num(rx)}" ry="${num(ry)}" ${paint}/>`);
      top = cy - ry;
      bottom = cy + ry;
    }
    labelAt(x * sx, top, bottom, defectLabel(defect), color);
  }

  const text = labels.map(
    (l) => `<text x="${num(l.x)}" y="${num(l.y)}" fill="${l.color}">${escapeXml(l.text)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${outWidth}" height="${outHeight}" viewBox="0 0 ${outWidth} ${outHeight}">`,
    ...shapes,
    `<g font-family="DejaVu Sans, Arial, sans-serif" font-size="${fontSize}" stroke="${LABEL_HALO}" stroke-width="${num(Math.max(2, fontSize / 6))}" stroke-linejoin="round" paint-order="stroke">`,
    ...text,
    '</g>',
    '</svg>',
  ].join('\n');
}
