import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadTestSettings } from '../../config.ts';
import { inTenant, readInTenant } from '../../platform/db/scope.ts';
import { createTestDatabase, type TestDatabase } from '../../platform/db/testing.ts';
import { createTestTenant, type TestTenant } from '../identity/testing.ts';
import { findCamera, insertCamera, insertStation, touchCameras } from './stations.repo.ts';
import { insertImages, insertTrigger } from './triggers.repo.ts';

// Two triggers of one station at once, each storing an image of the same camera (a foreign key:
// a key-share lock on the camera's row) and then marking the camera seen. Only PostgreSQL runs the
// two transactions side by side; the embedded database runs one at a time.

let database: TestDatabase;
let tenant: TestTenant;
let cameraId = '';
let stationId = '';

before(async () => {
  database = await createTestDatabase();
  tenant = await createTestTenant(database.db, 'camera-touch');
  await inTenant(database.db, tenant.id, async (tx) => {
    const station = await insertStation(tx, {
      tenantId: tenant.id,
      facilityId: tenant.facilityId,
      name: 'X-ray 1',
    });
    stationId = station.id;
    const camera = await insertCamera(tx, {
      tenantId: tenant.id,
      stationId,
      serialNumber: 'CAM-1',
      name: 'Top',
      width: 64,
      height: 64,
      mmPerPixel: 0.1,
    });
    cameraId = camera.id;
  });
});
after(() => database?.dispose());

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const onPostgres = {
  skip: !loadTestSettings().databaseUrl && 'two transactions at once need PostgreSQL (DATABASE_URL)',
};

test('two triggers marking the same camera seen at once both commit (no deadlock)', onPostgres, async () => {
  const stored = [deferred(), deferred()];
  const trigger = (n: 0 | 1) =>
    inTenant(database.db, tenant.id, async (tx) => {
      const row = await insertTrigger(tx, {
        tenantId: tenant.id,
        stationId,
        partNumber: 'P-1',
        partSerial: `S-${n}`,
        ts: new Date(),
        verdict: 'pass',
      });
      await insertImages(tx, [
        {
          tenantId: tenant.id,
          triggerId: row.id,
          cameraId,
          fileKey: `${tenant.id}/${String(n).repeat(64)}`,
          bytes: 1,
          format: 'png',
          width: 64,
          height: 64,
          bitDepth: 8,
          regionVersion: 0,
          verdict: 'pass',
          verdictDetail: {},
          capturedAt: new Date(),
        },
      ]);
      // Both hold the key-share lock of their image's foreign key before either marks the camera.
      stored[n]?.resolve();
      await stored[1 - n]?.promise;
      await touchCameras(tx, [cameraId], new Date());
    });
  await Promise.all([trigger(0), trigger(1)]);
  const camera = await readInTenant(database.db, tenant.id, (tx) => findCamera(tx, cameraId));
  assert.equal(camera?.status, 'online');
  assert.ok(camera?.lastSeenAt);
});
