// DATA_DIR out of space: the embedded server runs on a small tmpfs of its own (root only: it mounts
// one), a filler file takes the last free byte while clients write, and then the space comes back.
// While the disk is full every answer is either a success or the documented 503 (never a bare 500);
// once space returns writes succeed again without a restart; after a restart on the same directory
// every acknowledged write is there. Always the embedded database, so it runs in the embedded phase.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
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

function mountUnsupported(): string | false {
  const embedded = embeddedPhaseOnly();
  if (embedded) return embedded;
  if (process.getuid?.() !== 0) return 'mounts a tmpfs: needs root';
  return false;
}

/** Writes `file` until the filesystem is full; returns the bytes written. */
function fill(file: string): number {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1 << 20, 7);
  let written = 0;
  try {
    for (;;) {
      try {
        written += writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw err;
      }
    }
    // The last partial megabyte.
    for (const size of [65536, 4096, 512, 1]) {
      for (;;) {
        try {
          written += writeSync(fd, chunk.subarray(0, size));
        } catch {
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

describe('DATA_DIR out of space', { skip: mountUnsupported() }, () => {
  test('clean 503s while full, writes again when space returns, nothing acknowledged lost', async (t) => {
    const dataDir = cleanup.tempDir('plantintel-diskfull-');
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=192m', 'tmpfs', dataDir], {
      encoding: 'utf8',
    });
    if (mounted.status !== 0) {
      t.skip(`could not mount a tmpfs: ${mounted.stderr.trim()}`);
      return;
    }
    cleanup.add(() => spawnSync('umount', ['-l', dataDir]));
    const env = serverEnv({ DATA_DIR: dataDir });
    const { server, tenant } = await startEmbeddedWithTenant(env, 'diskfull', cleanup);
    const api = async (headers: Record<string, string>, method: string, url: string, body?: object) => {
      const res = await fetch(`${server.url}/api/v1${url}`, {
        method,
        headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, retryAfter: res.headers.get('retry-after'), text };
    };
    const admin = await login(server.url, tenant.users.admin.email, TEST_PASSWORD);
    const sensor = await api(admin, 'POST', '/plant-ops/sensors', {
      facilityId: tenant.facilityId,
      key: 'DF-1',
      name: 'Disk-full sensor',
      type: 'temperature',
      unit: '°C',
    });
    assert.equal(sensor.status, 201, sensor.text);
    const sensorId = String(JSON.parse(sensor.text).id);

    const acknowledged = new Set<number>();
    const base = Date.now() - 30 * 86_400_000;
    let next = 0;
    /** A bulk write of 5,000 readings; their timestamps are kept when the server acknowledges them. */
    const write = async () => {
      const from = next;
      next += 5000;
      const readings = Array.from({ length: 5000 }, (_, i) => ({
        sensorId,
        ts: new Date(base + (from + i) * 1000).toISOString(),
        value: (from + i) % 100,
      }));
      const res = await api(admin, 'POST', '/plant-ops/sensors/readings/bulk', { readings });
      if (res.status === 200) {
        assert.equal(JSON.parse(res.text).accepted, 5000, res.text);
        for (let i = 0; i < 5000; i++) acknowledged.add(base + (from + i) * 1000);
      }
      return res;
    };
    assert.equal((await write()).status, 200);

    // Full: every answer is a success or the documented 503, and some are 503s.
    const filler = path.join(dataDir, 'filler');
    fill(filler);
    const statuses: number[] = [];
    await eventually(
      async () => {
        const res = await write();
        statuses.push(res.status);
        if (res.status !== 200) {
          assert.equal(res.status, 503, `only 200 or 503 while the disk is full: ${res.text}`);
          assert.equal(res.retryAfter, '60');
          assert.match(res.text, /out of storage space/);
          return true;
        }
        return undefined;
      },
      'a write refused for lack of space',
      120_000,
    );
    // Reads still answer.
    const read = await api(admin, 'GET', `/plant-ops/sensors/${sensorId}`);
    assert.equal(read.status, 200, read.text);

    // Space returns: writes succeed again, without a restart.
    rmSync(filler);
    await eventually(
      async () => ((await write()).status === 200 ? true : undefined),
      'a write after space returned',
      120_000,
    );
    assert.equal((await server.stop()).code, 0, server.output().slice(-3000));

    // Every acknowledged reading is there after a restart on the same directory.
    const again = await startServerProcess(env);
    cleanup.add(() => again.kill());
    assert.equal((await fetch(`${again.url}/ready`)).status, 200);
    assert.equal((await again.stop()).code, 0, again.output().slice(-3000));
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    try {
      const stored = await acrossTenants(database.db, (tx) =>
        queryRows<{ ts: Date }>(tx, sql`select ts from readings where sensor_id = ${sensorId}`),
      );
      const found = new Set(stored.map((r) => new Date(r.ts).getTime()));
      const missing = [...acknowledged].filter((ts) => !found.has(ts));
      t.diagnostic(
        `while full: ${statuses.join(',')}; ${acknowledged.size} readings acknowledged, ${found.size} stored`,
      );
      assert.equal(
        missing.length,
        0,
        `acknowledged readings missing: ${missing.length} (statuses ${statuses.join(',')})`,
      );
    } finally {
      await database.close();
    }
  });
});
