// A real server process for the fault tests (crash.test.ts): it runs the platform runtime on the
// database named by DATABASE_URL or DATA_DIR and reports what happens as JSON lines on stdout.
//   FIXTURE=job   SETUP=1 → enqueue a job whose first attempt hangs (the test SIGKILLs us there);
//                 else     → run workers until the job has completed, then report the effect count
//   FIXTURE=event SETUP=1 → record an event and SIGKILL ourselves right after the commit;
//                 else     → run the dispatcher until the event is delivered, then report
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../config.ts';
import { createTestTenant } from '../../modules/identity/testing.ts';
import { openDatabase, queryRows, targetFromConfig } from '../db/database.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { inTenant } from '../db/scope.ts';
import { createLogger } from '../observability/logger.ts';
import { createRuntime } from '../runtime.ts';
import { countEffects, createEffectsTable, eventually, recordEffect } from './testing.ts';

declare module './jobs.ts' {
  interface JobPayloads {
    'test.crashy': { key: string };
  }
}

const report = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', JOBS_SUPERVISE_SECONDS: '1' });
const database = await openDatabase(targetFromConfig(config));
await migrateDatabase(database);
const db = database.db;
const runtime = createRuntime({ config, database, logger: createLogger(config, process.stderr) });

runtime.jobs.define({
  name: 'test.crashy',
  retryLimit: 3,
  retryDelaySeconds: 1,
  backoff: false,
  timeoutSeconds: 3,
  async run({ key }, ctx) {
    report({ attempt: ctx.attempt });
    if (ctx.attempt === 1) await sleep(60_000, undefined, { signal: ctx.signal });
    await ctx.complete((tx) => recordEffect(tx, key, ctx.tenantId));
  },
});
runtime.events.on('test.crash-consumer', ['Crashed'], async (event, tx) => {
  await recordEffect(tx, `event:${event.id}`, event.tenantId);
});

const setup = process.env.SETUP === '1';
if (setup) await createEffectsTable(db);
await runtime.start({ workers: true, listen: false });

const tenantId = async () =>
  setup
    ? (await createTestTenant(db, `crash-${process.env.FIXTURE}`)).id
    : ((
        await queryRows<{ id: string }>(
          db,
          sql`select id from tenants where name = ${`Tenant crash-${process.env.FIXTURE}`}`,
        )
      )[0]?.id ?? '');

if (process.env.FIXTURE === 'job') {
  if (setup) {
    const job = await runtime.jobs.submit('test.crashy', { key: 'crashy' }, { tenantId: await tenantId() });
    report({ enqueued: job.id });
  } else {
    const id = await tenantId();
    const [job] = (await runtime.jobs.list(id, { limit: 1, offset: 0 })).items;
    const done = await eventually(
      async () => {
        const row = job && (await runtime.jobs.get(id, job.id));
        return row?.status === 'completed' ? row : undefined;
      },
      'the retried job',
      60_000,
    );
    report({ completed: done.id, attempts: done.attempts, effects: await countEffects(db, 'crashy') });
  }
} else if (setup) {
  const id = await tenantId();
  const row = await inTenant(db, id, (tx) =>
    runtime.events.record(tx, {
      tenantId: id,
      aggregateType: 'crash',
      aggregateId: 'c1',
      type: 'Crashed',
      data: {},
    }),
  );
  report({ recorded: row.id });
  process.kill(process.pid, 'SIGKILL');
} else {
  const [event] = await queryRows<{ id: number }>(
    db,
    sql`select id from domain_events where event_type = 'Crashed'`,
  );
  const id = Number(event?.id ?? 0);
  await eventually(async () => ((await countEffects(db, `event:${id}`)) > 0 ? true : undefined), 'delivery');
  await sleep(500);
  report({ delivered: id, effects: await countEffects(db, `event:${id}`) });
}
await runtime.stop();
await database.close();
