import { wallClock } from './cron.ts';
import type { RunRow, ScheduleView } from './schedules.repo.ts';
import { inboxName } from './sources.ts';

/** Enough to recognise a header value, never enough to use it. */
export function mask(value: string): string {
  return value.length >= 12 ? `****${value.slice(-2)}` : '****';
}

/** A URL as shown: a user and password inside it are masked. */
export function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.username || url.password) {
      url.username = '****';
      url.password = '';
    }
    return url.toString();
  } catch {
    return raw;
  }
}

export const presentRun = (r: RunRow) => ({
  id: r.id,
  scheduleId: r.scheduleId,
  slot: r.slot.toISOString(),
  trigger: r.trigger,
  status: r.status,
  fileName: r.fileName,
  importId: r.importId,
  analysisId: r.analysisId,
  error: r.error,
  comparison: r.comparison,
  timings: r.timings,
  jobId: r.jobId,
  createdAt: r.createdAt.toISOString(),
  startedAt: r.startedAt?.toISOString() ?? null,
  completedAt: r.completedAt?.toISOString() ?? null,
});

export const presentSchedule = ({
  schedule: s,
  lastRun,
}: {
  schedule: ScheduleView;
  lastRun: RunRow | null;
}) => ({
  id: s.id,
  name: s.name,
  facility: { id: s.facilityId, code: s.facilityCode, name: s.facilityName, timezone: s.timezone },
  cron: s.cron,
  source: {
    kind: s.sourceKind,
    url: s.url ? maskUrl(s.url) : null,
    headers: Object.fromEntries(Object.entries(s.headers).map(([k, v]) => [k, mask(v)])),
    folder: s.sourceKind === 'folder' ? `inbox/${inboxName(s.facilityCode)}/` : null,
  },
  profileId: s.profileId,
  status: s.status,
  nextRunAt: s.nextRunAt?.toISOString() ?? null,
  nextRunLocal: s.nextRunAt ? wallClock(s.nextRunAt, s.timezone) : null,
  lastRun: lastRun ? presentRun(lastRun) : null,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
