// Live metrics (replacing the seed's 30 s polling): after the recorder writes a batch, each pipeline
// it touched gets an `AiMetrics` event with its figures of the last minute, on the topics
// `pipeline:<id>`, `workspace:<id>` and `sector:<sector topic id>` — at most once per `intervalMs`
// (the latest figures win), computed from the stored rows so every dashboard shows what the
// database holds. The topics are registered here with their subscription checks.
import { eq, sql } from 'drizzle-orm';
import { nullableBinaryArray } from '../../../platform/db/binary-arrays.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import { queryRows } from '../../../platform/db/database.ts';
import { aiPipelines, aiWorkspaces } from '../../../platform/db/schema/index.ts';
import { isUuid, readInTenant } from '../../../platform/db/scope.ts';
import type { Realtime } from '../../../platform/realtime/realtime.ts';
import { AGGREGATES, type AggregateRow, toMetrics } from './aggregates.sql.ts';

export const LIVE_WINDOW_SECONDS = 60;

/**
 * The id of a sector's topic: the sector in lower case, every run of characters a topic may not
 * hold replaced with '-' ("Food & Beverage" → `sector:food-beverage`).
 */
export function sectorTopicId(sector: string): string {
  const id = sector
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return id === '' ? 'none' : id;
}

export interface AiMetricsEvent {
  pipelineId: string;
  workspaceId: string;
  sector: string;
  window: '1m';
  /** The end of the window (ISO). */
  at: string;
  requests: number;
  hits: number;
  misses: number;
  hitRate: number;
  p50: number;
  p95: number;
  errors: number;
  tokensSaved: number;
  costSaved: number;
}

/** The last minute's figures of each pipeline, with its workspace and sector. */
export async function liveFigures(tx: Executor, pipelineIds: string[], now: Date): Promise<AiMetricsEvent[]> {
  if (pipelineIds.length === 0) return [];
  const rows = await queryRows<AggregateRow & { pipelineId: string; workspaceId: string; sector: string }>(
    tx,
    sql`select p.id as "pipelineId", p.workspace_id as "workspaceId", p.sector, m.*
        from ai_pipelines p
        cross join lateral (
          select ${AGGREGATES} from ai_requests r
          where r.pipeline_id = p.id
            and r.at > ${now.toISOString()}::timestamptz - make_interval(secs => ${LIVE_WINDOW_SECONDS})) m
        where p.id = any(${nullableBinaryArray('text', pipelineIds)}::text[]::uuid[])`,
  );
  return rows.map((row) => {
    const m = toMetrics(row);
    return {
      pipelineId: row.pipelineId,
      workspaceId: row.workspaceId,
      sector: row.sector,
      window: '1m',
      at: now.toISOString(),
      requests: m.requests,
      hits: m.cacheHits,
      misses: m.cacheMisses,
      hitRate: m.hitRate,
      p50: m.latencyP50,
      p95: m.latencyP95,
      errors: m.errors,
      tokensSaved: m.tokensSaved,
      costSaved: m.costSaved,
    };
  });
}

export interface LiveMetrics {
  /** Notes the pipelines a written batch touched; their figures go out at the next push. */
  offer(tenantId: string, pipelineIds: Iterable<string>): void;
  /** Pushes what is pending now. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export function createLiveMetrics({
  db,
  realtime,
  intervalMs = 1000,
  onError,
}: {
  db: Db;
  realtime: Pick<Realtime, 'publish'>;
  intervalMs?: number;
  onError: (err: unknown) => void;
}): LiveMetrics {
  let pending = new Map<string, Set<string>>();
  let timer: NodeJS.Timeout | undefined;
  let lastPush = 0;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;

  async function send(batch: Map<string, Set<string>>) {
    const now = new Date();
    for (const [tenantId, ids] of batch) {
      const figures = await readInTenant(db, tenantId, (tx) => liveFigures(tx, [...ids], now));
      for (const f of figures) {
        await realtime.publish(
          db,
          tenantId,
          [`pipeline:${f.pipelineId}`, `workspace:${f.workspaceId}`, `sector:${sectorTopicId(f.sector)}`],
          { id: `ai-metrics-${f.pipelineId}-${now.getTime()}`, type: 'AiMetrics', occurredAt: f.at, data: f },
        );
      }
    }
  }

  function flush() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = new Map();
    if (batch.size === 0) return chain;
    lastPush = Date.now();
    chain = chain.then(() => send(batch)).catch(onError);
    return chain;
  }

  return {
    offer(tenantId, pipelineIds) {
      if (stopped) return;
      let set = pending.get(tenantId);
      if (!set) {
        set = new Set();
        pending.set(tenantId, set);
      }
      for (const id of pipelineIds) set.add(id);
      if (timer) return;
      timer = setTimeout(() => void flush(), Math.max(0, lastPush + intervalMs - Date.now()));
      timer.unref();
    },
    flush,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = new Map();
      await chain;
    },
  };
}

/** Registers `pipeline:<id>`, `workspace:<id>` (ids of the subscriber's tenant) and `sector:<id>`. */
export function registerMetricTopics(db: Db, realtime: Pick<Realtime, 'registerTopic'>) {
  const exists =
    (table: typeof aiPipelines | typeof aiWorkspaces) =>
    async (principal: { tenantId: string | null }, id: string) =>
      principal.tenantId !== null &&
      isUuid(id) &&
      (await readInTenant(db, principal.tenantId, async (tx) => {
        const rows = await tx.select({ id: table.id }).from(table).where(eq(table.id, id)).limit(1);
        return rows.length > 0;
      }));
  realtime.registerTopic('pipeline', exists(aiPipelines));
  realtime.registerTopic('workspace', exists(aiWorkspaces));
  // A sector's aggregates of the subscriber's own tenant (the hub keys subscriptions by tenant).
  realtime.registerTopic('sector', async (principal) => principal.tenantId !== null);
}
