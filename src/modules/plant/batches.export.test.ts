// GET /plant-ops/batches/export: the CSV and the XLSX hold exactly the batches the list returns for
// the same filters, in its order; a bad format is a 400; the other tenant's batches never appear.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readInTenant } from '../../platform/db/scope.ts';
import { paged } from '../../platform/export/tabular.ts';
import { columnOf, tableOf } from '../../platform/export/testing.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';
import { type BatchCursor, batchesAfter } from './batches.repo.ts';

let t: TestApp;
let viewer: TestSession;
let admin: TestSession;
let otherAdmin: TestSession;
let lineA = '';
let acme: TestTenant;

const get = (session: TestSession, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/plant-ops${url}`, headers: session.headers });

async function post(session: TestSession, url: string, payload: object) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/plant-ops${url}`,
    headers: session.headers,
    payload,
  });
  assert.ok(res.statusCode < 300, `${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'export-a');
  const beta = await createTestTenant(t.database.db, 'export-b');
  admin = await signIn(t.app, acme.users.admin.email);
  viewer = await signIn(t.app, acme.users.viewer.email);
  otherAdmin = await signIn(t.app, beta.users.admin.email);
  lineA = (await post(admin, '/lines', { facilityId: acme.facilityId, code: 'A', name: 'Line A' })).id;
  const lineB = (await post(admin, '/lines', { facilityId: acme.facilityId, code: 'B', name: 'Line B' })).id;
  const betaLine = (
    await post(otherAdmin, '/lines', { facilityId: beta.facilityId, code: 'A', name: 'Beta A' })
  ).id;
  const batch = (session: TestSession, lineId: string, productSku: string, extra: object = {}) =>
    post(session, '/batches', { lineId, productSku, plannedQuantity: 100, idealCycleSeconds: 1, ...extra });
  await batch(admin, lineA, 'X', { notes: '=1+1 not a formula', productName: 'Widget, "large"' });
  const done = await batch(admin, lineA, 'X');
  await batch(admin, lineB, 'Y');
  await batch(otherAdmin, betaLine, 'X');
  const start = new Date(Date.now() - 3_600_000).toISOString();
  await post(admin, `/batches/${done.id}/start`, { at: start });
  await post(admin, `/batches/${done.id}/complete`, { goodCount: 90, scrapCount: 10 });
});
after(() => t?.close());

describe('batches export', () => {
  for (const query of ['', 'productSku=X', `lineId=${'LINE'}&status=completed`]) {
    for (const format of ['csv', 'xlsx'] as const) {
      test(`${format}${query ? ` with ${query.replace('LINE', 'a line')}` : ''}: the list's rows`, async () => {
        const q = query.replace('LINE', lineA);
        const list = (await get(viewer, `/batches?limit=200${q ? `&${q}` : ''}`)).json();
        const table = await tableOf(
          await get(viewer, `/batches/export?format=${format}${q ? `&${q}` : ''}`),
          format,
        );
        assert.equal(table[0]?.[0], 'Batch');
        assert.deepEqual(
          columnOf(table, 'Batch ID'),
          list.items.map((b: { id: string }) => b.id),
        );
        assert.ok(list.items.length > 0);
        assert.deepEqual(
          columnOf(table, 'Product SKU'),
          list.items.map((b: { productSku: string }) => b.productSku),
        );
        const quantities = columnOf(table, 'Planned quantity (units)');
        assert.deepEqual(
          quantities,
          list.items.map(() => (format === 'csv' ? '100' : 100)),
        );
        const completed = list.items.findIndex((b: { status: string }) => b.status === 'completed');
        if (completed >= 0) {
          const good = columnOf(table, 'Good (units)')[completed];
          assert.equal(good, format === 'csv' ? '90' : 90);
          const oee = columnOf(table, 'OEE (%)')[completed];
          const expected = Math.round(list.items[completed].oee.oee * 10_000) / 100;
          assert.equal(Number(oee), expected);
        }
        const notes = columnOf(table, 'Notes');
        const written = list.items.findIndex((b: { notes: string | null }) => b.notes);
        if (written >= 0)
          assert.equal(notes[written], format === 'csv' ? "'=1+1 not a formula" : '=1+1 not a formula');
      });
    }
  }

  test('keyset pages of one batch each walk the list in its order', async () => {
    const list = (await get(viewer, '/batches?limit=200&productSku=X')).json();
    const walked: string[] = [];
    const rows = paged(
      (after: BatchCursor | undefined, size) =>
        readInTenant(t.database.db, acme.id, (tx) => batchesAfter(tx, { productSku: 'X' }, after, size)),
      (last) => last.cursor,
      1,
    );
    for await (const row of rows) walked.push(row.batch.id);
    assert.deepEqual(
      walked,
      list.items.map((b: { id: string }) => b.id),
    );
  });

  test('the file is named for its period; CSV by default; a bad format or an unknown filter is a 400', async () => {
    const res = await get(
      viewer,
      '/batches/export?format=csv&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z',
    );
    assert.equal(
      res.headers['content-disposition'],
      'attachment; filename="batches_2026-01-01_2026-02-01.csv"',
    );
    assert.equal((await get(viewer, '/batches/export?format=pdf')).statusCode, 400);
    // CSV unless asked otherwise.
    await tableOf(await get(viewer, '/batches/export'), 'csv');
    assert.equal((await get(viewer, '/batches/export?format=csv&limit=5')).statusCode, 400);
  });

  test('the other tenant exports only its own batches; no token, no file', async () => {
    const table = await tableOf(await get(otherAdmin, '/batches/export?format=csv'), 'csv');
    assert.equal(table.length, 2);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/api/v1/plant-ops/batches/export?format=csv',
    });
    assert.equal(anonymous.statusCode, 401);
  });
});
