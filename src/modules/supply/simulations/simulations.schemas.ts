import Type from 'typebox';
import { RUN_STATUSES } from '../../../platform/db/schema/index.ts';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { DateTime, Nullable, Text, Uuid } from '../../../platform/http/schemas.ts';
import { ScopeSchema } from '../forecasts/forecasts.schemas.ts';
import { KPIS } from './engine/index.ts';

// Request and response schemas of scenario sets and simulations.

export const MAX_SEED = 2_147_483_647;
const Probability = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const Seed = Type.Integer({ minimum: 0, maximum: MAX_SEED, description: 'Same seed, same results' });
const Horizon = Type.Integer({ minimum: 1, maximum: 365, description: 'Days simulated' });
const Open = Type.Record(Type.String(), Type.Unknown());

const closed = { additionalProperties: false } as const;

export const ScenarioSchema = Type.Object(
  {
    demandShocks: Type.Optional(
      Type.Object(
        {
          probabilityPerDay: Probability('Chance a shock starts on a day (per SKU, warehouse or network)'),
          multiplier: Type.Number({ minimum: 0, maximum: 20, description: 'Demand is multiplied by this' }),
          durationDays: Type.Integer({ minimum: 1, maximum: 365 }),
          scope: Type.Optional(
            Type.String({
              enum: ['sku', 'warehouse', 'network'],
              description: 'What one shock hits (default sku)',
            }),
          ),
        },
        closed,
      ),
    ),
    vehicleBreakdowns: Type.Optional(
      Type.Object(
        {
          probabilityPerVehicleDay: Probability('Chance a vehicle in service breaks down on a day'),
          repairDays: Type.Integer({ minimum: 1, maximum: 60 }),
        },
        closed,
      ),
    ),
    leadTimeNoise: Type.Optional(
      Type.Object(
        {
          cv: Type.Number({
            minimum: 0,
            maximum: 2,
            description: 'Extra coefficient of variation of lead times',
          }),
        },
        closed,
      ),
    ),
    travelDelays: Type.Optional(
      Type.Object(
        {
          probabilityPerDay: Probability('Chance of a delayed day per warehouse'),
          multiplier: Type.Number({
            minimum: 1,
            maximum: 10,
            description: 'Median travel-time factor on a delayed day',
          }),
          spread: Type.Number({ minimum: 0, maximum: 2, description: 'Log-normal spread of that factor' }),
        },
        closed,
      ),
    ),
  },
  { ...closed, description: 'Scenario kinds with their parameters (absent: none of that kind)' },
);

export const GenerateBody = Type.Object(
  {
    name: Text({ minLength: 1, maxLength: 200 }),
    seed: Seed,
    horizonDays: Type.Optional({ ...Horizon, default: 30 }),
    scenario: ScenarioSchema,
    previews: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 20,
        default: 5,
        description: 'Replications whose events are listed',
      }),
    ),
  },
  closed,
);

const PolicyBase = Type.String({ enum: ['current', 'recommended'] });

export const PolicySpecSchema = Type.Object(
  {
    base: PolicyBase,
    label: Type.Optional(Text({ minLength: 1, maxLength: 100 })),
    serviceLevel: Type.Optional(Type.Number({ minimum: 0.5, maximum: 0.999 })),
    serviceKind: Type.Optional(Type.String({ enum: ['cycle', 'fill_rate'] })),
    policy: Type.Optional(Type.String({ enum: ['sQ', 'RS'] })),
    reviewPeriodDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    reorderPointMultiplier: Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
    orderQuantityMultiplier: Type.Optional(Type.Number({ minimum: 0.01, maximum: 10 })),
  },
  { ...closed, description: 'A policy: its base and the overrides applied to every item' },
);

export const RunBody = Type.Object(
  {
    name: Text({ minLength: 1, maxLength: 200 }),
    scenarioSetId: Type.Optional({ ...Uuid, description: "Replay this scenario set's events (and seed)" }),
    scenario: Type.Optional(ScenarioSchema),
    replications: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 200 })),
    horizonDays: Type.Optional(Horizon),
    seed: Type.Optional(Seed),
    policies: Type.Optional(
      Type.Array(Type.Union([PolicyBase, PolicySpecSchema]), {
        minItems: 2,
        maxItems: 4,
        description: 'Compared policies; the first is the baseline (default: current, recommended)',
      }),
    ),
    scope: Type.Optional(
      Type.Object(
        {
          ...ScopeSchema.properties,
          limit: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 5000,
              default: 1000,
              description: 'At most this many SKU × warehouse items',
            }),
          ),
        },
        closed,
      ),
    ),
    shortageCostRate: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 100,
        default: 1,
        description: 'Cost of a unit of lost sales, as a fraction of its unit cost',
      }),
    ),
  },
  closed,
);

export const SimulationQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(Type.String({ enum: [...RUN_STATUSES] })) },
  closed,
);
export const ScenarioSetQuery = Type.Object({ ...PageQuery }, closed);

const Day = Type.Integer({ description: 'Day of the horizon, from 0' });

export const ScenarioPreviewSchema = Type.Object({
  replication: Type.Integer(),
  shocks: Type.Array(
    Type.Object({ day: Day, target: Type.String(), durationDays: Type.Integer(), multiplier: Type.Number() }),
  ),
  breakdowns: Type.Array(
    Type.Object({ day: Day, warehouse: Type.String(), vehicle: Type.String(), repairDays: Type.Integer() }),
  ),
  delays: Type.Array(Type.Object({ day: Day, warehouse: Type.String(), factor: Type.Number() })),
  /** More events happened than are listed. */
  truncated: Type.Boolean(),
});

export const ScenarioSetSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    seed: Type.Integer(),
    horizonDays: Type.Integer(),
    scenario: Open,
    note: Type.String(),
    previews: Type.Array(ScenarioPreviewSchema),
    createdBy: Nullable(Uuid),
    createdAt: DateTime,
  },
  { $id: 'SupplyScenarioSet' },
);

const DistributionSchema = {
  mean: Type.Number(),
  sd: Type.Number(),
  min: Type.Number(),
  p5: Type.Number(),
  p50: Type.Number(),
  p95: Type.Number(),
  max: Type.Number(),
};

export const KpiSummarySchema = Type.Object(
  {
    kpi: Type.String({ enum: [...KPIS] }),
    unit: Type.String(),
    higherIsBetter: Type.Boolean(),
    histogram: Type.Object({ from: Type.Number(), width: Type.Number(), bins: Type.Integer() }),
    policies: Type.Array(
      Type.Object({ policy: Type.String(), ...DistributionSchema, histogram: Type.Array(Type.Integer()) }),
    ),
    differences: Type.Array(
      Type.Object({
        policy: Type.String(),
        baseline: Type.String(),
        mean: Type.Number(),
        p5: Type.Number(),
        p50: Type.Number(),
        p95: Type.Number(),
        betterShare: Type.Number(),
        worseShare: Type.Number(),
      }),
    ),
  },
  { $id: 'SupplySimulationKpi' },
);

export const PolicyFactsSchema = Type.Object(
  {
    key: Type.String(),
    label: Type.String(),
    spec: Open,
    meanServiceLevel: Type.Number(),
    safetyStockUnits: Type.Number(),
    safetyStockValue: Type.Number(),
    continuousItems: Type.Integer(),
    periodicItems: Type.Integer(),
  },
  { $id: 'SupplySimulationPolicy' },
);

export const SimulationSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    status: Type.String({ enum: [...RUN_STATUSES] }),
    jobId: Nullable(Uuid),
    scenarioSetId: Nullable(Uuid),
    config: Type.Object({
      replications: Type.Integer(),
      horizonDays: Type.Integer(),
      seed: Type.Integer(),
      policies: Type.Array(Open),
      scope: Open,
      scenario: Open,
      shortageCostRate: Type.Number(),
    }),
    results: Type.Optional(
      Nullable(
        Type.Object({
          replications: Type.Integer(),
          horizonDays: Type.Integer(),
          items: Type.Integer(),
          warehouses: Type.Array(Type.String()),
          policies: Type.Array(Type.Ref('SupplySimulationPolicy')),
          kpis: Type.Array(Type.Ref('SupplySimulationKpi')),
          notes: Type.Array(Type.String()),
          seconds: Type.Number({
            description: 'Wall-clock time of the replications (not part of the results proper)',
          }),
        }),
      ),
    ),
    summary: Nullable(Type.String()),
    errorMessage: Nullable(Type.String()),
    createdBy: Nullable(Uuid),
    createdAt: DateTime,
    startedAt: Nullable(DateTime),
    finishedAt: Nullable(DateTime),
  },
  { $id: 'SupplySimulation' },
);

export const SIMULATION_SCHEMAS = [
  ScenarioSetSchema,
  KpiSummarySchema,
  PolicyFactsSchema,
  SimulationSchema,
  Page(Type.Ref('SupplyScenarioSet'), 'SupplyScenarioSetPage'),
  Page(Type.Ref('SupplySimulation'), 'SupplySimulationPage'),
];
