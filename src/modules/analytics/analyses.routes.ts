// Analyses (issue 14; the seed's GET /api/analysis/:id): start one for a completed import, list,
// read, delete, the rows behind an insight, and the insights as CSV or JSON. Analysts and admins
// start and delete; every tenant role reads.
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import type { Principal } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/access.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { PageQuery, presentPage } from '../../platform/http/pagination.ts';
import { IdParams, literals, Text, Uuid } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import {
  insightsCsv,
  presentAnalysis,
  presentAnalysisSummary,
  presentInsight,
} from './analyses.presenters.ts';
import { ANALYSIS_STATUSES, StartAnalysis } from './analyses.schemas.ts';
import type { AnalysesService } from './analyses.service.ts';

const tags = ['analytics'];

/** The export's PDF report and XLSX table, drawn by the reports module (the composition root passes them). */
export interface AnalysisExportFormats {
  pdf(principal: Principal, id: string, reply: FastifyReply): Promise<FastifyReply>;
  xlsx(principal: Principal, id: string, reply: FastifyReply): Promise<FastifyReply>;
}

export function analysesRoutes(
  app: App,
  { analyses, exports }: { analyses: AnalysesService; exports?: AnalysisExportFormats | undefined },
) {
  app.post(
    '/analytics/analyses',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'startAnalysis',
        summary: 'Analyse a completed import (again), optionally with configuration overrides',
        description:
          'Every completed import is analysed on its own; this starts another run, e.g. with changed variables. ' +
          'The analysis is `processing` until its job completes; progress is pushed on `analysis:<id>`.',
        body: StartAnalysis,
        response: { 202: Type.Ref('AnalysisSummary'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(presentAnalysisSummary(await analyses.start(principalOf(request), request.body as never))),
  );

  app.get(
    '/analytics/analyses',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listAnalyses',
        summary: 'Analyses, newest first',
        querystring: Type.Object(
          {
            status: Type.Optional(literals(ANALYSIS_STATUSES)),
            facilityId: Type.Optional(Uuid),
            importId: Type.Optional(Uuid),
            q: Type.Optional(Text({ minLength: 1, maxLength: 200, description: 'Search the name' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('AnalysisPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(
        await analyses.list(principalOf(request), request.query),
        request.query,
        presentAnalysisSummary,
      ),
  );

  app.get(
    '/analytics/analyses/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAnalysis',
        summary: 'An analysis with its ranked insights, metrics, charts and narrative',
        params: IdParams,
        response: { 200: Type.Ref('AnalysisDetail'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const { row, source, insights } = await analyses.get(principalOf(request), request.params.id);
      return presentAnalysis(row, source, insights);
    },
  );

  app.delete(
    '/analytics/analyses/:id',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'deleteAnalysis',
        summary: 'Delete an analysis, its insights and its chat (the import stays)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await analyses.remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/analytics/analyses/:id/insights/:rank/rows',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listInsightRows',
        summary: 'The work orders behind an insight, in file order',
        params: Type.Object({ id: Uuid, rank: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }),
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: { 200: Type.Ref('InsightRowsPage'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const { id, rank } = request.params;
      const { insight, ...page } = await analyses.insightRows(principalOf(request), id, rank, request.query);
      return {
        insight: presentInsight({ rank, insight }),
        ...page,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.get(
    '/analytics/analyses/:id/export',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'exportAnalysis',
        summary: 'The analysis report as PDF, or the insights with their evidence as CSV, XLSX or JSON',
        description:
          '`pdf`: the analysis report (summary, narrative, the top insights with their evidence and charts, the insights table). `csv`/`xlsx`: one row per insight with its evidence. `json` (default): the analysis and its insights.',
        params: IdParams,
        querystring: Type.Object(
          { format: Type.Optional(literals(['json', 'csv', 'xlsx', 'pdf'] as const)) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            analysis: Type.Ref('AnalysisSummary'),
            insights: Type.Array(Type.Ref('Insight')),
          }),
          ...errorResponses(404, 409),
        },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      if (format === 'pdf' || format === 'xlsx') {
        if (!exports) throw badRequest(`format=${format} is not available on this server`);
        const { id } = request.params;
        return format === 'pdf'
          ? exports.pdf(principalOf(request), id, reply)
          : exports.xlsx(principalOf(request), id, reply);
      }
      const { row, insights } = await analyses.insights(principalOf(request), request.params.id);
      const name = `analysis-${row.id}-insights`;
      if (request.query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(insightsCsv(insights) as never);
      reply.header('content-disposition', `attachment; filename="${name}.json"`);
      return { analysis: presentAnalysisSummary(row), insights: insights.map(presentInsight) };
    },
  );
}
