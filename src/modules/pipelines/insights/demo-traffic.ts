// The demo's traffic: at first start a burst of a few thousand requests (job
// `pipelines.demo-traffic`, with progress) through the real executor to the offline model, so every
// dashboard shows real figures and the caches real hits; then, while the server runs with the
// simulator on, a request every few seconds (the live trickle), so the pipeline pages move.
//
// Timestamps are real: the burst lands in the minutes after the first start (the 24 h charts show
// it in the current hour), and the trickle fills the hours that follow. Nothing is backdated.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/database.ts';
import { readInTenant } from '../../../platform/db/scope.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { seededRandom } from '../../../platform/random.ts';
import type {
  CallerContext,
  Executor,
  GatewayRequest,
  PipelineResolver,
  Recorder,
  RunnablePipeline,
} from '../contracts.ts';
import { DEMO_TRAFFIC_SLUGS, demoRequest } from './demo-questions.ts';
import {
  countDemoTraffic,
  DEMO_LIVE_PURPOSE,
  DEMO_TRAFFIC_JOB,
  DEMO_TRAFFIC_PURPOSE,
  firstAdmin,
} from './demo-traffic.repo.ts';

export interface DemoTrafficPayload {
  /** Requests of the burst (default DEMO_TRAFFIC_REQUESTS); tests send a few dozen. */
  requests?: number;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'pipelines.demo-traffic': DemoTrafficPayload;
  }
}

export const DEMO_TRAFFIC_REQUESTS = 3000;
/** Requests in flight at once during the burst. */
const CONCURRENCY = 4;
/** Every third request streams, as SDK users often do. */
const STREAM_EVERY = 3;

export interface DemoTrafficDeps {
  db: Db;
  executor: Executor;
  resolver: PipelineResolver;
  recorder: Recorder;
  /** The answer cache's queued writes (new entries, then hit counts), written before `afterBurst`. */
  cacheWrites: { flushHits(): Promise<void> };
  /** Called once the burst is sent (the query map's first computation). */
  afterBurst?: (tenantId: string) => Promise<unknown>;
}

/** The caller the simulated requests act as (the tenant's first admin) and the active demo pipelines. */
export async function demoCaller(deps: Pick<DemoTrafficDeps, 'db' | 'resolver'>, tenantId: string) {
  const userId = await readInTenant(deps.db, tenantId, firstAdmin);
  if (!userId) return undefined;
  const caller: CallerContext = { tenantId, userId, apiKeyId: null, workspaceId: null };
  const pipelines = new Map<string, RunnablePipeline>();
  for (const slug of DEMO_TRAFFIC_SLUGS) {
    const pipeline = await deps.resolver.resolve(caller, slug).catch(() => undefined);
    if (pipeline) pipelines.set(slug, pipeline);
  }
  return { caller, pipelines };
}

/** Sends one request and reads its answer to the end; returns false when it failed. */
export async function sendDemoRequest(
  executor: Executor,
  caller: CallerContext,
  pipeline: RunnablePipeline,
  question: string,
  options: { purpose: string; stream: boolean },
): Promise<boolean> {
  const req: GatewayRequest = {
    protocol: 'openai',
    purpose: options.purpose,
    messages: [{ role: 'user', content: question }],
    stream: options.stream,
  };
  try {
    for await (const _event of executor.run(caller, pipeline, req)) {
      // The answer is read whole, as a client would; the executor records the request.
    }
    return true;
  } catch {
    return false; // recorded by the executor as an error (or a refusal) like any other request
  }
}

export function demoTrafficJob(deps: DemoTrafficDeps): JobDefinition<'pipelines.demo-traffic'> {
  return {
    name: DEMO_TRAFFIC_JOB,
    retryLimit: 2,
    retryDelaySeconds: 10,
    timeoutSeconds: 1800,
    async run(payload, ctx) {
      const target = payload.requests ?? DEMO_TRAFFIC_REQUESTS;
      const setup = await demoCaller(deps, ctx.tenantId);
      if (!setup || setup.pipelines.size === 0) return { skipped: true, reason: 'no active demo pipelines' };
      // A retry resumes the same deterministic stream after what was recorded.
      await deps.recorder.flush();
      const done = await readInTenant(deps.db, ctx.tenantId, countDemoTraffic);
      let next = done;
      let sent = 0;
      let failed = 0;
      await ctx.progress((100 * done) / target, `Demo traffic: ${done} of ${target} requests`);
      const worker = async () => {
        while (next < target) {
          ctx.signal.throwIfAborted();
          const index = next++;
          const { slug, question } = demoRequest(index);
          const pipeline = setup.pipelines.get(slug);
          if (!pipeline) continue;
          const ok = await sendDemoRequest(deps.executor, setup.caller, pipeline, question, {
            purpose: DEMO_TRAFFIC_PURPOSE,
            stream: index % STREAM_EVERY === 0,
          });
          sent++;
          if (!ok) failed++;
          if (index % 100 === 99)
            await ctx.progress(
              (100 * (index + 1)) / target,
              `Demo traffic: ${index + 1} of ${target} requests`,
            );
          // Other work (HTTP, /health, the recorder's flush) gets the event loop between requests.
          await yieldToLoop();
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      await deps.recorder.flush();
      // The map clusters the cache's entries: the ones still queued are written first (a map taken
      // before them had 0–2 clusters where the whole burst gives more).
      await deps.cacheWrites.flushHits();
      const followUp = deps.afterBurst
        ? await deps.afterBurst(ctx.tenantId).then(() => 'submitted', String)
        : 'none';
      await ctx.progress(100, `Demo traffic: ${target} requests sent`);
      return { sent, failed, resumedAfter: done, queryMap: followUp };
    },
  };
}

/** Live requests between two looks at which demo pipelines are active. */
const REFRESH_TICKS = 30;

export interface LiveTraffic {
  stop(): Promise<void>;
}

/**
 * A request every `everyMs` (± half, seeded) to a random active demo pipeline, until stopped.
 * Failures are logged at debug level and never stop it.
 */
export function startLiveTraffic(
  deps: Pick<DemoTrafficDeps, 'db' | 'resolver' | 'executor'> & { logger: FastifyBaseLogger },
  tenantId: string,
  { everyMs = 4000, seed = Date.now() }: { everyMs?: number; seed?: number } = {},
): LiveTraffic {
  const random = seededRandom(seed);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let inFlight: Promise<unknown> = Promise.resolve();
  let setup: Awaited<ReturnType<typeof demoCaller>>;
  let index = Math.floor(random() * 1e6);
  let ticks = 0;

  const tick = async () => {
    try {
      // Looked up again now and then: a demo pipeline paused meanwhile gets no more traffic.
      if (!setup || ticks++ % REFRESH_TICKS === 0) setup = await demoCaller(deps, tenantId);
      const { slug, question } = demoRequest(index++, 77);
      const pipeline = setup?.pipelines.get(slug);
      if (setup && pipeline)
        await sendDemoRequest(deps.executor, setup.caller, pipeline, question, {
          purpose: DEMO_LIVE_PURPOSE,
          stream: random() < 0.5,
        });
    } catch (err) {
      deps.logger.debug({ err }, 'a live demo request failed');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        inFlight = tick().finally(schedule);
      },
      everyMs * (0.5 + random()),
    );
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
