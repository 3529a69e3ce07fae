// Shift calendars in a facility's time zone → concrete intervals in UTC milliseconds.
import type { ShiftBreak } from '../../platform/db/schema/plant.ts';

export interface Interval {
  start: number;
  end: number;
}

export interface ShiftDefinition {
  name: string;
  startTime: string;
  endTime: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  breaks: readonly ShiftBreak[];
}

export interface ShiftOccurrence extends Interval {
  name: string;
  /** Local date (YYYY-MM-DD) the shift starts on. */
  day: string;
  breaks: Interval[];
}

const DAY_MS = 86_400_000;

/** Minutes since midnight of "HH:MM". */
export function minutesOf(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new Error(`not a time of day: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(timezone: string, instant: number) {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far `timezone` is ahead of UTC at `instant`, in ms. */
function offsetAt(timezone: string, instant: number): number {
  const p = partsIn(timezone, instant);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant of local date `day` (YYYY-MM-DD) plus `minutes` in `timezone`. */
export function localToUtc(day: string, minutes: number, timezone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d) + minutes * 60_000;
  // Two passes settle the offset on either side of a daylight-saving change.
  const first = naive - offsetAt(timezone, naive);
  return naive - offsetAt(timezone, first);
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDay(instant: number, timezone: string): string {
  const p = partsIn(timezone, instant);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

function isoWeekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Every occurrence of the shifts overlapping `window`, in start order. */
export function shiftOccurrences(
  definitions: readonly ShiftDefinition[],
  window: Interval,
  timezone: string,
): ShiftOccurrence[] {
  const occurrences: ShiftOccurrence[] = [];
  // A shift that started the day before the window may still be running in it.
  const last = localDay(window.end, timezone);
  for (let day = addDays(localDay(window.start, timezone), -1); day <= last; day = addDays(day, 1)) {
    const weekday = isoWeekday(day);
    for (const shift of definitions) {
      if (!shift.days.includes(weekday)) continue;
      const startMinutes = minutesOf(shift.startTime);
      let endMinutes = minutesOf(shift.endTime);
      if (endMinutes <= startMinutes) endMinutes += 24 * 60;
      const start = localToUtc(day, startMinutes, timezone);
      const end = localToUtc(day, endMinutes, timezone);
      if (end <= window.start || start >= window.end) continue;
      const breaks = shift.breaks.map((b) => {
        let at = minutesOf(b.start);
        if (at < startMinutes) at += 24 * 60;
        const breakStart = localToUtc(day, at, timezone);
        return { start: breakStart, end: breakStart + b.minutes * 60_000 };
      });
      occurrences.push({ name: shift.name, day, start, end, breaks });
    }
  }
  return occurrences.sort((a, b) => a.start - b.start);
}

/** Local days overlapping `window`, as intervals (for facilities without a shift calendar). */
export function dayOccurrences(window: Interval, timezone: string): ShiftOccurrence[] {
  const days: ShiftOccurrence[] = [];
  const last = localDay(window.end - 1, timezone);
  for (let day = localDay(window.start, timezone); day <= last; day = addDays(day, 1)) {
    const start = localToUtc(day, 0, timezone);
    const end = localToUtc(addDays(day, 1), 0, timezone);
    days.push({ name: '', day, start, end, breaks: [] });
  }
  return days;
}
