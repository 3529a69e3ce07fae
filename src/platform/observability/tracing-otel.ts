// The OpenTelemetry side of tracing.ts, imported only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
// Spans are made at our own seams (Fastify hooks, the database clients, the job runner, fetch's
// diagnostics channels) rather than by require-hook auto-instrumentation, which does not patch the
// ESM modules Node runs here.
import { subscribe } from 'node:diagnostics_channel';
import {
  type Context,
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import type { SpanAttributes, SpanKindName, Tracing } from './tracing.ts';

const KINDS: Record<SpanKindName, SpanKind> = {
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  internal: SpanKind.INTERNAL,
  consumer: SpanKind.CONSUMER,
};
const MAX_STATEMENT_CHARS = 2000;

function cleanAttributes(attributes: SpanAttributes): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out[key] = value;
  return out;
}

function fail(span: Span, err: unknown): void {
  if (err instanceof Error) span.recordException({ name: err.name, message: err.message });
  span.setStatus({ code: SpanStatusCode.ERROR, ...(err instanceof Error ? { message: err.message } : {}) });
}

/** `SELECT`, `INSERT`, … : the statement's first keyword names its span. */
function statementAttributes(text: string, driver: string): { name: string; attributes: SpanAttributes } {
  const keyword = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
  return {
    name: keyword,
    attributes: {
      'db.system.name': 'postgresql',
      'db.operation.name': keyword,
      // Statements carry $n placeholders; values travel separately and are never recorded.
      'db.query.text': text.length > MAX_STATEMENT_CHARS ? `${text.slice(0, MAX_STATEMENT_CHARS)}…` : text,
      'plantintel.db.driver': driver,
    },
  };
}

export function createTracing(options: { endpoint: string; serviceName: string; version: string }): Tracing {
  const base = options.endpoint.replace(/\/+$/, '');
  const exporter = new OTLPTraceExporter({ url: `${base}/v1/traces` });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': options.serviceName,
      'service.version': options.version,
    }),
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 1000 })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const tracer = provider.getTracer('plantintel', options.version);
  const propagator = new W3CTraceContextPropagator();
  const requests = new WeakMap<FastifyRequest, { span: Span; context: Context }>();
  const instrumented = new WeakSet<object>();

  function inSpan<T>(
    name: string,
    kind: SpanKindName,
    attributes: SpanAttributes,
    work: (span: Span) => Promise<T>,
  ): Promise<T> {
    return tracer.startActiveSpan(
      name,
      { kind: KINDS[kind], attributes: cleanAttributes(attributes) },
      (span) =>
        work(span).then(
          (value) => {
            span.end();
            return value;
          },
          (err: unknown) => {
            fail(span, err);
            span.end();
            throw err;
          },
        ),
    );
  }

  function tracePgClient(client: pg.PoolClient): void {
    if (instrumented.has(client)) return;
    instrumented.add(client);
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text?: unknown; submit?: unknown } | undefined;
      const text = typeof first === 'string' ? first : first?.text;
      // Cursors and streams (submittables) are left alone.
      if (typeof text !== 'string' || (typeof first === 'object' && typeof first?.submit === 'function'))
        return original(...args);
      const { name, attributes } = statementAttributes(text, 'postgres');
      const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes: cleanAttributes(attributes) });
      const done = (err?: unknown) => {
        if (err) fail(span, err);
        span.end();
      };
      const callbackAt = args.findIndex((a) => typeof a === 'function');
      if (callbackAt >= 0) {
        const callback = args[callbackAt] as (err: unknown, result: unknown) => void;
        args[callbackAt] = (err: unknown, result: unknown) => {
          done(err);
          callback(err, result);
        };
        return original(...args);
      }
      return (original(...args) as Promise<unknown>).then(
        (result) => {
          done();
          return result;
        },
        (err: unknown) => {
          done(err);
          throw err;
        },
      );
    };
  }

  function instrumentDatabase(database: Database): void {
    if (instrumented.has(database)) return;
    instrumented.add(database);
    if (database.raw.kind === 'postgres') {
      const pool = database.raw.pool;
      const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
      // pool.query goes through connect(callback) too; its callback keeps the caller's context even
      // when it waited for a free connection.
      (pool as { connect: unknown }).connect = (callback?: (...args: unknown[]) => void) => {
        if (typeof callback === 'function') {
          const parent = context.active();
          return connect((err: unknown, client: pg.PoolClient | undefined, release: unknown) => {
            if (client) tracePgClient(client);
            context.with(parent, () => callback(err, client, release));
          });
        }
        return (connect() as Promise<pg.PoolClient>).then((client) => {
          tracePgClient(client);
          return client;
        });
      };
      return;
    }
    const client = database.raw.client as unknown as { queryIn: (...args: unknown[]) => Promise<unknown> };
    const queryIn = client.queryIn.bind(client);
    client.queryIn = (tx: unknown, text: unknown, ...rest: unknown[]) => {
      const { name, attributes } = statementAttributes(String(text), 'pglite');
      return inSpan(name, 'client', attributes, () => queryIn(tx, text, ...rest));
    };
  }

  // Outbound HTTP (webhooks, AI upstreams, scheduled fetches): Node's fetch announces each request on
  // these channels; the span is the current one's child and its context travels as `traceparent`.
  type UndiciRequest = {
    origin: string;
    method: string;
    path: string;
    addHeader(name: string, value: string): void;
  };
  const outbound = new WeakMap<UndiciRequest, Span>();
  const exporterOrigin = new URL(base).origin;
  const onCreate = (message: unknown) => {
    const { request } = message as { request: UndiciRequest };
    if (request.origin === exporterOrigin) return;
    const url = new URL(request.path, request.origin);
    const span = tracer.startSpan(request.method, {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': request.method,
        'server.address': url.hostname,
        // No query string: it may hold a token.
        'url.full': `${url.origin}${url.pathname}`,
      },
    });
    outbound.set(request, span);
    const carrier: Record<string, string> = {};
    propagator.inject(trace.setSpan(context.active(), span), carrier, defaultTextMapSetter);
    for (const [name, value] of Object.entries(carrier)) request.addHeader(name, value);
  };
  const onHeaders = (message: unknown) => {
    const { request, response } = message as { request: UndiciRequest; response: { statusCode: number } };
    const span = outbound.get(request);
    span?.setAttribute('http.response.status_code', response.statusCode);
    if (span && response.statusCode >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
  };
  const onEnd = (message: unknown) => {
    const { request, error } = message as { request: UndiciRequest; error?: unknown };
    const span = outbound.get(request);
    if (!span) return;
    outbound.delete(request);
    if (error) fail(span, error);
    span.end();
  };
  subscribe('undici:request:create', onCreate);
  subscribe('undici:request:headers', onHeaders);
  subscribe('undici:request:trailers', onEnd);
  subscribe('undici:request:error', onEnd);

  return {
    inSpan,
    startRequest(request, next) {
      const parent = propagator.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
      const path = request.url.split('?', 1)[0] ?? '/';
      const span = tracer.startSpan(
        request.method,
        {
          kind: SpanKind.SERVER,
          attributes: {
            'http.request.method': request.method,
            'url.path': path,
            'client.address': request.ip,
            'plantintel.request_id': request.id,
          },
        },
        parent,
      );
      const active = trace.setSpan(parent, span);
      requests.set(request, { span, context: active });
      context.with(active, next);
    },
    resumeRequest(request, next) {
      const open = requests.get(request);
      if (open) context.with(open.context, next);
      else next();
    },
    endRequest(request: FastifyRequest, reply: FastifyReply) {
      const open = requests.get(request);
      if (!open) return;
      requests.delete(request);
      const { span } = open;
      const route = request.routeOptions.url;
      if (route) {
        span.updateName(`${request.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      span.setAttribute('http.response.status_code', reply.statusCode);
      const principal = (request as { principal?: { tenantId: string | null; userId: string } | null })
        .principal;
      if (principal?.tenantId) span.setAttribute('plantintel.tenant_id', principal.tenantId);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
    instrumentDatabase,
    async shutdown() {
      await provider.shutdown();
    },
  };
}
