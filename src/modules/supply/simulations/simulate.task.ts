// A chunk of replications as a compute task: the daily loops are CPU work for a worker thread.
import { computeTask } from '../../../platform/compute/compute.ts';
import { type ChunkInput, simulateChunk } from './engine/index.ts';

export function simulateTask(input: ChunkInput) {
  return simulateChunk(input);
}

export const SIMULATE_TASK = computeTask<typeof simulateTask>(
  new URL('./simulate.task.ts', import.meta.url),
  'simulateTask',
);
