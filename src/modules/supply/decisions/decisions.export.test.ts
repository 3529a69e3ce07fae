// GET /supply/decisions/export: the CSV and the XLSX hold exactly the decisions the list returns for
// the same filters, newest first; a bad format is a 400; the other tenant's decisions never appear.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { supplyDecisions } from '../../../platform/db/schema/index.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import { columnOf, tableOf } from '../../../platform/export/testing.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { createTestTenant, signIn, type TestSession } from '../../identity/testing.ts';

let t: TestApp;
let viewer: TestSession;
let stranger: TestSession;

const get = (session: TestSession, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/supply${url}`, headers: session.headers });

before(async () => {
  t = await createTestApp();
  const acme = await createTestTenant(t.database.db, 'decisions-export');
  const other = await createTestTenant(t.database.db, 'decisions-export-b');
  viewer = await signIn(t.app, acme.users.viewer.email);
  stranger = await signIn(t.app, other.users.viewer.email);
  // Decisions as the jobs leave them (computing one needs a forecast; the export only reads rows).
  const base = Date.parse('2026-03-01T00:00:00Z');
  const rows = Array.from({ length: 7 }, (_, i) => ({
    tenantId: acme.id,
    type: i % 3 === 0 ? 'routing' : 'replenishment',
    status: i % 2 === 0 ? 'proposed' : 'approved',
    summary: i === 1 ? '@risk, "quoted"\nsecond line' : `Decision ${i}`,
    predictedCost: 1000 + i * 12.5,
    confidence: i === 2 ? null : 0.8,
    scope: { warehouseIds: [] },
    createdAt: new Date(base + i * 60_000),
  }));
  await inTenant(t.database.db, acme.id, (tx) => tx.insert(supplyDecisions).values(rows));
  await inTenant(t.database.db, other.id, (tx) =>
    tx.insert(supplyDecisions).values({ tenantId: other.id, type: 'routing', status: 'proposed' }),
  );
});
after(() => t?.close());

describe('decisions export', () => {
  for (const query of ['', 'type=replenishment', 'type=routing&status=proposed']) {
    for (const format of ['csv', 'xlsx'] as const) {
      test(`${format}${query ? ` with ${query}` : ''}: the list's rows`, async () => {
        const list = (await get(viewer, `/decisions?limit=200${query ? `&${query}` : ''}`)).json();
        assert.ok(list.items.length > 0);
        const table = await tableOf(
          await get(viewer, `/decisions/export?format=${format}${query ? `&${query}` : ''}`),
          format,
        );
        type Item = { id: string; summary: string; predictedCost: number; confidence: number | null };
        const items = list.items as Item[];
        assert.deepEqual(
          columnOf(table, 'Decision ID'),
          items.map((d) => d.id),
        );
        const summaries = items.map((d) =>
          format === 'csv' && d.summary.startsWith('@') ? `'${d.summary}` : d.summary,
        );
        assert.deepEqual(columnOf(table, 'Summary'), summaries);
        assert.deepEqual(
          columnOf(table, 'Predicted cost').map(Number),
          items.map((d) => d.predictedCost),
        );
        assert.deepEqual(
          columnOf(table, 'Confidence (%)').map((c) => (c === '' || c === null ? null : Number(c))),
          items.map((d) => (d.confidence === null ? null : d.confidence * 100)),
        );
      });
    }
  }

  test('a bad format is a 400; the other tenant exports only its own', async () => {
    assert.equal((await get(viewer, '/decisions/export?format=json')).statusCode, 400);
    assert.equal((await get(viewer, '/decisions/export?format=csv&type=nonsense')).statusCode, 400);
    const theirs = await tableOf(await get(stranger, '/decisions/export?format=csv'), 'csv');
    assert.equal(theirs.length, 2);
  });
});
