import type { StoredQueryMap } from './query-map.repo.ts';

export const NO_MAP_HINT =
  'No query map yet: it is computed from the queries cached by pipelines with a cache node. Send traffic through a pipeline, then POST /api/v1/ai/query-map/refresh (or wait for the hourly refresh).';

export function presentQueryMap(map: StoredQueryMap | undefined) {
  if (!map)
    return {
      computedAt: null,
      queries: 0,
      clusters: [],
      points: [],
      flows: [],
      snapshot: null,
      hint: NO_MAP_HINT,
    };
  return {
    computedAt: map.computedAt.toISOString(),
    queries: map.queries,
    clusters: map.clusters,
    points: map.points,
    flows: map.flows,
    snapshot: map.snapshot,
    hint: map.queries === 0 ? NO_MAP_HINT : null,
  };
}
