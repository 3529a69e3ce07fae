import Type from 'typebox';
import { ExportFormat, periodPart, tableFileResponse } from '../../platform/export/routes.ts';
import { sendTable } from '../../platform/export/tabular.ts';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { requestMeta } from '../../platform/http/request-context.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { DEFECT_COLUMNS, type DefectExport } from './defects.export.ts';
import {
  DefectDispositionPatch,
  DefectReviewBody,
  ImageIdParams,
  ManualDefectCreate,
  StatisticsQuery,
} from './defects.schemas.ts';
import type { DefectsService } from './defects.service.ts';
import { TriggerDisposition } from './inspection.schemas.ts';
import { presentDefect, presentTrigger } from './presenters.ts';

// Dispositions: a defect's (operators), the second review of a rejection (analysts), defects
// marked by hand, and the part's own disposition.

const tags = ['inspection'];

const { bucket: _bucket, ...defectFilters } = StatisticsQuery.properties;

export function defectsRoutes(
  app: App,
  { defects, defectExport }: { defects: DefectsService; defectExport: DefectExport },
) {
  app.get(
    '/inspection/defects/export',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'exportDefects',
        summary: 'Every defect of a period, oldest first, as CSV or XLSX (streamed)',
        description:
          'The filters of `GET /inspection/defects/statistics` (period of the triggers’ time, default the 30 days up to now; station, camera, part number, defect type): the rows add up to its `totals.defects`.',
        querystring: Type.Object({ ...defectFilters, format: ExportFormat }, { additionalProperties: false }),
        response: { 200: tableFileResponse, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendTable(reply, {
        filename: `defects${periodPart(query.from, query.to)}`,
        format,
        sheetName: 'Defects',
        columns: DEFECT_COLUMNS,
        rows: defectExport.rows(principalOf(request), query),
      });
    },
  );

  app.get(
    '/inspection/defects/image/:imageId',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listImageDefects',
        summary: 'The defects of an image with their dispositions and reviews',
        params: ImageIdParams,
        response: { 200: Type.Ref('InspectionDefectList'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const rows = await defects.ofImage(principalOf(request), request.params.imageId);
      return { imageId: request.params.imageId, items: rows.map(presentDefect) };
    },
  );

  app.post(
    '/inspection/defects',
    {
      config: { access: 'operate' },
      schema: {
        tags,
        operationId: 'markDefect',
        summary: 'Mark a defect by hand on an image (pixels of that image); the part is judged again',
        description:
          'Give the centre and a size: `bbox`, `contour`, `diameterPx` or `areaPx`. Sizes in mm follow from the camera’s mm per pixel. The defect’s source is `manual`, its disposition `pending`; `note` is kept as its disposition note. A defect (or box, or contour) outside the image is refused with 400.',
        body: ManualDefectCreate,
        response: { 201: Type.Ref('InspectionDefect'), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const defect = await defects.mark(principalOf(request), request.body, requestMeta(request));
      return reply.status(201).send(presentDefect(defect));
    },
  );

  app.patch(
    '/inspection/defects/:id',
    {
      config: { access: 'operate' },
      schema: {
        tags,
        operationId: 'disposeDefect',
        summary: 'Set a defect’s disposition (who and when are recorded, with an optional note)',
        description:
          'With the tenant setting `secondReview` on, a `reject` waits for a second person (`review: pending`, see the review endpoint); any other disposition clears the review. Marking a defect `false_positive` (or taking that back) changes what the rules judge: the part is judged again and its new verdict pushed.',
        params: IdParams,
        body: DefectDispositionPatch,
        response: { 200: Type.Ref('InspectionDefect'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      presentDefect(
        await defects.dispose(principalOf(request), request.params.id, request.body, requestMeta(request)),
      ),
  );

  app.post(
    '/inspection/defects/review/:id',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'reviewDefect',
        summary: 'Second review of a rejected defect: confirm it, or overturn it to another disposition',
        description:
          'Only a defect whose `review` is `pending` (409 otherwise), and only by someone other than the person who rejected it (403). `overturn` sets the disposition to `disposition` (default `accept`).',
        params: IdParams,
        body: DefectReviewBody,
        response: { 200: Type.Ref('InspectionDefect'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentDefect(
        await defects.review(principalOf(request), request.params.id, request.body, requestMeta(request)),
      ),
  );

  app.patch(
    '/inspection/triggers/:id/disposition',
    {
      config: { access: 'operate' },
      schema: {
        tags,
        operationId: 'disposeTrigger',
        summary: 'Set the part’s disposition: accept, reject, rework or scrap (who and when are recorded)',
        params: IdParams,
        body: TriggerDisposition,
        response: { 200: Type.Ref('InspectionTrigger'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      presentTrigger(
        await defects.disposePart(
          principalOf(request),
          request.params.id,
          request.body,
          requestMeta(request),
        ),
      ),
  );
}
