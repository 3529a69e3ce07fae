// OpenTelemetry traces against a local fake collector (OTLP/HTTP JSON, as the exporter sends it):
// a real request that touches the database and makes an outbound call, and a job, arrive as spans
// with their names, attributes and parent-child links; the caller's traceparent is the root.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { startTracing, stopTracing } from './tracing.ts';

declare module '../jobs/jobs.ts' {
  interface JobPayloads {
    'test.traced': { n: number };
  }
}

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: Record<string, unknown> }[];
}
const spans: OtlpSpan[] = [];
const resources: Record<string, unknown>[] = [];
let collector: Server;
let upstream: Server;
let upstreamTraceparent: string | undefined;
let t: TestApp;
let acme: TestTenant;
let admin: TestSession;

const attr = (span: OtlpSpan | undefined, key: string) => {
  const value = span?.attributes?.find((a) => a.key === key)?.value;
  return value ? (value.stringValue ?? value.intValue ?? value.boolValue) : undefined;
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

before(async () => {
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      assert.equal(req.url, '/v1/traces');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: { resource: { attributes: unknown[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      for (const rs of body.resourceSpans) {
        resources.push(rs.resource);
        for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  upstream = createServer((req, res) => {
    upstreamTraceparent = req.headers.traceparent as string | undefined;
    res.end('ok');
  });
  const endpoint = await listen(collector);
  const upstreamUrl = await listen(upstream);
  await startTracing({ otelEndpoint: endpoint, otelServiceName: 'plantintel-test', version: 'test' });
  t = await createTestApp({
    setup: (runtime) =>
      runtime.jobs.define({
        name: 'test.traced',
        retryLimit: 0,
        async run(_input, ctx) {
          await ctx.complete(async (tx) => tx.execute(sql`select 2`));
        },
      }),
    extraRoutes: (app) =>
      app.get('/api/v1/test/traced', { config: { access: 'read' } }, async () => {
        await t.database.db.execute(sql`select 1 as traced`);
        await (await fetch(`${upstreamUrl}/hook?token=secret-in-query`)).text();
        return {};
      }),
  });
  acme = await createTestTenant(t.database.db, 'traced');
  admin = await signIn(t.app, acme.users.admin.email);
});

after(async () => {
  await t.close();
  await stopTracing();
  collector.close();
  upstream.close();
});

test('a request is a server span; its database statements and outbound call are its children', async () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const callerSpan = '00f067aa0ba902b7';
  const res = await t.app.inject({
    url: '/api/v1/test/traced',
    headers: { ...admin.headers, traceparent: `00-${traceId}-${callerSpan}-01` },
  });
  assert.equal(res.statusCode, 200);
  const server = await eventually(
    async () => spans.find((s) => s.traceId === traceId && s.name === 'GET /api/v1/test/traced'),
    'the request span at the collector',
    30_000,
  );
  assert.equal(server.kind, 2, 'SERVER');
  assert.equal(server.parentSpanId, callerSpan, 'child of the caller’s traceparent');
  assert.equal(attr(server, 'http.route'), '/api/v1/test/traced');
  assert.equal(Number(attr(server, 'http.response.status_code')), 200);
  assert.equal(attr(server, 'plantintel.request_id'), res.headers['x-request-id']);
  assert.equal(attr(server, 'plantintel.tenant_id'), acme.id);

  const query = await eventually(
    async () =>
      spans.find((s) => s.traceId === traceId && /select 1 as traced/.test(String(attr(s, 'db.query.text')))),
    'the statement span',
    30_000,
  );
  assert.equal(query.name, 'SELECT');
  assert.equal(query.kind, 3, 'CLIENT');
  assert.equal(query.parentSpanId, server.spanId);
  assert.equal(attr(query, 'db.system.name'), 'postgresql');
  // Authentication's own statements are in the same trace, under the request too.
  assert.ok(spans.filter((s) => s.traceId === traceId && s.parentSpanId === server.spanId).length >= 2);

  const outbound = await eventually(
    async () =>
      spans.find((s) => s.traceId === traceId && s.kind === 3 && attr(s, 'http.request.method') === 'GET'),
    'the outbound span',
    30_000,
  );
  assert.equal(outbound.parentSpanId, server.spanId);
  assert.equal(Number(attr(outbound, 'http.response.status_code')), 200);
  assert.doesNotMatch(String(attr(outbound, 'url.full')), /secret-in-query/, 'no query string');
  assert.equal(upstreamTraceparent, `00-${traceId}-${outbound.spanId}-01`, 'the trace travels on');

  assert.ok(
    resources.some((r) =>
      JSON.stringify(r).includes('"key":"service.name","value":{"stringValue":"plantintel-test"}'),
    ),
  );
});

test('a job is a consumer span with its statements as children', async () => {
  const job = await t.runtime.jobs.submit('test.traced', { n: 1 }, { tenantId: acme.id });
  const span = await eventually(
    async () => spans.find((s) => s.name === 'job test.traced' && attr(s, 'plantintel.job.id') === job.id),
    'the job span',
    60_000,
  );
  assert.equal(span.kind, 5, 'CONSUMER');
  assert.equal(attr(span, 'plantintel.tenant_id'), acme.id);
  const child = await eventually(
    async () =>
      spans.find((s) => s.parentSpanId === span.spanId && /select 2/.test(String(attr(s, 'db.query.text')))),
    'the job’s statement span',
    30_000,
  );
  assert.equal(child.traceId, span.traceId);
});
