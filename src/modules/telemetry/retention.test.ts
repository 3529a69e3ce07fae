import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.ts';
import { acrossTenants, inTenant } from '../../platform/db/scope.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { createTestTenant, signIn, type TestTenant } from '../identity/testing.ts';
import { createTelemetry } from './index.ts';
import { ensurePartitions, insertReadings } from './readings.repo.ts';

// Retention drops whole daily partitions past READINGS_RETENTION_DAYS (and minute rollups as old),
// keeps the hourly rollups, and maintenance makes the coming days' partitions ahead of time.

const DAY = 86_400_000;
let t: TestApp;
let acme: TestTenant;

before(async () => {
  t = await createTestApp({ env: { READINGS_RETENTION_DAYS: '5' } });
  acme = await createTestTenant(t.database.db, 'retention');
});
after(() => t?.close());

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const partitions = async () =>
  (
    await queryRows<{ relname: string }>(
      t.database.db,
      sql`select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
          where i.inhparent = 'readings'::regclass order by 1`,
    )
  ).map((r) => r.relname);

test('retention drops old daily partitions and minute rollups, keeps hourly rollups', async () => {
  const admin = await signIn(t.app, acme.users.admin.email);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/plant-ops/sensors',
    headers: admin.headers,
    payload: { facilityId: acme.facilityId, key: 'RET-1', name: 'r', type: 'other' },
  });
  const sensorId = res.json().id as string;
  const now = Date.now();
  const old = now - 9 * DAY;
  const recent = now - 2 * DAY;
  await inTenant(t.database.db, acme.id, async (tx) => {
    await ensurePartitions(tx, day(old), day(recent));
    await insertReadings(tx, { sensorIds: [sensorId], sensor: [0, 0], ts: [old, recent], value: [1, 2] });
  });
  assert.ok((await partitions()).includes(`readings_p${day(old).replaceAll('-', '')}`));

  const telemetry = createTelemetry({
    db: t.database.db,
    events: t.runtime.events,
    realtime: t.runtime.realtime,
    logger: { warn() {} },
    retentionDays: 5,
    lateDataWindowSeconds: 600,
    bulkBodyLimit: 1_048_576,
    jobs: t.runtime.jobs,
    uploadsDir: '/tmp/plantintel-retention-test-uploads',
    importMaxBytes: 1_048_576,
  } as Parameters<typeof createTelemetry>[0]);
  await telemetry.maintenanceTasks['telemetry.retention'](t.database.db);
  await telemetry.maintenanceTasks['telemetry.partitions'](t.database.db);

  const names = await partitions();
  assert.ok(!names.includes(`readings_p${day(old).replaceAll('-', '')}`), names.join(','));
  assert.ok(names.includes(`readings_p${day(recent).replaceAll('-', '')}`));
  assert.ok(names.includes(`readings_p${day(now + 3 * DAY).replaceAll('-', '')}`), 'three days ahead');
  const counts = await acrossTenants(t.database.db, (tx) =>
    queryRows<{ raw: number; minutes: number; hours: number }>(
      tx,
      sql`select (select count(*)::int from readings where sensor_id = ${sensorId}) as raw,
                 (select count(*)::int from readings_1m where sensor_id = ${sensorId}) as minutes,
                 (select count(*)::int from readings_1h where sensor_id = ${sensorId}) as hours`,
    ),
  );
  assert.deepEqual(counts[0], { raw: 1, minutes: 1, hours: 2 });
  // Readings older than the retention are refused on ingest.
  const refused = await t.app.inject({
    method: 'POST',
    url: '/api/v1/plant-ops/sensors/readings/bulk',
    headers: admin.headers,
    payload: { readings: [{ sensorId, ts: old, value: 1 }] },
  });
  assert.deepEqual(refused.json().reasons, { timestamp_out_of_range: 1 });
});
