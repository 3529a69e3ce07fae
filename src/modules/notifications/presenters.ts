import type { ChannelRow, RuleRow } from './channels.repo.ts';
import type { AttemptRow, DeliveryListRow, NotificationRow } from './deliveries.repo.ts';
import type { PreferencesRow } from './inbox.repo.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentChannel(c: ChannelRow) {
  const config = c.config as {
    recipients?: string[];
    url?: string;
    headers?: Record<string, string>;
    userIds?: string[];
  };
  return {
    id: c.id,
    name: c.name,
    kind: c.kind as 'email' | 'webhook' | 'in_app',
    enabled: c.enabled,
    recipients: config.recipients ?? [],
    url: config.url ?? null,
    headerNames: Object.keys(config.headers ?? {}),
    userIds: config.userIds ?? [],
    consecutiveFailures: c.consecutiveFailures,
    disabledReason: c.disabledReason,
    disabledAt: iso(c.disabledAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentRule(r: RuleRow) {
  return {
    id: r.id,
    name: r.name,
    eventKind: r.eventKind as never,
    enabled: r.enabled,
    params: r.params,
    channelIds: r.channelIds,
    escalationChannelIds: r.escalationChannelIds,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentDelivery(
  { delivery: d, notification: n, channelName }: DeliveryListRow,
  attempts: AttemptRow[],
) {
  return {
    id: d.id,
    notificationId: d.notificationId,
    eventKind: n.eventKind,
    title: n.title,
    channelId: d.channelId,
    channelName,
    kind: d.kind,
    recipient: d.recipient,
    status: d.status as never,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    holdUntil: iso(d.holdUntil),
    nextAttemptAt: iso(d.nextAttemptAt),
    sentAt: iso(d.sentAt),
    isTest: d.isTest,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    attemptLog: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({
        attempt: a.attempt,
        ok: a.ok,
        statusCode: a.statusCode,
        error: a.error,
        durationMs: a.durationMs,
        at: a.at.toISOString(),
      })),
  };
}

export function presentInboxItem({
  item,
  notification: n,
}: {
  item: { id: number; readAt: Date | null; createdAt: Date };
  notification: NotificationRow;
}) {
  return {
    id: item.id,
    notificationId: n.id,
    eventKind: n.eventKind,
    severity: n.severity,
    title: n.title,
    body: n.body,
    link: typeof n.data.link === 'string' ? n.data.link : null,
    readAt: iso(item.readAt),
    createdAt: item.createdAt.toISOString(),
  };
}

export function presentPreferences(p: PreferencesRow | undefined, effectiveTimezone: string) {
  return {
    eventKinds: (p?.eventKinds ?? null) as never,
    quietStart: p?.quietStart ?? null,
    quietEnd: p?.quietEnd ?? null,
    timezone: p?.timezone ?? null,
    digest: p?.digest ?? false,
    digestHour: p?.digestHour ?? 7,
    effectiveTimezone,
  };
}
