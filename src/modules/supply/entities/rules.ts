import type { Executor } from '../../../platform/db/database.ts';
import type { TimeWindow } from '../../../platform/db/schema/index.ts';
import { badRequest } from '../../../platform/http/errors.ts';
import { type EntityTable, findRow } from './crud.repo.ts';

// The checks a schema cannot make: windows that end after they start, pairs given together,
// references to rows that exist in the caller's tenant. Each failure is a 400 naming the field.

/** `HH:MM` strings compare as times (fixed width). */
export function checkWindow(start: string | null | undefined, end: string | null | undefined, field: string) {
  if ((start == null) !== (end == null))
    throw badRequest(`${field}: give both a start and an end, or neither`, [
      { path: `/body/${field}`, message: 'start and end go together' },
    ]);
  if (start != null && end != null && start >= end)
    throw badRequest(`${field}: the start (${start}) must be before the end (${end})`, [
      { path: `/body/${field}`, message: 'start must be before end' },
    ]);
}

/** Windows of a day: each starts before it ends, none overlaps another; returned sorted. */
export function checkWindows(windows: readonly TimeWindow[], field: string): TimeWindow[] {
  const sorted = [...windows].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  sorted.forEach((w, i) => {
    checkWindow(w.start, w.end, `${field}[${i}]`);
    const next = sorted[i + 1];
    if (next && next.start < w.end)
      throw badRequest(`${field}: ${w.start}–${w.end} overlaps ${next.start}–${next.end}`, [
        { path: `/body/${field}`, message: 'windows overlap' },
      ]);
  });
  return sorted;
}

/** Instants: the start at or before the end when both are given. */
export function checkSpan(start: string | null | undefined, end: string | null | undefined, field: string) {
  if (start && end && Date.parse(start) > Date.parse(end))
    throw badRequest(`${field}: the start must not be after the end`, [
      { path: `/body/${field}`, message: 'start after end' },
    ]);
}

/**
 * A 400 "Unknown <field>" unless `id` is a row of `table` the caller's tenant can see (another
 * tenant's id is as unknown as one that never existed).
 */
export async function mustExist(
  tx: Executor,
  table: EntityTable,
  id: string | null | undefined,
  field: string,
) {
  if (id && !(await findRow(tx, table, id)))
    throw badRequest(`Unknown ${field}`, [{ path: `/body/${field}`, message: 'no such row' }]);
}

/** `patch` over `current`: the value a field will have after the update. */
export const after = <R, K extends keyof R>(patch: Partial<R>, current: R, key: K): R[K] =>
  (patch[key] !== undefined ? patch[key] : current[key]) as R[K];

/** The defined fields of an input (an absent optional field is left as it is). */
export function defined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
