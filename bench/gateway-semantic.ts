// bench:gateway's semantic lookups (bench/gateway.ts, phase 4), in the bench's own process before the
// server starts (PGlite has one owner): `entries` distinct plant questions written straight into
// ai_cache_entries in the cache's own format (one set-based insert per 5,000 rows), loaded by the
// cache service (the runtime's AnswerCache), then LOOKUPS lookups — paraphrases of cached questions
// and unrelated ones, half each.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { createCacheService } from '../src/modules/pipelines/cache/cache.service.ts';
import type { CacheQuery } from '../src/modules/pipelines/contracts.ts';
import { seedPipeline, seedWorkspace } from '../src/modules/pipelines/metrics/testing.ts';
import type { openDatabase } from '../src/platform/db/database.ts';
import { inTenant } from '../src/platform/db/scope.ts';
import { seededRandom } from '../src/platform/random.ts';
import { percentiles } from './gateway-client.ts';

const LOOKUPS = 2000;

const ASSETS = ['line 1', 'line 2', 'press 4', 'oven B', 'filler 3', 'CNC 12', 'robot cell 7', 'kiln 2'];
const TOPICS = [
  'downtime last week',
  'scrap rate this month',
  'OEE trend by shift',
  'the top alarm causes',
  'maintenance due dates',
  'energy use per unit',
  'cycle time variance',
  'the open work orders',
  'temperature excursions',
  'quality holds',
];
const ASKS = ['Show me', 'Summarise', 'What explains', 'Compare', 'Explain', 'List', 'Chart', 'Report'];

/** A distinct plant question for every i (asks × topics × assets × a numbered shift/day). */
function question(i: number): string {
  const a = ASKS[i % ASKS.length];
  const t = TOPICS[Math.floor(i / ASKS.length) % TOPICS.length];
  const s = ASSETS[Math.floor(i / (ASKS.length * TOPICS.length)) % ASSETS.length];
  const n = Math.floor(i / (ASKS.length * TOPICS.length * ASSETS.length));
  return `${a} ${t} on ${s} for order ${1000 + n}`;
}

export async function semanticLookups(
  database: Awaited<ReturnType<typeof openDatabase>>,
  tenantId: string,
  ENTRIES: number,
) {
  const ws = await seedWorkspace(database.db, tenantId, 'Bench semantic', 'automotive');
  const pipeline = await seedPipeline(database.db, tenantId, ws, 'bench-semantic');
  const t0 = performance.now();
  const expires = new Date(Date.now() + 7 * 86_400_000).toISOString();
  for (let from = 0; from < ENTRIES; from += 5000) {
    const texts = Array.from({ length: Math.min(5000, ENTRIES - from) }, (_, k) => question(from + k));
    const keys = texts.map((t) => createHash('sha256').update(t).digest('hex'));
    await inTenant(database.db, tenantId, (tx) =>
      tx.execute(sql`
        insert into ai_cache_entries (tenant_id, pipeline_id, key_hash, query_text, answer, tokens_in, tokens_out, expires_at)
        select ${tenantId}, ${pipeline.id}, k, q,
               jsonb_build_object('text', 'Cached answer to: ' || q, 'toolCalls', '[]'::jsonb, 'finishReason', 'stop',
                 'usage', jsonb_build_object('inputTokens', 20, 'outputTokens', 60), 'costUsd', 0.00004,
                 'provider', 'openai', 'model', 'gpt-4o-mini', 'contextHash', 'bench'),
               20, 60, ${expires}::timestamptz
        from unnest(${`{${keys.join(',')}}`}::text[], ${toPgArray(texts)}::text[]) as i(k, q)`),
    );
  }
  const fillSeconds = (performance.now() - t0) / 1000;
  const logger = pino({ level: 'silent' });
  const cache = createCacheService({ db: database.db, logger });
  const t1 = performance.now();
  await cache.ready(tenantId, pipeline.id);
  const loadSeconds = (performance.now() - t1) / 1000;
  const random = seededRandom(18);
  const latencies: number[] = [];
  let hits = 0;
  for (let i = 0; i < LOOKUPS; i++) {
    const base = question(Math.floor(random() * ENTRIES));
    // Half paraphrases of a cached question (reworded, a courtesy added), half questions never cached.
    const text =
      i % 2 === 0
        ? `Please ${base.charAt(0).toLowerCase()}${base.slice(1)}?`
        : `How do I reset the ${base.split(' on ')[1]} HMI password?`;
    const q: CacheQuery = {
      tenantId,
      pipelineId: pipeline.id,
      mode: 'semantic',
      ttlSeconds: 7 * 86_400,
      threshold: 0.9,
      keyHash: createHash('sha256').update(text).digest('hex'),
      queryText: text,
      contextHash: 'bench',
    };
    const t = performance.now();
    const hit = await cache.cache.lookup(q);
    latencies.push(performance.now() - t);
    if (hit) hits++;
  }
  await cache.stop();
  return { entries: ENTRIES, fillSeconds, loadSeconds, lookups: percentiles(latencies), hits };
}

const toPgArray = (values: string[]) =>
  `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
