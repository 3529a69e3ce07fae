import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hitRateOf } from './aggregates.sql.ts';
import type { SeriesRow } from './dashboard.repo.ts';
import { sectorTopicId } from './live.ts';
import { fillSeries } from './series.ts';

const H = 3_600_000;
const row = (bucket: number, requests: number, cacheHits: number, cacheMisses: number): SeriesRow => ({
  bucket: new Date(bucket).toISOString(),
  requests,
  cacheHits,
  cacheMisses,
  errors: 0,
  latencyP50: 12.34,
  latencyP95: 50,
  tokensIn: 10,
  tokensOut: 5,
  costUsd: 0.0000014,
  costSaved: 0,
  tokensSaved: 0,
});

test('a series has a point per bucket, zeros in the gaps, and the open bucket marked partial', () => {
  const from = Date.UTC(2026, 0, 1, 10);
  const points = fillSeries(
    [row(from, 4, 1, 3), row(from + 2 * H, 2, 2, 0)],
    from,
    from + 3 * H,
    H,
    from + 2.5 * H,
  );
  assert.deepEqual(
    points.map((p) => [p.at.slice(11, 13), p.requests, p.hitRate, p.partial]),
    [
      ['10', 4, 25, false],
      ['11', 0, 0, false],
      ['12', 2, 100, true],
    ],
  );
  assert.equal(points[0]?.latencyP50, 12.3);
  assert.equal(points[0]?.costUsd, 0.000001);
});

test('hit rate: hits over lookups in percent, two decimals, 0 without lookups', () => {
  assert.equal(hitRateOf(1, 2), 33.33);
  assert.equal(hitRateOf(2, 1), 66.67);
  assert.equal(hitRateOf(0, 0), 0);
  assert.equal(hitRateOf(5, 0), 100);
});

test('sector topic ids: lower case, other characters collapsed to a dash', () => {
  assert.equal(sectorTopicId('Food & Beverage'), 'food-beverage');
  assert.equal(sectorTopicId('automotive'), 'automotive');
  assert.equal(sectorTopicId('  Pharma / Bio  '), 'pharma-bio');
  assert.equal(sectorTopicId('&&&'), 'none');
  assert.match(sectorTopicId('x'.repeat(300)), /^x{100}$/);
});
