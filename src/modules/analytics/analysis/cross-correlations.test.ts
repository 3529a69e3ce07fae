import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ConfigValue, configValues } from './config.ts';
import { correlationInsights, isTrivialPair, TRIVIAL_PAIRS } from './cross-correlations.ts';
import { frameFromRecords } from './frame.ts';
import { seededRandom } from './model/random.ts';
import { spearman } from './stats.ts';
import { demoFrame } from './testing.ts';
import { type AnalyzerContext, type Insight, SEVERITIES, type WorkOrderFrame } from './types.ts';

type Row = Record<string, number | string>;

/** Work orders whose downtime grows with tool wear, plus `noise` minutes of scatter. */
function wearAndDowntime(
  n: number,
  noise: number,
  seed = 1,
  extra: (wear: number) => Row = () => ({}),
): Row[] {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: n }, (_, i) => {
    const wear = Math.round(random() * 240);
    return {
      workOrder: `WO${i}`,
      partNumber: 'P-1',
      qtyCompleted: 100,
      toolWearMinutes: wear,
      downtimeMinutes: Math.max(0, Math.round(10 + 0.3 * wear + noise * normal())),
      ...extra(wear),
    };
  });
}

const ctx = (frame: WorkOrderFrame, values: Record<string, ConfigValue> = {}): AnalyzerContext => ({
  frame,
  config: configValues(values),
  baselines: {},
});

const rhoOf = (rows: Row[], a: string, b: string) =>
  spearman(
    rows.map((r) => r[a] as number),
    rows.map((r) => r[b] as number),
  );

const find = (insights: Insight[], id: string) => insights.find((i) => i.entity?.id === id);

test('a strong lead: downtime rises with tool wear, valued on the orders above the upper quartile of wear', () => {
  const rows = wearAndDowntime(300, 8);
  const frame = frameFromRecords(rows);
  const out = correlationInsights(ctx(frame));
  const insight = find(out.insights, 'downtimeMinutes~toolWearMinutes');
  assert.ok(insight, JSON.stringify(out.insights.map((i) => i.key)));
  assert.equal(insight.key, 'cross:correlation:condition:downtimeMinutes~toolWearMinutes');
  assert.equal(insight.kind, 'cross.correlation');
  assert.equal(insight.analyzer, 'cross');
  assert.match(
    insight.title,
    /^Downtime per work order rises with tool wear \(Spearman ρ = 0\.9\d over 300 work orders\)$/,
  );
  assert.equal(insight.evidence.statistic?.name, 'rho');
  assert.ok(Math.abs(insight.evidence.value - rhoOf(rows, 'downtimeMinutes', 'toolWearMinutes').rho) < 1e-4);
  // The rows: work orders with wear above the threshold; the figure recomputed from them.
  assert.equal(insight.rows.kind, 'condition');
  const threshold = insight.rows.kind === 'condition' ? insight.rows.where.above : Number.NaN;
  assert.equal(insight.rows.kind === 'condition' && insight.rows.where.field, 'toolWearMinutes');
  const high = rows.filter((r) => (r.toolWearMinutes as number) > threshold);
  const rest = rows.filter((r) => (r.toolWearMinutes as number) <= threshold);
  assert.equal(insight.rowCount, high.length);
  const mean = (rs: Row[]) => rs.reduce((s, r) => s + (r.downtimeMinutes as number), 0) / rs.length;
  const hours = ((mean(high) - mean(rest)) * high.length) / 60;
  assert.ok(Math.abs((insight.impact.hours as number) - hours) < 1e-6, `${insight.impact.hours} vs ${hours}`);
  assert.match(insight.impact.formula, /÷ 60 = [\d,]+ h$/);
  assert.ok(SEVERITIES.indexOf(insight.severity) <= SEVERITIES.indexOf('medium'));
  assert.equal(out.charts[0]?.id, 'cross.correlations');
  assert.equal(out.metrics['cross.correlationsReported'], out.insights.length);
});

test('trivially related pairs are never tested', () => {
  for (const pair of TRIVIAL_PAIRS)
    assert.ok(isTrivialPair(pair.b, pair.a), `${pair.a} ~ ${pair.b}: ${pair.why}`);
  assert.ok(isTrivialPair('downtimeMinutes', 'downtimeMinutes'));
  const rows = wearAndDowntime(200, 5, 2, (wear) => ({
    ambientTemperature: 20 + wear / 100,
    processTemperature: 30 + wear / 100,
  }));
  const out = correlationInsights(ctx(frameFromRecords(rows)));
  // Four figures, six pairs, one of them trivial.
  assert.equal(out.metrics['cross.correlationsTested'], 5);
  assert.ok(
    !out.insights.some((i) =>
      /processTemperature.*ambientTemperature|ambientTemperature.*processTemperature/.test(i.key),
    ),
  );
  assert.ok(
    find(out.insights, 'toolWearMinutes~processTemperature'),
    'a reading against another figure is still a lead',
  );
});

test('correlation_min_abs: rho ≈ 0.4 is reported at 0.3 and not at 0.5', () => {
  const rows = wearAndDowntime(400, 60, 3);
  const { rho } = rhoOf(rows, 'downtimeMinutes', 'toolWearMinutes');
  assert.ok(rho > 0.3 && rho < 0.5, `premise: rho = ${rho}`);
  const frame = frameFromRecords(rows);
  assert.equal(correlationInsights(ctx(frame, { correlation_min_abs: 0.3 })).insights.length, 1);
  assert.equal(correlationInsights(ctx(frame, { correlation_min_abs: 0.5 })).insights.length, 0);
});

test('min_sample_size: 30 work orders are judged at 20 and not at 50', () => {
  const frame = frameFromRecords(wearAndDowntime(30, 5, 4));
  assert.equal(correlationInsights(ctx(frame, { min_sample_size: 20 })).insights.length, 1);
  assert.equal(correlationInsights(ctx(frame, { min_sample_size: 50 })).insights.length, 0);
});

test('confidence_level: rho ≈ 0.4 over 30 orders (p ≈ 0.03) is reported at 0.95 and not at 0.99', () => {
  const rows = wearAndDowntime(30, 25, 9);
  const { rho, pValue } = rhoOf(rows, 'downtimeMinutes', 'toolWearMinutes');
  assert.ok(pValue > 0.01 && pValue < 0.05 && rho > 0.2, `premise: rho = ${rho}, p = ${pValue}`);
  const frame = frameFromRecords(rows);
  const run = (level: number) =>
    correlationInsights(ctx(frame, { confidence_level: level, correlation_min_abs: 0.2 })).insights.length;
  assert.equal(run(0.95), 1);
  assert.equal(run(0.99), 0);
});

test('a lead with much money attached stays at most medium; without money it is info or low', () => {
  const costly = wearAndDowntime(300, 5, 5, (wear) => ({
    materialCostPlanned: 1000,
    materialCostActual: 1000 * (1 + wear / 100),
  }));
  const out = correlationInsights(ctx(frameFromRecords(costly)));
  const material = find(out.insights, 'materialVsPlan~toolWearMinutes');
  assert.ok(material && (material.impact.currency as number) > 0);
  assert.equal(material.severity, 'medium');
  const random = seededRandom(6);
  const falling = Array.from({ length: 200 }, (_, i) => {
    const speed = 1500 + Math.round(random() * 500);
    return {
      workOrder: `W${i}`,
      partNumber: 'P',
      qtyCompleted: 10,
      spindleSpeed: speed,
      downtimeMinutes: 2000 - speed,
    };
  });
  const lead = correlationInsights(ctx(frameFromRecords(falling))).insights[0];
  assert.equal(
    lead?.title,
    'Downtime per work order falls as spindle speed rises (Spearman ρ = -1 over 200 work orders)',
  );
  assert.equal(lead?.impact.score, 0);
  assert.equal(lead?.severity, 'low');
  assert.deepEqual(lead?.rows, { kind: 'all' });
});

test('per-order scrap rates at one constant rate do not correlate with lot size (rates shrunk toward the plant’s)', () => {
  const random = seededRandom(8);
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const lot = 10 + Math.round(random() * 400);
    let scrap = 0;
    for (let k = 0; k < lot; k++) if (random() < 0.005) scrap++;
    return {
      workOrder: `W${i}`,
      partNumber: 'P',
      qtyPlanned: lot,
      qtyCompleted: lot - scrap,
      qtyScrap: scrap,
    };
  });
  const raw = spearman(
    rows.map((r) => r.qtyPlanned),
    rows.map((r) => r.qtyScrap / r.qtyPlanned),
  );
  assert.ok(raw.rho > 0.15, `premise: raw per-order rates rank with lot size, rho = ${raw.rho}`);
  const out = correlationInsights(ctx(frameFromRecords(rows), { correlation_min_abs: 0.1 }));
  assert.equal(out.metrics['cross.correlationsTested'], 1);
  assert.equal(out.insights.length, 0);
});

test('big files are correlated over a fixed sample of 20,000 work orders', () => {
  const frame = frameFromRecords(wearAndDowntime(25_000, 10, 10));
  const first = correlationInsights(ctx(frame));
  assert.equal(first.metrics['cross.correlationRows'], 20_000);
  assert.ok(first.notes.some((n) => /fixed sample of 20,000 of the 25,000/.test(n)));
  assert.equal(first.insights[0]?.evidence.sampleSize, 20_000);
  assert.deepEqual(correlationInsights(ctx(frame)), first, 'deterministic');
});

test('fewer than two figures: a note, nothing tested', () => {
  const out = correlationInsights(
    ctx(frameFromRecords([{ workOrder: '1', partNumber: 'P', qtyCompleted: 1 }])),
  );
  assert.equal(out.insights.length, 0);
  assert.match(out.notes[0] ?? '', /no correlations tested/);
  assert.equal(correlationInsights(ctx(frameFromRecords([]))).insights.length, 0);
});

test('demo exports: leads only, at most medium, none of them trivially related', async () => {
  for (const [erp, seed] of [
    ['sap', 1],
    ['sap-de', 2],
    ['oracle', 3],
    ['odoo', 4],
    ['generic', 5],
  ] as const) {
    const { frame } = await demoFrame({ erp, seed, rows: 2000 });
    const out = correlationInsights(ctx(frame));
    assert.ok((out.metrics['cross.correlationsTested'] as number) > 50, erp);
    for (const insight of out.insights) {
      assert.ok(SEVERITIES.indexOf(insight.severity) <= SEVERITIES.indexOf('medium'), insight.title);
      const [a, b] = (insight.entity?.id ?? '').split('~') as [string, string];
      assert.ok(!isTrivialPair(a, b), insight.key);
      assert.ok(Math.abs(insight.evidence.value) >= 0.3);
    }
    assert.equal(new Set(out.insights.map((i) => i.key)).size, out.insights.length);
  }
});
