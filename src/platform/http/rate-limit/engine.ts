// The rate-limit engine: pure counting, no I/O. Fixed one-minute windows per (route class, key).
//
// Why fixed windows: a decision is one Map lookup and two additions (the hot path stays cheap), the
// headers are exact (RateLimit-Reset is the end of the window, Retry-After the same), and counts of
// several processes merge by plain addition, so PostgreSQL can hold one row per (key, window) that
// every process adds its deltas to (see shared-store.ts). The known weakness — a client may spend a
// budget at the end of one window and again at the start of the next, up to twice the budget within
// a few seconds — is bounded and acceptable for budgets that protect the server, not bill anyone. A
// sliding log or GCRA would smooth that burst but needs per-request timestamps or a shared "theoretical
// arrival time" that cannot be merged from deltas.
//
// Across processes each counter holds: `local` (hits this process admitted in the window), `sent`
// (the part of `local` already added to the shared row) and `remote` (the other processes' hits as of
// the last exchange). A process decides on local + remote, so between exchanges it does not see what
// the others admitted: the error bound is in shared-store.ts.

export const ROUTE_CLASSES = ['reads', 'writes', 'ingest', 'ai'] as const;
export type RouteClass = (typeof ROUTE_CLASSES)[number];
export type Budgets = Record<RouteClass, number>;

/** Who a counter belongs to: a client address, an API key or a signed-in user. */
export const KEY_KINDS = ['address', 'apiKey', 'user'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

export interface RateLimitPolicy {
  /** Budgets per window for one API key or one user. */
  principal: Budgets;
  /** Budgets per window for one client address. */
  address: Budgets;
  windowMs: number;
}

export interface Decision {
  allowed: boolean;
  limit: number;
  /** Requests left in the window after this one. */
  remaining: number;
  /** Whole seconds until the window ends (at least 1): RateLimit-Reset, and Retry-After when refused. */
  resetSeconds: number;
  windowSeconds: number;
}

export interface Counter {
  key: string;
  /** Index of the window (start = window × windowMs). */
  window: number;
  local: number;
  sent: number;
  remote: number;
  /** Whether this window's urgent exchange (past NEAR_BUDGET) was asked for. */
  urged: boolean;
}

/** A counter's unsent hits, for the exchange with the other processes. */
export interface Delta {
  key: string;
  window: number;
  delta: number;
}

/** Share of a budget after which a process exchanges counts at once instead of at the next tick. */
export const NEAR_BUDGET = 0.8;

export class RateLimitEngine {
  /** Counters by id, one map per (kind, class): no key string is built for a lookup. */
  private readonly counters = Object.fromEntries(
    KEY_KINDS.map((kind) => [kind, Object.fromEntries(ROUTE_CLASSES.map((c) => [c, new Map()]))]),
  ) as Record<KeyKind, Record<RouteClass, Map<string, Counter>>>;
  private lastWindow = 0;
  /** Keys with hits not yet sent to the shared table. */
  private readonly dirty = new Set<Counter>();
  /** Called on an admitted hit that leaves unsent hits (first one) or nears the budget (`urgent`). */
  onUnsent: ((urgent: boolean) => void) | undefined;
  now: () => number;
  readonly policy: RateLimitPolicy;

  constructor(policy: RateLimitPolicy, now: () => number = Date.now) {
    this.policy = policy;
    this.now = now;
  }

  /** Counts a request of `routeClass` against `id`'s budget unless that budget is spent. */
  take(kind: KeyKind, id: string, routeClass: RouteClass): Decision {
    const limit = (kind === 'address' ? this.policy.address : this.policy.principal)[routeClass];
    const now = this.now();
    const { windowMs } = this.policy;
    const window = Math.floor(now / windowMs);
    if (window !== this.lastWindow) this.prune(window);
    const table = this.counters[kind][routeClass];
    let counter = table.get(id);
    if (counter === undefined || counter.window !== window) {
      if (counter) this.dirty.delete(counter);
      counter = { key: `${routeClass}:${kind}:${id}`, window, local: 0, sent: 0, remote: 0, urged: false };
      table.set(id, counter);
    }
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
    const windowSeconds = Math.ceil(windowMs / 1000);
    const used = counter.local + counter.remote;
    if (used >= limit) return { allowed: false, limit, remaining: 0, resetSeconds, windowSeconds };
    counter.local += 1;
    if (this.onUnsent) {
      const first = !this.dirty.has(counter);
      if (first) this.dirty.add(counter);
      // Once per window, so a key nearing its budget asks for one early exchange, not one per hit.
      const urgent = !counter.urged && used + 1 >= limit * NEAR_BUDGET;
      if (urgent) counter.urged = true;
      if (first || urgent) this.onUnsent(urgent);
    }
    return { allowed: true, limit, remaining: limit - used - 1, resetSeconds, windowSeconds };
  }

  /** The counter of a shared key (`class:kind:id`), if it is live. */
  private byKey(key: string): Counter | undefined {
    const [routeClass, kind] = key.split(':', 2) as [RouteClass, KeyKind];
    const id = key.slice(`${routeClass}:${kind}:`.length);
    return this.counters[kind]?.[routeClass]?.get(id);
  }

  /** Drops counters of windows that are over (once per window, on the first request of a new one). */
  private prune(window: number) {
    this.lastWindow = window;
    for (const table of this.tables()) {
      for (const [id, counter] of table) {
        if (counter.window < window) {
          table.delete(id);
          this.dirty.delete(counter);
        }
      }
    }
  }

  /** Number of live counters (tests and metrics). */
  get size(): number {
    let n = 0;
    for (const table of this.tables()) n += table.size;
    return n;
  }

  private tables(): Map<string, Counter>[] {
    return Object.values(this.counters).flatMap((byClass) => Object.values(byClass));
  }

  /** Hands over the unsent hits and marks them sent; `settle` or `restore` must follow. */
  drain(): Delta[] {
    const out: Delta[] = [];
    for (const counter of this.dirty) {
      const delta = counter.local - counter.sent;
      if (delta > 0) out.push({ key: counter.key, window: counter.window, delta });
      counter.sent = counter.local;
    }
    this.dirty.clear();
    return out;
  }

  /** The exchange failed: the drained hits are unsent again (sent with the next exchange). */
  restore(deltas: readonly Delta[]) {
    for (const { key, window, delta } of deltas) {
      const counter = this.byKey(key);
      if (counter?.window !== window) continue;
      counter.sent -= delta;
      this.dirty.add(counter);
    }
  }

  /**
   * The shared totals of drained keys came back: each total holds this process's sent hits and the
   * others', so the others' part is total − sent. Totals of a window that is over are ignored.
   */
  settle(totals: readonly { key: string; window: number; hits: number }[]) {
    for (const { key, window, hits } of totals) {
      const counter = this.byKey(key);
      if (counter?.window !== window) continue;
      counter.remote = Math.max(0, hits - counter.sent);
    }
  }

  /** Whether any hit waits to be sent. */
  get pending(): boolean {
    return this.dirty.size > 0;
  }
}

/** The most restrictive of two decisions: the one a client must respect first. */
export function tighter(a: Decision, b: Decision): Decision {
  if (a.allowed !== b.allowed) return a.allowed ? b : a;
  if (a.remaining !== b.remaining) return a.remaining < b.remaining ? a : b;
  return a.resetSeconds >= b.resetSeconds ? a : b;
}

/**
 * The RateLimit-* response headers of the IETF httpapi draft (draft-ietf-httpapi-ratelimit-headers,
 * the separate-fields version most clients read): the budget, what is left and when it refills.
 */
export function rateLimitHeaders(decision: Decision): Record<string, string> {
  return {
    'ratelimit-limit': String(decision.limit),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': String(decision.resetSeconds),
    'ratelimit-policy': `${decision.limit};w=${decision.windowSeconds}`,
  };
}
