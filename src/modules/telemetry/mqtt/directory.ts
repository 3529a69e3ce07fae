// Who a topic belongs to: topic key → tenant, and (tenant, facility code) → facility — and whether
// the tenant lets devices create sensors — each cached
// for a few seconds (answers "unknown" included, so a device publishing with a wrong key does not
// cost a query per message). A rotated or removed key stops working within the TTL.
import { and, eq, ne } from 'drizzle-orm';
import type { Db, Executor } from '../../../platform/db/database.ts';
import { facilities, telemetrySettings, tenants } from '../../../platform/db/schema/index.ts';
import { readAcrossTenants, readInTenant } from '../../../platform/db/scope.ts';
import { settingsOf } from '../settings.repo.ts';

/** The tenant whose topic key this is, unless the tenant is inactive. */
async function tenantOfKey(tx: Executor, key: string): Promise<string | null> {
  const [row] = await tx
    .select({ tenantId: telemetrySettings.tenantId })
    .from(telemetrySettings)
    .innerJoin(tenants, eq(tenants.id, telemetrySettings.tenantId))
    .where(and(eq(telemetrySettings.mqttTopicKey, key), ne(tenants.status, 'inactive')));
  return row?.tenantId ?? null;
}

/** The caller's tenant's facility with this code (row-level security limits it to that tenant). */
async function facilityByCode(tx: Executor, code: string): Promise<string | null> {
  const [row] = await tx.select({ id: facilities.id }).from(facilities).where(eq(facilities.code, code));
  return row?.id ?? null;
}

/**
 * A small TTL cache that also shares one lookup among concurrent callers of the same key. A known
 * answer comes back as such, not as a promise: the bridge asks twice per message.
 */
class TtlCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; known?: { value: V }; until: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  constructor(ttlMs: number, maxEntries: number) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }

  get(key: string, load: () => Promise<V>): V | Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.known ? hit.known.value : hit.value;
    // Bounded: a flood of made-up keys must not grow the map without end.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const entry: { value: Promise<V>; known?: { value: V }; until: number } = {
      value: load(),
      until: now + this.ttlMs,
    };
    this.entries.set(key, entry);
    entry.value.then(
      (value) => {
        entry.known = { value };
      },
      // A failed lookup (database down) is not remembered.
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    return entry.value;
  }

  clear() {
    this.entries.clear();
  }
}

export interface DirectoryOptions {
  db: Db;
  ttlMs?: number;
}

export function createDirectory({ db, ttlMs = 5000 }: DirectoryOptions) {
  const tenantsByKey = new TtlCache<string | null>(ttlMs, 10_000);
  const facilityIds = new TtlCache<string | null>(ttlMs, 10_000);
  const autoCreates = new TtlCache<boolean>(ttlMs, 10_000);
  return {
    /** The tenant of a topic key (null: unknown); a promise only when not known yet. */
    tenantOfKey: (key: string) =>
      tenantsByKey.get(key, () => readAcrossTenants(db, (tx) => tenantOfKey(tx, key))),
    /** The tenant's facility with this code (null: none); a promise only when not known yet. */
    facilityOf: (tenantId: string, code: string) =>
      facilityIds.get(`${tenantId}\u0000${code}`, () =>
        readInTenant(db, tenantId, (tx) => facilityByCode(tx, code)),
      ),
    /** Whether the tenant lets devices create sensors for keys it does not have (autoCreateSensors). */
    autoCreate: (tenantId: string) =>
      autoCreates.get(tenantId, () =>
        readInTenant(db, tenantId, async (tx) => (await settingsOf(tx, tenantId)).autoCreateSensors),
      ),
    clear() {
      tenantsByKey.clear();
      facilityIds.clear();
      autoCreates.clear();
    },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
