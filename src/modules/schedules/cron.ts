// Cron expressions of schedules, evaluated in the facility's time zone: validation with a message a
// person can act on, the next occurrences (the form's preview, a schedule's next run) and the
// latest occurrence already due (the slot the scheduler runs). Pure: no clock, no database.
import { CronExpressionParser } from 'cron-parser';

/** The scheduler looks once a minute: an expression finer than that (a seconds field) is refused. */
const FIELDS = 5;
const MACROS = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@hourly',
  '@weekdays',
  '@weekends',
]);

export class CronError extends Error {}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function parse(expression: string, timezone: string, currentDate: Date) {
  const text = expression.trim();
  if (text === '') throw new CronError('The cron expression is empty');
  if (!isTimeZone(timezone)) throw new CronError(`Unknown time zone "${timezone}"`);
  if (text.startsWith('@')) {
    if (!MACROS.has(text.toLowerCase()))
      throw new CronError(`Unknown cron macro "${text}"; use one of ${[...MACROS].join(', ')}`);
  } else {
    const fields = text.split(/\s+/).length;
    if (fields !== FIELDS)
      throw new CronError(
        `A cron expression has five fields (minute hour day-of-month month day-of-week), e.g. "0 6 * * 1-5"; this one has ${fields}`,
      );
  }
  try {
    return CronExpressionParser.parse(text.toLowerCase().startsWith('@') ? text.toLowerCase() : text, {
      tz: timezone,
      currentDate,
      strict: false,
    });
  } catch (err) {
    throw new CronError(`The cron expression "${text}" does not parse: ${(err as Error).message}`);
  }
}

/** Throws a CronError that says what is wrong, or returns the expression trimmed. */
export function validateCron(expression: string, timezone: string): string {
  const parsed = parse(expression, timezone, new Date(0));
  // An expression that can never fire (31 February) parses but has no next occurrence.
  if (!parsed.hasNext()) throw new CronError(`The cron expression "${expression.trim()}" never fires`);
  try {
    parsed.next();
  } catch {
    throw new CronError(`The cron expression "${expression.trim()}" never fires`);
  }
  return expression.trim();
}

/** The next `count` occurrences strictly after `from`. */
export function nextRuns(expression: string, timezone: string, from: Date, count: number): Date[] {
  const parsed = parse(expression, timezone, from);
  const out: Date[] = [];
  for (let i = 0; i < count && parsed.hasNext(); i++) out.push(parsed.next().toDate());
  return out;
}

export function nextRun(expression: string, timezone: string, from: Date): Date | null {
  return nextRuns(expression, timezone, from, 1)[0] ?? null;
}

/**
 * The latest occurrence at or before `now` (the slot that is due), or null when there is none
 * after `notBefore` — a schedule owes at most one run for the time it was not looked at.
 */
export function dueSlot(expression: string, timezone: string, now: Date, notBefore: Date): Date | null {
  // prev() is strictly before its start: start a millisecond later so an occurrence at `now` counts.
  const parsed = parse(expression, timezone, new Date(now.getTime() + 1));
  if (!parsed.hasPrev()) return null;
  const slot = parsed.prev().toDate();
  return slot.getTime() >= notBefore.getTime() ? slot : null;
}

/** "every day at 06:00"-style wording is left to the web form; this gives the wall-clock time. */
export function wallClock(date: Date, timezone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}
