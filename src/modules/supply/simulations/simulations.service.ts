import type { Static } from 'typebox';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { ForecastScope } from '../../../platform/db/schema/index.ts';
import { inTenant, readInCallerTenant, tenantOf } from '../../../platform/db/scope.ts';
import { badRequest, notFound } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import {
  outlineShape,
  type PolicyBase,
  type PolicySpec,
  previewScenarios,
  type ScenarioSpec,
} from './engine/index.ts';
import { loadSimulationInput } from './simulation-input.ts';
import {
  findScenarioSet,
  findSimulation,
  insertScenarioSet,
  insertSimulation,
  listScenarioSets,
  listSimulations,
  scopeItemCount,
  updateSimulation,
} from './simulations.repo.ts';
import type { GenerateBody, RunBody } from './simulations.schemas.ts';

// Scenario sets (generated events with a seed, listed for the first replications) and simulation
// runs: started with their configuration as a `supply.simulate` job, read back with their KPI
// distributions. Analysts and admins start them; every role reads.

export const DEFAULT_HORIZON_DAYS = 30;
export const DEFAULT_REPLICATIONS = 200;
export const DEFAULT_ITEM_LIMIT = 1000;
export const DEFAULT_SEED = 1;
/** Replications × days × items × policies a run may ask for (about a minute on two cores). */
export const MAX_WORK = 1_000_000_000;

export interface SimulationScope extends ForecastScope {
  limit: number;
}

/** What a simulation was asked for, as stored (config). */
export interface SimulationConfig {
  replications: number;
  horizonDays: number;
  seed: number;
  policies: PolicySpec[];
  scope: SimulationScope;
  scenario: ScenarioSpec;
  shortageCostRate: number;
}

export interface ScenarioSetParameters {
  horizonDays: number;
  scenario: ScenarioSpec;
  note: string;
}

/** The bodies as validated by their schemas (closed enums arrive as checked strings). */
export type GenerateRequest = Static<typeof GenerateBody>;
export type RunRequest = Static<typeof RunBody>;

const DEFAULT_POLICIES: PolicySpec[] = [{ base: 'current' }, { base: 'recommended' }];

const cleanScope = (scope: RunRequest['scope']): SimulationScope => ({
  ...(scope?.skus?.length ? { skus: [...new Set(scope.skus)] } : {}),
  ...(scope?.warehouseIds?.length ? { warehouseIds: [...new Set(scope.warehouseIds)] } : {}),
  ...(scope?.categories?.length ? { categories: [...new Set(scope.categories)] } : {}),
  limit: scope?.limit ?? DEFAULT_ITEM_LIMIT,
});

/** A JSON copy without the undefined members typebox leaves out anyway (jsonb keeps it tidy). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function createSimulationsService({ db, jobs }: { db: Db; jobs: Pick<Jobs, 'submit'> }) {
  return {
    /** Stores a scenario set, listing the events of its first replications over the tenant's items. */
    async generate(principal: Principal, request: GenerateRequest) {
      const tenantId = tenantOf(principal);
      const horizonDays = request.horizonDays ?? DEFAULT_HORIZON_DAYS;
      const input = await loadSimulationInput(db, tenantId, {}, DEFAULT_ITEM_LIMIT, { withDemand: false });
      const scenario = plain(request.scenario) as ScenarioSpec;
      const shape = outlineShape({
        horizonDays,
        seed: request.seed,
        scenario,
        itemWarehouses: input.items.map((i) => i.warehouse),
        vehicles: input.warehouses.map((w) => w.vehicles),
      });
      const previews = previewScenarios(shape, input.names, request.previews ?? 5);
      const parameters: ScenarioSetParameters = {
        horizonDays,
        scenario,
        note:
          `Replication r of a run with this set (seed ${request.seed}, ${horizonDays} days) over all ` +
          `${input.items.length} items and the ${input.warehouses.length} warehouses' fleets meets the events ` +
          'listed for it; a run over another scope draws the same kinds of events from the same seed.',
      };
      return inTenant(db, tenantId, (tx) =>
        insertScenarioSet(tx, {
          tenantId,
          name: request.name,
          seed: request.seed,
          parameters: parameters as unknown as Record<string, unknown>,
          scenarios: previews as unknown as Record<string, unknown>[],
          createdBy: principal.userId,
        }),
      );
    },

    listScenarioSets: (principal: Principal, filter: { limit: number; offset: number }) =>
      readInCallerTenant(db, principal, (tx) => listScenarioSets(tx, filter)),

    getScenarioSet: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const row = await findScenarioSet(tx, id);
        if (!row) throw notFound('Scenario set');
        return row;
      }),

    /** Checks the request, stores the simulation as queued and submits its job. */
    async run(principal: Principal, request: RunRequest) {
      const tenantId = tenantOf(principal);
      if (request.scenarioSetId && request.scenario)
        throw badRequest('Give a scenarioSetId or a scenario, not both: a scenario set fixes the events');
      const policies = (request.policies ?? DEFAULT_POLICIES).map(
        (p): PolicySpec => (typeof p === 'string' ? { base: p as PolicyBase } : (plain(p) as PolicySpec)),
      );
      const labels = policies.map((p) => p.label).filter(Boolean);
      if (new Set(labels).size !== labels.length) throw badRequest('Two policies have the same label');
      const scope = cleanScope(request.scope);
      const row = await inTenant(db, tenantId, async (tx) => {
        const set = request.scenarioSetId ? await findScenarioSet(tx, request.scenarioSetId) : undefined;
        if (request.scenarioSetId && !set) throw badRequest('Unknown scenarioSetId');
        const setParameters = set?.parameters as ScenarioSetParameters | undefined;
        const config: SimulationConfig = {
          replications: request.replications ?? DEFAULT_REPLICATIONS,
          horizonDays: request.horizonDays ?? setParameters?.horizonDays ?? DEFAULT_HORIZON_DAYS,
          seed: request.seed ?? set?.seed ?? DEFAULT_SEED,
          policies,
          scope,
          scenario: setParameters?.scenario ?? (plain(request.scenario ?? {}) as ScenarioSpec),
          shortageCostRate: request.shortageCostRate ?? 1,
        };
        const items = Math.min(scope.limit, await scopeItemCount(tx, scope));
        if (items === 0) throw badRequest('The scope matches no SKU at any warehouse: nothing to simulate');
        const work = config.replications * config.horizonDays * items * policies.length;
        if (work > MAX_WORK)
          throw badRequest(
            `The simulation is too large: ${config.replications} replications × ${config.horizonDays} days × ` +
              `${items} items × ${policies.length} policies is ${work.toExponential(2)} item-days; at most ` +
              `${MAX_WORK.toExponential(0)} (fewer replications, a shorter horizon or a smaller scope)`,
          );
        return insertSimulation(tx, {
          tenantId,
          name: request.name,
          scenarioSetId: set?.id ?? null,
          config: config as unknown as Record<string, unknown>,
          createdBy: principal.userId,
        });
      });
      const job = await jobs.submit(
        'supply.simulate',
        { simulationId: row.id },
        { tenantId, createdBy: principal.userId },
      );
      return inTenant(
        db,
        tenantId,
        async (tx) => (await updateSimulation(tx, row.id, { jobId: job.id })) ?? row,
      );
    },

    list: (principal: Principal, filter: { status?: string | undefined; limit: number; offset: number }) =>
      readInCallerTenant(db, principal, (tx) => listSimulations(tx, filter)),

    get: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const row = await findSimulation(tx, id);
        if (!row) throw notFound('Simulation');
        return row;
      }),
  };
}

export type SimulationsService = ReturnType<typeof createSimulationsService>;
