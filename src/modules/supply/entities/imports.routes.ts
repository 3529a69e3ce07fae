import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import { AppError, badRequest } from '../../../platform/http/errors.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { literals, Uuid } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { acceptUploads, uploadedFile } from '../../../platform/storage/multipart.ts';
import { unreadable } from '../../../platform/storage/upload-stream.ts';
import { DATE_CANDIDATES } from '../../analytics/parse/index.ts';
import { tags } from './crud.routes.ts';
import { COLUMNS, type EntityImportKind, type ImportKind } from './imports.csv.ts';
import { ENTITY_IMPORT_MAX_ROWS, type ImportsService } from './imports.service.ts';
import type { ImportUpload } from './uploads.ts';

// POST /supply/imports/<kind>: a CSV file as the body (text/csv) or a multipart upload (field
// `file`). Entity files are imported in the request; demand history by a job (202).

const CSV_TYPES = ['text/csv', 'application/csv'];

const FormatQuery = Type.Object(
  {
    decimal: Type.Optional(literals(['.', ','] as const)),
    dateFormat: Type.Optional(
      Type.String({ enum: [...DATE_CANDIDATES], description: 'How dates are written (default YYYY-MM-DD)' }),
    ),
  },
  { additionalProperties: false },
);

const Report = Type.Object({
  kind: Type.String(),
  rows: Type.Integer({ description: 'Data rows read' }),
  created: Type.Integer({ description: 'Rows (orders: orders) created' }),
  updated: Type.Integer({ description: 'Existing rows updated (same code, name or warehouse and SKU)' }),
  rejected: Type.Integer({ description: 'Rows refused' }),
  errors: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'Line of the file' }),
      column: Type.String(),
      message: Type.String(),
    }),
    { description: 'The first 200 refusals, by row' },
  ),
  columns: Type.Object({
    mapped: Type.Record(Type.String(), Type.String(), { description: 'Field → the column it was read from' }),
    ignored: Type.Array(Type.String(), { description: 'Columns that map to no field' }),
  }),
});

const Accepted = Type.Object({
  jobId: Uuid,
  bytes: Type.Integer({ description: 'Size of the stored file' }),
});

const unsupported = () =>
  new AppError(
    'unsupported_media_type',
    'Send the CSV as the body with Content-Type text/csv, or as a multipart/form-data upload in field "file"',
  );

/** The upload of a request, as a body stream or a multipart file part; `work` consumes it. */
async function withUpload<T>(
  request: FastifyRequest,
  work: (upload: ImportUpload) => Promise<T>,
): Promise<T> {
  if (request.isMultipart()) {
    const part = await request.file().catch((err: unknown) => {
      throw unreadable(err);
    });
    if (!part) throw badRequest('The multipart upload has no file: send it in field "file"');
    uploadedFile(part, 'CSV');
    return work({ source: part.file, truncated: () => part.file.truncated });
  }
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!CSV_TYPES.includes(type) || !request.body) throw unsupported();
  const length = Number(request.headers['content-length']);
  return work({
    source: request.body as Readable,
    declaredBytes: Number.isFinite(length) ? length : undefined,
  });
}

const columnsOf = (kind: ImportKind) =>
  COLUMNS[kind].map((c) => `\`${c.names[0]}\`${c.required ? ' (required)' : ''}`).join(', ');

const formats = (query: { decimal?: '.' | ','; dateFormat?: string }) => ({
  decimal: query.decimal ?? '.',
  dateFormat: query.dateFormat ?? 'YYYY-MM-DD',
});

const ENTITY_KINDS: { kind: EntityImportKind; operationId: string; key: string }[] = [
  { kind: 'warehouses', operationId: 'importSupplyWarehouses', key: 'code' },
  { kind: 'inventory', operationId: 'importSupplyInventory', key: 'warehouse and SKU' },
  { kind: 'vehicles', operationId: 'importSupplyVehicles', key: 'code' },
  { kind: 'clients', operationId: 'importSupplyClients', key: 'name' },
  { kind: 'orders', operationId: 'importSupplyOrders', key: 'reference (created only)' },
];

export function importsRoutes(app: App, { imports }: { imports: ImportsService }) {
  // In a scope of its own: the multipart and CSV parsers apply to these routes only.
  app.register(async (scope: App) => {
    await acceptUploads(scope, { fileSize: imports.maxBytes });
    scope.addContentTypeParser(CSV_TYPES, (_request, payload, done) => done(null, payload));

    for (const { kind, operationId, key } of ENTITY_KINDS) {
      scope.post(
        `/supply/imports/${kind}`,
        {
          config: { access: 'analyze' },
          schema: {
            tags,
            operationId,
            summary: `Import ${kind} from a CSV file (up to ${ENTITY_IMPORT_MAX_ROWS.toLocaleString('en')} rows)`,
            description: [
              `Columns (matched by name, without case or punctuation; others ignored): ${columnsOf(kind)}.`,
              `A row creates its ${kind === 'inventory' ? 'inventory row' : kind.replace(/s$/, '')}, or updates the one with the same ${key}, checked as the API checks a body. Rows that fail are listed (line, column, why); the others are stored, all in one transaction.`,
              kind === 'orders'
                ? 'One row per order line: rows with the same reference are one order, whose other fields come from its first row. Clients are named by name, warehouses by code.'
                : 'Warehouses are named by their code; time windows are written `08:00-12:00; 13:00-17:00`.',
            ].join('\n\n'),
            querystring: FormatQuery,
            response: { 200: Report, ...errorResponses(400, 413, 415) },
          },
        },
        async (request) =>
          withUpload(request, (upload) =>
            imports.importEntities(principalOf(request), kind, upload, formats(request.query)),
          ),
      );
    }

    scope.post(
      '/supply/imports/demand',
      {
        config: { access: 'analyze' },
        schema: {
          tags,
          operationId: 'importSupplyDemand',
          summary: 'Import demand history from a CSV file (any size); 202 with the id of the import job',
          description: [
            `Columns: ${columnsOf('demand')} — e.g. \`sku,location,date,quantity\`. Follow the job on \`GET /api/v1/jobs/{jobId}\`: its result counts the rows read, the days stored, the rows refused with the first 100 (line, column, why), and the series that have no inventory row yet (stored, shown once the row exists).`,
            'A warehouse, SKU and day already stored takes the file’s quantity; the same day given twice in the file is summed. Negative or unreadable quantities, unknown warehouse codes and unreadable dates refuse their row; rows may come in any order.',
          ].join('\n\n'),
          querystring: FormatQuery,
          response: { 202: Accepted, ...errorResponses(400, 413, 415) },
        },
      },
      async (request, reply) => {
        const started = await withUpload(request, (upload) =>
          imports.startDemandImport(principalOf(request), upload, formats(request.query)),
        );
        return reply.status(202).send(started);
      },
    );
  });
}
