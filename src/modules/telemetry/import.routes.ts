// POST /plant-ops/sensors/import: a CSV history file, as the raw body (text/csv) or a multipart
// upload (field `file`), streamed to disk; 202 with the id of the job that imports it.
import type { Readable } from 'node:stream';

import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { AppError, badRequest } from '../../platform/http/errors.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { Uuid } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { acceptUploads, uploadedFile } from '../../platform/storage/multipart.ts';
import { unreadable } from '../../platform/storage/upload-stream.ts';
import { IMPORT_FORMATS, MAX_WIDE_COLUMNS, SECONDS_BELOW } from './import.csv.ts';
import { IMPORT_BATCH } from './import.job.ts';
import type { ImportService } from './import.service.ts';

const CSV_TYPES = ['text/csv', 'application/csv'];

const ImportQuery = Type.Object(
  {
    format: Type.Union(
      IMPORT_FORMATS.map((f) => Type.Literal(f)),
      { description: 'long: sensor_key,ts,value rows · wide: ts,<key>,<key>,… (one column per sensor)' },
    ),
    facilityId: Type.Optional({ ...Uuid, description: 'Where sensor keys are looked up' }),
  },
  { additionalProperties: false },
);

const ImportAccepted = Type.Object({
  jobId: Uuid,
  bytes: Type.Integer({ description: 'Size of the stored file' }),
});

const unsupported = () =>
  new AppError(
    'unsupported_media_type',
    'Send the CSV as the body with Content-Type text/csv, or as a multipart/form-data upload in field "file"',
  );

function rawLength(request: FastifyRequest): number | undefined {
  const length = Number(request.headers['content-length']);
  return Number.isFinite(length) ? length : undefined;
}

export function importRoutes(app: App, { imports }: { imports: ImportService }) {
  // In a scope of its own: the multipart and CSV parsers apply to this route only.
  app.register(async (scope: App) => {
    await acceptUploads(scope, { fileSize: imports.maxBytes });
    // The body stays a stream: the handler writes it to disk.
    scope.addContentTypeParser(CSV_TYPES, (_request, payload, done) => done(null, payload));

    scope.post(
      '/plant-ops/sensors/import',
      {
        config: { access: 'operate' },
        schema: {
          tags: ['telemetry'],
          operationId: 'importSensorReadingsCsv',
          summary: 'Import sensor history from a CSV file (any size); 202 with the id of the import job',
          description: [
            'The file is the body (`Content-Type: text/csv`) or a `multipart/form-data` upload in field `file`. It is streamed to disk, its header checked, and a background job imports it; follow it with `GET /api/v1/jobs/{jobId}` (progress 0–100 with a message, then the result) or live on topic `job:<jobId>`.',
            '- long: header `sensor_key,ts,value` (or `sensor_id` instead of `sensor_key`; columns in any order, others ignored), one reading per line;',
            `- wide: header \`ts,<sensor key>,<sensor key>,…\` (up to ${MAX_WIDE_COLUMNS.toLocaleString('en')} sensors), one timestamp per line, an empty cell is no reading.`,
            `\`ts\` is ISO 8601 (no zone: UTC) or epoch time: numbers below ${SECONDS_BELOW.toExponential(0)} are seconds, larger ones milliseconds. Readings go through the same checks as the bulk endpoint, ${IMPORT_BATCH.toLocaleString('en')} per transaction; the job result counts accepted and rejected readings by reason, with \`malformed_row\` for lines that cannot be read, and lists the first 100 rejections by line. Readings already stored are rejected as \`duplicate\`, so importing a file again is safe.`,
          ].join('\n'),
          querystring: ImportQuery,
          response: { 202: ImportAccepted, ...errorResponses(400, 413, 415) },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const { format, facilityId } = request.query;
        if (request.isMultipart()) {
          const part = await request.file().catch((err: unknown) => {
            throw unreadable(err);
          });
          if (!part) throw badRequest('The multipart upload has no file: send it in field "file"');
          uploadedFile(part, 'CSV');
          const started = await imports
            .start(principal, { source: part.file, format, facilityId, truncated: () => part.file.truncated })
            .catch((err: unknown) => {
              part.file.resume(); // refused before it was read (an unknown facility): let it drain
              throw err;
            });
          return reply.status(202).send(started);
        }
        const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
        if (!CSV_TYPES.includes(type) || !request.body) throw unsupported();
        const started = await imports.start(principal, {
          source: request.body as Readable,
          format,
          facilityId,
          declaredBytes: rawLength(request),
        });
        return reply.status(202).send(started);
      },
    );
  });
}
