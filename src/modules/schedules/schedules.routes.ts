// Scheduled analyses (issue 19): /analytics/schedules. Analysts and admins write and run; every
// tenant role reads.
import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { PageQuery, presentPage } from '../../platform/http/pagination.ts';
import { IdParams, literals, Uuid } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { wallClock } from './cron.ts';
import { presentRun, presentSchedule } from './presenters.ts';
import { PreviewQuery, ScheduleInput, ScheduleUpdate } from './schedules.schemas.ts';
import type {
  ScheduleInput as Input,
  SchedulesService,
  ScheduleUpdate as Update,
} from './schedules.service.ts';

const tags = ['schedules'];
const base = '/analytics/schedules';

export function schedulesRoutes(app: App, { schedules }: { schedules: SchedulesService }) {
  app.get(
    base,
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listAnalysisSchedules',
        summary: 'Scheduled analyses, by name, each with its next run and its last run',
        querystring: Type.Object(
          {
            facilityId: Type.Optional(Uuid),
            status: Type.Optional(literals(['active', 'paused'] as const)),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('AnalysisSchedulePage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await schedules.list(principalOf(request), request.query), request.query, presentSchedule),
  );

  app.get(
    `${base}/preview`,
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'previewAnalysisSchedule',
        summary:
          'The next five runs of a cron expression in a time zone (400 with the reason when it does not parse)',
        querystring: PreviewQuery,
        response: { 200: Type.Ref('SchedulePreview'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { cron, timezone } = request.query;
      const runs = schedules.preview(cron, timezone);
      return {
        cron: cron.trim(),
        timezone,
        runs: runs.map((at) => ({ at: at.toISOString(), local: wallClock(at, timezone) })),
      };
    },
  );

  app.post(
    base,
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'createAnalysisSchedule',
        summary:
          'Schedule an analysis: a cron expression, a source (watched folder or URL) and a mapping profile',
        body: ScheduleInput,
        response: { 201: Type.Ref('AnalysisSchedule'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentSchedule(await schedules.create(principalOf(request), request.body as Input))),
  );

  app.get(
    `${base}/:id`,
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAnalysisSchedule',
        summary: 'A scheduled analysis',
        params: IdParams,
        response: { 200: Type.Ref('AnalysisSchedule'), ...errorResponses(404) },
      },
    },
    async (request) => presentSchedule(await schedules.get(principalOf(request), request.params.id)),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'updateAnalysisSchedule',
        summary: 'Change a scheduled analysis (its next run is recomputed)',
        params: IdParams,
        body: ScheduleUpdate,
        response: { 200: Type.Ref('AnalysisSchedule'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentSchedule(
        await schedules.update(principalOf(request), request.params.id, request.body as Update),
      ),
  );

  app.delete(
    `${base}/:id`,
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'deleteAnalysisSchedule',
        summary: 'Delete a scheduled analysis and its run history (imports and analyses stay)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await schedules.remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  for (const [action, status] of [
    ['pause', 'paused'],
    ['resume', 'active'],
  ] as const)
    app.post(
      `${base}/:id/${action}`,
      {
        config: { access: 'analyze' },
        schema: {
          tags,
          operationId: `${action}AnalysisSchedule`,
          summary:
            action === 'pause'
              ? 'Pause a schedule (run now still works)'
              : 'Resume a paused schedule from its next slot',
          params: IdParams,
          response: { 200: Type.Ref('AnalysisSchedule'), ...errorResponses(404) },
        },
      },
      async (request) =>
        presentSchedule(await schedules.setStatus(principalOf(request), request.params.id, status)),
    );

  app.post(
    `${base}/:id/run`,
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'runAnalysisSchedule',
        summary: 'Run a schedule now; the run is a job (follow it in the run history)',
        params: IdParams,
        response: { 202: Type.Ref('ScheduleRun'), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(presentRun(await schedules.runNow(principalOf(request), request.params.id))),
  );

  app.get(
    `${base}/:id/runs`,
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listAnalysisScheduleRuns',
        summary: 'The run history of a schedule, newest first, with each run’s comparison',
        params: IdParams,
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: { 200: Type.Ref('ScheduleRunPage'), ...errorResponses(404) },
      },
    },
    async (request) =>
      presentPage(
        await schedules.runs(principalOf(request), request.params.id, request.query),
        request.query,
        presentRun,
      ),
  );
}
