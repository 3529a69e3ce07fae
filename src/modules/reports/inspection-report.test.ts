// The inspection report through GET /inspection/defects/statistics/export on triggers sent through
// the inspection API: reject rate, Pareto, cameras and regions of GET /inspection/defects/statistics.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { inspectionTestKit, testPng } from '../inspection/testing.ts';
import { number, percent } from './pdf/layout.ts';
import { inspectPdf } from './testing.ts';

const kit = inspectionTestKit('reports-inspection');
const dir = await mkdtemp(join(tmpdir(), 'plantintel-inspection-report-'));
after(() => rm(dir, { recursive: true, force: true }));
const PERIOD = 'from=2025-03-10T00:00:00Z&to=2025-03-12T00:00:00Z';

const get = (url: string) =>
  kit.t.app.inject({ method: 'GET', url: `/api/v1/inspection${url}`, headers: kit.s.viewer.headers });

describe('inspection report', () => {
  test('the PDF shows the reject rate, Pareto, cameras and regions of the statistics API', async () => {
    const station = await kit.station('Report station', { 'RP-A': [400, 300, 0.1], 'RP-B': [400, 300, 0.1] });
    await kit.ok(kit.s.analyst, 'POST', '/regions', {
      cameraId: station.cameras['RP-A'],
      name: 'Left half',
      polygon: [
        [0, 0],
        [0.5, 0],
        [0.5, 1],
        [0, 1],
      ],
      rules: { maxPoreCount: 0 },
    });
    const png = await testPng();
    const left = { cx: 50, cy: 50, diameterPx: 10 };
    const right = { cx: 300, cy: 50, diameterPx: 10 };
    const plan: [string, Record<string, object[]>][] = [
      ['2025-03-10T07:00:00Z', { 'RP-A': [left, right], 'RP-B': [{ ...left, type: 'gas_pore' }] }],
      ['2025-03-10T15:00:00Z', { 'RP-A': [], 'RP-B': [left, { ...right, type: 'crack' }] }],
      ['2025-03-10T23:00:00Z', { 'RP-A': [left], 'RP-B': [] }],
      ['2025-03-11T08:00:00Z', { 'RP-A': [], 'RP-B': [] }],
    ];
    for (const [i, [ts, defects]] of plan.entries()) {
      const made = await kit.trigger(kit.s.operator, {
        stationId: station.stationId,
        ts,
        partNumber: 'P-1',
        partSerial: `S-${i}`,
        images: { 'RP-A': png, 'RP-B': png },
        defects,
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
    }
    const stats = await kit.ok(kit.s.viewer, 'GET', `/defects/statistics?${PERIOD}`);
    assert.ok(stats.totals.failedTriggers > 0 && stats.totals.triggers === 4);

    const res = await get(`/defects/statistics/export?${PERIOD}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(
      res.headers['content-disposition'],
      'attachment; filename="inspection-report-2025-03-12.pdf"',
    );
    const { text, flat, pages } = await inspectPdf(res.rawPayload, dir);
    assert.ok(pages >= 1);
    assert.match(text, new RegExp(`Page 1 of ${pages}`));
    const t = stats.totals;
    assert.ok(
      flat.includes(`Reject rate ${percent(t.rejectRate)} Parts failed / parts inspected`),
      percent(t.rejectRate),
    );
    assert.ok(flat.includes(`Parts inspected ${number(t.triggers)} `));
    assert.ok(flat.includes(`Parts failed ${number(t.failedTriggers)} `));
    assert.ok(flat.includes(`Defects ${number(t.defects)} `));
    assert.ok(flat.includes(`${t.failedTriggers} of ${t.triggers} parts`));
    for (const p of stats.pareto)
      assert.ok(
        flat.includes(
          `${p.type.replace(/_/g, ' ')} ${number(p.count)} ${percent(p.share)} ${percent(p.cumulativeShare)}`,
        ),
        p.type,
      );
    for (const c of stats.byCamera)
      assert.ok(flat.includes(`${c.cameraName} ${number(c.images)} ${number(c.failedImages)}`), c.cameraName);
    assert.ok(stats.byRegion.length > 0);
    for (const r of stats.byRegion)
      assert.ok(flat.includes(`${r.name} Camera RP-A ${number(r.count)}`), r.name);

    const csv = await get(`/defects/statistics/export?format=csv&${PERIOD}`);
    assert.equal(csv.statusCode, 200);
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(rows.length, 1 + stats.series.length);
    const xlsx = await get(`/defects/statistics/export?format=xlsx&${PERIOD}`);
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  });

  test('a period without inspections is a valid PDF that says so', async () => {
    const res = await get('/defects/statistics/export?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z');
    assert.equal(res.statusCode, 200);
    const { text, pages } = await inspectPdf(res.rawPayload, dir);
    assert.equal(pages, 1);
    assert.match(text, /No data for this period/);
    assert.equal(
      (await get('/defects/statistics/export?from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z')).statusCode,
      400,
    );
  });
});
