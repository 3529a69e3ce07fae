// The query map (the seed's "cognitive universe"), as a pure function of the tenant's cached
// queries and their embeddings: clusters of similar queries (kmeans.ts) named by their distinctive
// terms (terms.ts), a 2-D layout for drawing (projection.ts, axes fitted on the cluster centroids),
// and the flows between sectors and between workspaces — how much traffic of two of them falls in
// the same clusters (they ask the same kinds of questions).
import { clusterQueries, type Vector } from './kmeans.ts';
import { fitToSquare, principalAxes, project } from './projection.ts';
import { type DistinctiveTerm, distinctiveTerms, labelOf } from './terms.ts';

/** One cached query (an ai_cache_entries row) with the requests that reached it. */
export interface MappedQuery {
  entryId: string;
  text: string;
  pipelineId: string;
  workspaceId: string;
  workspaceName: string;
  sector: string;
  /** Requests linked to the entry (ai_requests.cache_entry_id): the miss that wrote it and its hits. */
  requests: number;
  /** Of those, cache hits. */
  hits: number;
}

export interface Share {
  key: string;
  name: string;
  requests: number;
}

export interface QueryCluster {
  id: number;
  label: string;
  terms: string[];
  /** Distinct queries (cache entries) in the cluster. */
  queries: number;
  requests: number;
  hits: number;
  /** Percent of the cluster's requests answered from the cache, 0 … 100. */
  hitRate: number;
  /** Where the cluster is drawn: the mean of its points. */
  x: number;
  y: number;
  /** The most asked queries (at most three). */
  examples: string[];
  sectors: Share[];
  workspaces: Share[];
}

export interface QueryPoint {
  entryId: string;
  x: number;
  y: number;
  cluster: number;
  text: string;
  sector: string;
  workspaceId: string;
  pipelineId: string;
  requests: number;
  hits: number;
}

export interface QueryFlow {
  kind: 'sector' | 'workspace';
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** Clusters both ask in. */
  sharedClusters: number;
  /** Σ over the shared clusters of the smaller side's requests: the traffic they have in common. */
  requests: number;
}

export interface QueryMapLayout {
  clusters: QueryCluster[];
  points: QueryPoint[];
  flows: QueryFlow[];
}

/** Characters of a query kept in the map (points and examples). */
export const MAP_TEXT_CHARS = 160;

const clip = (text: string) =>
  text.length > MAP_TEXT_CHARS ? `${text.slice(0, MAP_TEXT_CHARS - 1)}…` : text;
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0);

export function buildQueryMap(
  queries: MappedQuery[],
  embeddings: Vector[],
  { seed = 18 }: { seed?: number } = {},
): QueryMapLayout {
  if (queries.length === 0) return { clusters: [], points: [], flows: [] };
  const weights = queries.map((q) => Math.max(1, q.requests));
  const clustering = clusterQueries(embeddings, weights, { seed });
  // Clusters that ended empty are dropped and the rest numbered 0 … k-1 by size (largest first).
  const sizes = new Float64Array(clustering.k);
  clustering.assignments.forEach((c, i) => {
    sizes[c] = (sizes[c] as number) + (weights[i] as number);
  });
  const order = [...sizes.keys()]
    .filter((c) => (sizes[c] as number) > 0)
    .sort((a, b) => (sizes[b] as number) - (sizes[a] as number) || a - b);
  const renumber = new Map(order.map((c, i) => [c, i]));
  const assignments = Int32Array.from(clustering.assignments, (c) => renumber.get(c) as number);
  const centroids = order.map((c) => clustering.centroids[c] as Float64Array);
  const k = order.length;

  const axes =
    k >= 3
      ? principalAxes(
          centroids,
          order.map((c) => sizes[c] as number),
          { seed },
        )
      : principalAxes(embeddings, weights, { seed });
  const xy = fitToSquare(project(embeddings, axes));
  const points: QueryPoint[] = queries.map((q, i) => ({
    entryId: q.entryId,
    x: (xy[i] as [number, number])[0],
    y: (xy[i] as [number, number])[1],
    cluster: assignments[i] as number,
    text: clip(q.text),
    sector: q.sector,
    workspaceId: q.workspaceId,
    pipelineId: q.pipelineId,
    requests: q.requests,
    hits: q.hits,
  }));

  const top = distinctiveTerms(
    queries.map((q) => q.text),
    assignments,
    k,
    weights,
  );
  const clusters = Array.from({ length: k }, (_, c) => summarise(c, queries, points, top[c] ?? []));
  return { clusters, points, flows: [...flowsOf(clusters, 'sector'), ...flowsOf(clusters, 'workspace')] };
}

function summarise(
  c: number,
  queries: MappedQuery[],
  points: QueryPoint[],
  top: DistinctiveTerm[],
): QueryCluster {
  const members = points
    .map((p, i) => ({ p, q: queries[i] as MappedQuery }))
    .filter(({ p }) => p.cluster === c);
  const sectors = new Map<string, Share>();
  const workspaces = new Map<string, Share>();
  let requests = 0;
  let hits = 0;
  let sx = 0;
  let sy = 0;
  for (const { p, q } of members) {
    requests += q.requests;
    hits += q.hits;
    sx += p.x;
    sy += p.y;
    add(sectors, q.sector, q.sector, q.requests);
    add(workspaces, q.workspaceId, q.workspaceName, q.requests);
  }
  const examples = [...members]
    .sort((a, b) => b.q.requests - a.q.requests || a.q.text.localeCompare(b.q.text))
    .map(({ q }) => clip(q.text))
    .filter((t, i, all) => all.indexOf(t) === i)
    .slice(0, 3);
  const n = Math.max(1, members.length);
  return {
    id: c,
    label: labelOf(top, `cluster ${c + 1}`),
    terms: top.map((t) => t.term),
    queries: members.length,
    requests,
    hits,
    hitRate: percent(hits, requests),
    x: Math.round((sx / n) * 1e4) / 1e4,
    y: Math.round((sy / n) * 1e4) / 1e4,
    examples,
    sectors: sorted(sectors),
    workspaces: sorted(workspaces),
  };
}

function add(map: Map<string, Share>, key: string, name: string, requests: number) {
  const s = map.get(key) ?? { key, name, requests: 0 };
  s.requests += Math.max(1, requests);
  map.set(key, s);
}

const sorted = (map: Map<string, Share>) =>
  [...map.values()].sort((a, b) => b.requests - a.requests || a.key.localeCompare(b.key));

/** Pairs (in key order) that share at least one cluster, the busiest first. */
export function flowsOf(clusters: QueryCluster[], kind: 'sector' | 'workspace'): QueryFlow[] {
  const pairs = new Map<string, QueryFlow>();
  for (const cluster of clusters) {
    const shares = [...(kind === 'sector' ? cluster.sectors : cluster.workspaces)].sort((a, b) =>
      a.key.localeCompare(b.key),
    );
    for (let i = 0; i < shares.length; i++)
      for (let j = i + 1; j < shares.length; j++) {
        const a = shares[i] as Share;
        const b = shares[j] as Share;
        const id = `${a.key}\u0000${b.key}`;
        const flow = pairs.get(id) ?? {
          kind,
          from: a.key,
          to: b.key,
          fromName: a.name,
          toName: b.name,
          sharedClusters: 0,
          requests: 0,
        };
        flow.sharedClusters += 1;
        flow.requests += Math.min(a.requests, b.requests);
        pairs.set(id, flow);
      }
  }
  return [...pairs.values()].sort(
    (a, b) => b.requests - a.requests || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
}
