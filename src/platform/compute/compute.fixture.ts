// Tasks for compute.test.ts: each is run in a worker thread by the pool.
import { threadId } from 'node:worker_threads';

export function whichThread(input: { echo: string }) {
  return { threadId, echo: input.echo };
}

/**
 * Spins until the main thread raises the flag (Atomics), or gives up after `timeoutMs`. It can only
 * see the flag if the main thread kept running while the task ran.
 */
export function waitForFlag(input: { flag: SharedArrayBuffer; timeoutMs: number }) {
  const view = new Int32Array(input.flag);
  const deadline = Date.now() + input.timeoutMs;
  while (Date.now() < deadline) {
    if (Atomics.load(view, 0) === 1) return true;
  }
  return false;
}

export function fail(input: { message: string }): never {
  throw new Error(input.message);
}

/** Never returns on its own: marks the flag that it started, then spins (a runaway computation). */
export function spinForever(input: { started: SharedArrayBuffer }): never {
  Atomics.store(new Int32Array(input.started), 0, 1);
  for (;;) {
    // busy: only terminating the thread ends this
  }
}
