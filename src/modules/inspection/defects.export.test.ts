// GET /inspection/defects/export: every defect of the period with the statistics' filters; the rows
// are the defects the triggers recorded and add up to the statistics' totals for the same filters.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { columnOf, tableOf } from '../../platform/export/testing.ts';
import { inspectionTestKit, testPng } from './testing.ts';

const kit = inspectionTestKit('defects-export');
const PERIOD = 'from=2025-03-10T00:00:00Z&to=2025-03-12T00:00:00Z';
/** Defect id → [trigger time, camera serial, type], as the triggers recorded them. */
const recorded = new Map<string, [string, string, string]>();
let cameras: Record<string, string> = {};
let stationA = '';

const get = (url: string) =>
  kit.t.app.inject({ method: 'GET', url: `/api/v1/inspection${url}`, headers: kit.s.viewer.headers });

async function setUp() {
  const a = await kit.station('Export A', { 'EX-A': [400, 300, 0.1], 'EX-B': [400, 300, 0.1] });
  const b = await kit.station('Export B', { 'EX-C': [400, 300, 0.1] });
  cameras = { ...a.cameras, ...b.cameras };
  stationA = a.stationId;
  const png = await testPng();
  const left = { cx: 50, cy: 50, diameterPx: 10 };
  const right = { cx: 300, cy: 50, diameterPx: 10 };
  const plan: [string, string, string, Record<string, object[]>][] = [
    [
      a.stationId,
      '2025-03-10T07:00:00Z',
      'P-1',
      { 'EX-A': [left, right], 'EX-B': [{ ...left, type: 'gas_pore' }] },
    ],
    [a.stationId, '2025-03-10T15:00:00Z', 'P-2', { 'EX-A': [], 'EX-B': [{ ...right, type: 'crack' }] }],
    [b.stationId, '2025-03-11T09:00:00Z', 'P-1', { 'EX-C': [left] }],
    [a.stationId, '2025-03-20T07:00:00Z', 'P-1', { 'EX-A': [left], 'EX-B': [] }],
  ];
  for (const [i, [stationId, ts, partNumber, defects]] of plan.entries()) {
    const images = Object.fromEntries(Object.keys(defects).map((serial) => [serial, png]));
    const made = await kit.trigger(kit.s.operator, {
      stationId,
      ts,
      partNumber,
      partSerial: `S-${i}`,
      images,
      defects,
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    for (const image of made.body.images as {
      image: { cameraId: string };
      defects: { id: string; type: string }[];
    }[]) {
      const serial = Object.entries(cameras).find(([, id]) => id === image.image.cameraId)?.[0] ?? '';
      for (const d of image.defects) recorded.set(d.id, [ts, serial, d.type]);
    }
  }
}

describe('defects export', () => {
  before(setUp);
  const filters = ['', 'type=porosity', 'cameraId=EX-B', 'stationId=A&partNumber=P-1'];
  for (const filter of filters) {
    for (const format of ['csv', 'xlsx'] as const) {
      test(`${format}${filter ? ` with ${filter}` : ''}: the recorded defects, as many as the statistics count`, async () => {
        const q = `${PERIOD}${filter ? `&${filter}` : ''}`
          .replace('EX-B', cameras['EX-B'] ?? '')
          .replace('stationId=A', `stationId=${stationA}`);
        const stats = (await get(`/defects/statistics?${q}`)).json();
        const table = await tableOf(await get(`/defects/export?format=${format}&${q}`), format);
        const ids = columnOf(table, 'Defect ID') as string[];
        assert.equal(ids.length, stats.totals.defects);
        assert.ok(ids.length > 0);
        const times = columnOf(table, 'Part inspected (UTC)').map((v) => new Date(v as string).getTime());
        assert.deepEqual(
          times,
          [...times].sort((x, y) => x - y),
          'oldest first',
        );
        for (const [i, id] of ids.entries()) {
          const [ts, serial, type] = recorded.get(id) ?? [];
          assert.ok(ts, `${id} was recorded`);
          assert.equal(times[i], Date.parse(ts));
          assert.equal(columnOf(table, 'Camera')[i], `Camera ${serial}`);
          assert.equal(columnOf(table, 'Defect type')[i], type);
          assert.ok(Date.parse(ts) < Date.parse('2025-03-12T00:00:00Z'));
        }
        if (filter === 'type=porosity') assert.ok(ids.every((id) => recorded.get(id)?.[2] === 'porosity'));
      });
    }
  }

  test('a bad format or period is a 400', async () => {
    assert.equal((await get(`/defects/export?format=pdf&${PERIOD}`)).statusCode, 400);
    assert.equal((await get(`/defects/export?format=csv&bucket=day`)).statusCode, 400);
    assert.equal(
      (await get('/defects/export?format=csv&from=2025-03-12T00:00:00Z&to=2025-03-10T00:00:00Z')).statusCode,
      400,
    );
  });
});
