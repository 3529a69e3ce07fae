import Type from 'typebox';
import type { Config } from '../../config.ts';
import { secureEqual } from '../auth/secure-compare.ts';
import type { Database } from '../db/database.ts';
import type { Metrics } from '../observability/metrics.ts';
import { CHECK_NAMES, type ReadinessCheck, runChecks } from '../observability/readiness.ts';
import { unauthorized } from './errors.ts';
import { errorResponses } from './openapi.ts';
import type { App } from './types.ts';

const HealthSchema = Type.Object(
  { status: Type.Literal('ok'), version: Type.String(), uptimeSeconds: Type.Number() },
  { $id: 'Health' },
);

const CheckSchema = Type.Object(
  {
    name: Type.Union(CHECK_NAMES.map((n) => Type.Literal(n))),
    required: Type.Boolean({ description: 'Down → the process is unavailable (503)' }),
    ok: Type.Boolean(),
    latencyMs: Type.Number({ minimum: 0 }),
    detail: Type.String({
      maxLength: 300,
      description: 'What was found (hosts and counts, never credentials)',
    }),
  },
  { additionalProperties: false },
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
    checks: Type.Array(CheckSchema, {
      maxItems: CHECK_NAMES.length,
      description:
        'Each dependency: database, migrations, job_queue, event_delivery, storage (required), and when configured mqtt_bridge, smtp, ai_provider',
    }),
  },
  { $id: 'Readiness' },
);

interface Deps {
  config: Config;
  database: Database;
  metrics: Metrics;
  /** What /ready checks (readiness.ts); the database alone when not given. */
  checks?: readonly ReadinessCheck[];
}

/** Probes for orchestrators and monitoring; public by design (they carry no tenant data). */
export async function healthRoutes(app: App, { config, database, metrics, checks }: Deps) {
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
        summary: 'Readiness: every dependency of this process, and whether it can serve',
        security: [],
        response: { 200: Type.Ref('Readiness'), 503: Type.Ref('Readiness') },
      },
    },
    async (request, reply) => {
      const results = await runChecks(checks ?? [databaseOnly(database)]);
      const db = results.find((r) => r.name === 'database');
      const ready = results.every((r) => r.ok || !r.required);
      const down = results.filter((r) => !r.ok).map((r) => ({ name: r.name, detail: r.detail }));
      if (down.length > 0) request.log.warn({ down }, 'readiness check: dependencies down');
      reply.status(ready ? 200 : 503);
      return {
        status: ready ? ('ready' as const) : ('unavailable' as const),
        version: config.version,
        database: { driver: database.driver, ok: db?.ok ?? false, latencyMs: db?.ok ? db.latencyMs : null },
        checks: results,
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

function databaseOnly(database: Database): ReadinessCheck {
  return {
    name: 'database',
    required: true,
    run: async () => `${database.driver}, round trip ${await database.ping()} ms`,
  };
}
