import Type from 'typebox';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { DateTime, Day, Nullable, Text, Uuid } from '../../../platform/http/schemas.ts';
import { ScopeSchema } from '../forecasts/forecasts.schemas.ts';
import { ROUTING_SCHEMAS, RoutingRequestSchema } from '../routing-decisions/routing.schemas.ts';

// Request and response schemas of decisions and their explanations.

const STATUSES = ['pending', 'proposed', 'failed', 'approved', 'rejected', 'executed'];
const Money = Type.Number({ minimum: 0, maximum: 1e12 });
const Open = Type.Record(Type.String(), Type.Unknown());

export const DecisionConstraintsSchema = Type.Object(
  {
    budget: Type.Optional({ ...Money, description: 'Money available for the whole proposal' }),
    requiredBy: Type.Optional({
      ...Day,
      description: 'Stock needed by this day: a later arrival violates the lead-time check',
    }),
    forecastRunId: Type.Optional({
      ...Uuid,
      description: 'Use this completed forecast run instead of forecasting anew',
    }),
    respectCapacity: Type.Optional(
      Type.Boolean({ default: true, description: "Cut lines to the warehouses' free room" }),
    ),
  },
  { additionalProperties: false },
);

const DECISION_TYPES = ['replenishment', 'routing'];

export const DecisionStart = Type.Object(
  {
    type: Type.String({ enum: DECISION_TYPES }),
    scope: Type.Optional(ScopeSchema),
    constraints: Type.Optional(DecisionConstraintsSchema),
    routing: Type.Optional({
      ...RoutingRequestSchema,
      description: 'Type `routing` (required there): the day, depot, orders, vehicles, objective and limits',
    }),
  },
  { additionalProperties: false },
);

export const DecisionQuery = Type.Object(
  {
    ...PageQuery,
    type: Type.Optional(Type.String({ enum: DECISION_TYPES })),
    status: Type.Optional(Type.String({ enum: STATUSES })),
  },
  { additionalProperties: false },
);

export const ActionQuery = Type.Object(
  { ...PageQuery, sku: Type.Optional(Text({ maxLength: 100, minLength: 1 })) },
  { additionalProperties: false },
);

export const ApproveBody = Type.Object(
  { note: Type.Optional(Text({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export const RejectBody = Type.Object(
  { note: Text({ maxLength: 1000, minLength: 1 }) },
  { additionalProperties: false },
);

export const ActionSchema = Type.Object(
  {
    id: Uuid,
    position: Type.Integer(),
    kind: Type.String(),
    inventoryId: Nullable(Uuid),
    warehouseId: Uuid,
    sku: Type.String(),
    quantity: Type.Number(),
    orderDate: Day,
    arrivalDate: Day,
    amount: Type.Number(),
    reason: Type.String(),
    orderId: Nullable(Uuid),
  },
  { $id: 'SupplyDecisionAction' },
);

export const DecisionSchema = Type.Object(
  {
    id: Uuid,
    type: Type.String(),
    status: Type.String({ enum: STATUSES }),
    jobId: Nullable(Uuid),
    scope: ScopeSchema,
    constraints: Open,
    constraintChecks: Type.Array(Open),
    softScores: Open,
    predictedCost: Nullable(Type.Number()),
    costBreakdown: Type.Record(Type.String(), Type.Number()),
    confidence: Nullable(Type.Number()),
    confidenceNote: Nullable(Type.String()),
    summary: Nullable(Type.String()),
    modelVersions: Type.Array(Open),
    forecastRunId: Nullable(Uuid),
    errorMessage: Nullable(Type.String()),
    actionCount: Type.Integer({ description: 'Purchase-order lines (replenishment) or routes (routing)' }),
    actions: Type.Optional(Type.Array(Type.Ref('SupplyDecisionAction'))),
    plan: {
      ...Open,
      description: 'Routing: the resolved request, objective, unserved orders, search statistics',
    },
    createdBy: Nullable(Uuid),
    createdAt: DateTime,
    decidedBy: Nullable(Uuid),
    decidedAt: Nullable(DateTime),
    decisionNote: Nullable(Type.String()),
    executedBy: Nullable(Uuid),
    executedAt: Nullable(DateTime),
  },
  { $id: 'SupplyDecision' },
);

const FactorSchema = Type.Object({ kind: Type.String(), weight: Type.Number(), sentence: Type.String() });

export const ExplainedItemSchema = Type.Object(
  {
    actionId: Nullable(Uuid),
    inventoryId: Uuid,
    sku: Type.String(),
    warehouseId: Uuid,
    quantity: Type.Number(),
    amount: Nullable(Type.Number()),
    reason: Type.String(),
    factors: Type.Array(FactorSchema),
    policy: Open,
    risk: Open,
    confidence: Open,
    orderDate: Day,
    expectedArrival: Day,
    notes: Type.Array(Type.String()),
  },
  { $id: 'SupplyExplainedItem' },
);

export const ExplanationSchema = Type.Object(
  {
    decisionId: Uuid,
    type: Type.String(),
    status: Type.String({ enum: STATUSES }),
    summary: Type.String(),
    confidence: Type.Object({ value: Nullable(Type.Number()), sentence: Nullable(Type.String()) }),
    bindingConstraints: Type.Array(Open),
    constraints: Type.Array(Open),
    predictedCost: Type.Record(Type.String(), Type.Number()),
    modelVersions: Type.Array(Open),
    actionCount: Type.Integer(),
    items: Type.Array(Type.Ref('SupplyExplainedItem')),
    routing: Type.Optional(Type.Ref('SupplyRoutingExplanation')),
  },
  { $id: 'SupplyExplanation' },
);

export const FactorsSchema = Type.Object(
  {
    decisionId: Uuid,
    status: Type.String({ enum: STATUSES }),
    quantity: Type.Number(),
    totals: Type.Array(Type.Object({ kind: Type.String(), weight: Type.Number(), share: Type.Number() })),
    items: Type.Array(
      Type.Object({
        actionId: Uuid,
        sku: Type.String(),
        warehouseId: Uuid,
        quantity: Type.Number(),
        factors: Type.Array(FactorSchema),
      }),
    ),
    routes: Type.Optional(
      Type.Array(
        Type.Object({
          routeId: Uuid,
          vehicleCode: Type.String(),
          cost: Type.Number(),
          factors: Type.Array(FactorSchema),
        }),
        { description: 'Routing: cost components per route (totals are over all routes)' },
      ),
    ),
  },
  { $id: 'SupplyDecisionFactors' },
);

const Quantity = Type.Number({ minimum: 0, maximum: 1e12 });
const Days = Type.Number({ minimum: 0, maximum: 3650 });

export const HypotheticalBody = Type.Object(
  {
    inventoryId: Uuid,
    overrides: Type.Optional(
      Type.Object(
        {
          onHand: Type.Optional(Quantity),
          reserved: Type.Optional(Quantity),
          onOrder: Type.Optional(Quantity),
          unitCost: Type.Optional(Quantity),
          leadTimeDays: Type.Optional(Days),
          leadTimeSdDays: Type.Optional(Days),
          serviceLevel: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
          serviceKind: Type.Optional(Type.String({ enum: ['cycle', 'fill_rate'] })),
          moq: Type.Optional(Quantity),
          lotSize: Type.Optional(Type.Number({ minimum: 0.000001, maximum: 1e9 })),
          policy: Type.Optional(Type.String({ enum: ['sQ', 'RS'] })),
          reviewPeriodDays: Type.Optional(Days),
        },
        { additionalProperties: false },
      ),
    ),
    constraints: Type.Optional(
      Type.Object(
        { budget: Type.Optional(Money), requiredBy: Type.Optional(Day) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const HypotheticalSchema = Type.Object(
  {
    item: Type.Ref('SupplyExplainedItem'),
    constraints: Type.Array(Open),
    predictedCost: Open,
    forecast: Type.Object({ method: Type.String(), source: Type.String(), note: Nullable(Type.String()) }),
  },
  { $id: 'SupplyHypotheticalExplanation' },
);

export const DECISION_SCHEMAS = [
  ActionSchema,
  DecisionSchema,
  ExplainedItemSchema,
  ExplanationSchema,
  FactorsSchema,
  HypotheticalSchema,
  Page(Type.Ref('SupplyDecision'), 'SupplyDecisionPage'),
  Page(Type.Ref('SupplyDecisionAction'), 'SupplyDecisionActionPage'),
  ...ROUTING_SCHEMAS,
];
