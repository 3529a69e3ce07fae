import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type FastifyBaseLogger, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Level } from 'pino';
import type { Config } from '../../config.ts';
import { runWithLogContext } from '../observability/log-context.ts';
import { type Logger, maskUrlSecrets } from '../observability/logger.ts';
import type { RequestDurations } from '../observability/metrics.ts';
import { logContextOfRequest } from '../observability/request-logger.ts';
import { activeTracing } from '../observability/tracing.ts';
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
  return newRequestId();
}

export function newRequestId(): string {
  sequence += 1;
  return `${PROCESS_PREFIX}-${sequence.toString(36)}`;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Probes hit these every few seconds; at info level they would drown the useful lines.
const QUIET_ROUTES = new Set(['/health', '/ready', '/metrics']);

/**
 * What happens when a request finishes: its duration is recorded and one log line is written
 * (Fastify's default writes two). Fastify calls this once per response in any case, so doing the
 * metrics here costs no extra hook on the hot path.
 */
export class RequestCompletion extends LogController {
  private readonly durations: RequestDurations;

  constructor(durations: RequestDurations) {
    super({ requestIdLogLabel: 'requestId' });
    this.durations = durations;
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    // routeOptions and elapsedTime are getters that compute: read each once. Unmatched URLs share
    // one label so scanners cannot blow up the series count.
    const route = request.routeOptions.url;
    const elapsedMs = reply.elapsedTime;
    const { statusCode } = reply;
    this.durations.observe(request.method, route ?? 'unmatched', statusCode, elapsedMs / 1000);
    const level: Level = error
      ? 'error'
      : route && QUIET_ROUTES.has(route) && statusCode < 400
        ? 'debug'
        : 'info';
    const log = reply.log as FastifyBaseLogger & Pick<Logger, 'isLevelEnabled'>;
    if (!log.isLevelEnabled(level)) return;
    const line = {
      method: request.method,
      url: maskUrlSecrets(request.url),
      route,
      statusCode,
      responseTimeMs: Math.round(elapsedMs * 100) / 100,
      ...(error ? { err: error } : {}),
    };
    log[level](line, error ? 'request errored' : 'request completed');
  }
}

/**
 * Fastify's `trustProxy` for the TRUST_PROXY setting. Fastify 5 reads a number as "trust no one" (a
 * hop count cannot tell a proxy from a client that connects directly and sends its own header), so
 * hops are counted here: whoever sets a count asserts that clients reach us only through proxies.
 */
export function trustProxyOption(setting: Config['trustProxy']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/**
 * Echoes the request id on every response, so a user can quote it when reporting a problem, and
 * handles the request inside its log context (every line written meanwhile carries `requestId`, and
 * `tenantId`/`userId` once access control knows them) and, with tracing on, inside its span.
 */
export function registerRequestContext(app: App) {
  const tracing = activeTracing();
  // Callback hooks, not async ones: they run on every request and a promise per request shows up.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    const context = logContextOfRequest(request.log, request.id);
    if (tracing) runWithLogContext(context, () => tracing.startRequest(request, done));
    else runWithLogContext(context, done);
  });
  // A body is read from the socket's events, outside the context entered above: routes that take
  // one enter it again once it is read (routes without a body, the probes among them, pay nothing).
  const reenter = (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    const context = logContextOfRequest(request.log, request.id);
    if (tracing) runWithLogContext(context, () => tracing.resumeRequest(request, done));
    else runWithLogContext(context, done);
  };
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!methods.some((method) => BODY_METHODS.has(method))) return;
    route.preValidation = [reenter, ...[route.preValidation ?? []].flat()] as typeof route.preValidation;
  });
  if (tracing) {
    app.addHook('onResponse', (request, reply, done) => {
      tracing.endRequest(request, reply);
      done();
    });
  }
}

/** Where a request came from: audit entries and rate limits carry it. */
export interface RequestMeta {
  ip: string;
  requestId: string;
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, requestId: request.id };
}
