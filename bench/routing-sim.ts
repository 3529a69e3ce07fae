// The simulation engine alone at the issue's size (issue 17): 1,000 replications × 30 days × 200
// SKUs (three warehouses with four vans each, every kind of scenario event on, two policies) run in
// the compute pool in chunks, as the `supply.simulate` job runs them — no database, no HTTP (the
// full path through the server is bench/routing.ts). Printed: wall time, replications/s and
// SKU-days/s, the main thread's event-loop delay p99 meanwhile (it only awaits the pool), and a
// check that the pool's results equal a single in-process run's bit for bit.
// Usage: node bench/routing-sim.ts [--replications 1000] [--days 30] [--skus 200] [--threads N] [--json]
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fixtureModel } from '../src/modules/supply/simulations/engine/engine.fixture.ts';
import { simulateChunk } from '../src/modules/supply/simulations/engine/index.ts';
import { runReplications } from '../src/modules/supply/simulations/run-replications.ts';
import { createCompute, defaultComputeThreads } from '../src/platform/compute/compute.ts';

export interface SimulationBenchOptions {
  replications?: number;
  days?: number;
  skus?: number;
  threads?: number;
}

export interface SimulationBenchResult {
  replications: number;
  days: number;
  skus: number;
  policies: number;
  threads: number;
  seconds: number;
  replicationsPerSecond: number;
  skuDaysPerSecond: number;
  eventLoopDelayP99Ms: number;
  /** The pool's KPI values equal one in-process run's, bit for bit. */
  identicalToSingleThread: boolean;
  meanFillRate: Record<string, number>;
}

const SCENARIO = {
  demandShocks: { probabilityPerDay: 0.02, multiplier: 2.5, durationDays: 4, scope: 'sku' as const },
  vehicleBreakdowns: { probabilityPerVehicleDay: 0.03, repairDays: 2 },
  leadTimeNoise: { cv: 0.2 },
  travelDelays: { probabilityPerDay: 0.1, multiplier: 1.4, spread: 0.3 },
};

/** Times the engine for `replications` × `days` × `skus` in a compute pool of `threads`. */
export async function benchSimulation(options: SimulationBenchOptions = {}): Promise<SimulationBenchResult> {
  const replications = options.replications ?? 1000;
  const days = options.days ?? 30;
  const skus = options.skus ?? 200;
  const threads = options.threads ?? defaultComputeThreads();
  const model = fixtureModel({
    items: skus,
    warehouses: 3,
    vehiclesPerWarehouse: 4,
    horizonDays: days,
    scenario: SCENARIO,
  });
  const compute = createCompute({ threads });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  try {
    // Start the threads first (module loading is not simulation time).
    await Promise.all(Array.from({ length: threads }, () => runReplications(compute, model, 1)));
    delay.enable();
    const t0 = performance.now();
    const { values, kpis } = await runReplications(compute, model, replications);
    const seconds = (performance.now() - t0) / 1000;
    delay.disable();
    const single = simulateChunk({ model, from: 0, to: replications }).values;
    const same =
      single.length === values.length &&
      Buffer.from(single.buffer).equals(Buffer.from(values.buffer, values.byteOffset, values.byteLength));
    const fill = kpis.find((k) => k.kpi === 'fill_rate');
    return {
      replications,
      days,
      skus,
      policies: model.policies.length,
      threads,
      seconds: Math.round(seconds * 100) / 100,
      replicationsPerSecond: Math.round(replications / seconds),
      skuDaysPerSecond: Math.round((replications * days * skus * model.policies.length) / seconds),
      eventLoopDelayP99Ms: Math.round(delay.percentile(99) / 1e4) / 100,
      identicalToSingleThread: same,
      meanFillRate: Object.fromEntries(
        (fill?.policies ?? []).map((p) => [p.policy, Math.round(p.mean * 10000) / 10000]),
      ),
    };
  } finally {
    await compute.stop();
  }
}

if (import.meta.main) {
  const { values: flags } = parseArgs({
    options: {
      replications: { type: 'string' },
      days: { type: 'string' },
      skus: { type: 'string' },
      threads: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const number = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const result = await benchSimulation({
    ...(flags.replications ? { replications: number(flags.replications) } : {}),
    ...(flags.days ? { days: number(flags.days) } : {}),
    ...(flags.skus ? { skus: number(flags.skus) } : {}),
    ...(flags.threads ? { threads: number(flags.threads) } : {}),
  });
  if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      [
        `simulation engine: ${result.replications} replications × ${result.days} days × ${result.skus} SKUs × ${result.policies} policies, ${result.threads} threads`,
        `  wall time            ${result.seconds} s  (goal < 20 s)`,
        `  replications/s       ${result.replicationsPerSecond}`,
        `  SKU-days/s           ${result.skuDaysPerSecond.toLocaleString('en')}`,
        `  event loop p99       ${result.eventLoopDelayP99Ms} ms (main thread, meanwhile)`,
        `  same as 1 thread     ${result.identicalToSingleThread ? 'yes, bit for bit' : 'NO'}`,
        `  mean fill rate       ${Object.entries(result.meanFillRate)
          .map(([k, v]) => `${k} ${(v * 100).toFixed(2)} %`)
          .join(', ')}`,
        '',
      ].join('\n'),
    );
}
