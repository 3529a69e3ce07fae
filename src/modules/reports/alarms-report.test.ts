// The alarm report through GET /plant-ops/alarms/export on alarms opened by readings sent through
// the telemetry API: the PDF's counts and time to acknowledge are those of GET /plant-ops/alarms.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { telemetryTestKit } from '../telemetry/testing.ts';
import { duration, number } from './pdf/layout.ts';
import { inspectPdf } from './testing.ts';

const kit = telemetryTestKit('reports-alarms');
const dir = await mkdtemp(join(tmpdir(), 'plantintel-alarm-report-'));
after(() => rm(dir, { recursive: true, force: true }));
const start = Math.floor((Date.now() - 6 * 3600_000) / 60_000) * 60_000;
const at = (seconds: number) => start + seconds * 1000;

const get = (url: string) =>
  kit.t.app.inject({ method: 'GET', url: `/api/v1/plant-ops${url}`, headers: kit.s.viewer.headers });

describe('alarm report', () => {
  test('the PDF counts the alarms of GET /plant-ops/alarms by severity and sensor, with the time to acknowledge', async () => {
    const a = await kit.newSensor('RPT-A', { upperSpec: 10, lowerSpec: 0, clearAfterSeconds: 60 });
    const b = await kit.newSensor('RPT-B', { upperSpec: 10, lowerSpec: 0, clearAfterSeconds: 60 });
    await kit.bulk({ readings: [12, 13].map((value, i) => ({ sensorId: a, ts: at(i), value })) });
    await kit.bulk({ readings: [{ sensorId: a, ts: at(200), value: 5 }] });
    await kit.bulk({ readings: [{ sensorId: a, ts: at(300), value: 20 }] });
    await kit.bulk({ readings: [{ sensorId: b, ts: at(10), value: -5 }] });
    const from = new Date(start - 60_000).toISOString();
    const query = `from=${encodeURIComponent(from)}&facilityId=${kit.acme.facilityId}`;
    const list = (await kit.call(kit.s.viewer, 'GET', `/alarms?${query}&limit=200`)).body;
    assert.ok(list.total >= 3, `${list.total} alarms`);
    const first = list.items.find((x: { sensorId: string; status: string }) => x.sensorId === b);
    const ack = await kit.call(kit.s.operator, 'POST', `/alarms/${first.id}/acknowledge`, { note: 'seen' });
    assert.equal(ack.status, 200);

    const res = await get(`/alarms/export?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(
      String(res.headers['content-disposition']),
      /^attachment; filename="alarm-report-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    const { text, flat, pages } = await inspectPdf(res.rawPayload, dir);
    assert.ok(pages >= 1);
    assert.match(text, new RegExp(`Page 1 of ${pages}`));
    assert.ok(flat.includes(`Total ${number(list.total)}`), `${list.total} alarms`);
    const bySensor = (id: string) => list.items.filter((x: { sensorId: string }) => x.sensorId === id).length;
    assert.match(flat, new RegExp(`Sensor RPT-A ${bySensor(a)}\\b`));
    assert.match(flat, new RegExp(`Sensor RPT-B ${bySensor(b)}\\b`));
    for (const severity of ['critical', 'warning']) {
      const n = list.items.filter((x: { severity: string }) => x.severity === severity).length;
      assert.match(
        flat,
        new RegExp(`Severity Alarms [^]*\\b${severity} ${number(n)}\\b`),
        `${n} ${severity}`,
      );
    }
    const minutes = (Date.parse(ack.body.acknowledgedAt) - Date.parse(ack.body.openedAt)) / 60_000;
    const ackRow = `all 1 ${duration(minutes)} ${duration(minutes)} ${duration(minutes)} ${duration(minutes)}`;
    assert.ok(flat.includes(ackRow), `time to acknowledge: ${ackRow}`);

    const csv = await get(`/alarms/export?format=csv&${query}`);
    assert.equal(csv.statusCode, 200);
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(rows.length, 1 + list.total);
    assert.ok(rows.slice(1).some((r) => r.startsWith(first.id) && r.includes('Sensor RPT-B')));
    const xlsx = await get(`/alarms/export?format=xlsx&${query}`);
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  });

  test('a period without alarms is a valid PDF that says so; paging parameters are refused', async () => {
    const res = await get('/alarms/export?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z');
    assert.equal(res.statusCode, 200);
    const { text, pages } = await inspectPdf(res.rawPayload, dir);
    assert.equal(pages, 1);
    assert.match(text, /No data for this period/);
    assert.match(text, /Page 1 of 1/);
    assert.equal((await get('/alarms/export?limit=10')).statusCode, 400);
  });
});
