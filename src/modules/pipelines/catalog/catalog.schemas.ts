import Type from 'typebox';
import { COMPLEXITY_TIERS, PIPELINE_STATUSES } from '../../../platform/db/schema/index.ts';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { DateTime, Nullable, Text, Uuid } from '../../../platform/http/schemas.ts';
import { MODEL_PROVIDERS, NODE_TYPES, RETRIEVE_SOURCES, RETRY_ON } from '../contracts.ts';
import { MAX_CONNECTIONS, MAX_NODES } from './graph.ts';
import { MAX_FALLBACKS, MAX_REFUSED_TOPICS } from './node-config.ts';
import { PREFERENCES } from './wizard.ts';

// Request and response schemas of workspaces, workspace keys and pipelines (issue 18).

const closed = { additionalProperties: false } as const;
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{0,62}$';
const Name = Text({ minLength: 1, maxLength: 200 });
const Description = Text({ maxLength: 2000 });
const Sector = Type.String({
  minLength: 1,
  maxLength: 50,
  pattern: '^[A-Za-z0-9][A-Za-z0-9 &_-]*$',
  description: 'Industry vertical, e.g. automotive, food-beverage, pharma (stored in lower case)',
});
const Slug = Type.String({
  pattern: SLUG_PATTERN,
  maxLength: 63,
  description: 'The gateway model name is `pipeline/<slug>`; unique in the organisation',
});

// ---------------------------------------------------------------------------------------------
// The graph

const Provider = Type.String({ enum: [...MODEL_PROVIDERS] });
const Target = Type.Object({ provider: Provider, model: Text({ minLength: 1, maxLength: 100 }) }, closed);

/** Every node type's settings in one closed object; graph.ts checks which belong to which type. */
const NodeConfig = Type.Object(
  {
    source: Type.Optional(Type.String({ enum: [...RETRIEVE_SOURCES], description: 'retrieve' })),
    entityId: Type.Optional({
      ...Uuid,
      description: 'retrieve: the analysis or sensor (absent: latest / all)',
    }),
    hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 2160, description: 'retrieve: look-back' })),
    maxChars: Type.Optional(Type.Integer({ minimum: 100, maximum: 50_000, description: 'retrieve' })),
    mode: Type.Optional(Type.String({ enum: ['exact', 'semantic'], description: 'cache' })),
    ttlSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_592_000, description: 'cache' })),
    threshold: Type.Optional(Type.Number({ minimum: 0.5, maximum: 1, description: 'semantic cache' })),
    redactPii: Type.Optional(Type.Boolean({ description: 'guard' })),
    maxInputTokens: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'guard' })),
    refuseTopics: Type.Optional(
      Type.Array(Text({ minLength: 1, maxLength: 100 }), {
        maxItems: MAX_REFUSED_TOPICS,
        description: 'guard',
      }),
    ),
    provider: Type.Optional({ ...Provider, description: 'model' }),
    model: Type.Optional(Text({ minLength: 1, maxLength: 100, description: 'model' })),
    temperature: Type.Optional(Type.Number({ minimum: 0, maximum: 2, description: 'model' })),
    maxTokens: Type.Optional(Type.Integer({ minimum: 1, maximum: 200_000, description: 'model' })),
    fallbacks: Type.Optional(
      Type.Array(Target, { maxItems: MAX_FALLBACKS, description: 'model, tried in order' }),
    ),
    retries: Type.Optional(Type.Integer({ minimum: 0, maximum: 5, description: 'model' })),
    retryOn: Type.Optional(
      Type.Array(Type.String({ enum: [...RETRY_ON] }), { maxItems: RETRY_ON.length, description: 'model' }),
    ),
    timeoutMs: Type.Optional(
      Type.Integer({
        minimum: 100,
        maximum: 600_000,
        description: 'model: to the first token and between tokens',
      }),
    ),
    answerTimeoutMs: Type.Optional(
      Type.Integer({
        minimum: 100,
        maximum: 3_600_000,
        description: 'model: to the whole answer of a request without a stream',
      }),
    ),
    dailyTokenBudget: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10_000_000_000, description: 'model' }),
    ),
    dailyCostBudgetUsd: Type.Optional(
      Type.Number({ minimum: 0.01, maximum: 1_000_000, description: 'model' }),
    ),
    jsonSchema: Type.Optional(
      Type.Record(Text({ maxLength: 200 }), Type.Unknown(), {
        description: 'postprocess: the JSON schema the answer must match (at most 8,000 characters)',
      }),
    ),
    groundNumbers: Type.Optional(Type.Boolean({ description: 'postprocess' })),
  },
  { ...closed, description: "The node's settings; which apply depends on its type" },
);

export const PipelineNodeSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', maxLength: 64 }),
    type: Type.String({
      maxLength: 32,
      pattern: '^[a-z]+$',
      description: `One of ${NODE_TYPES.join(', ')}`,
    }),
    label: Type.Optional(Text({ maxLength: 200 })),
    position: Type.Optional(
      Type.Object(
        {
          x: Type.Number({ minimum: -100_000, maximum: 100_000 }),
          y: Type.Number({ minimum: -100_000, maximum: 100_000 }),
        },
        closed,
      ),
    ),
    config: NodeConfig,
  },
  closed,
);

const ConnectionSchema = Type.Object(
  {
    from: Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9_-]*$' }),
    to: Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9_-]*$' }),
  },
  closed,
);
const Nodes = Type.Array(PipelineNodeSchema, { maxItems: MAX_NODES });
const Connections = Type.Array(ConnectionSchema, { maxItems: MAX_CONNECTIONS });
const Features = Type.Array(Text({ minLength: 1, maxLength: 50 }), {
  maxItems: 30,
  description: 'Labels for lists and filters; derived from the graph when not given',
});

export const GraphBody = Type.Object({ nodes: Nodes, connections: Connections }, closed);

// ---------------------------------------------------------------------------------------------
// Workspaces and their keys

const BudgetUsd = Type.Number({
  minimum: 0,
  maximum: 10_000_000,
  description: 'Monthly, over all its pipelines',
});
const BudgetTokens = Type.Integer({ minimum: 0, maximum: 2_000_000_000, description: 'Monthly' });

export const WorkspaceCreate = Type.Object(
  {
    name: Name,
    sector: Sector,
    description: Type.Optional(Description),
    monthlyBudgetUsd: Type.Optional(Nullable(BudgetUsd)),
    monthlyBudgetTokens: Type.Optional(Nullable(BudgetTokens)),
  },
  closed,
);
export const WorkspacePatch = Type.Object(
  {
    name: Type.Optional(Name),
    sector: Type.Optional(Sector),
    description: Type.Optional(Description),
    monthlyBudgetUsd: Type.Optional(Nullable(BudgetUsd)),
    monthlyBudgetTokens: Type.Optional(Nullable(BudgetTokens)),
  },
  closed,
);
export const WorkspaceQuery = Type.Object({ ...PageQuery, sector: Type.Optional(Sector) }, closed);

const Workspace = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    sector: Type.String(),
    description: Type.String(),
    monthlyBudgetUsd: Nullable(Type.Number()),
    monthlyBudgetTokens: Nullable(Type.Integer()),
    pipelines: Type.Integer({ description: 'Pipelines that are not archived' }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'AiWorkspace' },
);

export const WorkspaceKeyCreate = Type.Object(
  {
    name: Text({ minLength: 1, maxLength: 100 }),
    scopes: Type.Optional(
      Type.Array(Type.String({ enum: ['read', 'operate', 'analyze', 'admin'] }), {
        minItems: 1,
        maxItems: 4,
        description: 'Default: read (enough for the gateway)',
      }),
    ),
    expiresAt: Type.Optional(DateTime),
  },
  closed,
);
export const KeyParams = Type.Object({ id: Uuid, keyId: Uuid }, closed);
export const KeyQuery = Type.Object(
  { ...PageQuery, includeRevoked: Type.Optional(Type.Boolean({ default: false })) },
  closed,
);

const WorkspaceKey = Type.Object(
  {
    id: Uuid,
    workspaceId: Uuid,
    name: Type.String(),
    prefix: Type.String({ description: 'The first characters of the key, to recognise it' }),
    scopes: Type.Array(Type.String()),
    createdAt: DateTime,
    expiresAt: Nullable(DateTime),
    lastUsedAt: Nullable(DateTime),
    revokedAt: Nullable(DateTime),
  },
  { $id: 'AiWorkspaceKey' },
);
const WorkspaceKeyCreated = Type.Object(
  {
    apiKey: Type.Ref('AiWorkspaceKey'),
    key: Type.String({ description: 'The secret, shown this once' }),
  },
  { $id: 'AiWorkspaceKeyCreated' },
);

// ---------------------------------------------------------------------------------------------
// Pipelines

const Editable = {
  name: Name,
  description: Type.Optional(Description),
  sector: Type.Optional({ ...Sector, description: "Default: the workspace's sector" }),
  nodes: Nodes,
  connections: Connections,
  features: Type.Optional(Features),
  storePrompts: Type.Optional(
    Type.Boolean({ description: 'Keep prompt and response text (after redaction) with each request row' }),
  ),
  retentionDays: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 365, description: 'How long stored prompts are kept (default 30)' }),
  ),
};

export const PipelineCreate = Type.Object(
  { workspaceId: Uuid, slug: Type.Optional(Slug), ...Editable },
  closed,
);
/** PUT: every editable field (absent optional ones take their defaults). */
export const PipelineReplace = Type.Object(Editable, closed);
export const PipelinePatch = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    sector: Type.Optional(Sector),
    nodes: Type.Optional(Nodes),
    connections: Type.Optional(Connections),
    features: Type.Optional(Features),
    storePrompts: Type.Optional(Type.Boolean()),
    retentionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  },
  closed,
);
export const PipelineQuery = Type.Object(
  {
    ...PageQuery,
    workspaceId: Type.Optional(Uuid),
    status: Type.Optional(Type.String({ enum: [...PIPELINE_STATUSES] })),
    sector: Type.Optional(Sector),
    includeArchived: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Archived pipelines are left out unless asked for (or status=archived)',
      }),
    ),
  },
  closed,
);

const Estimate = {
  nodeCount: Type.Integer(),
  complexityScore: Type.Number(),
  complexityTier: Type.String({ enum: [...COMPLEXITY_TIERS] }),
  monthlyCost: Type.Number({ description: 'USD per month (formula in explanation)' }),
};

const Metrics24h = Type.Object(
  {
    requests: Type.Integer(),
    cacheHits: Type.Integer(),
    cacheMisses: Type.Integer(),
    hitRate: Type.Number({ description: 'Percent of cache lookups that hit' }),
    latencyP50: Type.Number({ description: 'ms' }),
    latencyP95: Type.Number({ description: 'ms' }),
    tokensIn: Type.Integer(),
    tokensOut: Type.Integer(),
    costUsd: Type.Number(),
    costSaved: Type.Number(),
    tokensSaved: Type.Integer(),
    errors: Type.Integer(),
  },
  { description: 'The last 24 hours, from the request rows' },
);

const Pipeline = Type.Object(
  {
    id: Uuid,
    workspaceId: Uuid,
    slug: Type.String(),
    model: Type.String({ description: 'What to put in the `model` field of a gateway request' }),
    name: Type.String(),
    description: Type.String(),
    sector: Type.String(),
    nodes: Nodes,
    connections: Connections,
    features: Type.Array(Type.String()),
    ...Estimate,
    explanation: Type.Array(Type.String(), { description: 'How the score, tier and cost were reached' }),
    status: Type.String({ enum: [...PIPELINE_STATUSES] }),
    version: Type.Integer(),
    isDefault: Type.Boolean({ description: "PlantIntel's own AI calls run through it" }),
    storePrompts: Type.Boolean(),
    retentionDays: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
    deployedAt: Nullable(DateTime),
    metrics24h: Type.Optional(Metrics24h),
  },
  { $id: 'AiPipeline' },
);

const PipelineVersion = Type.Object(
  {
    version: Type.Integer(),
    nodes: Nodes,
    connections: Connections,
    features: Type.Array(Type.String()),
    createdBy: Nullable(Uuid),
    createdAt: DateTime,
  },
  { $id: 'AiPipelineVersion' },
);

const Problem = Type.Object({ nodeId: Nullable(Type.String()), message: Type.String() });

export const GraphCheckSchema = Type.Object(
  {
    valid: Type.Boolean(),
    errors: Type.Array(Problem),
    estimate: Nullable(Type.Object({ ...Estimate, explanation: Type.Array(Type.String()) })),
  },
  { $id: 'AiGraphCheck' },
);

export const GenerateBody = Type.Object(
  {
    sector: Sector,
    useCase: Text({ minLength: 1, maxLength: 200 }),
    dataSources: Type.Array(Type.String({ enum: [...RETRIEVE_SOURCES] }), { maxItems: 3 }),
    latency: Type.String({ enum: [...PREFERENCES] }),
    cost: Type.String({ enum: [...PREFERENCES] }),
    name: Type.Optional(Name),
    save: Type.Optional(Type.Boolean({ default: false, description: 'Also create it (as a draft)' })),
    workspaceId: Type.Optional({ ...Uuid, description: 'Where to save it (required with save)' }),
    slug: Type.Optional(Slug),
  },
  closed,
);

const Generated = Type.Object(
  {
    name: Type.String(),
    sector: Type.String(),
    description: Type.String(),
    nodes: Nodes,
    connections: Connections,
    features: Type.Array(Type.String()),
    reasons: Type.Array(
      Type.Object({ nodeId: Type.String(), reason: Type.String() }, { description: 'Why this node' }),
    ),
    ...Estimate,
    explanation: Type.Array(Type.String()),
    pipeline: Nullable(Type.Ref('AiPipeline')),
  },
  { $id: 'AiGeneratedPipeline' },
);

export const CATALOG_SCHEMAS = [
  Workspace,
  Page(Type.Ref('AiWorkspace'), 'AiWorkspacePage'),
  WorkspaceKey,
  WorkspaceKeyCreated,
  Page(Type.Ref('AiWorkspaceKey'), 'AiWorkspaceKeyPage'),
  Pipeline,
  Page(Type.Ref('AiPipeline'), 'AiPipelinePage'),
  PipelineVersion,
  Page(Type.Ref('AiPipelineVersion'), 'AiPipelineVersionPage'),
  GraphCheckSchema,
  Generated,
];
