// CPU-bound work (OEE of a long batch today; analyses, SPC and image processing next) runs in a pool
// of worker threads, so HTTP, WebSocket push and the database client keep the event loop. Piscina
// runs the pool: a task is a named export of a module, called with one structured-clonable input.
// Threads start on first use and end after COMPUTE_IDLE_MS without work, so an idle server holds none.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

/** A pure function exported by `module` (a file URL) under `name`, run in a worker thread. */
export interface ComputeTask<I, O> {
  readonly module: string;
  readonly name: string;
  /** Types only: what the task takes and gives. */
  readonly _types?: (input: I) => O;
}

/** Names the export `name` of the module at `moduleUrl` (pass `import.meta.url`-relative URLs). */
export function computeTask<F extends (input: never) => unknown>(
  moduleUrl: URL,
  name: string,
): ComputeTask<Parameters<F>[0], Awaited<ReturnType<F>>> {
  return { module: moduleUrl.href, name };
}

export interface RunOptions {
  /** Aborting it terminates the task's worker thread; the run rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * The longest the task may take from this call, queueing for a thread included: past it the
   * worker thread is terminated and the run rejects with a ComputeDeadlineExceeded.
   */
  deadlineMs?: number;
}

/** A task ran past its `deadlineMs`; its worker thread was terminated. */
export class ComputeDeadlineExceeded extends Error {
  readonly task: string;
  readonly deadlineMs: number;
  constructor(task: string, deadlineMs: number) {
    super(`${task} did not finish within ${Math.round(deadlineMs / 1000)} s; its worker was stopped`);
    this.name = 'ComputeDeadlineExceeded';
    this.task = task;
    this.deadlineMs = deadlineMs;
  }
}

export interface Compute {
  /**
   * Runs the task on a worker thread. When `signal` aborts or `deadlineMs` passes while the task
   * runs, the worker thread is terminated (a runaway computation cannot be stopped any other way)
   * and the promise rejects with the signal's reason or a ComputeDeadlineExceeded.
   */
  run<I, O>(task: ComputeTask<I, O>, input: I, options?: RunOptions): Promise<O>;
  /** Tasks finished since start (for tests and metrics). */
  completed(): number;
  /** Waits for running tasks, then ends the threads; later runs are refused. */
  stop(): Promise<void>;
}

export const COMPUTE_IDLE_MS = 30_000;

export function defaultComputeThreads(): number {
  return Math.max(1, availableParallelism());
}

export function createCompute({ threads }: { threads: number }): Compute {
  const pool = new Piscina({ minThreads: 0, maxThreads: threads, idleTimeout: COMPUTE_IDLE_MS });
  let stopping: Promise<void> | undefined;
  return {
    async run<I, O>(task: ComputeTask<I, O>, input: I, options: RunOptions = {}): Promise<O> {
      if (stopping) throw new Error('the compute pool is stopped');
      const { deadlineMs } = options;
      if (deadlineMs !== undefined && !(deadlineMs > 0)) {
        throw new RangeError(`deadlineMs must be a positive number of milliseconds (got ${deadlineMs})`);
      }
      let timer: NodeJS.Timeout | undefined;
      let signal = options.signal;
      if (deadlineMs !== undefined) {
        const deadline = new AbortController();
        timer = setTimeout(
          () => deadline.abort(new ComputeDeadlineExceeded(task.name, deadlineMs)),
          deadlineMs,
        );
        signal = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
      }
      try {
        return (await pool.run(input, {
          filename: task.module,
          name: task.name,
          ...(signal ? { signal } : {}),
        })) as O;
      } catch (err) {
        // Piscina rejects an aborted task with its own AbortError; the caller wants its reason.
        if (signal?.aborted) throw signal.reason;
        throw err;
      } finally {
        clearTimeout(timer);
      }
    },
    completed: () => pool.completed,
    stop() {
      stopping ??= pool.close();
      return stopping;
    },
  };
}
