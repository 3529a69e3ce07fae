// SIGKILL of the embedded server while every module writes: clients create plant batches, sensor
// readings, notification channels and supply warehouses through the real routes of a real server (a
// child process on its own DATA_DIR), the server is killed with SIGKILL mid-load, restarted on the same
// directory, and every write it acknowledged is there. Always the embedded database (the point is
// PGlite's durability), so it runs once, in the embedded phase (DATABASE_URL unset).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { TEST_PASSWORD } from '../../src/modules/identity/testing.ts';
import { openDatabase, queryRows } from '../../src/platform/db/database.ts';
import { acrossTenants } from '../../src/platform/db/scope.ts';
import { embeddedPhaseOnly } from '../../src/platform/db/testing.ts';
import {
  cleanupList,
  eventually,
  login,
  serverEnv,
  startEmbeddedWithTenant,
  startServerProcess,
} from './processes.ts';

const cleanup = cleanupList();

type Headers = Record<string, string>;

const skip = embeddedPhaseOnly();

describe('SIGKILL of the embedded server while every module writes', { skip }, () => {
  test('0 acknowledged writes lost; the database reopens', async () => {
    const dataDir = cleanup.tempDir('plantintel-sigkill-');
    const env = serverEnv({ DATA_DIR: dataDir });
    const { server, tenant } = await startEmbeddedWithTenant(env, 'sigkill', cleanup);
    const api = async (headers: Headers, method: string, url: string, body?: object) => {
      const res = await fetch(`${server.url}/api/v1${url}`, {
        method,
        headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const admin = await login(server.url, tenant.users.admin.email, TEST_PASSWORD);
    const operator = await login(server.url, tenant.users.operator.email, TEST_PASSWORD);
    const analyst = await login(server.url, tenant.users.analyst.email, TEST_PASSWORD);
    const line = await api(admin, 'POST', '/plant-ops/lines', {
      facilityId: tenant.facilityId,
      code: 'K1',
      name: 'Line K1',
    });
    assert.equal(line.status, 201, JSON.stringify(line.body));
    const sensor = await api(admin, 'POST', '/plant-ops/sensors', {
      facilityId: tenant.facilityId,
      key: 'K-T1',
      name: 'Kill sensor',
      type: 'temperature',
      unit: '°C',
    });
    assert.equal(sensor.status, 201, JSON.stringify(sensor.body));
    const sensorId = String(sensor.body.id);

    // One writer per module; each keeps what the server acknowledged.
    const acked = {
      batches: [] as string[],
      readings: [] as number[],
      channels: [] as string[],
      warehouses: [] as string[],
    };
    const base = Date.now() - 3600_000;
    let writing = true;
    const writer = async (write: (i: number) => Promise<void>) => {
      for (let i = 0; writing; i++) {
        try {
          await write(i);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [
      writer(async (i) => {
        const res = await api(operator, 'POST', '/plant-ops/batches', {
          lineId: line.body.id,
          productSku: `KILL-${i}`,
          plannedQuantity: 10,
          idealCycleSeconds: 1,
        });
        if (res.status === 201) acked.batches.push(String(res.body.id));
      }),
      writer(async (i) => {
        const ts = base + i * 1000;
        const res = await api(operator, 'POST', `/plant-ops/sensors/${sensorId}/readings`, {
          ts: new Date(ts).toISOString(),
          value: i,
        });
        if (res.status === 200 && res.body.accepted === 1) acked.readings.push(ts);
      }),
      writer(async (i) => {
        const res = await api(admin, 'POST', '/notifications/channels', {
          name: `Bell ${i}`,
          kind: 'in_app',
        });
        if (res.status === 201) acked.channels.push(String((res.body.channel as { id: string }).id));
      }),
      writer(async (i) => {
        const res = await api(analyst, 'POST', '/supply/entities/warehouses', {
          code: `WH-${i}`,
          name: `Warehouse ${i}`,
        });
        if (res.status === 201) acked.warehouses.push(String(res.body.id));
      }),
    ];
    try {
      await eventually(
        async () => (Object.values(acked).every((list) => list.length >= 5) ? true : undefined),
        `every module to have written (${JSON.stringify(Object.fromEntries(Object.entries(acked).map(([k, v]) => [k, v.length])))})`,
        90_000,
      );
    } finally {
      const killed = await server.kill();
      writing = false;
      await Promise.all(writers);
      assert.equal(killed.signal, 'SIGKILL');
    }

    // It reopens on the same directory and answers.
    const again = await startServerProcess(env);
    cleanup.add(() => again.kill());
    const ready = await fetch(`${again.url}/ready`);
    assert.equal(ready.status, 200);
    assert.equal((await again.stop()).code, 0, again.output().slice(-3000));

    // Every acknowledged write is in the database.
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    try {
      const found = await acrossTenants(database.db, async (tx) => {
        const ids = async (table: string, ids: string[]) =>
          (
            await queryRows<{ id: string }>(
              tx,
              sql`select id::text as id from ${sql.identifier(table)} where id::text = any(${`{${ids.join(',')}}`}::text[])`,
            )
          ).map((r) => r.id);
        const readings = await queryRows<{ ts: Date }>(
          tx,
          sql`select ts from readings where sensor_id = ${sensorId}`,
        );
        return {
          batches: await ids('batches', acked.batches),
          channels: await ids('notification_channels', acked.channels),
          warehouses: await ids('supply_warehouses', acked.warehouses),
          readings: new Set(readings.map((r) => new Date(r.ts).getTime())),
        };
      });
      assert.deepEqual(new Set(found.batches), new Set(acked.batches), 'batches');
      assert.deepEqual(new Set(found.channels), new Set(acked.channels), 'notification channels');
      assert.deepEqual(new Set(found.warehouses), new Set(acked.warehouses), 'warehouses');
      assert.deepEqual(
        acked.readings.filter((ts) => !found.readings.has(ts)),
        [],
        'acknowledged readings missing',
      );
    } finally {
      await database.close();
    }
  });
});
