// /metrics for every subsystem: ingest by channel, the job queue, event delivery, WebSocket push,
// the caches and the database pool. All read at scrape time from counters the modules keep
// (see scraped.ts); the two database reads (queue depths, pending events) run once per scrape.
import type { Registry } from 'prom-client';
import type { Database } from '../db/database.ts';
import type { Events } from '../events/events.ts';
import type { Jobs } from '../jobs/jobs.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { registerScraped, type Sample, type ScrapedMetric, sharedRead } from './scraped.ts';

interface HitMiss {
  hit: number;
  miss: number;
}

export interface MetricSources {
  database: Database;
  jobs: Pick<Jobs, 'outcomes' | 'queueDepths' | 'running'>;
  events: Pick<Events, 'deliveryStats' | 'pending'>;
  realtime: Pick<Realtime, 'connections' | 'stats'>;
  /** Per channel: readings accepted and rejected, batches committed and failed. */
  ingest: ReadonlyMap<
    string,
    Readonly<{ accepted: number; rejected: number; committed: number; failed: number }>
  >;
  caches: {
    aiAnswers: Readonly<{ exact: number; semantic: number; miss: number; embedFailures: number }>;
    inspectionImages: { lookups: Readonly<HitMiss>; bytes(): number };
    credentials: Readonly<HitMiss>;
  };
}

const gauge = (name: string, help: string, read: ScrapedMetric['read']): ScrapedMetric => ({
  name,
  help,
  type: 'gauge',
  read,
});
const counter = (name: string, help: string, read: ScrapedMetric['read']): ScrapedMetric => ({
  name,
  help,
  type: 'counter',
  read,
});

function ingestMetrics(ingest: MetricSources['ingest']): ScrapedMetric[] {
  const each = (
    pick: (c: MetricSources['ingest'] extends ReadonlyMap<string, infer C> ? C : never) => Sample[],
  ) =>
    [...ingest].flatMap(([channel, c]) => pick(c).map((s) => ({ ...s, labels: { channel, ...s.labels } })));
  return [
    counter(
      'plantintel_ingest_readings_total',
      'Telemetry readings by channel (http, bulk, line_protocol, mqtt, csv, simulator) and result (accepted, rejected)',
      () =>
        each((c) => [
          { labels: { result: 'accepted' }, value: c.accepted },
          { labels: { result: 'rejected' }, value: c.rejected },
        ]),
    ),
    counter(
      'plantintel_ingest_batches_total',
      'Telemetry ingest batches by channel and result (committed, failed: nothing of the batch was stored)',
      () =>
        each((c) => [
          { labels: { result: 'committed' }, value: c.committed },
          { labels: { result: 'failed' }, value: c.failed },
        ]),
    ),
  ];
}

function jobMetrics(jobs: MetricSources['jobs'], events: MetricSources['events']): ScrapedMetric[] {
  const depths = sharedRead(() => jobs.queueDepths());
  const pending = sharedRead(() => events.pending());
  const perQueue = (pick: (d: Awaited<ReturnType<Jobs['queueDepths']>>[number]) => Sample[]) => async () =>
    ((await depths()) ?? []).flatMap((d) =>
      pick(d).map((s) => ({ ...s, labels: { queue: d.queue, ...s.labels } })),
    );
  return [
    gauge(
      'plantintel_job_queue_jobs',
      'Jobs per queue (all processes) by state: waiting (due), deferred (a retry delay or a later start), active',
      perQueue((d) => [
        { labels: { state: 'waiting' }, value: d.waiting },
        { labels: { state: 'deferred' }, value: d.deferred },
        { labels: { state: 'active' }, value: d.active },
      ]),
    ),
    gauge(
      'plantintel_job_queue_oldest_waiting_seconds',
      'Per queue: how long the longest-waiting due job has waited for a worker (0 when none waits)',
      perQueue((d) => [{ value: d.oldestWaitingSeconds }]),
    ),
    counter(
      'plantintel_job_attempts_total',
      "Job attempts this process finished, by job and outcome (completed, retried: failed and will run again, failed: the job's last attempt failed)",
      () =>
        [...jobs.outcomes].flatMap(([job, o]) => [
          { labels: { job, outcome: 'completed' }, value: o.completed },
          { labels: { job, outcome: 'retried' }, value: o.retried },
          { labels: { job, outcome: 'failed' }, value: o.failed },
        ]),
    ),
    gauge('plantintel_jobs_running', 'Jobs running in this process', () => [{ value: jobs.running }]),
    gauge(
      'plantintel_events_pending',
      'Domain events (all tenants) still to deliver to their handlers',
      async () => {
        const p = await pending();
        return p ? [{ value: p.pending }] : [];
      },
    ),
    gauge(
      'plantintel_events_oldest_pending_seconds',
      'Age of the oldest domain event still to deliver (0 when none)',
      async () => {
        const p = await pending();
        return p ? [{ value: p.oldestSeconds }] : [];
      },
    ),
    counter(
      'plantintel_event_delivery_failures_total',
      'Event deliveries in this process where a handler failed (retried with backoff)',
      () => [{ value: events.deliveryStats.failures }],
    ),
    counter(
      'plantintel_events_given_up_total',
      'Events this process gave up after their last attempt (listed as dead, can be redelivered)',
      () => [{ value: events.deliveryStats.givenUp }],
    ),
  ];
}

function pushMetrics(realtime: MetricSources['realtime']): ScrapedMetric[] {
  return [
    gauge('plantintel_websocket_clients', 'WebSocket connections open on this process', () => [
      { value: realtime.connections.size },
    ]),
    counter('plantintel_websocket_frames_sent_total', 'Event frames written to WebSocket clients', () => [
      { value: realtime.stats.framesSent },
    ]),
    counter(
      'plantintel_websocket_frames_dropped_total',
      'Event frames a slow client lost to a newer frame of the same topic (counted when it disconnects)',
      () => [{ value: realtime.stats.framesDropped }],
    ),
    counter(
      'plantintel_websocket_messages_received_total',
      'Messages received from WebSocket clients',
      () => [{ value: realtime.stats.messagesReceived }],
    ),
  ];
}

function cacheMetrics(caches: MetricSources['caches']): ScrapedMetric[] {
  const hitMiss = (cache: string, hit: number, miss: number): Sample[] => [
    { labels: { cache, result: 'hit' }, value: hit },
    { labels: { cache, result: 'miss' }, value: miss },
  ];
  return [
    counter(
      'plantintel_cache_lookups_total',
      'Cache lookups by cache (ai_answers, inspection_images, credentials) and result (hit, miss); hit rate = hits / all',
      () => {
        const ai = caches.aiAnswers;
        const images = caches.inspectionImages.lookups;
        return [
          ...hitMiss('ai_answers', ai.exact + ai.semantic, ai.miss),
          ...hitMiss('inspection_images', images.hit, images.miss),
          ...hitMiss('credentials', caches.credentials.hit, caches.credentials.miss),
        ];
      },
    ),
    counter(
      'plantintel_ai_cache_lookups_total',
      "The AI gateway's answer cache lookups by result (exact_hit, semantic_hit, miss)",
      () => [
        { labels: { result: 'exact_hit' }, value: caches.aiAnswers.exact },
        { labels: { result: 'semantic_hit' }, value: caches.aiAnswers.semantic },
        { labels: { result: 'miss' }, value: caches.aiAnswers.miss },
      ],
    ),
    counter(
      'plantintel_ai_cache_embedding_failures_total',
      "Questions and entries the semantic cache's upstream embedder (EMBEDDINGS_BASE_URL) failed to embed: those lookups were misses, those entries exact-only",
      () => [{ value: caches.aiAnswers.embedFailures }],
    ),
    gauge(
      'plantintel_inspection_image_cache_bytes',
      'Bytes of rendered inspection images held on disk',
      () => [{ value: caches.inspectionImages.bytes() }],
    ),
  ];
}

function databaseMetrics(database: Database): ScrapedMetric[] {
  const raw = database.raw;
  const inFlight = gauge(
    'plantintel_db_queries_in_flight',
    'Database work under way: PostgreSQL connections checked out of the pool; embedded: requests sent to the database thread and not yet answered',
    () => [
      { value: raw.kind === 'postgres' ? raw.pool.totalCount - raw.pool.idleCount : raw.client.inFlight },
    ],
  );
  const info = gauge('plantintel_db_info', 'The database driver in use (value 1)', () => [
    { labels: { driver: database.driver }, value: 1 },
  ]);
  if (raw.kind !== 'postgres') {
    const client = raw.client;
    const memory = gauge(
      'plantintel_db_embedded_memory_bytes',
      "The embedded database thread's WebAssembly memory: it grows to PostgreSQL's high-water mark and never shrinks (part of the process RSS)",
      async () => (client.closed ? [] : [{ value: await client.memoryBytes() }]),
    );
    return [info, inFlight, memory];
  }
  const pool = raw.pool;
  return [
    info,
    inFlight,
    gauge('plantintel_db_pool_connections', 'PostgreSQL pool connections by state (idle, in_use)', () => [
      { labels: { state: 'idle' }, value: pool.idleCount },
      { labels: { state: 'in_use' }, value: pool.totalCount - pool.idleCount },
    ]),
    gauge('plantintel_db_pool_max_connections', 'The pool size (DATABASE_POOL_SIZE)', () => [
      { value: pool.options.max ?? 10 },
    ]),
    gauge('plantintel_db_pool_waiting_requests', 'Queries waiting for a free pool connection', () => [
      { value: pool.waitingCount },
    ]),
  ];
}

export function registerSubsystemMetrics(registry: Registry, sources: MetricSources): void {
  registerScraped(registry, [
    ...ingestMetrics(sources.ingest),
    ...jobMetrics(sources.jobs, sources.events),
    ...pushMetrics(sources.realtime),
    ...cacheMetrics(sources.caches),
    ...databaseMetrics(sources.database),
  ]);
}
