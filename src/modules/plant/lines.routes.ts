import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { presentPage } from '../../platform/http/pagination.ts';
import type { App } from '../../platform/http/types.ts';
import type { LinesService } from './lines.service.ts';
import {
  Code,
  IdParams,
  LineCreate,
  LinePatch,
  LineQuery,
  ReasonCreate,
  ReasonPatch,
  ShiftCreate,
  ShiftPatch,
  StatusChangeBody,
  Uuid,
} from './plant.schemas.ts';
import { presentBatch, presentLine, presentReason, presentShift, presentStatus } from './presenters.ts';
import type { ShiftsService } from './shifts.service.ts';

const tags = ['plant'];
const when = (at: string | undefined) => (at ? new Date(at) : undefined);

export function linesRoutes(app: App, { lines, shifts }: { lines: LinesService; shifts: ShiftsService }) {
  app.get(
    '/plant-ops/lines',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listLines',
        summary: 'Production lines (filter by facility and status)',
        querystring: LineQuery,
        response: { 200: Type.Ref('LinePage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await lines.list(principalOf(request), request.query), request.query, presentLine),
  );

  app.post(
    '/plant-ops/lines',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'createLine',
        summary: 'Create a line in one of your facilities',
        body: LineCreate,
        response: { 201: Type.Ref('Line'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentLine(await lines.create(principalOf(request), request.body))),
  );

  app.get(
    '/plant-ops/lines/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getLine',
        summary: 'A line with its running batch and recent status history',
        description: 'Live: subscribe to topic `line:<id>` on `/ws` (status changes, batch events).',
        params: IdParams,
        response: { 200: Type.Ref('LineDetail'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const { line, currentBatch, history } = await lines.get(principalOf(request), request.params.id);
      return {
        line: presentLine(line),
        currentBatch: currentBatch
          ? presentBatch({ batch: currentBatch, oee: null, lineName: line.name })
          : null,
        recentStatus: history.map(presentStatus),
      };
    },
  );

  app.patch(
    '/plant-ops/lines/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'updateLine',
        summary: 'Update a line',
        params: IdParams,
        body: LinePatch,
        response: { 200: Type.Ref('Line'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => presentLine(await lines.update(principalOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/plant-ops/lines/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'deleteLine',
        summary: 'Delete a line (refused with 409 while batches reference it)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await lines.remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/plant-ops/lines/:id/status',
    {
      config: { access: 'operate' },
      schema: {
        tags,
        operationId: 'changeLineStatus',
        summary: 'Change the line status (running, idle, down, maintenance) with a downtime reason',
        description:
          'Every change is kept in the status history, from which downtime and OEE are computed. Without a reason, down and idle count as UNSPECIFIED (unplanned) and maintenance as PLANNED_MAINTENANCE.',
        params: IdParams,
        body: StatusChangeBody,
        response: { 200: Type.Ref('Line'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const { at, ...change } = request.body;
      return presentLine(
        await lines.changeStatus(principalOf(request), request.params.id, { ...change, at: when(at) }),
      );
    },
  );

  app.get(
    '/plant-ops/downtime-reasons',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listDowntimeReasons',
        summary: 'Downtime reason catalogue (planned or unplanned, by category)',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('DowntimeReason')) }) },
      },
    },
    async (request) => ({ items: (await lines.reasons(principalOf(request))).map(presentReason) }),
  );

  app.post(
    '/plant-ops/downtime-reasons',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'createDowntimeReason',
        summary: 'Add a downtime reason',
        body: ReasonCreate,
        response: { 201: Type.Ref('DowntimeReason'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentReason(await lines.addReason(principalOf(request), request.body))),
  );

  app.patch(
    '/plant-ops/downtime-reasons/:code',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'updateDowntimeReason',
        summary: 'Change a downtime reason (label, planned, category, active)',
        params: Type.Object({ code: Code }),
        body: ReasonPatch,
        response: { 200: Type.Ref('DowntimeReason'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      presentReason(await lines.changeReason(principalOf(request), request.params.code, request.body)),
  );

  app.get(
    '/plant-ops/shifts',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listShifts',
        summary: 'Shift calendars',
        querystring: Type.Object({ facilityId: Type.Optional(Uuid) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Shift')) }) },
      },
    },
    async (request) => ({
      items: (await shifts.list(principalOf(request), request.query.facilityId)).map(presentShift),
    }),
  );

  app.post(
    '/plant-ops/shifts',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'createShift',
        summary: 'Add a shift to a facility calendar (breaks are planned stops)',
        body: ShiftCreate,
        response: { 201: Type.Ref('Shift'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const { days = [1, 2, 3, 4, 5], breaks = [], ...rest } = request.body;
      const shift = await shifts.create(principalOf(request), { ...rest, days, breaks });
      return reply.status(201).send(presentShift(shift));
    },
  );

  app.patch(
    '/plant-ops/shifts/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'updateShift',
        summary: 'Change a shift',
        params: IdParams,
        body: ShiftPatch,
        response: { 200: Type.Ref('Shift'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentShift(await shifts.update(principalOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/plant-ops/shifts/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'deleteShift',
        summary: 'Remove a shift',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await shifts.remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
