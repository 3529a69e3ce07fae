import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { tenantOf } from '../../../platform/db/scope.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { PageQuery, presentPage } from '../../../platform/http/pagination.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import type { RetrieveSource } from '../contracts.ts';
import {
  GenerateBody,
  GraphBody,
  PipelineCreate,
  PipelinePatch,
  PipelineQuery,
  PipelineReplace,
} from './catalog.schemas.ts';
import type { PipelineStatus } from './pipelines.repo.ts';
import type { PipelinesService } from './pipelines.service.ts';
import { presentPipeline, presentVersion } from './presenters.ts';
import type { Preference } from './wizard.ts';

// Pipelines. Reads need `read`; creating and changing them (deploy, pause, archive included) needs
// `analyze`: building pipelines is analysts' work, as analyses are (admins have `analyze` too).

const tags = ['ai-pipelines'];
const VersionQuery = Type.Object(PageQuery, { additionalProperties: false });

export function pipelinesRoutes(app: App, { pipelines }: { pipelines: PipelinesService }) {
  const tenant = (request: FastifyRequest) => tenantOf(principalOf(request));
  const actor = (request: FastifyRequest) => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.userId : null;
  };

  app.get(
    '/ai/pipelines',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listAiPipelines',
        summary: 'Pipelines, most recently changed first, each with its figures of the last 24 hours',
        querystring: PipelineQuery,
        response: { 200: Type.Ref('AiPipelinePage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(
        await pipelines.list(tenant(request), {
          ...request.query,
          status: request.query.status as PipelineStatus | undefined,
        }),
        request.query,
        ({ row, metrics }) => presentPipeline(row, metrics),
      ),
  );

  app.post(
    '/ai/pipelines',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'createAiPipeline',
        summary:
          'Create a pipeline (a draft): the graph is validated; node count, complexity and monthly cost computed',
        description:
          'The slug (the gateway model `pipeline/<slug>`) is derived from the name when not given. Version 1 is recorded.',
        body: PipelineCreate,
        response: { 201: Type.Ref('AiPipeline'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentPipeline(await pipelines.create(tenant(request), request.body, actor(request)))),
  );

  app.post(
    '/ai/pipelines/validate',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'validateAiPipelineGraph',
        summary:
          'Check a graph without saving it: every problem, each naming its node, and the estimate of a valid one',
        body: GraphBody,
        response: { 200: Type.Ref('AiGraphCheck'), ...errorResponses(400) },
      },
    },
    async (request) => pipelines.validate(request.body),
  );

  app.post(
    '/ai/pipelines/generate',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'generateAiPipeline',
        summary:
          'The wizard: a pipeline for a sector, use case, data sources and latency/cost preferences, with why each node is there',
        description:
          'Rule-based and deterministic. With `save: true` (and a workspaceId) it is also created as a draft and returned as `pipeline`.',
        body: GenerateBody,
        response: { 200: Type.Ref('AiGeneratedPipeline'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const body = request.body;
      const result = await pipelines.generate(
        tenant(request),
        {
          ...body,
          dataSources: body.dataSources as RetrieveSource[],
          latency: body.latency as Preference,
          cost: body.cost as Preference,
        },
        actor(request),
      );
      return { ...result, pipeline: result.pipeline ? presentPipeline(result.pipeline) : null };
    },
  );

  app.get(
    '/ai/pipelines/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAiPipeline',
        summary: 'A pipeline with its graph, estimate and figures of the last 24 hours',
        params: IdParams,
        response: { 200: Type.Ref('AiPipeline'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const { row, metrics } = await pipelines.get(tenant(request), request.params.id);
      return presentPipeline(row, metrics);
    },
  );

  app.put(
    '/ai/pipelines/:id',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'replaceAiPipeline',
        summary: 'Replace a pipeline’s editable fields; a changed graph or feature list is a new version',
        params: IdParams,
        body: PipelineReplace,
        response: { 200: Type.Ref('AiPipeline'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentPipeline(
        await pipelines.replace(tenant(request), request.params.id, request.body, actor(request)),
      ),
  );

  app.patch(
    '/ai/pipelines/:id',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'updateAiPipeline',
        summary: 'Change some fields of a pipeline; a changed graph or feature list is a new version',
        params: IdParams,
        body: PipelinePatch,
        response: { 200: Type.Ref('AiPipeline'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentPipeline(
        await pipelines.patch(tenant(request), request.params.id, request.body, actor(request)),
      ),
  );

  app.delete(
    '/ai/pipelines/:id',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'archiveAiPipeline',
        summary: 'Archive a pipeline (soft delete: status archived; its history stays)',
        params: IdParams,
        response: { 200: Type.Ref('AiPipeline'), ...errorResponses(404, 409) },
      },
    },
    async (request) => presentPipeline(await pipelines.archive(tenant(request), request.params.id)),
  );

  for (const [action, summary] of [
    ['deploy', 'Deploy a pipeline: status active, deployedAt now; the gateway serves it'],
    ['pause', 'Pause an active pipeline: the gateway refuses it until it is deployed again'],
  ] as const) {
    app.post(
      `/ai/pipelines/:id/${action}`,
      {
        config: { access: 'analyze' },
        schema: {
          tags,
          operationId: `${action}AiPipeline`,
          summary,
          params: IdParams,
          response: { 200: Type.Ref('AiPipeline'), ...errorResponses(404, 409) },
        },
      },
      async (request) => presentPipeline(await pipelines[action](tenant(request), request.params.id)),
    );
  }

  app.get(
    '/ai/pipelines/:id/versions',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listAiPipelineVersions',
        summary: 'Every version of the pipeline’s graph, newest first',
        params: IdParams,
        querystring: VersionQuery,
        response: { 200: Type.Ref('AiPipelineVersionPage'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      presentPage(
        await pipelines.versions(tenant(request), request.params.id, request.query),
        request.query,
        presentVersion,
      ),
  );
}
