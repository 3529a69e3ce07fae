// The demo seed and the history job against a real database and job queue (a runtime of its own:
// the job is defined here with a spy for the after-history hook).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../../config.ts';
import { queryRows } from '../../../platform/db/database.ts';
import { inTenant, readInTenant } from '../../../platform/db/scope.ts';
import { createTestDatabase, type TestDatabase } from '../../../platform/db/testing.ts';
import type { JobRow } from '../../../platform/jobs/jobs.repo.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { createLogger } from '../../../platform/observability/logger.ts';
import { createRuntime, type Runtime } from '../../../platform/runtime.ts';
import { createTestTenant, type TestTenant } from '../../identity/testing.ts';
import { DEMO_SEED } from './catalogue.ts';
import { generateDemand } from './demand-generator.ts';
import { seedDemoSupply } from './demo.ts';
import { defineDemoJobs, startDemoHistory, yesterday } from './demo-history.job.ts';
import { DEMO_HISTORY_JOB } from './demo-history.repo.ts';

const DAYS = 14;
let database: TestDatabase;
let runtime: Runtime;
let acme: TestTenant;
let other: TestTenant;
const afterHistory: string[] = [];

before(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'warn', WORKER_CONCURRENCY: '1' });
  runtime = createRuntime({ config, database, logger: createLogger(config) });
  defineDemoJobs(runtime.jobs, {
    db: database.db,
    afterHistory: async (tenantId) => {
      afterHistory.push(tenantId);
    },
  });
  await runtime.start({ workers: true, listen: false });
  acme = await createTestTenant(database.db, 'supply-demo');
  other = await createTestTenant(database.db, 'supply-other');
});
after(async () => {
  await runtime?.stop();
  await database?.dispose();
});

const count = async (tenantId: string, table: string, where = 'true') => {
  const [row] = await readInTenant(database.db, tenantId, (tx) =>
    queryRows<{ n: number }>(tx, sql.raw(`select count(*)::int as n from ${table} where ${where}`)),
  );
  return row?.n ?? 0;
};
const pending = (tenantId: string) => count(tenantId, 'supply_settings', 'demo_history_pending');
const finished = (id: string) =>
  eventually<JobRow>(
    async () => {
      const job = await runtime.jobs.get(acme.id, id);
      return job && (job.status === 'completed' || job.status === 'failed') ? job : undefined;
    },
    `job ${id}`,
    60_000,
  );

describe('supply demo', () => {
  test('seeds the network, the catalogue and the open orders once, and marks the history pending', async () => {
    const summary = await seedDemoSupply(database.db, { tenantId: acme.id, today: '2026-03-10' });
    assert.equal(summary.created, true);
    assert.equal(summary.warehouses, 3);
    assert.equal(summary.skus, 200);
    assert.ok(summary.orders >= 10 && summary.orders <= 18);
    assert.equal(await count(acme.id, 'supply_warehouses'), 3);
    assert.equal(await count(acme.id, 'supply_inventory'), summary.inventory);
    assert.equal(await count(acme.id, 'supply_vehicles'), summary.vehicles);
    assert.equal(await count(acme.id, 'supply_clients'), summary.clients);
    assert.equal(await count(acme.id, 'supply_orders'), summary.orders + summary.deliveries);
    // The delivery day (issue 17): ten vehicles, 150 clients, tomorrow's orders with their loads.
    assert.equal(summary.vehicles, 10);
    assert.equal(summary.clients, 150);
    assert.ok(summary.deliveries >= 100);
    assert.equal(
      await count(acme.id, 'supply_orders', "requested_date = '2026-03-11' and reference like 'SO-26%'"),
      summary.deliveries,
    );
    assert.ok((await count(acme.id, 'supply_orders', "'refrigerated' = any(required_features)")) >= 5);
    assert.equal(await count(acme.id, 'supply_inventory', 'unit_weight_kg = 1'), 0);
    assert.equal(await count(acme.id, 'supply_vehicle_assignments'), summary.assignments);
    assert.ok((await count(acme.id, 'supply_inventory', 'on_order > 0')) >= 4);
    assert.ok((await count(acme.id, 'supply_inventory', 'reserved > 0')) > 0);
    assert.equal(await count(acme.id, 'supply_inventory', 'reserved > on_hand'), 0);
    assert.equal(await pending(acme.id), 1);
    // Once: a second call changes nothing; another tenant sees none of it.
    assert.equal((await seedDemoSupply(database.db, { tenantId: acme.id })).created, false);
    assert.equal(await count(acme.id, 'supply_warehouses'), 3);
    assert.equal(await count(other.id, 'supply_inventory'), 0);
  });

  test('the history job writes every stock point’s days once, clears the flag and calls the hook', async () => {
    const [jobId, ...more] = await startDemoHistory({ db: database.db, jobs: runtime.jobs, days: DAYS });
    assert.ok(jobId && more.length === 0);
    // Queued, running or done: a second start submits nothing.
    assert.deepEqual(await startDemoHistory({ db: database.db, jobs: runtime.jobs, days: DAYS }), []);
    const job = await finished(jobId);
    assert.equal(job.status, 'completed', job.error ?? '');
    const inventory = await count(acme.id, 'supply_inventory');
    const result = job.result as { series: number; inserted: number; forecast: string; end: string };
    assert.equal(result.series, inventory);
    assert.equal(result.inserted, inventory * DAYS);
    assert.equal(result.forecast, 'requested');
    assert.equal(result.end, yesterday());
    assert.equal(await count(acme.id, 'supply_demand'), inventory * DAYS);
    assert.equal(await pending(acme.id), 0);
    assert.deepEqual(afterHistory, [acme.id]);
    assert.deepEqual(await startDemoHistory({ db: database.db, jobs: runtime.jobs, days: DAYS }), []);
  });

  test('the stored days are the generator’s', async () => {
    const [row] = await readInTenant(database.db, acme.id, (tx) =>
      queryRows<{ sku: string; code: string; category: string; days: string[]; qty: number[] }>(
        tx,
        sql`select i.sku, w.code, i.category, array_agg(d.day::text order by d.day) as days,
                   array_agg(d.quantity order by d.day) as qty
            from supply_inventory i join supply_warehouses w on w.id = i.warehouse_id
            join supply_demand d on d.warehouse_id = i.warehouse_id and d.sku = i.sku
            where i.sku = 'FST-1001' group by 1, 2, 3 order by 2 limit 1`,
      ),
    );
    assert.ok(row);
    const expected = generateDemand({
      seed: DEMO_SEED,
      sku: row.sku,
      warehouse: row.code,
      category: row.category,
      end: yesterday(),
      days: DAYS,
    });
    assert.equal(row.days[0], expected.start);
    assert.deepEqual(row.qty.map(Number), expected.quantity);
  });

  test('a second run with the flag set again inserts nothing new (days already stored are skipped)', async () => {
    await inTenant(database.db, acme.id, (tx) =>
      tx.execute(sql`update supply_settings set demo_history_pending = true`),
    );
    const [jobId] = await startDemoHistory({ db: database.db, jobs: runtime.jobs, days: DAYS });
    assert.ok(jobId);
    const job = await finished(jobId);
    assert.equal(job.status, 'completed', job.error ?? '');
    assert.equal((job.result as { inserted: number }).inserted, 0);
    assert.equal(await pending(acme.id), 0);
    // Without the flag the job does nothing at all.
    const manual = await runtime.jobs.submit(DEMO_HISTORY_JOB, { days: DAYS }, { tenantId: acme.id });
    assert.deepEqual((await finished(manual.id)).result, {
      skipped: true,
      reason: 'no demo history pending',
    });
  });
});
