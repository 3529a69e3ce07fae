import Type from 'typebox';
import { exportQuery, tableFileResponse } from '../../../platform/export/routes.ts';
import { mapRows, offsetPaged, sendTable } from '../../../platform/export/tabular.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { presentPage } from '../../../platform/http/pagination.ts';
import { IdParams, Uuid } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { DECISION_COLUMNS, decisionRecord } from './decisions.export.ts';
import { ActionQuery, ApproveBody, DecisionQuery, DecisionStart, RejectBody } from './decisions.schemas.ts';
import type { DecisionsService } from './decisions.service.ts';
import { presentAction, presentDecision } from './presenters.ts';

const tags = ['supply'];

export function decisionsRoutes(app: App, { decisions }: { decisions: DecisionsService }) {
  app.post(
    '/supply/decisions',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'startSupplyDecision',
        summary:
          'Ask for a decision: replenishment over a scope, or routing (`routing`: day, depot, orders, vehicles, objective, limits); computed in a job, then proposed for approval',
        body: DecisionStart,
        response: { 202: Type.Ref('SupplyDecision'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const row = await decisions.start(principalOf(request), {
        type: body.type === 'routing' ? 'routing' : 'replenishment',
        scope: body.scope,
        constraints: body.constraints,
        routing: body.routing,
      });
      return reply.status(202).send(presentDecision(row, 0));
    },
  );

  app.get(
    '/supply/decisions',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSupplyDecisions',
        summary: 'Decisions, newest first',
        querystring: DecisionQuery,
        response: { 200: Type.Ref('SupplyDecisionPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await decisions.list(principalOf(request), request.query), request.query, (r) =>
        presentDecision(r.decision, r.actionCount),
      ),
  );

  app.get(
    '/supply/decisions/export',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'exportSupplyDecisions',
        summary: 'Every decision matching the list filters, newest first, as CSV or XLSX (streamed)',
        querystring: exportQuery(DecisionQuery),
        response: { 200: tableFileResponse, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const principal = principalOf(request);
      const pages = offsetPaged((page) => decisions.list(principal, { ...filter, ...page }), 200);
      return sendTable(reply, {
        filename: ['decisions', filter.type, filter.status].filter(Boolean).join('-'),
        format,
        sheetName: 'Decisions',
        columns: DECISION_COLUMNS,
        rows: mapRows(pages, (r) => decisionRecord(presentDecision(r.decision, r.actionCount))),
      });
    },
  );

  app.get(
    '/supply/decisions/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyDecision',
        summary: 'A decision with its first 200 actions, constraint checks, predicted cost and confidence',
        params: IdParams,
        response: { 200: Type.Ref('SupplyDecision'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const { decision, actions, actionCount } = await decisions.get(principalOf(request), request.params.id);
      return presentDecision(decision, actionCount, actions);
    },
  );

  app.get(
    '/supply/decisions/:id/actions',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSupplyDecisionActions',
        summary: "A decision's actions (purchase-order lines), paginated",
        params: IdParams,
        querystring: ActionQuery,
        response: { 200: Type.Ref('SupplyDecisionActionPage'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      presentPage(
        await decisions.actions(principalOf(request), request.params.id, request.query),
        request.query,
        presentAction,
      ),
  );

  app.post(
    '/supply/decisions/:id/approve',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'approveSupplyDecision',
        summary: 'Approve a proposed decision (analysts and admins)',
        params: IdParams,
        body: ApproveBody,
        response: { 200: Type.Ref('SupplyDecision'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const row = await decisions.approve(principalOf(request), request.params.id, request.body.note);
      return presentDecision(row as NonNullable<typeof row>, 0);
    },
  );

  app.post(
    '/supply/decisions/:id/reject',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'rejectSupplyDecision',
        summary: 'Reject a proposed or approved decision, saying why',
        params: IdParams,
        body: RejectBody,
        response: { 200: Type.Ref('SupplyDecision'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const row = await decisions.reject(principalOf(request), request.params.id, request.body.note);
      return presentDecision(row as NonNullable<typeof row>, 0);
    },
  );

  app.post(
    '/supply/decisions/:id/execute',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'executeSupplyDecision',
        summary:
          'Execute an approved decision: replenishment creates its purchase orders and puts the quantities on order; routing allocates its orders and creates a vehicle assignment per stop',
        params: IdParams,
        response: {
          200: Type.Object({
            decision: Type.Ref('SupplyDecision'),
            orderIds: Type.Array(Uuid),
            assignmentIds: Type.Optional(
              Type.Array(Uuid, { description: 'Routing: the vehicle assignments' }),
            ),
          }),
          ...errorResponses(404, 409),
        },
      },
    },
    async (request) => {
      const done = await decisions.execute(principalOf(request), request.params.id);
      return {
        decision: presentDecision(done.decision, 0),
        orderIds: done.orders,
        ...('assignmentIds' in done ? { assignmentIds: done.assignmentIds } : {}),
      };
    },
  );
}
