import Type from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { presentPage } from '../../../platform/http/pagination.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import type { DashboardService } from './dashboard.service.ts';
import { DaysQuery, METRICS_SCHEMAS, RequestsQuery, SectorParams, SeriesQuery } from './metrics.schemas.ts';
import { presentRequest } from './presenters.ts';

const tags = ['ai'];

export function metricsRoutes(app: App, { dashboard }: { dashboard: DashboardService }) {
  for (const schema of METRICS_SCHEMAS) app.addSchema(schema);

  app.get(
    '/ai/dashboard',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAiDashboard',
        summary:
          'The last 24 h of the AI gateway: totals, workspaces, pipelines with their figures, the busiest pipelines, recent errors',
        response: { 200: Type.Ref('AiDashboard') },
      },
    },
    async (request) => dashboard.dashboard(principalOf(request)),
  );

  app.get(
    '/ai/workspaces/summary',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAiWorkspaceSummary',
        summary: 'Every workspace with its pipeline counts and 24 h figures (the workspace_summary view)',
        response: { 200: Type.Ref('AiWorkspaceSummaryList') },
      },
    },
    async (request) => dashboard.workspaceSummary(principalOf(request)),
  );

  app.get(
    '/ai/pipelines/:id/metrics',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAiPipelineMetrics',
        summary:
          "A pipeline's figures per hour over the last `hours` (the current hour partial), or per minute over the last hour",
        params: IdParams,
        querystring: SeriesQuery,
        response: { 200: Type.Ref('AiMetricsSeries'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      dashboard.pipelineSeries(principalOf(request), request.params.id, {
        hours: request.query.hours,
        bucket: request.query.bucket === 'minute' ? 'minute' : 'hour',
      }),
  );

  app.get(
    '/ai/pipelines/:id/requests',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listAiPipelineRequests',
        summary:
          "A pipeline's requests, newest first (prompt and response only when the pipeline stores them)",
        params: IdParams,
        querystring: RequestsQuery,
        response: { 200: Type.Ref('AiRequestPage'), ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { limit, offset, status, cache } = request.query;
      const result = await dashboard.pipelineRequests(principalOf(request), request.params.id, {
        limit,
        offset,
        status: status as 'ok' | undefined,
        cache: cache as 'hit' | undefined,
      });
      return presentPage(result, request.query, presentRequest);
    },
  );

  app.get(
    '/ai/dashboards/:sector',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAiSectorDashboard',
        summary:
          "A sector's dashboard: its 24 h and 7-day figures, its days (ai_sector_analytics) and its pipelines",
        params: SectorParams,
        querystring: DaysQuery,
        response: { 200: Type.Ref('AiSectorDashboard'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      dashboard.sectorDashboard(principalOf(request), request.params.sector, request.query.days),
  );

  app.get(
    '/ai/analytics',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAiAnalytics',
        summary:
          "The tenant's AI traffic over the last `days` by day, workspace and purpose; a superadmin also gets the platform's totals",
        querystring: DaysQuery,
        response: { 200: Type.Ref('AiAnalytics'), ...errorResponses(400) },
      },
    },
    async (request) => dashboard.analytics(principalOf(request), request.query.days),
  );

  app.get(
    '/ai/analytics/platform',
    {
      config: { access: 'platform' },
      schema: {
        tags,
        operationId: 'getAiPlatformAnalytics',
        summary:
          "Every tenant's AI traffic summed by day: counts and sums, never a tenant's names or content",
        querystring: DaysQuery,
        response: { 200: Type.Ref('AiPlatformAnalytics'), ...errorResponses(400) },
      },
    },
    async (request) => dashboard.platform(request.query.days),
  );
}
