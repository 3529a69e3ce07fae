// What line-protocol writes need beyond ingest: facilities by code (the `facility` tag) and sensors
// created for keys the tenant does not have yet (when its settings allow it).
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { facilities, sensorState, sensors } from '../../platform/db/schema/index.ts';
import { DEFAULT_DETECTION } from './monitor.ts';
import { sensorsByKey } from './sensors.repo.ts';

/** The tenant's facility ids by code. */
export async function facilityIdsByCode(tx: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: facilities.id, code: facilities.code })
    .from(facilities)
    .where(eq(facilities.tenantId, tenantId));
  return new Map(rows.map((row) => [row.code, row.id]));
}

export interface NewSensor {
  key: string;
  unit: string | undefined;
}

/** Rows per INSERT: well below PostgreSQL's 65,535 parameters at 7 columns a row. */
const INSERT_ROWS = 1000;

/**
 * Creates the sensors of `wanted` the facility does not have (type `other`, named by their key,
 * default detection) with their detector state; a key another request creates meanwhile is left to
 * it. Returns how many this call created.
 */
export async function createMissingSensors(
  tx: Executor,
  tenantId: string,
  facilityId: string,
  wanted: readonly NewSensor[],
): Promise<number> {
  const existing = new Set(
    (
      await sensorsByKey(
        tx,
        wanted.map((w) => w.key),
        facilityId,
      )
    ).map((s) => s.key),
  );
  const missing = wanted.filter((w) => !existing.has(w.key));
  let created = 0;
  for (let i = 0; i < missing.length; i += INSERT_ROWS) {
    const rows = await tx
      .insert(sensors)
      .values(
        missing.slice(i, i + INSERT_ROWS).map((w) => ({
          tenantId,
          facilityId,
          key: w.key,
          name: w.key,
          type: 'other',
          unit: w.unit ?? null,
          detection: DEFAULT_DETECTION,
        })),
      )
      .onConflictDoNothing({ target: [sensors.tenantId, sensors.facilityId, sensors.key] })
      .returning({ id: sensors.id });
    if (rows.length > 0)
      await tx.insert(sensorState).values(rows.map((row) => ({ sensorId: row.id, tenantId })));
    created += rows.length;
  }
  return created;
}
