import Type from 'typebox';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { DateTime, Day, Nullable, Text, Uuid } from '../../../platform/http/schemas.ts';

// Request and response schemas of forecasts and the model registry.

const Sku = Text({ maxLength: 100, minLength: 1 });

export const ScopeSchema = Type.Object(
  {
    skus: Type.Optional(Type.Array(Sku, { maxItems: 10_000, description: 'SKUs (all when absent)' })),
    warehouseIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
    categories: Type.Optional(Type.Array(Text({ maxLength: 100 }), { maxItems: 100 })),
  },
  { additionalProperties: false, description: 'Which SKU × warehouse series (every one when empty)' },
);

export const BucketSchema = Type.String({ enum: ['day', 'week', 'month'] });

export const ForecastStart = Type.Object(
  {
    scope: Type.Optional(ScopeSchema),
    bucket: Type.Optional({ ...BucketSchema, default: 'week' }),
    horizon: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 366, default: 13, description: 'Periods ahead (buckets)' }),
    ),
    level: Type.Optional(
      Type.Number({
        minimum: 0.5,
        maximum: 0.995,
        default: 0.95,
        description: 'Prediction interval coverage',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RunQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Type.String({ enum: ['queued', 'running', 'completed', 'failed'] })),
  },
  { additionalProperties: false },
);

export const SeriesQuery = Type.Object(
  {
    ...PageQuery,
    sku: Type.Optional(Sku),
    warehouseId: Type.Optional(Uuid),
    method: Type.Optional(Text({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

const ModelRef = Type.Object({ id: Uuid, name: Type.String(), version: Type.Integer() });

export const ForecastRun = Type.Object(
  {
    id: Uuid,
    jobId: Nullable(Uuid),
    status: Type.String({ enum: ['queued', 'running', 'completed', 'failed'] }),
    scope: ScopeSchema,
    bucket: BucketSchema,
    horizon: Type.Integer(),
    level: Type.Number(),
    model: Nullable(ModelRef),
    seriesCount: Type.Integer(),
    summary: Type.Record(Type.String(), Type.Unknown()),
    errorMessage: Nullable(Type.String()),
    createdBy: Nullable(Uuid),
    createdAt: DateTime,
    completedAt: Nullable(DateTime),
  },
  { $id: 'SupplyForecastRun' },
);

export const SeriesForecast = Type.Object(
  {
    id: Type.Integer(),
    runId: Uuid,
    inventoryId: Nullable(Uuid),
    warehouseId: Uuid,
    sku: Type.String(),
    startDate: Day,
    method: Type.String(),
    params: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])),
    demandClass: Type.String(),
    mean: Type.Array(Type.Number()),
    lower: Type.Array(Type.Number()),
    upper: Type.Array(Type.Number()),
    sigma: Type.Number(),
    mase: Nullable(Type.Number()),
    smape: Nullable(Type.Number()),
    backtest: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    historyLength: Type.Integer(),
    note: Nullable(Type.String()),
    createdAt: DateTime,
  },
  { $id: 'SupplySeriesForecast' },
);

export const ModelSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    kind: Type.String(),
    version: Type.Integer(),
    parameters: Type.Record(Type.String(), Type.Unknown()),
    trainingFrom: Nullable(Day),
    trainingTo: Nullable(Day),
    metrics: Type.Record(Type.String(), Type.Number()),
    artifact: Type.Record(Type.String(), Type.Unknown()),
    note: Nullable(Type.String()),
    stages: Type.Array(Type.String({ enum: ['production', 'staging'] })),
    createdBy: Nullable(Uuid),
    createdAt: DateTime,
  },
  { $id: 'SupplyModel' },
);

export const DeploymentSchema = Type.Object(
  {
    id: Uuid,
    modelId: Uuid,
    modelName: Type.String(),
    version: Type.Integer(),
    stage: Type.String({ enum: ['production', 'staging'] }),
    scope: Type.String(),
    action: Type.String({ enum: ['promote', 'rollback'] }),
    reason: Nullable(Type.String()),
    deployedBy: Nullable(Uuid),
    deployedAt: DateTime,
  },
  { $id: 'SupplyDeployment' },
);

export const ModelQuery = Type.Object(
  { ...PageQuery, name: Type.Optional(Text({ maxLength: 100 })) },
  { additionalProperties: false },
);
export const DeploymentQuery = Type.Object(
  {
    ...PageQuery,
    modelName: Type.Optional(Text({ maxLength: 100 })),
    stage: Type.Optional(Type.String({ enum: ['production', 'staging'] })),
  },
  { additionalProperties: false },
);
export const TrainRequest = Type.Object(
  { name: Type.Optional(Text({ maxLength: 100, minLength: 1 })) },
  { additionalProperties: false },
);
export const PromoteRequest = Type.Object(
  {
    stage: Type.String({ enum: ['production', 'staging'] }),
    scope: Type.Optional(Text({ maxLength: 100, minLength: 1 })),
    reason: Type.Optional(Text({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const RollbackRequest = Type.Object(
  {
    modelName: Text({ maxLength: 100, minLength: 1 }),
    stage: Type.String({ enum: ['production', 'staging'] }),
    scope: Type.Optional(Text({ maxLength: 100, minLength: 1 })),
    reason: Type.Optional(Text({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const FORECAST_SCHEMAS = [
  ForecastRun,
  SeriesForecast,
  ModelSchema,
  DeploymentSchema,
  Page(Type.Ref('SupplyForecastRun'), 'SupplyForecastRunPage'),
  Page(Type.Ref('SupplySeriesForecast'), 'SupplySeriesForecastPage'),
  Page(Type.Ref('SupplyModel'), 'SupplyModelPage'),
  Page(Type.Ref('SupplyDeployment'), 'SupplyDeploymentPage'),
];
