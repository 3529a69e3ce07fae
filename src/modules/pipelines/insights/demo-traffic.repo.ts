// SQL of the demo traffic: how much of it is recorded, who sends it, whether its job is under way.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.ts';
import { aiRequests, jobs, memberships } from '../../../platform/db/schema/index.ts';

export const DEMO_TRAFFIC_JOB = 'pipelines.demo-traffic';
/** ai_requests.purpose of the first-start burst and of the live trickle. */
export const DEMO_TRAFFIC_PURPOSE = 'demo.traffic';
export const DEMO_LIVE_PURPOSE = 'demo.live';

/** Requests of the first-start burst recorded so far (the job resumes after them). */
export async function countDemoTraffic(tx: Executor): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(aiRequests)
    .where(eq(aiRequests.purpose, DEMO_TRAFFIC_PURPOSE));
  return row?.n ?? 0;
}

/** The tenant's first admin (by membership age): the user the simulated requests act as. */
export async function firstAdmin(tx: Executor): Promise<string | undefined> {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.role, 'admin'), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.createdAt), asc(memberships.id))
    .limit(1);
  return row?.userId;
}

export async function activeDemoTrafficJob(tx: Executor): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.name, DEMO_TRAFFIC_JOB), inArray(jobs.status, ['queued', 'running', 'retrying'])))
    .limit(1);
  return row?.id;
}
