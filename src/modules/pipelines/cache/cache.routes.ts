import Type from 'typebox';
import { tenantOf } from '../../../platform/db/scope.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { PageQuery } from '../../../platform/http/pagination.ts';
import { DateTime, IdParams, Nullable, Uuid } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import type { CacheService } from './cache.service.ts';
import { presentEntry, presentPipelineStats, presentTenantStats } from './presenters.ts';

const tags = ['ai'];
const closed = { additionalProperties: false } as const;
const Hours = Type.Integer({
  minimum: 1,
  maximum: 24 * 90,
  default: 24,
  description: 'Window of the request counts, in hours',
});

const Outcomes = Type.Object({
  requests: Type.Integer(),
  off: Type.Integer(),
  miss: Type.Integer(),
  exact: Type.Integer(),
  semantic: Type.Integer(),
  hitRate: Nullable(Type.Number({ description: 'Hits / cached lookups (null without lookups)' })),
  tokensSaved: Type.Integer(),
  costSavedUsd: Type.Number(),
});
const Totals = Type.Object({
  entries: Type.Integer({
    description: 'Rows, expired ones included until the maintenance task removes them',
  }),
  live: Type.Integer(),
  hits: Type.Integer({ description: 'Hits counted on the entries (written every few seconds)' }),
  tokensCached: Type.Integer(),
});
const Entry = Type.Object({
  id: Uuid,
  queryText: Type.String(),
  answerPreview: Type.String({ description: 'The first 200 characters of the answer' }),
  model: Nullable(Type.String()),
  tokensIn: Type.Integer(),
  tokensOut: Type.Integer(),
  costUsd: Type.Number(),
  hits: Type.Integer(),
  createdAt: DateTime,
  lastHitAt: Nullable(DateTime),
  expiresAt: DateTime,
});

const PipelineCache = Type.Object({
  pipelineId: Uuid,
  hours: Type.Integer(),
  totals: Totals,
  outcomes: Outcomes,
  entries: Type.Object({
    items: Type.Array(Entry),
    total: Type.Integer(),
    limit: Type.Integer(),
    offset: Type.Integer(),
  }),
  embedder: Type.Object({
    kind: Type.Union([Type.Literal('builtin'), Type.Literal('upstream')], {
      description: 'builtin: the offline embedder; upstream: EMBEDDINGS_BASE_URL',
    }),
    model: Nullable(Type.String({ description: 'The upstream embedding model (null: built-in)' })),
    defaultThreshold: Type.Number({ description: 'Similarity a hit needs when the cache node sets none' }),
    failures: Type.Integer({
      description: 'Questions and entries the embedder failed to embed since this server started',
    }),
  }),
});

const TenantCache = Type.Object({
  hours: Type.Integer(),
  totals: Totals,
  outcomes: Outcomes,
  pipelines: Type.Array(Type.Object({ pipelineId: Uuid, totals: Totals, outcomes: Outcomes })),
});

export function cacheRoutes(app: App, { service }: { service: CacheService }) {
  app.get(
    '/ai/pipelines/:id/cache',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAiPipelineCache',
        summary:
          "A pipeline's answer cache: entry totals, hit/miss counts of its requests, entries newest first",
        params: IdParams,
        querystring: Type.Object({ hours: Hours, ...PageQuery }, closed),
        response: { 200: PipelineCache, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const tenantId = tenantOf(principalOf(request));
      const stats = await service.pipelineStats(tenantId, request.params.id, request.query);
      return presentPipelineStats(stats, request.query, presentEntry);
    },
  );

  app.delete(
    '/ai/pipelines/:id/cache',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'clearAiPipelineCache',
        summary: "Invalidate a pipeline's cache: every entry, or those older than ?olderThanHours",
        params: IdParams,
        querystring: Type.Object(
          { olderThanHours: Type.Optional(Type.Number({ minimum: 0, maximum: 24 * 3650 })) },
          closed,
        ),
        response: { 200: Type.Object({ removed: Type.Integer() }), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({
      removed: await service.invalidatePipeline(
        tenantOf(principalOf(request)),
        request.params.id,
        request.query.olderThanHours,
      ),
    }),
  );

  app.delete(
    '/ai/cache/:id',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'deleteAiCacheEntry',
        summary: 'Invalidate one cache entry',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await service.deleteEntry(tenantOf(principalOf(request)), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/ai/cache/stats',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAiCacheStats',
        summary:
          'Tenant-wide cache statistics: entries, hits and misses, tokens and cost saved, per pipeline',
        querystring: Type.Object({ hours: Hours }, closed),
        response: { 200: TenantCache, ...errorResponses(400) },
      },
    },
    async (request) =>
      presentTenantStats(await service.tenantStats(tenantOf(principalOf(request)), request.query.hours)),
  );
}
