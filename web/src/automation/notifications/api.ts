// Notifications (/api/v1/notifications): shapes from the generated API schema, calls, query keys,
// and the live unread count (topic `inbox:<user id>`) the bell and the inbox share.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, operations } from '../../api-schema';
import { useMe } from '../../auth/hooks';
import { useTopic } from '../../realtime';
import { client } from '../../typed-api';

type Schemas = components['schemas'];
export type Channel = Schemas['NotificationChannel'];
export type Rule = Schemas['NotificationRule'];
export type Delivery = Schemas['NotificationDelivery'];
export type InboxItem = Schemas['InboxItem'];
export type Preferences = Schemas['NotificationPreferences'];
export type ChannelInput =
  operations['createNotificationChannel']['requestBody']['content']['application/json'];
export type RuleInput = operations['createNotificationRule']['requestBody']['content']['application/json'];
export type PreferencesInput =
  operations['putNotificationPreferences']['requestBody']['content']['application/json'];
export type DeliveryQuery = NonNullable<operations['listNotificationDeliveries']['parameters']['query']>;
export type EventKind = Rule['eventKind'];

export const EVENT_KINDS: { kind: EventKind; label: string }[] = [
  { kind: 'analysis.completed', label: 'Analysis completed' },
  { kind: 'insight.severity', label: 'Insight of a severity' },
  { kind: 'alarm.unacknowledged', label: 'Alarm unacknowledged' },
  { kind: 'inspection.reject_rate', label: 'Inspection reject rate' },
  { kind: 'job.failed', label: 'Job failed' },
  { kind: 'schedule.failed', label: 'Scheduled run failed' },
  { kind: 'schedule.completed', label: 'Scheduled run completed' },
];
export const kindLabel = (kind: string) => EVENT_KINDS.find((k) => k.kind === kind)?.label ?? kind;

const keys = {
  channels: ['notifications', 'channels'] as const,
  rules: ['notifications', 'rules'] as const,
  deliveries: (q: DeliveryQuery) => ['notifications', 'deliveries', q] as const,
  inbox: (unread: boolean, offset: number) => ['notifications', 'inbox', unread, offset] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export function useChannels(enabled = true) {
  return useQuery({
    queryKey: keys.channels,
    queryFn: ({ signal }) => client.get('/api/v1/notifications/channels', { signal }),
    enabled,
  });
}

export function useRules(enabled = true) {
  return useQuery({
    queryKey: keys.rules,
    queryFn: ({ signal }) => client.get('/api/v1/notifications/rules', { signal }),
    enabled,
  });
}

export function useChannelActions() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['notifications'] });
  return {
    create: useMutation({
      mutationFn: (body: ChannelInput) => client.post('/api/v1/notifications/channels', { body }),
      onSuccess: refresh,
    }),
    setEnabled: useMutation({
      mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
        client.patch('/api/v1/notifications/channels/{id}', { path: { id }, body: { enabled } }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => client.delete('/api/v1/notifications/channels/{id}', { path: { id } }),
      onSuccess: refresh,
    }),
    test: useMutation({
      mutationFn: (id: string) => client.post('/api/v1/notifications/channels/{id}/test', { path: { id } }),
      onSuccess: refresh,
    }),
  };
}

export function useRuleActions() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: keys.rules });
  return {
    create: useMutation({
      mutationFn: (body: RuleInput) => client.post('/api/v1/notifications/rules', { body }),
      onSuccess: refresh,
    }),
    setEnabled: useMutation({
      mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
        client.patch('/api/v1/notifications/rules/{id}', { path: { id }, body: { enabled } }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => client.delete('/api/v1/notifications/rules/{id}', { path: { id } }),
      onSuccess: refresh,
    }),
  };
}

/** Deliveries still on their way reload every few seconds. */
const WAITING_POLL_MS = 3_000;

export function useDeliveries(query: DeliveryQuery) {
  return useQuery({
    queryKey: keys.deliveries(query),
    queryFn: ({ signal }) => client.get('/api/v1/notifications/deliveries', { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.items.some((d) => d.status === 'pending' || d.status === 'retrying')
        ? WAITING_POLL_MS
        : false,
  });
}

export function useReplay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.post('/api/v1/notifications/deliveries/{id}/replay', { path: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications', 'deliveries'] }),
  });
}

/**
 * The unread count, kept current by `InboxUpdated` events on `inbox:<user id>` (and re-read when
 * the subscription is (re)confirmed, in case one was missed while disconnected).
 */
export function useUnread(enabled: boolean) {
  const qc = useQueryClient();
  const me = useMe().data;
  const userId = enabled && me?.tenant ? me.user.id : null;
  const query = useQuery({
    queryKey: keys.unread,
    queryFn: ({ signal }) => client.get('/api/v1/notifications/inbox/unread-count', { signal }),
    enabled: userId !== null,
  });
  useTopic(userId ? `inbox:${userId}` : null, {
    onEvent: (event) => {
      const unread = (event.data as { unread?: unknown }).unread;
      if (typeof unread === 'number') qc.setQueryData(keys.unread, { unread });
      void qc.invalidateQueries({ queryKey: ['notifications', 'inbox'] });
    },
    onSubscribed: () => void qc.invalidateQueries({ queryKey: keys.unread }),
  });
  return query.data?.unread ?? 0;
}

export function useInbox(unread: boolean, offset: number, limit: number) {
  return useQuery({
    queryKey: keys.inbox(unread, offset),
    queryFn: ({ signal }) =>
      client.get('/api/v1/notifications/inbox', { query: { unread, limit, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInboxActions() {
  const qc = useQueryClient();
  const done = (data: { unread: number }) => {
    qc.setQueryData(keys.unread, data);
    void qc.invalidateQueries({ queryKey: ['notifications', 'inbox'] });
  };
  return {
    read: useMutation({
      mutationFn: (ids: number[]) => client.post('/api/v1/notifications/inbox/read', { body: { ids } }),
      onSuccess: done,
    }),
    readAll: useMutation({
      mutationFn: () => client.post('/api/v1/notifications/inbox/read-all', {}),
      onSuccess: done,
    }),
  };
}

export function usePreferences() {
  return useQuery({
    queryKey: keys.preferences,
    queryFn: ({ signal }) => client.get('/api/v1/notifications/preferences', { signal }),
  });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesInput) => client.put('/api/v1/notifications/preferences', { body }),
    onSuccess: (data) => qc.setQueryData(keys.preferences, data),
  });
}
