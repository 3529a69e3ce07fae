// Request and response schemas of analyses, the analyzer configuration and the chat (issue 14).
// Every number bounded, every string limited, every list capped, every enum closed.
import Type from 'typebox';
import { Page } from '../../platform/http/pagination.ts';
import { DateTime, literals, Nullable, Text, Uuid } from '../../platform/http/schemas.ts';
import { CONFIG_VARIABLES, PRESETS, SPC_RULE_SETS } from './analysis/config.ts';
import { ANALYZERS, ENTITY_TYPES, SEVERITIES } from './analysis/types.ts';

export const ANALYSIS_STATUSES = ['processing', 'completed', 'failed'] as const;
export const PRESET_TYPES = [...PRESETS, 'custom'] as const;
const SOURCES = [...ANALYZERS, 'cross'] as const;

/** One property per configuration variable, typed and bounded as config.ts defines it. */
const configProperties = Object.fromEntries(
  CONFIG_VARIABLES.map((v) => {
    const description = `${v.description} (${v.analyzer}${v.unit ? `, ${v.unit}` : ''})`;
    if (v.type === 'boolean') return [v.key, Type.Optional(Type.Boolean({ description }))];
    if (v.type === 'enum') return [v.key, Type.Optional(literals(SPC_RULE_SETS))];
    const bounds = { minimum: v.min, maximum: v.max, description };
    return [v.key, Type.Optional(v.type === 'integer' ? Type.Integer(bounds) : Type.Number(bounds))];
  }),
);
export const ConfigValuesInput = Type.Object(configProperties, {
  $id: 'AnalyzerConfigValues',
  additionalProperties: false,
  description: 'Values of the 39 analyzer variables (any subset)',
});

const Num = Type.Number();
const Score = Type.Number({ description: 'Currency-equivalent used for ranking' });

export const InsightSchema = Type.Object(
  {
    id: Type.Integer({ description: 'Rank within the analysis (1 = largest impact)' }),
    key: Type.String(),
    analyzer: literals(SOURCES),
    kind: Type.String(),
    severity: literals(SEVERITIES),
    title: Type.String(),
    detail: Type.String(),
    entity: Nullable(Type.Object({ type: literals(ENTITY_TYPES), id: Type.String() })),
    impact: Type.Object({
      currency: Nullable(Num),
      hours: Nullable(Num),
      units: Nullable(Num),
      formula: Type.String(),
      score: Score,
    }),
    evidence: Type.Object({
      metric: Type.String(),
      value: Num,
      baseline: Nullable(Num),
      expected: Nullable(Num),
      statistic: Nullable(Type.Object({ name: Type.String(), value: Num })),
      pValue: Nullable(Num),
      sampleSize: Num,
    }),
    recommendation: Type.String(),
    rowCount: Type.Integer(),
    rows: Type.Record(Type.String(), Type.Unknown(), { description: 'How the rows behind it are selected' }),
    chart: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { $id: 'Insight' },
);

export const AnalysisSummary = Type.Object(
  {
    id: Uuid,
    importId: Uuid,
    batchId: Uuid,
    facilityId: Uuid,
    name: Type.String(),
    status: literals(ANALYSIS_STATUSES),
    dataTier: Nullable(Type.Integer()),
    analyzersRun: Type.Array(Type.String()),
    insightCount: Type.Integer(),
    rowCount: Type.Integer(),
    errorMessage: Nullable(Type.String()),
    jobId: Nullable(Type.String()),
    createdAt: DateTime,
    completedAt: Nullable(DateTime),
  },
  { $id: 'AnalysisSummary' },
);
export const AnalysisDetail = Type.Object(
  {
    ...AnalysisSummary.properties,
    fileName: Nullable(Type.String()),
    fileSize: Nullable(Type.Integer()),
    analyzers: Type.Record(Type.String(), Type.Unknown()),
    config: Type.Record(Type.String(), Type.Unknown()),
    results: Nullable(Type.Record(Type.String(), Type.Unknown())),
    narrative: Nullable(Type.String()),
    narrativeSource: Nullable(Type.String()),
    insights: Type.Array(Type.Ref('Insight')),
    timings: Type.Record(Type.String(), Type.Number()),
  },
  { $id: 'AnalysisDetail' },
);
export const AnalysisPage = Page(Type.Ref('AnalysisSummary'), 'AnalysisPage');

export const InsightRowsPage = Type.Object(
  {
    insight: Type.Ref('Insight'),
    items: Type.Array(
      Type.Object({
        id: Type.Integer(),
        rowNo: Type.Integer(),
        values: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean()])),
      }),
    ),
    total: Type.Integer(),
    limit: Type.Integer(),
    offset: Type.Integer(),
  },
  { $id: 'InsightRowsPage' },
);

export const StartAnalysis = Type.Object(
  {
    importId: Uuid,
    name: Type.Optional(Text({ minLength: 1, maxLength: 200 })),
    config: Type.Optional(Type.Ref('AnalyzerConfigValues')),
  },
  { additionalProperties: false },
);

export const AnalyzerConfig = Type.Object(
  {
    customerId: Uuid,
    facilityId: Nullable(Uuid),
    presetType: literals(PRESET_TYPES),
    own: Type.Boolean({ description: 'False: no configuration of its own, the values are inherited' }),
    values: Type.Record(Type.String(), Type.Union([Type.Boolean(), Type.Number(), Type.String()])),
    diffFromPreset: Type.Array(Type.Ref('ConfigChange')),
    updatedAt: Nullable(DateTime),
  },
  { $id: 'AnalyzerConfig' },
);
export const ConfigChange = Type.Object(
  {
    variable: Type.String(),
    from: Type.Union([Type.Boolean(), Type.Number(), Type.String(), Type.Null()]),
    to: Type.Union([Type.Boolean(), Type.Number(), Type.String(), Type.Null()]),
  },
  { $id: 'ConfigChange' },
);
export const ConfigHistoryEntry = Type.Object(
  {
    id: Type.Integer(),
    facilityId: Nullable(Uuid),
    presetType: literals(PRESET_TYPES),
    changedBy: Nullable(Uuid),
    changedAt: DateTime,
    diff: Type.Array(Type.Ref('ConfigChange')),
  },
  { $id: 'ConfigHistoryEntry' },
);
export const ConfigVariableInfo = Type.Object(
  {
    key: Type.String(),
    analyzer: Type.String(),
    type: literals(['number', 'integer', 'boolean', 'enum'] as const),
    unit: Type.String(),
    min: Nullable(Type.Number()),
    max: Nullable(Type.Number()),
    values: Nullable(Type.Array(Type.String())),
    default: Type.Union([Type.Boolean(), Type.Number(), Type.String()]),
    description: Type.String(),
  },
  { $id: 'ConfigVariable' },
);
export const ConfigPresets = Type.Object(
  {
    variables: Type.Array(Type.Ref('ConfigVariable')),
    presets: Type.Record(
      Type.String(),
      Type.Record(Type.String(), Type.Union([Type.Boolean(), Type.Number(), Type.String()])),
    ),
  },
  { $id: 'ConfigPresets' },
);

export const ChatMessageSchema = Type.Object(
  {
    id: Uuid,
    role: literals(['user', 'assistant'] as const),
    content: Type.String(),
    sources: Nullable(Type.Record(Type.String(), Type.Unknown())),
    createdAt: DateTime,
  },
  { $id: 'ChatMessage' },
);

export const ChatInput = Type.Object(
  { message: Text({ minLength: 1, maxLength: 4000, description: 'The question' }) },
  { additionalProperties: false },
);

export const ANALYSES_SCHEMAS = [
  ConfigValuesInput,
  InsightSchema,
  AnalysisSummary,
  AnalysisDetail,
  AnalysisPage,
  InsightRowsPage,
  ConfigChange,
  AnalyzerConfig,
  ConfigHistoryEntry,
  ConfigVariableInfo,
  ConfigPresets,
  ChatMessageSchema,
];
