// Alarm counts and time to acknowledge, as a pure function of the alarms of a period.

export interface AlarmFacts {
  severity: string;
  status: string;
  rule: string;
  /** The sensor's or group's name. */
  source: string;
  openedAt: Date;
  acknowledgedAt: Date | null;
}

export interface Count {
  key: string;
  count: number;
}

export interface AckTimes {
  acknowledged: number;
  medianMinutes: number | null;
  meanMinutes: number | null;
  p90Minutes: number | null;
  maxMinutes: number | null;
}

/** Counts per key, largest first (ties by key, code-point order). */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The q-quantile (0–1) of sorted values, linear between neighbours. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

export function ackTimes(alarms: readonly AlarmFacts[]): AckTimes {
  const minutes = alarms
    .filter((a) => a.acknowledgedAt !== null)
    .map((a) => Math.max(0, ((a.acknowledgedAt as Date).getTime() - a.openedAt.getTime()) / 60_000))
    .sort((a, b) => a - b);
  return {
    acknowledged: minutes.length,
    medianMinutes: quantile(minutes, 0.5),
    meanMinutes: minutes.length > 0 ? minutes.reduce((s, m) => s + m, 0) / minutes.length : null,
    p90Minutes: quantile(minutes, 0.9),
    maxMinutes: minutes.at(-1) ?? null,
  };
}

export function alarmStats(alarms: readonly AlarmFacts[]) {
  const severities = ['critical', 'warning'];
  return {
    total: alarms.length,
    bySeverity: countBy(alarms, (a) => a.severity),
    byStatus: countBy(alarms, (a) => a.status),
    byRule: countBy(alarms, (a) => a.rule),
    bySource: countBy(alarms, (a) => a.source),
    byDay: countBy(alarms, (a) => a.openedAt.toISOString().slice(0, 10)).sort((a, b) =>
      a.key < b.key ? -1 : 1,
    ),
    ack: ackTimes(alarms),
    ackBySeverity: severities.map((severity) => ({
      severity,
      ...ackTimes(alarms.filter((a) => a.severity === severity)),
    })),
  };
}
