import Type from 'typebox';
import { tenantOf } from '../db/scope.ts';
import { principalOf } from '../http/access.ts';
import { notFound } from '../http/errors.ts';
import { errorResponses } from '../http/openapi.ts';
import { Cursor, Text } from '../http/schemas.ts';
import type { App } from '../http/types.ts';
import type { EventRow, Events } from './events.ts';

const EventSchema = Type.Object(
  {
    id: Type.Integer(),
    position: Type.Integer({
      description: 'Its place in the history, in commit order: pass the last one seen as `after`',
    }),
    type: Type.String(),
    aggregateType: Type.String(),
    aggregateId: Type.String(),
    occurredAt: Type.String({ format: 'date-time' }),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: 'DomainEvent' },
);

const DeadEvent = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  aggregateType: Type.String(),
  aggregateId: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  deadAt: Type.String({ format: 'date-time' }),
});

const presentDead = (e: EventRow) => ({
  id: e.id,
  type: e.eventType,
  aggregateType: e.aggregateType,
  aggregateId: e.aggregateId,
  occurredAt: e.occurredAt.toISOString(),
  attempts: e.attempts,
  lastError: e.lastError,
  deadAt: (e.deadAt ?? e.occurredAt).toISOString(),
});

const presentEvent = (e: EventRow) => ({
  id: e.id,
  position: e.position ?? 0,
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
        operationId: 'listEvents',
        summary: "Your organisation's domain events, oldest first (the event store)",
        description:
          'Events about resources that need more than `read` (members need `admin`) are shown only to callers with that scope.',
        querystring: Type.Object({
          type: Type.Optional(Text({ maxLength: 100 })),
          aggregateType: Type.Optional(Text({ maxLength: 100 })),
          aggregateId: Type.Optional(Text({ maxLength: 200 })),
          after: Type.Optional(Cursor('Events after this position (the last one seen)')),
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
        nextAfter: rows.length === request.query.limit && last ? (last.position ?? null) : null,
      };
    },
  );

  app.get(
    '/events/dead',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['events'],
        operationId: 'listDeadEvents',
        summary: 'Events given up after repeated failed deliveries, newest first, with their last error',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
        response: { 200: Type.Object({ items: Type.Array(DeadEvent) }), ...errorResponses(400) },
      },
    },
    async (request) => {
      const rows = await events.dead(tenantOf(principalOf(request)), request.query.limit);
      return { items: rows.map(presentDead) };
    },
  );

  app.post(
    '/events/:id/redeliver',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['events'],
        operationId: 'redeliverEvent',
        summary: 'Deliver a dead event again, from its first attempt',
        params: Type.Object({ id: Cursor('The id of the dead event') }),
        response: { 204: Type.Null(), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const revived = await events.redeliver(tenantOf(principalOf(request)), request.params.id);
      if (!revived) throw notFound('Dead event');
      return reply.status(204).send(null);
    },
  );
}
