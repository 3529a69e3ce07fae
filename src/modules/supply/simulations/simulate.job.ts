// The simulation job: load the scope's items with their recent demand and the warehouses' delivery
// models, compute each compared policy's parameters, run the replications in chunks in the compute
// pool (progress after each chunk) and store the KPI distributions with the `completed` status,
// exactly once.
import type { Compute } from '../../../platform/compute/compute.ts';
import type { Db } from '../../../platform/db/database.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { innermostMessage } from '../../../platform/observability/safe-error.ts';
import { throttledProgress } from '../forecasts/forecast.job.ts';
import { buildModel, type KpiSummary, type PolicyFacts } from './engine/index.ts';
import { runReplications } from './run-replications.ts';
import { loadSimulationInput } from './simulation-input.ts';
import { findSimulation, updateSimulation } from './simulations.repo.ts';
import type { SimulationConfig } from './simulations.service.ts';

export interface SimulateJobPayload {
  simulationId: string;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'supply.simulate': SimulateJobPayload;
  }
}

const RETRY_LIMIT = 1;

/** The stored results of a completed simulation. */
export interface SimulationResults {
  replications: number;
  horizonDays: number;
  items: number;
  warehouses: string[];
  policies: PolicyFacts[];
  kpis: KpiSummary[];
  notes: string[];
  seconds: number;
}

const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

/** One sentence on the first two policies' fill rate and total cost. */
export function summarySentence(
  results: Pick<SimulationResults, 'policies' | 'kpis' | 'replications'>,
): string {
  const [a, b] = results.policies;
  const fill = results.kpis.find((k) => k.kpi === 'fill_rate');
  const cost = results.kpis.find((k) => k.kpi === 'total_cost');
  if (!a || !b || !fill || !cost) return `${results.replications} replications.`;
  const fa = fill.policies[0]?.mean ?? 0;
  const fb = fill.policies[1]?.mean ?? 0;
  const diff = cost.differences[0];
  return (
    `Over ${results.replications} replications, ${b.label} reaches a mean fill rate of ${percent(fb)} ` +
    `against ${percent(fa)} for ${a.label}` +
    (diff ? `; its total cost is lower in ${percent(diff.betterShare)} of the replications.` : '.')
  );
}

export function simulateJob(deps: {
  db: Db;
  compute: Pick<Compute, 'run'>;
}): JobDefinition<'supply.simulate'> {
  const { db, compute } = deps;
  return {
    name: 'supply.simulate',
    retryLimit: RETRY_LIMIT,
    timeoutSeconds: 3600,
    async run({ simulationId }, ctx) {
      const { tenantId } = ctx;
      const started = await inTenant(db, tenantId, async (tx) => {
        const row = await findSimulation(tx, simulationId);
        if (!row || row.status === 'completed') return undefined;
        return updateSimulation(tx, simulationId, {
          status: 'running',
          startedAt: new Date(),
          errorMessage: null,
        });
      });
      if (!started) return { simulationId, skipped: true };
      const config = started.config as unknown as SimulationConfig;
      try {
        await ctx.progress(1, 'Loading items, demand history and fleet');
        const { limit, ...scope } = config.scope;
        const input = await loadSimulationInput(db, tenantId, scope, limit);
        const { model, facts } = buildModel({
          items: input.items,
          warehouses: input.warehouses,
          policies: config.policies,
          scenario: config.scenario,
          horizonDays: config.horizonDays,
          seed: config.seed,
          shortageCostRate: config.shortageCostRate,
        });
        const progress = throttledProgress((p, m) => ctx.progress(p, m));
        const t0 = performance.now();
        const { kpis } = await runReplications(
          compute,
          model,
          config.replications,
          (done, total) =>
            progress(Math.min(99, 2 + Math.floor((97 * done) / total)), `Replication ${done} of ${total}`),
          ctx.signal,
        );
        const results: SimulationResults = {
          replications: config.replications,
          horizonDays: config.horizonDays,
          items: input.items.length,
          warehouses: input.names.warehouses,
          policies: facts,
          kpis,
          notes: input.notes,
          seconds: Math.round((performance.now() - t0) / 100) / 10,
        };
        await ctx.complete((tx) =>
          updateSimulation(tx, simulationId, {
            status: 'completed',
            results: results as unknown as Record<string, unknown>,
            summary: summarySentence(results),
            finishedAt: new Date(),
          }),
        );
        await ctx.progress(100, `Done: ${config.replications} replications`);
        return { simulationId, replications: config.replications };
      } catch (err) {
        const lastAttempt = ctx.attempt > RETRY_LIMIT;
        const reason = innermostMessage(err).replaceAll('\u0000', '').slice(0, 500);
        await inTenant(db, tenantId, (tx) =>
          updateSimulation(tx, simulationId, {
            status: lastAttempt ? 'failed' : 'queued',
            errorMessage: lastAttempt
              ? `The simulation failed: ${reason}`
              : `Attempt ${ctx.attempt} failed (${reason}); it will be retried`,
            finishedAt: lastAttempt ? new Date() : null,
          }),
        ).catch(() => undefined);
        throw err;
      }
    },
  };
}
