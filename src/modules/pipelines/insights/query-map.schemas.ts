import Type from 'typebox';
import { DateTime, literals, Nullable, Uuid } from '../../../platform/http/schemas.ts';

// Response schemas of the query map (GET /ai/query-map). Percentages are 0 … 100; coordinates of
// points and clusters lie in [-1, 1].

const Share = Type.Object({
  key: Type.String({ description: 'The sector, or the workspace id' }),
  name: Type.String(),
  requests: Type.Integer(),
});

const Cluster = Type.Object({
  id: Type.Integer({ description: '0 … n-1, the busiest first' }),
  label: Type.String({ description: 'Its most distinctive terms' }),
  terms: Type.Array(Type.String()),
  queries: Type.Integer({ description: 'Distinct cached queries in the cluster' }),
  requests: Type.Integer(),
  hits: Type.Integer(),
  hitRate: Type.Number({ description: 'Percent of its requests answered from the cache' }),
  x: Type.Number(),
  y: Type.Number(),
  examples: Type.Array(Type.String(), { description: 'The most asked queries (at most three)' }),
  sectors: Type.Array(Share),
  workspaces: Type.Array(Share),
});

const Point = Type.Object({
  entryId: Uuid,
  x: Type.Number(),
  y: Type.Number(),
  cluster: Type.Integer(),
  text: Type.String({ description: 'The query (first 160 characters), as the cache stored it (redacted)' }),
  sector: Type.String(),
  workspaceId: Uuid,
  pipelineId: Uuid,
  requests: Type.Integer(),
  hits: Type.Integer(),
});

const Flow = Type.Object({
  kind: literals(['sector', 'workspace'] as const),
  from: Type.String(),
  to: Type.String(),
  fromName: Type.String(),
  toName: Type.String(),
  sharedClusters: Type.Integer({ description: 'Clusters both ask in' }),
  requests: Type.Integer({ description: "Σ over the shared clusters of the smaller side's requests" }),
});

const Snapshot = Type.Object({
  hours: Type.Integer({ description: 'The window of the figures: the last 24 hours' }),
  requests: Type.Integer(),
  errors: Type.Integer(),
  cached: Type.Integer({ description: 'Requests that went through a cache node' }),
  hits: Type.Integer(),
  hitRate: Type.Number({ description: 'Percent of the cached requests that were hits' }),
  latencyP50: Type.Number({ description: 'Milliseconds' }),
  latencyP95: Type.Number(),
  latencyAvg: Type.Number(),
  tokensIn: Type.Number(),
  tokensOut: Type.Number(),
  costUsd: Type.Number(),
  tokensSaved: Type.Number(),
  costSavedUsd: Type.Number(),
  unmapped: Type.Integer({
    description: 'Requests of pipelines without a cache node: counted, not on the map',
  }),
  sectors: Type.Array(
    Type.Object({ sector: Type.String(), requests: Type.Integer(), hitRate: Type.Number() }),
  ),
});

export const QueryMapSchema = Type.Object(
  {
    computedAt: Nullable(DateTime),
    queries: Type.Integer({ description: 'Cached queries on the map (the most asked, at most 3,000)' }),
    clusters: Type.Array(Cluster),
    points: Type.Array(Point),
    flows: Type.Array(Flow),
    snapshot: Nullable(Snapshot),
    hint: Nullable(Type.String({ description: 'Set when there is no map yet: how to get one' })),
  },
  { $id: 'AiQueryMap' },
);

export const QueryMapRefreshSchema = Type.Object(
  {
    jobId: Uuid,
    submitted: Type.Boolean({ description: 'False when a refresh was already queued or running: its id' }),
  },
  { $id: 'AiQueryMapRefresh' },
);

export const QUERY_MAP_SCHEMAS = [QueryMapSchema, QueryMapRefreshSchema];
