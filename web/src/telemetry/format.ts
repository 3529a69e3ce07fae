// How sensor figures read: values with their unit, ages, spec status, time ranges and axis ticks.
import type { Alarm, AlarmStatus, Sensor, Severity } from './api';

/** A reading with as many digits as its size needs: 1002.4, 4.012, 0.0312. */
export function formatValue(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 1 : abs >= 100 ? 2 : abs >= 1 ? 3 : 4;
  const text = Number(value.toFixed(digits)).toLocaleString(undefined, { maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

/** "4 s ago", "12 min ago", "3 h ago", "2 d ago"; "—" without a time. */
export function formatAge(iso: string | null | undefined, now: number): string {
  if (!iso) return '—';
  const ms = Math.max(0, now - Date.parse(iso));
  if (ms < 60_000) return `${Math.floor(ms / 1000)} s ago`;
  if (ms < 3600_000) return `${Math.floor(ms / 60_000)} min ago`;
  if (ms < 172_800_000) return `${Math.floor(ms / 3600_000)} h ago`;
  return `${Math.floor(ms / 86_400_000)} d ago`;
}

export type SpecStatus = 'none' | 'stale' | 'ok' | 'near' | 'low' | 'high';

/** How close to a spec limit counts as near: this share of the spec band. */
const NEAR_SHARE = 0.1;

/**
 * Where the newest reading stands against the spec limits: out (low / high), within 10 % of the band
 * from a limit (near), inside (ok); `stale` when no reading came for ten sampling intervals (at
 * least five minutes), `none` before the first reading.
 */
export function specStatus(
  sensor: Pick<Sensor, 'lowerSpec' | 'upperSpec' | 'samplingSeconds'>,
  value: number | null,
  ts: string | null,
  now: number,
): SpecStatus {
  if (value === null || ts === null) return 'none';
  const { lowerSpec: lower, upperSpec: upper } = sensor;
  if (upper !== null && value > upper) return 'high';
  if (lower !== null && value < lower) return 'low';
  const staleAfter = Math.max(300, 10 * (sensor.samplingSeconds ?? 30)) * 1000;
  if (now - Date.parse(ts) > staleAfter) return 'stale';
  if (lower !== null && upper !== null) {
    const margin = (upper - lower) * NEAR_SHARE;
    if (value > upper - margin || value < lower + margin) return 'near';
  }
  return 'ok';
}

export const SPEC_STATUS_LABEL: Record<SpecStatus, string> = {
  none: 'No data',
  stale: 'No recent data',
  ok: 'In spec',
  near: 'Near a limit',
  low: 'Below spec',
  high: 'Above spec',
};

export const SPEC_STATUS_BADGE: Record<SpecStatus, string> = {
  none: 'badge-neutral',
  stale: 'badge-neutral',
  ok: 'badge-ok',
  near: 'badge-warn',
  low: 'badge-bad',
  high: 'badge-bad',
};

/** "2 – 6 °C", "≤ 7.1 mm/s", "none". */
export function formatSpec(sensor: Pick<Sensor, 'lowerSpec' | 'upperSpec' | 'unit'>): string {
  const { lowerSpec: lower, upperSpec: upper, unit } = sensor;
  const u = unit ? ` ${unit}` : '';
  if (lower !== null && upper !== null) return `${formatValue(lower)} – ${formatValue(upper)}${u}`;
  if (upper !== null) return `≤ ${formatValue(upper)}${u}`;
  if (lower !== null) return `≥ ${formatValue(lower)}${u}`;
  return 'none';
}

export const ALARM_STATUS_LABEL: Record<AlarmStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  cleared: 'Cleared',
};

export const ALARM_STATUS_BADGE: Record<AlarmStatus, string> = {
  open: 'badge-bad',
  acknowledged: 'badge-warn',
  cleared: 'badge-neutral',
};

export const SEVERITY_LABEL: Record<Severity, string> = { warning: 'Warning', critical: 'Critical' };
export const SEVERITY_BADGE: Record<Severity, string> = { warning: 'badge-warn', critical: 'badge-bad' };

const RULE_LABEL: Record<string, string> = {
  spec: 'Spec limit',
  zscore: 'z-score',
  ewma: 'EWMA',
};

/** "Spec limit", "WE 2", "Nelson 3", "z-score". */
export function ruleLabel(rule: Alarm['rule']): string {
  if (RULE_LABEL[rule]) return RULE_LABEL[rule];
  const we = /^we(\d)$/.exec(rule);
  if (we) return `WE ${we[1]}`;
  const nelson = /^n(\d)$/.exec(rule);
  if (nelson) return `Nelson ${nelson[1]}`;
  return rule;
}

/** "18:42:05" today, "3 Dec, 18:42" on other days. */
export function formatInstant(iso: string | number | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "1 h", "24 h", "7 d", "35 min" for a span in ms. */
export function formatSpan(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${Math.max(1, minutes)} min`;
  const hours = Math.round(ms / 3600_000);
  if (hours <= 48) return `${hours} h`;
  return `${Math.round(ms / 86_400_000)} d`;
}

/** "10 s", "2 min", "1 h" for a bucket width. */
export function formatWidth(seconds: number | null): string {
  if (seconds === null) return 'raw';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${seconds / 60} min`;
  if (seconds < 86_400) return `${seconds / 3600} h`;
  return `${seconds / 86_400} d`;
}

const TIME_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800,
  604_800,
].map((s) => s * 1000);

/** Round instants for a time axis between `from` and `to` (ms), about `count` of them, local time. */
export function timeTicks(from: number, to: number, count: number): number[] {
  const span = to - from;
  if (!(span > 0)) return [];
  const step = TIME_STEPS.find((s) => span / s <= count) ?? (TIME_STEPS.at(-1) as number);
  // Whole steps of the local day, so that "06:00" ticks fall on 06:00 wherever the browser is.
  const offset = new Date(from).getTimezoneOffset() * 60_000;
  const first = Math.ceil((from - offset) / step) * step + offset;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** A tick label fit for the span shown: seconds for minutes, hours for a day, dates beyond. */
export function formatTick(t: number, span: number): string {
  const date = new Date(t);
  if (span <= 10 * 60_000)
    return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (span <= 2 * 86_400_000) {
    const midnight = date.getHours() === 0 && date.getMinutes() === 0;
    return midnight
      ? date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
      : date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  }
  return date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/** About `count` round values between `min` and `max` (1, 2 or 5 times a power of ten apart). */
export function valueTicks(min: number, max: number, count: number): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [min];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    ticks.push(Number(v.toPrecision(12)));
  }
  return ticks;
}
