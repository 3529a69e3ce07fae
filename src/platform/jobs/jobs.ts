import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import type { Database, Db, Tx } from '../db/database.ts';
import { queryRows } from '../db/database.ts';
import { inTenant, isUuid, readInTenant } from '../db/scope.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { findJob, insertJob, type JobRow, listJobs } from './jobs.repo.ts';
import { queueDepths } from './queue-depths.ts';
import { createRunner, type RunOutcomes, type RunRegistry } from './run.ts';

/**
 * Job name → payload. Modules add their jobs by declaration merging:
 *   declare module '../../platform/jobs/jobs.ts' { interface JobPayloads { 'analytics.run': { importId: string } } }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in the modules
export interface JobPayloads {}
export type JobName = keyof JobPayloads & string;

export interface JobContext {
  jobId: string;
  tenantId: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** Aborted when the job times out or the worker stops: long loops should check it. */
  signal: AbortSignal;
  /** Progress 0–100 with an optional message: stored, and pushed live on topic `job:<id>`. */
  progress(percent: number, message?: string): Promise<void>;
  /**
   * Runs `work` — the job's effect — in the tenant's scope and records, in the same transaction,
   * that the effect is done. A retry (the worker died before the queue heard of the success) skips
   * `work`: the effect happens exactly once. Returns undefined when it had already happened.
   */
  complete<T>(work: (tx: Tx) => Promise<T>): Promise<T | undefined>;
}

export interface JobDefinition<N extends JobName> {
  name: N;
  run: (payload: JobPayloads[N], ctx: JobContext) => Promise<unknown>;
  /** Retries after the first attempt (default 3), first delay (default 5 s), doubling when backoff. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  backoff?: boolean;
  /** Longest a run may take before it is aborted and retried (default 900 s). */
  timeoutSeconds?: number;
}

export interface EnqueueOptions {
  tenantId: string;
  createdBy?: string | null;
  /** Higher runs first (default 0). */
  priority?: number;
  startAfter?: Date;
}

export interface JobsConfig {
  workerConcurrency: number;
  /** How often pg-boss looks for jobs whose worker died (seconds). */
  superviseSeconds: number;
  /** A worker's look for jobs without a notification: the backstop for a lost one (seconds). */
  backstopPollSeconds: number;
}

const DEAD_LETTER = 'dead-letter';
/** How long stop() waits for aborted runs to write their outcome. */
const STOP_WRITES_MS = 5000;
type AnyDefinition = JobDefinition<JobName>;

/** Background jobs on pg-boss in the application database (its own schema `pgboss`). */
export function createJobs(deps: {
  db: Db;
  database: Database;
  realtime: Realtime;
  logger: FastifyBaseLogger;
  config: JobsConfig;
}) {
  const { db, database, realtime, logger, config } = deps;
  const definitions = new Map<string, AnyDefinition>();
  const periodic = new Map<string, PeriodicTask>();
  // Expired jobs (dead workers) are found by the monitor pass, which runs at most every
  // monitorIntervalSeconds: both follow the one setting.
  const common = {
    schema: 'pgboss',
    useListenNotify: true,
    superviseIntervalSeconds: config.superviseSeconds,
    monitorIntervalSeconds: config.superviseSeconds,
    // No flows and no instance registry are used: their polls (and the registry's 20 ms event-loop
    // sampler) would only keep an idle server busy.
    flowIntervalSeconds: 300,
    registerInstance: false,
    // The cron scheduler runs the platform's periodic tasks (`every`, e.g. the scheduled-analyses
    // tick): a pass every 30 s claims the due occurrences for the whole deployment (one job per
    // slot, whichever process claims it); the hand-over queue is polled every 15 s, so a task runs
    // at most ~45 s after its slot.
    schedule: true,
    cronMonitorIntervalSeconds: 30,
    cronWorkerIntervalSeconds: 15,
  };
  const boss =
    database.raw.kind === 'pglite'
      ? new PgBoss({
          ...common,
          db: fromPglite(database.raw.client as unknown as Parameters<typeof fromPglite>[0]),
          backend: 'pglite',
        })
      : new PgBoss({ ...common, connectionString: database.raw.pool.options.connectionString, max: 4 });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  const registry: RunRegistry = { controllers: new Set(), runs: new Set(), outcomes: new Map() };
  let started = false;
  /** pg-boss worker ids per job name, in a process that runs workers. */
  const workerIds = new Map<string, string[]>();
  const wakeTimers = new Set<NodeJS.Timeout>();

  /**
   * Fetches jobs of `name` when they become due — from `fromMs` on, once a second until `toMs` (a
   * retry's jittered delay lies between the two) — instead of polling all the time.
   */
  function wakeWorker(name: string, fromMs: number, toMs = fromMs) {
    const workerId = workerIds.get(name)?.[0];
    if (!workerId) return;
    // One more look a second after the window: the queue dates a retry from when it recorded the
    // failure, a moment after this process saw it.
    const until = Date.now() + toMs + 1000;
    const tick = () => {
      wakeTimers.delete(timer);
      if (!started) return;
      boss.notifyWorker(workerId);
      if (Date.now() < until) {
        timer = setTimeout(tick, 1000).unref();
        wakeTimers.add(timer);
      }
    };
    let timer = setTimeout(tick, Math.max(0, fromMs)).unref();
    wakeTimers.add(timer);
  }

  /** When pg-boss makes a failed job available again: its retry delay, with backoff and jitter. */
  function retryWindowMs(definition: AnyDefinition, retryCount: number): [number, number] {
    const delay = definition.retryDelaySeconds ?? 5;
    if (!(definition.backoff ?? true)) return [delay * 1000, delay * 1000];
    const half = (Math.max(delay, 1) * 2 ** Math.min(16, retryCount + 1)) / 2;
    return [half * 1000, 2 * half * 1000];
  }

  async function push(row: Pick<JobRow, 'id' | 'tenantId'>, tx: Tx) {
    const current = await findJob(tx, row.id);
    if (!current) return;
    await realtime.publish(tx, row.tenantId, [`job:${row.id}`], {
      id: `${row.id}:${current.updatedAt.getTime()}`,
      type: 'JobUpdated',
      occurredAt: current.updatedAt.toISOString(),
      data: {
        jobId: row.id,
        name: current.name,
        status: current.status,
        progress: current.progress,
        // Live messages stay small (a notification holds under 8 kB); GET /jobs/{id} has them whole.
        message: current.message?.slice(0, 500) ?? null,
        attempts: current.attempts,
        error: current.error?.slice(0, 500) ?? null,
      },
    });
  }

  const execute = createRunner({
    db,
    logger,
    registry,
    push,
    retrying: (definition, retryCount) =>
      wakeWorker(definition.name, ...retryWindowMs(definition, retryCount)),
  });

  return {
    /** Registers a job type; every process that enqueues or runs it defines it the same way. */
    define<N extends JobName>(definition: JobDefinition<N>) {
      if (definitions.has(definition.name)) throw new Error(`job ${definition.name} defined twice`);
      definitions.set(definition.name, definition as unknown as AnyDefinition);
    },

    /**
     * Enqueues in the caller's transaction: the job exists if and only if the change that asked for
     * it commits. Returns the job id (also the id of `GET /api/v1/jobs/{id}`).
     */
    async enqueue<N extends JobName>(tx: Tx, name: N, input: JobPayloads[N], options: EnqueueOptions) {
      const definition = definitions.get(name);
      if (!definition) throw new Error(`job ${name} is not defined`);
      if (!started) throw new Error('the job queue is not started');
      const id = randomUUID();
      const priority = options.priority ?? 0;
      await insertJob(tx, {
        id,
        tenantId: options.tenantId,
        name,
        maxAttempts: (definition.retryLimit ?? 3) + 1,
        priority,
        createdBy: options.createdBy ?? null,
      });
      // pg-boss's tables are not the application roles' to touch: switch back to the connecting
      // user for the insert, inside the same transaction, then restore the role.
      const [{ role } = { role: 'none' }] = await queryRows<{ role: string }>(
        tx,
        sql`select current_setting('role') as role`,
      );
      await tx.execute(sql`select set_config('role', 'none', true)`);
      await boss.send(
        name,
        { tenantId: options.tenantId, input },
        {
          id,
          priority,
          ...(options.startAfter ? { startAfter: options.startAfter } : {}),
          db: fromDrizzle(tx as unknown as Parameters<typeof fromDrizzle>[0], sql),
        },
      );
      await tx.execute(sql`select set_config('role', ${role}, true)`);
      if (options.startAfter) wakeWorker(name, options.startAfter.getTime() - Date.now());
      return id;
    },

    /**
     * A platform task run on pg-boss's scheduler at every occurrence of `cron` (UTC): one job per
     * slot across all processes, taken by one worker. Not a tenant job (no row in `jobs`): the task
     * itself scopes what it touches. Declared before start, like `define`.
     */
    every(task: PeriodicTask) {
      if (periodic.has(task.name) || definitions.has(task.name))
        throw new Error(`job ${task.name} defined twice`);
      periodic.set(task.name, task);
    },

    /** Enqueues in a transaction of its own (when there is no other change to commit with it). */
    async submit<N extends JobName>(
      name: N,
      input: JobPayloads[N],
      options: EnqueueOptions,
    ): Promise<JobRow> {
      return inTenant(db, options.tenantId, async (tx) => {
        const id = await this.enqueue(tx, name, input, options);
        const row = await findJob(tx, id);
        if (!row) throw new Error('job row vanished');
        return row;
      });
    },

    get(tenantId: string, id: string) {
      return readInTenant(db, tenantId, (tx) => findJob(tx, id));
    },

    list(tenantId: string, filter: Parameters<typeof listJobs>[1]) {
      return readInTenant(db, tenantId, (tx) => listJobs(tx, filter));
    },

    /** Starts the queue; with `workers`, also runs every defined job type in this process. */
    async start({ workers }: { workers: boolean }) {
      await boss.start();
      started = true;
      await boss.createQueue(DEAD_LETTER);
      for (const definition of definitions.values()) {
        await boss.createQueue(definition.name, {
          retryLimit: definition.retryLimit ?? 3,
          retryDelay: definition.retryDelaySeconds ?? 5,
          retryBackoff: definition.backoff ?? true,
          // Our own timer aborts a run at its timeout; the queue's expiry is the backstop for a dead worker.
          expireInSeconds: (definition.timeoutSeconds ?? 900) + 5,
          deadLetter: DEAD_LETTER,
          notify: true,
        });
        if (!workers) continue;
        // One pg-boss worker per slot, so each knows its own id: after a job it asks for the next at
        // once (a backlog drains without waiting for the poll); an empty fetch then waits.
        const ids: string[] = [];
        for (let slot = 0; slot < config.workerConcurrency; slot++) {
          let workerId: string | undefined;
          workerId = await boss.work(
            definition.name,
            {
              batchSize: 1,
              localConcurrency: 1,
              // New jobs wake workers through NOTIFY, retries by a timer set when the run fails
              // (see execute). This poll is the backstop for a lost notification and picks up the
              // jobs of dead workers, which the supervision pass makes available again.
              pollingIntervalSeconds: 1,
              notifyPollingIntervalSeconds: Math.min(config.backstopPollSeconds, config.superviseSeconds),
            },
            async ([job]) => {
              if (!job) return null;
              try {
                return await execute(definition, job);
              } finally {
                if (workerId) boss.notifyWorker(workerId);
              }
            },
          );
          ids.push(workerId);
        }
        workerIds.set(definition.name, ids);
      }
      for (const task of periodic.values()) {
        // A missed tick is not retried: the next one does its work.
        await boss.createQueue(task.name, { retryLimit: 0, expireInSeconds: 600, notify: true });
        await boss.schedule(task.name, task.cron, {}, { tz: 'UTC' });
        if (!workers) continue;
        await boss.work(
          task.name,
          {
            batchSize: 1,
            pollingIntervalSeconds: 1,
            notifyPollingIntervalSeconds: config.backstopPollSeconds,
          },
          async () => {
            try {
              await task.run();
            } catch (err) {
              logger.error({ err, task: task.name }, 'periodic task failed');
            }
          },
        );
      }
    },

    async stop() {
      if (!started) return;
      started = false;
      for (const timer of wakeTimers) clearTimeout(timer);
      wakeTimers.clear();
      // Running jobs get a grace period to finish; the ones still running after it are aborted
      // (and retried by another worker, which costs them an attempt).
      await boss.stop({ graceful: true, timeout: 8000 });
      for (const controller of registry.controllers) controller.abort(new Error('worker stopping'));
      // The aborted runs record their outcome before the caller closes the database (bounded: a
      // write that hangs must not hold the shutdown).
      let giveUp: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(registry.runs),
        new Promise((resolve) => {
          giveUp = setTimeout(resolve, STOP_WRITES_MS);
        }),
      ]);
      clearTimeout(giveUp);
    },

    /** Waits until no job of this process is running (tests). */
    get running() {
      return registry.controllers.size;
    },

    /** Finished attempts of this process per job name (completed, retried, failed). */
    outcomes: registry.outcomes as ReadonlyMap<string, Readonly<RunOutcomes>>,

    /** Jobs waiting, deferred and running per queue, across every process (read from the queue's table). */
    queueDepths: () => queueDepths(db),
  };
}

export type Jobs = ReturnType<typeof createJobs>;

export interface PeriodicTask {
  name: string;
  /** Five-field cron expression, UTC. */
  cron: string;
  run: () => Promise<void>;
}

/** For topic authorisation: does this tenant have a job with this id? */
export function jobExists(db: Db, tenantId: string, id: string) {
  if (!isUuid(id)) return Promise.resolve(false);
  return readInTenant(db, tenantId, async (tx) => (await findJob(tx, id)) !== undefined);
}
