// Limits on every upload path, over a real socket: each route that takes a file or a large body
// answers 413 in the error format while the client is still sending a body that declares 10 GB
// (so the server never waited for, or buffered, the whole of it); an XLSX zip bomb is a 400 that
// says why; a gzip JSON body is refused. Limits are set small so the test sends little.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { SHEET_PART, workbook } from '../../src/modules/analytics/parse/zip-bomb.testing.ts';
import {
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../../src/modules/identity/testing.ts';
import { createTestApp, type TestApp } from '../../src/platform/http/testing.ts';

const LIMIT = 65_536;
const MiB = 1_048_576;
let t: TestApp;
let port: number;
let acme: TestTenant;
let analyst: TestSession;
let operator: TestSession;
let admin: TestSession;
let operateKey: string;

before(async () => {
  t = await createTestApp({
    env: {
      BODY_LIMIT_BYTES: String(LIMIT),
      BULK_BODY_LIMIT_BYTES: String(LIMIT),
      IMPORT_MAX_BYTES: String(LIMIT),
      UPLOAD_MAX_MB: '1',
    },
    workers: false,
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
  acme = await createTestTenant(t.database.db, 'limits');
  analyst = await signIn(t.app, acme.users.analyst.email);
  operator = await signIn(t.app, acme.users.operator.email);
  admin = await signIn(t.app, acme.users.admin.email);
  const key = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: admin.headers,
    payload: { name: 'limits', scopes: ['operate'] },
  });
  assert.equal(key.statusCode, 201, key.body);
  operateKey = key.json().key;
});
after(async () => t?.close());

interface Answer {
  status: number;
  body: string;
  /** Bytes of the body the client had sent when the answer came. */
  sent: number;
}

/**
 * POSTs a body that declares 10 GB: `head`, then filler bytes, up to `max` bytes in all and never
 * finished. Resolves with the answer: it can only come before the body's end.
 */
function unending(
  path: string,
  headers: Record<string, string>,
  head: Buffer,
  max = 8 * MiB,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path,
      headers: { ...headers, 'content-length': String(10 * 1024 ** 3) },
    });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), sent });
        req.destroy();
      });
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const filler = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      if (sent === 0) {
        sent += head.length;
        if (!req.write(head)) return req.once('drain', pump);
      }
      while (!answered && sent < max) {
        sent += filler.length;
        if (!req.write(filler)) return req.once('drain', pump);
      }
    };
    pump();
  });
}

const BOUNDARY = 'limits-test-boundary';
const multipartHead = (fields: Record<string, string>, fileName: string) =>
  Buffer.from(
    `${Object.entries(fields)
      .map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join(
        '',
      )}--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
const multipart = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
const bearer = (s: TestSession) => s.headers;

function assertTooLarge(answer: Answer, limit: number) {
  assert.equal(answer.status, 413, answer.body);
  assert.equal(JSON.parse(answer.body).error.code, 'payload_too_large');
  assert.ok(answer.sent < 10 * 1024 ** 3, 'answered before the body ended');
  assert.ok(answer.sent >= limit, `${answer.sent} bytes sent`);
}

describe('request size limits on every upload path (real socket, a body that declares 10 GB)', () => {
  const MAPPINGS = JSON.stringify([{ field: 'workOrder', column: 'Order' }]);
  // name, the request, the limit (0: refused from Content-Length alone), the most bytes to send.
  const routes: [string, () => [string, Record<string, string>, Buffer], number, number?][] = [
    [
      'POST /analytics/uploads (multipart, UPLOAD_MAX_MB)',
      () => [
        '/api/v1/analytics/uploads',
        { ...bearer(analyst), ...multipart },
        multipartHead({ facilityId: acme.facilityId, mappings: MAPPINGS }, 'orders.csv'),
      ],
      MiB,
    ],
    [
      'POST /analytics/mapping/suggest (multipart, its fixed 64 MiB head limit)',
      () => [
        '/api/v1/analytics/mapping/suggest',
        { ...bearer(analyst), ...multipart },
        multipartHead({}, 'orders.csv'),
      ],
      64 * MiB,
      72 * MiB,
    ],
    [
      'POST /plant-ops/sensors/import (text/csv, IMPORT_MAX_BYTES)',
      () => [
        '/api/v1/plant-ops/sensors/import?format=long',
        { ...bearer(operator), 'content-type': 'text/csv' },
        Buffer.from('sensor_key,ts,value\n'),
      ],
      LIMIT,
    ],
    [
      'POST /plant-ops/sensors/import (multipart, IMPORT_MAX_BYTES)',
      () => [
        '/api/v1/plant-ops/sensors/import?format=long',
        { ...bearer(operator), ...multipart },
        multipartHead({}, 'history.csv'),
      ],
      LIMIT,
    ],
    [
      'POST /supply/imports/demand (text/csv, UPLOAD_MAX_MB)',
      () => [
        '/api/v1/supply/imports/demand',
        { ...bearer(analyst), 'content-type': 'text/csv' },
        Buffer.from('sku,date,quantity\n'),
      ],
      MiB,
    ],
    [
      'POST /plant-ops/sensors/readings/bulk (BULK_BODY_LIMIT_BYTES)',
      () => [
        '/api/v1/plant-ops/sensors/readings/bulk',
        { ...bearer(operator), 'content-type': 'application/json' },
        Buffer.from('{"readings":['),
      ],
      0,
    ],
    [
      'POST /api/v2/write (line protocol, BULK_BODY_LIMIT_BYTES)',
      () => [
        '/api/v2/write?org=o&bucket=b',
        { authorization: `Token ${operateKey}`, 'content-type': 'text/plain' },
        Buffer.from('m,sensor=a value=1\n'),
      ],
      LIMIT,
    ],
    [
      'any JSON route (BODY_LIMIT_BYTES)',
      () => [
        '/api/v1/plant-ops/sensors',
        { ...bearer(admin), 'content-type': 'application/json' },
        Buffer.from('{'),
      ],
      0,
    ],
  ];
  for (const [name, make, limit, max] of routes) {
    test(name, { timeout: 180_000 }, async () => {
      const [path, headers, head] = make();
      assertTooLarge(await unending(path, headers, head, max), limit);
    });
  }

  test('a gzip bomb on the line protocol is a 413 counted decompressed', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * MiB, 'm'));
    assert.ok(bomb.length < 100 * 1024);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v2/write?org=o&bucket=b',
      headers: {
        authorization: `Token ${operateKey}`,
        'content-type': 'text/plain',
        'content-encoding': 'gzip',
      },
      payload: bomb,
    });
    assert.equal(res.statusCode, 413, res.body);
    assert.match(res.json().error.message, /decompressed/);
  });

  test('a gzip-encoded JSON body is not inflated: 4xx in the error format', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/plant-ops/sensors',
      headers: { ...admin.headers, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(Buffer.from(JSON.stringify({ key: 'x'.repeat(10 * MiB) }))),
    });
    assert.ok([400, 413, 415].includes(res.statusCode), `${res.statusCode} ${res.body}`);
    assert.equal(typeof res.json().error.code, 'string');
  });
});

describe('XLSX zip bombs through the upload route', () => {
  test('a 10 KB workbook declaring 4 GiB: 400 with the reason, nothing inflated', async () => {
    const body = new FormData();
    body.append('facilityId', acme.facilityId);
    body.append('mappings', JSON.stringify([{ field: 'workOrder', column: 'Order' }]));
    body.append('file', new Blob([workbook({}, { [SHEET_PART]: 0xfffffffe })]), 'orders.xlsx');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/analytics/uploads',
      headers: analyst.headers,
      payload: body,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().error.message, /unpacks to more than the allowed size: .*sheet1.xml declares/);
  });
});
