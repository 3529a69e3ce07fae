import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  DEFAULT_DETECTION,
  type Finding,
  type MonitorConfig,
  type MonitorState,
  monitor,
} from './monitor.ts';
import {
  judgeSensor,
  MAX_UNJUDGED,
  planReplay,
  type Reading,
  type ReplayMarks,
  replay,
  rotateNow,
} from './replay.ts';

const WINDOW_MS = 60_000;

const config: MonitorConfig = {
  lowerSpec: -2.5,
  upperSpec: 2.5,
  detection: {
    ...DEFAULT_DETECTION,
    ewma: { enabled: true, lambda: 0.2, width: 3 },
    zscore: { enabled: true, window: 20, threshold: 2.5 },
    anomaly: { enabled: true, threshold: 1.5 },
    rules: ['we1', 'we2', 'we3', 'we4', 'n2', 'n3'],
    baselineCount: 20,
  },
  manualLimits: null,
};

/**
 * A sensor's rows as the database keeps them, and what saveStates does with a judgement: rotate
 * the replay states (checkpoint ← pending when kept ← the previous state), then store the new state
 * and any recomputed pending state.
 */
class SensorStore {
  readings = new Map<number, number>();
  state: MonitorState = {};
  checkpoint: MonitorState | null = {};
  checkpointTs: number | null = Number.NEGATIVE_INFINITY;
  pending: MonitorState | null = null;
  pendingTs: number | null = null;
  emitted: Finding[] = [];
  replays = 0;

  readonly config: MonitorConfig;

  constructor(judgedWith: MonitorConfig) {
    this.config = judgedWith;
  }

  /**
   * Stores and judges one batch; what it raised. `budget: false` judges it as ingest does a
   * sensor past its batch's budget of stored readings: no replay.
   */
  ingest(rows: readonly Reading[], { budget = true } = {}): Finding[] {
    const batch = rows.filter((r) => !this.readings.has(r.ts));
    for (const r of batch) this.readings.set(r.ts, r.value);
    const previous = this.state;
    const marks: ReplayMarks = { checkpointTs: this.checkpointTs, pendingTs: this.pendingTs };
    const plan = planReplay(previous.lastTs, marks, batch, WINDOW_MS, previous.unjudged);
    const from = plan.replayFrom;
    const stored =
      from === null
        ? []
        : [...this.readings]
            .filter(([ts]) => ts > from)
            .sort((a, b) => a[0] - b[0])
            .map(([ts, value]) => ({ ts, value }));
    const judged = judgeSensor({
      previous,
      marks,
      plan,
      states: budget ? { checkpoint: this.checkpoint, pending: this.pending } : undefined,
      stored,
      config: this.config,
      batch,
    });
    if (judged.replayed > 0) this.replays++;
    if (plan.rotate) {
      if (this.pendingTs !== null) {
        this.checkpoint = this.pending;
        this.checkpointTs = this.pendingTs;
      }
      this.pending = previous;
      this.pendingTs = previous.lastTs ?? null;
    }
    if (judged.pending) this.pending = judged.pending;
    // Through JSON, as the database stores it.
    this.state = JSON.parse(JSON.stringify(judged.state));
    this.emitted.push(...judged.findings);
    return judged.findings;
  }
}

const keys = (findings: readonly Finding[]) => findings.map((f) => `${f.rule}@${f.ts}`).sort();

/**
 * The store's state is the one in-order judging ends with, it raised everything in-order judging
 * finds, and the spec limits (which judge each reading alone) exactly once each, late or not.
 */
function assertAsInOrder(store: SensorStore, inOrder: { state: MonitorState; findings: Finding[] }) {
  assert.deepEqual(store.state, JSON.parse(JSON.stringify(inOrder.state)));
  const raised = new Set(keys(store.emitted));
  for (const key of keys(inOrder.findings)) assert.ok(raised.has(key), `${key} was not raised`);
  assert.deepEqual(
    keys(store.emitted.filter((f) => f.rule === 'spec')),
    keys(inOrder.findings.filter((f) => f.rule === 'spec')),
  );
}

/** Rule 4 (eight in a row on one side) alone, against manual limits 0 ± 1. */
const manual: MonitorConfig = {
  ...config,
  detection: { ...config.detection, rules: ['we4'], ewma: { ...config.detection.ewma, enabled: false } },
  manualLimits: { center: 0, sigma: 1 },
};
/** Seven of eight points above the center line, the fourth (at 4 s) missing. */
const above = [1, 2, 3, 5, 6, 7, 8].map((s) => ({ ts: s * 1000, value: 0.5 }));

test('planReplay: rotation once the window has passed, a replay only for late readings inside the window', () => {
  const none: ReplayMarks = { checkpointTs: null, pendingTs: null };
  const at = (ts: number) => [{ ts, value: 0 }];
  const plan = (rotate: boolean, replayFrom: number | null, keepLateAfter: number | null) => ({
    rotate,
    replayFrom,
    keepLateAfter,
  });
  assert.deepEqual(planReplay(undefined, none, at(5), WINDOW_MS), plan(false, null, null));
  // No pending state yet: the first batch after the first makes one (the first checkpoint to be).
  assert.deepEqual(planReplay(1000, none, at(2000), WINDOW_MS), plan(true, null, 1000));
  const fresh: ReplayMarks = { checkpointTs: Number.NEGATIVE_INFINITY, pendingTs: 1000 };
  const ever = Number.NEGATIVE_INFINITY;
  assert.deepEqual(planReplay(30_000, fresh, at(31_000), WINDOW_MS), plan(false, null, ever));
  assert.deepEqual(planReplay(30_000, fresh, at(500), WINDOW_MS), plan(false, ever, ever));
  // The window has passed the pending state: it becomes the checkpoint, late readings replay from it.
  assert.deepEqual(planReplay(61_000, fresh, at(1500), WINDOW_MS), plan(true, 1000, 1000));
  assert.deepEqual(planReplay(61_000, fresh, at(1000), WINDOW_MS), plan(true, null, 1000));
  assert.deepEqual(planReplay(61_000, fresh, at(1500), 0), plan(false, null, null));
  // A late reading judged without a replay before makes the next batch replay, while the window reaches it.
  assert.deepEqual(planReplay(30_000, fresh, at(31_000), WINDOW_MS, [[20_000, 0]]), plan(false, ever, ever));
  // One older than the pending state holds the rotation back until a replay has recomputed it.
  assert.deepEqual(planReplay(61_000, fresh, at(62_000), WINDOW_MS, [[900, 0]]), plan(false, ever, ever));
  assert.deepEqual(planReplay(61_000, fresh, at(62_000), WINDOW_MS, [[1500, 0]]), plan(true, 1000, 1000));
  // A window too long to replay: the states rotate at once, late readings judged without a replay are given up.
  assert.deepEqual(rotateNow(30_000), plan(true, null, 30_000));
});

test('a late reading within the window is judged in order: a run rule it completes fires, the state is as if in order', () => {
  const store = new SensorStore(manual);
  // Seven of eight points above the center, the fourth missing; then the fourth arrives late.
  assert.deepEqual(store.ingest(above.slice(0, 3)), []);
  assert.deepEqual(store.ingest(above.slice(3)), []);
  assert.equal(store.replays, 0);
  assert.deepEqual(keys(store.ingest([{ ts: 4000, value: 0.5 }])), ['we4@8000']);
  assert.equal(store.replays, 1);
  const inOrder = monitor({}, manual, [...above, { ts: 4000, value: 0.5 }]);
  assert.deepEqual(store.state, inOrder.state);
  assert.deepEqual(keys(inOrder.findings), ['we4@8000']);
});

test('late data within the window: the state ends as in order, and everything in-order judging finds is raised', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 40, maxLength: 400 }),
      fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 400, maxLength: 400 }),
      fc.integer({ min: 1, max: 30 }),
      (values, delays, batchSize) => {
        const readings = values.map((value, i) => ({ ts: 1_000_000 + i * 1000, value }));
        // Each reading arrives up to 40 s late (within the 60 s window), in batches of `batchSize`.
        const arrival = readings
          .map((r, i) => ({ r, at: r.ts + (delays[i] as number) * 1000 }))
          .sort((a, b) => a.at - b.at || a.r.ts - b.r.ts)
          .map((a) => a.r);
        const store = new SensorStore(config);
        for (let i = 0; i < arrival.length; i += batchSize) store.ingest(arrival.slice(i, i + batchSize));
        const inOrder = monitor({}, config, readings);
        assertAsInOrder(store, inOrder);
      },
    ),
    { numRuns: 60 },
  );
});

test('a reading older than the checkpoint gets the spec check and rule 1 only; the state is not touched', () => {
  const store = new SensorStore(config);
  const steady = Array.from({ length: 200 }, (_, i) => ({
    ts: 1_000_000 + i * 1000,
    value: (i % 5) * 0.2 - 0.4,
  }));
  for (let i = 0; i < steady.length; i += 10) store.ingest(steady.slice(i, i + 10));
  assert.ok(store.checkpointTs !== null && store.checkpointTs > 1_000_000 + 60_000);
  const before = JSON.stringify(store.state);
  const emitted = store.emitted.length;
  store.ingest([{ ts: 1_000_500, value: 2.9 }]);
  assert.equal(store.replays, 0);
  assert.deepEqual(
    store.emitted.slice(emitted).map((f) => f.rule),
    ['spec', 'we1'],
  );
  assert.equal(JSON.stringify(store.state), before);
});

test('a replay steps through the readings before the batch once: the pending state and findings are as in order', () => {
  const readings = Array.from({ length: 60 }, (_, i) => ({
    ts: 1_000_000 + i * 1000,
    value: Math.sin(i / 3) + (i === 45 ? 2.8 : 0),
  }));
  const late = readings[40] as Reading;
  const stored = readings;
  const without = readings.filter((r) => r !== late);
  const previous = monitor({}, config, without).state;
  // The pending state before the late reading (in the shared part) and after it (in both runs).
  for (const pendingAt of [20, 50]) {
    const pending = monitor(
      {},
      config,
      without.filter((r) => r.ts <= (readings[pendingAt] as Reading).ts),
    ).state;
    const result = replay({ previous, checkpoint: {}, pending, config, stored, batch: [late] });
    // 40 readings before the late one once; the 19 after it without, and the 20 from it with.
    assert.equal(result.replayed, 40 + 19 + 20);
    const inOrder = monitor({}, config, readings);
    assert.deepEqual(result.state, inOrder.state);
    const pendingInOrder = monitor(
      {},
      config,
      readings.filter((r) => r.ts <= (readings[pendingAt] as Reading).ts),
    );
    assert.deepEqual(result.pending, pendingInOrder.state);
    // New: what in-order judging finds from the late reading on that judging without it does not.
    const found = new Set(keys(monitor({}, config, without).findings));
    assert.deepEqual(
      keys(result.findings),
      keys(inOrder.findings).filter((k) => !found.has(k)),
    );
  }
});

test('a late reading judged without a replay (past the budget) is replayed by the next batch: what it completes is raised', () => {
  const store = new SensorStore(manual);
  store.ingest(above.slice(0, 3));
  store.ingest(above.slice(3));
  // The fourth arrives late in a batch past its budget: spec and rule 1 only, remembered.
  assert.deepEqual(store.ingest([{ ts: 4000, value: 0.5 }], { budget: false }), []);
  assert.deepEqual(store.state.unjudged, [[4000, 0]]);
  // The next batch (nothing late in it) replays it: the run it completes is raised, once.
  assert.deepEqual(keys(store.ingest([{ ts: 9000, value: -0.5 }])), ['we4@8000']);
  assert.equal(store.state.unjudged, undefined);
  assert.deepEqual(store.ingest([{ ts: 10_000, value: -0.5 }]), []);
  const inOrder = monitor({}, manual, [
    ...above,
    { ts: 4000, value: 0.5 },
    { ts: 9000, value: -0.5 },
    { ts: 10_000, value: -0.5 },
  ]);
  assert.deepEqual(store.state, inOrder.state);
});

/**
 * Readings `values` (1 s apart) arriving `delays` late, in batches of `batchSize`, the batches
 * whose `refused` is true judged without a replay; then one batch with the budget to replay.
 * The state must end as in order, and everything in-order judging finds must have been raised.
 */
function checkRefusals(values: number[], delays: number[], refused: boolean[], batchSize: number) {
  const readings = values.map((value, i) => ({ ts: 1_000_000 + i * 1000, value }));
  const arrival = readings
    .map((r, i) => ({ r, at: r.ts + (delays[i] ?? 0) * 1000 }))
    .sort((a, b) => a.at - b.at || a.r.ts - b.r.ts)
    .map((a) => a.r);
  const store = new SensorStore(config);
  for (let i = 0, b = 0; i < arrival.length; i += batchSize, b++)
    store.ingest(arrival.slice(i, i + batchSize), { budget: !refused[b] });
  const last = { ts: 1_000_000 + values.length * 1000, value: 0 };
  store.ingest([last]);
  const inOrder = monitor({}, config, [...readings, last]);
  assert.equal(store.state.unjudged, undefined);
  assertAsInOrder(store, inOrder);
}

test('a reading judged without a replay before the pending state holds back the rotation until a replay has had it', () => {
  // Reading 8 s arrives 19 s late in a batch past its budget, as do the batches after it, until
  // the rotation is due: the pending state (at 9 s) never had the reading, so it must not become
  // the checkpoint before a replay from the older one has recomputed it.
  const delays = Array.from({ length: 70 }, (_, i) => (i === 7 ? 4 : i === 8 ? 19 : 0));
  const refused = Array.from({ length: 9 }, (_, b) => b >= 3);
  checkRefusals(new Array(70).fill(0), delays, refused, 8);
});

test('late readings judged without a replay: every in-order finding is raised in the end, the state ends as in order', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 40, maxLength: 300 }),
      fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 300, maxLength: 300 }),
      fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }),
      fc.integer({ min: 1, max: 30 }),
      checkRefusals,
    ),
    { numRuns: 60 },
  );
});

test('a sensor remembers at most MAX_UNJUDGED late readings judged without a replay: the newest', () => {
  const store = new SensorStore(config);
  const even = Array.from({ length: 1500 }, (_, i) => ({ ts: 1_000_000 + 2 * i, value: Math.sin(i) }));
  store.ingest(even);
  store.ingest([{ ts: 1_004_000, value: 0 }]);
  const odd = Array.from({ length: MAX_UNJUDGED + 200 }, (_, i) => ({ ts: 1_000_001 + 2 * i, value: 0 }));
  store.ingest(odd, { budget: false });
  assert.equal(store.state.unjudged?.length, MAX_UNJUDGED);
  assert.equal(store.state.unjudged?.[0]?.[0], (odd[200] as Reading).ts);
  assert.equal(store.state.unjudged?.at(-1)?.[0], (odd.at(-1) as Reading).ts);
  store.ingest([{ ts: 1_004_001, value: 0 }]);
  assert.equal(store.state.unjudged, undefined);
});

test('a reading judged without a replay is not raised again for the rules that judged it then (spec, rule 1)', () => {
  const specAndRules: MonitorConfig = {
    lowerSpec: 0,
    upperSpec: 10,
    detection: {
      ...config.detection,
      rules: ['we1', 'we4'],
      ewma: { ...config.detection.ewma, enabled: false },
    },
    manualLimits: { center: 5, sigma: 0.5 },
  };
  const store = new SensorStore(specAndRules);
  const at = (s: number, value = 5) => ({ ts: s * 1000, value });
  store.ingest([at(1), at(2), at(3)]);
  store.ingest([at(5), at(6), at(7)]);
  assert.deepEqual(keys(store.ingest([at(4, 20)], { budget: false })), ['spec@4000', 'we1@4000']);
  assert.deepEqual(store.state.unjudged, [[4000, 1 | 2]]);
  assert.deepEqual(store.ingest([at(8)]), []);
  assert.equal(store.state.unjudged, undefined);
});
