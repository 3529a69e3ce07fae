import { collectDefaultMetrics, Registry } from 'prom-client';
import { EVENT_LOOP_LAG_NAMES, registerEventLoopLag } from './event-loop-lag.ts';

export interface Metrics {
  registry: Registry;
  requestDurations: RequestDurations;
}

const DUPLICATE_TOTALS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/**
 * Our event-loop lag sampler's period (ms): 10 (prom-client's default) keeps an idle server busy 100
 * times a second; at 500 an idle server stays below 0.05 s of CPU per 10 s (bench:idle).
 */
const LAG_SAMPLE_MS = 500;
/** prom-client's own delay histogram, whose figures are replaced: it wakes once a minute. */
const UNUSED_SAMPLER_MS = 60_000;

/** One registry per app instance, so tests can build several apps in one process. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'plantintel' });
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: UNUSED_SAMPLER_MS });
  // prom-client's lag percentiles include the sampling period (at 500 ms an idle server showed
  // 0.5 s) and can miss stalls: ours replace them (event-loop-lag.ts). Its
  // `nodejs_eventloop_lag_seconds`, measured at each scrape, stays.
  for (const name of EVENT_LOOP_LAG_NAMES) registry.removeSingleMetric(name);
  registerEventLoopLag(registry, LAG_SAMPLE_MS);
  // prom-client also sums the active handles, requests and resources into gauges named `…_total`,
  // a suffix Prometheus keeps for counters (`promtool check metrics` fails on them). The per-type
  // gauges beside them (nodejs_active_handles{type} …) hold the same numbers: sum() gives the total.
  for (const name of DUPLICATE_TOTALS) registry.removeSingleMetric(name);
  const requestDurations = new RequestDurations();
  // biome-ignore lint/suspicious/noExplicitAny: prom-client's registerMetric is typed for its own classes only
  registry.registerMetric(requestDurations as any);
  return { registry, requestDurations };
}

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  labels: { method: string; route: string; status_code: string };
  /** counts[i] = observations in (BUCKETS[i-1], BUCKETS[i]]; the last slot is above every bound. */
  counts: number[];
  sum: number;
  count: number;
}

/**
 * Request durations as a Prometheus histogram. Observing runs on every request, so it is a map
 * lookup and two additions; the cumulative bucket lines are built only when /metrics is scraped.
 * (prom-client's Histogram validates and hashes the label object on every observation instead.)
 */
export class RequestDurations {
  readonly name = 'http_request_duration_seconds';
  readonly help = 'HTTP request duration by route and status';
  readonly type = 'histogram' as const;
  readonly aggregator = 'sum' as const;
  // route → status → method → series: lookups with the values at hand, no key string built per request.
  private readonly byRoute = new Map<string, Map<number, Map<string, Series>>>();

  observe(method: string, route: string, statusCode: number, seconds: number): void {
    let byStatus = this.byRoute.get(route);
    if (!byStatus) {
      byStatus = new Map();
      this.byRoute.set(route, byStatus);
    }
    let byMethod = byStatus.get(statusCode);
    if (!byMethod) {
      byMethod = new Map();
      byStatus.set(statusCode, byMethod);
    }
    let s = byMethod.get(method);
    if (!s) {
      const labels = { method, route, status_code: String(statusCode) };
      s = { labels, counts: new Array(BUCKETS.length + 1).fill(0), sum: 0, count: 0 };
      byMethod.set(method, s);
    }
    let i = 0;
    while (i < BUCKETS.length && seconds > (BUCKETS[i] as number)) i++;
    s.counts[i] = (s.counts[i] ?? 0) + 1;
    s.sum += seconds;
    s.count += 1;
  }

  private *allSeries(): Generator<Series> {
    for (const byStatus of this.byRoute.values()) {
      for (const byMethod of byStatus.values()) yield* byMethod.values();
    }
  }

  get() {
    const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = [];
    for (const s of this.allSeries()) {
      let cumulative = 0;
      BUCKETS.forEach((bound, i) => {
        cumulative += s.counts[i] ?? 0;
        values.push({
          labels: { ...s.labels, le: bound },
          value: cumulative,
          metricName: `${this.name}_bucket`,
        });
      });
      values.push({ labels: { ...s.labels, le: '+Inf' }, value: s.count, metricName: `${this.name}_bucket` });
      values.push({ labels: s.labels, value: s.sum, metricName: `${this.name}_sum` });
      values.push({ labels: s.labels, value: s.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.byRoute.clear();
  }
}
