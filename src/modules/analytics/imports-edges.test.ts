import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';

// Edges of the upload path found in review: NUL bytes in rejected cells, many errors per row across
// the errors CSV's pages, file names in any script, a malformed mapping sent to the preview.

let t: TestApp;
let acme: TestTenant;
let analyst: TestSession;

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'wo-edges');
  analyst = await signIn(t.app, acme.users.analyst.email);
});
after(async () => t?.close());

const MAPPING = [
  { field: 'workOrder', column: 'Order' },
  { field: 'partNumber', column: 'Material' },
  { field: 'qtyCompleted', column: 'Yield' },
  { field: 'qtyScrap', column: 'Scrap' },
  { field: 'qtyPlanned', column: 'Planned' },
];

async function imported(file: string, name = 'orders.csv') {
  const body = new FormData();
  body.append('facilityId', acme.facilityId);
  body.append('mappings', JSON.stringify(MAPPING));
  body.append('file', new Blob([file]), name);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/analytics/uploads',
    headers: analyst.headers,
    payload: body,
  });
  assert.equal(res.statusCode, 202, res.body);
  return eventually(
    async () => {
      const r = await t.app.inject({
        method: 'GET',
        url: `/api/v1/analytics/imports/${res.json().importId}`,
        headers: analyst.headers,
      });
      const b = r.json();
      return b.status === 'completed' || b.status === 'failed' ? b : undefined;
    },
    'the import to end',
    60_000,
  );
}

const get = (url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/analytics${url}`, headers: analyst.headers });

describe('upload edges', () => {
  test('a NUL byte in a rejected cell is reported without it; the import completes', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `WO-${i},P,1,0,1`);
    rows.push('WO-X,P,12\u0000 3,0,1');
    const done = await imported(`Order,Material,Yield,Scrap,Planned\n${rows.join('\n')}\n`);
    assert.equal(done.status, 'completed', done.errorMessage);
    assert.deepEqual([done.rowsAccepted, done.rowsRejected], [600, 1]);
    const errors = (await get(`/imports/${done.id}/errors`)).json();
    assert.equal(errors.items[0].value, '12 3');
  });

  test('the errors CSV has every error, also with several per row across its pages', async () => {
    const rows = Array.from({ length: 1700 }, (_, i) => `WO-${i},P,x,y,z`);
    const done = await imported(`Order,Material,Yield,Scrap,Planned\n${rows.join('\n')}\n`);
    assert.equal(done.rowsRejected, 1700);
    const csv = (await get(`/imports/${done.id}/errors?format=csv`)).body;
    const lines = csv.trim().split('\n');
    assert.equal(lines.length, 1 + 5100);
    assert.equal(new Set(lines).size, lines.length, 'no error twice');
    const page = (await get(`/imports/${done.id}/errors?limit=200&offset=5000`)).json();
    assert.equal(page.total, 5100);
    assert.equal(page.items.length, 100);
  });

  test('the original file downloads under a name in any script', async () => {
    const file = 'Order,Material,Yield,Scrap,Planned\nWO-1,P,1,0,1\n';
    const done = await imported(file, 'Q1 – 订单.csv');
    const res = await get(`/imports/${done.id}/file`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, file);
    assert.match(res.headers['content-disposition'] as string, /filename\*=UTF-8''Q1%20%E2%80%93%20/);
  });

  test('a malformed mapping sent to the preview is a 400', async () => {
    const body = new FormData();
    body.append('mappings', JSON.stringify([{ field: 'workOrder', column: 5 }]));
    body.append('file', new Blob(['Order,Material,Yield\nWO-1,P,1\n']), 'x.csv');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/analytics/mapping/preview',
      headers: analyst.headers,
      payload: body,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().error.message, /mappings/);
  });
  test('two uploads of the same bytes at once: one is imported, the other refused as a duplicate', async () => {
    const file = 'Order,Material,Yield,Scrap,Planned\nWO-SAME,P,1,0,1\n';
    const send = () => {
      const body = new FormData();
      body.append('facilityId', acme.facilityId);
      body.append('mappings', JSON.stringify(MAPPING));
      body.append('file', new Blob([file]), 'same.csv');
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/analytics/uploads',
        headers: analyst.headers,
        payload: body,
      });
    };
    const answers = await Promise.all([send(), send()]);
    assert.deepEqual(answers.map((r) => r.statusCode).sort(), [202, 409]);
  });
});
