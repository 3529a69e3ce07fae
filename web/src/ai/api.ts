// Shapes and calls of the AI gateway's endpoints (/api/v1/ai) and the query keys every view shares.
// The shapes follow the server's TypeBox schemas (src/modules/pipelines/*/*.schemas.ts).
import { request, withQuery } from '../api';

const BASE = '/api/v1/ai';

export const NODE_TYPES = ['input', 'retrieve', 'cache', 'guard', 'model', 'postprocess', 'output'] as const;
export type NodeType = (typeof NODE_TYPES)[number];
export const PIPELINE_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export type PipelineStatus = (typeof PIPELINE_STATUSES)[number];
export const COMPLEXITY_TIERS = ['simple', 'moderate', 'complex', 'enterprise'] as const;
export type ComplexityTier = (typeof COMPLEXITY_TIERS)[number];
export const MODEL_PROVIDERS = ['default', 'offline', 'openai', 'anthropic'] as const;
export const RETRIEVE_SOURCES = ['analysis', 'alarms', 'sensors'] as const;
export const RETRY_ON = ['timeout', 'rate_limit', 'server_error', 'network'] as const;

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A node's configuration: its type's fields (see contracts.ts on the server); edited as an open object. */
export type NodeConfig = Record<string, unknown>;

export interface PipelineNode {
  id: string;
  type: NodeType;
  label?: string;
  position?: { x: number; y: number };
  config: NodeConfig;
}

export interface PipelineConnection {
  from: string;
  to: string;
}

export interface PipelineGraph {
  nodes: PipelineNode[];
  connections: PipelineConnection[];
}

export interface Metrics24h {
  requests: number;
  cacheHits: number;
  cacheMisses: number;
  hitRate: number;
  latencyP50: number;
  latencyP95: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  costSaved: number;
  tokensSaved: number;
  errors: number;
}

export interface Complexity {
  nodeCount: number;
  complexityTier: ComplexityTier;
  complexityScore: number;
  monthlyCost: number;
}

export interface Pipeline extends PipelineGraph, Complexity {
  id: string;
  workspaceId: string;
  workspaceName?: string;
  slug: string;
  /** What a gateway request puts in its `model` field: `pipeline/<slug>`. */
  model: string;
  /** How the complexity score, tier and cost were reached. */
  explanation: string[];
  name: string;
  description: string;
  sector: string;
  features: string[];
  status: PipelineStatus;
  version: number;
  isDefault: boolean;
  storePrompts: boolean;
  retentionDays: number;
  createdAt: string;
  updatedAt: string;
  deployedAt: string | null;
  metrics24h?: Metrics24h;
}

export interface PipelineInput extends PipelineGraph {
  workspaceId: string;
  name: string;
  slug?: string;
  description?: string;
  sector?: string;
  features?: string[];
  storePrompts?: boolean;
  retentionDays?: number;
}

export interface PipelineVersion {
  version: number;
  nodes: PipelineNode[];
  connections: PipelineConnection[];
  features: string[];
  createdAt: string;
  createdBy?: string | null;
}

export interface GraphProblem {
  /** The node the problem is about, when it is about one. */
  nodeId?: string | null;
  code?: string;
  message: string;
}

export type Estimate = Complexity & { explanation: string[] };

export interface Validation {
  valid: boolean;
  errors: GraphProblem[];
  /** Null when the graph is too broken to estimate. */
  estimate: Estimate | null;
}

export const USE_CASE_EXAMPLES = [
  'Answer questions about downtime',
  'Summarise the latest analysis',
  'Explain alarms to operators',
  'Extract structured fields as JSON',
] as const;
export const PREFERENCES = ['low', 'balanced', 'quality'] as const;
export type Preference = (typeof PREFERENCES)[number];

export interface WizardSpec {
  sector: string;
  useCase: string;
  dataSources: string[];
  latency: Preference;
  cost: Preference;
  name?: string;
}

export interface Generated extends PipelineGraph, Complexity {
  name: string;
  sector: string;
  description: string;
  features: string[];
  /** Why each node is there. */
  reasons: { nodeId: string; reason: string }[];
  explanation: string[];
  /** Set when the wizard was asked to save it. */
  pipeline: Pipeline | null;
}

export interface Workspace {
  id: string;
  name: string;
  sector: string;
  description: string;
  monthlyBudgetUsd: number | null;
  monthlyBudgetTokens: number | null;
  /** Pipelines that are not archived. */
  pipelines: number;
  createdAt: string;
  updatedAt: string;
}

export interface WorkspaceInput {
  name: string;
  sector: string;
  description?: string;
  monthlyBudgetUsd?: number | null;
  monthlyBudgetTokens?: number | null;
}

export interface WorkspaceKey {
  id: string;
  workspaceId: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedKey {
  apiKey: WorkspaceKey;
  /** The secret, shown this once. */
  key: string;
}

/** A workspace with its pipeline counts and 24 h figures (the workspace_summary view). */
export interface WorkspaceSummary {
  workspaceId: string;
  name: string;
  sector: string;
  description: string;
  monthlyBudgetUsd: number | null;
  monthlyBudgetTokens: number | null;
  pipelines: number;
  activePipelines: number;
  monthlyCost: number;
  requests24h: number;
  cacheHits24h: number;
  cacheMisses24h: number;
  hitRate24h: number;
  errors24h: number;
  avgLatency24h: number;
  tokensIn24h: number;
  tokensOut24h: number;
  costUsd24h: number;
  costSaved24h: number;
  tokensSaved24h: number;
}

/** One bucket of a pipeline's series (an hour, or a minute for the live chart). */
export interface MetricsPoint extends Metrics24h {
  /** Start of the bucket. */
  at: string;
  /** The current bucket, still filling. */
  partial?: boolean;
}

export interface MetricsSeries {
  pipelineId: string;
  bucket: 'hour' | 'minute';
  points: MetricsPoint[];
}

export interface RequestRow {
  id: number | string;
  at: string;
  protocol: string;
  purpose: string;
  cache: string;
  status: string;
  errorCode: string | null;
  latencyMs: number;
  upstreamMs: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  tokensSaved: number;
  costSavedUsd: number;
  model: string | null;
  pipelineVersion: number;
}

export interface CacheTotals {
  /** Rows, expired ones included until maintenance removes them. */
  entries: number;
  live: number;
  hits: number;
  tokensCached: number;
}

export interface CacheOutcomes {
  requests: number;
  off: number;
  miss: number;
  exact: number;
  semantic: number;
  /** Null without lookups. */
  hitRate: number | null;
  tokensSaved: number;
  costSavedUsd: number;
}

export interface CacheEntry {
  id: string;
  queryText: string;
  answerPreview: string;
  model: string | null;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  hits: number;
  createdAt: string;
  lastHitAt: string | null;
  expiresAt: string;
}

export interface PipelineCache {
  pipelineId: string;
  hours: number;
  totals: CacheTotals;
  outcomes: CacheOutcomes;
  entries: Page<CacheEntry>;
}

export interface PipelineWithMetrics {
  id: string;
  workspaceId: string;
  name: string;
  slug: string;
  sector: string;
  status: PipelineStatus;
  monthlyCost: number;
  metrics24h: Metrics24h;
}

export interface Dashboard {
  generatedAt: string;
  window: '24h';
  totals: Metrics24h;
  workspaces: WorkspaceSummary[];
  pipelines: PipelineWithMetrics[];
  topPipelines: PipelineWithMetrics[];
  recentErrors: {
    id: number;
    at: string;
    pipelineId: string;
    pipelineName: string;
    status: string;
    errorCode: string | null;
  }[];
}

export interface SectorMetrics {
  sector: string;
  workspaces: number;
  pipelines: number;
  activePipelines: number;
  requests24h: number;
  cacheHits24h: number;
  cacheMisses24h: number;
  hitRate24h: number;
  errors24h: number;
  avgLatency24h: number;
  tokensIn24h: number;
  tokensOut24h: number;
  costUsd24h: number;
  costSaved24h: number;
  tokensSaved24h: number;
  requests7d: number;
  costSaved7d: number;
}

export interface SectorDay {
  date: string;
  totalRequests: number;
  cacheHits: number;
  cacheMisses: number;
  avgLatency: number;
  costSaved: number;
  tokensSaved: number;
  topQueryTypes: { type: string; count: number; hitRate: number }[];
}

export interface SectorDashboard {
  sector: string;
  metrics: SectorMetrics | null;
  days: SectorDay[];
  pipelines: PipelineWithMetrics[];
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
  hitRate: number;
  x: number;
  y: number;
  examples: string[];
  sectors: Share[];
  workspaces: Share[];
}

/** A query placed on the map: x and y in −1 … 1. */
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
  sharedClusters: number;
  requests: number;
}

export interface QuerySnapshot {
  hours: number;
  requests: number;
  errors: number;
  cached: number;
  hits: number;
  hitRate: number;
  latencyP50: number;
  latencyP95: number;
  latencyAvg: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  tokensSaved: number;
  costSavedUsd: number;
  unmapped: number;
  sectors: { sector: string; requests: number; hitRate: number }[];
}

export interface QueryMap {
  computedAt: string | null;
  queries: number;
  clusters: QueryCluster[];
  points: QueryPoint[];
  flows: QueryFlow[];
  snapshot: QuerySnapshot | null;
  /** Set when there is no map yet: how to get one. */
  hint: string | null;
}

export interface RefreshAccepted {
  jobId: string;
  /** False when a refresh was already queued or running (its id is given). */
  submitted: boolean;
}

export const aiKeys = {
  all: ['ai'] as const,
  pipelines: ['ai', 'pipelines'] as const,
  pipelineList: (query: PipelineQuery) => ['ai', 'pipelines', 'list', query] as const,
  pipeline: (id: string) => ['ai', 'pipelines', 'one', id] as const,
  versions: (id: string) => ['ai', 'pipelines', 'one', id, 'versions'] as const,
  metrics: (id: string, bucket: 'hour' | 'minute', hours: number) =>
    ['ai', 'pipelines', 'one', id, 'metrics', bucket, hours] as const,
  requests: (id: string, offset: number) => ['ai', 'pipelines', 'one', id, 'requests', offset] as const,
  cache: (id: string) => ['ai', 'pipelines', 'one', id, 'cache'] as const,
  workspaces: ['ai', 'workspaces'] as const,
  workspaceKeys: (id: string) => ['ai', 'workspaces', id, 'keys'] as const,
  workspaceSummary: ['ai', 'workspaces', 'summary'] as const,
  dashboard: ['ai', 'dashboard'] as const,
  sector: (sector: string) => ['ai', 'sector', sector] as const,
  queryMap: ['ai', 'query-map'] as const,
};

export interface PipelineQuery {
  workspaceId?: string | undefined;
  status?: string | undefined;
  sector?: string | undefined;
  limit?: number;
  offset?: number;
}

const get = <T>(path: string, signal?: AbortSignal) => request<T>(`${BASE}${path}`, { signal });
const send = <T>(method: string, path: string, body?: unknown) =>
  request<T>(`${BASE}${path}`, { method, ...(body !== undefined ? { body } : {}) });
const id = encodeURIComponent;

export const aiApi = {
  pipelines: (query: PipelineQuery, signal?: AbortSignal) =>
    request<Page<Pipeline>>(withQuery(`${BASE}/pipelines`, { ...query }), { signal }),
  pipeline: (pipelineId: string, signal?: AbortSignal) =>
    get<Pipeline>(`/pipelines/${id(pipelineId)}`, signal),
  createPipeline: (input: PipelineInput) => send<Pipeline>('POST', '/pipelines', input),
  /** PUT replaces the editable fields; the workspace and the slug stay. */
  updatePipeline: (pipelineId: string, { workspaceId: _w, slug: _s, ...input }: PipelineInput) =>
    send<Pipeline>('PUT', `/pipelines/${id(pipelineId)}`, input),
  deploy: (pipelineId: string) => send<Pipeline>('POST', `/pipelines/${id(pipelineId)}/deploy`),
  pause: (pipelineId: string) => send<Pipeline>('POST', `/pipelines/${id(pipelineId)}/pause`),
  archive: (pipelineId: string) => send<Pipeline>('DELETE', `/pipelines/${id(pipelineId)}`),
  versions: (pipelineId: string, signal?: AbortSignal) =>
    request<Page<PipelineVersion>>(withQuery(`${BASE}/pipelines/${id(pipelineId)}/versions`, { limit: 50 }), {
      signal,
    }),
  validate: (graph: PipelineGraph, signal?: AbortSignal) =>
    request<Validation>(`${BASE}/pipelines/validate`, { method: 'POST', body: graph, signal }),
  generate: (spec: WizardSpec & { save?: boolean; workspaceId?: string }) =>
    send<Generated>('POST', '/pipelines/generate', spec),
  metrics: (pipelineId: string, bucket: 'hour' | 'minute', hours: number, signal?: AbortSignal) =>
    request<MetricsSeries>(withQuery(`${BASE}/pipelines/${id(pipelineId)}/metrics`, { bucket, hours }), {
      signal,
    }),
  requests: (pipelineId: string, offset: number, signal?: AbortSignal) =>
    request<Page<RequestRow>>(
      withQuery(`${BASE}/pipelines/${id(pipelineId)}/requests`, { limit: 20, offset }),
      { signal },
    ),
  cache: (pipelineId: string, signal?: AbortSignal) =>
    request<PipelineCache>(withQuery(`${BASE}/pipelines/${id(pipelineId)}/cache`, { limit: 10 }), { signal }),
  invalidateCache: (pipelineId: string) =>
    send<{ removed: number }>('DELETE', `/pipelines/${id(pipelineId)}/cache`),
  workspaces: (signal?: AbortSignal) =>
    request<Page<Workspace>>(withQuery(`${BASE}/workspaces`, { limit: 100 }), { signal }),
  createWorkspace: (input: WorkspaceInput) => send<Workspace>('POST', '/workspaces', input),
  updateWorkspace: (workspaceId: string, input: Partial<WorkspaceInput>) =>
    send<Workspace>('PATCH', `/workspaces/${id(workspaceId)}`, input),
  deleteWorkspace: (workspaceId: string) => send<unknown>('DELETE', `/workspaces/${id(workspaceId)}`),
  workspaceKeys: (workspaceId: string, signal?: AbortSignal) =>
    request<Page<WorkspaceKey>>(withQuery(`${BASE}/workspaces/${id(workspaceId)}/keys`, { limit: 100 }), {
      signal,
    }),
  createKey: (workspaceId: string, name: string) =>
    send<CreatedKey>('POST', `/workspaces/${id(workspaceId)}/keys`, { name }),
  revokeKey: (workspaceId: string, keyId: string) =>
    send<unknown>('DELETE', `/workspaces/${id(workspaceId)}/keys/${id(keyId)}`),
  workspaceSummary: (signal?: AbortSignal) =>
    get<{ items: WorkspaceSummary[] }>('/workspaces/summary', signal),
  dashboard: (signal?: AbortSignal) => get<Dashboard>('/dashboard', signal),
  sector: (sector: string, signal?: AbortSignal) => get<SectorDashboard>(`/dashboards/${id(sector)}`, signal),
  queryMap: (signal?: AbortSignal) => get<QueryMap>('/query-map', signal),
  refreshQueryMap: () => send<RefreshAccepted>('POST', '/query-map/refresh'),
};

/**
 * A sector's topic id as the server names it (metrics/live.ts): lower case, every run of other
 * characters than a-z 0-9 . _ - replaced with '-' ("Food & Beverage" → food-beverage).
 */
export function sectorTopicId(sector: string): string {
  const topicId = sector
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return topicId === '' ? 'none' : topicId;
}

/** The realtime topics the metrics part publishes on. */
export const pipelineTopic = (pipelineId: string) => `pipeline:${pipelineId}`;
export const sectorTopic = (sector: string) => `sector:${sectorTopicId(sector)}`;
export const workspaceTopic = (workspaceId: string) => `workspace:${workspaceId}`;
