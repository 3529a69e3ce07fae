import Type from 'typebox';
import { tenantOf } from '../../platform/db/scope.ts';
import { principalOf } from '../../platform/http/access.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { type Ingest, MAX_BATCH, type ReadingInput } from './ingest.service.ts';
import { type ReadingBatch, ReadingBatchBuilder } from './reading-batch.ts';
import { BulkBody, ReadingBody } from './telemetry.schemas.ts';

const tags = ['telemetry'];

type Bulk = {
  facilityId?: string | undefined;
  readings?: ReadingInput[] | undefined;
  series?:
    | { sensorId?: string; sensorKey?: string; ts: (string | number)[]; values: ReadingInput['value'][] }[]
    | undefined;
};

/**
 * The readings of a bulk body — row form, columnar series, or both, rows first — as one batch of
 * columns: a series adds its values without an object per reading.
 */
export function batchOfBulk(body: Bulk): ReadingBatch {
  const rows = body.readings ?? [];
  const series = body.series ?? [];
  let total = rows.length;
  for (const [i, s] of series.entries()) {
    if (s.ts.length !== s.values.length)
      throw badRequest(`series[${i}]: ts has ${s.ts.length} entries and values ${s.values.length}`);
    total += s.ts.length;
  }
  if (total > MAX_BATCH) throw badRequest(`At most ${MAX_BATCH} readings per request (got ${total})`);
  const builder = new ReadingBatchBuilder(total);
  for (const [i, row] of rows.entries()) {
    if (!row.sensorId === !row.sensorKey)
      throw badRequest(`reading ${i}: give exactly one of sensorId and sensorKey`);
    builder.push(builder.refOf(row.sensorId, row.sensorKey), row.ts, row.value);
  }
  let at = rows.length;
  for (const s of series) {
    if (s.ts.length > 0 && !s.sensorId === !s.sensorKey)
      throw badRequest(`reading ${at}: give exactly one of sensorId and sensorKey`);
    const ref = builder.refOf(s.sensorId, s.sensorKey);
    for (let j = 0; j < s.ts.length; j++) builder.push(ref, s.ts[j], s.values[j] ?? null);
    at += s.ts.length;
  }
  return builder.build();
}

/** NDJSON: one reading object per line; a malformed line refuses the whole request, naming it. */
export function parseNdjson(text: string): { readings: unknown[] } {
  const readings: unknown[] = [];
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    try {
      readings.push(JSON.parse(trimmed));
    } catch {
      throw badRequest(`NDJSON line ${line} is not valid JSON`);
    }
  }
  return { readings };
}

export function readingsRoutes(
  app: App,
  { ingest, bulkBodyLimit }: { ingest: Ingest; bulkBodyLimit: number },
) {
  app.addContentTypeParser(
    'application/x-ndjson',
    { parseAs: 'string', bodyLimit: bulkBodyLimit },
    (_request, body, done) => {
      try {
        done(null, parseNdjson(body as string));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );

  app.post(
    '/plant-ops/sensors/:id/readings',
    {
      config: { access: 'operate', nonFiniteInBody: 'counted' },
      schema: {
        tags,
        operationId: 'postSensorReading',
        summary: 'One reading of a sensor (ts absent → now); acknowledged once committed',
        params: IdParams,
        body: ReadingBody,
        response: { 200: Type.Ref('IngestResult'), ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const result = await ingest.ingest(
        tenantOf(principalOf(request)),
        [{ sensorId: request.params.id, ts: request.body.ts, value: request.body.value }],
        { channel: 'http' },
      );
      if (result.reasons.unknown_sensor) throw notFound('Sensor');
      return result;
    },
  );

  app.post(
    '/plant-ops/sensors/readings/bulk',
    {
      bodyLimit: bulkBodyLimit,
      config: { access: 'operate', nonFiniteInBody: 'counted' },
      schema: {
        tags,
        operationId: 'postReadingsBulk',
        summary: `Up to ${MAX_BATCH.toLocaleString('en')} readings of any sensors in one transaction`,
        description: [
          'Three forms, all answered with accepted and rejected counts (rejections by reason and the first 100 by position):',
          '- rows: `{"readings": [{"sensorId" | "sensorKey", "ts", "value"}, …]}`;',
          '- columnar: `{"series": [{"sensorKey": "press-1", "ts": [epoch ms | ISO, …], "values": [number, …]}, …]}`;',
          '- NDJSON (`Content-Type: application/x-ndjson`): one row object per line.',
          'Keys are looked up in `facilityId` when given (required when a key exists in several facilities). Rows with an unknown sensor, a non-finite value (null, "NaN", "Infinity"), a timestamp older than the retention or more than 5 minutes ahead, or the same sensor and timestamp as a stored reading are rejected and counted; the rest are committed together, or none are.',
        ].join('\n'),
        body: BulkBody,
        response: { 200: Type.Ref('IngestResult'), ...errorResponses(400, 413) },
      },
    },
    async (request) =>
      ingest.ingest(tenantOf(principalOf(request)), batchOfBulk(request.body as Bulk), {
        facilityId: request.body.facilityId,
        channel: 'bulk',
      }),
  );
}
