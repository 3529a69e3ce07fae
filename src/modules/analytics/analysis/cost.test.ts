import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configValues } from './config.ts';
import { analyzeCost } from './cost.ts';
import { analyzerRunner, demoFrame, findInsight, jitter } from './testing.ts';
import type { AnalyzerResult, Insight } from './types.ts';

type Row = Record<string, string | number | null | undefined>;

/** A deterministic jitter in [−1, 1]. */

/**
 * 240 work orders of 100 pieces: parts P0–P3 (P0, P1 finish at W1; P2, P3 at W2), suppliers S0–S2,
 * costs within a few percent of plan (material 1000, labour 500 = 10 h × 50, overhead 300).
 */
function plant(tweak: (row: Row, i: number) => void = () => {}, n = 240): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const part = i % 4;
    const row: Row = {
      workOrder: `WO-${1000 + i}`,
      partNumber: `P${part}`,
      workCenter: part < 2 ? 'W1' : 'W2',
      supplier: `S${Math.floor(i / 4) % 3}`,
      qtyPlanned: 100,
      qtyCompleted: 98,
      qtyScrap: 2,
      materialCostPlanned: 1000,
      materialCostActual: 1000 * (1 + 0.03 * jitter(i)),
      laborCostPlanned: 500,
      laborCostActual: 500 * (1 + 0.04 * jitter(i + 5)),
      overheadCostPlanned: 300,
      overheadCostActual: 300 * (1 + 0.04 * jitter(i + 2)),
      laborHoursPlanned: 10,
      laborHoursActual: 10 * (1 + 0.04 * jitter(i + 5)),
    };
    tweak(row, i);
    rows.push(row);
  }
  return rows;
}

const run = analyzerRunner(analyzeCost);

const find = findInsight;

/** Part P2 uses a quarter more material than planned. */
const materialOverrun = (row: Row) => {
  if (row.partNumber === 'P2') row.materialCostActual = (row.materialCostActual as number) * 1.25;
};

test('a part using 25 % more material than planned is reported with its money, evidence and rows', () => {
  const result = run(plant(materialOverrun));
  const insight = find(result, 'cost.material-variance', 'P2') as Insight;
  assert.ok(insight, JSON.stringify(result.insights.map((i) => i.title)));
  assert.equal(insight.key, 'cost:material-variance:part:P2');
  assert.equal(insight.analyzer, 'cost');
  assert.match(insight.title, /^Part P2: material cost 2\d(\.\d)? % over plan vs 0(\.\d)? % for the rest$/);
  assert.deepEqual(insight.rows, { kind: 'entity', field: 'partNumber', value: 'P2' });
  assert.equal(insight.rowCount, 60);
  assert.equal(insight.evidence.sampleSize, 60);
  assert.ok(insight.evidence.pValue !== null && insight.evidence.pValue < 0.001);
  assert.equal(insight.evidence.statistic?.name, 't');
  // Impact: Σ actual − Σ planned material of P2's 60 orders, exactly.
  const p2 = plant(materialOverrun).filter((r) => r.partNumber === 'P2');
  const over = p2.reduce(
    (s, r) => s + (r.materialCostActual as number) - (r.materialCostPlanned as number),
    0,
  );
  assert.ok(Math.abs((insight.impact.currency as number) - over) < 1e-6);
  assert.equal(insight.impact.score, insight.impact.currency);
  assert.match(insight.impact.formula, /actual − .* planned = /);
  assert.match(insight.recommendation, /bill of materials/);
  // Nothing else: no other part, work center or supplier is over plan.
  assert.deepEqual(
    result.insights.filter((i) => i.kind !== 'cost.outlier-orders').map((i) => i.key),
    ['cost:material-variance:part:P2'],
  );
  assert.ok(Math.abs((result.metrics['cost.materialVariancePct'] as number) - 6.25) < 0.5);
});

test('a work center running over plan is reported once, not again on each of its parts', () => {
  const slow = (row: Row) => {
    if (row.workCenter !== 'W2') return;
    row.laborCostActual = (row.laborCostActual as number) * 1.4;
    row.overheadCostActual = (row.overheadCostActual as number) * 1.3;
  };
  const result = run(plant(slow));
  const insight = find(result, 'cost.labor-variance', 'W2') as Insight;
  assert.ok(insight, JSON.stringify(result.insights.map((i) => i.key)));
  // Labour and overhead of one work center are one finding: the larger leads, the impact is the sum.
  assert.match(insight.title, /^Work center W2: labour cost .* \(also overhead cost\)$/);
  assert.match(insight.detail, /Also over plan: overhead cost 3\d(\.\d)? % over plan/);
  assert.match(insight.impact.formula, /^labour cost .* \+ overhead cost .* over plan = /);
  assert.equal(result.insights.filter((i) => i.entity?.id === 'W2').length, 1);
  // Parts P2 and P3 finish at W2: judged against their work-center peers, neither stands out.
  assert.ok(
    !result.insights.some((i) => i.entity?.type === 'part'),
    JSON.stringify(result.insights.map((i) => i.key)),
  );
});

test('labour is valued at default_labor_rate when only hours are mapped, and the notes say so', () => {
  const rows = plant((row) => {
    row.laborCostActual = undefined;
    row.laborCostPlanned = undefined;
    if (row.supplier === 'S1') row.laborHoursActual = (row.laborHoursActual as number) * 1.5;
  });
  const result = run(rows);
  assert.ok(
    result.notes.some((n) =>
      /labour cost not mapped: valued labour hours at default_labor_rate \(45\/h\)/.test(n),
    ),
  );
  const insight = find(result, 'cost.labor-variance', 'S1') as Insight;
  assert.ok(insight, JSON.stringify(result.insights.map((i) => i.key)));
  assert.match(insight.detail, /labour hours × default_labor_rate 45\/h/);
});

test('the facility is compared with its baseline: a variance that worsened beyond the threshold is a finding', () => {
  const rows = plant((row) => {
    row.materialCostActual = (row.materialCostActual as number) * 1.12;
  });
  const withoutBaseline = run(rows);
  const facility = find(withoutBaseline, 'cost.material-variance') as Insight;
  assert.equal(facility.key, 'cost:material-variance:facility:all');
  assert.deepEqual(facility.rows, { kind: 'all' });
  const baseline = {
    'cost.materialVariancePct': { metric: 'cost.materialVariancePct', value: 0.5, analyses: 3 },
  };
  const worse = find(run(rows, {}, baseline), 'cost.material-variance') as Insight;
  assert.equal(worse.key, 'cost:material-variance:metric:cost.materialVariancePct');
  assert.match(worse.title, /up from 0\.5 % in earlier analyses/);
  assert.equal(worse.evidence.baseline, 0.5);
  // A baseline that was already as bad: no deterioration, the plain facility finding remains.
  const same = { 'cost.materialVariancePct': { metric: 'cost.materialVariancePct', value: 11, analyses: 3 } };
  assert.equal(
    find(run(rows, {}, same), 'cost.material-variance')?.key,
    'cost:material-variance:facility:all',
  );
});

test('outlier work orders are named by robust z of cost per piece made within their part', () => {
  const rows = plant((row, i) => {
    if (i === 17 || i === 101) row.materialCostActual = 2500;
  });
  const result = run(rows);
  const insight = find(result, 'cost.outlier-orders') as Insight;
  assert.ok(insight);
  assert.deepEqual(insight.rows, { kind: 'ids', ids: [18, 102] });
  assert.equal(insight.rowCount, 2);
  assert.match(insight.title, /^2 work orders cost far more per piece made than their part's norm/);
  assert.match(insight.detail, /WO-1017|WO-1101/);
  assert.equal(result.metrics['cost.outlierOrders'], 2);
});

test('empty frames, frames without costs and NaN cells do not throw and say what is missing', () => {
  const empty = run([]);
  assert.deepEqual(empty.insights, []);
  assert.match(empty.notes.join(' '), /no work orders/);
  const bare = run([
    { partNumber: 'P1', qtyPlanned: 10 },
    { partNumber: 'P2', qtyPlanned: 12 },
  ]);
  assert.deepEqual(bare.insights, []);
  assert.match(bare.notes.join(' '), /no planned and actual cost pair/);
  const holes = run(
    plant((row, i) => {
      if (i % 5 === 0) row.materialCostActual = null;
      if (i % 7 === 0) row.partNumber = null;
    }),
  );
  assert.ok(Number.isFinite(holes.metrics['cost.materialVariancePct']));
  const noParts = run(
    plant((row) => {
      row.partNumber = undefined;
      row.supplier = undefined;
    }),
  );
  assert.match(noParts.notes.join(' '), /partNumber not mapped: no cost variance per part/);
});

test('the result is deterministic', () => {
  assert.deepEqual(run(plant(materialOverrun)), run(plant(materialOverrun)));
});

test('demo exports: the planted material overrun is found on the right part, near the top, without false alarms', async () => {
  for (const erp of ['sap', 'oracle', 'odoo', 'generic'] as const) {
    for (const seed of [1, 2]) {
      const { frame, truth } = await demoFrame({ erp, seed, rows: 1500 });
      const result = analyzeCost({ frame, config: configValues(), baselines: {} });
      const planted = truth.patterns.find((p) => p.kind === 'cost.material-variance');
      const rank = result.insights.findIndex(
        (i) => i.kind === 'cost.material-variance' && i.entity?.id === planted?.entity?.value,
      );
      assert.ok(rank >= 0 && rank < 3, `${erp}/${seed}: ${result.insights.map((i) => i.key).join(', ')}`);
      const plantedIds = new Set(truth.patterns.map((p) => p.entity?.value));
      const alarms = result.insights.filter(
        (i) => (i.severity === 'high' || i.severity === 'critical') && !plantedIds.has(i.entity?.id),
      );
      assert.deepEqual(
        alarms.map((i) => i.key),
        [],
        `${erp}/${seed}`,
      );
    }
  }
});

// Each variable changes the result: the same frame under two values of it.

const keys = (result: AnalyzerResult) => result.insights.map((i) => i.key);

test('material_variance_threshold_pct: a 25 % overrun is reported at 10 %, not at 30 %', () => {
  const rows = plant(materialOverrun);
  assert.ok(find(run(rows, { material_variance_threshold_pct: 10 }), 'cost.material-variance', 'P2'));
  assert.equal(
    find(run(rows, { material_variance_threshold_pct: 30 }), 'cost.material-variance', 'P2'),
    undefined,
  );
});

test('labor_variance_threshold_pct: a 20 % labour overrun is reported at 15 %, not at 25 %', () => {
  const rows = plant((row) => {
    if (row.supplier === 'S2') row.laborCostActual = (row.laborCostActual as number) * 1.2;
  });
  assert.ok(find(run(rows, { labor_variance_threshold_pct: 15 }), 'cost.labor-variance', 'S2'));
  assert.equal(find(run(rows, { labor_variance_threshold_pct: 25 }), 'cost.labor-variance', 'S2'), undefined);
});

test('overhead_variance_threshold_pct: a 20 % overhead overrun is reported at 15 %, not at 25 %', () => {
  const rows = plant((row) => {
    if (row.supplier === 'S0') row.overheadCostActual = (row.overheadCostActual as number) * 1.2;
  });
  assert.ok(find(run(rows, { overhead_variance_threshold_pct: 15 }), 'cost.overhead-variance', 'S0'));
  assert.equal(
    find(run(rows, { overhead_variance_threshold_pct: 25 }), 'cost.overhead-variance', 'S0'),
    undefined,
  );
});

test('cost_variance_threshold_pct: with only total costs mapped, a 20 % overrun is reported at 10 %, not at 30 %', () => {
  const rows = plant((row) => {
    row.standardCostTotal = 1800;
    row.actualCostTotal =
      1800 *
      (1 + 0.03 * jitter(Number(String(row.workOrder).slice(3)))) *
      (row.partNumber === 'P1' ? 1.2 : 1);
    for (const k of ['material', 'labor', 'overhead']) {
      row[`${k}CostPlanned`] = undefined;
      row[`${k}CostActual`] = undefined;
    }
    row.laborHoursActual = undefined;
  });
  assert.ok(find(run(rows, { cost_variance_threshold_pct: 10 }), 'cost.total-variance', 'P1'));
  assert.equal(find(run(rows, { cost_variance_threshold_pct: 30 }), 'cost.total-variance', 'P1'), undefined);
});

test("cost_outlier_z: an order 800 over its part's usual cost (z ≈ 5) is an outlier at z 3, not at z 20", () => {
  const rows = plant((row, i) => {
    row.materialCostActual = 1000 * (1 + 0.2 * jitter(i)) + (i === 42 ? 800 : 0);
  });
  assert.equal(run(rows, { cost_outlier_z: 3 }).metrics['cost.outlierOrders'], 1);
  assert.equal(run(rows, { cost_outlier_z: 20 }).metrics['cost.outlierOrders'], 0);
  assert.equal(find(run(rows, { cost_outlier_z: 20 }), 'cost.outlier-orders'), undefined);
});

test('min_cost_impact: findings worth less than it are left out, and the notes count them', () => {
  const rows = plant(materialOverrun);
  assert.ok(find(run(rows, { min_cost_impact: 1000 }), 'cost.material-variance', 'P2'));
  const high = run(rows, { min_cost_impact: 1_000_000 });
  assert.deepEqual(high.insights, []);
  assert.match(high.notes.join(' '), /findings below min_cost_impact \(1000000\) left out/);
});

test('default_labor_rate: labour hours over plan are worth twice as much at 90/h as at 45/h', () => {
  const rows = plant((row) => {
    row.laborCostActual = undefined;
    row.laborCostPlanned = undefined;
    if (row.supplier === 'S1') row.laborHoursActual = (row.laborHoursActual as number) * 1.5;
  });
  const at45 = find(run(rows, { default_labor_rate: 45 }), 'cost.labor-variance', 'S1') as Insight;
  const at90 = find(run(rows, { default_labor_rate: 90 }), 'cost.labor-variance', 'S1') as Insight;
  assert.ok(Math.abs((at90.impact.currency as number) - 2 * (at45.impact.currency as number)) < 1e-6);
});

test('include_scrap_cost: scrap is valued (metrics, Paretos, and a finding when it is a large share) only when on', () => {
  const rows = plant((row) => {
    row.qtyScrap = 15;
    row.qtyCompleted = 85;
  });
  const on = run(rows, { include_scrap_cost: true });
  const off = run(rows, { include_scrap_cost: false });
  // 15 of 100 pieces scrapped: 15 % of actual cost, beyond the 10 % threshold.
  assert.ok(Math.abs((on.metrics['cost.scrapCostPct'] as number) - 15) < 1e-6);
  assert.ok(on.charts.some((c) => c.id === 'cost-scrap-by-supplier'));
  assert.equal(find(on, 'cost.scrap-cost')?.key, 'cost:scrap-cost:facility:all');
  assert.equal(off.metrics['cost.scrapCost'], undefined);
  assert.equal(find(off, 'cost.scrap-cost'), undefined);
  assert.match(off.notes.join(' '), /include_scrap_cost is off/);
});

test('top_cost_drivers: the Pareto names as many parts as asked, and the share they carry follows', () => {
  const rows = plant((row, i) => {
    row.materialCostActual = 1000 * (1 + 0.02 * (i % 4)) + 5 * jitter(i);
  });
  const one = run(rows, { top_cost_drivers: 1 });
  const three = run(rows, { top_cost_drivers: 3 });
  const parts = (r: AnalyzerResult) => r.charts.find((c) => c.id === 'cost-drivers-part')?.points ?? [];
  assert.deepEqual(
    parts(one).map((p) => p.label),
    ['P3'],
  );
  assert.deepEqual(
    parts(three).map((p) => p.label),
    ['P3', 'P2', 'P1'],
  );
  assert.ok(
    (one.metrics['cost.topDriversSharePct'] as number) < (three.metrics['cost.topDriversSharePct'] as number),
  );
});

test('min_sample_size: a supplier with 8 orders is judged at 5, left out at 20', () => {
  const rows = plant((row, i) => {
    if (i < 8) {
      row.supplier = 'S9';
      row.materialCostActual = (row.materialCostActual as number) * 1.5;
    }
  });
  assert.ok(find(run(rows, { min_sample_size: 5 }), 'cost.material-variance', 'S9'));
  assert.equal(find(run(rows, { min_sample_size: 20 }), 'cost.material-variance', 'S9'), undefined);
});

test('confidence_level: a noisy 20 % overrun (adjusted p ≈ 0.05) passes at 0.9, not at 0.99', () => {
  const rows = plant((row, i) => {
    row.materialCostActual = 1000 * (1 + 0.5 * jitter(i * 3 + 1)) * (row.partNumber === 'P2' ? 1.2 : 1);
  });
  const loose = find(run(rows, { confidence_level: 0.9 }), 'cost.material-variance', 'P2') as Insight;
  assert.ok(loose);
  assert.ok((loose.evidence.pValue as number) > 0.01 && (loose.evidence.pValue as number) < 0.1);
  assert.deepEqual(
    keys(run(rows, { confidence_level: 0.99 })).filter((k) => k.includes(':part:')),
    [],
  );
});
