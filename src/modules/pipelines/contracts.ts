// The shapes the parts of the AI gateway agree on (issue 18): the pipeline graph, the request the
// protocol layers hand to the executor and the events they read back, the cache and the recorder.
// Catalog (CRUD, validation, complexity, wizard), gateway (protocols), runtime (executor and
// nodes), cache and metrics each implement their side; nothing here does any work.

// ---------------------------------------------------------------------------------------------
// The graph

export const NODE_TYPES = ['input', 'retrieve', 'cache', 'guard', 'model', 'postprocess', 'output'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const MODEL_PROVIDERS = ['default', 'offline', 'openai', 'anthropic'] as const;
/** `default` is the server's configured provider (LLM_PROVIDER); upstream URLs and keys come from config only. */
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

export const RETRY_ON = ['timeout', 'rate_limit', 'server_error', 'network'] as const;
export type RetryOn = (typeof RETRY_ON)[number];

export const RETRIEVE_SOURCES = ['analysis', 'alarms', 'sensors'] as const;
export type RetrieveSource = (typeof RETRIEVE_SOURCES)[number];

export type InputNodeConfig = {};
export type OutputNodeConfig = {};

export interface RetrieveNodeConfig {
  source: RetrieveSource;
  /** analysis: the analysis id (absent: the latest completed). sensors: a sensor id (absent: all). */
  entityId?: string;
  /** alarms and sensors: how far back, in hours. */
  hours?: number;
  /** The context is cut to this many characters. */
  maxChars?: number;
}

export interface CacheNodeConfig {
  mode: 'exact' | 'semantic';
  ttlSeconds: number;
  /** Cosine similarity a semantic hit needs (0.5 … 1). */
  threshold?: number;
}

export interface GuardNodeConfig {
  /** Emails, phone numbers, IBAN/card-like digit runs replaced with [REDACTED:<kind>] before anything else sees them. */
  redactPii: boolean;
  /** Requests whose prompt is estimated above this are refused (400 in the caller's protocol). */
  maxInputTokens?: number;
  /** Topics (words or phrases) a request may not be about: refused with the topic named. */
  refuseTopics?: string[];
}

export interface ModelTarget {
  provider: ModelProvider;
  model: string;
}

export interface ModelNodeConfig extends ModelTarget {
  temperature?: number;
  maxTokens?: number;
  /** Tried in order when the primary fails before its first token. */
  fallbacks?: ModelTarget[];
  retries?: number;
  retryOn?: RetryOn[];
  /** To the first token and between tokens (streamed requests). */
  timeoutMs?: number;
  /** To the whole answer, for a request that did not ask for a stream (the upstream call is not streamed). */
  answerTimeoutMs?: number;
  /** Per-pipeline daily budgets (UTC day); exceeding one answers 429 with the budget in the message. */
  dailyTokenBudget?: number;
  dailyCostBudgetUsd?: number;
}

export interface PostprocessNodeConfig {
  /** The answer must parse as JSON and match this schema (a small JSON-schema subset). */
  jsonSchema?: Record<string, unknown>;
  /** Numbers in the answer must appear in the retrieved context (or the prompt); flagged otherwise. */
  groundNumbers?: boolean;
}

export interface NodeConfigs {
  input: InputNodeConfig;
  retrieve: RetrieveNodeConfig;
  cache: CacheNodeConfig;
  guard: GuardNodeConfig;
  model: ModelNodeConfig;
  postprocess: PostprocessNodeConfig;
  output: OutputNodeConfig;
}

export type PipelineNode = {
  [K in NodeType]: {
    id: string;
    type: K;
    label?: string;
    position?: { x: number; y: number };
    config: NodeConfigs[K];
  };
}[NodeType];

export interface PipelineConnection {
  from: string;
  to: string;
}

export interface PipelineGraph {
  nodes: PipelineNode[];
  connections: PipelineConnection[];
}

/** A pipeline as the runtime needs it (catalog loads it; the executor runs it). */
export interface RunnablePipeline extends PipelineGraph {
  id: string;
  tenantId: string;
  workspaceId: string;
  slug: string;
  sector: string;
  status: 'draft' | 'active' | 'paused' | 'archived';
  version: number;
  storePrompts: boolean;
}

// ---------------------------------------------------------------------------------------------
// A request through the gateway

export const GATEWAY_PROTOCOLS = ['openai', 'anthropic', 'internal'] as const;
export type GatewayProtocol = (typeof GATEWAY_PROTOCOLS)[number];

export interface ToolCall {
  id: string;
  name: string;
  /** JSON text, as the protocols carry it. */
  arguments: string;
}

export interface GatewayMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** assistant: the tool calls it made. */
  toolCalls?: ToolCall[];
  /** tool: the call this answers. */
  toolCallId?: string;
}

export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON schema of the arguments, passed through unchanged. */
  parameters: Record<string, unknown>;
}

/** What both protocol layers (and PlantIntel's own AI calls) turn a request into. */
export interface GatewayRequest {
  protocol: GatewayProtocol;
  /** 'gateway' for integrators' traffic; 'analysis.chat', 'analysis.narrative', … for our own. */
  purpose: string;
  system?: string;
  messages: GatewayMessage[];
  tools?: ToolDefinition[];
  /** 'auto' | 'none' | 'required' | a tool name. */
  toolChoice?: string;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string[];
  stream: boolean;
  /** PlantIntel's own calls: the grounded answer an `offline` model node gives. */
  offline?: () => AsyncIterable<string> | Promise<string> | string;
  signal?: AbortSignal;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

export type CacheOutcome = 'off' | 'miss' | 'exact' | 'semantic';
export type FinishReason = 'stop' | 'length' | 'tool_calls';

/** What the executor yields: one start, deltas and tool calls, then exactly one done. */
export type GatewayEvent =
  | { type: 'start'; model: string; cache: CacheOutcome }
  | { type: 'delta'; text: string }
  | { type: 'tool_call'; call: ToolCall }
  | {
      type: 'done';
      finishReason: FinishReason;
      usage: Usage;
      cache: CacheOutcome;
      provider: string;
      model: string;
      /** Post-process findings (ungrounded numbers, schema violations), empty when none. */
      warnings: string[];
    };

export const GATEWAY_ERROR_KINDS = [
  'invalid_request',
  'authentication',
  'permission',
  'not_found',
  'budget',
  'rate_limit',
  'refused',
  'timeout',
  'upstream',
  'overloaded',
] as const;
export type GatewayErrorKind = (typeof GATEWAY_ERROR_KINDS)[number];

/**
 * A failure the protocol layer answers in the caller's own protocol (before the first event: an
 * HTTP error body; after it: the protocol's in-stream error, then the stream ends).
 */
export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  readonly status: number;
  constructor(kind: GatewayErrorKind, status: number, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'GatewayError';
    this.kind = kind;
    this.status = status;
  }
}

/** Who is calling, as the executor needs it (from the request's principal). */
export interface CallerContext {
  tenantId: string;
  userId: string;
  apiKeyId: string | null;
  /** Set when the API key is bound to one workspace: only its pipelines are visible. */
  workspaceId: string | null;
}

// ---------------------------------------------------------------------------------------------
// Cache

/** The answer a cache stores and replays (a stream is cached whole). */
export interface CachedAnswer {
  text: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: Usage;
  costUsd: number;
  provider: string;
  model: string;
}

export interface CacheQuery {
  tenantId: string;
  pipelineId: string;
  mode: 'exact' | 'semantic';
  ttlSeconds: number;
  /** The similarity a semantic hit needs; absent → the cache's embedder's default. */
  threshold?: number;
  /** sha256 of the normalised request (exactKey in cache/normalise.ts). */
  keyHash: string;
  /** The last user message (after redaction): what the semantic index compares. */
  queryText: string;
  /**
   * sha256 of the request without its last user message (contextKey in cache/normalise.ts): a
   * semantic hit needs the same context (system prompt, earlier turns, tools). Absent: ''.
   */
  contextHash?: string;
}

export interface CacheHit {
  kind: 'exact' | 'semantic';
  entryId: string;
  answer: CachedAnswer;
  /** Semantic hits: the cosine similarity. */
  similarity?: number;
}

// ---------------------------------------------------------------------------------------------
// Metrics

/** One gateway request, as the recorder batches it into ai_requests. */
export interface RequestRecord {
  tenantId: string;
  workspaceId: string;
  pipelineId: string;
  pipelineVersion: number;
  sector: string;
  at: Date;
  protocol: GatewayProtocol;
  purpose: string;
  apiKeyId: string | null;
  cache: CacheOutcome;
  status: 'ok' | 'error' | 'refused' | 'budget' | 'cancelled';
  errorCode: string | null;
  latencyMs: number;
  upstreamMs: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  tokensSaved: number;
  costSavedUsd: number;
  provider: string | null;
  model: string | null;
  cacheEntryId: string | null;
  /** Only when the pipeline stores prompts (already redacted). */
  prompt: string | null;
  response: string | null;
}

export interface Recorder {
  /** Never blocks and never throws: the row is written with the next batch. */
  record(row: RequestRecord): void;
  /** Writes what is buffered (tests, shutdown, the rollup job). */
  flush(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// What the parts give each other (wired in index.ts)

/** catalog → gateway and runtime: which pipeline a caller reaches. */
export interface PipelineResolver {
  /** The caller as the gateway sees it: the principal plus the workspace its API key is bound to. */
  callerContext(principal: {
    tenantId: string | null;
    userId: string;
    apiKeyId: string | null;
  }): Promise<CallerContext>;
  /**
   * The pipeline `pipeline/<slug>` names: GatewayError not_found (404) when unknown or outside the
   * key's workspace, invalid_request (400) naming the status when archived, paused or draft.
   */
  resolve(ctx: CallerContext, slug: string): Promise<RunnablePipeline>;
  /** The caller's pipelines for GET /v1/models (every status but archived). */
  list(ctx: CallerContext): Promise<RunnablePipeline[]>;
  /** The tenant's default pipeline for PlantIntel's own AI calls, created on first use when missing. */
  defaultFor(tenantId: string): Promise<RunnablePipeline>;
}

/** cache → runtime. */
export interface AnswerCache {
  lookup(q: CacheQuery): Promise<CacheHit | null>;
  /** Stores a whole answer; returns the entry id. */
  store(q: CacheQuery, answer: CachedAnswer): Promise<string>;
}

/** runtime → gateway: runs a pipeline and records the request (metrics) whatever the outcome. */
export interface Executor {
  /** Throws GatewayError before the first event; after it, a failure is thrown from the iterator. */
  run(ctx: CallerContext, pipeline: RunnablePipeline, req: GatewayRequest): AsyncIterable<GatewayEvent>;
}

/** PlantIntel data a retrieve node may read, in the caller's tenant (the composition root wires them). */
export interface Retrievers {
  /** A completed analysis (the latest when id is absent): summary, narrative, top insights, as text. */
  analysis(tenantId: string, id: string | undefined): Promise<string | null>;
  /** The alarms of the last `hours`, as text. */
  alarms(tenantId: string, hours: number): Promise<string | null>;
  /** A sensor summary (last value, limits, recent min/max/mean) of one sensor or all, as text. */
  sensors(tenantId: string, id: string | undefined, hours: number): Promise<string | null>;
}
