import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { maskUrlSecrets } from '../observability/logger.ts';
import type { App } from './types.ts';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

// A random per-process prefix plus a counter: unique across processes and restarts, and far cheaper
// than a UUID per request on the hot path.
const PROCESS_PREFIX = randomBytes(6).toString('hex');
let sequence = 0;

/** Keeps a caller's request id (so traces join up across services) only when it is safe to log. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  if (typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming)) return incoming;
  sequence += 1;
  return `${PROCESS_PREFIX}-${sequence.toString(36)}`;
}

// Probes hit these every few seconds; at info level they would drown the useful lines.
const QUIET_ROUTES = new Set(['/health', '/ready', '/metrics']);

/** One log line per request, written when it finishes (Fastify's default writes two). */
export class RequestLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'reqId' });
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const route = request.routeOptions.url;
    const line = {
      method: request.method,
      url: maskUrlSecrets(request.url),
      route,
      statusCode: reply.statusCode,
      responseTimeMs: Math.round(reply.elapsedTime * 100) / 100,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else if (route && QUIET_ROUTES.has(route) && reply.statusCode < 400)
      reply.log.debug(line, 'request completed');
    else reply.log.info(line, 'request completed');
  }
}

/** Echoes the request id on every response, so a user can quote it when reporting a problem. */
export function registerRequestContext(app: App) {
  // A callback hook, not an async one: it runs on every request and a promise per request shows up.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
}
