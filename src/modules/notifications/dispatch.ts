// The fan-out of a notification to its channels, inside the transaction that created it: the inbox
// rows, a delivery per email recipient and webhook, and the jobs that send them. Nothing is sent
// here — the change that triggered the notification never waits on SMTP or an HTTP endpoint.
import type { Tx } from '../../platform/db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import { type ChannelRow, findChannel } from './channels.repo.ts';
import {
  type DeliveryRow,
  insertDelivery,
  insertNotification,
  type NotificationRow,
} from './deliveries.repo.ts';
import {
  activeMembers,
  facilityTimeZone,
  insertInboxItems,
  type PreferencesRow,
  preferencesOf,
  tenantTimeZone,
  unreadCount,
} from './inbox.repo.ts';
import type { Message, NotificationKind } from './kinds.ts';
import { quietUntil } from './quiet-hours.ts';

export interface DispatchDeps {
  jobs: Pick<Jobs, 'enqueue'>;
  realtime: Pick<Realtime, 'publish'>;
  now?: () => Date;
}

export const inboxTopic = (userId: string) => `inbox:${userId}`;

/** Pushes the user's unread count live on `inbox:<userId>` when the transaction commits. */
export async function pushUnread(
  deps: Pick<DispatchDeps, 'realtime'>,
  tx: Tx,
  tenantId: string,
  userId: string,
  latest?: { notificationId: string; title: string },
) {
  const unread = await unreadCount(tx, userId);
  await deps.realtime.publish(tx, tenantId, [inboxTopic(userId)], {
    id: `inbox:${userId}:${Date.now()}`,
    type: 'InboxUpdated',
    occurredAt: new Date().toISOString(),
    data: { unread, ...(latest ?? {}) },
  });
}

export async function enqueueDelivery(deps: Pick<DispatchDeps, 'jobs'>, tx: Tx, row: DeliveryRow, at?: Date) {
  await deps.jobs.enqueue(
    tx,
    'notifications.deliver',
    { deliveryId: row.id },
    { tenantId: row.tenantId, ...(at ? { startAfter: at } : {}) },
  );
}

export interface Occurrence extends Message {
  tenantId: string;
  ruleId: string | null;
  eventKind: NotificationKind;
  /** Same key, same tenant: the notification exists once, however often the condition is seen. */
  dedupeKey: string;
}

/**
 * Records the notification (once per dedupe key) and fans it out to `channelIds`. Returns
 * undefined when the key was seen before. `test` skips preferences, quiet hours and digests.
 */
export async function notify(
  deps: DispatchDeps,
  tx: Tx,
  occurrence: Occurrence,
  channelIds: readonly string[],
  { test = false }: { test?: boolean } = {},
): Promise<{ notification: NotificationRow; deliveries: DeliveryRow[] } | undefined> {
  const { tenantId } = occurrence;
  const notification = await insertNotification(tx, {
    tenantId,
    ruleId: occurrence.ruleId,
    eventKind: occurrence.eventKind,
    dedupeKey: occurrence.dedupeKey,
    severity: occurrence.severity,
    title: occurrence.title.slice(0, 300),
    body: occurrence.body.slice(0, 10_000),
    data: occurrence.data,
    facilityId: occurrence.facilityId ?? null,
  });
  if (!notification) return undefined;
  const channels: ChannelRow[] = [];
  for (const id of new Set(channelIds)) {
    const channel = await findChannel(tx, id);
    if (channel) channels.push(channel);
  }
  const deliveries: DeliveryRow[] = [];
  if (channels.length === 0) return { notification, deliveries };

  const members = await activeMembers(tx);
  const prefs = new Map(
    (
      await preferencesOf(
        tx,
        members.map((m) => m.userId),
      )
    ).map((p) => [p.userId, p]),
  );
  const wants = (p: PreferencesRow | undefined) =>
    test || !p?.eventKinds || p.eventKinds.includes(occurrence.eventKind);
  let zone: string | undefined;
  const now = deps.now?.() ?? new Date();

  for (const channel of channels) {
    if (channel.kind === 'in_app') {
      if (!channel.enabled) continue;
      const chosen = (channel.config.userIds as string[] | undefined) ?? [];
      const targets = members
        .filter((m) => chosen.length === 0 || chosen.includes(m.userId))
        .filter((m) => wants(prefs.get(m.userId)));
      const added = await insertInboxItems(
        tx,
        tenantId,
        notification.id,
        targets.map((m) => m.userId),
      );
      for (const { userId } of added)
        await pushUnread(deps, tx, tenantId, userId, {
          notificationId: notification.id,
          title: notification.title,
        });
      continue;
    }
    const base = {
      tenantId,
      notificationId: notification.id,
      channelId: channel.id,
      kind: channel.kind,
      isTest: test,
    };
    if (!channel.enabled) {
      // Visible as failed with its reason rather than silently dropped.
      deliveries.push(
        await insertDelivery(tx, {
          ...base,
          status: 'failed',
          lastError: channel.disabledReason ?? 'The channel is disabled',
        }),
      );
      continue;
    }
    if (channel.kind === 'webhook') {
      const row = await insertDelivery(tx, { ...base, status: 'pending' });
      await enqueueDelivery(deps, tx, row);
      deliveries.push(row);
      continue;
    }
    for (const address of (channel.config.recipients as string[] | undefined) ?? []) {
      const member = members.find((m) => m.email.toLowerCase() === address.toLowerCase());
      const pref = member ? prefs.get(member.userId) : undefined;
      if (!wants(pref)) continue;
      const userId = member?.userId ?? null;
      let holdUntil: Date | null = null;
      if (!test && pref?.quietStart && pref.quietEnd) {
        // The user's zone, else the facility's the notification is about, else the tenant's first.
        zone ??=
          (occurrence.facilityId ? await facilityTimeZone(tx, occurrence.facilityId) : undefined) ??
          (await tenantTimeZone(tx));
        holdUntil = quietUntil(now, pref.timezone ?? zone, pref.quietStart, pref.quietEnd);
      }
      const status = !test && pref?.digest ? 'digest' : holdUntil ? 'held' : 'pending';
      const row = await insertDelivery(tx, {
        ...base,
        recipient: address,
        userId,
        status,
        holdUntil: status === 'held' ? holdUntil : null,
      });
      if (status !== 'digest')
        await enqueueDelivery(deps, tx, row, status === 'held' ? (holdUntil ?? undefined) : undefined);
      deliveries.push(row);
    }
  }
  return { notification, deliveries };
}
