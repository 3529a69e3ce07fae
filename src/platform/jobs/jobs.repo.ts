import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { countWhere, matchedRows, pageOf } from '../db/page.ts';
import { jobs } from '../db/schema/index.ts';

export type JobRow = typeof jobs.$inferSelect;
export type JobStatus = 'queued' | 'running' | 'retrying' | 'completed' | 'failed';

export async function insertJob(
  tx: Executor,
  values: Pick<JobRow, 'id' | 'tenantId' | 'name' | 'maxAttempts' | 'priority' | 'createdBy'>,
) {
  await tx.insert(jobs).values(values);
}

export async function findJob(tx: Executor, id: string): Promise<JobRow | undefined> {
  const [row] = await tx.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/** Locks the job row for the rest of the transaction (the exactly-once guard of `complete`). */
export async function lockJob(tx: Executor, id: string): Promise<JobRow | undefined> {
  const [row] = await tx.select().from(jobs).where(eq(jobs.id, id)).for('update');
  return row;
}

export async function startAttempt(tx: Executor, id: string, attempt: number) {
  await tx
    .update(jobs)
    .set({
      status: 'running',
      attempts: attempt,
      startedAt: sql`coalesce(${jobs.startedAt}, now())`,
      error: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(jobs.id, id), ne(jobs.status, 'completed')));
}

export async function setProgress(tx: Executor, id: string, progress: number, message: string | null) {
  await tx
    .update(jobs)
    .set({ progress, message, updatedAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

export async function finishJob(
  tx: Executor,
  id: string,
  outcome: { status: 'completed'; result: unknown } | { status: 'retrying' | 'failed'; error: string },
) {
  await tx
    .update(jobs)
    .set(
      outcome.status === 'completed'
        ? {
            status: 'completed',
            result: outcome.result ?? null,
            progress: 100,
            finishedAt: sql`now()`,
            updatedAt: sql`now()`,
          }
        : {
            status: outcome.status,
            error: outcome.error.slice(0, 4000),
            updatedAt: sql`now()`,
            ...(outcome.status === 'failed' ? { finishedAt: sql`now()` } : {}),
          },
    )
    .where(and(eq(jobs.id, id), ne(jobs.status, 'completed')));
}

export async function markEffectCommitted(tx: Executor, id: string) {
  await tx.update(jobs).set({ effectCommittedAt: sql`now()` }).where(eq(jobs.id, id));
}

export async function listJobs(
  tx: Executor,
  filter: { status?: JobStatus | undefined; name?: string | undefined; limit: number; offset: number },
) {
  const where = and(
    filter.status ? eq(jobs.status, filter.status) : undefined,
    filter.name ? eq(jobs.name, filter.name) : undefined,
  );
  const rows = await tx
    .select({ job: jobs, total: matchedRows() })
    .from(jobs)
    .where(where)
    .orderBy(desc(jobs.createdAt))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (row) => row.job,
    () => countWhere(tx, jobs, where),
  );
}
