import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isShared } from '../../platform/compute/shared-arrays.ts';
import type { Executor } from '../../platform/db/database.ts';
import { inTenant, readInTenant } from '../../platform/db/scope.ts';
import { createTestDatabase, type TestDatabase } from '../../platform/db/testing.ts';
import { createTestTenant, type TestTenant } from '../identity/testing.ts';
import { loadFrame } from './frame.repo.ts';
import { insertWorkOrders, type WorkOrderValues } from './imports.repo.ts';
import { insertBareImport } from './testing.ts';

// The frame read back from the database, on the driver under test: several pages read ahead of
// their decoding, row numbers with a gap, NULLs and empty texts, dates and flags as numbers.

let database: TestDatabase;
let tenant: TestTenant;
let importId = '';
const T0 = Date.UTC(2026, 0, 5, 6, 30);
const machines = ['M-1', 'M-2', 'Presse 3 (Weiß)'];

/** Work order of file row r: row 5 was rejected by the import, so it is not stored. */
function workOrder(r: number): WorkOrderValues {
  return {
    rowNo: r,
    operations: 1,
    values: {
      workOrder: `WO-${r}`,
      machine: r % 7 === 0 ? null : r % 11 === 0 ? '' : (machines[r % 3] as string),
      qtyPlanned: r % 4 === 0 ? null : r * 10,
      actualStart: T0 + r * 3_600_000,
      machineFailure: r % 6 === 0,
    },
    extra: null,
  };
}
const ROWS = Array.from({ length: 23 }, (_, i) => i + 1).filter((r) => r !== 5);

before(async () => {
  database = await createTestDatabase();
  tenant = await createTestTenant(database.db, 'frame');
  await inTenant(database.db, tenant.id, async (tx) => {
    const row = await insertBareImport(tx, tenant, 'frame-test');
    importId = row.id;
    const scope = { tenantId: tenant.id, importId, facilityId: tenant.facilityId };
    await insertWorkOrders(tx, scope, ROWS.map(workOrder));
  });
});
after(() => database?.dispose());

const FIELDS = ['workOrder', 'machine', 'qtyPlanned', 'actualStart', 'machineFailure'];

async function load(rows: number, pageRows: number, wrap: (tx: Executor) => Executor = (tx) => tx) {
  const pages: number[] = [];
  const frame = await readInTenant(database.db, tenant.id, (tx) =>
    loadFrame(wrap(tx), importId, FIELDS, rows, (loaded) => void pages.push(loaded), { pageRows, ahead: 2 }),
  );
  return { frame, pages };
}

/**
 * The executor with its statements observed: `hold(n)` may delay the answer of the n-th statement
 * (1 is the bounds query, 2 the first page…); `running` counts statements sent and not yet answered.
 */
function observed(
  tx: Executor,
  hold: (n: number, answered: Promise<void>[]) => Promise<void> = async () => {},
) {
  const answered: { promise: Promise<void>; resolve: () => void }[] = [];
  const counts = { sent: 0, running: 0 };
  const executor = {
    async execute(query: unknown) {
      const n = ++counts.sent;
      counts.running++;
      for (let i = answered.length; i <= n + 1; i++) {
        let resolve = () => {};
        const promise = new Promise<void>((r) => {
          resolve = r;
        });
        answered.push({ promise, resolve });
      }
      try {
        const result = await (tx as unknown as { execute(q: unknown): Promise<unknown> }).execute(query);
        await hold(
          n,
          answered.map((a) => a.promise),
        );
        return result;
      } finally {
        counts.running--;
        answered[n]?.resolve();
      }
    },
  };
  return { executor: executor as unknown as Executor, counts };
}

test('pages of 4 row numbers: every work order in file order, with its values', async () => {
  const { frame, pages } = await load(ROWS.length, 4);
  assert.deepEqual(pages, [4, 7, 11, 15, 19, 22]);
  assert.equal(frame.n, 22);
  assert.deepEqual([...frame.rowNo], ROWS);
  assert.equal(new Set(frame.ids).size, 22);
  const expected = ROWS.map(workOrder);
  assert.deepEqual(
    [...(frame.numbers.qtyPlanned as Float64Array)],
    expected.map((w) => (w.values.qtyPlanned as number | null) ?? Number.NaN),
  );
  assert.deepEqual(
    [...(frame.numbers.actualStart as Float64Array)],
    expected.map((w) => w.values.actualStart),
  );
  assert.deepEqual(
    [...(frame.numbers.machineFailure as Float64Array)],
    expected.map((w) => (w.values.machineFailure ? 1 : 0)),
  );
  const text = (key: string) => {
    const { codes, dict } = frame.texts[key] ?? { codes: new Int32Array(0), dict: [] };
    return [...codes].map((c) => (c === -1 ? null : dict[c]));
  };
  // NULL and the empty text both read as missing.
  assert.deepEqual(
    text('machine'),
    expected.map((w) => (w.values.machine as string | null) || null),
  );
  assert.deepEqual(frame.texts.machine?.dict, ['M-2', 'Presse 3 (Weiß)', 'M-1']);
  assert.deepEqual(
    text('workOrder'),
    expected.map((w) => w.values.workOrder),
  );
});

test('the columns are views of shared memory, so compute tasks read them without a copy', async () => {
  const { frame } = await load(ROWS.length, 10);
  assert.ok(isShared(frame.ids) && isShared(frame.rowNo));
  for (const column of Object.values(frame.numbers)) assert.ok(isShared(column));
  for (const column of Object.values(frame.texts)) assert.ok(isShared(column.codes));
});

test('more work orders than the import counted: the frame grows; fewer: it is cut to size', async () => {
  const grown = await load(3, 5);
  assert.equal(grown.frame.n, 22);
  assert.deepEqual([...grown.frame.rowNo], ROWS);
  assert.equal(grown.frame.numbers.qtyPlanned?.length, 22);
  assert.equal(grown.frame.texts.machine?.codes.length, 22);
  const cut = await load(100, 50);
  assert.equal(cut.frame.n, 22);
  assert.equal(cut.frame.ids.length, 22);
  assert.deepEqual(
    [...(cut.frame.numbers.actualStart as Float64Array)],
    [...(grown.frame.numbers.actualStart as Float64Array)],
  );
});

test('a page answered before the one ahead of it is still decoded in file order', async () => {
  const inOrder = await load(ROWS.length, 4);
  // The first page (statement 2) answers only after the second (statement 3) has.
  const reordered = await load(
    ROWS.length,
    4,
    (tx) =>
      observed(tx, (n, answered) => (n === 2 ? (answered[3] as Promise<void>) : Promise.resolve())).executor,
  );
  assert.deepEqual(reordered.pages, inOrder.pages);
  assert.deepEqual([...reordered.frame.rowNo], ROWS);
  assert.deepEqual(reordered.frame.texts.machine?.dict, inOrder.frame.texts.machine?.dict);
  assert.deepEqual(
    [...(reordered.frame.texts.machine?.codes ?? [])],
    [...(inOrder.frame.texts.machine?.codes ?? [])],
  );
});

test('a failing page statement or an abort ends the load with nothing left running', async () => {
  let seen = { sent: 0, running: 0 };
  const failing = readInTenant(database.db, tenant.id, (tx) => {
    const { executor, counts } = observed(tx, async (n) => {
      if (n === 3) throw new Error('page 2 failed');
    });
    seen = counts;
    return loadFrame(executor, importId, FIELDS, ROWS.length, undefined, { pageRows: 4, ahead: 2 });
  });
  await assert.rejects(failing, /page 2 failed/);
  assert.equal(seen.running, 0);
  const aborted = readInTenant(database.db, tenant.id, (tx) => {
    const { executor, counts } = observed(tx);
    seen = counts;
    return loadFrame(
      executor,
      importId,
      FIELDS,
      ROWS.length,
      () => {
        throw new Error('aborted');
      },
      { pageRows: 4, ahead: 2 },
    );
  });
  await assert.rejects(aborted, /aborted/);
  // The page requested before the abort was answered before the load gave up.
  assert.ok(seen.sent >= 3, `${seen.sent} statements sent`);
  assert.equal(seen.running, 0);
});
