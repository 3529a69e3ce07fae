import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { presentPage } from '../../platform/http/pagination.ts';
import type { App } from '../../platform/http/types.ts';
import type { InboxService } from './inbox.service.ts';
import { InboxQuery, MarkRead, PreferencesPut } from './notifications.schemas.ts';
import { presentInboxItem, presentPreferences } from './presenters.ts';

const tags = ['notifications'];
const base = '/notifications';

export function inboxRoutes(app: App, { inbox }: { inbox: InboxService }) {
  app.get(
    `${base}/inbox`,
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listInbox',
        summary: 'Your in-app notifications, newest first',
        description:
          'Live: subscribe to topic `inbox:<your user id>` on `/ws` (InboxUpdated with the unread count).',
        querystring: InboxQuery,
        response: { 200: Type.Ref('InboxPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await inbox.list(principalOf(request), request.query), request.query, presentInboxItem),
  );

  app.get(
    `${base}/inbox/unread-count`,
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'inboxUnreadCount',
        summary: 'How many of your in-app notifications are unread',
        response: { 200: Type.Ref('InboxUnread') },
      },
    },
    async (request) => inbox.unread(principalOf(request)),
  );

  app.post(
    `${base}/inbox/read`,
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'markInboxRead',
        summary: 'Mark some of your notifications read (ids that are not yours are ignored)',
        body: MarkRead,
        response: { 200: Type.Ref('InboxUnread'), ...errorResponses(400) },
      },
    },
    async (request) => inbox.markRead(principalOf(request), request.body.ids),
  );

  app.post(
    `${base}/inbox/read-all`,
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'markInboxAllRead',
        summary: 'Mark all your notifications read',
        response: { 200: Type.Ref('InboxUnread') },
      },
    },
    async (request) => inbox.markAllRead(principalOf(request)),
  );

  app.get(
    `${base}/preferences`,
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getNotificationPreferences',
        summary: 'Your notification preferences',
        response: { 200: Type.Ref('NotificationPreferences') },
      },
    },
    async (request) => {
      const { prefs, zone } = await inbox.preferences(principalOf(request));
      return presentPreferences(prefs, zone);
    },
  );

  app.put(
    `${base}/preferences`,
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'putNotificationPreferences',
        summary: 'Set your preferences: which kinds, quiet hours (emails wait until they end), daily digest',
        body: PreferencesPut,
        response: { 200: Type.Ref('NotificationPreferences'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { prefs, zone } = await inbox.setPreferences(principalOf(request), request.body);
      return presentPreferences(prefs, zone);
    },
  );
}
