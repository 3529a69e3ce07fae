import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { aiPipelines, aiWorkspaces, jobs } from '../../../platform/db/schema/index.ts';
import { readInTenant } from '../../../platform/db/scope.ts';
import { createTestDatabase, type TestDatabase } from '../../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { seedDemoTenant } from '../../identity/index.ts';
import { callApi, signIn } from '../../identity/testing.ts';
import { DEMO_PIPELINES, DEMO_WORKSPACES } from './demo-catalog.ts';
import { DEMO_TRAFFIC_JOB } from './demo-traffic.repo.ts';

// The demo tenant's gateway is seeded at start (in the background) through the catalog's service,
// once: a second start on the same database creates nothing, shows no second key and queues no
// second traffic burst.

const PASSWORD = 'demo-pass-1';
let db: TestDatabase;
let tenantId: string;

before(async () => {
  db = await createTestDatabase();
  tenantId = (await seedDemoTenant(db.db, { password: PASSWORD }, () => {})).tenant.id;
});
after(() => db.dispose());

const counts = () =>
  readInTenant(db.db, tenantId, async (tx) => {
    const [w] = await tx.select({ n: count() }).from(aiWorkspaces);
    const [p] = await tx.select({ n: count() }).from(aiPipelines);
    const [j] = await tx.select({ n: count() }).from(jobs).where(eq(jobs.name, DEMO_TRAFFIC_JOB));
    return { workspaces: w?.n ?? 0, pipelines: p?.n ?? 0, burstJobs: j?.n ?? 0 };
  });

/** Starts the app on the demo database, runs `work`, closes it; returns what it announced (one-time secrets). */
async function start(work: (t: TestApp) => Promise<void>) {
  const announced: string[] = [];
  const t = await createTestApp({ database: db, announce: (message) => announced.push(message) });
  try {
    await work(t);
  } finally {
    await t.close(); // waits for the start-up seeding
  }
  return announced.join('\n');
}

test('the demo gateway is seeded at the first start and not again at the next', async () => {
  const firstOutput = await start(async ({ app }) => {
    await eventually(
      async () => ((await counts()).burstJobs > 0 ? true : undefined),
      'the demo seeding',
      60_000,
    );
    const { headers } = await signIn(app, 'admin@demo.local', PASSWORD);
    const workspaces = (await callApi(app, 'GET', '/ai/workspaces?limit=100', headers)).json();
    assert.deepEqual(
      workspaces.items.map((w: { name: string }) => w.name).sort(),
      DEMO_WORKSPACES.map((w) => w.name).sort(),
    );
    const pipelines = (await callApi(app, 'GET', '/ai/pipelines?limit=100', headers)).json();
    const demo = pipelines.items.filter((p: { slug: string }) =>
      DEMO_PIPELINES.some((d) => d.slug === p.slug),
    );
    assert.deepEqual(
      demo.map((p: { slug: string; status: string }) => `${p.slug}:${p.status}`).sort(),
      DEMO_PIPELINES.map((p) => `${p.slug}:${p.status}`).sort(),
    );
  });
  const key = /Demo AI gateway key for workspace "[^"]+": (\S+)/.exec(firstOutput)?.[1];
  assert.ok(key, 'the demo key is shown at the first start');
  // With the address this server listens on (the test app's defaults, HOST 127.0.0.1 and PORT 8080).
  assert.match(
    firstOutput,
    /new OpenAI\(\{ baseURL: 'http:\/\/127\.0\.0\.1:8080\/api\/v1\/ai\/v1', apiKey \}\)/,
  );
  const first = await counts();
  assert.equal(first.workspaces, DEMO_WORKSPACES.length);
  assert.equal(first.burstJobs, 1);

  const secondOutput = await start(async ({ app }) => {
    // The key shown at the first start reaches the demo's developer pipelines through the gateway.
    const models = await app.inject({
      method: 'GET',
      url: '/api/v1/ai/v1/models',
      headers: { authorization: `Bearer ${key}` },
    });
    assert.equal(models.statusCode, 200, models.body);
    assert.ok(
      models.json().data.some((m: { id: string }) => m.id === 'pipeline/api-docs'),
      models.body,
    );
  });
  assert.deepEqual(await counts(), first, 'nothing created twice, no second burst queued');
  assert.doesNotMatch(secondOutput, /Demo AI gateway key/);
});
