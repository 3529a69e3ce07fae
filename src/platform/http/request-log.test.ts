import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from './testing.ts';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { LOG_LEVEL: 'info' }, logDestination: sink });
});
after(() => t.close());

const completed = () => lines.filter((l) => l.msg === 'request completed');

test('one log line per request, carrying the request id of the response header', async () => {
  lines.length = 0;
  const res = await t.app.inject({ url: '/api/v1/nothing-here?token=s3cret' });
  assert.equal(res.statusCode, 404);
  const [line, ...rest] = completed();
  assert.equal(rest.length, 0);
  assert.equal(line?.requestId, res.headers['x-request-id']);
  assert.equal(line?.statusCode, 404);
  assert.equal(line?.url, '/api/v1/nothing-here?token=[redacted]');
});

test('probes that succeed log nothing at info level, but still count in the metrics', async () => {
  lines.length = 0;
  await t.app.inject({ url: '/health' });
  assert.equal(completed().length, 0);
  const metrics = await t.app.inject({ url: '/metrics' });
  assert.match(metrics.body, /http_request_duration_seconds_count\{[^}]*route="\/health"[^}]*\} 1/);
  assert.match(
    metrics.body,
    /http_request_duration_seconds_count\{[^}]*route="unmatched"[^}]*status_code="404"/,
  );
});

test('probe routes carry only the request-id hook: no plugin taxes every request', () => {
  const tree = t.app.printRoutes({ includeHooks: true, commonPrefix: false }).split('\n');
  for (const probe of ['health', 'ready', 'metrics']) {
    const at = tree.findIndex((line) => line.endsWith(`── ${probe} (GET)`));
    assert.ok(at >= 0, `${probe} route listed`);
    const hooks: string[] = [];
    for (const line of tree.slice(at + 1)) {
      if (!line.includes('•')) break;
      hooks.push(line.replace(/^[\s│]*• /, ''));
    }
    assert.deepEqual(hooks, ['(onRequest) ["anonymous()"]'], `${probe}: ${hooks.join(' ')}`);
  }
});
