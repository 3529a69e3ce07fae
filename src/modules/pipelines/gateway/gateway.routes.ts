// The gateway's protocol endpoints under /api/v1/ai/v1: OpenAI Chat Completions, Anthropic
// Messages and the model list, authenticated with PlantIntel API keys (OpenAI's SDK sends
// `Authorization: Bearer pi_…`, Anthropic's `x-api-key: pi_…`; identity accepts both).
//
// Access is `read`, as for PlantIntel's own analysis chat: a call reads nothing the caller could not
// read (a retrieve node reads the caller's tenant), it spends the pipeline's budget, which the
// executor enforces (429). A key bound to a workspace reaches that workspace's pipelines only
// (the resolver answers 404 for others).
//
// Every refusal — no credentials (401), a scope (403), a body the schema refuses or too large
// (400/413), an unknown or paused pipeline (404/400), a budget (429), an upstream failure — is
// answered in the protocol the caller spoke, by this scope's own error handler: never PlantIntel's
// `{ error: { code, message } }`, never a 500 without a body. The 401/403 bodies still carry
// PlantIntel's code in `error.code` (what the security sweeps check; OpenAI's `code` is free text).
import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Db } from '../../../platform/db/database.ts';
import { readInTenant } from '../../../platform/db/scope.ts';
import { principalOf } from '../../../platform/http/access.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Executor, GatewayEvent, GatewayRequest, PipelineResolver } from '../contracts.ts';
import { collectAnswer, endedEarly, newId, unixSeconds } from './answer.ts';
import { AnthropicErrorBody, AnthropicMessageObject, MessagesBody } from './anthropic.schemas.ts';
import { AnthropicEvents, anthropicError, anthropicMessage, fromAnthropic } from './anthropic-protocol.ts';
import { type Failure, failureOf } from './failure.ts';
import { pipelineLabels } from './models.repo.ts';
import { ModelList, ModelsQuery, modelList } from './models.ts';
import { ChatCompletion, ChatCompletionsBody, OpenAiErrorBody } from './openai.schemas.ts';
import { fromOpenAi, OpenAiChunks, openAiCompletion, openAiError } from './openai-protocol.ts';
import { drain, type FrameEncoder, SILENT, sseFrames, within } from './stream.ts';

export interface GatewayRouteDeps {
  db: Db;
  resolver: PipelineResolver;
  executor: Executor;
  /** A stream silent this long gets a keep-alive frame (GATEWAY_KEEPALIVE_MS; 0 or absent: never). */
  keepAliveMs?: number;
}

const tags = ['ai-gateway'];
const STATUSES = [400, 401, 403, 404, 413, 429, 500, 502, 503, 504] as const;
const errorsOf = (body: unknown) => Object.fromEntries(STATUSES.map((status) => [status, body]));
const STREAM_DOC =
  'With `stream: true` the answer is `text/event-stream`; errors before the first event are JSON with their status, ' +
  'errors after it end the stream with the protocol’s in-stream error. A stream without an event for ' +
  '`GATEWAY_KEEPALIVE_MS` (15 s) gets a keep-alive (OpenAI: a `: keep-alive` comment line; Anthropic: a `ping` ' +
  'event); when that happens before the first event, the stream starts then, and a later failure is in-stream.';

type Protocol = 'openai' | 'anthropic';

/** The protocol a request speaks: its route's, or (the model list, unknown paths) its headers'. */
function protocolOf(request: FastifyRequest): Protocol {
  const url = request.routeOptions.url ?? '';
  if (url.endsWith('/messages')) return 'anthropic';
  if (url.endsWith('/chat/completions')) return 'openai';
  return request.headers['anthropic-version'] !== undefined ? 'anthropic' : 'openai';
}

function sendFailure(request: FastifyRequest, reply: FastifyReply, failure: Failure) {
  const body =
    protocolOf(request) === 'anthropic'
      ? anthropicError(failure, request.id)
      : openAiError(failure, request.id);
  // A string payload skips the route's response serializer: the body is exactly the protocol's.
  return reply
    .status(failure.status)
    .headers(failure.headers)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(body));
}

function logFailure(request: FastifyRequest, reply: FastifyReply, error: unknown, failure: Failure) {
  // The run was aborted because the client went away: nobody to answer, nothing to report.
  if (reply.raw.destroyed && !reply.raw.writableFinished) request.log.debug('gateway client went away');
  else if (failure.kind === 'internal') request.log.error({ err: error }, 'gateway request failed');
  else
    request.log.info(
      { code: failure.code, status: failure.status, message: failure.message },
      'gateway refusal',
    );
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const failure = failureOf(error);
  logFailure(request, reply, error, failure);
  return sendFailure(request, reply, failure);
}

interface Started {
  /** The executor's first step: settled, or (a stream that started before it) still pending. */
  first: Promise<IteratorResult<GatewayEvent>>;
  rest: AsyncIterator<GatewayEvent>;
  /** The stream starts before its first event, which took longer than the keep-alive interval. */
  silent: boolean;
}

/**
 * Resolves the pipeline and starts the executor, up to its first event: anything that fails until
 * then is an HTTP error — unless a stream waited `keepAliveMs` for it, which then starts at once
 * (headers and keep-alives; what comes later, a failure included, is in the stream). A client that
 * goes away before the answer is complete aborts the run.
 */
async function start(
  deps: GatewayRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  req: GatewayRequest,
): Promise<Started> {
  const ctx = await deps.resolver.callerContext(principalOf(request));
  const pipeline = await deps.resolver.resolve(ctx, slug);
  const abort = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) abort.abort(new Error('the client went away'));
  });
  const rest = deps.executor.run(ctx, pipeline, { ...req, signal: abort.signal })[Symbol.asyncIterator]();
  const next = rest.next();
  const first = await within(next, req.stream ? (deps.keepAliveMs ?? 0) : 0);
  if (first !== SILENT && first.done) throw endedEarly();
  reply.header('x-plantintel-pipeline', `${pipeline.slug}@${pipeline.version}`);
  // How the cache served it is known with the first event (a stream started before it goes without).
  if (first !== SILENT && first.value.type === 'start') reply.header('x-plantintel-cache', first.value.cache);
  return { first: next, rest, silent: first === SILENT };
}

function stream(
  request: FastifyRequest,
  reply: FastifyReply,
  run: Started,
  encoder: FrameEncoder,
  keepAliveMs = 0,
) {
  const frames = sseFrames(
    run.first,
    run.rest,
    encoder,
    request.id,
    (err, failure) => logFailure(request, reply, err, failure),
    { keepAliveMs, silent: run.silent },
  );
  return reply
    .type('text/event-stream; charset=utf-8')
    .header('cache-control', 'no-cache, no-transform')
    .header('x-accel-buffering', 'no')
    .send(Readable.from(frames, { objectMode: false }));
}

async function whole(request: FastifyRequest, reply: FastifyReply, run: Started) {
  const first = await run.first;
  if (first.done) throw endedEarly();
  const answer = await collectAnswer(first.value, run.rest);
  drain(run.rest, (err) => logFailure(request, reply, err, failureOf(err)));
  reply.header('x-plantintel-cache', answer.cache);
  return answer;
}

export function gatewayRoutes(app: App, deps: GatewayRouteDeps, prefix = '/ai/v1') {
  app.register(
    async (scope) => {
      const gateway = scope.withTypeProvider<TypeBoxTypeProvider>();
      gateway.setErrorHandler(handleError);
      gateway.setNotFoundHandler((request, reply) => {
        const message = `Unknown endpoint ${request.method} ${request.url.split('?')[0]}: the gateway speaks POST /v1/chat/completions, POST /v1/messages and GET /v1/models`;
        return sendFailure(request, reply, {
          status: 404,
          kind: 'not_found',
          code: 'not_found',
          message: message.slice(0, 400),
          param: null,
          headers: {},
        });
      });
      gateway.addHook('onRequest', async (request, reply) => {
        reply.header('request-id', request.id);
      });

      gateway.post(
        '/chat/completions',
        {
          config: { access: 'read' },
          schema: {
            tags,
            operationId: 'createChatCompletion',
            summary: 'OpenAI Chat Completions through a pipeline (`model`: `pipeline/<slug>`)',
            description: STREAM_DOC,
            body: ChatCompletionsBody,
            response: { 200: ChatCompletion, ...errorsOf(OpenAiErrorBody) },
          },
        },
        async (request, reply) => {
          const call = fromOpenAi(request.body);
          const ids = { id: newId('chatcmpl-'), created: unixSeconds(new Date()), model: request.body.model };
          const run = await start(deps, request, reply, call.slug, call.request);
          if (call.request.stream)
            return stream(request, reply, run, new OpenAiChunks(ids, call.includeUsage), deps.keepAliveMs);
          return openAiCompletion(await whole(request, reply, run), ids);
        },
      );

      gateway.post(
        '/messages',
        {
          config: { access: 'read' },
          schema: {
            tags,
            operationId: 'createMessage',
            summary: 'Anthropic Messages through a pipeline (`model`: `pipeline/<slug>`)',
            description: STREAM_DOC,
            body: MessagesBody,
            response: { 200: AnthropicMessageObject, ...errorsOf(AnthropicErrorBody) },
          },
        },
        async (request, reply) => {
          const call = fromAnthropic(request.body);
          const ids = { id: newId('msg_'), model: request.body.model };
          const run = await start(deps, request, reply, call.slug, call.request);
          if (call.request.stream)
            return stream(request, reply, run, new AnthropicEvents(ids), deps.keepAliveMs);
          return anthropicMessage(await whole(request, reply, run), ids);
        },
      );

      gateway.get(
        '/models',
        {
          config: { access: 'read' },
          schema: {
            tags,
            operationId: 'listGatewayModels',
            summary:
              'The pipelines the caller may call, as models (OpenAI and Anthropic list shapes at once)',
            description:
              'Errors are in Anthropic’s shape when the request has an `anthropic-version` header, else in OpenAI’s.',
            querystring: ModelsQuery,
            response: { 200: ModelList, ...errorsOf(Type.Union([OpenAiErrorBody, AnthropicErrorBody])) },
          },
        },
        async (request) => {
          const ctx = await deps.resolver.callerContext(principalOf(request));
          const pipelines = await deps.resolver.list(ctx);
          const labels = await readInTenant(deps.db, ctx.tenantId, (tx) =>
            pipelineLabels(
              tx,
              pipelines.map((p) => p.id),
            ),
          );
          return modelList(pipelines, labels, request.query);
        },
      );
    },
    { prefix },
  );
}
