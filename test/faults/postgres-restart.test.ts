// PostgreSQL restarted under load: the real server (a child process) on a throwaway cluster of this
// test's own, clients reading and writing while the cluster stops and starts again. While it is down
// every request is answered 503 `unavailable` with Retry-After and the error body (never a 500, never
// a dropped connection); afterwards the pool reconnects by itself, every acknowledged write is there,
// and pg-boss runs a job enqueued after the outage. It does not use the suite's database, so it runs
// once, in the PostgreSQL phase (DATABASE_URL set), not again in the embedded one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadTestSettings } from '../../src/config.ts';
import { createTestTenant, TEST_PASSWORD } from '../../src/modules/identity/testing.ts';
import { startReceiver } from '../../src/modules/notifications/testing.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import {
  cleanupList,
  clusterUnsupported,
  eventually,
  login,
  serverEnv,
  startCluster,
  startServerProcess,
} from './processes.ts';

const cleanup = cleanupList();
const unsupported =
  clusterUnsupported() ??
  (loadTestSettings().databaseUrl ? undefined : 'runs with the PostgreSQL test phase (set DATABASE_URL)');

interface Answer {
  phase: 'up' | 'down' | 'recovered';
  status: number;
  retryAfter: string | null;
  body: string;
}

describe('PostgreSQL restarted during load', { skip: unsupported ?? false }, () => {
  test('503 with Retry-After while it is down, the pool and the job queue recover, no write lost', async () => {
    const cluster = await startCluster(cleanup);
    const server = await startServerProcess(
      serverEnv({ DATABASE_URL: cluster.url, DATA_DIR: cleanup.tempDir('plantintel-pgfault-') }),
    );
    cleanup.add(() => server.kill());

    const seeding = await openDatabase({ kind: 'postgres', url: cluster.url, poolSize: 2 });
    const tenant = await createTestTenant(seeding.db, 'pgfault').finally(() => seeding.close());
    const admin = await login(server.url, tenant.users.admin.email, TEST_PASSWORD);
    const operator = await login(server.url, tenant.users.operator.email, TEST_PASSWORD);
    const api = (headers: Record<string, string>, method: string, url: string, body?: object) =>
      fetch(`${server.url}/api/v1${url}`, {
        method,
        headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const line = await api(admin, 'POST', '/plant-ops/lines', {
      facilityId: tenant.facilityId,
      code: 'L1',
      name: 'Line 1',
    });
    assert.equal(line.status, 201, await line.clone().text());
    const lineId = ((await line.json()) as { id: string }).id;

    // Load: every client writes a batch, then reads it back, until told to stop.
    let phase: Answer['phase'] = 'up';
    let loading = true;
    const answers: Answer[] = [];
    const acknowledged: string[] = [];
    const dropped: string[] = [];
    const record = async (res: Response) => {
      const body = await res.text();
      answers.push({ phase, status: res.status, retryAfter: res.headers.get('retry-after'), body });
      return body;
    };
    const clients = Array.from({ length: 6 }, async (_, n) => {
      for (let i = 0; loading; i++) {
        try {
          const created = await api(operator, 'POST', '/plant-ops/batches', {
            lineId,
            productSku: `SKU-${n}-${i}`,
            plannedQuantity: 100,
            idealCycleSeconds: 1,
          });
          const body = await record(created);
          if (created.status !== 201) continue;
          const { id } = JSON.parse(body) as { id: string };
          acknowledged.push(id);
          await record(await api(operator, 'GET', `/plant-ops/batches/${id}`));
        } catch (err) {
          dropped.push(`${phase}: ${(err as Error).message}`);
        }
      }
    });
    const count = (p: Answer['phase'], ok: (s: number) => boolean) =>
      answers.filter((a) => a.phase === p && ok(a.status)).length;
    const success = (s: number) => s < 300;
    try {
      await eventually(async () => (count('up', success) >= 20 ? true : undefined), 'load before', 60_000);
      phase = 'down';
      await cluster.stop('fast');
      await eventually(
        async () => (count('down', (s) => s === 503) >= 20 ? true : undefined),
        '503s while PostgreSQL is down',
        60_000,
      );
      const ready = await fetch(`${server.url}/ready`);
      assert.equal(ready.status, 503, 'readiness reports the outage');
      await cluster.start();
      phase = 'recovered';
      await eventually(
        async () => (count('recovered', success) >= 20 ? true : undefined),
        'the pool to reconnect and requests to succeed again',
        60_000,
      );
    } catch (err) {
      const seen = answers.map((a) => `${a.phase} ${a.status} ${a.body.slice(0, 200)}`);
      throw new Error(
        `${(err as Error).message}; answers: ${[...new Set(seen)].join('\n')}\ndropped: ${dropped.slice(0, 5)}\nserver: ${server.output().slice(-3000)}`,
      );
    } finally {
      loading = false;
      await Promise.all(clients);
    }

    assert.deepEqual(dropped, [], 'no request lost its connection: the server answered every one');
    const unexpected = answers.filter((a) => !success(a.status) && a.status !== 503);
    assert.deepEqual(unexpected, [], 'only successes and 503s, never a 500');
    for (const answer of answers.filter((a) => a.status === 503)) {
      assert.ok(Number(answer.retryAfter) > 0, `Retry-After on every 503: ${JSON.stringify(answer)}`);
      const { error } = JSON.parse(answer.body) as {
        error: { code: string; message: string; requestId: string };
      };
      assert.equal(error.code, 'unavailable');
      assert.match(error.message, /database is unavailable/);
      assert.ok(error.requestId);
    }
    assert.ok(
      answers.every((a) => a.phase !== 'up' || success(a.status)),
      'no 503 before the outage',
    );

    // Every acknowledged write survived the restart.
    for (const id of acknowledged) {
      const res = await api(operator, 'GET', `/plant-ops/batches/${id}`);
      assert.equal(res.status, 200, `acknowledged batch ${id}`);
    }
    assert.equal((await fetch(`${server.url}/ready`)).status, 200);

    // The job queue resumed: a webhook test delivery enqueued now is run by a pg-boss worker.
    const receiver = await startReceiver();
    cleanup.add(() => receiver.close());
    const channel = await api(admin, 'POST', '/notifications/channels', {
      name: 'After the outage',
      kind: 'webhook',
      url: receiver.url,
    });
    assert.equal(channel.status, 201, await channel.clone().text());
    const channelId = ((await channel.json()) as { channel: { id: string } }).channel.id;
    const sent = await api(admin, 'POST', `/notifications/channels/${channelId}/test`);
    assert.equal(sent.status, 202, await sent.clone().text());
    const deliveryId = ((await sent.json()) as { deliveries: { id: string }[] }).deliveries[0]?.id;
    await eventually(
      async () => receiver.requests.find((r) => r.headers['plantintel-delivery'] === deliveryId),
      'the webhook job to run after the outage',
      60_000,
    );

    const { code } = await server.stop();
    assert.equal(code, 0, server.output().slice(-4000));
  });
});
