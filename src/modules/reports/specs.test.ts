// The report builders as pure functions: what goes into a spec, without a database or a PDF.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { alarmSpec } from './alarms.report.ts';
import { figure, impactText, narrativeParagraphs } from './analysis.report.ts';
import { inspectionSpec } from './inspection.report.ts';
import { type OeeReport, oeeRows, oeeSpec } from './oee.report.ts';

const figures = {
  plannedProductionMinutes: 420,
  runMinutes: 373,
  totalCount: 19_271,
  goodCount: 18_848,
  availability: 0.8881,
  performance: 0.8611,
  quality: 0.978,
  oee: 0.7479,
  losses: { availabilityMinutes: 47, performanceMinutes: 51.8, qualityMinutes: 7 },
};
const oee = (groups: OeeReport['groups'], groupBy: OeeReport['groupBy'] = 'day'): OeeReport => ({
  groupBy,
  from: '2026-11-02',
  to: '2026-11-08',
  groups,
  total: figures,
});
const emptyPareto = { from: '', to: '', totalMinutes: 0, items: [] };
const base = { tenantName: 'Acme', scope: 'All facilities', generatedAt: '2026-12-04T00:00:00Z' };

describe('report specs', () => {
  test('analysis figures, impacts and narrative read as people write them', () => {
    assert.equal(figure(12_345.678), '12,346');
    assert.equal(figure(17.634), '17.63');
    assert.equal(figure(0.012_345), '0.0123');
    assert.equal(figure(null), '–');
    assert.equal(
      impactText({ currency: 29_278.4, hours: null, units: 12, formula: '', score: 1 }),
      '29,278 currency · 12 units',
    );
    assert.equal(
      impactText({ currency: null, hours: null, units: null, formula: '', score: 42 }),
      'score 42',
    );
    assert.deepEqual(narrativeParagraphs('## Summary\n**Bold** start\n\n- one\n- two\n\n'), [
      'Summary\nBold start',
      '• one\n• two',
    ]);
    assert.deepEqual(narrativeParagraphs(null), []);
  });

  test('an OEE period with batches has tiles, the trend with its target, and a row per group plus a total', () => {
    const day = { key: '2026-11-02', label: '2026-11-02', batches: 2, ...figures };
    const spec = oeeSpec({
      ...base,
      target: 0.85,
      byDay: oee([day]),
      byShift: oee([], 'shift'),
      byLine: oee([], 'line'),
      pareto: emptyPareto,
    });
    assert.equal(spec.period, '2026-11-02 – 2026-11-08');
    const tiles = spec.blocks.find((b) => b.kind === 'tiles');
    assert.ok(
      tiles?.kind === 'tiles' &&
        tiles.tiles[0]?.value === '74.8 %' &&
        tiles.tiles[0]?.note === 'Target 85.0 %',
    );
    const line = spec.blocks.find((b) => b.kind === 'line');
    assert.ok(line?.kind === 'line' && line.target?.value === 0.85 && line.points[0]?.label === '11-02');
    assert.ok(
      spec.blocks.some((b) => b.kind === 'paragraph' && b.text === 'No unplanned downtime in this period.'),
    );
    const rows = [...oeeRows(oee([day]))];
    assert.equal(rows.length, 2);
    assert.equal(rows[1]?.key, 'total');
  });

  test('periods without data say so instead of drawing empty charts', () => {
    const none = oeeSpec({
      ...base,
      target: null,
      byDay: oee([]),
      byShift: oee([]),
      byLine: oee([]),
      pareto: emptyPareto,
    });
    assert.deepEqual(
      none.blocks.map((b) => b.kind),
      ['paragraph', 'noData'],
    );
    const alarms = alarmSpec({
      ...base,
      period: 'up to 2026-12-04',
      alarms: [],
      matched: 0,
      names: new Map(),
    });
    assert.equal(alarms.blocks.at(-1)?.kind, 'noData');
    const zero = {
      defects: 0,
      triggers: 0,
      failedTriggers: 0,
      rejectRate: 0,
      dispositionedDefects: 0,
      falsePositives: 0,
      falsePositiveRate: 0,
      reworkDefects: 0,
      reworkShare: 0,
      dispositionedParts: 0,
      reworkParts: 0,
      partReworkShare: 0,
    };
    const inspection = inspectionSpec({
      ...base,
      stats: {
        period: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', bucket: 'day' },
        totals: zero,
        byType: [],
        byCamera: [],
        byRegion: [],
        byDisposition: [],
        byPartDisposition: [],
        byPartNumber: [],
        pareto: [],
        falsePositiveByCameraAndType: [],
        series: [],
      },
    });
    assert.equal(inspection.period, '2026-11-01 00:00 – 2026-12-01 00:00 UTC');
    assert.equal(inspection.blocks.at(-1)?.kind, 'noData');
  });
});
