import Type from 'typebox';
import { DateTime, Day, Nullable, Uuid } from '../../../platform/http/schemas.ts';

// Response shapes of the web app's endpoints (/supply/frontend/...): each is one screen's data.

const Count = Type.Integer({ minimum: 0 });
const Num = Type.Number();
const Link = Type.String({ description: 'A path: web pages start with /supply, API resources with /api/v1' });

export const FrontendDashboardQuery = Type.Object(
  {
    days: Type.Optional(
      Type.Integer({
        minimum: 7,
        maximum: 90,
        default: 30,
        description: "Length of the KPIs' current period",
      }),
    ),
    to: Type.Optional({ ...Day, description: "Last day of the KPIs' period (default: yesterday, UTC)" }),
  },
  { additionalProperties: false },
);

export const FrontendDashboardSchema = Type.Object(
  {
    kpis: Type.Ref('SupplyKpiDashboard'),
    counts: Type.Object({
      warehouses: Count,
      stockPoints: Count,
      vehicles: Count,
      clients: Count,
      openOrders: Count,
      lateOrders: { ...Count, description: 'Open orders whose requested day has passed' },
      openAnomalies: Count,
      decisionsAwaiting: { ...Count, description: 'Proposed or approved, waiting for a person' },
    }),
    recentDecisions: Type.Array(
      Type.Object({
        id: Uuid,
        type: Type.String(),
        status: Type.String(),
        summary: Nullable(Type.String()),
        predictedCost: Nullable(Type.Number()),
        createdAt: DateTime,
        page: Link,
      }),
    ),
    anomalies: Type.Array(Type.Ref('SupplyAnomaly'), { description: 'The newest open anomalies' }),
  },
  { $id: 'SupplyFrontendDashboard' },
);

const byKeys = (keys: readonly string[]) => Type.Object(Object.fromEntries(keys.map((k) => [k, Count])));

export const FrontendEntitiesSchema = Type.Object(
  {
    warehouses: Type.Array(
      Type.Object({
        id: Uuid,
        code: Type.String(),
        name: Type.String(),
        stockPoints: Count,
        inventoryValue: Num,
        stockOuts: Count,
        openOrders: Count,
        vehicles: Count,
      }),
    ),
    vehicles: Type.Object({
      total: Count,
      byStatus: byKeys(['available', 'in_service', 'maintenance', 'retired']),
    }),
    clients: Type.Object({ total: Count, withCoordinates: Count, withTimeWindows: Count }),
    orders: Type.Object({
      open: Count,
      byStatus: byKeys(['draft', 'confirmed', 'allocated', 'shipped']),
      byKind: byKeys(['customer', 'purchase', 'transfer']),
      dueToday: Count,
      overdue: Count,
    }),
    inventory: Type.Object({ stockPoints: Count, skus: Count, value: Num, stockOuts: Count }),
  },
  { $id: 'SupplyFrontendEntities' },
);

export const FrontendDecisionStartedSchema = Type.Object(
  {
    decision: Type.Object({
      id: Uuid,
      type: Type.String(),
      status: Type.String(),
      jobId: Nullable(Uuid),
      createdAt: DateTime,
    }),
    links: Type.Object({ page: Link, decision: Link, insights: Link, job: Nullable(Link) }),
  },
  { $id: 'SupplyFrontendDecisionStarted' },
);

export const FrontendInsightsSchema = Type.Object(
  {
    decision: Type.Object({
      id: Uuid,
      type: Type.String(),
      status: Type.String(),
      summary: Nullable(Type.String()),
      createdAt: DateTime,
      decidedAt: Nullable(DateTime),
      executedAt: Nullable(DateTime),
    }),
    headline: Type.String(),
    ready: Type.Boolean({ description: 'False while the decision is being computed' }),
    figures: Type.Array(
      Type.Object({ label: Type.String(), value: Num, unit: Type.String(), detail: Nullable(Type.String()) }),
    ),
    costBreakdown: Type.Array(Type.Object({ component: Type.String(), amount: Num, share: Num })),
    checks: Type.Object({
      total: Count,
      passed: Count,
      failed: Count,
      failing: Type.Array(Type.Object({ name: Type.String(), detail: Type.String() })),
    }),
    bindingConstraints: Type.Array(Type.Object({ name: Type.String(), detail: Type.String() })),
    highlights: Type.Array(Type.String()),
    links: Type.Object({ page: Link, decision: Link, explanation: Link }),
  },
  { $id: 'SupplyFrontendInsights' },
);

const Distribution = { mean: Num, p5: Num, p50: Num, p95: Num };

export const FrontendSimulationResultsSchema = Type.Object(
  {
    simulation: Type.Object({
      id: Uuid,
      name: Type.String(),
      status: Type.String(),
      summary: Nullable(Type.String()),
      errorMessage: Nullable(Type.String()),
      createdAt: DateTime,
      finishedAt: Nullable(DateTime),
      replications: Nullable(Type.Integer()),
      horizonDays: Nullable(Type.Integer()),
      seed: Nullable(Type.Integer()),
    }),
    ready: Type.Boolean({ description: 'False until the simulation has completed' }),
    policies: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
    charts: Type.Array(
      Type.Object({
        kpi: Type.String(),
        label: Type.String(),
        unit: Type.String(),
        higherIsBetter: Type.Boolean(),
        bars: Type.Array(Type.Object({ policy: Type.String(), ...Distribution })),
        histogram: Type.Object({
          edges: Type.Array(Num, { description: 'Bin edges: bins + 1 values' }),
          series: Type.Array(Type.Object({ policy: Type.String(), counts: Type.Array(Type.Integer()) })),
        }),
        comparisons: Type.Array(
          Type.Object({
            policy: Type.String(),
            baseline: Type.String(),
            meanDifference: Num,
            p5: Num,
            p95: Num,
            betterShare: Num,
            worseShare: Num,
            verdict: Type.String({
              enum: ['better', 'worse', 'unclear'],
              description: "Whether the difference's 5–95 % band lies on one side of zero",
            }),
          }),
        ),
      }),
    ),
  },
  { $id: 'SupplyFrontendSimulationResults' },
);

export const FRONTEND_SCHEMAS = [
  FrontendDashboardSchema,
  FrontendEntitiesSchema,
  FrontendDecisionStartedSchema,
  FrontendInsightsSchema,
  FrontendSimulationResultsSchema,
];
