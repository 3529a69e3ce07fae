// Calendar days as 'YYYY-MM-DD' strings in UTC: an order date, an expected arrival, a requested
// date. Day arithmetic only; no time of day, no time zone.
import { PolicyInputError } from './errors.ts';

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of a valid calendar day; a PolicyInputError for anything else (e.g. 2025-02-30). */
export function requireDate(field: string, value: string): number {
  const match = typeof value === 'string' ? ISO_DAY.exec(value) : null;
  if (match) {
    const [, y, m, d] = match;
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
    if (new Date(ms).toISOString().slice(0, 10) === value) return ms;
  }
  throw new PolicyInputError(field, `must be a calendar date 'YYYY-MM-DD', got ${String(value)}`);
}

export function addDays(day: string, days: number): string {
  return new Date(requireDate('date', day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((requireDate('date', to) - requireDate('date', from)) / DAY_MS);
}
