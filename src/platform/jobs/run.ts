// One run of a job: the attempt recorded, the handler called with its context (progress, the
// exactly-once effect, the abort signal), the outcome written. jobs.ts owns the queue; this owns a run.
import type { FastifyBaseLogger } from 'fastify';
import type { Job } from 'pg-boss';
import type { Db, Tx } from '../db/database.ts';
import { inTenant } from '../db/scope.ts';
import { runWithLogContext } from '../observability/log-context.ts';
import { innermostMessage } from '../observability/safe-error.ts';
import { inSpan } from '../observability/tracing.ts';
import {
  findJob,
  finishJob,
  type JobRow,
  lockJob,
  markEffectCommitted,
  setProgress,
  startAttempt,
} from './jobs.repo.ts';
import type { JobContext, JobDefinition, JobName } from './jobs.ts';

type AnyDefinition = JobDefinition<JobName>;
const PROGRESS_WRITE_MS = 250;
const noop = () => {};

/** The runs of this process: their abort controllers, and one promise per run that settles when
 * both its outcome is written and its handler has returned (stop() waits for them). */
export interface RunRegistry {
  controllers: Set<AbortController>;
  runs: Set<Promise<void>>;
  /** Finished attempts per job name since the process started (for /metrics). */
  outcomes: Map<string, RunOutcomes>;
}

export interface RunOutcomes {
  completed: number;
  /** Failed attempts that will be retried. */
  retried: number;
  /** Failed attempts that were the job's last. */
  failed: number;
}

function outcomesOf(registry: RunRegistry, name: string): RunOutcomes {
  let outcomes = registry.outcomes.get(name);
  if (!outcomes) {
    outcomes = { completed: 0, retried: 0, failed: 0 };
    registry.outcomes.set(name, outcomes);
  }
  return outcomes;
}

export function createRunner(deps: {
  db: Db;
  logger: FastifyBaseLogger;
  registry: RunRegistry;
  /** Pushes the job's current state on `job:<id>`, in `tx`. */
  push: (row: Pick<JobRow, 'id' | 'tenantId'>, tx: Tx) => Promise<void>;
  /** A failed attempt will be retried after `retryCount` earlier retries. */
  retrying: (definition: AnyDefinition, retryCount: number) => void;
}) {
  const { db, logger, registry, push, retrying } = deps;

  function context(row: JobRow, attempt: number, signal: AbortSignal): JobContext {
    const { id, tenantId } = row;
    let lastWrite = 0;
    return {
      jobId: id,
      tenantId,
      attempt,
      signal,
      async progress(percent, message) {
        const now = Date.now();
        if (percent < 100 && now - lastWrite < PROGRESS_WRITE_MS) return;
        lastWrite = now;
        const clamped = Math.max(0, Math.min(100, Math.round(percent)));
        await inTenant(db, tenantId, async (tx) => {
          await setProgress(tx, id, clamped, message ?? null);
          await push(row, tx);
        });
      },
      async complete(work) {
        const result = await inTenant(db, tenantId, async (tx) => {
          const locked = await lockJob(tx, id);
          if (!locked || locked.effectCommittedAt || locked.status === 'completed')
            return { done: false as const };
          const value = await work(tx);
          await markEffectCommitted(tx, id);
          return { done: true as const, value };
        });
        return result.done ? result.value : undefined;
      },
    };
  }

  // Every line a job's work logs carries its id, name and tenant; with tracing on it is a span.
  return function execute(definition: AnyDefinition, job: Job<unknown>) {
    const { tenantId } = job.data as { tenantId: string };
    const attributes = {
      'plantintel.job.name': definition.name,
      'plantintel.job.id': job.id,
      'plantintel.tenant_id': tenantId,
    };
    return runWithLogContext({ jobId: job.id, job: definition.name, tenantId }, () =>
      inSpan(`job ${definition.name}`, 'consumer', attributes, () => executeJob(definition, job)),
    );
  };

  async function executeJob(definition: AnyDefinition, job: Job<unknown>) {
    const payload = job.data as { tenantId: string; input: unknown };
    const tenantId = payload.tenantId;
    const attempt = job.retryCount + 1;
    const maxAttempts = (definition.retryLimit ?? 3) + 1;
    const row = await inTenant(db, tenantId, async (tx) => {
      const found = await findJob(tx, job.id);
      if (found && found.status !== 'completed') {
        await startAttempt(tx, job.id, attempt);
        await push(found, tx);
      }
      return found;
    });
    if (!row || row.status === 'completed') return { skipped: true };

    const controller = new AbortController();
    let outcomeWritten = noop;
    const written = new Promise<void>((resolve) => {
      outcomeWritten = resolve;
    });
    let handlerReturned: Promise<unknown> = Promise.resolve();
    const run: Promise<void> = written
      .then(() => handlerReturned.then(noop, noop))
      .then(() => {
        registry.runs.delete(run);
      });
    registry.controllers.add(controller);
    registry.runs.add(run);
    const timeoutMs = (definition.timeoutSeconds ?? 900) * 1000;
    const timer = setTimeout(
      () => controller.abort(new Error(`timed out after ${timeoutMs / 1000} s`)),
      timeoutMs,
    );

    try {
      const aborted = new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
      });
      const running = definition.run(payload.input as never, context(row, attempt, controller.signal));
      // stop() also waits for the handler's own clean-up after an abort, not only for our writes.
      handlerReturned = running;
      const output = await Promise.race([running, aborted]);
      await inTenant(db, tenantId, async (tx) => {
        await finishJob(tx, job.id, { status: 'completed', result: output ?? null });
        await push(row, tx);
      });
      outcomesOf(registry, definition.name).completed += 1;
      return output ?? null;
    } catch (err) {
      // The database's own words, not a query wrapper's (which quotes the statement and its
      // parameters: data, binary bytes with NULs that the queue's own tables cannot store).
      const message = innermostMessage(err).replaceAll('\u0000', '');
      const status = attempt >= maxAttempts ? 'failed' : 'retrying';
      outcomesOf(registry, definition.name)[status === 'failed' ? 'failed' : 'retried'] += 1;
      logger.warn(
        { err, jobId: job.id, name: definition.name, attempt },
        `job ${status === 'failed' ? 'failed' : 'will be retried'}`,
      );
      await inTenant(db, tenantId, async (tx) => {
        await finishJob(tx, job.id, { status, error: message });
        await push(row, tx);
      }).catch((writeErr) => logger.error({ err: writeErr }, 'could not record the job failure'));
      if (status === 'retrying') retrying(definition, job.retryCount);
      // The queue stores what is thrown as the job's output: only the message, never the error
      // itself (a driver error's cause can hold a statement's parameters — tens of thousands of
      // values, or cycles — which the queue then fails to store, leaving the job active for ever).
      throw new Error(message);
    } finally {
      clearTimeout(timer);
      registry.controllers.delete(controller);
      outcomeWritten();
    }
  }
}
