import Type from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { presentDecision } from '../decisions/presenters.ts';
import { presentRoutes } from './presenters.ts';
import { ReoptimiseBody } from './routing.schemas.ts';
import type { RoutingService } from './routing.service.ts';

const tags = ['supply'];

// Routing decisions' own routes (starting one is POST /decisions with type `routing`; approval,
// execution and explanations are the decisions' routes).
export function routingRoutes(app: App, { routing }: { routing: RoutingService }) {
  app.get(
    '/supply/decisions/:id/routes',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSupplyDecisionRoutes',
        summary:
          "A routing decision's routes with their stops (times, loads, clients' coordinates and windows), its depots, unserved orders and zones",
        params: IdParams,
        response: { 200: Type.Ref('SupplyDecisionRoutes'), ...errorResponses(404, 409) },
      },
    },
    async (request) => presentRoutes(await routing.routes(principalOf(request), request.params.id)),
  );

  app.post(
    '/supply/decisions/:id/reoptimise',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'reoptimiseSupplyDecision',
        summary:
          'Re-optimise a routing decision after a change (orders added or removed, vehicles broken down), keeping executed stops in place: a new decision, computed in a job',
        params: IdParams,
        body: ReoptimiseBody,
        response: { 202: Type.Ref('SupplyDecision'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await routing.reoptimise(principalOf(request), request.params.id, request.body);
      return reply.status(202).send(presentDecision(row, 0));
    },
  );
}
