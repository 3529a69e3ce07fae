// What rules can watch, and how a notification reads: plain data shared by the handlers, the
// periodic evaluation, the senders and the schemas.

export const EVENT_KINDS = [
  'analysis.completed',
  'insight.severity',
  'alarm.unacknowledged',
  'inspection.reject_rate',
  'job.failed',
  'schedule.failed',
  'schedule.completed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Kinds a notification can have besides rule kinds: a channel test and a daily digest. */
export type NotificationKind = EventKind | 'test' | 'digest';

export const CHANNEL_KINDS = ['email', 'webhook', 'in_app'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Insight severities, lowest first (the analytics module's scale). */
export const INSIGHT_SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export const ALARM_SEVERITIES = ['warning', 'critical'] as const;

export const DELIVERY_STATUSES = [
  'pending',
  'retrying',
  'held',
  'digest',
  'sent',
  'failed',
  'digested',
] as const;
/** Statuses a delivery job still acts on. */
export const WAITING = new Set(['pending', 'retrying', 'held']);

export const atLeast = (severity: string | null | undefined, minimum: string): boolean =>
  severity != null &&
  INSIGHT_SEVERITIES.indexOf(severity as never) >= INSIGHT_SEVERITIES.indexOf(minimum as never);

export interface RuleParams {
  facilityId?: string;
  minSeverity?: string;
  afterMinutes?: number;
  escalateAfterMinutes?: number;
  thresholdPercent?: number;
  windowMinutes?: number;
  minParts?: number;
  stationId?: string;
  jobName?: string;
  scheduleId?: string;
}

/** What a notification says; the web path in `data.link` is where the reader goes next. */
export interface Message {
  title: string;
  body: string;
  severity: string;
  data: Record<string, unknown>;
  facilityId?: string | null;
}

/** Delay before retry `attempt` (1-based: after the first failure): base, 2×base, 4×base… capped at a day. */
export const retryDelaySeconds = (base: number, attempt: number) =>
  Math.min(86_400, base * 2 ** Math.max(0, attempt - 1));
