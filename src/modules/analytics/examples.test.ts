import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';

// The newcomer's path: every example export in examples/ is suggested a mapping with every required
// field right, imports with that mapping unchanged (autoMap) with every row accepted, and the CLI's
// `plantintel import … --auto-map` gives the same counts on a fresh embedded database.

const EXAMPLES = join(import.meta.dirname, '../../../examples');
let t: TestApp;
let acme: TestTenant;
let analyst: TestSession;
let dataDir: string;
const apiCounts = new Map<string, number[]>();

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plantintel-examples-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  acme = await createTestTenant(t.database.db, 'examples');
  analyst = await signIn(t.app, acme.users.analyst.email);
});
after(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const files = (await readdir(EXAMPLES)).filter((f) => f.endsWith('.csv'));

function form(fields: Record<string, string>, file: Buffer, name: string) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append('file', new Blob([file]), name);
  return body;
}

describe('example exports', () => {
  for (const name of files) {
    test(`${name}: suggested mapping right, imports every row with it`, async () => {
      const bytes = await readFile(join(EXAMPLES, name));
      const truth = JSON.parse(await readFile(join(EXAMPLES, `${name}.truth.json`), 'utf8'));
      const suggested = await t.app.inject({
        method: 'POST',
        url: '/api/v1/analytics/mapping/suggest',
        headers: analyst.headers,
        payload: form({}, bytes, name),
      });
      assert.equal(suggested.statusCode, 200, suggested.body);
      const { suggestions, granularity } = suggested.json();
      for (const field of ['workOrder', 'partNumber', 'qtyCompleted']) {
        const s = suggestions.find((x: { field: string }) => x.field === field);
        assert.equal(truth.columns[s.column], field, `${field} ← ${s.column} (${s.detail})`);
      }
      assert.equal(granularity, truth.granularity);

      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/analytics/uploads',
        headers: analyst.headers,
        payload: form({ facilityId: acme.facilityId, autoMap: 'true' }, bytes, name),
      });
      assert.equal(res.statusCode, 202, res.body);
      const done = await eventually(
        async () => {
          const r = await t.app.inject({
            method: 'GET',
            url: `/api/v1/analytics/imports/${res.json().importId}`,
            headers: analyst.headers,
          });
          const body = r.json();
          return body.status === 'completed' || body.status === 'failed' ? body : undefined;
        },
        `${name} to import`,
        60_000,
      );
      assert.equal(done.status, 'completed', done.errorMessage);
      assert.equal(done.autoMapped, true);
      assert.equal(done.rowsRead, truth.rows);
      assert.equal(done.rowsRejected, 0, JSON.stringify(done.detected));
      assert.equal(done.workOrders, truth.workOrders);
      apiCounts.set(name, [done.rowsRead, done.rowsAccepted, done.rowsRejected, done.workOrders]);
    });
  }

  test('plantintel import --auto-map gives the same counts as the upload', async () => {
    const name = 'workorders-sap-de.csv';
    const expected = apiCounts.get(name);
    assert.ok(expected, 'the upload test ran first');
    const dir = await mkdtemp(join(tmpdir(), 'plantintel-cli-'));
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', PLANTINTEL_DEMO_PASSWORD: 'demo-pass-1' };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    const run = promisify(execFile);
    const main = join(import.meta.dirname, '../../main.ts');
    try {
      await run(process.execPath, [main, 'seed', '--demo'], { env });
      const { stdout } = await run(
        process.execPath,
        [main, 'import', join(EXAMPLES, name), '--facility', 'DEMO-1', '--auto-map'],
        { env },
      );
      const match = /(\d+) rows read, (\d+) accepted, (\d+) rejected, (\d+) work orders/.exec(stdout);
      assert.ok(match, stdout);
      assert.deepEqual(match.slice(1).map(Number), expected);
      assert.match(stdout, /completed/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
