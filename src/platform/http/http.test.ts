import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Type from 'typebox';
import { createTestDatabase } from '../db/testing.ts';
import { Text } from './schemas.ts';
import { createTestApp, type TestApp } from './testing.ts';

const webDist = mkdtempSync(path.join(tmpdir(), 'plantintel-web-'));
mkdirSync(path.join(webDist, 'assets'));
writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>PlantIntel shell</title>');
writeFileSync(path.join(webDist, 'assets', 'app-123.js'), 'console.log(1)');

describe('HTTP platform', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({
      webDist,
      env: { BODY_LIMIT_BYTES: '2048' },
      extraRoutes: (app) => {
        app.post(
          '/api/v1/test/batches',
          {
            config: { access: 'public' },
            schema: {
              body: Type.Object(
                {
                  sku: Text({ minLength: 1, maxLength: 40 }),
                  quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
                },
                { additionalProperties: false },
              ),
            },
          },
          async (request) => ({ received: request.body.quantity }),
        );
        app.get('/api/v1/test/crash', { config: { access: 'public' } }, async () => {
          throw new Error('relation "secret_table" does not exist');
        });
      },
    });
  });
  after(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  test('GET /health → 200 with status, version and uptime', async () => {
    const res = await t.app.inject({ url: '/health' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.version, t.config.version);
    assert.ok(body.uptimeSeconds > 0);
  });

  test('GET /ready → 200 while the database answers', async () => {
    const res = await t.app.inject({ url: '/ready' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.status, 'ready');
    assert.equal(body.database.ok, true);
    assert.equal(body.database.driver, t.database.driver);
    assert.equal(typeof body.database.latencyMs, 'number');
  });

  test('every response carries a request id; a safe incoming id is kept, an unsafe one replaced', async () => {
    const generated = await t.app.inject({ url: '/health' });
    const next = await t.app.inject({ url: '/health' });
    assert.match(String(generated.headers['x-request-id']), /^[0-9a-f]{12}-[0-9a-z]+$/);
    assert.notEqual(generated.headers['x-request-id'], next.headers['x-request-id']);
    const kept = await t.app.inject({ url: '/health', headers: { 'x-request-id': 'edge-42.abc' } });
    assert.equal(kept.headers['x-request-id'], 'edge-42.abc');
    const replaced = await t.app.inject({ url: '/health', headers: { 'x-request-id': 'bad id\n{"x":1}' } });
    assert.match(String(replaced.headers['x-request-id']), /^[0-9a-f]{12}-[0-9a-z]+$/);
  });

  test('unknown API route → 404 with the error body', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 404);
    const body = res.json();
    assert.equal(body.error.code, 'not_found');
    assert.equal(body.error.message, 'Route GET /api/v1/nothing-here not found');
    assert.equal(body.error.requestId, res.headers['x-request-id']);
  });

  test('schema violations → 400 with one detail per offending field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/batches',
      payload: { sku: '', quantity: 0, colour: 'red' },
    });
    assert.equal(res.statusCode, 400);
    const { error } = res.json();
    assert.equal(error.code, 'validation_failed');
    const paths = error.details.map((d: { path: string }) => d.path).sort();
    assert.deepEqual(paths, ['/body/colour', '/body/quantity', '/body/sku']);
    assert.ok(error.details.every((d: { message: string }) => d.message.length > 0));
  });

  test('a missing required field is named in the details', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/test/batches', payload: { quantity: 3 } });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      res.json().error.details.map((d: { path: string }) => d.path),
      ['/body/sku'],
    );
  });

  test('text with NUL or half a surrogate pair → 400 naming the field; a whole pair (emoji) is fine', async () => {
    const send = (sku: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/test/batches',
        headers: { 'content-type': 'application/json' },
        payload: `{"sku":${sku},"quantity":1}`,
      });
    for (const bad of ['"a\\u0000b"', '"a\\ud800"', '"\\udc00b"']) {
      const res = await send(bad);
      assert.equal(res.statusCode, 400, bad);
      assert.deepEqual(
        res.json().error.details.map((d: { path: string }) => d.path),
        ['/body/sku'],
      );
    }
    assert.equal((await send('"wrench \\ud83d\\udd27"')).statusCode, 200);
  });

  test('malformed JSON → 400 bad_request', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/batches',
      headers: { 'content-type': 'application/json' },
      payload: '{"sku": ',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'bad_request');
  });

  test('a body over BODY_LIMIT_BYTES → 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/batches',
      payload: { sku: 'x'.repeat(4096), quantity: 1 },
    });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.code, 'payload_too_large');
  });

  test('an unexpected failure → 500 without internals', async () => {
    const res = await t.app.inject({ url: '/api/v1/test/crash' });
    assert.equal(res.statusCode, 500);
    const { error } = res.json();
    assert.equal(error.code, 'internal');
    assert.equal(error.message, 'Internal server error');
    assert.doesNotMatch(res.body, /secret_table|stack|at /);
  });

  test('GET /metrics → Prometheus text including request durations', async () => {
    await t.app.inject({ url: '/health' });
    const res = await t.app.inject({ url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    assert.match(res.body, /http_request_duration_seconds_count\{[^}]*route="\/health"[^}]*\} \d+/);
    assert.match(res.body, /process_resident_memory_bytes/);
  });

  test('GET /openapi.json is OpenAPI 3.1 and /docs serves the interactive reference', async () => {
    const spec = (await t.app.inject({ url: '/openapi.json' })).json();
    assert.equal(spec.openapi, '3.1.0');
    assert.ok(spec.paths['/health'].get);
    assert.ok(spec.components.schemas.ErrorBody);
    const docs = await t.app.inject({ url: '/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger-ui/i);
  });

  test('the web app is served at / and for its client-side routes', async () => {
    const root = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
    assert.equal(root.statusCode, 200);
    assert.match(root.body, /PlantIntel shell/);
    const deep = await t.app.inject({ url: '/plant/lines', headers: { accept: 'text/html' } });
    assert.equal(deep.statusCode, 200);
    assert.match(deep.body, /PlantIntel shell/);
    assert.equal(deep.headers['cache-control'], 'no-cache');
    const asset = await t.app.inject({ url: '/assets/app-123.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['cache-control']), /immutable/);
  });

  test('the web app is sent with a strict CSP and security headers; the API and probes are not', async () => {
    const responses = [
      await t.app.inject({ url: '/', headers: { accept: 'text/html' } }),
      await t.app.inject({ url: '/plant/lines', headers: { accept: 'text/html' } }),
      await t.app.inject({ url: '/assets/app-123.js' }),
    ];
    for (const res of responses) {
      const csp = String(res.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
      ]) {
        assert.ok(csp.split('; ').includes(directive), `${directive} in ${csp}`);
      }
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.equal(res.headers['x-frame-options'], 'DENY');
    }
    for (const url of ['/health', '/api/v1/nothing-here']) {
      assert.equal((await t.app.inject({ url })).headers['content-security-policy'], undefined, url);
    }
  });

  test('a missing asset is a 404, not the app shell', async () => {
    const res = await t.app.inject({ url: '/assets/gone-999.js', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'not_found');
  });
});

describe('HTTP platform: configuration-dependent behaviour', () => {
  test('METRICS_TOKEN protects /metrics', async () => {
    const t = await createTestApp({ env: { METRICS_TOKEN: 'scrape-me' } });
    try {
      assert.equal((await t.app.inject({ url: '/metrics' })).statusCode, 401);
      const wrong = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error.code, 'unauthorized');
      const ok = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer scrape-me' } });
      assert.equal(ok.statusCode, 200);
    } finally {
      await t.close();
    }
  });

  test('CORS_ORIGINS allows only the listed origins', async () => {
    const t = await createTestApp({ env: { CORS_ORIGINS: 'https://hmi.example.com' } });
    try {
      const allowed = await t.app.inject({ url: '/health', headers: { origin: 'https://hmi.example.com' } });
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://hmi.example.com');
      const other = await t.app.inject({ url: '/health', headers: { origin: 'https://evil.example.com' } });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
    } finally {
      await t.close();
    }
  });

  test('TRUST_PROXY decides whether X-Forwarded-For names the client', async () => {
    // One database for the five apps: only the setting differs.
    const database = await createTestDatabase();
    const clientIp = async (env: Record<string, string>, forwardedFor = '203.0.113.9') => {
      const t = await createTestApp({
        env,
        database,
        workers: false,
        extraRoutes: (app) => app.get('/test/client-ip', async (request) => ({ ip: request.ip })),
      });
      try {
        const res = await t.app.inject({
          url: '/test/client-ip',
          remoteAddress: '10.0.0.1',
          headers: { 'x-forwarded-for': forwardedFor },
        });
        return res.json().ip;
      } finally {
        await t.close();
      }
    };
    try {
      assert.equal(await clientIp({}), '10.0.0.1', 'unset: the header is ignored');
      assert.equal(await clientIp({ TRUST_PROXY: '1' }), '203.0.113.9');
      assert.equal(
        await clientIp({ TRUST_PROXY: '2' }, '198.51.100.7, 203.0.113.9'),
        '198.51.100.7',
        'two hops',
      );
      assert.equal(await clientIp({ TRUST_PROXY: '10.0.0.0/8' }), '203.0.113.9');
      assert.equal(await clientIp({ TRUST_PROXY: '192.168.0.0/16' }), '10.0.0.1', 'not a trusted proxy');
    } finally {
      await database.dispose();
    }
  });

  test('GET /ready → 503 when the database is unreachable', async () => {
    const t = await createTestApp();
    try {
      await t.database.close();
      const res = await t.app.inject({ url: '/ready' });
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().status, 'unavailable');
      assert.equal(res.json().database.ok, false);
    } finally {
      await t.close();
    }
  });

  test('an /api route whose request schema is not bounded stops the app from starting, every problem named', async () => {
    await assert.rejects(
      createTestApp({
        extraRoutes: (app) => {
          app.post(
            '/api/v1/test/loose',
            {
              config: { access: 'public' },
              schema: {
                querystring: Type.Object({ page: Type.Integer({ minimum: 0 }) }),
                body: Type.Object({ note: Type.String(), tags: Type.Array(Text({ maxLength: 10 })) }),
              },
            },
            async () => ({}),
          );
        },
      }),
      (err: Error) => {
        assert.match(
          err.message,
          /POST \/api\/v1\/test\/loose querystring\.page: a number without minimum and maximum/,
        );
        assert.match(err.message, /body\.note: a string without maxLength/);
        assert.match(err.message, /body\.note: a string that may carry NUL/);
        assert.match(err.message, /body\.tags: an array without maxItems/);
        return true;
      },
    );
  });

  test('without a built web app, / explains how to build it', async () => {
    const t = await createTestApp({ webDist: path.join(tmpdir(), 'plantintel-no-such-dist') });
    try {
      const res = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /npm run build:web/);
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
    } finally {
      await t.close();
    }
  });
});
