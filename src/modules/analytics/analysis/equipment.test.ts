import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configValues } from './config.ts';
import { analyzeEquipment } from './equipment.ts';
import { niceStep } from './equipment-conditions.ts';
import { analyzerRunner, demoFrame, findInsight, jitter } from './testing.ts';
import type { Insight } from './types.ts';

type Row = Record<string, string | number | null | undefined>;

const DAY = 86_400_000;
/** A small deterministic jitter in [−1, 1]. */

/**
 * 240 orders on machines M0–M5 over 120 days (two a day), 10 min downtime and 4 % failures each,
 * 5 run + 1 setup hours, tool wear spread over 0–240 min with no effect. `tweak` changes a row.
 */
function plant(tweak: (row: Row, i: number) => void = () => {}, n = 240): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const failed = i % 25 === 3 ? 1 : 0;
    const start = Date.UTC(2024, 0, 1) + Math.floor(i / 2) * DAY + (i % 2) * 8 * 3_600_000;
    const row: Row = {
      workOrder: `WO-${i}`,
      qtyCompleted: 100,
      machine: `M${i % 6}`,
      downtimeMinutes: Math.round(10 + 8 * jitter(i)) + 120 * failed,
      downtimeReason: failed ? 'Breakdown' : 'Tool change',
      machineFailure: failed,
      runHours: 5,
      setupHours: 1,
      laborHoursActual: 6,
      laborCostActual: 300,
      actualStart: start,
      actualEnd: start + 6 * 3_600_000,
      toolWearMinutes: (i * 37) % 241,
      processTemperature: 30 + jitter(i + 1),
      ambientTemperature: 20 + jitter(i + 4),
      spindleSpeed: 1500 + 50 * jitter(i + 2),
      torque: 40 + 3 * jitter(i + 3),
    };
    tweak(row, i);
    rows.push(row);
  }
  return rows;
}

/** Machine M0 stands 90 min per order and fails on 40 % of its orders. */
const hotMachine = (row: Row, i: number) => {
  if (row.machine !== 'M0') return;
  const failed = i % 15 < 6 ? 1 : 0;
  row.machineFailure = failed;
  row.downtimeMinutes = Math.round(90 + 20 * jitter(i)) + 120 * failed;
  if (failed) row.downtimeReason = 'Breakdown';
};

/** Orders with a worn tool (> 200 min) fail one time in three, on every machine alike. */
const wornTools = (row: Row, i: number) => {
  if ((row.toolWearMinutes as number) > 200 && Math.floor(i / 6) % 3 === 0) {
    row.machineFailure = 1;
    row.downtimeMinutes = (row.downtimeMinutes as number) + 120;
  }
};

const run = analyzerRunner(analyzeEquipment);

const find = findInsight;

test('a machine standing and failing far more than the rest: downtime and failures insights', () => {
  const result = run(plant(hotMachine));
  const downtime = find(result, 'equipment.downtime', 'M0') as Insight;
  assert.ok(downtime, result.insights.map((i) => i.title).join(' | '));
  assert.equal(downtime.key, 'equipment:downtime:machine:M0');
  assert.match(downtime.title, /^Machine M0: 1\d\d min downtime per work order vs 1\d min for the rest$/);
  assert.deepEqual(downtime.rows, { kind: 'entity', field: 'machine', value: 'M0' });
  assert.equal(downtime.rowCount, 40);
  assert.equal(downtime.evidence.statistic?.name, 't');
  assert.ok((downtime.evidence.pValue as number) < 0.001);
  // Hours valued at the labour rate the data carries (300 / 6 h = 50/h).
  assert.ok(Math.abs((downtime.impact.currency as number) - (downtime.impact.hours as number) * 50) < 1e-6);
  assert.match(downtime.impact.formula, /× 50\/h \(labour 50.00\/h/);
  assert.match(downtime.detail, /largest reason: Breakdown/);

  const failures = find(result, 'equipment.failures', 'M0') as Insight;
  assert.ok(failures);
  assert.match(failures.title, /failures on 40 % of work orders vs 4 % for the rest \(MTBF 13 h\)/);
  assert.equal(result.metrics['equipment.failures'], 16 + 8);
  assert.ok(
    result.charts.some((c) => c.id === 'equipment.downtime-by-machine' && c.points[0]?.label === 'M0'),
  );
  assert.ok(result.charts.some((c) => c.id === 'equipment.downtime-by-reason'));
  // No other machine is reported for downtime or failures.
  const machines = result.insights.filter(
    (i) => i.kind === 'equipment.downtime' || i.kind === 'equipment.failures',
  );
  assert.deepEqual([...new Set(machines.map((i) => i.entity?.id))], ['M0']);
});

test('empty frames, no machine, work centers standing in, missing fields', () => {
  assert.deepEqual(run([]).insights, []);
  // Without machines (a process log such as AI4I 2020) the conditions are still judged.
  const none = run(plant(wornTools).map(({ machine: _, ...rest }) => rest));
  assert.ok(none.notes.some((n) => n.includes('nothing per machine')));
  const ids = none.insights.map((i) => i.entity?.id);
  assert.ok(ids.includes('toolWearMinutes > 200'), ids.join(', '));
  assert.ok(none.insights.every((i) => i.entity?.type !== 'machine'));
  const nothing = run(
    plant().map((r) => ({ workOrder: r.workOrder, qtyCompleted: 1, runHours: r.runHours })),
  );
  assert.deepEqual(nothing.insights, []);
  assert.ok(nothing.notes.some((n) => n.includes('no equipment analysis')));
  const centers = run(plant(hotMachine).map(({ machine, ...rest }) => ({ ...rest, workCenter: machine })));
  assert.equal(find(centers, 'equipment.downtime', 'M0')?.entity?.type, 'workCenter');
  assert.ok(centers.notes.some((n) => n.includes('work centers stand in')));
  const bare = run(
    plant(hotMachine).map((r) => ({
      workOrder: r.workOrder,
      qtyCompleted: 1,
      machine: r.machine,
      machineFailure: r.machineFailure,
    })),
  );
  assert.ok(find(bare, 'equipment.failures', 'M0'));
  assert.ok(bare.notes.some((n) => n.includes('downtimeMinutes not mapped')));
  const holes = run(
    plant((row, i) => {
      hotMachine(row, i);
      if (i % 7 === 0) row.downtimeMinutes = null;
      if (i % 11 === 0) row.machine = null;
    }),
  );
  assert.ok(find(holes, 'equipment.downtime', 'M0'));
});

test('downtime_threshold_minutes: without a failure flag, stoppages are orders standing at least that long', () => {
  const rows = plant(hotMachine).map(({ machineFailure: _, ...rest }) => rest);
  const at60 = run(rows, { downtime_threshold_minutes: 60 });
  const at100 = run(rows, { downtime_threshold_minutes: 100 });
  assert.ok(at60.notes.some((n) => n.includes('at least 60 min')));
  const atLeast = (minutes: number) => rows.filter((r) => (r.downtimeMinutes as number) >= minutes).length;
  assert.equal(at60.metrics['equipment.failures'], atLeast(60));
  assert.equal(at100.metrics['equipment.failures'], atLeast(100));
  assert.ok(atLeast(60) > atLeast(100));
  assert.match(
    (find(at60, 'equipment.failures', 'M0') as Insight).title,
    /stoppages \(downtime ≥ 60 min\) on 100 %/,
  );
});

test('downtime_share_threshold_pct: a busy machine holding half of all downtime is reported at 25 %, not at 60 %', () => {
  // M1 runs half the orders and stands a minute longer on each: a large share, but not worse per
  // order beyond chance — reported for its share alone, and then never above low severity.
  const rows = plant((row, i) => {
    row.machineFailure = 0;
    row.downtimeMinutes = Math.round(10 + 8 * jitter(i));
    if (i % 5 < 2) row.machine = 'M1';
    if (row.machine === 'M1') row.downtimeMinutes += 1;
  });
  const at25 = find(run(rows, { downtime_share_threshold_pct: 25 }), 'equipment.downtime', 'M1') as Insight;
  assert.ok(at25);
  assert.match(at25.detail, /5\d(\.\d)? % of all downtime/);
  assert.ok((at25.evidence.pValue as number) > 0.05);
  assert.ok(at25.severity === 'low' || at25.severity === 'info');
  assert.equal(find(run(rows, { downtime_share_threshold_pct: 60 }), 'equipment.downtime', 'M1'), undefined);
});

test('mtbf_alert_hours: a 13 h MTBF is reported under a 100 h alert, not under a 10 h one', () => {
  const rows = plant(hotMachine);
  assert.ok(find(run(rows, { mtbf_alert_hours: 100 }), 'equipment.failures', 'M0'));
  assert.equal(find(run(rows, { mtbf_alert_hours: 10 }), 'equipment.failures', 'M0'), undefined);
  // The plant as a whole (1,200 run hours ÷ 24 failures = 50 h) is below a 100 h alert.
  const plantWide = find(run(rows, { mtbf_alert_hours: 100 }), 'equipment.mtbf') as Insight;
  assert.ok(plantWide);
  assert.equal(plantWide.entity?.id, 'equipment.mtbfHours');
  assert.equal(find(run(rows, { mtbf_alert_hours: 40 }), 'equipment.mtbf'), undefined);
});

test('failure_risk_threshold: more orders count as high risk at 0.25 than at 0.6', () => {
  const rows = plant(hotMachine);
  const low = run(rows, { failure_risk_threshold: 0.25 }).metrics['equipment.highRiskOrdersPct'] as number;
  const high = run(rows, { failure_risk_threshold: 0.6 }).metrics['equipment.highRiskOrdersPct'] as number;
  assert.ok(low > 10, String(low));
  assert.equal(high, 0);
  assert.match(
    (find(run(rows, { failure_risk_threshold: 0.25 }), 'equipment.failures', 'M0') as Insight).detail,
    /100 % of its orders ran at a predicted failure risk of 25 % or more/,
  );
});

test('failure_horizon_days: expected failures scale with the horizon', () => {
  const rows = plant(hotMachine);
  const at30 = run(rows, { failure_horizon_days: 30 });
  const at60 = run(rows, { failure_horizon_days: 60 });
  const e30 = at30.metrics['equipment.expectedFailures'] as number;
  assert.ok(Math.abs((at60.metrics['equipment.expectedFailures'] as number) - 2 * e30) < 1e-9);
  // 24 failures over about 120 days: 6 in 30 days.
  assert.ok(e30 > 5.5 && e30 < 6.5, String(e30));
  assert.ok(at60.charts.some((c) => c.title === 'Expected failures in the next 60 days'));
});

/** Machine M3 fails on five orders in a row in March: six failures within 15 days with a usual one. */
const cluster = (row: Row, i: number) => {
  if (row.machine === 'M3' && i >= 120 && i < 150) {
    row.machineFailure = 1;
    row.downtimeMinutes = 150;
  }
};

test('repeat_failure_count: six failures within 15 days are a cluster at 4, not at 7', () => {
  const rows = plant(cluster);
  const at4 = run(rows, { repeat_failure_count: 4 });
  assert.equal(at4.metrics['equipment.repeatFailureMachines'], 1);
  const insight =
    find(at4, 'equipment.failures', 'M3') ?? (find(at4, 'equipment.repeat-failure', 'M3') as Insight);
  assert.ok(insight);
  assert.match(insight.title + insight.detail, /6 (failures within|of them within)/);
  assert.equal(run(rows, { repeat_failure_count: 7 }).metrics['equipment.repeatFailureMachines'], 0);
});

test('repeat_failure_window_days: the six failures fall within a 30-day window, at most three in 7 days', () => {
  const rows = plant(cluster);
  assert.equal(
    run(rows, { repeat_failure_count: 5, repeat_failure_window_days: 30 }).metrics[
      'equipment.repeatFailureMachines'
    ],
    1,
  );
  assert.equal(
    run(rows, { repeat_failure_count: 5, repeat_failure_window_days: 7 }).metrics[
      'equipment.repeatFailureMachines'
    ],
    0,
  );
});

test('repeated failures on a machine otherwise normal make their own insight', () => {
  const result = run(plant(cluster), { repeat_failure_count: 4, repeat_failure_window_days: 30 });
  const repeat = find(result, 'equipment.repeat-failure', 'M3');
  const failures = find(result, 'equipment.failures', 'M3');
  assert.ok(repeat || failures);
  if (repeat) assert.equal(repeat.rows.kind, 'ids');
});

test('utilization_high_pct and utilization_low_pct: a loaded machine and idle ones', () => {
  // M5 books 61 h per order: 40 × 61 h over 120 days × 24 h ≈ 85 % of its calendar.
  const rows = plant((row) => {
    if (row.machine === 'M5') row.runHours = 60;
  });
  const at80 = run(rows, { utilization_high_pct: 80 });
  const loaded = find(at80, 'equipment.utilization-high', 'M5') as Insight;
  assert.ok(loaded, at80.insights.map((i) => i.title).join(' | '));
  assert.match(loaded.title, /utilisation 8\d(\.\d)? % is above the 80 % ceiling/);
  assert.ok((loaded.impact.hours as number) > 0);
  assert.equal(find(run(rows, { utilization_high_pct: 95 }), 'equipment.utilization-high', 'M5'), undefined);
  // The other five book 6 h per order: about 8 % each.
  const idle = run(rows, { utilization_low_pct: 10 });
  assert.equal(idle.metrics['equipment.underusedMachines'], 5);
  const summary = find(idle, 'equipment.utilization-low') as Insight;
  assert.match(summary.title, /^5 of 6 machines run below the 10 % utilisation floor$/);
  assert.equal(summary.impact.score, 0);
  assert.equal(run(rows, { utilization_low_pct: 5 }).metrics['equipment.underusedMachines'], 0);
});

test('failure drivers: failures three times as frequent with worn tools are found at the round threshold', () => {
  const result = run(plant(wornTools));
  const driver = find(result, 'equipment.failure-driver', 'toolWearMinutes > 200') as Insight;
  assert.ok(driver, result.insights.map((i) => i.title).join(' | '));
  assert.equal(driver.entity?.type, 'condition');
  assert.deepEqual(driver.rows, { kind: 'condition', where: { field: 'toolWearMinutes', above: 200 } });
  assert.match(driver.title, /^Failures are \d+(\.\d)? × as frequent when toolWearMinutes > 200 min$/);
  assert.match(driver.recommendation, /before 200 min of wear/);
  assert.equal(
    result.insights.filter((i) => i.kind === 'equipment.failure-driver').length,
    1,
    'no condition on the readings that carry no signal',
  );
  assert.deepEqual(niceStep(240), { step: 10, digits: 0 });
  assert.deepEqual(niceStep(2), { step: 0.05, digits: 2 });
  assert.deepEqual(niceStep(100), { step: 2.5, digits: 1 });
});

test('a baseline is named beside the plant MTBF', () => {
  const baseline = { 'equipment.mtbfHours': { metric: 'equipment.mtbfHours', value: 120, analyses: 3 } };
  const insight = find(run(plant(hotMachine), {}, baseline), 'equipment.mtbf') as Insight;
  assert.equal(insight.evidence.baseline, 120);
  assert.match(insight.title, /120 h in earlier analyses/);
});

test('too few failures for a model: the machine × condition table gives the risk, and says so', () => {
  const result = run(plant(hotMachine));
  assert.ok(result.notes.some((n) => n.includes('fewer than 30 to train')));
  assert.equal(result.metrics['equipment.failureModelRocAuc'], undefined);
  assert.ok(result.notes.some((n) => n.startsWith('failure risk from the failure share of its machine')));
});

test('with enough failures a model learns from the upload: figures, drivers, risk per machine', async () => {
  const { frame, truth } = await demoFrame({ erp: 'generic', seed: 11, rows: 1500 });
  const machine = truth.patterns.find((p) => p.kind === 'equipment.failures')?.entity?.value;
  const at25 = analyzeEquipment({
    frame,
    config: configValues({ failure_risk_threshold: 0.25 }),
    baselines: {},
  });
  const at60 = analyzeEquipment({
    frame,
    config: configValues({ failure_risk_threshold: 0.6 }),
    baselines: {},
  });
  assert.ok((at25.metrics['equipment.failureModelRocAuc'] as number) > 0.8);
  assert.ok((at25.metrics['equipment.failureModelF1'] as number) > 0.3);
  assert.ok(at25.charts.some((c) => c.id === 'equipment.failure-risk-drivers' && c.points.length > 2));
  // failure_risk_threshold with the model's scores: fewer orders reach 60 % than 25 %.
  assert.ok(
    (at25.metrics['equipment.highRiskOrdersPct'] as number) >
      (at60.metrics['equipment.highRiskOrdersPct'] as number),
  );
  const failures = find(at25, 'equipment.failures', machine) as Insight;
  assert.match(
    failures.detail,
    /gradient-boosted trees trained on 1,500 of these orders, 5-fold cross-validated ROC-AUC 0\.\d+/,
  );
  assert.match(failures.detail, /Its riskiest order, WO-\d+ \(\d+ %\), is driven by /);
  assert.match(
    (find(at25, 'equipment.failure-driver', 'toolWearMinutes > 200') as Insight).detail,
    /The failure-risk model gives these orders/,
  );
});

for (const erp of ['sap', 'sap-de', 'oracle', 'odoo', 'generic'] as const)
  for (const seed of [11, 12]) {
    test(`demo ${erp} seed ${seed}: the planted machine and the tool-wear condition are found`, async () => {
      const { frame, truth } = await demoFrame({ erp, seed, rows: 1500 });
      const result = analyzeEquipment({ frame, config: configValues(), baselines: {} });
      const top = result.insights.slice(0, 6);
      const titles = top.map((i) => i.title).join(' | ');
      for (const p of truth.patterns.filter((x) => x.kind.startsWith('equipment.'))) {
        const hit = p.entity
          ? top.find((i) => i.kind === p.kind && i.entity?.id === p.entity?.value)
          : top.find((i) => i.kind === p.kind && i.entity?.id === `${p.where?.field} > ${p.where?.above}`);
        assert.ok(hit, `${p.kind} ${p.entity?.value ?? p.where?.field} not in ${titles}`);
      }
      const serious = result.insights.filter((i) => i.severity === 'high' || i.severity === 'critical');
      assert.ok(serious.length <= 2, serious.map((i) => i.title).join(' | '));
    });
  }
