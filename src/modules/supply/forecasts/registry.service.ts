import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant, tenantOf } from '../../../platform/db/scope.ts';
import { badRequest, conflict, notFound } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import {
  deploymentHistory,
  findModel,
  insertDeployment,
  insertModel,
  listDeployments,
  listModels,
  type ModelRow,
} from './registry.repo.ts';

// The model registry: versions of the demand-forecast model (a forecasting configuration with its
// back-test metrics on the tenant's data), their deployments per stage and scope with history and
// rollback, and training jobs. Forecast runs use the production version and record which.

export const FORECAST_MODEL = 'demand-forecast';
export const DEFAULT_SCOPE = 'all';
export type Stage = 'production' | 'staging';

/** The first version: automatic selection among every method, three back-test origins. */
export const DEFAULT_FORECAST_PARAMETERS = { origins: 3 };

/** The production version of the forecast model; a tenant's first use registers and deploys v1. */
export async function productionForecastModel(tx: Executor, tenantId: string): Promise<ModelRow> {
  const [current] = await deploymentHistory(
    tx,
    { modelName: FORECAST_MODEL, stage: 'production', scope: DEFAULT_SCOPE },
    1,
  );
  const model = current ? await findModel(tx, current.modelId) : undefined;
  if (model) return model;
  const created = await insertModel(tx, {
    tenantId,
    name: FORECAST_MODEL,
    kind: 'forecast',
    parameters: DEFAULT_FORECAST_PARAMETERS,
    note: 'The default configuration: automatic selection among every method by rolling-origin back-test',
  });
  await insertDeployment(tx, {
    tenantId,
    modelId: created.id,
    modelName: created.name,
    stage: 'production',
    scope: DEFAULT_SCOPE,
    reason: 'first use: the default configuration',
  });
  return created;
}

export function createRegistryService({ db, jobs }: { db: Db; jobs: Pick<Jobs, 'submit'> }) {
  const modelOrThrow = async (tx: Executor, id: string) => {
    const model = await findModel(tx, id);
    if (!model) throw notFound('Model');
    return model;
  };

  return {
    /** Versions, each with the stages (scope `all`) it is deployed in now. */
    list: (principal: Principal, filter: { name?: string | undefined; limit: number; offset: number }) =>
      readInCallerTenant(db, principal, async (tx) => {
        const page = await listModels(tx, filter);
        const stages = new Map<string, Stage[]>();
        for (const name of new Set(page.items.map((m) => m.name)))
          for (const stage of ['production', 'staging'] as const) {
            const [head] = await deploymentHistory(tx, { modelName: name, stage, scope: DEFAULT_SCOPE }, 1);
            if (head) stages.set(head.modelId, [...(stages.get(head.modelId) ?? []), stage]);
          }
        return { ...page, stages };
      }),

    get: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const model = await modelOrThrow(tx, id);
        const current = await Promise.all(
          (['production', 'staging'] as const).map(async (stage) => {
            const [head] = await deploymentHistory(
              tx,
              { modelName: model.name, stage, scope: DEFAULT_SCOPE },
              1,
            );
            return head?.modelId === model.id ? stage : undefined;
          }),
        );
        return { model, stages: current.filter((s): s is Stage => s !== undefined) };
      }),

    deployments: (
      principal: Principal,
      filter: { modelName?: string | undefined; stage?: string | undefined; limit: number; offset: number },
    ) => readInCallerTenant(db, principal, (tx) => listDeployments(tx, filter)),

    /** Starts a training job: refit, back-test, register, and promote only if better. */
    async train(principal: Principal, input: { name?: string | undefined }) {
      const name = input.name ?? FORECAST_MODEL;
      if (name !== FORECAST_MODEL)
        throw badRequest(`Unknown model ${name}: the registry trains ${FORECAST_MODEL}`);
      return jobs.submit(
        'supply.train',
        { modelName: name, trigger: 'manual', requestedBy: principal.userId },
        { tenantId: tenantOf(principal), createdBy: principal.userId },
      );
    },

    promote: (
      principal: Principal,
      id: string,
      input: { stage: Stage; scope?: string | undefined; reason?: string | undefined },
    ) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        const model = await modelOrThrow(tx, id);
        const scope = input.scope ?? DEFAULT_SCOPE;
        const [head] = await deploymentHistory(tx, { modelName: model.name, stage: input.stage, scope }, 1);
        if (head?.modelId === model.id)
          throw conflict(`Version ${model.version} of ${model.name} is already in ${input.stage} (${scope})`);
        return insertDeployment(tx, {
          tenantId,
          modelId: model.id,
          modelName: model.name,
          stage: input.stage,
          scope,
          deployedBy: principal.userId,
          reason: input.reason ?? null,
        });
      }),

    /** Puts back the version deployed before the current one (the history keeps both). */
    rollback: (
      principal: Principal,
      input: { modelName: string; stage: Stage; scope?: string | undefined; reason?: string | undefined },
    ) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        const scope = input.scope ?? DEFAULT_SCOPE;
        const history = await deploymentHistory(tx, {
          modelName: input.modelName,
          stage: input.stage,
          scope,
        });
        const current = history[0];
        const previous = history.find((d) => d.modelId !== current?.modelId);
        if (!current || !previous)
          throw conflict(
            `Nothing to roll back to: ${input.modelName} has had one version in ${input.stage} (${scope})`,
          );
        return insertDeployment(tx, {
          tenantId,
          modelId: previous.modelId,
          modelName: input.modelName,
          stage: input.stage,
          scope,
          action: 'rollback',
          deployedBy: principal.userId,
          reason: input.reason ?? 'rollback',
        });
      }),
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
