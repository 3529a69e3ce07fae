// A simulation's replications split into chunks run in the compute pool (as many at once as it has
// threads), joined in replication order and summarised. Each replication is seeded by its own
// index, so how the chunks fall changes nothing in the results.
import type { Compute } from '../../../platform/compute/compute.ts';
import {
  type ChunkOutput,
  joinChunks,
  type KpiSummary,
  type SimulationModel,
  summarise,
} from './engine/index.ts';
import { SIMULATE_TASK } from './simulate.task.ts';

/** Chunks per run at least (progress steps; both cores busy), and replications per chunk at most. */
const MIN_CHUNKS = 20;
const MAX_CHUNK = 250;
/** Chunks in flight at once (the pool queues what its threads cannot take yet). */
const RUNNERS = 4;

export function chunkSize(replications: number): number {
  return Math.max(1, Math.min(MAX_CHUNK, Math.ceil(replications / MIN_CHUNKS)));
}

export async function runReplications(
  compute: Pick<Compute, 'run'>,
  model: SimulationModel,
  replications: number,
  onChunk: (done: number, total: number) => Promise<void> = async () => {},
  signal?: AbortSignal,
): Promise<{ kpis: KpiSummary[]; values: Float64Array }> {
  const size = chunkSize(replications);
  const count = Math.ceil(replications / size);
  const chunks: ChunkOutput[] = [];
  let next = 0;
  let done = 0;
  // A few runners pull chunks in turn: the pool stays fed, and a cancelled job stops between chunks.
  const runner = async () => {
    while (next < count) {
      signal?.throwIfAborted();
      const from = next * size;
      next += 1;
      const out = await compute.run(SIMULATE_TASK, { model, from, to: Math.min(replications, from + size) });
      chunks.push(out);
      done += out.to - out.from;
      await onChunk(done, replications);
    }
  };
  await Promise.all(Array.from({ length: Math.min(RUNNERS, count) }, runner));
  const values = joinChunks(chunks, model.policies.length);
  return {
    kpis: summarise(
      values,
      model.policies.map((p) => p.key),
    ),
    values,
  };
}
