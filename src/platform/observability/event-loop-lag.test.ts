import assert from 'node:assert/strict';
import { createHistogram } from 'node:perf_hooks';
import { test } from 'node:test';
import { Registry } from 'prom-client';
import { eventually } from '../jobs/testing.ts';
import { lagFigures, lagOf, registerEventLoopLag } from './event-loop-lag.ts';
import { createMetrics } from './metrics.ts';

const gauge = (text: string, stat: string) => {
  const match = new RegExp(`^nodejs_eventloop_lag_${stat}_seconds(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  assert.ok(match, `nodejs_eventloop_lag_${stat}_seconds is exposed`);
  return Number(match[1]);
};

test('the lag is how late the sampler ran; on time reads 0, an empty histogram reads 0', () => {
  assert.equal(lagOf(500, 500), 1);
  assert.equal(lagOf(499.2, 500), 1, 'a timer that ran early is no negative lag');
  assert.equal(lagOf(2500, 500), 2e9);
  const histogram = createHistogram();
  for (const elapsed of [500, 500.5, 510, 900, 2500]) histogram.record(lagOf(elapsed, 500));
  const figures = lagFigures(histogram);
  assert.equal(figures.min, 0);
  assert.ok(Math.abs(figures.max - 2) < 0.01, `max ${figures.max}`);
  assert.ok(Math.abs(figures.p50 - 0.01) < 0.001, `p50 ${figures.p50}`);
  assert.ok(Math.abs(figures.p99 - 2) < 0.01, `p99 ${figures.p99}`);
  assert.ok(figures.mean > 0.4 && figures.mean < 0.6, `mean ${figures.mean}`);
  assert.deepEqual(Object.values(lagFigures(createHistogram())), [0, 0, 0, 0, 0, 0, 0]);
});

test('a stall of the event loop shows as its length in the max, without the 500 ms period', async () => {
  const registry = new Registry();
  const lag = registerEventLoopLag(registry, 500);
  // The stall inside a timer callback (where Node's monitorEventLoopDelay at this period can miss it).
  await new Promise<void>((resolve) =>
    setTimeout(() => {
      const started = Date.now();
      while (Date.now() - started < 1500) {
        // nothing else runs on this thread meanwhile
      }
      resolve();
    }, 100),
  );
  // The run delayed by the stall, then at least four more.
  await eventually(async () => (lag.samples() >= 5 ? true : undefined), 'five runs of the sampler', 30_000);
  const text = await registry.metrics();
  // 1.5 s blocked: the sampler, due at most 0.5 s after the stall began, ran at least 1 s late.
  assert.ok(gauge(text, 'max') >= 0.95, `max lag ${gauge(text, 'max')} s for a 1.5 s stall`);
  // The period is not counted in: the runs on time read about 0 (prom-client's read 0.5 s or more).
  assert.ok(gauge(text, 'p50') < 0.45, `median lag ${gauge(text, 'p50')} s`);
  assert.equal(lag.samples(), 0, 'the scrape starts a new interval');
});

test('every lag figure and the measured lag are exposed once, non-negative', async () => {
  const text = await createMetrics().registry.metrics();
  for (const stat of ['min', 'mean', 'stddev', 'p50', 'p90', 'p99']) assert.ok(gauge(text, stat) >= 0);
  assert.match(text, /^nodejs_eventloop_lag_seconds\{[^}]*\} \S+$/m);
  assert.equal(text.match(/^# TYPE nodejs_eventloop_lag_p99_seconds /gm)?.length, 1);
});
