import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadTestSettings } from '../../config.ts';
import { type Database, openDatabase, queryRows } from '../../platform/db/database.ts';
import { acrossTenants } from '../../platform/db/scope.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';
import { dueSlot } from './cron.ts';
import { pruneSkippedRuns } from './schedules.repo.ts';
import { createSchedulesService, type SchedulesService } from './schedules.service.ts';
import { type Call, caller, createProfile, ended, workOrdersCsv } from './testing.ts';

// The scheduler: a due slot becomes exactly one run, however many ticks race for it. On
// PostgreSQL, two app instances (each with its own connection pool and its own pg-boss, as two
// processes would have) tick the same slot at once: one run row, one import. And pg-boss's own
// cron drives the tick in both instances: every slot of a per-minute schedule runs once.

const postgres = Boolean(loadTestSettings().databaseUrl);
let t: TestApp;
let second: { app: TestApp; database: Database } | undefined;
let acme: TestTenant;
let dataDir: string;
let call: Call;
let profileId: string;
const s = {} as Record<'analyst' | 'viewer', TestSession>;
const services: SchedulesService[] = [];
const env = () => ({ DATA_DIR: dataDir, SCHEDULE_STABLE_SECONDS: '1' });

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plantintel-scheduler-'));
  t = await createTestApp({ env: env() });
  acme = await createTestTenant(t.database.db, 'scheduler');
  for (const role of ['analyst', 'viewer'] as const) s[role] = await signIn(t.app, acme.users[role].email);
  call = caller(t.app);
  profileId = await createProfile(call, s.analyst, 'Scheduler profile');
  const inboxRoot = join(dataDir, 'inbox');
  services.push(
    createSchedulesService({ db: t.database.db, jobs: t.runtime.jobs, inboxRoot, logger: t.app.log }),
  );
  if (postgres && t.database.raw.kind === 'postgres') {
    // The second instance: its own pool on the same database, its own job runtime.
    const database = await openDatabase({
      kind: 'postgres',
      url: String(t.database.raw.pool.options.connectionString),
      poolSize: 4,
    });
    const app = await createTestApp({
      env: env(),
      database: { ...database, dispose: () => database.close() },
    });
    second = { app, database };
    services.push(
      createSchedulesService({ db: database.db, jobs: app.runtime.jobs, inboxRoot, logger: app.app.log }),
    );
  }
});

after(async () => {
  await second?.app.close();
  await second?.database.close();
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function newSchedule(name: string, cron: string) {
  const res = await call('POST', '/analytics/schedules', s.analyst, {
    name,
    facilityId: acme.facilityId,
    cron,
    source: { kind: 'folder' },
    profileId,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

const runsOf = (scheduleId: string) =>
  queryRows<{ id: string; slot: Date; trigger: string; import_id: string | null }>(
    t.database.db,
    sql`select id, slot, trigger, import_id from analysis_schedule_runs where schedule_id = ${scheduleId} order by slot`,
  );

describe('the scheduler', () => {
  test(`a due slot runs once, however many ticks race for it (${postgres ? 'two app instances' : 'one process'})`, async () => {
    const schedule = await newSchedule('Daily at six', '0 6 * * *');
    writeFileSync(join(dataDir, schedule.source.folder, 'daily.csv'), workOrdersCsv({ tag: 'TICK' }));
    // As if the scheduler had been away since yesterday: the latest 06:00 is due (once).
    await t.database.db.execute(
      sql`update analysis_schedules set next_run_at = now() - interval '1 day' where id = ${schedule.id}`,
    );
    const now = new Date();
    const expectedSlot = dueSlot('0 6 * * *', 'UTC', now, new Date(0));
    const ticks = await Promise.all(
      [...services, ...services, ...services].map((service) => service.tick(now)),
    );
    // pg-boss's own tick may have taken the slot first: then no explicit tick starts a run.
    assert.ok(ticks.reduce((a, b) => a + b, 0) <= 1, JSON.stringify(ticks));
    const runs = await runsOf(schedule.id);
    assert.equal(runs.length, 1, JSON.stringify(runs));
    const [run] = runs;
    assert.equal(run?.trigger, 'schedule');
    assert.equal(new Date(run?.slot ?? 0).toISOString(), expectedSlot?.toISOString());
    const done = await ended(call, s.viewer, schedule.id, run?.id ?? '');
    assert.equal(done.status, 'completed', done.error);
    assert.equal((await runsOf(schedule.id)).length, 1);
    const imports = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from imports where file_name = 'daily.csv'`,
    );
    assert.equal(imports[0]?.n, 1, 'one import');
    assert.deepEqual((await readdir(join(dataDir, schedule.source.folder, 'processed'))).length, 1);

    // The next run moved on to tomorrow's 06:00; another tick now starts nothing.
    const next = await call('GET', `/analytics/schedules/${schedule.id}`, s.viewer);
    assert.ok(new Date(next.body.nextRunAt).getTime() > now.getTime());
    assert.match(next.body.nextRunLocal, / 06:00$/);
    assert.deepEqual(
      await Promise.all(services.map((service) => service.tick())),
      services.map(() => 0),
    );
    await call('POST', `/analytics/schedules/${schedule.id}/pause`, s.analyst);
  });

  test('runs that found nothing are pruned after a week, the latest of each schedule kept', async () => {
    const schedule = await newSchedule('Often empty', '0 6 * * *');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call('POST', `/analytics/schedules/${schedule.id}/run`, s.analyst);
      const run = await ended(call, s.viewer, schedule.id, res.body.id);
      assert.equal(run.status, 'skipped');
      ids.push(run.id);
    }
    await t.database.db.execute(
      sql`update analysis_schedule_runs set created_at = created_at - interval '8 days' where schedule_id = ${schedule.id}`,
    );
    assert.equal(await acrossTenants(t.database.db, (tx) => pruneSkippedRuns(tx, 7)), 2);
    assert.deepEqual(
      (await runsOf(schedule.id)).map((r) => r.id),
      [ids[2]],
    );
    await call('POST', `/analytics/schedules/${schedule.id}/pause`, s.analyst);
  });

  test("pg-boss's cron drives the tick: each minute of a per-minute schedule runs once", {
    skip: postgres ? false : 'two processes need PostgreSQL (the embedded database belongs to one process)',
  }, async () => {
    const schedule = await newSchedule('Every minute', '* * * * *');
    // Two slots, each ticked by whichever instance's scheduler claimed it (an empty folder: skipped runs).
    const runs = await eventually(
      async () => {
        const rows = await runsOf(schedule.id);
        return rows.length >= 2 ? rows : undefined;
      },
      'two scheduled runs',
      200_000,
    );
    await call('POST', `/analytics/schedules/${schedule.id}/pause`, s.analyst);
    const slots = runs.map((r) => new Date(r.slot).toISOString());
    assert.equal(new Set(slots).size, slots.length, `one run per slot: ${slots.join(', ')}`);
    for (const slot of slots) assert.match(slot, /:00\.000Z$/, 'slots are whole minutes');
    for (const run of runs) assert.equal(run.trigger, 'schedule');
  });
});
