import Type from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { DecisionStart } from '../decisions/decisions.schemas.ts';
import { FrontendDashboardQuery } from './frontend.schemas.ts';
import type { FrontendService } from './frontend.service.ts';

const tags = ['supply'];

export function frontendRoutes(app: App, { frontend }: { frontend: FrontendService }) {
  app.get(
    '/supply/frontend/dashboard',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyFrontendDashboard',
        summary:
          "The planner's dashboard in one call: every KPI with its trend and target, counts, recent decisions and open anomalies",
        querystring: FrontendDashboardQuery,
        response: { 200: Type.Ref('SupplyFrontendDashboard'), ...errorResponses(400) },
      },
    },
    async (request) => frontend.dashboard(principalOf(request), request.query),
  );

  app.get(
    '/supply/frontend/entities',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyFrontendEntities',
        summary:
          'The network at a glance: warehouses with their stock and open orders, vehicles, clients, orders',
        response: { 200: Type.Ref('SupplyFrontendEntities') },
      },
    },
    async (request) => frontend.entities(principalOf(request)),
  );

  app.post(
    '/supply/frontend/decision',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'startSupplyFrontendDecision',
        summary:
          'Start a decision (replenishment or routing, as POST /supply/decisions) and get the links to follow it',
        body: DecisionStart,
        response: { 202: Type.Ref('SupplyFrontendDecisionStarted'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const started = await frontend.startDecision(principalOf(request), {
        type: body.type === 'routing' ? 'routing' : 'replenishment',
        scope: body.scope,
        constraints: body.constraints,
        routing: body.routing,
      });
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/supply/frontend/decision/:id/insights',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyFrontendDecisionInsights',
        summary:
          'A decision as cards: headline, figures, cost split, constraint checks, binding constraints and the lines to read first',
        params: IdParams,
        response: { 200: Type.Ref('SupplyFrontendInsights'), ...errorResponses(404) },
      },
    },
    async (request) => frontend.insights(principalOf(request), request.params.id),
  );

  app.get(
    '/supply/frontend/simulation/:id/results',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyFrontendSimulationResults',
        summary:
          "A simulation's KPI distributions for charts: each policy's mean and 5–50–95 % band, histograms, and each comparison's verdict",
        params: IdParams,
        response: { 200: Type.Ref('SupplyFrontendSimulationResults'), ...errorResponses(404) },
      },
    },
    async (request) => frontend.simulationResults(principalOf(request), request.params.id),
  );
}
