import assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { notFound } from '../http/errors.ts';
import { offsetPaged, openTable, paged, sendTable, type TableColumn } from './tabular.ts';

async function* from<T>(rows: T[]): AsyncGenerator<T> {
  yield* rows;
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function readXlsx(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as arrays of cell values (row 1 is the header). */
function valuesOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

const COLUMNS: TableColumn[] = [
  { key: 'name', header: 'Name' },
  { key: 'qty', header: 'Quantity (units)', type: 'number' },
  { key: 'at', header: 'Started (UTC)', type: 'date' },
  { key: 'ok', header: 'Passed', type: 'boolean' },
];

const AWKWARD = [
  { name: 'plain', qty: 1, at: new Date('2026-01-02T03:04:05.000Z'), ok: true },
  { name: 'comma, and "quotes"', qty: -2.5, at: '2026-02-03T00:00:00.000Z', ok: false },
  { name: 'two\r\nlines', qty: 0, at: Date.parse('2026-03-04T05:06:07.000Z'), ok: null },
  { name: '=HYPERLINK("http://evil")', qty: null, at: null, ok: true },
  { name: '+1', qty: '42', at: undefined, ok: false },
  { name: '-cmd', qty: Number.NaN, at: 'not a date', ok: true },
  { name: '@SUM(A1)', qty: 1e21, at: null, ok: false },
  { name: null, qty: 3, at: null, ok: true },
  { name: 'é ü 漢字 🙂', qty: 7, at: null, ok: false },
];

describe('CSV', () => {
  test('starts with a BOM, quotes per RFC 4180, ends lines with CRLF, makes formulas inert', async () => {
    const bytes = await bytesOf(
      await openTable({ filename: 'x', format: 'csv', columns: COLUMNS, rows: from(AWKWARD) }),
    );
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    assert.ok(text.startsWith('Name,Quantity (units),Started (UTC),Passed\r\n'));
    assert.ok(text.includes('"comma, and ""quotes"""'));
    const rows = parse(text, { relax_column_count: false }) as string[][];
    assert.deepEqual(rows, [
      ['Name', 'Quantity (units)', 'Started (UTC)', 'Passed'],
      ['plain', '1', '2026-01-02T03:04:05.000Z', 'true'],
      ['comma, and "quotes"', '-2.5', '2026-02-03T00:00:00.000Z', 'false'],
      ['two\r\nlines', '0', '2026-03-04T05:06:07.000Z', ''],
      ['\'=HYPERLINK("http://evil")', '', '', 'true'],
      ["'+1", '42', '', 'false'],
      ["'-cmd", '', '', 'true'],
      ["'@SUM(A1)", '1e+21', '', 'false'],
      ['', '3', '', 'true'],
      ['é ü 漢字 🙂', '7', '', 'false'],
    ]);
  });

  test('an empty table is its header', async () => {
    const bytes = await bytesOf(
      await openTable({ filename: 'x', format: 'csv', columns: COLUMNS, rows: from([]) }),
    );
    assert.equal(bytes.toString('utf8'), '\uFEFFName,Quantity (units),Started (UTC),Passed\r\n');
  });
});

describe('XLSX', () => {
  test('reads back as the rows, typed, under a bold frozen header', async () => {
    const bytes = await bytesOf(
      await openTable({
        filename: 'x',
        format: 'xlsx',
        columns: COLUMNS,
        rows: from(AWKWARD),
        sheetName: 'Batches',
      }),
    );
    const workbook = await readXlsx(bytes);
    const sheet = workbook.getWorksheet('Batches');
    assert.ok(sheet);
    assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.ok((sheet.getColumn(2).width ?? 0) >= 'Quantity (units)'.length);
    const values = valuesOf(sheet);
    assert.deepEqual(values[0], ['Name', 'Quantity (units)', 'Started (UTC)', 'Passed']);
    const expected = [
      ['plain', 1, new Date('2026-01-02T03:04:05.000Z'), true],
      ['comma, and "quotes"', -2.5, new Date('2026-02-03T00:00:00.000Z'), false],
      ['two\nlines', 0, new Date('2026-03-04T05:06:07.000Z'), undefined],
      ['=HYPERLINK("http://evil")', undefined, undefined, true],
      ['+1', 42, undefined, false],
      ['-cmd', undefined, undefined, true],
      ['@SUM(A1)', 1e21, undefined, false],
      [undefined, 3, undefined, true],
      ['é ü 漢字 🙂', 7, undefined, false],
    ];
    assert.equal(values.length, expected.length + 1);
    expected.forEach((row, i) => {
      const got = values[i + 1] ?? [];
      row.forEach((cell, j) => {
        assert.deepEqual(got[j], cell, `row ${i + 2}, column ${j + 1}`);
      });
    });
    // Text that looks like a formula stays text.
    assert.equal(sheet.getCell('A5').type, ExcelJS.ValueType.String);
    assert.equal(sheet.getCell('C2').numFmt, 'yyyy-mm-dd hh:mm:ss');
  });

  test('characters XML cannot carry are dropped, not written into a broken file', async () => {
    const rows = from([{ name: 'bell\u0007 and \uD800 lone surrogate', qty: 1, at: null, ok: true }]);
    const workbook = await readXlsx(
      await bytesOf(await openTable({ filename: 'x', format: 'xlsx', columns: COLUMNS, rows })),
    );
    assert.equal(workbook.worksheets[0]?.getCell('A2').value, 'bell and \uFFFD lone surrogate');
  });

  test('rows past the sheet limit continue on a second sheet with its own header', async () => {
    const rows = from(Array.from({ length: 5 }, (_, i) => ({ name: `r${i}`, qty: i, at: null, ok: true })));
    const workbook = await readXlsx(
      await bytesOf(
        await openTable({ filename: 'x', format: 'xlsx', columns: COLUMNS, rows, maxRowsPerSheet: 3 }),
      ),
    );
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ['Data', 'Data (2)'],
    );
    assert.deepEqual(
      workbook.worksheets.map((s) => valuesOf(s).map((r) => r[0])),
      [
        ['Name', 'r0', 'r1', 'r2'],
        ['Name', 'r3', 'r4'],
      ],
    );
  });
});

describe('streaming', () => {
  const WIDE: TableColumn[] = [
    { key: 'id', header: 'Id', type: 'number' },
    { key: 'at', header: 'At (UTC)', type: 'date' },
    { key: 'value', header: 'Value', type: 'number' },
    { key: 'text', header: 'Text' },
  ];
  const TOTAL = 200_000;
  let produced = 0;
  // Text that does not compress, so that the XLSX (a zip) is as large as the CSV.
  let seed = 1;
  const noise = () =>
    Array.from({ length: 80 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return String.fromCharCode(97 + (seed % 26));
    }).join('');
  async function* generated(): AsyncGenerator<Record<string, unknown>> {
    for (let id = 0; id < TOTAL; id += 1) {
      produced += 1;
      yield { id, at: 1_700_000_000_000 + id * 1000, value: id / 7, text: noise() };
    }
  }

  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;

  for (const format of ['csv', 'xlsx'] as const) {
    test(`${format}: ${TOTAL} rows stream with bounded heap`, { timeout: 600_000 }, async (t) => {
      produced = 0;
      gc();
      const before = process.memoryUsage().heapUsed;
      let peak = 0;
      let bytes = 0;
      let lastSample = 0;
      const stream = await openTable({ filename: 'big', format, columns: WIDE, rows: generated() });
      for await (const chunk of stream) {
        bytes += (chunk as Buffer).length;
        if (produced - lastSample >= 25_000) {
          lastSample = produced;
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - before);
        }
      }
      assert.equal(produced, TOTAL);
      t.diagnostic(`${bytes} bytes; heap grew by at most ${Math.round(peak / 1024 / 1024)} MB`);
      // The output is far larger than the heap growth allowed: a buffered export would not fit.
      assert.ok(bytes > 10 * 1024 * 1024, `${bytes} bytes`);
      assert.ok(peak < 48 * 1024 * 1024, `heap grew by ${Math.round(peak / 1024 / 1024)} MB`);
    });

    test(`${format}: rows are read only as fast as the client reads`, { timeout: 120_000 }, async (t) => {
      produced = 0;
      const stream = await openTable({ filename: 'slow', format, columns: WIDE, rows: generated() });
      const reader = stream[Symbol.asyncIterator]();
      await reader.next();
      // Production goes on until the buffers are full, then stops: wait until it settles.
      let seen = -1;
      while (seen !== produced && produced < TOTAL) {
        seen = produced;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      t.diagnostic(`${produced} rows produced for a client that read one chunk`);
      assert.ok(produced < TOTAL / 4, `${produced} rows produced for a client that read one chunk`);
      await reader.return?.();
    });
  }
});

describe('paged reads', () => {
  const data = Array.from({ length: 2503 }, (_, i) => ({ id: i + 1 }));

  test('keyset pages follow the cursor to the end', async () => {
    const asked: (number | undefined)[] = [];
    const rows = paged(
      async (after: number | undefined, size) => {
        asked.push(after);
        return data.filter((r) => r.id > (after ?? 0)).slice(0, size);
      },
      (last) => last.id,
      1000,
    );
    const all = [];
    for await (const row of rows) all.push(row);
    assert.deepEqual(all, data);
    assert.deepEqual(asked, [undefined, 1000, 2000]);
  });

  test('offset pages read the list API until a short page', async () => {
    const rows = offsetPaged(
      async ({ limit, offset }) => ({ items: data.slice(offset, offset + limit) }),
      200,
    );
    const all = [];
    for await (const row of rows) all.push(row);
    assert.deepEqual(all, data);
  });

  for (const format of ['csv', 'xlsx'] as const)
    test(`${format}: a client that stops reading stops the reads`, async () => {
      let reads = 0;
      let closed = false;
      async function* rows() {
        try {
          yield* paged(
            async (after: number | undefined, size) => {
              reads += 1;
              return data.filter((r) => r.id > (after ?? 0)).slice(0, size);
            },
            (last) => last.id,
            10,
          );
        } finally {
          closed = true;
        }
      }
      const stream = await openTable({
        filename: 'x',
        format,
        columns: [{ key: 'id', header: 'Id' }],
        rows: rows(),
      });
      stream.destroy();
      await new Promise((resolve) => stream.once('close', resolve));
      for (let i = 0; i < 100 && !closed; i += 1) await new Promise((resolve) => setImmediate(resolve));
      assert.equal(closed, true);
      assert.ok(reads < 250, `${reads} pages read`);
    });
});

describe('sendTable', () => {
  async function appWith(rows: () => AsyncIterable<Record<string, unknown>>, format: 'csv' | 'xlsx' = 'csv') {
    const app = Fastify();
    app.setErrorHandler((error, _request, reply) => {
      const status = (error as { status?: number }).status ?? 500;
      return reply.status(status).send({ error: { message: (error as Error).message } });
    });
    app.get('/export', (_request, reply) =>
      sendTable(reply, { filename: 'Plant A / batches 2026', format, columns: COLUMNS, rows: rows() }),
    );
    await app.ready();
    return app;
  }

  test('sends the file with its type and an attachment name', async () => {
    const app = await appWith(() => from(AWKWARD.slice(0, 2)), 'xlsx');
    try {
      const res = await app.inject({ method: 'GET', url: '/export' });
      assert.equal(res.statusCode, 200);
      assert.equal(
        res.headers['content-type'],
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      assert.equal(res.headers['content-disposition'], 'attachment; filename="Plant-A-batches-2026.xlsx"');
      const workbook = await readXlsx(res.rawPayload);
      assert.equal(workbook.worksheets[0]?.rowCount, 3);
    } finally {
      await app.close();
    }
  });

  test('a failure before the first row is an ordinary error response', async () => {
    const app = await appWith(async function* () {
      yield* [];
      throw notFound('Sensor');
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/export' });
      assert.equal(res.statusCode, 404);
      assert.match(res.headers['content-type'] ?? '', /application\/json/);
      assert.deepEqual(res.json(), { error: { message: 'Sensor not found' } });
    } finally {
      await app.close();
    }
  });
});
