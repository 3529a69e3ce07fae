// Event-loop lag over the last scrape interval, as gauges named like prom-client's own
// (`nodejs_eventloop_lag_{min,max,mean,stddev,p50,p90,p99}_seconds`).
//
// prom-client reads Node's monitorEventLoopDelay, which at our sampling period of 500 ms (an idle
// server must stay idle, bench:idle) is wrong twice over: every value includes the period, so an
// idle server reports half a second of lag; and a stall in a timer callback that runs in the same
// timers phase as the sampler's can go unseen (its clock is the loop's, read before the stall: a
// 3 s stall measured 0.5 s). Our sampler is an unref'd interval that reads the real clock and
// records how late it ran: an idle server shows about 0, a stall shows how long it held the loop
// past the sampler's due time.
import { createHistogram } from 'node:perf_hooks';
import { Gauge, type Registry } from 'prom-client';

type Stat = 'min' | 'max' | 'mean' | 'stddev' | 'p50' | 'p90' | 'p99';

const HELP: Record<Stat, string> = {
  min: 'The smallest event-loop delay since the last scrape',
  max: 'The largest event-loop delay since the last scrape',
  mean: 'The mean event-loop delay since the last scrape',
  stddev: 'The standard deviation of the event-loop delays since the last scrape',
  p50: 'The median event-loop delay since the last scrape',
  p90: 'The 90th percentile of the event-loop delays since the last scrape',
  p99: 'The 99th percentile of the event-loop delays since the last scrape',
};

export const EVENT_LOOP_LAG_NAMES = (Object.keys(HELP) as Stat[]).map(
  (stat) => `nodejs_eventloop_lag_${stat}_seconds`,
);

/** A histogram of lags in nanoseconds (1 ns stands for "on time": the histogram takes only ≥ 1). */
interface LagHistogram {
  count: number;
  min: number;
  max: number;
  mean: number;
  stddev: number;
  percentile(p: number): number;
}

/** Lag in nanoseconds of a timer that ran `elapsedMs` after its previous run, due every `periodMs`. */
export function lagOf(elapsedMs: number, periodMs: number): number {
  return Math.max(1, Math.round((elapsedMs - periodMs) * 1e6));
}

/** The histogram's figures in seconds (an empty one reads 0). */
export function lagFigures(histogram: LagHistogram): Record<Stat, number> {
  if (histogram.count === 0) return { min: 0, max: 0, mean: 0, stddev: 0, p50: 0, p90: 0, p99: 0 };
  const seconds = (ns: number) => (ns <= 1 ? 0 : ns / 1e9);
  return {
    min: seconds(histogram.min),
    max: seconds(histogram.max),
    mean: seconds(histogram.mean),
    stddev: Number.isFinite(histogram.stddev) ? histogram.stddev / 1e9 : 0,
    p50: seconds(histogram.percentile(50)),
    p90: seconds(histogram.percentile(90)),
    p99: seconds(histogram.percentile(99)),
  };
}

/**
 * Samples the event loop every `periodMs` and registers the lag gauges (reset at each scrape).
 * Returns how many runs the current interval holds (tests wait on it).
 */
export function registerEventLoopLag(registry: Registry, periodMs: number): { samples(): number } {
  const histogram = createHistogram();
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    histogram.record(lagOf(now - last, periodMs));
    last = now;
  }, periodMs).unref();
  // One reading serves every gauge of a scrape (they are collected one after the other).
  let reading: { at: number; figures: Record<Stat, number> } | undefined;
  const figures = () => {
    const now = performance.now();
    if (!reading || now - reading.at > 1000) {
      reading = { at: now, figures: lagFigures(histogram) };
      histogram.reset();
    }
    return reading.figures;
  };
  for (const stat of Object.keys(HELP) as Stat[]) {
    new Gauge({
      name: `nodejs_eventloop_lag_${stat}_seconds`,
      help: HELP[stat],
      registers: [registry],
      collect() {
        this.set(figures()[stat]);
      },
    });
  }
  return { samples: () => histogram.count };
}
