import Type from 'typebox';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { DateTime, Day, Nullable, Text, Uuid } from '../../../platform/http/schemas.ts';

// Request and response schemas of the AI dashboards, pipeline metrics and request rows, sector
// dashboards and analytics.

const Num = Type.Number();
const Int = Type.Integer();

const METRIC_FIELDS = {
  requests: Int,
  cacheHits: { ...Int, description: 'Exact and semantic cache answers' },
  cacheMisses: { ...Int, description: 'Cache lookups that found nothing' },
  hitRate: { ...Num, description: 'hits / (hits + misses), percent' },
  latencyP50: { ...Num, description: 'Milliseconds' },
  latencyP95: { ...Num, description: 'Milliseconds' },
  tokensIn: Num,
  tokensOut: Num,
  costUsd: Num,
  costSaved: { ...Num, description: 'USD the cache saved' },
  tokensSaved: { ...Num, description: 'Tokens of the answers the cache replayed' },
  errors: { ...Int, description: 'Errors, refusals and budget stops' },
};
export const AiMetrics = Type.Object(METRIC_FIELDS, { $id: 'AiMetrics' });

const PipelineWithMetrics = Type.Object({
  id: Uuid,
  workspaceId: Uuid,
  name: Type.String(),
  slug: Type.String(),
  sector: Type.String(),
  status: Type.String(),
  monthlyCost: Num,
  metrics24h: Type.Ref('AiMetrics'),
});

export const AiWorkspaceSummary = Type.Object(
  {
    workspaceId: Uuid,
    name: Type.String(),
    sector: Type.String(),
    description: Type.String(),
    monthlyBudgetUsd: Nullable(Num),
    monthlyBudgetTokens: Nullable(Int),
    pipelines: Int,
    activePipelines: Int,
    monthlyCost: Num,
    requests24h: Int,
    cacheHits24h: Int,
    cacheMisses24h: Int,
    hitRate24h: Num,
    errors24h: Int,
    avgLatency24h: Num,
    tokensIn24h: Num,
    tokensOut24h: Num,
    costUsd24h: Num,
    costSaved24h: Num,
    tokensSaved24h: Num,
  },
  { $id: 'AiWorkspaceSummary' },
);

export const AiDashboard = Type.Object(
  {
    generatedAt: DateTime,
    window: Type.String({ enum: ['24h'] }),
    totals: Type.Ref('AiMetrics'),
    workspaces: Type.Array(Type.Ref('AiWorkspaceSummary')),
    pipelines: Type.Array(PipelineWithMetrics),
    topPipelines: Type.Array(PipelineWithMetrics),
    recentErrors: Type.Array(
      Type.Object({
        id: Num,
        at: DateTime,
        pipelineId: Uuid,
        pipelineName: Type.String(),
        status: Type.String(),
        errorCode: Nullable(Type.String()),
      }),
    ),
  },
  { $id: 'AiDashboard' },
);

export const AiWorkspaceSummaryList = Type.Object(
  { items: Type.Array(Type.Ref('AiWorkspaceSummary')) },
  { $id: 'AiWorkspaceSummaryList' },
);

export const SeriesQuery = Type.Object(
  {
    hours: Type.Integer({
      minimum: 1,
      maximum: 720,
      default: 24,
      description: 'Hourly buckets, the last one the current (partial) hour',
    }),
    bucket: Type.String({
      enum: ['hour', 'minute'],
      default: 'hour',
      description: '`minute`: the last 60 minutes, one bucket each (for the live chart); `hours` is ignored',
    }),
  },
  { additionalProperties: false },
);

export const AiMetricsSeries = Type.Object(
  {
    pipelineId: Uuid,
    bucket: Type.String({ enum: ['hour', 'minute'] }),
    points: Type.Array(Type.Object({ at: DateTime, partial: Type.Boolean(), ...METRIC_FIELDS })),
  },
  { $id: 'AiMetricsSeries' },
);

export const RequestsQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Type.String({ enum: ['ok', 'error', 'refused', 'budget', 'cancelled'] })),
    cache: Type.Optional(
      Type.String({
        enum: ['hit', 'off', 'miss', 'exact', 'semantic'],
        description: '`hit`: exact or semantic',
      }),
    ),
  },
  { additionalProperties: false },
);

const NullableText = Nullable(Type.String());
export const AiRequestRow = Type.Object(
  {
    id: Num,
    at: DateTime,
    pipelineVersion: Int,
    protocol: Type.String(),
    purpose: Type.String(),
    apiKeyId: Nullable(Uuid),
    cache: Type.String(),
    status: Type.String(),
    errorCode: NullableText,
    latencyMs: Num,
    upstreamMs: Num,
    tokensIn: Int,
    tokensOut: Int,
    costUsd: Num,
    tokensSaved: Int,
    costSavedUsd: Num,
    provider: NullableText,
    model: NullableText,
    cacheEntryId: Nullable(Uuid),
    prompt: { ...NullableText, description: 'Only when the pipeline stores prompts, within its retention' },
    response: NullableText,
  },
  { $id: 'AiRequestRow' },
);

export const AiRequestPage = Page(Type.Ref('AiRequestRow'), 'AiRequestPage');

export const SectorParams = Type.Object(
  { sector: Text({ minLength: 1, maxLength: 100, description: 'A sector of the tenant (any case)' }) },
  { additionalProperties: false },
);

export const DaysQuery = Type.Object(
  { days: Type.Integer({ minimum: 1, maximum: 366, default: 30, description: 'Days back, today included' }) },
  { additionalProperties: false },
);

export const AiSectorDashboard = Type.Object(
  {
    sector: Type.String(),
    metrics: Nullable(
      Type.Object({
        sector: Type.String(),
        workspaces: Int,
        pipelines: Int,
        activePipelines: Int,
        requests24h: Int,
        cacheHits24h: Int,
        cacheMisses24h: Int,
        hitRate24h: Num,
        errors24h: Int,
        avgLatency24h: Num,
        tokensIn24h: Num,
        tokensOut24h: Num,
        costUsd24h: Num,
        costSaved24h: Num,
        tokensSaved24h: Num,
        requests7d: Num,
        costSaved7d: Num,
      }),
    ),
    days: Type.Array(
      Type.Object({
        date: Day,
        totalRequests: Int,
        cacheHits: Int,
        cacheMisses: Int,
        avgLatency: Num,
        costSaved: Num,
        tokensSaved: Int,
        topQueryTypes: Type.Array(Type.Object({ type: Type.String(), count: Int, hitRate: Num })),
      }),
    ),
    pipelines: Type.Array(PipelineWithMetrics),
  },
  { $id: 'AiSectorDashboard' },
);

const PlatformAnalytics = Type.Object({
  since: DateTime,
  days: Int,
  tenantsWithTraffic: Int,
  tenants: { ...Int, description: 'Tenants with workspaces' },
  workspaces: Int,
  pipelines: Int,
  totals: Type.Ref('AiMetrics'),
  byDay: Type.Array(Type.Object({ day: Day, tenants: Int, ...METRIC_FIELDS })),
});

export const AiPlatformAnalytics = Type.Object(PlatformAnalytics.properties, {
  $id: 'AiPlatformAnalytics',
});

export const AiAnalytics = Type.Object(
  {
    since: DateTime,
    days: Int,
    totals: Type.Ref('AiMetrics'),
    byDay: Type.Array(Type.Object({ day: Day, ...METRIC_FIELDS })),
    byWorkspace: Type.Array(
      Type.Object({ workspaceId: Uuid, name: Nullable(Type.String()), ...METRIC_FIELDS }),
    ),
    byPurpose: Type.Array(Type.Object({ purpose: Type.String(), ...METRIC_FIELDS })),
    platform: {
      ...Nullable(Type.Ref('AiPlatformAnalytics')),
      description: 'Superadmins only: every tenant summed (counts and sums, no names)',
    },
  },
  { $id: 'AiAnalytics' },
);

export const METRICS_SCHEMAS = [
  AiMetrics,
  AiWorkspaceSummary,
  AiDashboard,
  AiWorkspaceSummaryList,
  AiMetricsSeries,
  AiRequestRow,
  AiRequestPage,
  AiSectorDashboard,
  AiPlatformAnalytics,
  AiAnalytics,
];
