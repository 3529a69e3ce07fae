// The cache part: exact and semantic answer caching for the runtime (AnswerCache), its statistics
// and invalidation routes, and the maintenance task that deletes expired entries.
import { deleteInBatches } from '../../../platform/db/maintenance.ts';
import type { AnswerCache } from '../contracts.ts';
import type { Part, PipelinesDeps } from '../deps.ts';
import { expiredEntries } from './cache.repo.ts';
import { cacheRoutes } from './cache.routes.ts';
import { type CacheService, createCacheService } from './cache.service.ts';
import { embedderFrom } from './embedders.ts';

export function createCache(deps: PipelinesDeps): Part & { cache: AnswerCache; service: CacheService } {
  const service = createCacheService({
    db: deps.db,
    logger: deps.logger,
    embedder: embedderFrom(deps.embeddingSettings),
  });
  return {
    cache: service.cache,
    service,
    routes(app) {
      cacheRoutes(app, { service });
    },
    maintenanceTasks: {
      'pipelines.cache-expiry': (db) => deleteInBatches(db, 'ai_cache_entries', expiredEntries),
    },
    async start() {
      service.start();
    },
    async stop() {
      await service.stop();
    },
  };
}
