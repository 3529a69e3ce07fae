// The plant OEE report through GET /plant-ops/oee/export on a batch made through the plant API
// (oee.com's worked example): the PDF shows the API's figures, renders, and says so without data.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { at, day, plantTestKit } from '../plant/testing.ts';
import { reportFromCli } from './cli.ts';
import { percent } from './pdf/layout.ts';
import { inspectPdf } from './testing.ts';

const kit = plantTestKit('reports-oee');
const dir = await mkdtemp(join(tmpdir(), 'plantintel-oee-report-'));
after(() => rm(dir, { recursive: true, force: true }));

async function get(url: string) {
  return kit.t.app.inject({ method: 'GET', url: `/api/v1/plant-ops${url}`, headers: kit.s.viewer.headers });
}

describe('OEE report', () => {
  test('the PDF carries the figures of GET /plant-ops/oee and the downtime Pareto; CSV and XLSX too', async () => {
    const lineId = await kit.newLine('RPT');
    const batchId = await kit.newBatch(lineId);
    const ok = async (url: string, body: object) => {
      const res = await kit.call(kit.s.operator, 'POST', url, body);
      assert.equal(res.status, 200, JSON.stringify(res.body));
    };
    await ok(`/batches/${batchId}/start`, { at: at('06:00') });
    await ok(`/lines/${lineId}/status`, { status: 'down', reasonCode: 'BREAKDOWN', at: at('07:00') });
    await ok(`/lines/${lineId}/status`, { status: 'running', at: at('07:47') });
    await ok(`/batches/${batchId}/complete`, { goodCount: 19_271 - 423, scrapCount: 423, at: at('14:00') });

    const query = `from=${day}&to=${day}&lineId=${lineId}`;
    const api = (await kit.call(kit.s.viewer, 'GET', `/oee?groupBy=day&${query}`)).body;
    const pareto = (
      await kit.call(
        kit.s.viewer,
        'GET',
        `/downtime/pareto?lineId=${lineId}&from=${day}T00:00:00Z&to=${day}T23:59:59Z`,
      )
    ).body;
    assert.ok(api.total.oee > 0);

    const computed = kit.t.runtime.compute.completed();
    const res = await get(`/oee/export?format=pdf&${query}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(
      String(res.headers['content-disposition']),
      new RegExp(`^attachment; filename="oee-report-${day}-${day}\\.pdf"$`),
    );
    // Rendered on the compute pool, not on the event loop.
    assert.ok(kit.t.runtime.compute.completed() > computed);
    const { text, pages } = await inspectPdf(res.rawPayload, dir);
    assert.ok(pages >= 1);
    assert.match(text, new RegExp(`Page 1 of ${pages}`));
    for (const figure of [api.total.oee, api.total.availability, api.total.performance, api.total.quality])
      assert.ok(text.includes(percent(figure)), `${percent(figure)} in the PDF`);
    assert.ok(text.includes('Target 85.0 %'), 'the line’s target');
    assert.ok(text.includes(pareto.items[0].label), 'the top downtime reason');
    assert.ok(text.includes(kit.acme.name), 'the tenant');
    assert.ok(text.includes(`${day} – ${day}`), 'the period');

    const csv = await get(`/oee/export?format=csv&groupBy=day&${query}`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, 1 + api.groups.length + 1, 'header, a row per day, the total');
    assert.ok(lines[1]?.includes(day));
    assert.ok(lines[1]?.includes(String(api.groups[0].oee)));
    const xlsx = await get(`/oee/export?format=xlsx&${query}`);
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  });

  test('plantintel report oee writes the same report to a file', async () => {
    const api = (await kit.call(kit.s.viewer, 'GET', `/oee?groupBy=day&from=${day}&to=${day}`)).body;
    const out = join(dir, 'cli-oee.pdf');
    const written = await reportFromCli(kit.t.database.db, {
      kind: 'oee',
      out,
      tenant: kit.acme.name,
      facility: kit.acme.facilityId,
      from: day,
      to: day,
    });
    assert.equal(written.tenant, kit.acme.name);
    const { text, pages } = await inspectPdf(await readFile(out), dir);
    assert.ok(pages >= 1);
    assert.ok(text.includes(percent(api.total.oee)), `${percent(api.total.oee)} in the file`);
    await assert.rejects(
      reportFromCli(kit.t.database.db, { kind: 'oee', out, tenant: 'No such tenant' }),
      /No tenant/,
    );
    await assert.rejects(
      reportFromCli(kit.t.database.db, { kind: 'alarms', out, tenant: kit.acme.name, from: '2026-13-01' }),
      /--from is a day/,
    );
    // The command's help and argument checks answer without a database.
    const main = join(import.meta.dirname, '../../main.ts');
    const help = spawnSync(process.execPath, [main, 'report', '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /plantintel report <analysis\|oee\|inspection\|alarms> --out <file.pdf>/);
    const bad = spawnSync(process.execPath, [main, 'report', 'analysis', '--out', out], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /needs --analysis/);
  });

  test('a period without data is a valid PDF that says so', async () => {
    const res = await get('/oee/export?from=2020-01-01&to=2020-01-07');
    assert.equal(res.statusCode, 200);
    const { text, pages } = await inspectPdf(res.rawPayload, dir);
    assert.equal(pages, 1);
    assert.match(text, /No data for this period/);
    assert.match(text, /Page 1 of 1/);
  });

  test('bad filters are a 400', async () => {
    assert.equal((await get('/oee/export?from=2020-01-07&to=2020-01-01')).statusCode, 400);
    assert.equal((await get('/oee/export?format=docx')).statusCode, 400);
    assert.equal((await get('/oee/export?bogus=1')).statusCode, 400);
  });
});
