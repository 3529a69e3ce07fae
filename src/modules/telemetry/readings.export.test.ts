// GET /plant-ops/sensors/{id}/readings/export: every raw reading of the range, as the raw list pages
// return them, across the export's own pages; another tenant's sensor is a 404; a bad format a 400.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { columnOf, tableOf } from '../../platform/export/testing.ts';
import { createTestTenant, signIn } from '../identity/testing.ts';
import { telemetryTestKit } from './testing.ts';

const kit = telemetryTestKit('readings-export');
const hour = Math.floor((Date.now() - 5 * 3600_000) / 3600_000) * 3600_000;

const get = (url: string, headers = kit.s.viewer.headers) =>
  kit.t.app.inject({ method: 'GET', url: `/api/v1/plant-ops${url}`, headers });

describe('readings export', () => {
  test('csv and xlsx hold exactly the raw readings of the range, oldest first', async () => {
    const id = await kit.newSensor('EXPORT-1', { unit: 'bar', name: 'Line pressure' });
    // 12,000 readings: more than two of the export's pages.
    const ts = Array.from({ length: 12_000 }, (_, i) => hour + i * 1000);
    const values = ts.map((_, i) => Math.round(Math.sin(i / 50) * 1000) / 100);
    await kit.bulk({ series: [{ sensorId: id, ts: ts.slice(0, 6000), values: values.slice(0, 6000) }] });
    await kit.bulk({ series: [{ sensorId: id, ts: ts.slice(6000), values: values.slice(6000) }] });
    const from = new Date(hour + 500_000).toISOString();
    const to = new Date(hour + 11_000_000).toISOString();
    const listed: { t: string; value: number }[] = [];
    for (let after: number | null = null; ; ) {
      const page: { readings: { t: string; value: number }[]; next: number | null } = (
        await get(
          `/sensors/${id}/readings?bucket=raw&from=${from}&to=${to}&limit=10000${after ? `&after=${after}` : ''}`,
        )
      ).json();
      listed.push(...page.readings);
      if (page.next === null) break;
      after = page.next;
    }
    assert.equal(listed.length, 10_500);
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await get(`/sensors/${id}/readings/export?format=${format}&from=${from}&to=${to}`);
      const table = await tableOf(res, format);
      assert.deepEqual(table[0], ['Time (UTC)', 'Line pressure (bar)']);
      const times = columnOf(table, 'Time (UTC)').map((t) => (t instanceof Date ? t.toISOString() : t));
      assert.deepEqual(
        times,
        listed.map((r) => r.t),
      );
      assert.deepEqual(
        columnOf(table, 'Line pressure (bar)').map(Number),
        listed.map((r) => r.value),
      );
      assert.match(
        String(res.headers['content-disposition']),
        /filename="readings-EXPORT-1_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\./,
      );
    }
  });

  test("another tenant's sensor is a 404; a bad format or range a 400", async () => {
    const id = await kit.newSensor('EXPORT-2');
    const other = await createTestTenant(kit.t.database.db, 'readings-export-b');
    const stranger = await signIn(kit.t.app, other.users.admin.email);
    const theirs = await get(`/sensors/${id}/readings/export?format=csv`, stranger.headers);
    assert.equal(theirs.statusCode, 404);
    assert.match(String(theirs.headers['content-type']), /application\/json/);
    assert.equal((await get(`/sensors/${id}/readings/export?format=pdf`)).statusCode, 400);
    assert.equal((await get(`/sensors/${id}/readings/export?format=csv&bucket=raw`)).statusCode, 400);
    const inverted = await get(
      `/sensors/${id}/readings/export?format=xlsx&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    assert.equal(inverted.statusCode, 400);
    // An empty range is a file with its header only.
    const empty = await tableOf(await get(`/sensors/${id}/readings/export?format=csv`), 'csv');
    assert.equal(empty.length, 1);
  });
});
