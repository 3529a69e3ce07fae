import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createAi } from '../../../platform/ai/ai.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import type { JobContext } from '../../../platform/jobs/jobs.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { seedDemoTenant } from '../../identity/index.ts';
import { signIn, TEST_PASSWORD, type TestSession } from '../../identity/testing.ts';
import { seedDemoPlant } from '../../plant/index.ts';
import { createAnalytics } from '../index.ts';
import { addSecondFacility, SECOND_FACILITY, startSecondFacilityDemo } from './second-facility.ts';

// The demo's second facility: pending once its row exists, submitted once, and its job — run here
// directly — writes the facility's lines and history and imports a work-order export per demo
// facility through the real import path (the app's workers import and analyse them), so the
// comparison has both facilities' figures. Run again, it changes nothing.

let t: TestApp;
let tenantId: string;
let firstId: string;
let admin: TestSession;

before(async () => {
  t = await createTestApp();
  const demo = await seedDemoTenant(t.database.db, { password: TEST_PASSWORD }, () => {});
  tenantId = demo.tenant.id;
  firstId = demo.facilityId;
  await seedDemoPlant(t.database.db, { tenantId, facilityId: firstId }, { days: 2 });
  admin = await signIn(t.app, 'admin@demo.local');
});
after(() => t?.close());

async function get(url: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: admin.headers });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
}

/** The job as the composition root defines it, over this app's database and file store. */
function demoJob() {
  return createAnalytics({
    db: t.database.db,
    jobs: t.runtime.jobs,
    // The app's own analytics module has the topics; this one only needs to publish.
    realtime: { registerTopic: () => {}, publish: (...args) => t.runtime.realtime.publish(...args) },
    compute: t.runtime.compute,
    ai: createAi(t.config),
    filesDir: join(t.config.dataDir, 'files'),
    uploadMaxBytes: 10_000_000,
  }).demoJob;
}

const context = (): JobContext => ({
  jobId: 'test',
  tenantId,
  attempt: 1,
  signal: new AbortController().signal,
  progress: async () => {},
  complete: async (work) => work(undefined as never),
});

describe('the second demo facility', () => {
  test('is pending once its row exists, and submitted once', async () => {
    const noFacility = await startSecondFacilityDemo({ db: t.database.db, jobs: { submit: noSubmit } });
    assert.deepEqual(noFacility, [], 'no DEMO-2 yet: nothing to do');
    await addSecondFacility(t.database.db, tenantId);
    const submitted: string[] = [];
    const jobs = {
      submit: async (name: string) => {
        submitted.push(name);
        return { id: `job-${submitted.length}` } as never;
      },
    };
    assert.deepEqual(await startSecondFacilityDemo({ db: t.database.db, jobs }), ['job-1']);
    assert.deepEqual(submitted, ['analytics.demo-second-facility']);
  });

  test('its job writes the facility, its history and an import per facility, analysed', async () => {
    const result = (await demoJob().run({ days: 3 }, context())) as {
      facilityId: string;
      lines: number;
      batches: number;
      importIds: string[];
    };
    const facilities = (await get('/facilities')).items as { id: string; code: string; timezone: string }[];
    const second = facilities.find((f) => f.code === SECOND_FACILITY.code);
    assert.equal(second?.id, result.facilityId);
    assert.equal(second?.timezone, SECOND_FACILITY.timezone);
    assert.equal(result.lines, 2);
    assert.ok(result.batches > 3, `${result.batches} batches over 3 days`);
    const lines = await get(`/plant-ops/lines?facilityId=${result.facilityId}`);
    assert.equal(lines.total, 2);
    assert.equal(result.importIds.length, 2, 'one import per demo facility');
    // The app's workers import and analyse them, as any upload.
    for (const importId of result.importIds)
      await eventually(
        async () =>
          (await get(`/analytics/analyses?importId=${importId}`)).items.find(
            (a: { status: string }) => a.status === 'completed',
          ),
        `the analysis of demo import ${importId}`,
        240_000,
      );
    const profiles = await get('/analytics/profiles');
    assert.equal(profiles.items.length, 1, 'the imports share the demo profile');

    const compared = await get(`/analytics/compare?facilityIds=${firstId},${result.facilityId}`);
    for (const key of ['oee.oee', 'workOrders.scrapRate', 'workOrders.costVariance']) {
      const metric = compared.metrics.find((m: { key: string }) => m.key === key);
      assert.ok(
        metric.values.every((v: { value: number | null }) => typeof v.value === 'number'),
        `${key}: ${JSON.stringify(metric.values)}`,
      );
    }

    // Again: the facility has its lines and both facilities their imports; nothing more is written.
    const again = (await demoJob().run({ days: 3 }, context())) as { batches: number; importIds: string[] };
    assert.deepEqual([again.batches, again.importIds], [0, []]);
    const noMore = await startSecondFacilityDemo({ db: t.database.db, jobs: { submit: noSubmit } });
    assert.deepEqual(noMore, [], 'not pending once it has lines');
  });
});

async function noSubmit(): Promise<never> {
  throw new Error('nothing should be submitted');
}
