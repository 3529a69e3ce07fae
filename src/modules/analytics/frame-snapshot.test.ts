import assert from 'node:assert/strict';
import { mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { isShared } from '../../platform/compute/shared-arrays.ts';
import { inTenant, readInTenant } from '../../platform/db/scope.ts';
import { createTestDatabase, type TestDatabase } from '../../platform/db/testing.ts';
import { createTestTenant, type TestTenant } from '../identity/testing.ts';
import type { WorkOrderFrame } from './analysis/types.ts';
import { loadFrame } from './frame.repo.ts';
import { chunkOf, type FrameRecord, type FrameStore, frameDate, localFrameStore } from './frame-snapshot.ts';
import { insertWorkOrders, type WorkOrderValues } from './imports.repo.ts';
import { insertBareImport } from './testing.ts';
import { WorkOrderBatch } from './work-order-batch.ts';

// The frame snapshot against a read of the rows, on the driver under test: the same frame to the
// bit (ids, row numbers, numbers, dates, flags, texts and their dictionary order) from chunks
// committed out of order, and every kind of damage answered with a reason instead of a frame.

let database: TestDatabase;
let tenant: TestTenant;
let dir: string;
let frames: FrameStore;
let importId = '';
let record: FrameRecord;

const KEYS = ['workOrder', 'machine', 'qtyPlanned', 'downtimeMinutes', 'actualStart', 'machineFailure'];
const machines = ['M-1', 'Presse 3 (Weiß)', '炉 7 🔥', ''];

/** Work order of file row r, with values that test the encodings: odd milliseconds, old dates, NULLs. */
function workOrder(r: number): WorkOrderValues {
  return {
    rowNo: r,
    operations: null,
    values: {
      workOrder: `WO-${r}`,
      machine: r % 9 === 0 ? null : (machines[r % machines.length] as string),
      qtyPlanned: r % 5 === 0 ? null : r * 0.1 + 1e-9 * r,
      downtimeMinutes: r % 7 === 0 ? null : r % 13,
      actualStart: r % 8 === 0 ? null : (r % 2 ? 1 : -1) * (1_234_567_890_123 + r * 7919.5),
      machineFailure: r % 4 === 0 ? null : r % 3 === 0,
    },
    extra: null,
  };
}
// Three batches, rows 1–120 with some rejected (not stored).
const BATCHES = [0, 1, 2].map((b) =>
  Array.from({ length: 40 }, (_, i) => b * 40 + i + 1)
    .filter((r) => r % 17 !== 0)
    .map(workOrder),
);

before(async () => {
  database = await createTestDatabase();
  tenant = await createTestTenant(database.db, 'snapshot');
  dir = await mkdtemp(join(tmpdir(), 'plantintel-frames-'));
  frames = localFrameStore(dir);
  importId = await inTenant(database.db, tenant.id, async (tx) => {
    const row = await insertBareImport(tx, tenant, 'snapshot-test');
    return row.id;
  });
  const scope = { tenantId: tenant.id, importId, facilityId: tenant.facilityId };
  const writer = await frames.writer(tenant.id, importId, KEYS);
  // Committed (and appended) out of file order, as two batches in flight can be.
  for (const batch of [BATCHES[1], BATCHES[0], BATCHES[2]] as WorkOrderValues[][]) {
    const stored = await inTenant(database.db, tenant.id, (tx) =>
      insertWorkOrders(tx, scope, batch, { ids: true }),
    );
    await writer.append(chunkOf(KEYS, stored.ids as Float64Array, stored));
  }
  record = (await writer.finish()) as FrameRecord;
});
after(async () => {
  await database?.dispose();
  await rm(dir, { recursive: true, force: true });
});

const fromRows = (fields = KEYS) =>
  readInTenant(database.db, tenant.id, (tx) => loadFrame(tx, importId, fields, record.rows));

async function fromSnapshot(fields = KEYS, rec = record) {
  const loaded = await frames.load(tenant.id, importId, rec, fields);
  if (!loaded.frame) assert.fail(`no frame: ${loaded.reason}`);
  return loaded.frame;
}

/** Bit-for-bit equality of two frames (NaN equals NaN, +0 is not -0). */
function assertSameFrame(a: WorkOrderFrame, b: WorkOrderFrame) {
  assert.equal(a.n, b.n);
  const same = (x: ArrayLike<number>, y: ArrayLike<number>, what: string) => {
    assert.equal(x.length, y.length, what);
    for (let i = 0; i < x.length; i++) assert.ok(Object.is(x[i], y[i]), `${what}[${i}]: ${x[i]} vs ${y[i]}`);
  };
  same(a.ids, b.ids, 'ids');
  same(a.rowNo, b.rowNo, 'rowNo');
  assert.deepEqual(Object.keys(a.numbers).sort(), Object.keys(b.numbers).sort());
  for (const [k, column] of Object.entries(a.numbers)) same(column, b.numbers[k] as Float64Array, k);
  assert.deepEqual(Object.keys(a.texts).sort(), Object.keys(b.texts).sort());
  for (const [k, column] of Object.entries(a.texts)) {
    assert.deepEqual(column.dict, b.texts[k]?.dict, `${k} dictionary`);
    same(column.codes, b.texts[k]?.codes ?? [], `${k} codes`);
  }
}

test('the snapshot gives the frame a read of the rows gives, to the bit, in file order', async () => {
  const stored = BATCHES.flat();
  assert.deepEqual(record, {
    version: 1,
    keys: KEYS,
    types: ['text', 'text', 'number', 'number', 'date', 'boolean'],
    nonce: record.nonce,
    rows: stored.length,
    chunks: 3,
    bytes: record.bytes,
  });
  assert.equal((await stat(join(dir, tenant.id, `${importId}.frame`))).size, record.bytes);
  const snap = await fromSnapshot();
  assertSameFrame(snap, await fromRows());
  assert.deepEqual(
    [...snap.rowNo],
    stored.map((w) => w.rowNo),
  );
  assert.ok(isShared(snap.ids) && isShared(snap.rowNo));
  for (const column of Object.values(snap.numbers)) assert.ok(isShared(column));
  for (const column of Object.values(snap.texts)) assert.ok(isShared(column.codes));
  // Fewer fields than the snapshot holds: only those.
  assertSameFrame(await fromSnapshot(['machine', 'actualStart']), await fromRows(['machine', 'actualStart']));
});

test('dates are divided as PostgreSQL divides them', () => {
  assert.equal(frameDate(Date.UTC(2026, 0, 5, 6, 30)), Date.UTC(2026, 0, 5, 6, 30));
  assert.equal(frameDate(0), 0);
  assert.equal(frameDate(-946_684_800_000), -946_684_800_000);
});

test('missing, damaged or mismatched snapshots are refused with a reason', async () => {
  const path = join(dir, tenant.id, `${importId}.frame`);
  const bytes = await readFile(path);
  const reason = async (rec: FrameRecord, fields = KEYS) => {
    const loaded = await frames.load(tenant.id, importId, rec, fields);
    return loaded.frame ? 'a frame' : loaded.reason;
  };
  assert.match(await reason(record, [...KEYS, 'supplier']), /lacks supplier/);
  assert.match(await reason({ ...record, rows: record.rows + 1 }), /do not add up/);
  assert.match(await reason({ ...record, chunks: 2, bytes: record.bytes }), /do not add up/);
  // A file of another writing of the same import (the same shape, other ids) is not this record's.
  assert.match(await reason({ ...record, nonce: (record.nonce + 1) % 2 ** 32 }), /another writing/);
  // A field whose type changed since (a later release) is not read from the old encoding.
  assert.match(
    await reason({ ...record, types: ['text', 'text', 'integer', 'number', 'date', 'boolean'] }),
    /another type/,
  );
  // Ids in capitals name the same file.
  const upper = await frames.load(tenant.id.toUpperCase(), importId.toUpperCase(), record, KEYS);
  assert.ok(upper.frame, upper.frame ? '' : upper.reason);
  try {
    // One flipped byte in the middle of a chunk.
    const damaged = Buffer.from(bytes);
    const middle = Math.floor(bytes.length / 2);
    damaged[middle] = (damaged[middle] as number) ^ 0xff;
    await writeFile(path, damaged);
    assert.match(await reason(record), /checksum/);
    // Cut short.
    await writeFile(path, bytes.subarray(0, bytes.length - 8));
    assert.match(await reason(record), /size differs/);
    // A header that is not one.
    const notOne = Buffer.from(bytes);
    notOne.writeUInt32LE(0, 0);
    await writeFile(path, notOne);
    assert.match(await reason(record), /not one/);
    await rm(path);
    assert.match(await reason(record), /no snapshot file/);
  } finally {
    await writeFile(path, bytes);
  }
  assertSameFrame(await fromSnapshot(), await fromRows());
});

test('a write that fails keeps nothing; a discarded or removed snapshot is gone', async () => {
  const other = '00000000-0000-4000-8000-000000000001';
  const path = join(dir, tenant.id, `${other}.frame`);
  const writer = await frames.writer(tenant.id, other, KEYS);
  const batch = BATCHES[0] as WorkOrderValues[];
  const ids = Float64Array.from(batch, (_, i) => i + 1);
  const { numbers, rowNos } = WorkOrderBatch.of(batch);
  const texts = { numbers, rowNos, arrays: { workOrder: new Uint8Array(12), machine: new Uint8Array(12) } };
  writer.append(chunkOf(KEYS, ids, texts));
  // A chunk without one of the snapshot's columns cannot be written: the snapshot is dropped.
  writer.append({ ...chunkOf(KEYS, ids, texts), columns: {} });
  assert.equal(await writer.finish(), null);
  await assert.rejects(stat(path));
  await assert.rejects(stat(`${path}.part`));

  const kept = await frames.writer(tenant.id, other, KEYS);
  kept.append(chunkOf(KEYS, ids, texts));
  assert.ok(await kept.finish());
  assert.ok((await stat(path)).size > 0);
  assert.deepEqual(
    (await frames.list()).find((t) => t.tenantId === tenant.id)?.importIds.sort(),
    [importId, other].sort(),
  );
  await frames.remove(tenant.id, other);
  await assert.rejects(stat(path));

  const dropped = await frames.writer(tenant.id, other, KEYS);
  dropped.append(chunkOf(KEYS, ids, texts));
  await dropped.discard();
  await assert.rejects(stat(`${path}.part`));
  // Paths are made of ids only.
  await assert.rejects(frames.writer(tenant.id, '../x', KEYS), /not a tenant and import id/);
  const handle = await open(join(dir, 'not-a-tenant'), 'w');
  await handle.close();
  assert.ok((await frames.list()).every((t) => t.tenantId !== 'not-a-tenant'));
});
