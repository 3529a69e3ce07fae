// The query map's CPU work — embedding every query, clustering and the projection — as a compute
// task, so a tenant with thousands of queries does not hold the server's event loop.
import { computeTask } from '../../../platform/compute/compute.ts';
import { embed } from '../cache/embedder.ts';
import { buildQueryMap, type MappedQuery, type QueryMapLayout } from './query-map.ts';

/**
 * Embeds with the built-in offline embedder (the semantic cache's own), whatever embedding an entry
 * stored: an entry cached by an upstream embeddings endpoint, or an exact-only entry with none, is
 * placed in the same space as the rest.
 */
export function queryMapTask(input: { queries: MappedQuery[]; seed?: number }): QueryMapLayout {
  const embeddings = input.queries.map((q) => embed(q.text));
  return buildQueryMap(input.queries, embeddings, input.seed === undefined ? {} : { seed: input.seed });
}

export const QUERY_MAP_TASK = computeTask<typeof queryMapTask>(
  new URL('./query-map.task.ts', import.meta.url),
  'queryMapTask',
);
