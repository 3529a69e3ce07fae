import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import {
  inspectionCameras,
  inspectionRegions,
  inspectionRegionVersions,
} from '../../platform/db/schema/index.ts';
import type { RegionDef, RegionRules } from './engine/types.ts';

// A camera's regions and their versions. Every change bumps the camera's region version and keeps
// a snapshot of all its regions as they are after the change: the rules a verdict was judged by.

export type RegionRow = typeof inspectionRegions.$inferSelect;
export type RegionInsert = typeof inspectionRegions.$inferInsert;

export async function regionsOfCamera(
  tx: Executor,
  cameraId: string,
  regionSet?: string,
): Promise<RegionRow[]> {
  return tx
    .select()
    .from(inspectionRegions)
    .where(
      and(
        eq(inspectionRegions.cameraId, cameraId),
        regionSet ? eq(inspectionRegions.regionSet, regionSet) : undefined,
      ),
    )
    .orderBy(asc(inspectionRegions.createdAt), asc(inspectionRegions.id));
}

export async function findRegion(tx: Executor, id: string): Promise<RegionRow | undefined> {
  const [row] = await tx.select().from(inspectionRegions).where(eq(inspectionRegions.id, id));
  return row;
}

export async function insertRegion(tx: Executor, values: RegionInsert): Promise<RegionRow> {
  const [row] = await tx.insert(inspectionRegions).values(values).returning();
  if (!row) throw new Error('region not inserted');
  return row;
}

export async function updateRegion(tx: Executor, id: string, values: Partial<RegionInsert>) {
  const [row] = await tx
    .update(inspectionRegions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(inspectionRegions.id, id))
    .returning();
  return row;
}

export async function deleteRegion(tx: Executor, id: string) {
  await tx.delete(inspectionRegions).where(eq(inspectionRegions.id, id));
}

/** Bumps the camera's region version (locking the camera row) and snapshots its regions. */
export async function recordRegionVersion(
  tx: Executor,
  {
    tenantId,
    cameraId,
    change,
    changedBy,
  }: { tenantId: string; cameraId: string; change: string; changedBy: string | null },
): Promise<number> {
  const [bumped] = await tx
    .update(inspectionCameras)
    .set({ regionVersion: sql`${inspectionCameras.regionVersion} + 1`, updatedAt: new Date() })
    .where(eq(inspectionCameras.id, cameraId))
    .returning({ version: inspectionCameras.regionVersion });
  if (!bumped) throw new Error('camera vanished while its regions changed');
  const regions = (await regionsOfCamera(tx, cameraId)).map(regionSnapshot);
  await tx
    .insert(inspectionRegionVersions)
    .values({ cameraId, tenantId, version: bumped.version, change, regions, changedBy });
  return bumped.version;
}

export async function regionVersions(tx: Executor, cameraId: string, limit: number) {
  return tx
    .select()
    .from(inspectionRegionVersions)
    .where(eq(inspectionRegionVersions.cameraId, cameraId))
    .orderBy(desc(inspectionRegionVersions.version))
    .limit(limit);
}

/** What a version keeps of a region. */
export function regionSnapshot(row: RegionRow) {
  return {
    id: row.id,
    regionSet: row.regionSet,
    name: row.name,
    severity: row.severity,
    kind: row.kind,
    polygon: row.polygon,
    rules: row.rules,
  };
}

/** A stored region as the rules engine takes it. */
export function regionDef(
  row: Pick<RegionRow, 'id' | 'name' | 'severity' | 'kind' | 'polygon' | 'rules'>,
): RegionDef {
  return {
    id: row.id,
    name: row.name,
    severity: row.severity as RegionDef['severity'],
    kind: row.kind as RegionDef['kind'],
    polygon: row.polygon,
    rules: row.rules as RegionRules,
  };
}
