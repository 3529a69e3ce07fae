import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import {
  inspectionCameras,
  inspectionCurrentParts,
  inspectionParts,
  inspectionSettings,
  inspectionStations,
} from '../../platform/db/schema/index.ts';

// Stations, cameras, part information, the part on each station and the tenant's inspection
// settings: the set-up rows of the inspection module.

export type StationRow = typeof inspectionStations.$inferSelect;
export type CameraRow = typeof inspectionCameras.$inferSelect;
export type CameraInsert = typeof inspectionCameras.$inferInsert;
export type PartRow = typeof inspectionParts.$inferSelect;
export type CurrentPartRow = typeof inspectionCurrentParts.$inferSelect;

export async function insertStation(tx: Executor, values: typeof inspectionStations.$inferInsert) {
  const [row] = await tx.insert(inspectionStations).values(values).returning();
  if (!row) throw new Error('station not inserted');
  return row;
}

export async function findStation(tx: Executor, id: string): Promise<StationRow | undefined> {
  const [row] = await tx.select().from(inspectionStations).where(eq(inspectionStations.id, id));
  return row;
}

export async function updateStation(tx: Executor, id: string, values: Partial<StationRow>) {
  const [row] = await tx
    .update(inspectionStations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(inspectionStations.id, id))
    .returning();
  return row;
}

export async function deleteStation(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx
    .delete(inspectionStations)
    .where(eq(inspectionStations.id, id))
    .returning({ id: inspectionStations.id });
  return rows.length > 0;
}

/** Stations with their camera count and current part, by name. */
export async function listStations(tx: Executor, { limit, offset }: { limit: number; offset: number }) {
  const rows = await tx
    .select({
      station: inspectionStations,
      cameraCount:
        sql<number>`(select count(*) from inspection_cameras c where c.station_id = ${inspectionStations.id})`.mapWith(
          Number,
        ),
      partNumber: inspectionCurrentParts.partNumber,
      partSerial: inspectionCurrentParts.partSerial,
      total: matchedRows(),
    })
    .from(inspectionStations)
    .leftJoin(inspectionCurrentParts, eq(inspectionCurrentParts.stationId, inspectionStations.id))
    .orderBy(asc(inspectionStations.name), asc(inspectionStations.id))
    .limit(limit)
    .offset(offset);
  return pageOf(
    rows,
    offset,
    ({ total: _t, ...row }) => row,
    () => countWhere(tx, inspectionStations, undefined),
  );
}

export async function insertCamera(tx: Executor, values: CameraInsert): Promise<CameraRow> {
  const [row] = await tx.insert(inspectionCameras).values(values).returning();
  if (!row) throw new Error('camera not inserted');
  return row;
}

export async function findCamera(tx: Executor, id: string): Promise<CameraRow | undefined> {
  const [row] = await tx.select().from(inspectionCameras).where(eq(inspectionCameras.id, id));
  return row;
}

export async function findCameraBySerial(tx: Executor, serial: string): Promise<CameraRow | undefined> {
  const [row] = await tx.select().from(inspectionCameras).where(eq(inspectionCameras.serialNumber, serial));
  return row;
}

export async function camerasOfStation(tx: Executor, stationId: string): Promise<CameraRow[]> {
  return tx
    .select()
    .from(inspectionCameras)
    .where(eq(inspectionCameras.stationId, stationId))
    .orderBy(asc(inspectionCameras.serialNumber));
}

export async function listCameras(
  tx: Executor,
  filter: { stationId?: string | undefined; status?: string | undefined; limit: number; offset: number },
) {
  const where = and(
    filter.stationId ? eq(inspectionCameras.stationId, filter.stationId) : undefined,
    filter.status ? eq(inspectionCameras.status, filter.status) : undefined,
  );
  const rows = await tx
    .select({ camera: inspectionCameras, total: matchedRows() })
    .from(inspectionCameras)
    .where(where)
    .orderBy(asc(inspectionCameras.serialNumber))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r) => r.camera,
    () => countWhere(tx, inspectionCameras, where),
  );
}

export async function updateCamera(tx: Executor, id: string, values: Partial<CameraInsert>) {
  const [row] = await tx
    .update(inspectionCameras)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(inspectionCameras.id, id))
    .returning();
  return row;
}

export async function deleteCamera(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx
    .delete(inspectionCameras)
    .where(eq(inspectionCameras.id, id))
    .returning({ id: inspectionCameras.id });
  return rows.length > 0;
}

/**
 * Marks cameras seen now (online) as images arrive from them. A camera seen within the last second
 * is left alone, and so is one another transaction is marking (`skip locked`): a busy station does
 * not queue on its rows. The lock is `for no key update`, which the key-share locks of the images'
 * foreign keys do not block: two triggers of a station each hold those on its cameras, and a
 * `for update` of each waited for the other's — a deadlock (PostgreSQL answered 40P01) at 4–6
 * triggers a second. Rows are still taken in id order.
 */
export async function touchCameras(tx: Executor, ids: string[], at: Date) {
  if (ids.length === 0) return;
  await tx.execute(sql`
    update inspection_cameras c
       set last_seen_at = ${at.toISOString()}::timestamptz,
           status = case when c.status = 'maintenance' then 'maintenance' else 'online' end
      from (select id from inspection_cameras
             where id = any(${sql.param(ids)}::uuid[])
               and (last_seen_at is null or status = 'offline'
                    or last_seen_at < ${at.toISOString()}::timestamptz - interval '1 second')
             order by id
             for no key update skip locked) locked
     where c.id = locked.id`);
}

export async function insertPart(
  tx: Executor,
  values: typeof inspectionParts.$inferInsert,
): Promise<PartRow> {
  const [row] = await tx.insert(inspectionParts).values(values).returning();
  if (!row) throw new Error('part not inserted');
  return row;
}

export async function updatePart(
  tx: Executor,
  partNumber: string,
  values: Partial<typeof inspectionParts.$inferInsert>,
) {
  const [row] = await tx
    .update(inspectionParts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(inspectionParts.partNumber, partNumber))
    .returning();
  return row;
}

export async function findPart(tx: Executor, partNumber: string): Promise<PartRow | undefined> {
  const [row] = await tx.select().from(inspectionParts).where(eq(inspectionParts.partNumber, partNumber));
  return row;
}

export async function listParts(tx: Executor, { limit, offset }: { limit: number; offset: number }) {
  const rows = await tx
    .select({ part: inspectionParts, total: matchedRows() })
    .from(inspectionParts)
    .orderBy(asc(inspectionParts.partNumber))
    .limit(limit)
    .offset(offset);
  return pageOf(
    rows,
    offset,
    (r) => r.part,
    () => countWhere(tx, inspectionParts, undefined),
  );
}

export async function deletePart(tx: Executor, partNumber: string): Promise<boolean> {
  const rows = await tx
    .delete(inspectionParts)
    .where(eq(inspectionParts.partNumber, partNumber))
    .returning({ id: inspectionParts.id });
  return rows.length > 0;
}

export async function findCurrentPart(tx: Executor, stationId: string): Promise<CurrentPartRow | undefined> {
  const [row] = await tx
    .select()
    .from(inspectionCurrentParts)
    .where(eq(inspectionCurrentParts.stationId, stationId));
  return row;
}

export async function setCurrentPart(tx: Executor, values: typeof inspectionCurrentParts.$inferInsert) {
  const [row] = await tx
    .insert(inspectionCurrentParts)
    .values(values)
    .onConflictDoUpdate({
      target: inspectionCurrentParts.stationId,
      set: {
        partNumber: values.partNumber,
        partSerial: values.partSerial ?? null,
        setBy: values.setBy ?? null,
        setAt: new Date(),
      },
    })
    .returning();
  if (!row) throw new Error('current part not stored');
  return row;
}

export async function findSettings(tx: Executor) {
  const [row] = await tx.select().from(inspectionSettings);
  return { secondReview: row?.secondReview ?? false };
}

export async function storeSettings(tx: Executor, tenantId: string, secondReview: boolean) {
  await tx
    .insert(inspectionSettings)
    .values({ tenantId, secondReview })
    .onConflictDoUpdate({
      target: inspectionSettings.tenantId,
      set: { secondReview, updatedAt: new Date() },
    });
}

export async function stationByName(tx: Executor, name: string): Promise<StationRow | undefined> {
  const [row] = await tx.select().from(inspectionStations).where(eq(inspectionStations.name, name)).limit(1);
  return row;
}
