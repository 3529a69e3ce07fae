// The chat about an analysis (issue 14): a question in, the answer out as Server-Sent Events —
// `delta` events with text, possibly one `replace` (an LLM answer that stated numbers the analysis
// lacks, replaced by the grounded one), then `done` with the sources; or `error` if the provider
// fails mid-answer. The seed's POST /api/chat {analysisId, message} is POST /analytics/chat.
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { IdParams, Uuid } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { innermostMessage } from '../../platform/observability/safe-error.ts';
import { presentChatMessage } from './analyses.presenters.ts';
import { ChatInput } from './analyses.schemas.ts';
import type { ChatService } from './chat.service.ts';

const tags = ['analytics'];
const SSE_DESCRIPTION =
  'Answers as `text/event-stream`: `delta` events `{ text }`, at most one `replace` event `{ text, reason }`, ' +
  'then `done` `{ messageId, provider, model, fallback, covered, sources }` — or `error` `{ message }`. ' +
  'Errors before the answer starts (unknown analysis, not completed, bad input) are JSON.';

async function streamAnswer(
  chat: ChatService,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  message: string,
) {
  const abort = new AbortController();
  const events = await chat.ask(principalOf(request), id, message, abort.signal);
  reply.raw.on('close', () => abort.abort(new Error('the client went away')));
  // Headers the platform's hooks set (security, request id) travel with the stream.
  const headers = { ...reply.getHeaders() } as Record<string, string>;
  reply.hijack();
  reply.raw.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
  });
  const send = (event: string, data: unknown) =>
    reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  try {
    for await (const e of events) send(e.event, e.data);
  } catch (err) {
    if (!abort.signal.aborted)
      send('error', { message: `The answer stopped: ${innermostMessage(err).slice(0, 300)}` });
  } finally {
    reply.raw.end();
  }
}

export function chatRoutes(app: App, { chat }: { chat: ChatService }) {
  app.post(
    '/analytics/analyses/:id/chat',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'chatAboutAnalysis',
        summary: 'Ask a question about an analysis; the answer streams back',
        description: SSE_DESCRIPTION,
        params: IdParams,
        body: ChatInput,
        response: {
          200: Type.String({ description: 'text/event-stream' }),
          ...errorResponses(400, 404, 409),
        },
      },
    },
    async (request, reply) => streamAnswer(chat, request, reply, request.params.id, request.body.message),
  );

  app.post(
    '/analytics/chat',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'chat',
        summary: 'The seed’s chat contract: { analysisId, message } → the streamed answer',
        description: SSE_DESCRIPTION,
        body: Type.Object({ analysisId: Uuid, ...ChatInput.properties }, { additionalProperties: false }),
        response: {
          200: Type.String({ description: 'text/event-stream' }),
          ...errorResponses(400, 404, 409),
        },
      },
    },
    async (request, reply) =>
      streamAnswer(chat, request, reply, request.body.analysisId, request.body.message),
  );

  app.get(
    '/analytics/analyses/:id/messages',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listChatMessages',
        summary: 'The chat about an analysis, oldest first',
        params: IdParams,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Type.Ref('ChatMessage')), ...errorResponses(404) },
      },
    },
    async (request) =>
      (await chat.messages(principalOf(request), request.params.id, request.query.limit ?? 200)).map(
        presentChatMessage,
      ),
  );
}
