// Rate limits on every /api route: per client address before authentication (so floods of
// unauthenticated requests are limited too), then per API key or user once access control knows the
// caller. Every answer carries RateLimit-* headers (the tighter of the two budgets); a spent budget
// answers 429 in the platform's error body with Retry-After.
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, preParsingHookHandler } from 'fastify';
import type { Config } from '../../../config.ts';
import type { Database } from '../../db/database.ts';
import { rateLimited } from '../errors.ts';
import { errorResponses } from '../openapi.ts';
import type { App } from '../types.ts';
import { isLimited, routeClass } from './classes.ts';
import {
  type Decision,
  type KeyKind,
  RateLimitEngine,
  type RateLimitPolicy,
  type RouteClass,
  rateLimitHeaders,
  tighter,
} from './engine.ts';
import { type SharedStore, shareCounts } from './shared-store.ts';

const WINDOW_MS = 60_000;

/** The headers a browser on another origin needs to see (CORS exposedHeaders). */
export const RATE_LIMIT_HEADERS = [
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
];

declare module 'fastify' {
  interface FastifyRequest {
    /** The address budget's decision, kept for the per-caller check to compare with. */
    rateLimit: Decision | null;
  }
}

export function policyFromConfig(config: Config): RateLimitPolicy {
  return {
    windowMs: WINDOW_MS,
    principal: {
      reads: config.rateLimitReadsPerMinute,
      writes: config.rateLimitWritesPerMinute,
      ingest: config.rateLimitIngestPerMinute,
      ai: config.rateLimitAiPerMinute,
    },
    address: {
      reads: config.rateLimitAddressReadsPerMinute,
      writes: config.rateLimitAddressWritesPerMinute,
      ingest: config.rateLimitAddressIngestPerMinute,
      ai: config.rateLimitAddressAiPerMinute,
    },
  };
}

const engines = new WeakMap<object, RateLimitEngine>();

/** The app's engine (tests move its clock: `rateLimitEngineOf(app).now = () => t`). */
export function rateLimitEngineOf(app: App): RateLimitEngine | undefined {
  return engines.get(app);
}

/** The shared store's exchange, for tests that wait on two processes to agree. */
const stores = new WeakMap<object, SharedStore>();
export function rateLimitStoreOf(app: App): SharedStore | undefined {
  return stores.get(app);
}

function refusal(decision: Decision, who: string) {
  const err = rateLimited(
    `Too many requests ${who}: ${decision.limit} per ${decision.windowSeconds} s; try again in ${decision.resetSeconds} s`,
    decision.resetSeconds,
  );
  Object.assign(err.headers ?? {}, rateLimitHeaders(decision));
  return err;
}

/**
 * Registers the limits (before any module, after access control, so its onRoute hook sees the
 * routes with their guard). On PostgreSQL the counts are shared between processes (shared-store.ts);
 * on PGlite, which only one process opens, they stay in memory.
 */
export function registerRateLimits(app: App, { config, database }: { config: Config; database: Database }) {
  if (!config.rateLimitEnabled) return;
  const engine = new RateLimitEngine(policyFromConfig(config));
  engines.set(app, engine);
  if (database.driver === 'postgres') {
    const store = shareCounts(engine, database.db, {
      intervalMs: config.rateLimitSyncMs,
      onError: (err) => app.log.warn({ err }, 'rate limits: could not exchange counts with the database'),
    });
    stores.set(app, store);
    app.addHook('onClose', () => store.close());
  }
  app.decorateRequest('rateLimit', null);

  const byAddress = (limitedClass: RouteClass) =>
    function rateLimitAddress(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
      const decision = engine.take('address', request.ip, limitedClass);
      request.rateLimit = decision;
      if (!decision.allowed) return done(refusal(decision, 'from this address'));
      reply.headers(rateLimitHeaders(decision));
      done();
    };

  const byCaller = (limitedClass: RouteClass): preParsingHookHandler =>
    function rateLimitCaller(request, reply, payload, done) {
      const principal = request.principal;
      if (!principal) return done(null, payload);
      const [kind, id]: [KeyKind, string] = principal.apiKeyId
        ? ['apiKey', principal.apiKeyId]
        : ['user', principal.userId];
      const decision = engine.take(kind, id, limitedClass);
      if (!decision.allowed) {
        return done(refusal(decision, kind === 'apiKey' ? 'with this API key' : 'for this user'));
      }
      const shown = request.rateLimit ? tighter(request.rateLimit, decision) : decision;
      if (shown === decision) reply.headers(rateLimitHeaders(decision));
      done(null, payload);
    };

  app.addHook('onRoute', (route) => {
    if (!isLimited(route.url)) return;
    const methods = [route.method].flat();
    // Fastify gives one route per method here, except for explicit multi-method routes: those take
    // the class of their first method.
    const limitedClass = routeClass(methods[0] ?? 'GET', route.url);
    route.onRequest = [byAddress(limitedClass), ...[route.onRequest ?? []].flat()];
    // Documented like the other errors: every limited route may answer 429.
    route.schema ??= {};
    const schema = route.schema as { response?: object };
    schema.response = { ...errorResponses(429), ...schema.response };
    route.preParsing = [byCaller(limitedClass), ...[route.preParsing ?? []].flat()];
  });
}
