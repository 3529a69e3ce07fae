import Type from 'typebox';
import type { Config } from '../../config.ts';
import { secureEqual } from '../auth/secure-compare.ts';
import type { Database } from '../db/database.ts';
import type { Metrics } from '../observability/metrics.ts';
import { unauthorized } from './errors.ts';
import { errorResponses } from './openapi.ts';
import type { App } from './types.ts';

const HealthSchema = Type.Object(
  { status: Type.Literal('ok'), version: Type.String(), uptimeSeconds: Type.Number() },
  { $id: 'Health' },
);

const ReadinessSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
    version: Type.String(),
    database: Type.Object({
      driver: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
      ok: Type.Boolean(),
      latencyMs: Type.Union([Type.Number(), Type.Null()]),
    }),
  },
  { $id: 'Readiness' },
);

interface Deps {
  config: Config;
  database: Database;
  metrics: Metrics;
}

/** Probes for orchestrators and monitoring; public by design (they carry no tenant data). */
export async function healthRoutes(app: App, { config, database, metrics }: Deps) {
  app.addSchema(HealthSchema);
  app.addSchema(ReadinessSchema);

  app.get(
    '/health',
    {
      schema: {
        tags: ['platform'],
        operationId: 'getHealth',
        summary: 'Liveness: the process is up and serving HTTP',
        security: [],
        response: { 200: Type.Ref('Health') },
      },
    },
    async () => ({ status: 'ok' as const, version: config.version, uptimeSeconds: process.uptime() }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['platform'],
        operationId: 'getReadiness',
        summary: 'Readiness: the database answers',
        security: [],
        response: { 200: Type.Ref('Readiness'), 503: Type.Ref('Readiness') },
      },
    },
    async (request, reply) => {
      const db = { driver: database.driver, ok: true, latencyMs: null as number | null };
      try {
        db.latencyMs = await database.ping();
      } catch (err) {
        request.log.warn({ err }, 'readiness check: database unreachable');
        db.ok = false;
      }
      reply.status(db.ok ? 200 : 503);
      return {
        status: db.ok ? ('ready' as const) : ('unavailable' as const),
        version: config.version,
        database: db,
      };
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        tags: ['platform'],
        operationId: 'getMetrics',
        summary: 'Prometheus metrics (bearer token required when METRICS_TOKEN is set)',
        security: [],
        produces: ['text/plain'],
        response: {
          200: Type.String({ description: 'Prometheus text exposition format' }),
          ...errorResponses(401),
        },
      },
    },
    async (request, reply) => {
      if (
        config.metricsToken &&
        !secureEqual(request.headers.authorization ?? '', `Bearer ${config.metricsToken}`)
      ) {
        throw unauthorized('A valid metrics token is required');
      }
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
