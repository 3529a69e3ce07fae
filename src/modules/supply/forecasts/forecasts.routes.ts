import Type from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { presentPage } from '../../../platform/http/pagination.ts';
import { IdParams, Uuid } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { ForecastStart, RunQuery, SeriesQuery } from './forecasts.schemas.ts';
import type { ForecastsService } from './forecasts.service.ts';
import { presentRun, presentSeriesForecast } from './presenters.ts';
import type { Bucket } from './run-forecast.ts';

const tags = ['supply'];

export function forecastsRoutes(app: App, { forecasts }: { forecasts: ForecastsService }) {
  app.post(
    '/supply/forecasts',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'startSupplyForecast',
        summary: 'Forecast the demand of a scope (SKUs × warehouses) in a job, with the production model',
        body: ForecastStart,
        response: {
          202: Type.Object({ run: Type.Ref('SupplyForecastRun'), jobId: Uuid }),
          ...errorResponses(400),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const { run, model } = await forecasts.start(principalOf(request), {
        scope: body.scope,
        bucket: body.bucket as Bucket | undefined,
        horizon: body.horizon,
        level: body.level,
      });
      return reply.status(202).send({ run: presentRun(run, model), jobId: run.jobId ?? '' });
    },
  );

  app.get(
    '/supply/forecasts',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSupplyForecasts',
        summary: 'Forecast runs, newest first',
        querystring: RunQuery,
        response: { 200: Type.Ref('SupplyForecastRunPage'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const page = await forecasts.list(principalOf(request), request.query);
      return presentPage(page, request.query, (run) => presentRun(run, page.models.get(run.modelId ?? '')));
    },
  );

  app.get(
    '/supply/forecasts/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyForecast',
        summary: 'A forecast run: scope, model version, status and the back-test summary',
        params: IdParams,
        response: { 200: Type.Ref('SupplyForecastRun'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const { run, model } = await forecasts.get(principalOf(request), request.params.id);
      return presentRun(run, model);
    },
  );

  app.get(
    '/supply/entities/inventory/:id/forecast',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyItemForecast',
        summary: 'The newest forecast of one SKU at its warehouse, with its bucket and interval level',
        params: IdParams,
        response: {
          200: Type.Object({
            forecast: Type.Ref('SupplySeriesForecast'),
            bucket: Type.String({ enum: ['day', 'week', 'month'] }),
            level: Type.Number(),
          }),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const row = await forecasts.latestOf(principalOf(request), request.params.id);
      return { forecast: presentSeriesForecast(row), bucket: row.bucket, level: row.level };
    },
  );

  app.get(
    '/supply/forecasts/:id/series',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSupplyForecastSeries',
        summary:
          "A run's forecasts: per SKU and warehouse the method, parameters, intervals and back-test error",
        params: IdParams,
        querystring: SeriesQuery,
        response: { 200: Type.Ref('SupplySeriesForecastPage'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      presentPage(
        await forecasts.series(principalOf(request), request.params.id, request.query),
        request.query,
        presentSeriesForecast,
      ),
  );
}
