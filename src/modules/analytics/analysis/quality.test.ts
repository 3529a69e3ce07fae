import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configValues } from './config.ts';
import { analyzeQuality } from './quality.ts';
import { analyzerRunner, demoFrame, findInsight, jitter } from './testing.ts';
import type { Insight } from './types.ts';

type Row = Record<string, string | number | null | undefined>;

/** A small deterministic jitter in [−1, 1] (so rates vary a little from order to order). */

/**
 * 240 orders of 100 pieces: 6 suppliers, 8 parts, 6 operators, 2 shifts, 4 machines; scrap about
 * 2.5 %, rework about 1 %, defects = scrap + rework. `tweak` changes an order before it is written.
 */
function plant(tweak: (row: Row, i: number) => void = () => {}, n = 240): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const scrap = Math.round(2.5 + 1.4 * jitter(i));
    const rework = Math.round(1 + jitter(i + 3));
    const row: Row = {
      workOrder: `WO-${1000 + i}`,
      // Crossed, so that no two entities share their orders.
      partNumber: `P${Math.floor(i / 7) % 8}`,
      supplier: `S${i % 6}`,
      operator: `O${Math.floor(i / 6) % 6}`,
      shift: Math.floor(i / 12) % 2 ? 'Day' : 'Night',
      machine: `M${Math.floor(i / 5) % 4}`,
      materialLot: `L${i}`,
      qtyPlanned: 100,
      qtyScrap: scrap,
      qtyRework: rework,
      qtyCompleted: 100 - scrap,
      defectCount: scrap + rework,
      actualStart: Date.UTC(2024, 0, 1) + i * 86_400_000,
      actualCostTotal: 2000,
    };
    tweak(row, i);
    rows.push(row);
  }
  return rows;
}

const run = analyzerRunner(analyzeQuality);

const find = findInsight;

/** Supplier S0 scraps about 10 % of its pieces. */
const badSupplier = (row: Row, i: number) => {
  if (row.supplier !== 'S0') return;
  row.qtyScrap = Math.round(10 + 2 * jitter(i));
  row.qtyCompleted = 100 - (row.qtyScrap as number);
  row.defectCount = (row.qtyScrap as number) + (row.qtyRework as number);
};

test('a supplier scrapping four times the rest is reported with its figures, impact and rows', () => {
  const result = run(plant(badSupplier));
  const insight = find(result, 'quality.scrap-rate', 'S0') as Insight;
  assert.ok(insight, JSON.stringify(result.insights.map((i) => i.title)));
  assert.equal(insight.key, 'quality:scrap-rate:supplier:S0');
  assert.match(insight.title, /^Supplier S0: scrap rate 1\d(\.\d)? % vs 2(\.\d)? % for the rest$/);
  assert.deepEqual(insight.rows, { kind: 'entity', field: 'supplier', value: 'S0' });
  assert.equal(insight.rowCount, 40);
  assert.equal(insight.evidence.sampleSize, 40);
  assert.ok(insight.evidence.pValue !== null && insight.evidence.pValue < 0.001);
  assert.equal(insight.evidence.expected, 5);
  // Impact: extra scrapped pieces at the supplier's actual cost per piece (2000 / 100 = 20).
  const units = insight.impact.units as number;
  assert.ok(Math.abs((insight.impact.currency as number) - units * 20) < 1e-6);
  assert.match(insight.impact.formula, /extra scrapped pieces × 20 actual cost per piece/);
  assert.equal(insight.impact.score, insight.impact.currency);
  assert.notEqual(insight.severity, 'info');
  // Nobody else is reported: the other entities are not worse than the rest.
  assert.deepEqual(
    result.insights.filter((i) => i.kind !== 'quality.spc-signal').map((i) => i.entity?.id),
    ['S0'],
  );
  const scrapRate = result.metrics['quality.scrapRatePct'] as number;
  assert.ok(scrapRate > 2 && scrapRate < 5);
});

test('a part made only from the bad supplier is explained by it, not reported twice', () => {
  const rows = plant((row, i) => {
    if (row.supplier === 'S0') row.partNumber = i % 4 === 0 ? 'PY' : 'PX';
    else if (row.partNumber === 'PX' || row.partNumber === 'PY') row.partNumber = 'P0';
    badSupplier(row, i);
  });
  const result = run(rows);
  assert.ok(find(result, 'quality.scrap-rate', 'S0'));
  assert.equal(find(result, 'quality.scrap-rate', 'PX'), undefined);
  assert.match((find(result, 'quality.scrap-rate', 'S0') as Insight).detail, /part PX/);
});

test('empty frames, missing fields and empty cells', () => {
  const empty = run([]);
  assert.deepEqual(empty.insights, []);
  assert.ok(empty.notes.length > 0);
  const bare = run(
    plant(badSupplier).map((r) => ({
      qtyCompleted: r.qtyCompleted,
      qtyScrap: r.qtyScrap,
      workOrder: r.workOrder,
    })),
  );
  assert.ok(bare.notes.some((n) => n.includes('qtyRework not mapped')));
  assert.ok(bare.notes.some((n) => n.includes('supplier')));
  assert.ok(Number.isFinite(bare.metrics['quality.scrapRatePct']));
  assert.ok(bare.notes.some((n) => n.includes('one point per work order')));
  const holes = run(
    plant((row, i) => {
      badSupplier(row, i);
      if (i % 5 === 0) row.qtyScrap = null;
      if (i % 7 === 0) row.supplier = null;
    }),
  );
  assert.ok(find(holes, 'quality.scrap-rate', 'S0'));
  const nothing = run(plant().map((r) => ({ workOrder: r.workOrder, qtyCompleted: r.qtyCompleted })));
  assert.deepEqual(nothing.insights, []);
  assert.ok(nothing.notes.some((n) => n.includes('qtyScrap not mapped')));
});

test('scrap_rate_threshold_pct: the same supplier is reported at 5 %, not at 12 %', () => {
  const rows = plant(badSupplier);
  assert.ok(find(run(rows, { scrap_rate_threshold_pct: 5 }), 'quality.scrap-rate', 'S0'));
  assert.equal(find(run(rows, { scrap_rate_threshold_pct: 12 }), 'quality.scrap-rate', 'S0'), undefined);
  // The plant's own rate (about 3.7 %) is reported once the threshold is below it.
  assert.ok(find(run(rows, { scrap_rate_threshold_pct: 2 }), 'quality.scrap-rate', 'quality.scrapRatePct'));
  assert.equal(
    find(run(rows, { scrap_rate_threshold_pct: 5 }), 'quality.scrap-rate', 'quality.scrapRatePct'),
    undefined,
  );
});

test('rework_rate_threshold_pct: an operator reworking 8 % is reported at 5 %, not at 10 %', () => {
  const rows = plant((row, i) => {
    delete row.defectCount;
    if (row.operator === 'O1') row.qtyRework = Math.round(8 + jitter(i));
  });
  const at5 = find(run(rows, { rework_rate_threshold_pct: 5 }), 'quality.rework-rate', 'O1') as Insight;
  assert.ok(at5);
  assert.match(at5.title, /^Operator O1: rework rate/);
  assert.equal(find(run(rows, { rework_rate_threshold_pct: 10 }), 'quality.rework-rate', 'O1'), undefined);
});

test('defect_rate_threshold_pct: an operator with twice the defects is reported at 3 %, not at 15 %', () => {
  const rows = plant((row, i) => {
    if (row.operator === 'O2') row.defectCount = (row.defectCount as number) + Math.round(5 + jitter(i));
  });
  const at3 = find(run(rows, { defect_rate_threshold_pct: 3 }), 'quality.defect-rate', 'O2') as Insight;
  assert.ok(at3);
  assert.match(at3.title, /^Operator O2: defects per piece/);
  assert.equal(at3.impact.currency, null);
  assert.ok((at3.impact.units as number) > 0);
  assert.equal(find(run(rows, { defect_rate_threshold_pct: 15 }), 'quality.defect-rate', 'O2'), undefined);
});

test('supplier_defect_threshold_pct: material failing as defects (not scrap) makes a supplier-quality finding', () => {
  const rows = plant((row, i) => {
    if (row.supplier === 'S3') row.defectCount = (row.defectCount as number) + Math.round(6 + jitter(i));
  });
  const at3 = find(
    run(rows, { supplier_defect_threshold_pct: 3 }),
    'quality.supplier-quality',
    'S3',
  ) as Insight;
  assert.ok(at3);
  assert.match(at3.detail, /defects per piece is also high/);
  const at20 = run(rows, { supplier_defect_threshold_pct: 20 });
  assert.equal(find(at20, 'quality.supplier-quality', 'S3'), undefined);
  assert.ok(find(at20, 'quality.defect-rate', 'S3'));
});

test('first_pass_yield_target_pct: a 96 % first-pass yield misses a 98 % target, not a 95 % one', () => {
  const rows = plant();
  const fpy = run(rows).metrics['quality.firstPassYieldPct'] as number;
  assert.ok(fpy > 95.5 && fpy < 97, String(fpy));
  const missed = find(run(rows, { first_pass_yield_target_pct: 98 }), 'quality.first-pass-yield') as Insight;
  assert.ok(missed);
  assert.match(missed.title, /first-pass yield 9\d(\.\d)? % is below the 98 % target/);
  assert.equal(find(run(rows, { first_pass_yield_target_pct: 95 }), 'quality.first-pass-yield'), undefined);
});

/** 60 lots of 100 pieces in time order, scrap alternating 2 and 3; `lots` overrides some. */
function lots(special: Record<number, { scrap: number; pieces?: number }>): Row[] {
  return Array.from({ length: 60 }, (_, i) => {
    const s = special[i];
    const pieces = s?.pieces ?? 100;
    const scrap = s?.scrap ?? 2 + (i % 2);
    return {
      workOrder: `WO-${i}`,
      materialLot: `LOT-${i}`,
      qtyScrap: scrap,
      qtyCompleted: pieces - scrap,
      actualStart: Date.UTC(2024, 0, 1) + i * 86_400_000,
    };
  });
}

test('spc_sigma: a lot at z ≈ 3.4 is beyond 3σ limits but not beyond 3.5σ', () => {
  const rows = lots({ 30: { scrap: 8 } });
  const at3 = run(rows, { spc_sigma: 3 });
  assert.equal(at3.metrics['quality.spcBeyondLimit'], 1);
  const insight = find(at3, 'quality.spc-signal') as Insight;
  assert.equal(insight.entity?.type, 'materialLot');
  assert.equal(insight.entity?.id, 'LOT-30');
  assert.deepEqual(insight.rows, { kind: 'ids', ids: [31] });
  assert.equal(run(rows, { spc_sigma: 3.5 }).metrics['quality.spcBeyondLimit'], 0);
  assert.equal(find(run(rows, { spc_sigma: 3.5 }), 'quality.spc-signal'), undefined);
});

test('spc_rules: a run of slightly high lots signals by Western Electric and Nelson, not by rule 1 alone', () => {
  const run10: Record<number, { scrap: number }> = {};
  for (let i = 45; i < 55; i++) run10[i] = { scrap: 5 };
  const rows = lots(run10);
  const we1 = run(rows, { spc_rules: 'we1' });
  assert.equal(we1.metrics['quality.spcSignals'], 0);
  const we = run(rows, { spc_rules: 'western-electric' });
  assert.ok((we.metrics['quality.spcSignals'] as number) > 0);
  assert.match((find(we, 'quality.spc-signal') as Insight).detail, /we4|we3/);
  const nelson = run(rows, { spc_rules: 'nelson' });
  assert.match((find(nelson, 'quality.spc-signal') as Insight).detail, /n2|n6/);
});

test('min_lot_size: a 6-piece lot with 3 scrapped is charted at 5, left out at 10', () => {
  const rows = lots({ 20: { scrap: 3, pieces: 6 } });
  const at5 = run(rows, { min_lot_size: 5 });
  assert.equal(at5.metrics['quality.spcPointsCharted'], 60);
  assert.equal(at5.metrics['quality.spcBeyondLimit'], 1);
  const at10 = run(rows, { min_lot_size: 10 });
  assert.equal(at10.metrics['quality.spcPointsCharted'], 59);
  assert.equal(at10.metrics['quality.spcBeyondLimit'], 0);
});

test('without lots the p-chart has one point per work order', () => {
  const rows = lots({ 30: { scrap: 9 } }).map(({ materialLot: _, ...rest }) => rest);
  const insight = find(run(rows), 'quality.spc-signal') as Insight;
  assert.equal(insight.entity?.type, 'workOrder');
  assert.equal(insight.entity?.id, 'WO-30');
});

test('baselines: the plant defect rate is reported once it is worse than the facility baseline', () => {
  const rows = plant();
  // About 3.5 defects per 100 pieces, above the 3 % threshold.
  assert.equal(find(run(rows), 'quality.defect-rate', 'quality.defectRatePct'), undefined);
  const baseline = (value: number) => ({
    'quality.defectRatePct': { metric: 'quality.defectRatePct', value, analyses: 2 },
  });
  const worse = find(run(rows, {}, baseline(2)), 'quality.defect-rate', 'quality.defectRatePct') as Insight;
  assert.ok(worse);
  assert.equal(worse.evidence.baseline, 2);
  assert.match(worse.title, /worse than 2 % before/);
  assert.equal(find(run(rows, {}, baseline(4)), 'quality.defect-rate', 'quality.defectRatePct'), undefined);
});

test('charts stay within 20 points and name what they show', () => {
  const result = run(plant(badSupplier));
  const ids = result.charts.map((c) => c.id);
  for (const id of [
    'quality.scrap-by-supplier',
    'quality.scrap-pareto-part',
    'quality.defects-by-operator',
    'quality.scrap-p-chart',
  ])
    assert.ok(ids.includes(id), id);
  for (const chart of result.charts) assert.ok(chart.points.length <= 20);
  const bySupplier = result.charts.find((c) => c.id === 'quality.scrap-by-supplier');
  assert.equal(bySupplier?.points[0]?.label, 'S0');
});

const PLANTED_QUALITY = ['quality.scrap-rate', 'quality.defect-rate'];

for (const erp of ['sap', 'sap-de', 'oracle', 'odoo', 'generic'] as const)
  for (const seed of [11, 12]) {
    test(`demo ${erp} seed ${seed}: the planted supplier and operator are found, few false alarms`, async () => {
      const { frame, truth } = await demoFrame({ erp, seed, rows: 1500 });
      const result = analyzeQuality({ frame, config: configValues(), baselines: {} });
      const planted = truth.patterns.filter((p) => PLANTED_QUALITY.includes(p.kind));
      const top = result.insights.slice(0, 4);
      for (const p of planted) {
        const hit = top.find((i) => i.kind === p.kind && i.entity?.id === p.entity?.value);
        assert.ok(hit, `${p.kind} ${p.entity?.value} not in ${top.map((i) => i.title).join(' | ')}`);
      }
      const plantedIds = new Set(truth.patterns.map((p) => p.entity?.value));
      const falseAlarms = result.insights.filter(
        (i) => (i.severity === 'high' || i.severity === 'critical') && !plantedIds.has(i.entity?.id),
      );
      assert.ok(falseAlarms.length <= 1, falseAlarms.map((i) => i.title).join(' | '));
    });
  }
