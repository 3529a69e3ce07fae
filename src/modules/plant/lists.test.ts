import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';

// The line and batch lists: every filter, its combinations, pages and a page past the end (where
// the total is counted separately), for two tenants reading the same statement shapes in turn.

let t: TestApp;
let acme: TestTenant;
let beta: TestTenant;
let admin: TestSession;
let otherAdmin: TestSession;
const ids = { lineA: '', lineB: '', betaLine: '' };

async function call(session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await t.app.inject({
    method,
    url: `/api/v1/plant-ops${url}`,
    headers: session.headers,
    ...(payload ? { payload } : {}),
  });
  assert.ok(res.statusCode < 300, `${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}

const list = async (session: TestSession, url: string) => {
  const page = (await call(session, 'GET', url)) as { items: { id: string }[]; total: number };
  return { ids: page.items.map((item) => item.id), total: page.total };
};

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'lists-a');
  beta = await createTestTenant(t.database.db, 'lists-b');
  admin = await signIn(t.app, acme.users.admin.email);
  otherAdmin = await signIn(t.app, beta.users.admin.email);
  const line = async (session: TestSession, facilityId: string, code: string) =>
    (await call(session, 'POST', '/lines', { facilityId, code, name: `Line ${code}` })).id as string;
  ids.lineA = await line(admin, acme.facilityId, 'A');
  ids.lineB = await line(admin, acme.facilityId, 'B');
  ids.betaLine = await line(otherAdmin, beta.facilityId, 'A');
  await call(admin, 'POST', `/lines/${ids.lineB}/status`, { status: 'maintenance' });
});
after(() => t?.close());

async function batch(session: TestSession, lineId: string, productSku: string) {
  const body = { lineId, productSku, plannedQuantity: 100, idealCycleSeconds: 1 };
  return (await call(session, 'POST', '/batches', body)).id as string;
}

describe('plant lists', () => {
  test('lines: filters, pages and the page past the end, each tenant its own', async () => {
    assert.deepEqual(await list(admin, '/lines'), { ids: [ids.lineA, ids.lineB], total: 2 });
    assert.deepEqual(await list(admin, '/lines?status=maintenance'), { ids: [ids.lineB], total: 1 });
    assert.deepEqual(await list(admin, `/lines?facilityId=${acme.facilityId}&status=idle`), {
      ids: [ids.lineA],
      total: 1,
    });
    assert.deepEqual(await list(admin, '/lines?limit=1&offset=1'), { ids: [ids.lineB], total: 2 });
    assert.deepEqual(await list(admin, '/lines?offset=5'), { ids: [], total: 2 });
    assert.deepEqual(await list(admin, '/lines?offset=5&status=maintenance'), { ids: [], total: 1 });
    // The other tenant runs the same statements and sees only its own line.
    assert.deepEqual(await list(otherAdmin, '/lines'), { ids: [ids.betaLine], total: 1 });
    assert.deepEqual(await list(otherAdmin, '/lines?status=maintenance'), { ids: [], total: 0 });
    assert.deepEqual(await list(admin, '/lines?limit=1'), { ids: [ids.lineA], total: 2 });
  });

  test('batches: each filter, combinations, time windows and pages', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const a1 = await batch(admin, ids.lineA, 'X');
    const a2 = await batch(admin, ids.lineA, 'X');
    const b1 = await batch(admin, ids.lineB, 'Y');
    const betaBatch = await batch(otherAdmin, ids.betaLine, 'X');
    await call(admin, 'POST', `/batches/${a2}/start`, {});
    const later = new Date(Date.now() + 60_000).toISOString();
    const set = async (session: TestSession, url: string) => {
      const page = await list(session, url);
      return { ids: [...page.ids].sort(), total: page.total };
    };
    const sorted = (...values: string[]) => [...values].sort();

    assert.deepEqual(await set(admin, '/batches'), { ids: sorted(a1, a2, b1), total: 3 });
    assert.deepEqual(await set(admin, `/batches?lineId=${ids.lineA}`), { ids: sorted(a1, a2), total: 2 });
    assert.deepEqual(await set(admin, '/batches?productSku=Y'), { ids: [b1], total: 1 });
    assert.deepEqual(await set(admin, `/batches?lineId=${ids.lineA}&productSku=Y`), { ids: [], total: 0 });
    assert.deepEqual(await set(admin, '/batches?status=running'), { ids: [a2], total: 1 });
    assert.deepEqual(await set(admin, `/batches?facilityId=${acme.facilityId}&status=planned`), {
      ids: sorted(a1, b1),
      total: 2,
    });
    assert.deepEqual(await set(admin, `/batches?from=${started}&to=${later}`), {
      ids: sorted(a1, a2, b1),
      total: 3,
    });
    assert.deepEqual(await set(admin, `/batches?from=${later}`), { ids: [], total: 0 });
    assert.deepEqual(await set(admin, `/batches?to=${started}`), { ids: [], total: 0 });
    // Newest first: the page of two after the first batch.
    const all = await list(admin, '/batches');
    assert.deepEqual(await list(admin, '/batches?limit=2&offset=1'), { ids: all.ids.slice(1, 3), total: 3 });
    assert.deepEqual(await list(admin, '/batches?offset=10'), { ids: [], total: 3 });
    assert.deepEqual(await list(admin, `/batches?offset=10&lineId=${ids.lineA}&from=${started}`), {
      ids: [],
      total: 2,
    });
    assert.deepEqual(await set(otherAdmin, '/batches'), { ids: [betaBatch], total: 1 });
    assert.deepEqual(await set(otherAdmin, '/batches?productSku=X'), { ids: [betaBatch], total: 1 });
  });
});
