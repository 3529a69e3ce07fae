// What the map and the Gantt chart share: route colours, the map's projection, and clock times of
// the planning day (UTC, as the server reads clients' and vehicles' HH:MM).

/** Distinct colours for routes (cycled past twelve), dark enough on white. */
const PALETTE = [
  '#0369a1',
  '#b45309',
  '#15803d',
  '#7c3aed',
  '#be123c',
  '#0f766e',
  '#a16207',
  '#4338ca',
  '#c2410c',
  '#047857',
  '#9d174d',
  '#1d4ed8',
];

export const routeColour = (index: number) => PALETTE[index % PALETTE.length] ?? '#0369a1';

export const UNSERVED_COLOUR = '#b91c1c';
export const DEPOT_COLOUR = '#111827';

export interface LonLat {
  lon: number;
  lat: number;
}

export interface Projection {
  /** Screen x, y of a longitude/latitude. */
  at(point: LonLat): { x: number; y: number };
  width: number;
  height: number;
}

/**
 * An equirectangular projection fitted to `points` inside `width` × at most `maxHeight` (with
 * `margin` around): longitudes scaled by the cosine of the middle latitude, so distances look right
 * locally. The height follows the points' shape.
 */
export function fitProjection(
  points: readonly LonLat[],
  { width, maxHeight, margin }: { width: number; maxHeight: number; margin: number },
): Projection {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const minLon = lons.length ? Math.min(...lons) : 0;
  const maxLon = lons.length ? Math.max(...lons) : 1;
  const minLat = lats.length ? Math.min(...lats) : 0;
  const maxLat = lats.length ? Math.max(...lats) : 1;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  // Planar extent; a single point (or a line) still gets a square of some size.
  const spanX = Math.max((maxLon - minLon) * k, 1e-3);
  const spanY = Math.max(maxLat - minLat, 1e-3);
  const innerW = width - 2 * margin;
  const scale = Math.min(innerW / spanX, (maxHeight - 2 * margin) / spanY);
  const height = Math.round(spanY * scale + 2 * margin);
  const offsetX = margin + (innerW - spanX * scale) / 2;
  return {
    width,
    height,
    at: (p) => ({
      x: offsetX + (p.lon - minLon) * k * scale,
      y: margin + (maxLat - p.lat) * scale,
    }),
  };
}

/** Minutes since the planning day's midnight (UTC) of an instant. */
export function minutesOf(instant: string, day: string): number {
  return (Date.parse(instant) - Date.parse(`${day}T00:00:00Z`)) / 60_000;
}

/** "07:45" for minutes of the day (past midnight as "+1 00:30"). */
export function clock(minutes: number): string {
  const whole = Math.round(minutes);
  const day = Math.floor(whole / 1440);
  const rest = whole - day * 1440;
  const text = `${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
  return day === 0 ? text : `${day > 0 ? '+' : ''}${day} ${text}`;
}

/** The clock time of an instant on the planning day. */
export const clockOf = (instant: string, day: string) => clock(minutesOf(instant, day));

/** "07:00–09:30" */
export const windowText = (w: { start: string; end: string }, day: string) =>
  `${clockOf(w.start, day)}–${clockOf(w.end, day)}`;

/** "2 h 05 min", "45 min". */
export function duration(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  return `${Math.floor(whole / 60)} h ${String(whole % 60).padStart(2, '0')} min`;
}

/** The day of an instant when the plan has no date (UTC). */
export const dayOf = (instant: string) => instant.slice(0, 10);
