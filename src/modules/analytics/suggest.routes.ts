// The mapping step before an import: suggestions for a file's columns (from its head, or from a
// header row and sample rows sent as JSON), and a preview of the first rows as a mapping would
// import them, with a validation summary. Both read a few hundred rows, on the request path.
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Db } from '../../platform/db/database.ts';
import { readInCallerTenant } from '../../platform/db/scope.ts';
import { principalOf } from '../../platform/http/access.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { Text } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { acceptUploads, uploadedFile } from '../../platform/storage/multipart.ts';
import { saveUpload, unreadable } from '../../platform/storage/upload-stream.ts';
import { FieldMapping, MAX_COLUMNS, Transform } from './analytics.schemas.ts';
import type { FileHead, HeadReader, OpenedFile, RowReader } from './file-head.ts';
import type { FieldMapping as Mapping } from './mapping/types.ts';
import { learnedPairs } from './profiles.repo.ts';
import { mappingProblems } from './profiles.service.ts';

const tags = ['analytics'];
/** Rows of a head read for suggestions, and rows previewed. */
const SAMPLE_ROWS = 200;
const SHOWN_ROWS = 20;
/** Largest file (or head of one) these routes read: a CSV head, or a whole XLSX. */
export const HEAD_MAX_BYTES = 64 * 1_048_576;

const Cell = Type.String({ maxLength: 10_000, pattern: '^[^\\u0000]*$' });
const SuggestBody = Type.Object(
  {
    headers: Type.Array(Text({ maxLength: 300 }), { minItems: 1, maxItems: MAX_COLUMNS }),
    rows: Type.Array(Type.Array(Cell, { maxItems: MAX_COLUMNS }), { maxItems: SAMPLE_ROWS }),
  },
  { additionalProperties: false },
);

const checkSuggestBody = Compile(SuggestBody);

const Suggested = Type.Object({
  detected: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  headers: Type.Array(Type.String()),
  rows: Type.Array(Type.Array(Type.String())),
  granularity: Type.Union([Type.Literal('header'), Type.Literal('operation')]),
  suggestions: Type.Array(Type.Ref('MappingSuggestion')),
  mappings: Type.Array(Type.Ref('FieldMapping')),
  unmapped: Type.Array(Type.String()),
  system: Type.Union([Type.String(), Type.Null()], {
    description: 'The ERP the headers come from, when they say',
  }),
});

const Preview = Type.Object({
  rows: Type.Array(
    Type.Object({
      rowNo: Type.Integer(),
      values: Type.Record(Type.String(), Type.Unknown()),
      errors: Type.Array(
        Type.Object({
          column: Type.Union([Type.String(), Type.Null()]),
          value: Type.Union([Type.String(), Type.Null()]),
          reason: Type.String(),
        }),
      ),
    }),
  ),
  summary: Type.Object({
    rows: Type.Integer(),
    accepted: Type.Integer(),
    rejected: Type.Integer(),
    reasons: Type.Record(Type.String(), Type.Integer()),
  }),
});

/** Reads a multipart body: the file to a temporary path (capped), the fields as text. */
async function receive(request: FastifyRequest, dir: string) {
  const fields: Record<string, string> = {};
  let path: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const file = uploadedFile(part as MultipartFile);
        await mkdir(dir, { recursive: true });
        path = join(dir, `${randomUUID()}.head`);
        await saveUpload(file.file, path, HEAD_MAX_BYTES);
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (err) {
    if (path) await rm(path, { force: true });
    throw unreadable(err);
  }
  if (!path)
    throw badRequest('The multipart upload has no file: send it (or its first megabytes) in field "file"');
  return { path, fields };
}

/** The first `limit` rows of a file's batches. */
async function* rowsOf<T>(batches: AsyncIterable<T[]>, limit: number): AsyncGenerator<T> {
  let n = 0;
  for await (const batch of batches)
    for (const row of batch) {
      if (n++ >= limit) return;
      yield row;
    }
}

const checkMappings = Compile(
  { MappingTransform: Transform, FieldMapping },
  Type.Array(Type.Ref('FieldMapping'), { maxItems: 100 }),
);

function parsedMappings(text: string | undefined): Mapping[] {
  if (!text) throw badRequest('Send the mapping to preview in field "mappings" (JSON)');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('Field "mappings" must be JSON');
  }
  if (!checkMappings.Check(value)) {
    const first = [...checkMappings.Errors(value)][0];
    throw badRequest(
      `Field "mappings" must be an array of field mappings: ${first ? `${first.instancePath || '/'} ${first.message}` : 'see FieldMapping'}`,
    );
  }
  return value as Mapping[];
}

export function suggestRoutes(
  app: App,
  { db, reader, tmpDir }: { db: Db; reader: HeadReader & RowReader; tmpDir: string },
) {
  app.register(async (scope: App) => {
    await acceptUploads(scope, { fileSize: HEAD_MAX_BYTES, fieldSize: 256 * 1024 });

    scope.post(
      '/analytics/mapping/suggest',
      {
        config: { access: 'read' },
        schema: {
          tags,
          operationId: 'suggestMapping',
          summary: 'Suggest, per canonical field, the column of a file it comes from (confidence and reason)',
          description:
            'Either JSON `{headers, rows}` (a header row and up to 200 sample rows), or `multipart/form-data` with the file — for CSV its first megabytes are enough, an XLSX is sent whole (up to 64 MiB) — and optional `sheet`. Suggestions come from the tenant’s saved profiles (what a person confirmed before wins), ERP synonyms (SAP in English and German, Oracle, Dynamics, Odoo, Epicor, Plex, Infor; English, German, French and Spanish headers), fuzzy header matching and the values’ patterns. `mappings` is the suggestion as a mapping, ready for an upload.',
          consumes: ['application/json', 'multipart/form-data'],
          response: { 200: Suggested, ...errorResponses(400, 413) },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        let head: FileHead;
        if (request.isMultipart()) {
          const { path, fields } = await receive(request, tmpDir);
          try {
            head = await reader.head(path, { sheet: fields.sheet, rows: SAMPLE_ROWS });
          } finally {
            await rm(path, { force: true });
          }
        } else {
          // Checked here: a body schema on the route would refuse the multipart form.
          if (!checkSuggestBody.Check(request.body))
            throw badRequest(
              `Send {headers, rows} as JSON (up to ${MAX_COLUMNS} headers and ${SAMPLE_ROWS} rows), or the file as multipart/form-data`,
            );
          const { headers, rows } = request.body as Static<typeof SuggestBody>;
          head = { detected: {}, headers, rows };
        }
        const learned = await readInCallerTenant(db, principal, (tx) => learnedPairs(tx));
        const suggested = reader.suggest(head, learned);
        return {
          detected: request.isMultipart() ? head.detected : null,
          headers: head.headers,
          rows: head.rows.slice(0, SHOWN_ROWS),
          ...suggested,
        };
      },
    );

    scope.post(
      '/analytics/mapping/preview',
      {
        config: { access: 'read' },
        schema: {
          tags,
          operationId: 'previewMapping',
          summary: 'The first rows of a file as a mapping would import them, and a validation summary',
          description:
            '`multipart/form-data`: the file (or the first megabytes of a CSV) in field `file`, the mapping in field `mappings` (a JSON array of FieldMapping), optional `sheet`. The summary counts accepted and rejected rows, and the reasons, over the first 200 rows.',
          consumes: ['multipart/form-data'],
          response: { 200: Preview, ...errorResponses(400, 413) },
        },
      },
      async (request) => {
        if (!request.isMultipart()) throw badRequest('Send the file and the mapping as multipart/form-data');
        const { path, fields } = await receive(request, tmpDir);
        let file: OpenedFile | undefined;
        try {
          const mappings = parsedMappings(fields.mappings);
          const head = await reader.head(path, { sheet: fields.sheet, rows: SAMPLE_ROWS });
          const problems = [
            ...mappingProblems(mappings, fields.granularity === 'operation' ? 'operation' : 'header'),
            ...reader.mappingProblems(head, mappings),
          ];
          if (problems.length > 0)
            throw badRequest(`The mapping does not fit the file: ${problems.join('; ')}`);
          file = await reader.open(path, { sheet: fields.sheet });
          const { convert } = await reader.converter(file, mappings, AbortSignal.timeout(30_000));
          const rows: {
            rowNo: number;
            values: Record<string, unknown>;
            errors: { column: string | null; value: string | null; reason: string }[];
          }[] = [];
          const summary = { rows: 0, accepted: 0, rejected: 0, reasons: {} as Record<string, number> };
          for await (const record of rowsOf(file.batches(), SAMPLE_ROWS)) {
            summary.rows++;
            const out = record.problem
              ? { ok: false, values: {}, errors: [{ column: null, value: null, reason: record.problem }] }
              : convert(record.cells);
            if (out.ok) summary.accepted++;
            else summary.rejected++;
            for (const e of out.errors) summary.reasons[e.reason] = (summary.reasons[e.reason] ?? 0) + 1;
            if (rows.length < SHOWN_ROWS)
              rows.push({ rowNo: record.rowNo, values: out.values, errors: out.errors });
          }
          return { rows, summary };
        } finally {
          await file?.close().catch(() => {});
          await rm(path, { force: true });
        }
      },
    );
  });
}
