import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_SEED, demoCatalogue } from './catalogue.ts';
import {
  DEMAND_CLASSES,
  type DemandClass,
  DemandGeneratorError,
  type DemandSeries,
  generateDemand,
} from './demand-generator.ts';

const END = '2025-12-31'; // 730 days: 2024-01-02 (2024 is a leap year) … 2025-12-31

/** Syntetos–Boylan classes: average inter-demand interval 1.32, squared CV of sizes 0.49. */
function classify(quantity: number[]): DemandClass {
  const sizes = quantity.filter((q) => q > 0);
  const adi = quantity.length / sizes.length;
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const cv2 = sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / sizes.length / mean ** 2;
  if (adi < 1.32) return cv2 < 0.49 ? 'smooth' : 'erratic';
  return cv2 < 0.49 ? 'intermittent' : 'lumpy';
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean daily demand over the days of `month` (1–12), both years. */
function monthMean(s: DemandSeries, month: number): number {
  const start = Date.parse(`${s.start}T00:00:00Z`);
  return mean(s.quantity.filter((_, i) => new Date(start + i * 86_400_000).getUTCMonth() + 1 === month));
}

// Every stock point of the demo catalogue, generated once for the whole file.
const series: DemandSeries[] = demoCatalogue().flatMap((item) =>
  item.warehouses.map((warehouse) =>
    generateDemand({ seed: DEMO_SEED, sku: item.sku, warehouse, category: item.category, end: END }),
  ),
);

describe('demand generator', () => {
  test('is deterministic per seed, SKU and warehouse', () => {
    const options = { seed: 7, sku: 'BRG-2004', warehouse: 'BHM', category: 'bearings', end: END };
    assert.deepEqual(generateDemand(options), generateDemand(options));
    assert.notDeepEqual(
      generateDemand(options).quantity,
      generateDemand({ ...options, warehouse: 'COV' }).quantity,
    );
    assert.notDeepEqual(generateDemand(options).quantity, generateDemand({ ...options, seed: 8 }).quantity);
  });

  test('writes two years of non-negative whole units ending on the given day', () => {
    for (const s of series) {
      assert.equal(s.start, '2024-01-02');
      assert.equal(s.quantity.length, 730);
      assert.equal(s.promotion.length, 730);
      for (const q of s.quantity) assert.ok(Number.isInteger(q) && q >= 0, `${s.sku}@${s.warehouse}: ${q}`);
    }
    const short = generateDemand({ seed: 1, sku: 'X', warehouse: 'W', end: '2025-03-01', days: 3 });
    assert.equal(short.start, '2025-02-27');
    assert.equal(short.quantity.length, 3);
  });

  test('each series shows the demand class it was drawn with, and all four classes occur', () => {
    for (const s of series)
      assert.equal(classify(s.quantity), s.profile.demandClass, `${s.sku}@${s.warehouse}`);
    const skuClasses = new Map(series.map((s) => [s.sku, s.profile.demandClass]));
    for (const c of DEMAND_CLASSES) assert.ok([...skuClasses.values()].includes(c), `no ${c} SKU`);
    const sparse = [...skuClasses.values()].filter((c) => c === 'intermittent' || c === 'lumpy').length;
    assert.ok(sparse >= 20 && sparse <= 40, `${sparse} of 200 SKUs intermittent or lumpy`);
    // Intermittent items are mostly zero days.
    for (const s of series.filter((x) => x.profile.demandClass === 'intermittent'))
      assert.ok(s.quantity.filter((q) => q === 0).length > 365, `${s.sku}@${s.warehouse}`);
  });

  test('a SKU is the same kind of item at every warehouse', () => {
    const bySku = new Map<string, DemandSeries[]>();
    for (const s of series) bySku.set(s.sku, [...(bySku.get(s.sku) ?? []), s]);
    for (const [sku, list] of bySku) {
      const [first] = list as [DemandSeries];
      for (const s of list) {
        assert.equal(s.profile.demandClass, first.profile.demandClass, sku);
        assert.deepEqual(s.promotions, first.promotions, sku);
      }
    }
  });

  test('promotions are short flagged windows of higher demand', () => {
    const promoted = series.filter((s) => s.promotions.length > 0);
    const skus = new Set(promoted.map((s) => s.sku));
    assert.ok(skus.size >= 5 && skus.size <= 40, `${skus.size} SKUs with promotions`);
    let during = 0;
    let before = 0;
    for (const s of promoted) {
      const flagged = s.promotion.flatMap((p, i) => (p ? [i] : []));
      const windows = s.promotions.flatMap((p) => Array.from({ length: p.days }, (_, k) => p.startIndex + k));
      assert.deepEqual(flagged, windows, `${s.sku}: flags = windows`);
      for (const p of s.promotions) {
        assert.ok(p.days >= 7 && p.days <= 14 && p.uplift >= 1.5);
        during += mean(s.quantity.slice(p.startIndex, p.startIndex + p.days));
        before += mean(s.quantity.slice(Math.max(0, p.startIndex - 28), p.startIndex));
      }
    }
    assert.ok(during > 1.4 * before, `promotion days ${during} against the four weeks before ${before}`);
    // Intermittent and lumpy items have none.
    assert.ok(
      series.every((s) => s.promotions.length === 0 || ['smooth', 'erratic'].includes(s.profile.demandClass)),
    );
  });

  test('the yearly cycle shows: winter-peaking items sell more in December than in July, and vice versa', () => {
    const seasonal = series.filter(
      (s) => s.profile.demandClass === 'smooth' && s.profile.yearlyAmplitude >= 0.25,
    );
    const near = (day: number, peak: number) =>
      Math.min(Math.abs(day - peak), 365 - Math.abs(day - peak)) <= 60;
    const winter = seasonal.filter((s) => near(s.profile.peakDayOfYear, 349));
    const summer = seasonal.filter((s) => near(s.profile.peakDayOfYear, 196));
    assert.ok(
      winter.length >= 5 && summer.length >= 5,
      `${winter.length} winter, ${summer.length} summer items`,
    );
    for (const s of winter) assert.ok(monthMean(s, 12) > monthMean(s, 7), `${s.sku}@${s.warehouse}`);
    for (const s of summer) assert.ok(monthMean(s, 7) > monthMean(s, 12), `${s.sku}@${s.warehouse}`);
  });

  test('the trend shows: growing items sell more in their second year, shrinking ones less', () => {
    const smooth = series.filter((s) => s.profile.demandClass === 'smooth');
    const growing = smooth.filter((s) => s.profile.trendPerYear >= 0.2);
    const shrinking = smooth.filter((s) => s.profile.trendPerYear <= -0.1);
    assert.ok(growing.length >= 5 && shrinking.length >= 5);
    for (const s of growing) assert.ok(mean(s.quantity.slice(365)) > mean(s.quantity.slice(0, 365)), s.sku);
    for (const s of shrinking) assert.ok(mean(s.quantity.slice(365)) < mean(s.quantity.slice(0, 365)), s.sku);
  });

  test('weekends are quieter than weekdays', () => {
    const smooth = series.filter((s) => s.profile.demandClass === 'smooth');
    // Day 0 is Tuesday 2024-01-02: (i + 1) % 7 counts from Monday, 5 and 6 are the weekend.
    const weekend = smooth.flatMap((s) => s.quantity.filter((_, i) => (i + 1) % 7 >= 5));
    const weekday = smooth.flatMap((s) => s.quantity.filter((_, i) => (i + 1) % 7 < 5));
    assert.ok(mean(weekend) < 0.8 * mean(weekday));
  });

  test('refuses a malformed day, a bad length or seed', () => {
    const base = { seed: 1, sku: 'X', warehouse: 'W', end: END };
    assert.throws(() => generateDemand({ ...base, end: '2025-02-30' }), DemandGeneratorError);
    assert.throws(() => generateDemand({ ...base, end: '31/12/2025' }), DemandGeneratorError);
    assert.throws(() => generateDemand({ ...base, days: 0 }), DemandGeneratorError);
    assert.throws(() => generateDemand({ ...base, days: 1.5 }), DemandGeneratorError);
    assert.throws(() => generateDemand({ ...base, seed: Number.NaN }), DemandGeneratorError);
    assert.throws(() => generateDemand({ ...base, sku: '' }), DemandGeneratorError);
  });
});
