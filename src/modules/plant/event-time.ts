import { badRequest } from '../../platform/http/errors.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Clocks of tablets and PLCs drift: a minute ahead still counts as now. */
const FUTURE_TOLERANCE_MS = 60_000;

/**
 * Refuses the time a plant event is dated (`at` of a status change, a batch start or completion)
 * when it is in the future or further back than `maxBackdateDays`: logging a stop after the fact
 * is normal, a date decades back is a typo — and would make OEE computations span decades.
 */
export function checkEventTime(at: Date, maxBackdateDays: number, now = Date.now()): void {
  if (at.getTime() > now + FUTURE_TOLERANCE_MS) throw badRequest('`at` may not be in the future');
  if (at.getTime() < now - maxBackdateDays * DAY_MS) {
    throw badRequest(`\`at\` may be at most ${maxBackdateDays} days back (PLANT_BACKDATE_DAYS)`);
  }
}
