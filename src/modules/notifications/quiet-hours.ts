// Local time for quiet hours and the daily digest: pure functions of an instant, an IANA zone and
// the user's settings, so they are tested without a clock.

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function localTime(at: Date, zone: string): LocalTime {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

export const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * When the quiet hours around `at` end, or null when `at` is outside them. Quiet hours may wrap
 * midnight (22:00–06:00); start == end means none.
 */
export function quietUntil(at: Date, zone: string, start: string | null, end: string | null): Date | null {
  if (!start || !end) return null;
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (s === e) return null;
  const now = localTime(at, zone).minutes;
  const inside = s < e ? now >= s && now < e : now >= s || now < e;
  if (!inside) return null;
  const wait = (e - now + 1440) % 1440;
  // Back to the start of the current minute, then forward to the end's minute.
  const minuteStart = Math.floor(at.getTime() / 60_000) * 60_000;
  return new Date(minuteStart + wait * 60_000);
}

/** Whether the daily digest is due: past the local digest hour, and none sent yet that local day. */
export function digestDue(at: Date, zone: string, hour: number, lastDigestAt: Date | null): boolean {
  const now = localTime(at, zone);
  if (now.minutes < hour * 60) return false;
  return lastDigestAt === null || localTime(lastDigestAt, zone).date < now.date;
}
