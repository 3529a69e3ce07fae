// Metrics whose values are read when /metrics is scraped: the modules keep plain counters (an
// addition on their path, nothing more) or can be asked (a pool's sizes, a queue's depth), and these
// turn what they say into Prometheus samples. Nothing runs between scrapes.
import type { Registry } from 'prom-client';

export interface Sample {
  labels?: Record<string, string>;
  value: number;
}

export interface ScrapedMetric {
  /** Prometheus conventions: the unit in the name, `_total` on counters and only there. */
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  read(): Sample[] | Promise<Sample[]>;
}

/** prom-client's shape for a metric the registry asks with get() at each scrape. */
class Scraped {
  readonly name: string;
  readonly help: string;
  readonly type: 'gauge' | 'counter';
  readonly aggregator = 'sum' as const;
  private readonly read: ScrapedMetric['read'];

  constructor(metric: ScrapedMetric) {
    this.name = metric.name;
    this.help = metric.help;
    this.type = metric.type;
    this.read = metric.read;
  }

  async get() {
    const samples = await this.read();
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values: samples.map((s) => ({ labels: s.labels ?? {}, value: s.value })),
    };
  }

  reset(): void {}
}

export function registerScraped(registry: Registry, metrics: readonly ScrapedMetric[]): void {
  // biome-ignore lint/suspicious/noExplicitAny: prom-client's registerMetric is typed for its own classes only
  for (const metric of metrics) registry.registerMetric(new Scraped(metric) as any);
}

/**
 * Samples read from the database, shared by the metrics of one scrape: the first metric asks, the
 * others of the same scrape reuse the answer. A failed read (database down) gives no samples — the
 * scrape still answers, and /ready says what is wrong.
 */
export function sharedRead<T>(read: () => Promise<T>, freshMs = 1000): () => Promise<T | undefined> {
  let last: { at: number; value: Promise<T | undefined> } | undefined;
  return () => {
    const now = performance.now();
    if (!last || now - last.at > freshMs) {
      last = { at: now, value: read().catch(() => undefined) };
    }
    return last.value;
  };
}
