// Defect statistics through the API, on triggers with known defects, cameras, dispositions and
// times: exact counts, rates, the Pareto order, filters and the day and shift series.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createTestTenant, signIn } from '../identity/testing.ts';
import { inspectionTestKit, testPng } from './testing.ts';

const kit = inspectionTestKit('stats');
const PERIOD = 'from=2025-03-10T00:00:00Z&to=2025-03-12T00:00:00Z';

interface Defect {
  id: string;
  cx: number;
  type: string;
}
const seen = {} as {
  cameras: Record<string, string>;
  regionId: string;
  stationA: string;
  triggers: Record<string, { id: string; defects: Record<string, Defect[]> }>;
};

const stats = async (query: string) => kit.ok(kit.s.viewer, 'GET', `/defects/statistics?${query}`);

/*
 * Station A: cameras ST-A (region "Left", the left half, no pore allowed) and ST-B (no region);
 * station B: camera ST-C. Triggers (defects by camera):
 *   T1 03-10 07:00 P-1  A: porosity left, porosity right   B: gas_pore     → fail (left)
 *   T2 03-10 15:00 P-1  A: —                               B: porosity, crack → pass
 *   T3 03-10 23:00 P-2  A: porosity left                   B: —            → fail
 *   T4 03-11 08:00 P-2  A: —                               B: —            → pass
 *   T5 03-11 09:00 P-1  C: porosity                                        → pass
 *   T6 03-20 07:00 P-1  A: crack (outside the period)
 * Dispositions: T1 left → false_positive (T1 passes), T1 right → rework, T2 crack → accept,
 * T2 porosity → false_positive, T3 left → reject. Parts: T1 rework, T2 accept, T3 scrap.
 */
async function setUp() {
  const a = await kit.station('Stats A', { 'ST-A': [400, 300, 0.1], 'ST-B': [400, 300, 0.1] });
  const b = await kit.station('Stats B', { 'ST-C': [400, 300, 0.1] });
  seen.cameras = { ...a.cameras, ...b.cameras };
  seen.stationA = a.stationId;
  const region = await kit.ok(kit.s.analyst, 'POST', '/regions', {
    cameraId: a.cameras['ST-A'],
    name: 'Left',
    polygon: [
      [0, 0],
      [0.5, 0],
      [0.5, 1],
      [0, 1],
    ],
    rules: { maxPoreCount: 0 },
  });
  seen.regionId = region.region.id;
  const png = await testPng();
  const left = { cx: 50, cy: 50, diameterPx: 10 };
  const right = { cx: 300, cy: 50, diameterPx: 10 };
  const plan: [string, string, string, string, Record<string, object[]>][] = [
    [
      'T1',
      a.stationId,
      '2025-03-10T07:00:00Z',
      'P-1',
      { 'ST-A': [left, right], 'ST-B': [{ ...left, type: 'gas_pore' }] },
    ],
    [
      'T2',
      a.stationId,
      '2025-03-10T15:00:00Z',
      'P-1',
      { 'ST-A': [], 'ST-B': [left, { ...right, type: 'crack' }] },
    ],
    ['T3', a.stationId, '2025-03-10T23:00:00Z', 'P-2', { 'ST-A': [left], 'ST-B': [] }],
    ['T4', a.stationId, '2025-03-11T08:00:00Z', 'P-2', { 'ST-A': [], 'ST-B': [] }],
    ['T5', b.stationId, '2025-03-11T09:00:00Z', 'P-1', { 'ST-C': [left] }],
    ['T6', a.stationId, '2025-03-20T07:00:00Z', 'P-1', { 'ST-A': [{ ...left, type: 'crack' }], 'ST-B': [] }],
  ];
  seen.triggers = {};
  for (const [name, stationId, ts, partNumber, defects] of plan) {
    const images = Object.fromEntries(Object.keys(defects).map((serial) => [serial, png]));
    const made = await kit.trigger(kit.s.operator, {
      stationId,
      ts,
      partNumber,
      partSerial: `S-${name}`,
      images,
      defects,
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const bySerial: Record<string, Defect[]> = {};
    for (const [serial, id] of Object.entries(seen.cameras)) {
      const image = made.body.images.find((i: { image: { cameraId: string } }) => i.image.cameraId === id);
      if (image) bySerial[serial] = image.defects;
    }
    seen.triggers[name] = { id: made.body.trigger.id, defects: bySerial };
  }
  const defect = (t: string, serial: string, cx: number, type = 'porosity') => {
    const found = seen.triggers[t]?.defects[serial]?.find((d) => d.cx === cx && d.type === type);
    assert.ok(found, `${t} ${serial} ${cx} ${type}`);
    return found.id;
  };
  for (const [id, disposition] of [
    [defect('T1', 'ST-A', 50), 'false_positive'],
    [defect('T1', 'ST-A', 300), 'rework'],
    [defect('T2', 'ST-B', 300, 'crack'), 'accept'],
    [defect('T2', 'ST-B', 50), 'false_positive'],
    [defect('T3', 'ST-A', 50), 'reject'],
  ] as const)
    await kit.ok(kit.s.operator, 'PATCH', `/defects/${id}`, { disposition });
  for (const [t, disposition] of [
    ['T1', 'rework'],
    ['T2', 'accept'],
    ['T3', 'scrap'],
  ] as const)
    await kit.ok(kit.s.operator, 'PATCH', `/triggers/${seen.triggers[t]?.id}/disposition`, { disposition });
}

describe('defect statistics', () => {
  before(setUp);

  test('totals and rates of the period', async () => {
    const body = await stats(`${PERIOD}&bucket=day`);
    assert.deepEqual(body.period, {
      from: '2025-03-10T00:00:00.000Z',
      to: '2025-03-12T00:00:00.000Z',
      bucket: 'day',
    });
    assert.deepEqual(body.totals, {
      defects: 7,
      triggers: 5,
      failedTriggers: 1,
      rejectRate: 1 / 5,
      dispositionedDefects: 5,
      falsePositives: 2,
      falsePositiveRate: 2 / 5,
      reworkDefects: 1,
      reworkShare: 1 / 5,
      dispositionedParts: 3,
      reworkParts: 1,
      partReworkShare: 1 / 3,
    });
  });

  test('breakdowns by type, camera, region, disposition, part number; Pareto; false positives', async () => {
    const body = await stats(PERIOD);
    assert.deepEqual(body.byType, [
      { type: 'porosity', count: 5 },
      { type: 'gas_pore', count: 1 },
      { type: 'shrinkage', count: 0 },
      { type: 'inclusion', count: 0 },
      { type: 'crack', count: 1 },
      { type: 'other', count: 0 },
    ]);
    assert.deepEqual(body.pareto, [
      { type: 'porosity', count: 5, share: 5 / 7, cumulativeShare: 5 / 7 },
      { type: 'crack', count: 1, share: 1 / 7, cumulativeShare: 6 / 7 },
      { type: 'gas_pore', count: 1, share: 1 / 7, cumulativeShare: 1 },
    ]);
    assert.deepEqual(body.byCamera, [
      { cameraId: seen.cameras['ST-A'], cameraName: 'Camera ST-A', images: 4, failedImages: 1, defects: 3 },
      { cameraId: seen.cameras['ST-B'], cameraName: 'Camera ST-B', images: 4, failedImages: 0, defects: 3 },
      { cameraId: seen.cameras['ST-C'], cameraName: 'Camera ST-C', images: 1, failedImages: 0, defects: 1 },
    ]);
    // T1's left pore is a false positive (in no region now); T3's is in "Left".
    assert.deepEqual(body.byRegion, [
      { regionId: seen.regionId, name: 'Left', cameraId: seen.cameras['ST-A'], count: 1 },
    ]);
    assert.deepEqual(body.byDisposition, [
      { disposition: 'pending', count: 2 },
      { disposition: 'accept', count: 1 },
      { disposition: 'reject', count: 1 },
      { disposition: 'rework', count: 1 },
      { disposition: 'false_positive', count: 2 },
    ]);
    assert.deepEqual(body.byPartDisposition, [
      { disposition: 'accept', count: 1 },
      { disposition: 'reject', count: 0 },
      { disposition: 'rework', count: 1 },
      { disposition: 'scrap', count: 1 },
    ]);
    assert.deepEqual(body.byPartNumber, [
      { partNumber: 'P-1', triggers: 3, failed: 0, defects: 6 },
      { partNumber: 'P-2', triggers: 2, failed: 1, defects: 1 },
    ]);
    assert.deepEqual(body.falsePositiveByCameraAndType, [
      {
        cameraId: seen.cameras['ST-A'],
        cameraName: 'Camera ST-A',
        type: 'porosity',
        dispositioned: 3,
        falsePositives: 1,
        rate: 1 / 3,
      },
      {
        cameraId: seen.cameras['ST-B'],
        cameraName: 'Camera ST-B',
        type: 'crack',
        dispositioned: 1,
        falsePositives: 0,
        rate: 0,
      },
      {
        cameraId: seen.cameras['ST-B'],
        cameraName: 'Camera ST-B',
        type: 'porosity',
        dispositioned: 1,
        falsePositives: 1,
        rate: 1,
      },
    ]);
  });

  test('series per UTC day and per 8-hour shift (06:00, 14:00, 22:00 UTC), empty buckets with zeros', async () => {
    const days = await stats(`${PERIOD}&bucket=day`);
    assert.deepEqual(days.series, [
      { start: '2025-03-10T00:00:00Z', defects: 6, triggers: 3, failed: 1 },
      { start: '2025-03-11T00:00:00Z', defects: 1, triggers: 2, failed: 0 },
    ]);
    const shifts = await stats(`${PERIOD}&bucket=shift`);
    assert.deepEqual(shifts.series, [
      { start: '2025-03-09T22:00:00Z', defects: 0, triggers: 0, failed: 0 },
      { start: '2025-03-10T06:00:00Z', defects: 3, triggers: 1, failed: 0 },
      { start: '2025-03-10T14:00:00Z', defects: 2, triggers: 1, failed: 0 },
      { start: '2025-03-10T22:00:00Z', defects: 1, triggers: 1, failed: 1 },
      { start: '2025-03-11T06:00:00Z', defects: 1, triggers: 2, failed: 0 },
      { start: '2025-03-11T14:00:00Z', defects: 0, triggers: 0, failed: 0 },
      { start: '2025-03-11T22:00:00Z', defects: 0, triggers: 0, failed: 0 },
    ]);
    const sum = (key: 'defects' | 'triggers' | 'failed') =>
      shifts.series.reduce((n: number, b: Record<string, number>) => n + (b[key] as number), 0);
    assert.deepEqual([sum('defects'), sum('triggers'), sum('failed')], [7, 5, 1]);
  });

  test('filters: station, camera, part number, type; the period bounds', async () => {
    const station = await stats(`${PERIOD}&stationId=${seen.stationA}`);
    assert.deepEqual([station.totals.defects, station.totals.triggers], [6, 4]);
    assert.deepEqual(
      station.byCamera.map((c: { cameraName: string }) => c.cameraName),
      ['Camera ST-A', 'Camera ST-B'],
    );

    const camera = await stats(`${PERIOD}&cameraId=${seen.cameras['ST-B']}`);
    assert.deepEqual(
      [camera.totals.defects, camera.totals.triggers, camera.totals.falsePositives],
      [3, 4, 1],
    );
    assert.deepEqual(
      camera.byCamera.map((c: { cameraName: string; images: number }) => [c.cameraName, c.images]),
      [['Camera ST-B', 4]],
    );
    assert.deepEqual(camera.byRegion, []);

    const part = await stats(`${PERIOD}&partNumber=P-2`);
    assert.deepEqual([part.totals.defects, part.totals.triggers, part.totals.failedTriggers], [1, 2, 1]);
    assert.equal(part.totals.rejectRate, 1 / 2);

    const cracks = await stats(`${PERIOD}&type=crack`);
    assert.deepEqual(
      [cracks.totals.defects, cracks.totals.triggers],
      [1, 5],
      'type narrows defects, not parts',
    );
    assert.deepEqual(cracks.pareto, [{ type: 'crack', count: 1, share: 1, cumulativeShare: 1 }]);

    // from inclusive, to exclusive: T1 at 07:00 exactly is in [07:00, 15:00), T2 at 15:00 is not.
    const window = await stats('from=2025-03-10T07:00:00Z&to=2025-03-10T15:00:00Z');
    assert.deepEqual([window.totals.triggers, window.totals.defects], [1, 3]);
    const later = await stats('from=2025-03-20T00:00:00Z&to=2025-03-21T00:00:00Z');
    assert.deepEqual([later.totals.triggers, later.totals.defects, later.byType[4].count], [1, 1, 1]);
  });

  test('an empty period has zeros and no NaN; another tenant sees none of it', async () => {
    const empty = await stats('from=2024-01-01T00:00:00Z&to=2024-01-02T00:00:00Z&bucket=shift');
    for (const [key, value] of Object.entries(empty.totals)) assert.equal(value, 0, key);
    assert.deepEqual(empty.pareto, []);
    assert.deepEqual(empty.byCamera, []);
    assert.deepEqual(empty.byPartNumber, []);
    assert.ok(empty.byType.every((t: { count: number }) => t.count === 0));
    assert.equal(empty.series.length, 4, '22:00 the day before, 06:00, 14:00, 22:00');
    assert.ok(empty.series.every((b: Record<string, unknown>) => b.defects === 0 && b.triggers === 0));

    const other = await createTestTenant(kit.t.database.db, 'stats-other');
    const viewer = await signIn(kit.t.app, other.users.viewer.email);
    const theirs = await kit.ok(viewer, 'GET', `/defects/statistics?${PERIOD}`);
    assert.deepEqual([theirs.totals.defects, theirs.totals.triggers, theirs.byCamera.length], [0, 0, 0]);

    const defaults = await stats('');
    assert.equal(Date.parse(defaults.period.to) - Date.parse(defaults.period.from), 30 * 86_400_000);
    assert.ok([30, 31].includes(defaults.series.length), 'one bucket per day the 30 days touch');
  });

  test('bad queries → 400', async () => {
    for (const query of [
      'from=2025-03-12T00:00:00Z&to=2025-03-10T00:00:00Z',
      'from=2025-03-10T00:00:00Z&to=2025-03-10T00:00:00Z',
      'bucket=week',
      'type=blob',
      'stationId=not-a-uuid',
      'from=yesterday',
      'from=2016-12-31T23:59:60Z&to=2017-01-02T00:00:00Z',
      'from=2015-01-01T00:00:00Z&to=2025-01-01T00:00:00Z',
      'from=2023-01-01T00:00:00Z&to=2025-01-01T00:00:00Z&bucket=shift',
      `partNumber=${'x'.repeat(101)}`,
      'verdict=fail',
    ]) {
      const res = await kit.call(kit.s.viewer, 'GET', `/defects/statistics?${query}`);
      assert.equal(res.status, 400, query);
    }
  });
});
