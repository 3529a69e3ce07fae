import Type from 'typebox';
import { tenantOf } from '../db/scope.ts';
import { principalOf } from '../http/access.ts';
import { errorResponses } from '../http/openapi.ts';
import { Cursor, Text } from '../http/schemas.ts';
import type { App } from '../http/types.ts';
import type { EventRow, Events } from './events.ts';

const EventSchema = Type.Object(
  {
    id: Type.Integer({ description: 'Increasing: pass the last one seen as `after`' }),
    type: Type.String(),
    aggregateType: Type.String(),
    aggregateId: Type.String(),
    occurredAt: Type.String({ format: 'date-time' }),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: 'DomainEvent' },
);

const presentEvent = (e: EventRow) => ({
  id: e.id,
  type: e.eventType,
  aggregateType: e.aggregateType,
  aggregateId: e.aggregateId,
  occurredAt: e.occurredAt.toISOString(),
  data: e.payload,
});

export function eventsRoutes(app: App, { events }: { events: Events }) {
  app.addSchema(EventSchema);
  app.get(
    '/events',
    {
      config: { access: 'read' },
      schema: {
        tags: ['events'],
        summary: "Your organisation's domain events, oldest first (the event store)",
        description:
          'Events about resources that need more than `read` (members need `admin`) are shown only to callers with that scope.',
        querystring: Type.Object({
          type: Type.Optional(Text({ maxLength: 100 })),
          aggregateType: Type.Optional(Text({ maxLength: 100 })),
          aggregateId: Type.Optional(Text({ maxLength: 200 })),
          after: Type.Optional(Cursor('Events with an id greater than this (the last one seen)')),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('DomainEvent')),
            nextAfter: Type.Union([Type.Integer(), Type.Null()], {
              description: 'Pass as `after` for the next page; null at the end',
            }),
          }),
          ...errorResponses(400),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const rows = await events.list(tenantOf(principal), {
        ...request.query,
        scopes: [...principal.scopes],
      });
      const last = rows.at(-1);
      return {
        items: rows.map(presentEvent),
        nextAfter: rows.length === request.query.limit && last ? last.id : null,
      };
    },
  );
}
