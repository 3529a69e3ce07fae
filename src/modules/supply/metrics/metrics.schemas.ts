import Type from 'typebox';
import { ANOMALY_KINDS, ANOMALY_STATUSES, METRIC_SOURCES } from '../../../platform/db/schema/index.ts';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { DateTime, Day, literals, Nullable, Text, Uuid } from '../../../platform/http/schemas.ts';
import { KPI_NAME_PATTERN, KPI_NAMES, KPIS } from './kpis.ts';

// Request and response schemas of KPI measurements, reports, the dashboard, targets and anomalies.

const KpiName = Type.String({
  pattern: KPI_NAME_PATTERN,
  maxLength: 63,
  description: `A KPI: ${KPI_NAMES.join(', ')}, or a custom name (lower-case letters, digits, underscores)`,
});
const Figure = Type.Number({ minimum: -1e12, maximum: 1e12 });
const Num = Type.Number();
const NullableNum = Nullable(Type.Number());
const Better = literals(['higher', 'lower'] as const);
const STATUSES = ['met', 'near', 'missed', 'no_data', 'no_target'] as const;

const Dimensions = Type.Record(
  Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,39}$' }),
  Type.Union([Text({ maxLength: 200 }), Figure, Type.Boolean()]),
  {
    maxProperties: 20,
    additionalProperties: false,
    description:
      'Tags or the figures behind the value (at most 20; names are letters, digits, underscores). Numeric `numerator` and `denominator` make periods combine as a ratio of sums',
  },
);

export const MetricCreate = Type.Object(
  {
    kpi: KpiName,
    value: { ...Figure, description: 'Ratios (fill rate, OTIF, utilisation) are 0 … 1' },
    unit: Type.Optional(Text({ minLength: 1, maxLength: 30, description: "Default: the KPI's own unit" })),
    day: { ...Day, description: 'The day the figure is for (not after today, UTC)' },
    warehouseId: Type.Optional(Uuid),
    dimensions: Type.Optional(Dimensions),
    note: Type.Optional(Text({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const MetricQuery = Type.Object(
  {
    ...PageQuery,
    kpi: Type.Optional(KpiName),
    warehouseId: Type.Optional(Uuid),
    source: Type.Optional(literals(METRIC_SOURCES)),
    from: Type.Optional({ ...Day, description: 'Days on or after' }),
    to: Type.Optional({ ...Day, description: 'Days on or before' }),
  },
  { additionalProperties: false },
);

export const MetricSchema = Type.Object(
  {
    id: Uuid,
    kpi: Type.String(),
    day: Day,
    value: Num,
    unit: Nullable(Type.String()),
    warehouseId: Nullable(Uuid),
    source: literals(METRIC_SOURCES),
    dimensions: Type.Record(Type.String(), Type.Unknown()),
    note: Nullable(Type.String()),
    createdBy: Nullable(Uuid),
    createdAt: DateTime,
  },
  { $id: 'SupplyMetric' },
);

export const ReportParams = Type.Object({ kpiName: KpiName });

export const ReportQuery = Type.Object(
  {
    from: Type.Optional({ ...Day, description: 'First day (default: 89 days before `to`)' }),
    to: Type.Optional({ ...Day, description: 'Last day (default: yesterday, UTC)' }),
    bucket: Type.Optional(
      Type.String({ enum: ['day', 'week', 'month'], default: 'day', description: 'Weeks start on Monday' }),
    ),
    warehouseId: Type.Optional({
      ...Uuid,
      description: "One warehouse's figures (default: the whole tenant's)",
    }),
    source: Type.Optional(literals(METRIC_SOURCES)),
  },
  { additionalProperties: false },
);

const TrendSchema = Type.Object({
  change: NullableNum,
  changeRatio: NullableNum,
  direction: Nullable(Type.String({ enum: ['up', 'down', 'flat'] })),
  improving: Nullable(Type.Boolean()),
});

const TargetSchema = Type.Object({
  value: NullableNum,
  source: Type.String({ enum: ['default', 'tenant', 'none'] }),
  status: Type.String({ enum: [...STATUSES] }),
});

export const ReportSchema = Type.Object(
  {
    kpi: Type.String(),
    label: Type.String(),
    unit: Nullable(Type.String()),
    better: Nullable(Better),
    description: Nullable(Type.String()),
    bucket: Type.String({ enum: ['day', 'week', 'month'] }),
    from: Day,
    to: Day,
    warehouseId: Nullable(Uuid),
    points: Type.Array(
      Type.Object({
        start: Day,
        end: Day,
        value: Num,
        count: Type.Integer({ description: 'Measurements in the bucket' }),
      }),
    ),
    value: Nullable({ ...Num, description: 'The whole range combined' }),
    previous: Type.Object({ from: Day, to: Day, value: NullableNum }),
    trend: TrendSchema,
    aggregates: Type.Object({
      mean: NullableNum,
      min: NullableNum,
      max: NullableNum,
      last: NullableNum,
      count: Type.Integer(),
    }),
    target: TargetSchema,
  },
  { $id: 'SupplyKpiReport' },
);

export const DashboardQuery = Type.Object(
  {
    days: Type.Optional(
      Type.Integer({ minimum: 7, maximum: 90, default: 30, description: 'Length of the current period' }),
    ),
    to: Type.Optional({ ...Day, description: 'Last day of the period (default: yesterday, UTC)' }),
    warehouseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const KpiCardSchema = Type.Object(
  {
    kpi: Type.String(),
    label: Type.String(),
    unit: Nullable(Type.String()),
    better: Nullable(Better),
    description: Nullable(Type.String()),
    value: NullableNum,
    previous: NullableNum,
    trend: TrendSchema,
    target: NullableNum,
    targetSource: Type.String({ enum: ['default', 'tenant', 'none'] }),
    status: Type.String({ enum: [...STATUSES] }),
    sparkline: Type.Array(Type.Object({ day: Day, value: Num })),
  },
  { $id: 'SupplyKpiCard' },
);

export const DashboardSchema = Type.Object(
  {
    from: Day,
    to: Day,
    days: Type.Integer(),
    previousFrom: Day,
    previousTo: Day,
    warehouseId: Nullable(Uuid),
    rolledThrough: Nullable(Day),
    kpis: Type.Array(Type.Ref('SupplyKpiCard')),
  },
  { $id: 'SupplyKpiDashboard' },
);

export const TargetsBody = Type.Object(
  {
    targets: Type.Object(
      Object.fromEntries(
        KPI_NAMES.map((name) => [
          name,
          Type.Optional(
            Nullable(
              Type.Number({
                minimum: KPIS[name].min,
                maximum: KPIS[name].max,
                description: `${KPIS[name].label} (${KPIS[name].unit}); null: back to the default ${KPIS[name].target}`,
              }),
            ),
          ),
        ]),
      ),
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const TargetsSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        kpi: Type.String(),
        label: Type.String(),
        unit: Type.String(),
        better: Better,
        target: Num,
        default: Num,
        overridden: Type.Boolean(),
      }),
    ),
  },
  { $id: 'SupplyKpiTargets' },
);

export const RollupBody = Type.Object(
  {
    from: Type.Optional({
      ...Day,
      description: 'First day to recompute (default: after the last rolled-up day)',
    }),
    through: Type.Optional({
      ...Day,
      description: 'Last day (default yesterday; today is recomputed again tomorrow)',
    }),
  },
  { additionalProperties: false },
);

export const AnomalyQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(literals(ANOMALY_KINDS)),
    status: Type.Optional(literals(ANOMALY_STATUSES)),
    orderId: Type.Optional(Uuid),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
  },
  { additionalProperties: false },
);

export const AnomalySchema = Type.Object(
  {
    id: Uuid,
    kind: literals(ANOMALY_KINDS),
    orderId: Nullable(Uuid),
    routeId: Nullable(Uuid),
    day: Day,
    value: Num,
    expected: Num,
    score: Num,
    detail: Type.String(),
    status: literals(ANOMALY_STATUSES),
    createdAt: DateTime,
  },
  { $id: 'SupplyAnomaly' },
);

export const METRIC_SCHEMAS = [
  MetricSchema,
  ReportSchema,
  KpiCardSchema,
  DashboardSchema,
  TargetsSchema,
  AnomalySchema,
  Page(Type.Ref('SupplyMetric'), 'SupplyMetricPage'),
  Page(Type.Ref('SupplyAnomaly'), 'SupplyAnomalyPage'),
];
