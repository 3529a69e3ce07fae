// The replenishment engine as a compute task: thousands of items (safety stock, rounding, risks,
// constraint cuts) are CPU work that belongs in a worker thread, not on the event loop.
import { computeTask } from '../../../platform/compute/compute.ts';
import { proposeReplenishment, type ReplenishmentRequest } from '../policy/index.ts';

export function proposeTask(request: ReplenishmentRequest) {
  return proposeReplenishment(request);
}

export const PROPOSE_TASK = computeTask<typeof proposeTask>(
  new URL('./decide.task.ts', import.meta.url),
  'proposeTask',
);
