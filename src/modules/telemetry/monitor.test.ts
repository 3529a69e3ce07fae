import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DETECTION, type MonitorConfig, type MonitorState, monitor } from './monitor.ts';

const config = (overrides: Partial<MonitorConfig> = {}): MonitorConfig => ({
  lowerSpec: 0,
  upperSpec: 10,
  detection: { ...DEFAULT_DETECTION, zscore: { ...DEFAULT_DETECTION.zscore, enabled: false }, rules: [] },
  manualLimits: null,
  ...overrides,
});
const series = (values: number[], start = 0) => values.map((value, i) => ({ ts: start + i * 1000, value }));

test('spec limits judge every reading, in any order; nothing else is on', () => {
  const result = monitor({}, config(), series([5, 11, -1, 5]).reverse());
  assert.deepEqual(
    result.findings.map((f) => [f.rule, f.ts, f.severity]),
    [
      ['spec', 1000, 'critical'],
      ['spec', 2000, 'critical'],
    ],
  );
  assert.equal(result.state.lastTs, 3000);
  const off = monitor({}, config({ detection: { ...config().detection, spec: false } }), series([11]));
  assert.equal(off.findings.length, 0);
});

test('control limits are learned from the first readings, then the run rules judge against them', () => {
  const detection = { ...config().detection, rules: ['we1', 'we4'] as const, baselineCount: 20 };
  // Alternating 4.9/5.1: center 5, moving range 0.2 → sigma 0.2/1.128.
  const baseline = Array.from({ length: 20 }, (_, i) => (i % 2 ? 5.1 : 4.9));
  const learning = monitor({}, config({ detection }), series(baseline));
  assert.ok(learning.learned);
  assert.ok(Math.abs((learning.learned?.center ?? 0) - 5) < 1e-12);
  assert.ok(Math.abs((learning.learned?.sigma ?? 0) - 0.2 / 1.128) < 1e-12);
  assert.equal(learning.findings.length, 0);
  // Eight points just above the center: Western Electric 4 at the eighth; one far point: rule 1.
  const next = monitor(
    learning.state,
    config({ detection }),
    series([5.05, 5.05, 5.05, 5.05, 5.05, 5.05, 5.05, 5.05, 7], 20_000),
  );
  assert.deepEqual(
    next.findings.map((f) => [f.rule, f.ts]),
    [
      ['we4', 27_000],
      ['we1', 28_000],
      ['we4', 28_000],
    ],
  );
});

test('late readings get the spec check and the point rules only; state carries across batches', () => {
  const detection = { ...config().detection, zscore: { enabled: true, window: 20, threshold: 4 } };
  const quiet = Array.from({ length: 30 }, (_, i) => 5 + (i % 3) * 0.1);
  const first = monitor({}, config({ detection }), series(quiet));
  assert.equal(first.findings.length, 0);
  const late = monitor(first.state as MonitorState, config({ detection }), [
    { ts: 1500, value: 9.9 },
    { ts: 2500, value: 12 },
  ]);
  assert.equal(late.late, 2);
  assert.deepEqual(
    late.findings.map((f) => f.rule),
    ['spec'],
  );
  assert.deepEqual(late.state, first.state, 'late readings leave the state as it was');
  const jump = monitor(first.state as MonitorState, config({ detection }), series([9.9], 40_000));
  assert.deepEqual(
    jump.findings.map((f) => f.rule),
    ['zscore'],
  );
});

test('a late reading beyond 3σ of the limits as they stand signals rule 1 (not the window rules)', () => {
  const detection = { ...config().detection, rules: ['we1', 'n1', 'we4'] as const };
  const manual = config({ detection, manualLimits: { center: 5, sigma: 0.1 } });
  const first = monitor({}, manual, series([5, 5.05, 4.95, 5]));
  assert.equal(first.findings.length, 0);
  const late = monitor(first.state, manual, [
    { ts: 500, value: 5.31 },
    { ts: 1500, value: 5.29 },
    { ts: 2500, value: 4.6 },
  ]);
  assert.equal(late.late, 3);
  assert.deepEqual(
    late.findings.map((f) => [f.rule, f.ts]),
    [
      ['we1', 500],
      ['n1', 500],
      ['we1', 2500],
      ['n1', 2500],
    ],
  );
  // Learned limits not there yet: nothing to judge a late reading against but the spec.
  const learning = config({ detection: { ...detection, baselineCount: 100 } });
  const early = monitor(monitor({}, learning, series([5, 5.1])).state, learning, [{ ts: 500, value: 9 }]);
  assert.deepEqual(early.findings, []);
});

test('manual limits take the place of learning; EWMA finds a small sustained shift', () => {
  const detection = {
    ...config().detection,
    ewma: { enabled: true, lambda: 0.2, width: 3 },
    baselineCount: 10,
  };
  const manual = config({ detection, manualLimits: { center: 5, sigma: 0.1 } });
  const shifted = monitor({}, manual, series(Array.from({ length: 30 }, () => 5.15)));
  assert.equal(shifted.learned, null);
  assert.ok(shifted.findings.some((f) => f.rule === 'ewma'));
  const steady = monitor({}, manual, series(Array.from({ length: 30 }, (_, i) => (i % 2 ? 5.05 : 4.95))));
  assert.equal(steady.findings.length, 0);
});

test('a flat baseline learns nothing and fails nothing; it keeps collecting', () => {
  const detection = { ...config().detection, rules: ['we1'] as const, baselineCount: 20 };
  const flat = monitor({}, config({ detection }), series(Array.from({ length: 50 }, () => 5)));
  assert.equal(flat.learned, null);
  assert.equal(flat.state.baseline?.length, 19);
  const moving = monitor(flat.state, config({ detection }), series([5.1, 4.9], 60_000));
  assert.ok(moving.learned);
});

test('the anomaly detector (the default) flags a jump after its warm-up, once per hold-off', () => {
  const detection = { ...config().detection, anomaly: { enabled: true, threshold: 2 } };
  // 600 readings of a small deterministic wobble, then a level jump held for 10 readings.
  const values = Array.from({ length: 600 }, (_, i) => 5 + 0.05 * Math.sin(i * 1.7));
  const quiet = monitor({}, config({ detection, upperSpec: 100 }), series(values));
  assert.equal(quiet.findings.length, 0);
  const jump = monitor(
    quiet.state,
    config({ detection, upperSpec: 100 }),
    series(
      Array.from({ length: 10 }, () => 6),
      600_000,
    ),
  );
  assert.deepEqual(
    jump.findings.map((f) => f.rule),
    ['anomaly'],
  );
  assert.ok(quiet.state.anomaly && jump.state.anomaly);
});

test('readings as columns (as ingest sends them), in any order, are judged as the same readings sorted by time', () => {
  const detection = { ...DEFAULT_DETECTION, rules: ['we1', 'we2', 'n3'] as const, baselineCount: 30 };
  const values = Array.from({ length: 400 }, (_, i) => 5 + Math.sin(i / 7) * 0.3 + (i % 97 === 0 ? 4 : 0));
  const readings = series(values);
  // Each batch of 50 reversed (out of order within the batch); the third has a late reading, and
  // the fifth a second reading at a time it already has, sent first: the first sent is stepped
  // through, the other judged as late.
  const batches = Array.from({ length: 8 }, (_, b) => readings.slice(b * 50, b * 50 + 50).reverse());
  (batches[2] as { ts: number; value: number }[]).push({ ts: 20_500, value: 9 });
  (batches[4] as { ts: number; value: number }[]).unshift({ ts: 240_000, value: 8.5 });
  let sorted: MonitorState = {};
  let asColumns: MonitorState = {};
  let found = 0;
  let late = 0;
  for (const batch of batches) {
    // The reference: the same readings as objects, sorted beforehand (a stable sort).
    const inOrder = monitor(
      sorted,
      config({ detection }),
      [...batch].sort((a, b) => a.ts - b.ts),
    );
    const columns = monitor(asColumns, config({ detection }), {
      ts: Float64Array.from(batch, (r) => r.ts),
      value: Float64Array.from(batch, (r) => r.value),
    });
    assert.deepEqual(columns, inOrder);
    found += inOrder.findings.length;
    late += inOrder.late;
    sorted = inOrder.state;
    asColumns = columns.state;
  }
  assert.ok(sorted.learned && sorted.anomaly, 'limits learned and the anomaly detector running');
  assert.ok(found > 0, 'something found');
  assert.equal(late, 2);
  assert.throws(() => monitor({}, config(), { ts: [1, 2], value: [1] }), /differ in length/);
});
