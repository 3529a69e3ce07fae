import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';

// CSV history import end to end: the upload (raw body and multipart) streamed to disk, the job that
// feeds ingest, exact counts by reason, progress to 100 %, refusals, a large streamed file, and a
// job that fails midway and resumes where it stopped.

/** Rows of the large import (IMPORT_TEST_ROWS=1000000 to measure throughput on more). */
const BIG_ROWS = Number(process.env.IMPORT_TEST_ROWS ?? 200_000);
const MAX_BYTES = Math.max(16 * 1_048_576, BIG_ROWS * 40);
const MIN = 60_000;
/** A whole hour three days ago: inside the retention, clear of the future. */
const base = Math.floor((Date.now() - 3 * 86_400_000) / 3600_000) * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

let t: TestApp;
let acme: TestTenant;
let dataDir: string;
const s = {} as Record<'admin' | 'operator' | 'viewer', TestSession>;
const uploadsDir = () => join(dataDir, 'uploads');

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plantintel-import-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir, IMPORT_MAX_BYTES: String(MAX_BYTES) } });
  acme = await createTestTenant(t.database.db, 'import');
  for (const role of ['admin', 'operator', 'viewer'] as const)
    s[role] = await signIn(t.app, acme.users[role].email);
});
after(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function newSensor(key: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/plant-ops/sensors',
    headers: s.admin.headers,
    payload: { facilityId: acme.facilityId, key, name: key, type: 'temperature', unit: '°C' },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

type Payload = string | Buffer | Readable | FormData;

function upload(payload: Payload, query: string, headers: Record<string, string> = {}) {
  const type = payload instanceof FormData ? {} : { 'content-type': 'text/csv' };
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/plant-ops/sensors/import?${query}`,
    headers: { ...s.operator.headers, ...type, ...headers },
    payload,
  });
}

interface Job {
  status: string;
  progress: number;
  message: string | null;
  error: string | null;
  attempts: number;
  durationMs: number | null;
  result: {
    lines: number;
    accepted: number;
    rejected: number;
    reasons: Record<string, number>;
    errors: { line: number; reason: string; column?: string }[];
    batches: number;
  };
}

const getJob = async (id: string): Promise<Job> =>
  (await t.app.inject({ url: `/api/v1/jobs/${id}`, headers: s.operator.headers })).json();

/** Waits for the job to reach `status` (default: finished either way), noting the progress seen. */
async function waitForJob(id: string, timeoutMs = 120_000, status?: string) {
  const seen: number[] = [];
  const job = await eventually(
    async () => {
      const job = await getJob(id);
      seen.push(job.progress);
      if (status) return job.status === status ? job : undefined;
      return job.status === 'completed' || job.status === 'failed' ? job : undefined;
    },
    `job ${id}`,
    timeoutMs,
  );
  return { job, seen };
}

async function imported(payload: Payload, query: string) {
  const res = await upload(payload, query);
  assert.equal(res.statusCode, 202, res.body);
  const { job } = await waitForJob(res.json().jobId);
  assert.equal(job.status, 'completed', job.error ?? '');
  assert.equal(job.progress, 100);
  return job.result;
}

const storedOf = (sensorId: string) =>
  queryRows<{ ms: number; value: number }>(
    t.database.db,
    sql`select (extract(epoch from ts) * 1000)::float8 as ms, value::float8 as value
          from readings where sensor_id = ${sensorId} order by ts`,
  );

async function leftovers() {
  return (await readdir(uploadsDir()).catch(() => [] as string[])).length;
}

describe('CSV import', () => {
  test('long format as the raw body: exact counts by reason, stored values, safe to import again', async () => {
    const a = await newSensor('IMP-A');
    const b = await newSensor('IMP-B');
    const csv = [
      'sensor_key,ts,value',
      `IMP-A,${iso(base)},1`, // 2: ISO 8601
      `IMP-A,${(base + MIN) / 1000},2`, // 3: epoch seconds
      `IMP-A,${base + 2 * MIN},3`, // 4: epoch ms
      `"IMP-B","${iso(base)}","4.5"`, // 5: quoted fields
      '', // 6: blank, skipped
      `IMP-B,${iso(base + MIN)
        .replace('T', ' ')
        .replace('Z', '')},5`, // 7: no zone → UTC
      `NOPE,${iso(base)},1`, // 8: unknown_sensor (ingest)
      'IMP-A,yesterday,1', // 9: invalid_timestamp
      `IMP-A,${iso(base + 3 * MIN)},abc`, // 10: non_finite_value
      `IMP-A,${iso(base + 4 * MIN)}`, // 11: malformed_row (two fields)
      `IMP-A,"${iso(base + 5 * MIN)},1`, // 12: malformed_row (unclosed quote)
      `IMP-A,${iso(base)},9`, // 13: duplicate of line 2
      `bad key,${iso(base)},1`, // 14: unknown_sensor (cannot be a key)
    ].join('\r\n');
    const result = await imported(csv, 'format=long');
    assert.equal(result.lines, 12);
    assert.equal(result.accepted, 5, JSON.stringify(result));
    assert.equal(result.rejected, 7);
    assert.deepEqual(result.reasons, {
      unknown_sensor: 2,
      invalid_timestamp: 1,
      non_finite_value: 1,
      malformed_row: 2,
      duplicate: 1,
    });
    assert.deepEqual(
      result.errors.map((e) => [e.line, e.reason]),
      [
        [8, 'unknown_sensor'],
        [9, 'invalid_timestamp'],
        [10, 'non_finite_value'],
        [11, 'malformed_row'],
        [12, 'malformed_row'],
        [13, 'duplicate'],
        [14, 'unknown_sensor'],
      ],
    );
    assert.deepEqual(await storedOf(a), [
      { ms: base, value: 1 },
      { ms: base + MIN, value: 2 },
      { ms: base + 2 * MIN, value: 3 },
    ]);
    assert.deepEqual(await storedOf(b), [
      { ms: base, value: 4.5 },
      { ms: base + MIN, value: 5 },
    ]);
    assert.equal(await leftovers(), 0, 'the upload is removed once imported');

    const again = await imported(csv, 'format=long');
    assert.equal(again.accepted, 0);
    assert.equal(again.reasons.duplicate, 6);
    assert.equal((await storedOf(a)).length, 3);

    // sensor_id instead of sensor_key, columns in another order, an extra column ignored.
    const byId = await imported(
      [
        'ts,unit,value,sensor_id',
        `${iso(base + 10 * MIN)},°C,7,${a}`,
        `${iso(base + 10 * MIN)},°C,7,${randomUUID()}`,
        `${iso(base + 10 * MIN)},°C,7,not-a-uuid`,
      ].join('\n'),
      `format=long&facilityId=${acme.facilityId}`,
    );
    assert.deepEqual([byId.accepted, byId.reasons], [1, { unknown_sensor: 2 }]);
  });

  test('wide format as a multipart upload: one reading per filled cell', async () => {
    await newSensor('WIDE-A');
    const b = await newSensor('WIDE-B');
    const hour = base + 3600_000;
    const csv = [
      'ts,WIDE-A,WIDE-B,GHOST',
      `${iso(hour)},1,2,`, // 2: two readings, the empty cell is none
      `${(hour + MIN) / 1000},,3,7`, // 3: WIDE-B; GHOST is no sensor
      'not a time,1,2,3', // 4: three invalid_timestamp
      `${iso(hour + 2 * MIN)},x,4,`, // 5: WIDE-A non_finite_value, WIDE-B accepted
      `${iso(hour + 3 * MIN)},1,2`, // 6: malformed_row (three fields of four)
      '',
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'history.csv');
    const result = await imported(form, 'format=wide');
    assert.equal(result.accepted, 4, JSON.stringify(result));
    assert.equal(result.rejected, 6);
    assert.deepEqual(result.reasons, {
      unknown_sensor: 1,
      invalid_timestamp: 3,
      non_finite_value: 1,
      malformed_row: 1,
    });
    assert.deepEqual(result.errors.slice(0, 2), [
      { line: 3, reason: 'unknown_sensor', column: 'GHOST' },
      { line: 4, reason: 'invalid_timestamp', column: 'WIDE-A' },
    ]);
    assert.deepEqual(
      (await storedOf(b)).map((r) => r.value),
      [2, 3, 4],
    );
  });

  test('refusals: format, content type, empty, header only, missing columns, binary, field, facility, size', async () => {
    const expect = async (res: Awaited<ReturnType<typeof upload>>, status: number, message?: RegExp) => {
      assert.equal(res.statusCode, status, res.body);
      if (message) assert.match(res.json().error.message, message);
    };
    await expect(await upload('sensor_key,ts,value\nA,1,1', 'format=xml'), 400);
    await expect(await upload('sensor_key,ts,value\nA,1,1', ''), 400);
    await expect(
      await upload(JSON.stringify({ a: 1 }), 'format=long', { 'content-type': 'application/json' }),
      415,
      /text\/csv/,
    );
    await expect(await upload('', 'format=long'), 400, /empty/);
    await expect(await upload('\n\n  \n', 'format=long'), 400, /empty/);
    await expect(await upload('sensor_key,ts,value\n\n', 'format=long'), 400, /no rows/);
    await expect(await upload('sensor_key,ts\nA,1', 'format=long'), 400, /lacks column value/);
    await expect(await upload('key,time,reading\nA,1,2', 'format=long'), 400, /sensor_key.*value/);
    await expect(await upload('sensor,IMP-A\n1,2', 'format=wide'), 400, /first column/);
    await expect(await upload('ts,bad key\n1,2', 'format=wide'), 400, /not a sensor key/);
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]);
    await expect(await upload(binary, 'format=long'), 400, /not CSV text/);
    const wrongField = new FormData();
    wrongField.append('upload', new Blob(['sensor_key,ts,value\nA,1,1']), 'a.csv');
    await expect(await upload(wrongField, 'format=long'), 400, /field "file"/);
    // Broken multipart: no boundary, no parts, a part cut short.
    const multipart = (body: string, type = 'multipart/form-data; boundary=XyZ') =>
      upload(body, 'format=long', { 'content-type': type });
    await expect(await multipart('whatever', 'multipart/form-data'), 400);
    await expect(await multipart('not multipart at all'), 400);
    await expect(
      await multipart(
        '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nsensor_key,ts,value\nA,1,1\n',
      ),
      400,
    );
    await expect(await upload('sensor_key,ts,value\nA,1,1', `format=long&facilityId=${randomUUID()}`), 400);
    const elsewhere = new FormData();
    elsewhere.append('file', new Blob(['sensor_key,ts,value\nA,1,1']), 'a.csv');
    await expect(await upload(elsewhere, `format=long&facilityId=${randomUUID()}`), 400, /facilityId/);
    const viewer = await upload('sensor_key,ts,value\nA,1,1', 'format=long', s.viewer.headers);
    assert.equal(viewer.statusCode, 403);

    // Past IMPORT_MAX_BYTES: refused while streaming (no Content-Length to go by), nothing kept.
    const line = `${'x'.repeat(1023)}\n`;
    const lines = Math.ceil(MAX_BYTES / line.length) + 16;
    const huge = Readable.from(
      (function* () {
        yield 'sensor_key,ts,value\n';
        for (let i = 0; i < lines; i++) yield line;
      })(),
    );
    await expect(await upload(huge, 'format=long'), 413, /larger than the upload limit/);
    const multipartHuge = new FormData();
    multipartHuge.append('file', new Blob(['sensor_key,ts,value\n', line.repeat(lines)]), 'big.csv');
    await expect(await upload(multipartHuge, 'format=long'), 413);
    assert.equal(await leftovers(), 0, 'refused uploads leave no file behind');
  });

  test(`${BIG_ROWS.toLocaleString('en')} rows streamed: written to disk as they arrive, progress to 100 %`, async (ctx) => {
    const sensors = [await newSensor('BIG-1'), await newSensor('BIG-2')];
    const half = BIG_ROWS / 2;
    // Two sensors, a reading a second each, ending a day before the other tests' readings.
    const start = base - 86_400_000 - (BIG_ROWS / 2) * 1000;
    let sent = 0;
    let grewWhileSending = false;
    // The second half is only sent once the first is on disk: a server that kept the body in
    // memory until it ended would never get past this.
    // Sent in blocks of 1,000 rows (about 25 kB), as an HTTP client sends its buffers.
    const body = Readable.from(
      (async function* () {
        let block = 'sensor_key,ts,value\n';
        for (let i = 0; i < BIG_ROWS; i++) {
          if (i === half) {
            yield block;
            sent += block.length;
            block = '';
            const written = sent;
            await eventually(
              async () => {
                const [name] = await readdir(uploadsDir()).catch(() => [] as string[]);
                const size = name ? (await stat(join(uploadsDir(), name)).catch(() => undefined))?.size : 0;
                return size && size >= written * 0.5 ? true : undefined;
              },
              'the first half of the upload on disk',
              60_000,
            );
            grewWhileSending = true;
          }
          block += `BIG-${(i % 2) + 1},${start + Math.floor(i / 2) * 1000},${(20 + Math.sin(i / 50)).toFixed(3)}\n`;
          if ((i + 1) % 1000 === 0) {
            yield block;
            sent += block.length;
            block = '';
          }
        }
        if (block) {
          yield block;
          sent += block.length;
        }
      })(),
    );
    const started = performance.now();
    const res = await upload(body, 'format=long');
    assert.equal(res.statusCode, 202, res.body);
    assert.ok(grewWhileSending);
    const { job, seen } = await waitForJob(res.json().jobId, 600_000);
    const seconds = (performance.now() - started) / 1000;
    assert.equal(job.status, 'completed', job.error ?? '');
    assert.equal(job.result.accepted, BIG_ROWS, JSON.stringify(job.result.reasons));
    assert.equal(job.result.rejected, 0);
    assert.equal(job.result.batches, Math.ceil(BIG_ROWS / 20_000));
    assert.equal(job.progress, 100);
    assert.match(job.message ?? '', /^Done: /);
    // Progress is written after each batch of 20,000: a file of several shows steps in between.
    assert.ok(
      BIG_ROWS <= 40_000 || seen.some((p) => p > 0 && p < 100),
      `progress went through intermediate values (${[...new Set(seen)].join(', ')})`,
    );
    const [count] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from readings where sensor_id in (${sensors[0]}, ${sensors[1]})`,
    );
    assert.equal(count?.n, BIG_ROWS);
    assert.equal(await leftovers(), 0);
    ctx.diagnostic(
      `${BIG_ROWS.toLocaleString('en')} rows (${(sent / 1_048_576).toFixed(1)} MB) uploaded and imported in ${seconds.toFixed(1)} s: ${Math.round(BIG_ROWS / seconds).toLocaleString('en')} rows/s; the job alone ${((job.durationMs ?? 0) / 1000).toFixed(1)} s: ${Math.round(BIG_ROWS / ((job.durationMs ?? 1) / 1000)).toLocaleString('en')} rows/s`,
    );
  });

  test('a batch failing midway: earlier batches stay committed, the retry resumes after them', async () => {
    const sensor = await newSensor('RESUME-1');
    const rows = 45_000;
    const sentinel = 424_242.5;
    const db = t.database.db;
    await db.execute(sql`create or replace function test_refuse_import() returns trigger language plpgsql as $$
      begin if new.hi = 424242.5 then raise exception 'sentinel refused'; end if; return new; end $$`);
    await db.execute(
      sql`create trigger test_refuse_import before insert on readings_1h for each row execute function test_refuse_import()`,
    );
    let dropped = false;
    const drop = async () => {
      if (dropped) return;
      dropped = true;
      await db.execute(sql`drop trigger test_refuse_import on readings_1h`);
    };
    try {
      const lines = ['sensor_key,ts,value'];
      for (let i = 0; i < rows; i++)
        lines.push(`RESUME-1,${base - 86_400_000 + i * 1000},${i === 30_000 ? sentinel : 1 + (i % 7) / 10}`);
      const res = await upload(lines.join('\n'), 'format=long');
      assert.equal(res.statusCode, 202, res.body);
      const id = res.json().jobId;
      // The second batch (lines 20,002–40,001) fails: the first stays, and the job says where.
      const { job: failed } = await waitForJob(id, 120_000, 'retrying');
      assert.match(failed.error ?? '', /stopped after line 20,001 .*sentinel refused/);
      assert.match(failed.error ?? '', /20,000 accepted/);
      assert.equal((await storedOf(sensor)).length, 20_000);
      await drop();
      const { job } = await waitForJob(id, 180_000);
      assert.equal(job.status, 'completed', job.error ?? '');
      assert.equal(job.attempts, 2);
      // Resumed, not restarted: nothing came back as a duplicate.
      assert.equal(job.result.accepted, rows);
      assert.deepEqual(job.result.reasons, {});
      assert.equal((await storedOf(sensor)).length, rows);
      assert.equal(await leftovers(), 0);
    } finally {
      await drop();
    }
  });
});
