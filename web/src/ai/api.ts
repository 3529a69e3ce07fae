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
  features?: string[];
  createdAt: string;
  createdBy?: string | null;
}

export interface GraphProblem {
  /** The node the problem is about, when it is about one. */
  nodeId?: string | null;
  code?: string;
  message: string;
}

export interface Validation extends Partial<Complexity> {
  valid: boolean;
  errors: GraphProblem[];
  warnings?: GraphProblem[];
  complexity?: Complexity & { explanation?: string[] };
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

export interface Generated extends PipelineGraph, Partial<Complexity> {
  name?: string;
  sector?: string;
  description?: string;
  features?: string[];
  /** Why each node is there. */
  reasons: { nodeId: string; reason: string }[];
  complexity?: Complexity & { explanation?: string[] };
  pipeline?: Pipeline;
}

/** The complexity figures of a validation or a generated graph (inline or under `complexity`). */
export function complexityOf(
  value: (Partial<Complexity> & { complexity?: Complexity }) | undefined,
): Complexity | null {
  if (!value) return null;
  if (value.complexity) return value.complexity;
  const { nodeCount, complexityTier, complexityScore, monthlyCost } = value;
  if (complexityTier === undefined || monthlyCost === undefined) return null;
  return { nodeCount: nodeCount ?? 0, complexityTier, complexityScore: complexityScore ?? 0, monthlyCost };
}

export interface Workspace {
  id: string;
  name: string;
  sector: string;
  description: string;
  monthlyBudgetUsd: number | null;
  monthlyBudgetTokens: number | null;
  createdAt: string;
  updatedAt: string;
  pipelineCount?: number;
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
  name: string;
  prefix?: string;
  createdAt: string;
  lastUsedAt?: string | null;
  expiresAt?: string | null;
}

export interface CreatedKey {
  key: WorkspaceKey;
  secret: string;
}

export interface WorkspaceSummary {
  workspaceId: string;
  name?: string;
  sector?: string;
  pipelines?: number;
  activePipelines?: number;
  requests24h?: number;
  costSaved24h?: number;
  [k: string]: unknown;
}

export interface MetricsPoint {
  /** Start of the bucket (an hour, or 5 minutes for the live buckets). */
  at: string;
  requests: number;
  cacheHits: number;
  cacheMisses: number;
  hitRate: number;
  latencyP50: number;
  latencyP95: number;
  tokensSaved: number;
  costSaved: number;
  tokensIn?: number;
  tokensOut?: number;
  costUsd?: number;
  errors?: number;
}

export interface PipelineMetrics {
  pipelineId: string;
  hours: number;
  hourly: MetricsPoint[];
  live: MetricsPoint[];
  totals: Metrics24h;
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

export interface CacheStats {
  entries: number;
  hits: number;
  misses: number;
  hitRate: number;
  tokensSaved?: number;
  costSaved?: number;
}

export interface CacheEntry {
  id: string;
  queryText: string;
  kind?: string;
  hits: number;
  tokensIn: number;
  tokensOut: number;
  createdAt: string;
  lastHitAt: string | null;
  expiresAt: string;
}

export interface PipelineCache {
  stats: CacheStats;
  entries: Page<CacheEntry>;
}

export interface SectorFigures extends Partial<Metrics24h> {
  sector: string;
  pipelines?: number;
  activePipelines?: number;
}

export interface Dashboard {
  totals: Metrics24h & { pipelines?: number; activePipelines?: number; workspaces?: number };
  sectors: SectorFigures[];
  pipelines: (Pick<Pipeline, 'id' | 'name' | 'slug' | 'sector' | 'status'> & { metrics24h: Metrics24h })[];
  hourly?: MetricsPoint[];
}

export interface SectorDay {
  date: string;
  totalRequests: number;
  cacheHits: number;
  cacheMisses: number;
  avgLatency: number;
  costSaved: number;
  tokensSaved?: number;
  topQueryTypes?: { type: string; count: number; hitRate: number }[];
}

export interface SectorDashboard {
  sector: string;
  totals: Partial<Metrics24h> & { pipelines?: number; activePipelines?: number };
  days: SectorDay[];
  pipelines: (Pick<Pipeline, 'id' | 'name' | 'slug' | 'status'> & { metrics24h: Metrics24h })[];
  hourly?: MetricsPoint[];
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

export interface QueryMap {
  computedAt: string | null;
  queries: number;
  clusters: QueryCluster[];
  points: QueryPoint[];
  flows: QueryFlow[];
  snapshot: Record<string, unknown>;
  /** The projection job under way, if any. */
  jobId?: string | null;
}

export interface RefreshAccepted {
  jobId: string;
}

export const aiKeys = {
  all: ['ai'] as const,
  pipelines: ['ai', 'pipelines'] as const,
  pipelineList: (query: PipelineQuery) => ['ai', 'pipelines', 'list', query] as const,
  pipeline: (id: string) => ['ai', 'pipelines', 'one', id] as const,
  versions: (id: string) => ['ai', 'pipelines', 'one', id, 'versions'] as const,
  metrics: (id: string, hours: number) => ['ai', 'pipelines', 'one', id, 'metrics', hours] as const,
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
  updatePipeline: (pipelineId: string, input: PipelineInput) =>
    send<Pipeline>('PUT', `/pipelines/${id(pipelineId)}`, input),
  deploy: (pipelineId: string) => send<Pipeline>('POST', `/pipelines/${id(pipelineId)}/deploy`),
  pause: (pipelineId: string) => send<Pipeline>('POST', `/pipelines/${id(pipelineId)}/pause`),
  archive: (pipelineId: string) => send<unknown>('DELETE', `/pipelines/${id(pipelineId)}`),
  versions: (pipelineId: string, signal?: AbortSignal) =>
    get<{ items: PipelineVersion[] }>(`/pipelines/${id(pipelineId)}/versions`, signal),
  validate: (graph: PipelineGraph, signal?: AbortSignal) =>
    request<Validation>(`${BASE}/pipelines/validate`, { method: 'POST', body: graph, signal }),
  generate: (spec: WizardSpec & { save?: boolean; workspaceId?: string }) =>
    send<Generated>('POST', '/pipelines/generate', spec),
  metrics: (pipelineId: string, hours: number, signal?: AbortSignal) =>
    request<PipelineMetrics>(withQuery(`${BASE}/pipelines/${id(pipelineId)}/metrics`, { hours }), { signal }),
  requests: (pipelineId: string, offset: number, signal?: AbortSignal) =>
    request<Page<RequestRow>>(
      withQuery(`${BASE}/pipelines/${id(pipelineId)}/requests`, { limit: 20, offset }),
      { signal },
    ),
  cache: (pipelineId: string, signal?: AbortSignal) =>
    request<PipelineCache>(withQuery(`${BASE}/pipelines/${id(pipelineId)}/cache`, { limit: 10 }), { signal }),
  invalidateCache: (pipelineId: string) => send<unknown>('DELETE', `/pipelines/${id(pipelineId)}/cache`),
  workspaces: (signal?: AbortSignal) =>
    request<Page<Workspace>>(withQuery(`${BASE}/workspaces`, { limit: 100 }), { signal }),
  createWorkspace: (input: WorkspaceInput) => send<Workspace>('POST', '/workspaces', input),
  updateWorkspace: (workspaceId: string, input: Partial<WorkspaceInput>) =>
    send<Workspace>('PATCH', `/workspaces/${id(workspaceId)}`, input),
  deleteWorkspace: (workspaceId: string) => send<unknown>('DELETE', `/workspaces/${id(workspaceId)}`),
  workspaceKeys: (workspaceId: string, signal?: AbortSignal) =>
    get<{ items: WorkspaceKey[] }>(`/workspaces/${id(workspaceId)}/keys`, signal),
  createKey: (workspaceId: string, name: string) =>
    send<CreatedKey>('POST', `/workspaces/${id(workspaceId)}/keys`, { name }),
  revokeKey: (workspaceId: string, keyId: string) =>
    send<unknown>('DELETE', `/workspaces/${id(workspaceId)}/keys/${id(keyId)}`),
  workspaceSummary: (signal?: AbortSignal) =>
    get<{ items: WorkspaceSummary[] }>('/workspaces/summary', signal),
  dashboard: (signal?: AbortSignal) => get<Dashboard>('/dashboard', signal),
  sector: (sector: string, signal?: AbortSignal) => get<SectorDashboard>(`/dashboards/${id(sector)}`, signal),
  queryMap: (signal?: AbortSignal) => get<QueryMap>('/query-map', signal),
  refreshQueryMap: () => send<RefreshAccepted>('POST', '/query-map/refresh', {}),
};

/** The realtime topics the metrics part publishes on. */
export const pipelineTopic = (pipelineId: string) => `pipeline:${pipelineId}`;
export const sectorTopic = (sector: string) => `sector:${sector}`;
export const workspaceTopic = (workspaceId: string) => `workspace:${workspaceId}`;
