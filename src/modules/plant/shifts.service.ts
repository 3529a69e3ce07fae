import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ShiftBreak } from '../../platform/db/schema/plant.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { badRequest, conflictOnUnique, notFound } from '../../platform/http/errors.ts';
import { facilityInScope } from '../identity/index.ts';
import { minutesOf } from './calendar.ts';
import {
  deleteShift,
  findShift,
  insertShift,
  listShifts,
  type ShiftRow,
  updateShift,
} from './shifts.repo.ts';

export interface ShiftInput {
  facilityId: string;
  name: string;
  startTime: string;
  endTime: string;
  days: number[];
  breaks: ShiftBreak[];
  active?: boolean | undefined;
}

/** Breaks must lie inside the shift; returns the shift length in minutes. */
function checkShape(shift: Pick<ShiftInput, 'startTime' | 'endTime' | 'breaks'>) {
  const start = minutesOf(shift.startTime);
  let end = minutesOf(shift.endTime);
  if (end <= start) end += 24 * 60;
  for (const b of shift.breaks) {
    let at = minutesOf(b.start);
    if (at < start) at += 24 * 60;
    if (at + b.minutes > end) throw badRequest(`Break "${b.name}" at ${b.start} ends after the shift`);
  }
  return end - start;
}

/** Per-facility shift calendars: when production is planned; breaks are planned stops. */
export function createShiftsService({ db }: { db: Db }) {
  const nameTaken = (err: unknown, name: string | undefined): never =>
    conflictOnUnique(`The facility already has a shift named ${name}`)(err);

  const list = (principal: Principal, facilityId?: string) =>
    readInCallerTenant(db, principal, (tx) => listShifts(tx, facilityId));

  const create = (principal: Principal, input: ShiftInput) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      if (!(await facilityInScope(tx, input.facilityId))) throw badRequest('Unknown facilityId');
      checkShape(input);
      return insertShift(tx, { ...input, tenantId }).catch((err) => nameTaken(err, input.name));
    });

  const update = (principal: Principal, id: string, patch: Partial<Omit<ShiftInput, 'facilityId'>>) =>
    inCallerTenant(db, principal, async (tx) => {
      const shift = await findShift(tx, id);
      if (!shift) throw notFound('Shift');
      checkShape({ ...shift, ...patch });
      return (await updateShift(tx, id, patch).catch((err) => nameTaken(err, patch.name))) as ShiftRow;
    });

  const remove = (principal: Principal, id: string) =>
    inCallerTenant(db, principal, async (tx) => {
      if (!(await findShift(tx, id))) throw notFound('Shift');
      await deleteShift(tx, id);
    });

  return { list, create, update, remove };
}

export type ShiftsService = ReturnType<typeof createShiftsService>;
