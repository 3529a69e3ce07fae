import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import {
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../../modules/identity/testing.ts';
import { queryRows } from '../db/database.ts';
import { inTenant } from '../db/scope.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import type { Runtime } from '../runtime.ts';
import { countEffects, createEffectsTable, eventually, recordEffect } from './testing.ts';

declare module './jobs.ts' {
  interface JobPayloads {
    'test.flaky': { key: string; failures: number };
    'test.doomed': { key: string };
    'test.stuck': Record<string, never>;
    'test.ordered': { label: string };
    'test.cleanup': { key: string };
  }
}

const ran: string[] = [];

function defineTestJobs(runtime: Runtime) {
  runtime.jobs.define({
    name: 'test.flaky',
    retryLimit: 3,
    retryDelaySeconds: 1,
    backoff: false,
    async run({ key, failures }, ctx) {
      if (ctx.attempt <= failures) throw new Error(`failure ${ctx.attempt} of ${failures}`);
      await ctx.complete((tx) => recordEffect(tx, key, ctx.tenantId));
      return { succeededOnAttempt: ctx.attempt };
    },
  });
  runtime.jobs.define({
    name: 'test.doomed',
    retryLimit: 1,
    retryDelaySeconds: 1,
    backoff: false,
    async run() {
      throw new Error('this job never works');
    },
  });
  runtime.jobs.define({
    name: 'test.stuck',
    retryLimit: 0,
    timeoutSeconds: 1,
    async run(_payload, ctx) {
      await sleep(60_000, undefined, { signal: ctx.signal });
    },
  });
  runtime.jobs.define({
    name: 'test.ordered',
    async run({ label }) {
      ran.push(label);
    },
  });
}

let t: TestApp;
let acme: TestTenant;
let admin: TestSession;

before(async () => {
  t = await createTestApp({ setup: defineTestJobs, env: { WORKER_CONCURRENCY: '1' } });
  await createEffectsTable(t.database.db);
  acme = await createTestTenant(t.database.db, 'jobs');
  admin = await signIn(t.app, acme.users.admin.email);
});
after(() => t?.close());

const jobOf = (id: string) => t.runtime.jobs.get(acme.id, id);
const settled = (id: string) =>
  eventually(async () => {
    const job = await jobOf(id);
    return job && (job.status === 'completed' || job.status === 'failed') ? job : undefined;
  }, `job ${id} to finish`);

describe('background jobs', () => {
  test('the diagnostics job runs through the API: progress, result, timings', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/jobs/diagnostics',
      headers: admin.headers,
      payload: { rounds: 3 },
    });
    assert.equal(res.statusCode, 202);
    assert.equal(res.json().status, 'queued');
    await settled(res.json().id);
    const job = (await t.app.inject({ url: `/api/v1/jobs/${res.json().id}`, headers: admin.headers })).json();
    assert.equal(job.status, 'completed');
    assert.equal(job.progress, 100);
    assert.equal(job.message, 'database round trip 3 of 3');
    assert.equal(job.result.rounds, 3);
    assert.equal(job.attempts, 1);
    assert.ok(job.durationMs >= 100, `three rounds with 50 ms pauses took ${job.durationMs} ms`);
    const list = await t.app.inject({ url: '/api/v1/jobs?status=completed', headers: admin.headers });
    assert.ok(list.json().items.some((j: { id: string }) => j.id === job.id));
  });

  test('a failing job is retried, and its effect happens once', async () => {
    const job = await t.runtime.jobs.submit(
      'test.flaky',
      { key: 'flaky', failures: 2 },
      { tenantId: acme.id },
    );
    const done = await settled(job.id);
    assert.equal(done.status, 'completed');
    assert.equal(done.attempts, 3);
    assert.deepEqual(done.result, { succeededOnAttempt: 3 });
    assert.equal(await countEffects(t.database.db, 'flaky'), 1);
  });

  test('a job that keeps failing ends failed, with its error, in the dead-letter queue', async () => {
    const job = await t.runtime.jobs.submit('test.doomed', { key: 'doomed' }, { tenantId: acme.id });
    const done = await settled(job.id);
    assert.equal(done.status, 'failed');
    assert.equal(done.attempts, 2);
    assert.equal(done.error, 'this job never works');
    const dead = await eventually(async () => {
      const rows = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from pgboss.job where name = 'dead-letter' and data->>'tenantId' = ${acme.id} and data->'input'->>'key' = 'doomed'`,
      );
      return rows[0]?.n ? rows[0].n : undefined;
    }, 'the dead letter');
    assert.equal(dead, 1);
  });

  test('a job that runs past its timeout is aborted and fails', async () => {
    const job = await t.runtime.jobs.submit('test.stuck', {}, { tenantId: acme.id });
    const done = await settled(job.id);
    assert.equal(done.status, 'failed');
    assert.match(done.error ?? '', /timed out after 1 s/);
  });

  test('enqueue is transactional: a rolled-back change leaves no job behind', async () => {
    let jobId = '';
    await assert.rejects(
      inTenant(t.database.db, acme.id, async (tx) => {
        jobId = await t.runtime.jobs.enqueue(tx, 'test.ordered', { label: 'never' }, { tenantId: acme.id });
        throw new Error('the change fails after enqueueing');
      }),
      /the change fails/,
    );
    assert.ok(jobId);
    assert.equal(await jobOf(jobId), undefined);
    const queued = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from pgboss.job where id = ${jobId}::uuid`,
    );
    // No queue entry means no worker can ever run it.
    assert.equal(queued[0]?.n, 0);
  });

  test('higher priority runs first', async () => {
    ran.length = 0;
    await inTenant(t.database.db, acme.id, async (tx) => {
      for (const [label, priority] of [
        ['low', 0],
        ['high', 10],
        ['middle', 5],
      ] as const) {
        await t.runtime.jobs.enqueue(tx, 'test.ordered', { label }, { tenantId: acme.id, priority });
      }
    });
    await eventually(async () => (ran.length === 3 ? true : undefined), 'three ordered jobs');
    assert.deepEqual(ran, ['high', 'middle', 'low']);
  });
});

describe('stopping the workers', () => {
  test('stop waits for aborted jobs to clean up and record their outcome before the database closes', async () => {
    const app = await createTestApp({
      setup: (runtime) =>
        runtime.jobs.define({
          name: 'test.cleanup',
          retryLimit: 1,
          async run({ key }, ctx) {
            await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
            // A handler that tidies up after an abort, e.g. an import removing its partial rows.
            await sleep(300);
            await inTenant(app.database.db, ctx.tenantId, (tx) => recordEffect(tx, key, ctx.tenantId));
            throw ctx.signal.reason;
          },
        }),
      env: { WORKER_CONCURRENCY: '1' },
    });
    try {
      await createEffectsTable(app.database.db);
      const tenant = await createTestTenant(app.database.db, 'jobs-stop');
      const job = await app.runtime.jobs.submit('test.cleanup', { key: 'cleaned' }, { tenantId: tenant.id });
      await eventually(
        async () =>
          (await app.runtime.jobs.get(tenant.id, job.id))?.status === 'running' ? true : undefined,
        'the job to run',
      );
      await app.runtime.stop();
      assert.equal(await countEffects(app.database.db, 'cleaned'), 1);
      const stopped = await app.runtime.jobs.get(tenant.id, job.id);
      assert.equal(stopped?.status, 'retrying');
      assert.match(stopped?.error ?? '', /worker stopping/);
    } finally {
      await app.close();
    }
  });
});
