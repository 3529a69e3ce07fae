import Type from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { presentPage } from '../../../platform/http/pagination.ts';
import { IdParams, Uuid } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import {
  AnomalyQuery,
  DashboardQuery,
  MetricCreate,
  MetricQuery,
  ReportParams,
  ReportQuery,
  RollupBody,
  TargetsBody,
} from './metrics.schemas.ts';
import type { MetricsService } from './metrics.service.ts';
import { presentAnomaly, presentMetric } from './presenters.ts';

const tags = ['supply'];

export function metricsRoutes(app: App, { metrics }: { metrics: MetricsService }) {
  app.post(
    '/supply/metrics',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'recordSupplyMetric',
        summary: 'Record an external KPI measurement for a day (a known KPI or a custom one)',
        body: MetricCreate,
        response: { 201: Type.Ref('SupplyMetric'), ...errorResponses(400) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentMetric(await metrics.record(principalOf(request), request.body))),
  );

  app.get(
    '/supply/metrics',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSupplyMetrics',
        summary: 'KPI measurements (daily rollups and external records), newest day first',
        querystring: MetricQuery,
        response: { 200: Type.Ref('SupplyMetricPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await metrics.list(principalOf(request), request.query), request.query, presentMetric),
  );

  app.get(
    '/supply/metrics/dashboard',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyKpiDashboard',
        summary:
          'Every KPI over the last days: value, the period before, trend, target, status and a daily sparkline',
        querystring: DashboardQuery,
        response: { 200: Type.Ref('SupplyKpiDashboard'), ...errorResponses(400) },
      },
    },
    async (request) => metrics.dashboard(principalOf(request), request.query),
  );

  app.get(
    '/supply/metrics/targets',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyKpiTargets',
        summary: "The KPIs' targets: the tenant's own, else the defaults",
        response: { 200: Type.Ref('SupplyKpiTargets') },
      },
    },
    async (request) => metrics.targets(principalOf(request)),
  );

  app.put(
    '/supply/metrics/targets',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'setSupplyKpiTargets',
        summary: 'Set KPI targets (null: back to the default); KPIs left out keep theirs',
        body: TargetsBody,
        response: { 200: Type.Ref('SupplyKpiTargets'), ...errorResponses(400) },
      },
    },
    async (request) => metrics.setTargets(principalOf(request), request.body.targets),
  );

  app.post(
    '/supply/metrics/rollup',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'rollUpSupplyKpis',
        summary:
          'Recompute the daily KPI rollups and anomaly flags of a range of days in a job (e.g. after importing history)',
        body: RollupBody,
        response: { 202: Type.Object({ jobId: Uuid }), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const job = await metrics.rollup(principalOf(request), request.body);
      return reply.status(202).send({ jobId: job.id });
    },
  );

  app.get(
    '/supply/metrics/kpi/:kpiName/report',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyKpiReport',
        summary:
          "A KPI's time series by day, week or month over a range, with aggregates, the trend against the period before and its target (a custom KPI without any measurement: 404)",
        params: ReportParams,
        querystring: ReportQuery,
        response: { 200: Type.Ref('SupplyKpiReport'), ...errorResponses(400, 404) },
      },
    },
    async (request) => metrics.report(principalOf(request), request.params.kpiName, request.query),
  );

  app.get(
    '/supply/metrics/anomalies',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSupplyAnomalies',
        summary: 'Anomaly flags (unusual order quantities, delivery delays, delivery costs), newest first',
        querystring: AnomalyQuery,
        response: { 200: Type.Ref('SupplyAnomalyPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(
        await metrics.anomalies(principalOf(request), request.query),
        request.query,
        presentAnomaly,
      ),
  );

  app.get(
    '/supply/metrics/anomalies/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyAnomaly',
        summary: 'An anomaly flag',
        params: IdParams,
        response: { 200: Type.Ref('SupplyAnomaly'), ...errorResponses(404) },
      },
    },
    async (request) => presentAnomaly(await metrics.anomaly(principalOf(request), request.params.id)),
  );

  app.post(
    '/supply/metrics/anomalies/:id/dismiss',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'dismissSupplyAnomaly',
        summary: 'Dismiss an open anomaly flag (it stays in the list as dismissed)',
        params: IdParams,
        response: { 200: Type.Ref('SupplyAnomaly'), ...errorResponses(404, 409) },
      },
    },
    async (request) => presentAnomaly(await metrics.dismiss(principalOf(request), request.params.id)),
  );

  app.get(
    '/supply/metrics/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyMetric',
        summary: 'A KPI measurement',
        params: IdParams,
        response: { 200: Type.Ref('SupplyMetric'), ...errorResponses(404) },
      },
    },
    async (request) => presentMetric(await metrics.get(principalOf(request), request.params.id)),
  );
}
