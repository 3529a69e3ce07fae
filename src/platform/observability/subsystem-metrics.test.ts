// /metrics on a real app after traffic in several modules: every subsystem's series are there with
// the counts the traffic implies, and `promtool check metrics` (Debian's prometheus package)
// accepts the whole exposition. Runs on the embedded database and on PostgreSQL.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { telemetryTestKit } from '../../modules/telemetry/testing.ts';
import { connectWs } from '../realtime/testing.ts';

const kit = telemetryTestKit('metrics');
const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
const noPromtool =
  promtool.error || promtool.status !== 0
    ? 'promtool is not installed (Debian package `prometheus`): the exposition is not checked'
    : false;

/** The value of one sample line (name and labels in any order), or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/([a-zA-Z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('/metrics covers every subsystem', () => {
  let baseUrl: string;
  let metrics: string;
  const scrape = async () => {
    const res = await fetch(`${baseUrl}/metrics`);
    assert.equal(res.status, 200);
    return res.text();
  };

  test('traffic in telemetry, jobs, WebSocket push and sign-ins, then a scrape over HTTP', async () => {
    baseUrl = await kit.t.app.listen({ port: 0, host: '127.0.0.1' });
    const sensorId = await kit.newSensor('metrics.temp');
    // HTTP single reading, a bulk batch with one unknown sensor, line protocol with an API key.
    const single = await kit.call(kit.s.operator, 'POST', `/sensors/${sensorId}/readings`, { value: 20.5 });
    assert.equal(single.status, 200, JSON.stringify(single.body));
    const now = Date.now();
    await kit.bulk({
      readings: [
        { sensorKey: 'metrics.temp', ts: now - 60_000, value: 21 },
        { sensorKey: 'metrics.temp', ts: now - 50_000, value: 22 },
        { sensorKey: 'no.such.sensor', ts: now - 40_000, value: 1 },
      ],
    });
    const key = await kit.t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: kit.s.admin.headers,
      payload: { name: 'metrics-writer', scopes: ['operate'] },
    });
    assert.equal(key.statusCode, 201, key.body);
    const written = await kit.t.app.inject({
      method: 'POST',
      url: '/api/v2/write?org=o&bucket=b&precision=ms',
      headers: { authorization: `Token ${key.json().key}`, 'content-type': 'text/plain' },
      payload: `x,sensor=metrics.temp value=23 ${now - 30_000}`,
    });
    assert.equal(written.statusCode, 204, written.body);

    // A job that runs to completion, and one deferred for an hour.
    const job = await kit.t.app.inject({
      method: 'POST',
      url: '/api/v1/jobs/diagnostics',
      headers: kit.s.admin.headers,
      payload: { rounds: 1 },
    });
    assert.equal(job.statusCode, 202, job.body);
    await until('the diagnostics job to complete', async () => {
      const res = await kit.t.app.inject({
        url: `/api/v1/jobs/${job.json().id}`,
        headers: kit.s.admin.headers,
      });
      return res.json().status === 'completed';
    });
    await kit.t.runtime.jobs.submit(
      'platform.diagnostics',
      { rounds: 1 },
      { tenantId: kit.acme.id, startAfter: new Date(Date.now() + 3_600_000) },
    );

    // A WebSocket client that subscribes and receives one pushed frame.
    const socket = await connectWs(baseUrl, kit.s.viewer.accessToken);
    try {
      await socket.next((m) => m.type === 'ready', 'ready', 30_000);
      socket.send({ type: 'subscribe', topics: ['tenant'] });
      await socket.next((m) => m.type === 'subscribed', 'subscribed', 30_000);
      await kit.t.runtime.realtime.publish(kit.t.database.db, kit.acme.id, ['tenant'], {
        id: 'metrics-test',
        type: 'MetricsTest',
        occurredAt: new Date().toISOString(),
        data: {},
      });
      await socket.next((m) => m.type === 'event', 'the pushed event', 30_000);
      metrics = await scrape();
    } finally {
      socket.close();
    }
  });

  test('ingest: readings and batches by channel and result', () => {
    const readings = (channel: string, result: string) =>
      sample(metrics, 'plantintel_ingest_readings_total', { channel, result });
    assert.equal(readings('http', 'accepted'), 1);
    assert.equal(readings('bulk', 'accepted'), 2);
    assert.equal(readings('bulk', 'rejected'), 1);
    assert.equal(readings('line_protocol', 'accepted'), 1);
    for (const channel of ['mqtt', 'csv', 'simulator']) assert.equal(readings(channel, 'accepted'), 0);
    assert.equal(
      sample(metrics, 'plantintel_ingest_batches_total', { channel: 'bulk', result: 'committed' }),
      1,
    );
    assert.equal(
      sample(metrics, 'plantintel_ingest_batches_total', { channel: 'bulk', result: 'failed' }),
      0,
    );
  });

  test('jobs: attempts by outcome, queue depth by state, the oldest waiting job', () => {
    const attempts = (outcome: string) =>
      sample(metrics, 'plantintel_job_attempts_total', { job: 'platform.diagnostics', outcome });
    assert.equal(attempts('completed'), 1);
    assert.equal(attempts('failed'), 0);
    const deferred = sample(metrics, 'plantintel_job_queue_jobs', {
      queue: 'platform.diagnostics',
      state: 'deferred',
    });
    assert.equal(deferred, 1);
    const oldest = sample(metrics, 'plantintel_job_queue_oldest_waiting_seconds', {
      queue: 'platform.diagnostics',
    });
    assert.ok(oldest !== undefined && oldest >= 0);
    assert.ok((sample(metrics, 'plantintel_jobs_running') ?? -1) >= 0);
    assert.ok((sample(metrics, 'plantintel_events_pending') ?? -1) >= 0);
    assert.ok((sample(metrics, 'plantintel_events_oldest_pending_seconds') ?? -1) >= 0);
    assert.equal(sample(metrics, 'plantintel_events_given_up_total'), 0);
  });

  test('WebSocket: clients, frames sent, messages received', () => {
    assert.equal(sample(metrics, 'plantintel_websocket_clients'), 1);
    assert.ok((sample(metrics, 'plantintel_websocket_frames_sent_total') ?? 0) >= 1);
    assert.ok((sample(metrics, 'plantintel_websocket_messages_received_total') ?? 0) >= 1);
    assert.equal(sample(metrics, 'plantintel_websocket_frames_dropped_total'), 0);
  });

  test('caches: lookups by cache and result (the credential cache answered the API calls)', () => {
    const lookups = (cache: string, result: string) =>
      sample(metrics, 'plantintel_cache_lookups_total', { cache, result });
    assert.ok((lookups('credentials', 'hit') ?? 0) >= 1, 'credential cache hits');
    assert.ok((lookups('credentials', 'miss') ?? 0) >= 1, 'credential cache misses');
    for (const cache of ['ai_answers', 'inspection_images']) {
      assert.notEqual(lookups(cache, 'hit'), undefined, cache);
      assert.notEqual(lookups(cache, 'miss'), undefined, cache);
    }
    for (const result of ['exact_hit', 'semantic_hit', 'miss'])
      assert.notEqual(sample(metrics, 'plantintel_ai_cache_lookups_total', { result }), undefined);
    assert.ok((sample(metrics, 'plantintel_inspection_image_cache_bytes') ?? -1) >= 0);
  });

  test('database: the driver, work in flight, and on PostgreSQL the pool', () => {
    const driver = kit.t.database.driver;
    assert.equal(sample(metrics, 'plantintel_db_info', { driver }), 1);
    assert.ok((sample(metrics, 'plantintel_db_queries_in_flight') ?? -1) >= 0);
    if (kit.t.database.raw.kind !== 'postgres') {
      assert.equal(sample(metrics, 'plantintel_db_pool_max_connections'), undefined);
      // PGlite's WebAssembly memory: tens of MiB at least, a whole number of 64 KiB pages.
      const memory = sample(metrics, 'plantintel_db_embedded_memory_bytes') ?? 0;
      assert.ok(memory >= 32 * 2 ** 20, `embedded memory ${memory}`);
      assert.equal(memory % 65536, 0);
      return;
    }
    assert.equal(sample(metrics, 'plantintel_db_embedded_memory_bytes'), undefined);
    assert.equal(sample(metrics, 'plantintel_db_pool_max_connections'), kit.t.database.raw.pool.options.max);
    const idle = sample(metrics, 'plantintel_db_pool_connections', { state: 'idle' }) ?? -1;
    const inUse = sample(metrics, 'plantintel_db_pool_connections', { state: 'in_use' }) ?? -1;
    assert.ok(idle >= 0 && inUse >= 0);
    assert.ok((sample(metrics, 'plantintel_db_pool_waiting_requests') ?? -1) >= 0);
  });

  test('the event-loop lag, HTTP durations and MQTT series are still there; no *_total gauge', () => {
    assert.ok((sample(metrics, 'nodejs_eventloop_lag_p99_seconds') ?? -1) >= 0);
    assert.match(metrics, /^http_request_duration_seconds_count\{/m);
    assert.match(metrics, /^# TYPE mqtt_messages_total counter$/m);
    for (const [, name, type] of metrics.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      if (type !== 'counter')
        assert.ok(!name?.endsWith('_total'), `${name} is a ${type} named like a counter`);
    }
  });

  test('promtool check metrics accepts the exposition', { skip: noPromtool }, () => {
    const checked = spawnSync('promtool', ['check', 'metrics'], { input: metrics, encoding: 'utf8' });
    assert.equal(checked.status, 0, `promtool: ${checked.stdout}${checked.stderr}`);
  });
});
