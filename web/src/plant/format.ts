// How plant figures read: ratios as percentages, minutes and durations, money, status names, plant days.
import type { BatchStatus, LineStatus } from './api';

/** 0.7479 → "74.8 %"; null (undefined ratio) → "—". Never capped: performance may exceed 100 %. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(digits)} %`;
}

/** A ratio as a chart value in percent (null stays null, so the chart leaves a gap). */
export const toPercent = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined ? null : Math.round(ratio * 1000) / 10;

export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  const rounded = Math.abs(minutes) < 10 ? minutes.toFixed(1) : Math.round(minutes).toLocaleString();
  return `${rounded} min`;
}

/** "45 s", "12 min", "3 h 05 min", "2 d 4 h". */
export function formatElapsed(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (ms < 60_000) return `${Math.max(0, Math.floor(ms / 1000))} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Costs carry no currency on the server: two decimals in the tenant's own unit. */
export const formatMoney = (value: number | null | undefined) => formatNumber(value, 2);

export function formatTime(iso: string): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "22 Nov, 10:45" in the browser's locale: compact enough for table cells. */
export function formatShortDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export const LINE_STATUS_LABEL: Record<LineStatus, string> = {
  running: 'Running',
  idle: 'Idle',
  down: 'Down',
  maintenance: 'Maintenance',
};

export const BATCH_STATUS_LABEL: Record<BatchStatus, string> = {
  planned: 'Planned',
  running: 'Running',
  completed: 'Completed',
};

export const BATCH_STATUS_BADGE: Record<BatchStatus, string> = {
  planned: 'badge-neutral',
  running: 'badge-live',
  completed: 'badge-ok',
};

/** The calendar day (YYYY-MM-DD) it is now in `timeZone`: plant reports count days in the facility's zone. */
export function plantDay(timeZone: string, at: number = Date.now()): string {
  try {
    // en-CA formats dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
  } catch {
    return new Date(at).toISOString().slice(0, 10);
  }
}

/** The day `days` before the calendar day `day` (both YYYY-MM-DD). */
export function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** "2026-03-04" → "4 Mar" (a calendar day, not shifted by the browser's time zone). */
export function shortDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
