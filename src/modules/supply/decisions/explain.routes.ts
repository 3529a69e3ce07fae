import Type from 'typebox';
import type { Compute } from '../../../platform/compute/compute.ts';
import type { Db } from '../../../platform/db/database.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { IdParams, Uuid } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { ExplanationQuery, RoutingHypotheticalBody } from '../routing-decisions/routing.schemas.ts';
import { routingHypothetical } from '../routing-decisions/routing-explain.ts';
import type { InventoryRow } from './decisions.repo.ts';
import { HypotheticalBody } from './decisions.schemas.ts';
import type { DecisionsService } from './decisions.service.ts';
import { explainHypothetical } from './hypothetical.ts';

const tags = ['supply'];
const explanation = { 200: Type.Ref('SupplyExplanation'), ...errorResponses(400, 404, 409) };

// Explanations (the seed's /explain paths and the decision's own): factors with weights that add
// up to each proposed quantity, binding constraints, confidence and its sources, in numbers and in
// one sentence each; and the explanation of a hypothetical.
export function explainRoutes(
  app: App,
  deps: { decisions: DecisionsService; db: Db; compute: Pick<Compute, 'run'> },
) {
  const { decisions } = deps;
  app.get(
    '/supply/decisions/:id/explanation',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'explainSupplyDecision',
        summary:
          'Why the decision proposes what it does: factors per line, binding constraints, confidence; for routing, cost per route, marginal costs, unserved orders, and with `orderId` why that order is on its vehicle',
        params: IdParams,
        querystring: ExplanationQuery,
        response: explanation,
      },
    },
    async (request) => decisions.explanation(principalOf(request), request.params.id, request.query.orderId),
  );

  app.get(
    '/supply/explain/:decisionId',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'explainSupplyDecisionById',
        summary: "A decision's explanation (the seed's path; same body as /decisions/{id}/explanation)",
        params: Type.Object({ decisionId: Uuid }),
        querystring: ExplanationQuery,
        response: explanation,
      },
    },
    async (request) =>
      decisions.explanation(principalOf(request), request.params.decisionId, request.query.orderId),
  );

  app.get(
    '/supply/explain/decision/:id/factors',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'supplyDecisionFactors',
        summary: "The factors behind a decision's quantities: totals over all lines and per line",
        params: IdParams,
        response: { 200: Type.Ref('SupplyDecisionFactors'), ...errorResponses(404) },
      },
    },
    async (request) => decisions.factors(principalOf(request), request.params.id),
  );

  app.post(
    '/supply/explain',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'explainSupplyHypothetical',
        summary:
          'Explain a hypothetical (nothing is stored): what would be ordered for one SKU if its figures were different; or, with decisionId and orderId, what putting a routed order on another vehicle would cost',
        body: Type.Union([HypotheticalBody, RoutingHypotheticalBody]),
        response: {
          200: Type.Union([Type.Ref('SupplyHypotheticalExplanation'), Type.Ref('SupplyRoutingHypothetical')]),
          ...errorResponses(400, 404, 409),
        },
      },
    },
    async (request) => {
      const body = request.body;
      if ('decisionId' in body) return routingHypothetical(deps, principalOf(request), body);
      return explainHypothetical(deps, principalOf(request), {
        inventoryId: body.inventoryId,
        ...(body.overrides ? { overrides: body.overrides as Partial<InventoryRow> } : {}),
        ...(body.constraints ? { constraints: body.constraints } : {}),
      });
    },
  );
}
