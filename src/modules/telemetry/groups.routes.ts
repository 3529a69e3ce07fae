import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTime, IdParams, Nullable, Text, Uuid } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import type { GroupRow } from './groups.repo.ts';
import type { GroupsService, StoredModel } from './groups.service.ts';
import { presentAlarm } from './presenters.ts';

const tags = ['telemetry'];
const Members = Type.Array(Uuid, {
  minItems: 2,
  maxItems: 50,
  description: 'Sensors of one facility, in model order',
});
const AlignSeconds = Type.Integer({
  minimum: 1,
  maximum: 86_400,
  description: 'Readings are averaged per bucket this wide',
});

export const SensorGroup = Type.Object(
  {
    id: Uuid,
    facilityId: Uuid,
    name: Type.String(),
    description: Nullable(Type.String()),
    sensorIds: Type.Array(Uuid),
    alignSeconds: Type.Integer(),
    model: Nullable(
      Type.Object({
        trainedFrom: DateTime,
        trainedTo: DateTime,
        rows: Type.Integer(),
        components: Type.Integer(),
        explained: Type.Number(),
        quantile: Type.Number(),
        t2Limit: Type.Number(),
        speLimit: Type.Number(),
      }),
    ),
    trainedAt: Nullable(DateTime),
    evaluatedUntil: Nullable(DateTime),
  },
  { $id: 'SensorGroup' },
);
export const SensorGroupPage = Type.Object(
  {
    items: Type.Array(Type.Ref('SensorGroup')),
    total: Type.Integer(),
    limit: Type.Integer(),
    offset: Type.Integer(),
  },
  { $id: 'SensorGroupPage' },
);
export const SensorGroupDetail = Type.Object(
  { group: Type.Ref('SensorGroup'), activeAlarms: Type.Array(Type.Ref('Alarm')) },
  { $id: 'SensorGroupDetail' },
);
export const GROUP_SCHEMAS = [SensorGroup, SensorGroupPage, SensorGroupDetail];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function presentGroup({ group, sensorIds }: { group: GroupRow; sensorIds: string[] }) {
  const model = group.model as unknown as StoredModel | null;
  return {
    id: group.id,
    facilityId: group.facilityId,
    name: group.name,
    description: group.description,
    sensorIds,
    alignSeconds: group.alignSeconds,
    model: model
      ? {
          trainedFrom: new Date(model.trainedFrom).toISOString(),
          trainedTo: new Date(model.trainedTo).toISOString(),
          rows: model.rows,
          components: model.components.length,
          explained: model.explained,
          quantile: model.quantile,
          t2Limit: model.t2Limit,
          speLimit: model.qLimit,
        }
      : null,
    trainedAt: iso(group.trainedAt),
    evaluatedUntil: iso(group.evaluatedUntil),
  };
}

export function groupsRoutes(app: App, { groups }: { groups: GroupsService }) {
  app.get(
    '/plant-ops/sensor-groups',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSensorGroups',
        summary: 'Sensor groups watched together (Hotelling T² and SPE)',
        querystring: Type.Object({ facilityId: Type.Optional(Uuid), ...PageQuery }),
        response: { 200: Type.Ref('SensorGroupPage'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const page = await groups.list(principalOf(request), request.query);
      return {
        items: page.items.map(presentGroup),
        total: page.total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.post(
    '/plant-ops/sensor-groups',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'createSensorGroup',
        summary: 'Create a sensor group (e.g. every sensor of one pump)',
        body: Type.Object(
          {
            facilityId: Uuid,
            name: Text({ minLength: 1, maxLength: 200 }),
            description: Type.Optional(Nullable(Text({ maxLength: 2000 }))),
            sensorIds: Members,
            alignSeconds: Type.Optional(AlignSeconds),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref('SensorGroup'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentGroup(await groups.create(principalOf(request), request.body))),
  );

  app.get(
    '/plant-ops/sensor-groups/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSensorGroup',
        summary: 'A sensor group with its model and its alarms that are not cleared',
        description: 'Live: topic `sensor-group:<id>` (AnomalyDetected, AlarmCleared).',
        params: IdParams,
        response: { 200: Type.Ref('SensorGroupDetail'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const detail = await groups.get(principalOf(request), request.params.id);
      return { group: presentGroup(detail), activeAlarms: detail.activeAlarms.map(presentAlarm) };
    },
  );

  app.patch(
    '/plant-ops/sensor-groups/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'updateSensorGroup',
        summary: 'Update a sensor group (new members or alignment forget the trained model)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Text({ minLength: 1, maxLength: 200 })),
            description: Type.Optional(Nullable(Text({ maxLength: 2000 }))),
            sensorIds: Type.Optional(Members),
            alignSeconds: Type.Optional(AlignSeconds),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Ref('SensorGroup'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentGroup(await groups.update(principalOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/plant-ops/sensor-groups/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'deleteSensorGroup',
        summary: 'Delete a sensor group and its alarms',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await groups.remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/plant-ops/sensor-groups/:id/train',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'trainSensorGroup',
        summary: 'Learn the group’s normal behaviour from a window of its readings (default: the last 24 h)',
        description:
          'A PCA model of the members’ readings averaged per `alignSeconds`, keeping the components that explain `explained` of the standardised variance; the T² and SPE limits are the `quantile` of the window’s own statistics. Every complete bucket after the window is then judged as it arrives.',
        params: IdParams,
        body: Type.Object(
          {
            from: Type.Optional(DateTime),
            to: Type.Optional(DateTime),
            explained: Type.Optional(Type.Number({ minimum: 0.5, maximum: 1 })),
            quantile: Type.Optional(Type.Number({ minimum: 0.9, maximum: 0.9999 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('SensorGroup'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      presentGroup(await groups.train(principalOf(request), request.params.id, request.body)),
  );
}
