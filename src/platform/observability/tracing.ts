// Optional OpenTelemetry traces. Without OTEL_EXPORTER_OTLP_ENDPOINT nothing of OpenTelemetry is
// loaded: every seam below is one `if` on an unset variable. With it, tracing-otel.ts is imported
// once at start-up and HTTP requests, database statements, jobs and outbound fetches become spans.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../db/database.ts';

export type SpanKindName = 'server' | 'client' | 'internal' | 'consumer';
export type SpanAttributes = Record<string, string | number | boolean | undefined>;

export interface SpanHandle {
  setAttribute(key: string, value: string | number | boolean): void;
}

export interface Tracing {
  /** Runs `work` in a new span, child of the current one; an error thrown marks the span failed. */
  inSpan<T>(
    name: string,
    kind: SpanKindName,
    attributes: SpanAttributes,
    work: (span: SpanHandle) => Promise<T>,
  ): Promise<T>;
  /** onRequest: opens the request's span (child of an incoming `traceparent`) and calls `next` in it. */
  startRequest(request: FastifyRequest, next: () => void): void;
  /** preValidation: re-enters the request's span (body parsing runs outside it). */
  resumeRequest(request: FastifyRequest, next: () => void): void;
  endRequest(request: FastifyRequest, reply: FastifyReply): void;
  /** Statements of this database become spans (either driver). */
  instrumentDatabase(database: Database): void;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

let active: Tracing | undefined;

/** The running tracing, or undefined when OTEL_EXPORTER_OTLP_ENDPOINT is not set. */
export function activeTracing(): Tracing | undefined {
  return active;
}

export async function startTracing(
  config: Pick<Config, 'otelEndpoint' | 'otelServiceName' | 'version'>,
): Promise<Tracing | undefined> {
  if (!config.otelEndpoint) return undefined;
  if (!active) {
    const { createTracing } = await import('./tracing-otel.ts');
    active = createTracing({
      endpoint: config.otelEndpoint,
      serviceName: config.otelServiceName,
      version: config.version,
    });
  }
  return active;
}

export async function stopTracing(): Promise<void> {
  const running = active;
  active = undefined;
  await running?.shutdown();
}

const NO_SPAN: SpanHandle = { setAttribute() {} };

/** `work` in a span when tracing is on; otherwise just `work`. */
export function inSpan<T>(
  name: string,
  kind: SpanKindName,
  attributes: SpanAttributes,
  work: (span: SpanHandle) => Promise<T>,
): Promise<T> {
  return active ? active.inSpan(name, kind, attributes, work) : work(NO_SPAN);
}
