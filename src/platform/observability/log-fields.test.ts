// Structured logs: every line written while a request is handled — the request line, an error, a
// service's own logger after a database round trip or a body — carries requestId and, once the
// caller is authenticated, tenantId and userId; every line a job writes carries jobId, job, tenantId.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../../modules/identity/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { eventually } from '../jobs/testing.ts';
import type { Logger } from './logger.ts';

declare module '../jobs/jobs.ts' {
  interface JobPayloads {
    'test.log-fields': { marker: string };
  }
}

type Line = Record<string, unknown>;
const lines: Line[] = [];
const rawLines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      rawLines.push(line);
      lines.push(JSON.parse(line));
    }
    done();
  },
});
// A module's logger, as services get it at construction (not request-scoped).
let serviceLog: Logger | undefined;
let t: TestApp;
let acme: TestTenant;
let admin: TestSession;

before(async () => {
  t = await createTestApp({
    logDestination: sink,
    setup: (runtime) =>
      runtime.jobs.define({
        name: 'test.log-fields',
        retryLimit: 0,
        async run({ marker }) {
          serviceLog?.info({ marker }, 'job service line');
        },
      }),
    extraRoutes: (app) => {
      app.get('/api/v1/test/log-fields', { config: { access: 'read' } }, async () => {
        serviceLog?.info({ marker: 'get-before' }, 'service line');
        await t.database.db.execute(sql`select 1`);
        serviceLog?.info({ marker: 'get-after' }, 'service line');
        return {};
      });
      app.post(
        '/api/v1/test/log-fields',
        {
          config: { access: 'read' },
          schema: {
            body: {
              type: 'object',
              properties: { marker: { type: 'string', maxLength: 40, pattern: '^[a-z-]+$' } },
              required: ['marker'],
              additionalProperties: false,
            },
          },
        },
        async (request) => {
          serviceLog?.info({ marker: (request.body as { marker: string }).marker }, 'service line');
          return {};
        },
      );
      app.get('/api/v1/test/log-fields/fail', { config: { access: 'read' } }, async () => {
        throw new Error('the service broke');
      });
    },
  });
  serviceLog = t.app.log as unknown as Logger;
  acme = await createTestTenant(t.database.db, 'logfields');
  admin = await signIn(t.app, acme.users.admin.email);
});

after(() => t.close());

const byMarker = (marker: string) => lines.find((line) => line.marker === marker);

test('service lines, the request line and error lines carry requestId, tenantId and userId', async () => {
  const get = await t.app.inject({ url: '/api/v1/test/log-fields', headers: admin.headers });
  assert.equal(get.statusCode, 200);
  const requestId = get.headers['x-request-id'];
  const expected = [requestId, acme.id, acme.users.admin.id];
  const fields = (line: Line | undefined) => [line?.requestId, line?.tenantId, line?.userId];
  assert.deepEqual(fields(byMarker('get-before')), expected);
  assert.deepEqual(fields(byMarker('get-after')), expected, 'after a database round trip');
  const completed = lines.find((line) => line.msg === 'request completed' && line.requestId === requestId);
  assert.deepEqual(fields(completed), expected, 'the request line');

  // A body is read outside the request's async context: the service line still has it.
  const post = await t.app.inject({
    method: 'POST',
    url: '/api/v1/test/log-fields',
    headers: admin.headers,
    payload: { marker: 'post-body' },
  });
  assert.equal(post.statusCode, 200);
  assert.deepEqual(fields(byMarker('post-body')), [
    post.headers['x-request-id'],
    acme.id,
    acme.users.admin.id,
  ]);

  const fail = await t.app.inject({ url: '/api/v1/test/log-fields/fail', headers: admin.headers });
  assert.equal(fail.statusCode, 500);
  const failId = fail.headers['x-request-id'];
  const errorLines = lines.filter((line) => line.requestId === failId && (line.level as number) >= 50);
  assert.ok(errorLines.length > 0, 'the failure is logged');
  for (const line of errorLines) assert.deepEqual(fields(line), [failId, acme.id, acme.users.admin.id]);
  // Each field once per line (no pino binding repeating what the context adds).
  const raw = rawLines.find(
    (line) => line.includes(`"requestId":"${requestId}"`) && line.includes('request completed'),
  );
  assert.equal(raw?.match(/"requestId"/g)?.length, 1);
  assert.equal(raw?.match(/"tenantId"/g)?.length, 1);
});

test('an unauthenticated request has its requestId and no tenant', async () => {
  const res = await t.app.inject({ url: '/api/v1/test/log-fields' });
  assert.equal(res.statusCode, 401);
  const line = lines.find(
    (l) => l.requestId === res.headers['x-request-id'] && l.msg === 'request completed',
  );
  assert.ok(line);
  assert.equal(line.tenantId, undefined);
});

test('lines written by a job carry its id, name and tenant', async () => {
  const job = await t.runtime.jobs.submit('test.log-fields', { marker: 'in-job' }, { tenantId: acme.id });
  const line = await eventually(async () => byMarker('in-job'), 'the job to log', 60_000);
  assert.deepEqual([line.jobId, line.job, line.tenantId], [job.id, 'test.log-fields', acme.id]);
  assert.equal(line.requestId, undefined);
});
