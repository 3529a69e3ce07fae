import Type from 'typebox';
import { exportQuery, periodPart, tableFileResponse } from '../../platform/export/routes.ts';
import { mapRows, paged, sendTable } from '../../platform/export/tabular.ts';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { presentPage } from '../../platform/http/pagination.ts';
import type { App } from '../../platform/http/types.ts';
import { BATCH_COLUMNS, batchRecord } from './batches.export.ts';
import type { BatchCursor } from './batches.repo.ts';
import type { BatchesService } from './batches.service.ts';
import {
  BatchCreate,
  BatchPatch,
  BatchQuery,
  CompleteBody,
  IdParams,
  OeeQuery,
  ParetoQuery,
  StartBody,
} from './plant.schemas.ts';
import { presentBatch } from './presenters.ts';
import type { ReportsService } from './reports.service.ts';

const tags = ['plant'];
const date = (s: string | null | undefined) =>
  s === undefined ? undefined : s === null ? null : new Date(s);

export function batchesRoutes(
  app: App,
  { batches, reports }: { batches: BatchesService; reports: ReportsService },
) {
  app.get(
    '/plant-ops/batches',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listBatches',
        summary: 'Batches, newest first (filter by line, facility, status, product, creation time)',
        querystring: BatchQuery,
        response: { 200: Type.Ref('BatchPage'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      const result = await batches.list(principalOf(request), {
        ...rest,
        from: date(from) ?? undefined,
        to: date(to) ?? undefined,
      });
      return presentPage(result, request.query, presentBatch);
    },
  );

  app.get(
    '/plant-ops/batches/export',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'exportBatches',
        summary: 'Every batch matching the list filters, as CSV or XLSX (streamed)',
        description:
          'The filters of `GET /plant-ops/batches`, without paging, in its order (newest first). Batches created after the export began are left out. Times are UTC; OEE and its factors in percent.',
        querystring: exportQuery(BatchQuery),
        response: { 200: tableFileResponse, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { format, from, to, ...rest } = request.query;
      const principal = principalOf(request);
      const until = date(to) ?? new Date();
      const filter = { ...rest, from: date(from) ?? undefined, to: until };
      const pages = paged(
        (after: BatchCursor | undefined, size) => batches.listAfter(principal, filter, after, size),
        (last) => last.cursor,
        500,
      );
      return sendTable(reply, {
        filename: `batches${periodPart(from, to)}`,
        format,
        sheetName: 'Batches',
        columns: BATCH_COLUMNS,
        rows: mapRows(pages, (row) => batchRecord(presentBatch(row))),
      });
    },
  );

  app.post(
    '/plant-ops/batches',
    {
      config: { access: 'operate' },
      schema: {
        tags,
        operationId: 'createBatch',
        summary: 'Plan a batch on a line',
        body: BatchCreate,
        response: { 201: Type.Ref('Batch'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const { plannedStart, plannedEnd, ...rest } = request.body;
      const batch = await batches.create(principalOf(request), {
        ...rest,
        plannedStart: date(plannedStart),
        plannedEnd: date(plannedEnd),
      });
      return reply.status(201).send(presentBatch(batch));
    },
  );

  app.get(
    '/plant-ops/batches/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getBatch',
        summary: 'A batch, with its OEE once completed',
        params: IdParams,
        response: { 200: Type.Ref('Batch'), ...errorResponses(404) },
      },
    },
    async (request) => presentBatch(await batches.get(principalOf(request), request.params.id)),
  );

  app.patch(
    '/plant-ops/batches/:id',
    {
      config: { access: 'operate' },
      schema: {
        tags,
        operationId: 'updateBatch',
        summary: 'Update a batch (only its notes once completed)',
        params: IdParams,
        body: BatchPatch,
        response: { 200: Type.Ref('Batch'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const { plannedStart, plannedEnd, ...rest } = request.body;
      const patch = { ...rest, plannedStart: date(plannedStart), plannedEnd: date(plannedEnd) };
      return presentBatch(await batches.update(principalOf(request), request.params.id, patch));
    },
  );

  app.post(
    '/plant-ops/batches/:id/start',
    {
      config: { access: 'operate' },
      schema: {
        tags,
        operationId: 'startBatch',
        summary: 'Start a planned batch (an idle line switches to running)',
        params: IdParams,
        body: StartBody,
        response: { 200: Type.Ref('Batch'), ...errorResponses(400, 404, 409) },
      },
      preValidation: (request, _reply, done) => {
        request.body ??= {};
        done();
      },
    },
    async (request) => {
      return presentBatch(
        await batches.start(principalOf(request), request.params.id, date(request.body.at) ?? undefined),
      );
    },
  );

  app.post(
    '/plant-ops/batches/:id/complete',
    {
      config: { access: 'operate' },
      schema: {
        tags,
        operationId: 'completeBatch',
        summary: 'Complete a running batch with its counts; computes and stores its OEE',
        description:
          "OEE uses the line's status history inside the batch window; shift breaks, time outside shifts and planned downtime reasons are excluded from planned production time.",
        params: IdParams,
        body: CompleteBody,
        response: { 200: Type.Ref('Batch'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const { at, reworkCount = 0, labourHours = 0, ...counts } = request.body;
      const done = await batches.complete(principalOf(request), request.params.id, {
        ...counts,
        reworkCount,
        labourHours,
        at: date(at) ?? undefined,
      });
      return presentBatch(done);
    },
  );

  app.get(
    '/plant-ops/oee',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getOee',
        summary: 'OEE with availability, performance and quality losses, by line, day or shift',
        querystring: OeeQuery,
        response: { 200: Type.Ref('OeeReport'), ...errorResponses(400) },
      },
    },
    async (request) => reports.oee(principalOf(request), request.query),
  );

  app.get(
    '/plant-ops/downtime/pareto',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getDowntimePareto',
        summary: 'Downtime minutes and stops by reason, largest first, with cumulative share',
        querystring: ParetoQuery,
        response: { 200: Type.Ref('ParetoReport'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      return reports.pareto(principalOf(request), {
        ...rest,
        from: date(from) ?? undefined,
        to: date(to) ?? undefined,
      });
    },
  );
}
