// What a credential (a session's access token, an API key, an external identity) stands for right
// now — its tenant, role and scopes — checked against the database at most once per `ttlMs` per
// process. Every change that ends or narrows credentials (logout, role change, deactivation, key
// revocation, a deactivated customer) names the tags it affects; those entries are dropped at once
// in this process and, through the commit notification, in every other one. The TTL bounds the
// staleness if a notification is ever lost.
// An entry past half its TTL is still answered while one background read refreshes it: otherwise,
// once per TTL, every request of a busy key would wait for that read (behind whatever else the
// database is doing), a latency spike each second. The refresh never extends the bound: an entry
// expires one TTL after the read that produced it was issued, refreshed or not.

interface Entry<T> {
  value: T;
  tags: readonly string[];
  /** From then on a hit also starts a background refresh. */
  refreshAt: number;
  expiresAt: number;
}

export interface Loaded<T> {
  value: T;
  /** What the value depends on, e.g. `user:<id>`, `tenant:<id>`, `session:<id>`, `key:<id>`. */
  tags: readonly string[];
  /** The credential's own end (a key's expiry): the entry never outlives it. */
  validUntil?: number | undefined;
}

export class CredentialCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly loading = new Map<string, Promise<T | null>>();
  /** Tags changed by a transaction that may not have committed yet: nothing under them is cached. */
  private readonly pending = new Map<string, number>();
  /** Bumped by every invalidation: a load that raced with one must not store what it read. */
  private epoch = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** Resolves since the start: answered from the cache, or read from the database (for /metrics). */
  readonly lookups = { hit: 0, miss: 0 };

  constructor(options: { ttlMs: number; maxEntries?: number; now?: () => number }) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 20_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The cached value of `key`, else `load()`'s (one load per key at a time); null when the
   * credential is not valid (never cached: an invalid credential stays invalid or is unknown).
   */
  resolve(key: string, load: () => Promise<Loaded<T> | null>): Promise<T | null> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) {
      this.lookups.hit += 1;
      if (hit.refreshAt <= now && !this.loading.has(key)) {
        // Its errors surface to whoever asks once the entry has expired (a load of their own).
        this.load(key, load).catch(() => {});
      }
      return Promise.resolve(hit.value);
    }
    if (hit) this.entries.delete(key);
    this.lookups.miss += 1;
    return this.loading.get(key) ?? this.load(key, load);
  }

  /** One read of `key` (shared by whoever asks meanwhile); stores what it found unless it raced a change. */
  private load(key: string, load: () => Promise<Loaded<T> | null>): Promise<T | null> {
    const epoch = this.epoch;
    const issuedAt = this.now();
    const promise = load()
      .then((loaded) => {
        if (!loaded) {
          // No longer valid (a refresh found it revoked or expired): stop answering the old entry.
          this.entries.delete(key);
          return null;
        }
        if (epoch === this.epoch && !loaded.tags.some((tag) => this.isPending(tag))) {
          this.store(key, loaded, issuedAt);
        }
        return loaded.value;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }

  /**
   * Drops every entry under `tag`. `pending`: the change is inside a transaction that has not
   * committed yet, so until its notification arrives (or one TTL passes) reads go to the database.
   */
  invalidate(tag: string, options: { pending?: boolean } = {}): void {
    this.epoch += 1;
    if (options.pending) this.pending.set(tag, this.now() + Math.max(this.ttlMs, 1));
    else this.pending.delete(tag);
    for (const [key, entry] of this.entries) {
      if (entry.tags.includes(tag)) this.entries.delete(key);
    }
  }

  /** Forgets everything (the notification listener reconnected: changes may have been missed). */
  clear(): void {
    this.epoch += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private isPending(tag: string): boolean {
    const until = this.pending.get(tag);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.pending.delete(tag);
    return false;
  }

  /** `issuedAt`: when the read began — what it found may have changed any time after. */
  private store(key: string, loaded: Loaded<T>, issuedAt: number) {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.evictExpired();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const expiresAt = Math.min(issuedAt + this.ttlMs, loaded.validUntil ?? Number.POSITIVE_INFINITY);
    const refreshAt = issuedAt + this.ttlMs / 2;
    this.entries.set(key, { value: loaded.value, tags: loaded.tags, refreshAt, expiresAt });
  }

  private evictExpired() {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
