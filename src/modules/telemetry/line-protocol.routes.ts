// InfluxDB's write endpoints, so Telegraf, InfluxDB client libraries and anything else that speaks
// line protocol can send readings: POST /write (v1) and POST /api/v2/write (v2). Registered in a
// context of their own (the raw body parser, the credential forms and the error shape stay here):
// - the body is line protocol whatever its Content-Type, gzip-compressed or not, read as a stream
//   and refused with a 413 once it is larger than the limit (decompressed);
// - credentials: `Authorization: Token <API key>` (v2 clients), `Bearer`, `X-API-Key`, HTTP Basic
//   with the key as password, or v1's `?p=<API key>`; scope `operate`;
// - 204 when every reading was written; 400 when some were not (the others are written), naming the
//   first; errors have InfluxDB's `{ code, message }` and, beside it, the platform's `error` object.
import { finished, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { tenantOf } from '../../platform/db/scope.ts';
import { principalOf } from '../../platform/http/access.ts';
import { toAppError } from '../../platform/http/error-handler.ts';
import { AppError, badRequest } from '../../platform/http/errors.ts';
import { ErrorBodySchema } from '../../platform/http/openapi.ts';
import { literals, Text } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { MAX_BATCH } from './ingest.service.ts';
import type { LineProtocolWriter, WriteOutcome } from './line-protocol.service.ts';
import { PRECISIONS, precisionOf, V1_PRECISIONS } from './line-protocol.ts';

const tags = ['telemetry'];

const Name = Text({ maxLength: 256 });
const V1Query = Type.Object(
  {
    db: Type.Optional(
      Text({ maxLength: 256, description: 'Accepted and ignored: the API key names the tenant' }),
    ),
    rp: Type.Optional(Text({ maxLength: 256, description: 'Accepted and ignored' })),
    precision: Type.Optional(literals(V1_PRECISIONS)),
    consistency: Type.Optional(literals(['any', 'one', 'quorum', 'all'] as const)),
    u: Type.Optional(Text({ maxLength: 256, description: 'Accepted and ignored' })),
    p: Type.Optional(
      Text({ maxLength: 1024, description: 'An API key, when no Authorization header is sent' }),
    ),
  },
  { additionalProperties: false },
);
const V2Query = Type.Object(
  {
    org: Type.Optional(Name),
    orgID: Type.Optional(Name),
    bucket: Type.Optional(
      Text({ maxLength: 256, description: 'Accepted and ignored: the API key names the tenant' }),
    ),
    precision: Type.Optional(literals(PRECISIONS)),
  },
  { additionalProperties: false },
);

export const InfluxError = Type.Object(
  {
    code: Type.String({ description: "InfluxDB's error code: invalid, unauthorized, request too large …" }),
    message: Type.String(),
    line: Type.Optional(Type.Integer({ description: 'Line of the body the first rejection is on' })),
    error: ErrorBodySchema.properties.error,
  },
  { $id: 'InfluxError', title: 'InfluxDB error' },
);

const INFLUX_CODES: Record<number, string> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  413: 'request too large',
  415: 'unsupported media type',
  429: 'too many requests',
  503: 'unavailable',
};

/** A header value: printable ASCII only, short. */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, '?').slice(0, 200);

function sendInfluxError(request: FastifyRequest, reply: FastifyReply, error: AppError, line?: number) {
  if (error.headers) reply.headers(error.headers);
  // InfluxDB 1.x names the error in a header too (Telegraf's v1 output reads it).
  reply.header('x-influxdb-error', headerSafe(error.message));
  return reply
    .status(error.status)
    .type('application/json; charset=utf-8')
    .send({
      code: INFLUX_CODES[error.status] ?? (error.status >= 500 ? 'internal error' : 'invalid'),
      message: error.message,
      ...(line !== undefined ? { line } : {}),
      error: {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
        requestId: request.id,
      },
    });
}

/**
 * InfluxDB clients' credential forms, rewritten to the bearer form access control reads. Runs
 * before it (a context hook runs before the route's own).
 */
function influxCredentials(request: FastifyRequest) {
  const headers = request.raw.headers;
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && authorization.trim() !== '') {
    const token = /^Token\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization)?.[1];
    if (token) headers.authorization = `Bearer ${token}`;
    else if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0 && colon < decoded.length - 1)
        headers.authorization = `Bearer ${decoded.slice(colon + 1)}`;
    }
  } else if (headers['x-api-key'] === undefined) {
    const password = (request.query as { p?: unknown } | undefined)?.p;
    if (typeof password === 'string' && password !== '') headers.authorization = `Bearer ${password}`;
  }
}

const tooLarge = (limit: number, gzip: boolean) =>
  new AppError('payload_too_large', `The body is larger than ${limit} bytes${gzip ? ' decompressed' : ''}`);

/**
 * The body as text: gunzipped when it says so, at most `limit` bytes before and after. The request
 * stream is never destroyed (the answer still has to go out on its connection): on a refusal it is
 * left to drain.
 */
export async function readBody(
  source: Readable,
  contentEncoding: string | undefined,
  contentLength: string | undefined,
  limit: number,
): Promise<string> {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  const gzip = encoding === 'gzip' || encoding === 'x-gzip';
  if (!gzip && encoding !== '' && encoding !== 'identity') {
    throw new AppError(
      'unsupported_media_type',
      `Content-Encoding ${headerSafe(encoding).slice(0, 40)} is not supported: send gzip or none`,
    );
  }
  if (Number(contentLength) > limit) throw tooLarge(limit, false);
  let output: AsyncIterable<Buffer>;
  let release = () => {};
  if (gzip) {
    const gunzip = createGunzip();
    let received = 0;
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) gunzip.destroy(tooLarge(limit, false));
    };
    source.on('data', count);
    const stopWatching = finished(source, (err) => {
      if (err) gunzip.destroy(err);
    });
    source.pipe(gunzip);
    output = gunzip;
    release = () => {
      stopWatching();
      source.off('data', count);
      source.unpipe(gunzip);
      gunzip.destroy();
      source.resume();
    };
  } else {
    output = source.iterator({ destroyOnReturn: false });
    release = () => source.resume();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of output) {
      size += chunk.length;
      if (size > limit) throw tooLarge(limit, gzip);
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw badRequest('The body is not valid gzip');
    throw badRequest('The body could not be read');
  } finally {
    release();
  }
  return new TextDecoder().decode(Buffer.concat(chunks, size));
}

/** The 400 of a write that was refused in part (or whole): counts, reasons, the first lines. */
function refusal(outcome: WriteOutcome): AppError {
  const reasons = Object.entries(outcome.reasons)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  const first = outcome.errors[0];
  const summary = `${outcome.written} readings written, ${outcome.rejected} rejected (${reasons})`;
  const message = `${outcome.written > 0 ? 'partial write: ' : ''}${summary}${first ? `; line ${first.line}: ${first.message}` : ''}`;
  return badRequest(
    message,
    outcome.errors.map((e) => ({ path: `/body/line/${e.line}`, message: `${e.reason}: ${e.message}` })),
  );
}

export function lineProtocolRoutes(
  app: App,
  { writer, bodyLimit }: { writer: LineProtocolWriter; bodyLimit: number },
) {
  app.addSchema(InfluxError);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', async (request: FastifyRequest, payload: Readable) =>
    readBody(payload, request.headers['content-encoding'], request.headers['content-length'], bodyLimit),
  );
  app.addHook('onRequest', (request, _reply, done) => {
    influxCredentials(request);
    done();
  });
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.reportable) request.log.error({ err: appError.cause ?? appError }, 'request failed');
    else request.log.info({ code: appError.code, message: appError.message }, 'request rejected');
    return sendInfluxError(request, reply, appError);
  });

  async function write(request: FastifyRequest, reply: FastifyReply, precision: string | undefined) {
    const body = typeof request.body === 'string' ? request.body : '';
    const outcome = await writer.write(tenantOf(principalOf(request)), body, precisionOf(precision));
    reply.headers({
      'x-plantintel-written': String(outcome.written),
      'x-plantintel-rejected': String(outcome.rejected),
      'x-plantintel-ignored': String(outcome.ignored),
    });
    if (outcome.points === 0 && outcome.rejected === 0) throw badRequest('writing requires points');
    if (outcome.rejected === 0) return reply.status(204).send(null);
    request.log.info(
      { written: outcome.written, rejected: outcome.rejected, reasons: outcome.reasons },
      'line protocol write refused in part',
    );
    return sendInfluxError(request, reply, refusal(outcome), outcome.errors[0]?.line);
  }

  const description = [
    'The body is InfluxDB line protocol (any Content-Type; `Content-Encoding: gzip` allowed), one point a line: `<measurement>[,<tag>=<value>…] <field>=<value>[,…] [<timestamp>]`.',
    'Each numeric or boolean field is a reading of the sensor with key `<measurement>.<field>`; with a `sensor` (or `key`) tag, `<tag>.<field>`, or the tag alone for the field `value`. A `facility` tag picks the facility by code (else the default facility of the telemetry settings). String fields are ignored. Unknown sensors are created (type `other`, unit from a `unit` tag) when the telemetry settings allow it, else refused.',
    `Readings go through the same ingest as the bulk endpoint, ${MAX_BATCH.toLocaleString('en')} at a time. **204** when every reading was written; **400** when some were not — the rest are written — with the counts and the first refused line; headers \`x-plantintel-written\`, \`-rejected\`, \`-ignored\` carry the counts.`,
    'Credentials: `Authorization: Token <API key>` (as InfluxDB clients send), `Bearer`, `X-API-Key`, HTTP Basic with the key as password, or (v1) `?p=<API key>`.',
  ].join('\n\n');
  const responses = {
    204: Type.Null({ description: 'Every reading was written' }),
    ...Object.fromEntries([400, 401, 403, 413, 415].map((status) => [status, Type.Ref('InfluxError')])),
  };

  app.post(
    '/write',
    {
      config: { access: 'operate' },
      schema: {
        tags,
        operationId: 'writeLineProtocolV1',
        summary: 'Readings as InfluxDB line protocol (InfluxDB 1.x write API)',
        description,
        querystring: V1Query,
        response: responses,
      },
    },
    (request, reply) => write(request, reply, request.query.precision),
  );

  app.post(
    '/api/v2/write',
    {
      config: { access: 'operate' },
      schema: {
        tags,
        operationId: 'writeLineProtocolV2',
        summary: 'Readings as InfluxDB line protocol (InfluxDB 2.x write API)',
        description,
        querystring: V2Query,
        response: responses,
      },
    },
    (request, reply) => write(request, reply, request.query.precision),
  );
}
