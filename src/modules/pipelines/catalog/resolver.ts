// Which pipeline a gateway caller reaches (contracts.ts PipelineResolver). On the request path of
// every gateway call, so the steady state reads no database: resolved pipelines (and unknown
// slugs) are kept in memory per tenant and slug for TTL_MS, a key's workspace binding for
// KEY_TTL_MS, and every change this process makes drops the tenant's entries at once (another
// process sees a change within TTL_MS and one read). Concurrent misses of one entry share one read.
// An entry that expired less than STALE_MS ago is still answered while one background read
// refreshes it: otherwise every TTL_MS all the requests of that moment would wait for a read (behind
// the recorder's batch on the embedded database), a latency spike every 5 seconds.
import type { Db } from '../../../platform/db/database.ts';
import { readInTenant } from '../../../platform/db/scope.ts';
import {
  type CallerContext,
  GatewayError,
  type PipelineGraph,
  type PipelineResolver,
  type RunnablePipeline,
} from '../contracts.ts';
import { findBySlug, findDefault, listRunnable, type PipelineRow } from './pipelines.repo.ts';
import { workspaceOfKey } from './workspaces.repo.ts';

export const TTL_MS = 5_000;
/** A key's workspace never changes (its link row is written once); revoked keys fail authentication. */
export const KEY_TTL_MS = 60_000;
/** How long past its TTL an entry is still answered while it is read again. */
export const STALE_MS = 60_000;
/** Entries kept per process before the oldest half is dropped (unknown slugs are cached too). */
export const MAX_ENTRIES = 20_000;

export function runnableOf(row: PipelineRow): RunnablePipeline {
  return {
    id: row.id,
    tenantId: row.tenantId,
    workspaceId: row.workspaceId,
    slug: row.slug,
    sector: row.sector,
    status: row.status as RunnablePipeline['status'],
    version: row.version,
    storePrompts: row.storePrompts,
    nodes: row.nodes as PipelineGraph['nodes'],
    connections: row.connections as PipelineGraph['connections'],
  };
}

interface Entry<T> {
  value: Promise<T>;
  expires: number;
  /** The value once read (an entry whose read has not settled is never served stale). */
  settled: boolean;
  refreshing: boolean;
}

/** Exported for its unit test. */
export class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  constructor(ttlMs: number, now: () => number) {
    this.ttlMs = ttlMs;
    this.now = now;
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    const now = this.now();
    if (hit && hit.expires > now) return hit.value;
    if (hit?.settled && now - hit.expires < STALE_MS) {
      if (!hit.refreshing) this.refresh(key, hit, load);
      return hit.value;
    }
    if (this.entries.size >= MAX_ENTRIES) this.prune();
    const value = load();
    const entry: Entry<T> = { value, expires: now + this.ttlMs, settled: false, refreshing: false };
    this.entries.set(key, entry);
    value.then(
      () => {
        entry.settled = true;
      },
      // A failed read is not remembered.
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  /** Reads the entry again in the background; it is replaced if still current when the read ends. */
  private refresh(key: string, entry: Entry<T>, load: () => Promise<T>) {
    entry.refreshing = true;
    load().then(
      (value) => {
        if (this.entries.get(key) !== entry) return;
        this.entries.set(key, {
          value: Promise.resolve(value),
          expires: this.now() + this.ttlMs,
          settled: true,
          refreshing: false,
        });
      },
      () => {
        // The database is unreachable: the entry serves on (within STALE_MS), read again a TTL later.
        entry.refreshing = false;
        entry.expires = this.now() + this.ttlMs;
      },
    );
  }

  deletePrefix(prefix: string) {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  delete(key: string) {
    this.entries.delete(key);
  }

  private prune() {
    let n = 0;
    for (const key of this.entries.keys()) {
      if (n++ >= MAX_ENTRIES / 2) break;
      this.entries.delete(key);
    }
  }
}

export interface ResolverDeps {
  db: Db;
  /** Creates the tenant's default workspace and pipeline when missing; returns the pipeline. */
  ensureDefault(tenantId: string): Promise<PipelineRow>;
  now?: () => number;
}

export type CatalogResolver = PipelineResolver & {
  /** Drops what is cached of the tenant (every change of a workspace or pipeline calls it). */
  invalidate(tenantId: string): void;
  invalidateKey(apiKeyId: string): void;
};

export function createResolver({ db, ensureDefault, now = Date.now }: ResolverDeps): CatalogResolver {
  const pipelines = new TtlCache<RunnablePipeline | null>(TTL_MS, now);
  const keys = new TtlCache<string | null>(KEY_TTL_MS, now);

  const notFound = (slug: string) =>
    new GatewayError(
      'not_found',
      404,
      `The model "pipeline/${slug}" does not exist or you do not have access to it`,
    );

  return {
    async callerContext(principal) {
      const { tenantId, userId, apiKeyId } = principal;
      if (!tenantId) {
        throw new GatewayError(
          'permission',
          403,
          'The gateway needs an organisation; sign in to one of yours',
        );
      }
      const workspaceId = apiKeyId
        ? await keys.get(apiKeyId, () => readInTenant(db, tenantId, (tx) => workspaceOfKey(tx, apiKeyId)))
        : null;
      return { tenantId, userId, apiKeyId, workspaceId };
    },

    async resolve(ctx: CallerContext, slug: string) {
      const pipeline = await pipelines.get(`${ctx.tenantId}/${slug}`, async () => {
        const row = await readInTenant(db, ctx.tenantId, (tx) => findBySlug(tx, slug));
        return row ? runnableOf(row) : null;
      });
      if (!pipeline || (ctx.workspaceId !== null && pipeline.workspaceId !== ctx.workspaceId))
        throw notFound(slug);
      if (pipeline.status !== 'active') {
        const hint = pipeline.status === 'archived' ? 'it can no longer be used' : 'deploy it to use it';
        throw new GatewayError(
          'invalid_request',
          400,
          `The pipeline "pipeline/${slug}" is ${pipeline.status}; ${hint}`,
        );
      }
      return pipeline;
    },

    async list(ctx) {
      const rows = await readInTenant(db, ctx.tenantId, (tx) => listRunnable(tx, ctx.workspaceId));
      return rows.map(runnableOf);
    },

    async defaultFor(tenantId) {
      const pipeline = await pipelines.get(`${tenantId}/\u0000default`, async () => {
        const row = (await readInTenant(db, tenantId, findDefault)) ?? (await ensureDefault(tenantId));
        return runnableOf(row);
      });
      if (!pipeline) throw new Error('the default pipeline could not be created');
      return pipeline;
    },

    invalidate(tenantId) {
      pipelines.deletePrefix(`${tenantId}/`);
    },

    invalidateKey(apiKeyId) {
      keys.delete(apiKeyId);
    },
  };
}
