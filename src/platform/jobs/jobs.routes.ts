import Type from 'typebox';
import { tenantOf } from '../db/scope.ts';
import { principalOf } from '../http/access.ts';
import { notFound } from '../http/errors.ts';
import { errorResponses } from '../http/openapi.ts';
import { Page, PageQuery, presentPage } from '../http/pagination.ts';
import { DateTime, IdParams, Nullable, Text, Uuid } from '../http/schemas.ts';
import type { App } from '../http/types.ts';
import type { JobRow } from './jobs.repo.ts';
import type { Jobs } from './jobs.ts';

const JobStatus = Type.Union(
  ['queued', 'running', 'retrying', 'completed', 'failed'].map((s) => Type.Literal(s)),
);

const JobSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    status: JobStatus,
    progress: Type.Integer({ minimum: 0, maximum: 100 }),
    message: Nullable(Type.String()),
    result: Type.Unknown({ description: 'What the job returned (when completed)' }),
    error: Nullable(Type.String()),
    attempts: Type.Integer(),
    maxAttempts: Type.Integer(),
    priority: Type.Integer(),
    createdAt: DateTime,
    startedAt: Nullable(DateTime),
    finishedAt: Nullable(DateTime),
    durationMs: Nullable(Type.Integer()),
  },
  { $id: 'Job' },
);
const JobPage = Page(Type.Ref('Job'), 'JobPage');

export const presentJob = (j: JobRow) => ({
  id: j.id,
  name: j.name,
  status: j.status,
  progress: j.progress,
  message: j.message,
  result: j.result ?? null,
  error: j.error,
  attempts: j.attempts,
  maxAttempts: j.maxAttempts,
  priority: j.priority,
  createdAt: j.createdAt.toISOString(),
  startedAt: j.startedAt?.toISOString() ?? null,
  finishedAt: j.finishedAt?.toISOString() ?? null,
  durationMs: j.startedAt && j.finishedAt ? j.finishedAt.getTime() - j.startedAt.getTime() : null,
});

export function jobsRoutes(app: App, { jobs }: { jobs: Jobs }) {
  app.addSchema(JobSchema);
  app.addSchema(JobPage);

  app.get(
    '/jobs',
    {
      config: { access: 'read' },
      schema: {
        tags: ['jobs'],
        operationId: 'listJobs',
        summary: "Your organisation's background jobs, newest first",
        querystring: Type.Object({
          status: Type.Optional(JobStatus),
          name: Type.Optional(Text({ maxLength: 100 })),
          ...PageQuery,
        }),
        response: { 200: Type.Ref('JobPage'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const tenantId = tenantOf(principalOf(request));
      return presentPage(await jobs.list(tenantId, request.query), request.query, presentJob);
    },
  );

  app.get(
    '/jobs/:id',
    {
      config: { access: 'read' },
      schema: {
        tags: ['jobs'],
        operationId: 'getJob',
        summary: 'A background job: status, progress, result or error, attempts, timings',
        description: 'Live updates: subscribe to topic `job:<id>` on `/ws`.',
        params: IdParams,
        response: { 200: Type.Ref('Job'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const job = await jobs.get(tenantOf(principalOf(request)), request.params.id);
      if (!job) throw notFound('Job');
      return presentJob(job);
    },
  );

  app.post(
    '/jobs/diagnostics',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['jobs'],
        operationId: 'startDiagnostics',
        summary: 'Start a self-check job (database round trips, progress pushed live)',
        body: Type.Object(
          { rounds: Type.Integer({ minimum: 1, maximum: 200, default: 20 }) },
          { additionalProperties: false },
        ),
        response: { 202: Type.Ref('Job'), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const job = await jobs.submit('platform.diagnostics', request.body, {
        tenantId: tenantOf(principal),
        createdBy: principal.userId,
      });
      return reply.status(202).send(presentJob(job));
    },
  );
}
