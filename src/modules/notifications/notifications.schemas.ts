import Type from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { DateTime, IdParams, literals, Nullable, Text, Uuid } from '../../platform/http/schemas.ts';
import { CHANNEL_KINDS, DELIVERY_STATUSES, EVENT_KINDS } from './kinds.ts';

export { IdParams };

const closed = { additionalProperties: false } as const;
const Name = Text({ minLength: 1, maxLength: 100 });
const Email = Type.String({ format: 'email', maxLength: 254 });
const WebhookUrl = Type.String({
  format: 'uri',
  maxLength: 2000,
  pattern: '^https?://[^\\s\\u0000]+$',
  description: 'http(s) URL the JSON is POSTed to',
});
/** Extra request headers (an authorisation token, say): names are checked, values are text. */
const Headers = Type.Record(
  Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$', maxLength: 64 }),
  Text({ maxLength: 1000 }),
  { maxProperties: 10, propertyNames: { pattern: '^[A-Za-z0-9-]{1,64}$', maxLength: 64 } },
);
const Time = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
  maxLength: 5,
  description: 'Local time HH:MM',
});
const ChannelIds = Type.Array(Uuid, { maxItems: 20, uniqueItems: true });
const Minutes = Type.Integer({ minimum: 1, maximum: 10_080 });

export const EventKind = literals(EVENT_KINDS);
export const ChannelKind = literals(CHANNEL_KINDS);

export const Channel = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    kind: ChannelKind,
    enabled: Type.Boolean(),
    recipients: Type.Array(Type.String(), { description: 'email: the addresses' }),
    url: Nullable(Type.String({ description: 'webhook: the endpoint' })),
    headerNames: Type.Array(Type.String(), {
      description: 'webhook: extra headers sent (values are not shown)',
    }),
    userIds: Type.Array(Uuid, { description: 'in_app: the members reached; empty = every member' }),
    consecutiveFailures: Type.Integer(),
    disabledReason: Nullable(Type.String()),
    disabledAt: Nullable(DateTime),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'NotificationChannel' },
);
export const ChannelCreated = Type.Object(
  {
    channel: Type.Ref('NotificationChannel'),
    secret: Nullable(
      Type.String({ description: 'webhook: the signing secret — shown this once, store it now' }),
    ),
  },
  { $id: 'NotificationChannelCreated' },
);
export const ChannelCreate = Type.Object(
  {
    name: Name,
    kind: ChannelKind,
    recipients: Type.Optional(Type.Array(Email, { minItems: 1, maxItems: 50, uniqueItems: true })),
    url: Type.Optional(WebhookUrl),
    headers: Type.Optional(Headers),
    userIds: Type.Optional(Type.Array(Uuid, { maxItems: 200, uniqueItems: true })),
    enabled: Type.Optional(Type.Boolean()),
  },
  closed,
);
export const ChannelPatch = Type.Object(
  {
    name: Type.Optional(Name),
    recipients: Type.Optional(Type.Array(Email, { minItems: 1, maxItems: 50, uniqueItems: true })),
    url: Type.Optional(WebhookUrl),
    headers: Type.Optional(Headers),
    userIds: Type.Optional(Type.Array(Uuid, { maxItems: 200, uniqueItems: true })),
    enabled: Type.Optional(
      Type.Boolean({
        description: 'true re-enables a channel disabled after failures (and resets its count)',
      }),
    ),
  },
  { ...closed, minProperties: 1 },
);

const Params = Type.Object(
  {
    facilityId: Type.Optional(Uuid),
    minSeverity: Type.Optional(literals(['info', 'low', 'medium', 'high', 'critical', 'warning'] as const)),
    afterMinutes: Type.Optional(Minutes),
    escalateAfterMinutes: Type.Optional(Minutes),
    thresholdPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    windowMinutes: Type.Optional(Minutes),
    minParts: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    stationId: Type.Optional(Uuid),
    jobName: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9._-]{0,99}$', maxLength: 100 })),
    scheduleId: Type.Optional(Uuid),
  },
  {
    ...closed,
    description:
      'Per kind: analysis.completed/schedule.* facilityId; insight.severity minSeverity (info…critical); ' +
      'alarm.unacknowledged afterMinutes, escalateAfterMinutes, minSeverity (warning|critical), facilityId; ' +
      'inspection.reject_rate thresholdPercent, windowMinutes, minParts, stationId, facilityId; job.failed jobName',
  },
);
export const Rule = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    eventKind: EventKind,
    enabled: Type.Boolean(),
    params: Type.Record(Type.String(), Type.Unknown()),
    channelIds: Type.Array(Uuid),
    escalationChannelIds: Type.Array(Uuid),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'NotificationRule' },
);
export const RuleCreate = Type.Object(
  {
    name: Name,
    eventKind: EventKind,
    enabled: Type.Optional(Type.Boolean()),
    params: Type.Optional(Params),
    channelIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
    escalationChannelIds: Type.Optional(ChannelIds),
  },
  closed,
);
export const RulePatch = Type.Object(
  {
    name: Type.Optional(Name),
    enabled: Type.Optional(Type.Boolean()),
    params: Type.Optional(Params),
    channelIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true })),
    escalationChannelIds: Type.Optional(ChannelIds),
  },
  { ...closed, minProperties: 1 },
);

const Attempt = Type.Object({
  attempt: Type.Integer(),
  ok: Type.Boolean(),
  statusCode: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  durationMs: Type.Integer(),
  at: DateTime,
});
export const Delivery = Type.Object(
  {
    id: Uuid,
    notificationId: Uuid,
    eventKind: Type.String(),
    title: Type.String(),
    channelId: Uuid,
    channelName: Type.String(),
    kind: Type.String(),
    recipient: Nullable(Type.String()),
    status: literals(DELIVERY_STATUSES),
    attempts: Type.Integer(),
    lastStatusCode: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    holdUntil: Nullable(DateTime),
    nextAttemptAt: Nullable(DateTime),
    sentAt: Nullable(DateTime),
    isTest: Type.Boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
    attemptLog: Type.Array(Attempt),
  },
  { $id: 'NotificationDelivery' },
);
export const DeliveryPage = Page(Type.Ref('NotificationDelivery'), 'NotificationDeliveryPage');
export const DeliveryQuery = Type.Object(
  {
    status: Type.Optional(literals(DELIVERY_STATUSES)),
    channelId: Type.Optional(Uuid),
    kind: Type.Optional(literals(['email', 'webhook'] as const)),
    eventKind: Type.Optional(literals([...EVENT_KINDS, 'test', 'digest'] as const)),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    ...PageQuery,
  },
  closed,
);
export const TestResult = Type.Object(
  {
    notificationId: Uuid,
    deliveries: Type.Array(Type.Ref('NotificationDelivery')),
    inboxItems: Type.Integer({ description: 'in_app: inbox entries created' }),
  },
  { $id: 'NotificationTestResult' },
);

export const InboxItem = Type.Object(
  {
    id: Type.Integer(),
    notificationId: Uuid,
    eventKind: Type.String(),
    severity: Type.String(),
    title: Type.String(),
    body: Type.String(),
    link: Nullable(Type.String()),
    readAt: Nullable(DateTime),
    createdAt: DateTime,
  },
  { $id: 'InboxItem' },
);
export const InboxPage = Page(Type.Ref('InboxItem'), 'InboxPage');
export const InboxQuery = Type.Object(
  { unread: Type.Optional(Type.Boolean({ description: 'Only unread items' })), ...PageQuery },
  closed,
);
export const Unread = Type.Object(
  { unread: Type.Integer({ description: 'Unread items; pushed live on topic `inbox:<your user id>`' }) },
  { $id: 'InboxUnread' },
);
export const MarkRead = Type.Object(
  {
    ids: Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), {
      minItems: 1,
      maxItems: 200,
    }),
  },
  closed,
);

const PreferenceFields = {
  eventKinds: Nullable(Type.Array(EventKind, { maxItems: EVENT_KINDS.length, uniqueItems: true })),
  quietStart: Nullable(Time),
  quietEnd: Nullable(Time),
  timezone: Nullable(Type.String({ pattern: '^[A-Za-z_]+(/[A-Za-z0-9_+-]+){0,2}$', maxLength: 64 })),
  digest: Type.Boolean(),
  digestHour: Type.Integer({ minimum: 0, maximum: 23 }),
};
export const Preferences = Type.Object(
  {
    ...PreferenceFields,
    effectiveTimezone: Type.String({ description: 'The zone used: yours, else the first facility’s' }),
  },
  { $id: 'NotificationPreferences' },
);
export const PreferencesPut = Type.Object(PreferenceFields, {
  ...closed,
  description:
    'eventKinds null: every kind; quiet hours: both times or neither; emails in them wait for their end',
});

export const NOTIFICATION_SCHEMAS = [
  Channel,
  ChannelCreated,
  Rule,
  Delivery,
  DeliveryPage,
  TestResult,
  InboxItem,
  InboxPage,
  Unread,
  Preferences,
];
