// Uploads and imports of ERP work-order exports (seed 000: POST /api/upload with `file` and
// `profileIds`). The upload is multipart; its fields may come before or after the file.
import type { MultipartFile } from '@fastify/multipart';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { principalOf } from '../../platform/http/access.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { PageQuery, presentPage } from '../../platform/http/pagination.ts';
import { IdParams, literals, Text, Uuid } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import type { StoredFile } from '../../platform/storage/file-store.ts';
import { acceptUploads, uploadedFile } from '../../platform/storage/multipart.ts';
import { unreadable } from '../../platform/storage/upload-stream.ts';
import {
  DUPLICATE_POLICIES,
  FieldMapping,
  GRANULARITIES,
  IMPORT_STATUSES,
  REJECT_POLICIES,
  Strategy,
  Transform,
} from './analytics.schemas.ts';
import { errorsCsv } from './import-errors.csv.ts';
import type { ImportsService, MappingChoice } from './imports.service.ts';
import { presentImport, presentImportDetail, presentImportError } from './presenters.ts';

const tags = ['analytics'];

/** The mapping choice, as JSON fields of the upload or the body of a reprocess. */
const choiceFields = {
  profileIds: Type.Optional(
    Type.Array(Uuid, { minItems: 1, maxItems: 20, description: 'The first that fits is used' }),
  ),
  mappings: Type.Optional(Type.Array(Type.Ref('FieldMapping'), { maxItems: 100 })),
  autoMap: Type.Optional(Type.Boolean()),
  granularity: Type.Optional(literals(GRANULARITIES)),
  aggregationStrategy: Type.Optional(Strategy),
};

const UploadFields = Type.Object(
  {
    facilityId: Uuid,
    ...choiceFields,
    sheet: Type.Optional(Text({ minLength: 1, maxLength: 100 })),
    rejectPolicy: Type.Optional(literals(REJECT_POLICIES)),
    onDuplicate: Type.Optional(literals(DUPLICATE_POLICIES)),
  },
  { additionalProperties: false },
);
const checkFields = Compile({ MappingTransform: Transform, FieldMapping }, UploadFields);
/** Fields given as JSON text in the form. */
const JSON_FIELDS = new Set(['profileIds', 'mappings', 'aggregationStrategy']);

const Accepted = Type.Object({
  importId: Uuid,
  analysisId: Type.Null({ description: 'Set once analyses exist for imports (issue 14)' }),
  jobId: Type.String(),
});

/** Content-Disposition for a file name in any script: an ASCII fallback and the UTF-8 name (RFC 6266). */
function attachment(name: string): string {
  const ascii = [...name].map((c) => (c >= ' ' && c <= '~' && c !== '"' && c !== '\\' ? c : '_')).join('');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The file name without control characters (it is shown and sent back in headers). */
const printable = (name: string) => [...name].filter((c) => c.charCodeAt(0) >= 32).join('');

function fieldValue(name: string, value: string): unknown {
  if (JSON_FIELDS.has(name)) {
    try {
      return JSON.parse(value);
    } catch {
      throw badRequest(`Field "${name}" must be JSON`);
    }
  }
  if (name === 'autoMap') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

export function importsRoutes(app: App, { imports }: { imports: ImportsService }) {
  app.register(async (scope: App) => {
    await acceptUploads(scope, { fileSize: imports.maxBytes, fields: 20, fieldSize: 256 * 1024 });

    scope.post(
      '/analytics/uploads',
      {
        config: { access: 'analyze' },
        schema: {
          tags,
          operationId: 'uploadWorkOrders',
          summary: 'Upload an ERP work-order export (CSV or XLSX, any size); 202 with the import and its job',
          description: [
            'A `multipart/form-data` body: the file in field `file`, and the fields `facilityId`, then exactly one of `profileIds` (a JSON array; the first profile whose columns are all in the file is used), `mappings` (a JSON array of FieldMapping) or `autoMap=true`. Optional: `granularity` (header|operation, with `mappings` or `autoMap`), `aggregationStrategy` (JSON), `sheet` (XLSX), `rejectPolicy` (skip|fail, the tenant setting by default), `onDuplicate` (refuse|mark, the tenant setting by default).',
            'The file is streamed to the file store and its head read: an empty, binary or damaged file, or a mapping that does not fit, is a 400 at once. A file already imported is a 409 unless `onDuplicate=mark`. Progress is pushed on topic `import:<importId>` and `job:<jobId>`.',
          ].join('\n\n'),
          consumes: ['multipart/form-data'],
          response: { 202: Accepted, ...errorResponses(400, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        if (!request.isMultipart())
          throw badRequest(
            'Send the file as multipart/form-data, in field "file", with the fields beside it',
          );
        const fields: Record<string, unknown> = {};
        let stored: StoredFile | undefined;
        let fileName = 'upload';
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              const file = uploadedFile(part as MultipartFile);
              fileName = printable(file.filename || 'upload').slice(0, 255);
              stored = await imports.store(principal, file.file, () => file.file.truncated);
            } else if (typeof part.value === 'string') {
              fields[part.fieldname] = fieldValue(part.fieldname, part.value);
            }
          }
        } catch (err) {
          if (stored) await imports.discard(principal, stored);
          throw unreadable(err);
        }
        if (!stored) throw badRequest('The multipart upload has no file: send it in field "file"');
        if (!checkFields.Check(fields)) {
          await imports.discard(principal, stored);
          const first = [...checkFields.Errors(fields)][0];
          throw badRequest(
            `Invalid upload fields: ${first ? `${first.instancePath || '/'} ${first.message}` : 'see the schema'}`,
          );
        }
        const input = fields as Omit<Parameters<ImportsService['upload']>[1], 'stored' | 'fileName'>;
        return reply.status(202).send(await imports.upload(principal, { ...input, stored, fileName }));
      },
    );
  });

  app.get(
    '/analytics/imports',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listImports',
        summary: 'Imports, newest first',
        querystring: Type.Object(
          { status: Type.Optional(literals(IMPORT_STATUSES)), facilityId: Type.Optional(Uuid), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('ImportPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await imports.list(principalOf(request), request.query), request.query, presentImport),
  );

  app.get(
    '/analytics/imports/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getImport',
        summary:
          'An import: status, row counts, detected format, timings, the mapping and profile version used',
        params: IdParams,
        response: { 200: Type.Ref('ImportDetail'), ...errorResponses(404) },
      },
    },
    async (request) => presentImportDetail(await imports.get(principalOf(request), request.params.id)),
  );

  app.get(
    '/analytics/imports/:id/errors',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listImportErrors',
        summary:
          'Why rows were rejected (row, column, value, reason), by row; `format=csv` downloads them all',
        params: IdParams,
        querystring: Type.Object(
          { format: Type.Optional(literals(['json', 'csv'] as const)), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('ImportErrorPage'), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { id } = request.params;
      if (request.query.format === 'csv') {
        const row = await imports.get(principal, id);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="import-${row.id}-errors.csv"`)
          .send(errorsCsv(imports.errorPages(principal, id)));
      }
      return presentPage(
        await imports.errors(principal, id, request.query),
        request.query,
        presentImportError,
      );
    },
  );

  app.get(
    '/analytics/imports/:id/file',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getImportFile',
        summary: 'The original uploaded file',
        params: IdParams,
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errorResponses(404, 410) },
      },
    },
    async (request, reply) => {
      const { row, stream } = await imports.file(principalOf(request), request.params.id);
      return reply
        .type('application/octet-stream')
        .header('content-disposition', attachment(row.fileName))
        .header('content-length', row.fileSize)
        .send(stream);
    },
  );

  app.post(
    '/analytics/imports/:id/reprocess',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'reprocessImport',
        summary:
          'Re-run an import on its kept file, with a corrected mapping (or the same one when the body is empty)',
        params: IdParams,
        body: Type.Object(choiceFields, { additionalProperties: false }),
        response: { 202: Accepted, ...errorResponses(400, 404, 409, 410) },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await imports.reprocess(principalOf(request), request.params.id, request.body as MappingChoice),
        ),
  );

  app.delete(
    '/analytics/imports/:id',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'deleteImport',
        summary: 'Delete an import, its work orders and errors (the file too, unless another import has it)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await imports.remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
