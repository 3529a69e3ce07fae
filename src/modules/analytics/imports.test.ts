import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../platform/db/database.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';

// Work-order uploads end to end: multipart upload → file store → head check → mapping → the import
// job → work orders and row errors; refusals at the door, duplicates, reject policies, operation
// roll-up, a database failure mid-import (nothing completed, the retry imports everything),
// reprocess with a corrected mapping, the original file and the errors CSV.

let t: TestApp;
let acme: TestTenant;
let dataDir: string;
const s = {} as Record<'admin' | 'analyst' | 'viewer', TestSession>;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plantintel-wo-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir, UPLOAD_MAX_MB: '2' } });
  acme = await createTestTenant(t.database.db, 'wo-import');
  for (const role of ['admin', 'analyst', 'viewer'] as const)
    s[role] = await signIn(t.app, acme.users[role].email);
});
after(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const MAPPING = [
  { field: 'workOrder', column: 'Order' },
  { field: 'partNumber', column: 'Material' },
  { field: 'qtyCompleted', column: 'Yield' },
  { field: 'qtyScrap', column: 'Scrap' },
  { field: 'actualStart', column: 'Start' },
];

function form(file: Buffer | string, fields: Record<string, string>, name = 'orders.csv') {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append('file', new Blob([file]), name);
  return body;
}

async function upload(file: Buffer | string, fields: Record<string, string> = {}, session = s.analyst) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/analytics/uploads',
    headers: session.headers,
    payload: form(file, { facilityId: acme.facilityId, mappings: JSON.stringify(MAPPING), ...fields }),
  });
  return { status: res.statusCode, body: res.json() };
}

async function get(url: string, session = s.viewer) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/analytics${url}`, headers: session.headers });
  return {
    status: res.statusCode,
    body: res.headers['content-type']?.includes('json') ? res.json() : res.body,
    res,
  };
}

async function finished(importId: string, timeoutMs = 60_000) {
  return eventually(
    async () => {
      const { body } = await get(`/imports/${importId}`);
      return body.status === 'completed' || body.status === 'failed' ? body : undefined;
    },
    `import ${importId} to end`,
    timeoutMs,
  );
}

let unique = 0;
/** A small CSV; `tag` makes its bytes unique (duplicates are refused by default). */
function csv(rows: string[], tag = `${++unique}`) {
  return `Order,Material,Yield,Scrap,Start,Note ${tag}\r\n${rows.join('\r\n')}\r\n`;
}

describe('work-order uploads', () => {
  test('a CSV imports: exact counts, typed values, unmapped columns kept, row errors with reasons', async () => {
    const file = csv([
      'WO-1,P-100,95,5,2026-03-01,first',
      'WO-2,P-100,"1,000",0,2026-03-02,',
      'WO-3,P-200,abc,1,2026-03-03,bad yield',
      ',P-200,10,0,2026-03-04,no order',
      'WO-5,P-300,-4,0,2026-03-05,negative',
    ]);
    const started = await upload(file);
    assert.equal(started.status, 202, JSON.stringify(started.body));
    assert.equal(started.body.analysisId, null);
    const done = await finished(started.body.importId);
    assert.equal(done.status, 'completed', done.errorMessage);
    assert.deepEqual([done.rowsRead, done.rowsAccepted, done.rowsRejected, done.workOrders], [5, 2, 3, 2]);
    const rows = await queryRows<{
      work_order: string;
      qty_completed: number;
      actual_start: Date;
      extra: unknown;
    }>(
      t.database.db,
      sql`select work_order, qty_completed, actual_start, extra from work_orders where import_id = ${done.id} order by row_no`,
    );
    assert.deepEqual(
      rows.map((r) => [r.work_order, r.qty_completed, new Date(r.actual_start).toISOString().slice(0, 10)]),
      [
        ['WO-1', 95, '2026-03-01'],
        ['WO-2', 1000, '2026-03-02'],
      ],
    );
    assert.deepEqual(Object.values(rows[0]?.extra as object), ['first'], 'the unmapped Note column is kept');
    const errors = await get(`/imports/${done.id}/errors`);
    assert.deepEqual(
      errors.body.items.map((e: { row: number; column: string }) => [e.row, e.column]),
      [
        [4, 'Yield'], // line numbers, as a person finds the row in the file
        [5, 'Order'],
        [6, 'Yield'],
      ],
    );
    const download = await get(`/imports/${done.id}/errors?format=csv`);
    assert.match(download.res.headers['content-type'] as string, /text\/csv/);
    assert.match(download.res.body, /row,column,value,reason/);
    assert.equal(download.res.body.trim().split('\n').length, 4);
    const original = await get(`/imports/${done.id}/file`);
    assert.equal(original.res.body, file, 'the original file is kept byte for byte');
  });

  test('refused at the door with a clear 4xx: empty, binary, zip, header only, mapping that does not fit, too large', async () => {
    const cases: [Buffer | string, number, RegExp, Record<string, string>?][] = [
      ['', 400, /empty/i],
      [Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8]), 400, /not a CSV or XLSX|binary/i],
      [Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 1)]), 400, /XLSX|zip/i],
      ['Order,Material,Yield,Scrap,Start\r\n', 400, /no data rows|header/i],
      [
        csv(['WO-1,P-1,1,0,2026-01-01,x']),
        400,
        /mapping/i,
        { mappings: JSON.stringify([{ field: 'workOrder', column: 'Auftrag' }]) },
      ],
      [csv(['WO-1,P-1,1,0,2026-01-01,x']), 400, /exactly one/i, { autoMap: 'true' }],
      [`${csv([])}${'x'.repeat(2 * 1_048_576 + 10)}`, 413, /larger than/],
    ];
    for (const [file, status, message, fields] of cases) {
      const res = await upload(file, fields);
      assert.equal(res.status, status, `${message}: ${JSON.stringify(res.body)}`);
      assert.match(res.body.error.message, message);
    }
    const viewer = await upload(csv(['WO-1,P-1,1,0,2026-01-01,x']), {}, s.viewer);
    assert.equal(viewer.status, 403);
  });

  test('the same bytes again: refused with the earlier import named, or marked as a duplicate', async () => {
    const file = csv(['WO-9,P-9,9,0,2026-02-01,x']);
    const first = await upload(file);
    assert.equal(first.status, 202);
    await finished(first.body.importId);
    const again = await upload(file);
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, new RegExp(first.body.importId));
    const marked = await upload(file, { onDuplicate: 'mark' });
    assert.equal(marked.status, 202);
    const done = await finished(marked.body.importId);
    assert.equal(done.duplicateOf, first.body.importId);
  });

  test('rejectPolicy=fail: one bad row fails the import, nothing is stored, the errors are listed', async () => {
    const started = await upload(csv(['WO-1,P-1,1,0,2026-01-01,x', 'WO-2,P-1,oops,0,2026-01-01,x']), {
      rejectPolicy: 'fail',
    });
    const done = await finished(started.body.importId);
    assert.equal(done.status, 'failed');
    assert.equal(done.workOrders, 0);
    assert.match(done.errorMessage, /1 of 2 rows were rejected/);
    const [stored] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from work_orders where import_id = ${done.id}`,
    );
    assert.equal(stored?.n, 0);
    assert.equal((await get(`/imports/${done.id}/errors`)).body.total, 1);
  });

  test('operation rows roll up to work orders by the strategy', async () => {
    const file = `Order,Op,Material,Yield,Scrap,Start\r\n${[
      'WO-1,10,P-1,100,2,2026-01-02',
      'WO-1,20,P-1,98,1,2026-01-01',
      'WO-1,30,P-1,97,4,2026-01-03',
      'WO-2,10,P-2,50,0,2026-01-05',
    ].join('\r\n')}\r\n`;
    const started = await upload(file, {
      granularity: 'operation',
      mappings: JSON.stringify([...MAPPING, { field: 'operationSeq', column: 'Op' }]),
      aggregationStrategy: JSON.stringify({ qtyCompleted: 'min' }),
    });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const done = await finished(started.body.importId);
    assert.equal(done.status, 'completed', done.errorMessage);
    assert.deepEqual([done.rowsRead, done.rowsAccepted, done.workOrders], [4, 4, 2]);
    const rows = await queryRows<{
      work_order: string;
      operations: number;
      qty_completed: number;
      qty_scrap: number;
      actual_start: Date;
    }>(
      t.database.db,
      sql`select work_order, operations, qty_completed, qty_scrap, actual_start from work_orders where import_id = ${done.id} order by work_order`,
    );
    assert.deepEqual(
      rows.map((r) => [
        r.work_order,
        r.operations,
        r.qty_completed,
        r.qty_scrap,
        new Date(r.actual_start).toISOString().slice(0, 10),
      ]),
      [
        ['WO-1', 3, 97, 7, '2026-01-01'], // min yield (strategy), sum scrap, min start (defaults)
        ['WO-2', 1, 50, 0, '2026-01-05'],
      ],
    );
  });

  test('a database failure mid-import: never a completed import with half the rows; the retry imports all', async () => {
    const db = t.database.db;
    await db.execute(sql`create table if not exists test_wo_fail (on_ int)`);
    await db.execute(sql`insert into test_wo_fail values (1)`);
    await db.execute(sql`create or replace function test_wo_fail() returns trigger language plpgsql as $$
      begin
        if new.work_order = 'WO-BOOM' and exists (select 1 from test_wo_fail) then
          raise exception 'injected failure';
        end if;
        return new;
      end $$`);
    await db.execute(
      sql`create trigger test_wo_fail before insert on work_orders for each row execute function test_wo_fail()`,
    );
    await db.execute(sql`grant select on test_wo_fail to plantintel_app, plantintel_platform`);
    try {
      const rows = Array.from(
        { length: 12_000 },
        (_, i) => `WO-${i === 11_000 ? 'BOOM' : i},P-1,1,0,2026-01-01,x`,
      );
      const started = await upload(csv(rows));
      assert.equal(started.status, 202);
      const failing = await eventually(
        async () => {
          const { body } = await get(`/imports/${started.body.importId}`);
          if (body.status === 'completed' || body.status === 'failed') throw new Error(JSON.stringify(body));
          return body.errorMessage?.includes('injected failure') ? body : undefined;
        },
        'the first attempt to fail',
        60_000,
      );
      assert.notEqual(failing.status, 'completed');
      await db.execute(sql`delete from test_wo_fail`);
      const done = await finished(started.body.importId, 90_000);
      assert.equal(done.status, 'completed', done.errorMessage);
      assert.equal(done.workOrders, 12_000);
      const [stored] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from work_orders where import_id = ${done.id}`,
      );
      assert.equal(stored?.n, 12_000, 'no row twice, none missing');
    } finally {
      await db.execute(sql`drop trigger if exists test_wo_fail on work_orders`);
      await db.execute(sql`drop table if exists test_wo_fail`);
    }
  });

  test('reprocess with a corrected mapping re-runs the kept file', async () => {
    const file = `Auftrag,Material,Gutmenge,Start\r\nA-1,M-1,"1.234,5",01.02.2026\r\nA-2,M-2,"2,5",13.02.2026\r\n`;
    const wrong = [
      { field: 'workOrder', column: 'Auftrag' },
      { field: 'partNumber', column: 'Material' },
      { field: 'qtyCompleted', column: 'Start' },
    ];
    const started = await upload(file, { mappings: JSON.stringify(wrong) });
    const first = await finished(started.body.importId);
    assert.equal(first.rowsRejected, 2);
    const fixed = [
      ...wrong.slice(0, 2),
      { field: 'qtyCompleted', column: 'Gutmenge' },
      { field: 'actualStart', column: 'Start' },
    ];
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/analytics/imports/${first.id}/reprocess`,
      headers: s.analyst.headers,
      payload: { mappings: fixed },
    });
    assert.equal(res.statusCode, 202, res.body);
    const done = await finished(first.id);
    assert.equal(done.status, 'completed');
    assert.deepEqual(
      [done.rowsAccepted, done.rowsRejected],
      [2, 0],
      JSON.stringify((await get(`/imports/${done.id}/errors`)).body),
    );
    const rows = await queryRows<{ qty_completed: number; actual_start: Date }>(
      t.database.db,
      sql`select qty_completed, actual_start from work_orders where import_id = ${done.id} order by row_no`,
    );
    assert.deepEqual(
      rows.map((r) => [r.qty_completed, new Date(r.actual_start).toISOString().slice(0, 10)]),
      [
        [1234.5, '2026-02-01'],
        [2.5, '2026-02-13'],
      ],
      'decimal comma and day-first dates decided from the column',
    );
  });
  test('file retention: an upload past the tenant retention is removed; download and reprocess answer 410', async () => {
    const started = await upload(csv(['WO-R,P-R,1,0,2026-01-01,x']));
    const done = await finished(started.body.importId);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/analytics/settings',
      headers: s.admin.headers,
      payload: { fileRetentionDays: 2 },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal((await get(`/imports/${done.id}/file`)).status, 200);
    await t.database.db.execute(
      sql`update imports set created_at = now() - interval '3 days' where tenant_id = ${acme.id}`,
    );
    const removed = await t.runtime.maintenance.runOnce();
    assert.ok((removed['analytics.files'] ?? 0) >= 1, JSON.stringify(removed));
    assert.equal((await get(`/imports/${done.id}/file`)).status, 410);
    const reprocess = await t.app.inject({
      method: 'POST',
      url: `/api/v1/analytics/imports/${done.id}/reprocess`,
      headers: s.analyst.headers,
      payload: {},
    });
    assert.equal(reprocess.statusCode, 410);
    assert.equal((await get(`/imports/${done.id}`)).body.rowsAccepted, 1, 'the work orders stay');
  });
  test('an XLSX workbook imports from the sheet asked for, dates and numbers typed by Excel', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Cover').addRow(['Production report']);
    const sheet = workbook.addWorksheet('Orders');
    sheet.addRow(['Order', 'Material', 'Yield', 'Scrap', 'Start']);
    sheet.addRow(['WO-X1', 'P-1', 12.5, 1, new Date(Date.UTC(2026, 2, 1, 6, 0))]);
    sheet.addRow(['WO-X2', 4711, 7, 0, new Date(Date.UTC(2026, 2, 2))]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const started = await upload(bytes, { sheet: 'Orders' });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const done = await finished(started.body.importId);
    assert.equal(done.status, 'completed', done.errorMessage);
    assert.deepEqual([done.rowsAccepted, done.rowsRejected], [2, 0]);
    assert.equal(done.sheet, 'Orders');
    const rows = await queryRows<{ part_number: string; qty_completed: number; actual_start: Date }>(
      t.database.db,
      sql`select part_number, qty_completed, actual_start from work_orders where import_id = ${done.id} order by row_no`,
    );
    assert.deepEqual(
      rows.map((r) => [r.part_number, r.qty_completed, new Date(r.actual_start).toISOString()]),
      [
        ['P-1', 12.5, '2026-03-01T06:00:00.000Z'],
        ['4711', 7, '2026-03-02T00:00:00.000Z'],
      ],
    );
    const truncated = await upload(bytes.subarray(0, Math.floor(bytes.length / 2)));
    assert.equal(truncated.status, 400);
    assert.match(truncated.body.error.message, /damaged or truncated/);
  });
});
