import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { presentPage } from '../../platform/http/pagination.ts';
import type { App } from '../../platform/http/types.ts';
import type { AdminService } from './admin.service.ts';
import type { DeliveriesService } from './deliveries.service.ts';
import {
  ChannelCreate,
  ChannelPatch,
  DeliveryQuery,
  IdParams,
  RuleCreate,
  RulePatch,
} from './notifications.schemas.ts';
import { presentChannel, presentDelivery, presentRule } from './presenters.ts';

const tags = ['notifications'];
const base = '/notifications';

export function adminRoutes(
  app: App,
  { admin, deliveries }: { admin: AdminService; deliveries: DeliveriesService },
) {
  app.get(
    `${base}/channels`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'listNotificationChannels',
        summary: 'Notification channels (email, webhook, in-app)',
        response: { 200: Type.Array(Type.Ref('NotificationChannel')) },
      },
    },
    async (request) => (await admin.listChannels(principalOf(request))).map(presentChannel),
  );

  app.post(
    `${base}/channels`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'createNotificationChannel',
        summary: 'Create a channel',
        description:
          'email: `recipients`; webhook: `url` (+ `headers`) — the answer carries the signing secret, shown once; ' +
          'in_app: `userIds` (none: every member). Webhooks are signed `PlantIntel-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.',
        body: ChannelCreate,
        response: { 201: Type.Ref('NotificationChannelCreated'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const { channel, secret } = await admin.createChannel(principalOf(request), request.body);
      return reply.status(201).send({ channel: presentChannel(channel), secret });
    },
  );

  app.get(
    `${base}/channels/:id`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'getNotificationChannel',
        summary: 'A channel',
        params: IdParams,
        response: { 200: Type.Ref('NotificationChannel'), ...errorResponses(404) },
      },
    },
    async (request) => presentChannel(await admin.getChannel(principalOf(request), request.params.id)),
  );

  app.patch(
    `${base}/channels/:id`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'updateNotificationChannel',
        summary: 'Update a channel; `enabled: true` re-enables one disabled after failures',
        params: IdParams,
        body: ChannelPatch,
        response: { 200: Type.Ref('NotificationChannel'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentChannel(await admin.updateChannel(principalOf(request), request.params.id, request.body)),
  );

  app.delete(
    `${base}/channels/:id`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'deleteNotificationChannel',
        summary: 'Delete a channel (its deliveries go with it; rules drop it)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await admin.removeChannel(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/channels/:id/test`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'testNotificationChannel',
        summary: 'Send a test notification through the channel (delivered by a job; watch the delivery log)',
        params: IdParams,
        response: { 202: Type.Ref('NotificationTestResult'), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const result = await admin.testChannel(principalOf(request), request.params.id);
      const channelName = result.channel.name;
      return reply.status(202).send({
        notificationId: result.notification.id,
        deliveries: result.deliveries.map((delivery) =>
          presentDelivery({ delivery, notification: result.notification, channelName }, []),
        ),
        inboxItems: result.channel.kind === 'in_app' ? 1 : 0,
      });
    },
  );

  app.get(
    `${base}/rules`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'listNotificationRules',
        summary: 'Notification rules',
        response: { 200: Type.Array(Type.Ref('NotificationRule')) },
      },
    },
    async (request) => (await admin.listRules(principalOf(request))).map(presentRule),
  );

  app.post(
    `${base}/rules`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'createNotificationRule',
        summary: 'Create a rule: an event kind, its parameters and the channels told',
        body: RuleCreate,
        response: { 201: Type.Ref('NotificationRule'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentRule(await admin.createRule(principalOf(request), request.body))),
  );

  app.get(
    `${base}/rules/:id`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'getNotificationRule',
        summary: 'A rule',
        params: IdParams,
        response: { 200: Type.Ref('NotificationRule'), ...errorResponses(404) },
      },
    },
    async (request) => presentRule(await admin.getRule(principalOf(request), request.params.id)),
  );

  app.patch(
    `${base}/rules/:id`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'updateNotificationRule',
        summary: 'Update a rule',
        params: IdParams,
        body: RulePatch,
        response: { 200: Type.Ref('NotificationRule'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentRule(await admin.updateRule(principalOf(request), request.params.id, request.body)),
  );

  app.delete(
    `${base}/rules/:id`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'deleteNotificationRule',
        summary: 'Delete a rule (its past notifications stay)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await admin.removeRule(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/deliveries`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'listNotificationDeliveries',
        summary: 'The delivery log: every email and webhook delivery with its attempts, newest first',
        querystring: DeliveryQuery,
        response: { 200: Type.Ref('NotificationDeliveryPage'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      const page = await deliveries.list(principalOf(request), {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      return presentPage(page, request.query, (row) => presentDelivery(row, page.attempts));
    },
  );

  app.get(
    `${base}/deliveries/:id`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'getNotificationDelivery',
        summary: 'A delivery with every attempt',
        params: IdParams,
        response: { 200: Type.Ref('NotificationDelivery'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const { row, attempts } = await deliveries.get(principalOf(request), request.params.id);
      return presentDelivery(row, attempts);
    },
  );

  app.post(
    `${base}/deliveries/:id/replay`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'replayNotificationDelivery',
        summary: 'Send a sent or failed delivery again (a new delivery, by a job)',
        params: IdParams,
        response: { 202: Type.Ref('NotificationDelivery'), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const { row, attempts } = await deliveries.replay(principalOf(request), request.params.id);
      return reply.status(202).send(presentDelivery(row, attempts));
    },
  );
}
