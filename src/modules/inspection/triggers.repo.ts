import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { type NullableArrayType, nullableBinaryArray } from '../../platform/db/binary-arrays.ts';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import { inspectionDefects, inspectionImages, inspectionTriggers } from '../../platform/db/schema/index.ts';

// Triggers (a part passing a station), their images and the images' defects.

export type TriggerRow = typeof inspectionTriggers.$inferSelect;
export type TriggerInsert = typeof inspectionTriggers.$inferInsert;
export type ImageRow = typeof inspectionImages.$inferSelect;
export type ImageInsert = typeof inspectionImages.$inferInsert;
export type DefectRow = typeof inspectionDefects.$inferSelect;
export type DefectInsert = typeof inspectionDefects.$inferInsert;

export async function insertTrigger(tx: Executor, values: TriggerInsert): Promise<TriggerRow> {
  const [row] = await tx.insert(inspectionTriggers).values(values).returning();
  if (!row) throw new Error('trigger not inserted');
  return row;
}

export async function insertImages(tx: Executor, values: ImageInsert[]): Promise<ImageRow[]> {
  if (values.length === 0) return [];
  return tx.insert(inspectionImages).values(values).returning();
}

/**
 * Stores defects in one statement: a binary array per column, unnested (a trigger can bring
 * hundreds; a multi-row insert of them cost the embedded database several times as much to build,
 * send and parse). Ids are generated where none is given; nothing is returned.
 */
export async function insertDefects(tx: Executor, values: DefectInsert[]): Promise<void> {
  if (values.length === 0) return;
  const column = (
    type: NullableArrayType,
    of: (d: DefectInsert) => string | number | boolean | null | undefined,
  ) =>
    nullableBinaryArray(
      type,
      values.map((d) => of(d) ?? null),
    );
  const float8 = (of: (d: DefectInsert) => number | null | undefined) =>
    sql`unnest(${column('float8', of)}::float8[])`;
  const uuid = (of: (d: DefectInsert) => string | null | undefined) =>
    sql`unnest(${column('text', of)}::text[])::uuid`;
  await tx.execute(sql`/* insertDefects */
insert into inspection_defects (id, tenant_id, image_id, trigger_id, camera_id, cx, cy, bbox_x, bbox_y, bbox_w, bbox_h,
                                contour, area_px, diameter_mm, area_mm2, type, confidence, source, region_ids, ignored, created_by)
select coalesce(id, gen_random_uuid()), tenant_id, image_id, trigger_id, camera_id, cx, cy, bbox_x, bbox_y, bbox_w, bbox_h,
       contour, area_px, diameter_mm, area_mm2, type, confidence, source, region_ids, ignored, created_by
  from (select ${uuid((d) => d.id)} as id, ${uuid((d) => d.tenantId)} as tenant_id, ${uuid((d) => d.imageId)} as image_id,
               ${uuid((d) => d.triggerId)} as trigger_id, ${uuid((d) => d.cameraId)} as camera_id,
               ${float8((d) => d.cx)} as cx, ${float8((d) => d.cy)} as cy, ${float8((d) => d.bboxX)} as bbox_x,
               ${float8((d) => d.bboxY)} as bbox_y, ${float8((d) => d.bboxW)} as bbox_w, ${float8((d) => d.bboxH)} as bbox_h,
               unnest(${column('jsonb', (d) => (d.contour ? JSON.stringify(d.contour) : null))}::jsonb[]) as contour,
               ${float8((d) => d.areaPx)} as area_px, ${float8((d) => d.diameterMm)} as diameter_mm,
               ${float8((d) => d.areaMm2)} as area_mm2, unnest(${column('text', (d) => d.type)}::text[]) as type,
               ${float8((d) => d.confidence)} as confidence, unnest(${column('text', (d) => d.source)}::text[]) as source,
               unnest(${column('text', (d) => `{${(d.regionIds ?? []).join(',')}}`)}::text[])::uuid[] as region_ids,
               unnest(${column('bool', (d) => d.ignored ?? false)}::bool[]) as ignored,
               ${uuid((d) => d.createdBy)} as created_by) d`);
}

/** One defect, returned as stored. */
export async function insertDefect(tx: Executor, values: DefectInsert): Promise<DefectRow> {
  const [row] = await tx.insert(inspectionDefects).values(values).returning();
  if (!row) throw new Error('defect not inserted');
  return row;
}

export async function findTrigger(tx: Executor, id: string): Promise<TriggerRow | undefined> {
  const [row] = await tx.select().from(inspectionTriggers).where(eq(inspectionTriggers.id, id));
  return row;
}

export async function updateTrigger(tx: Executor, id: string, values: Partial<TriggerInsert>) {
  const [row] = await tx
    .update(inspectionTriggers)
    .set(values)
    .where(eq(inspectionTriggers.id, id))
    .returning();
  return row;
}

export interface TriggerFilter {
  stationId?: string | undefined;
  partSerial?: string | undefined;
  partNumber?: string | undefined;
  verdict?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** Newest first. */
export async function listTriggers(tx: Executor, filter: TriggerFilter) {
  const t = inspectionTriggers;
  const where = and(
    filter.stationId ? eq(t.stationId, filter.stationId) : undefined,
    filter.partSerial ? eq(t.partSerial, filter.partSerial) : undefined,
    filter.partNumber ? eq(t.partNumber, filter.partNumber) : undefined,
    filter.verdict ? eq(t.verdict, filter.verdict) : undefined,
    filter.from ? gte(t.ts, new Date(filter.from)) : undefined,
    filter.to ? lte(t.ts, new Date(filter.to)) : undefined,
  );
  const rows = await tx
    .select({ trigger: t, total: matchedRows() })
    .from(t)
    .where(where)
    .orderBy(desc(t.ts), desc(t.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r) => r.trigger,
    () => countWhere(tx, t, where),
  );
}

export async function imagesOfTrigger(tx: Executor, triggerId: string): Promise<ImageRow[]> {
  return tx
    .select()
    .from(inspectionImages)
    .where(eq(inspectionImages.triggerId, triggerId))
    .orderBy(asc(inspectionImages.capturedAt), asc(inspectionImages.id));
}

export async function findImage(tx: Executor, id: string): Promise<ImageRow | undefined> {
  const [row] = await tx.select().from(inspectionImages).where(eq(inspectionImages.id, id));
  return row;
}

export async function hasImages(tx: Executor, cameraId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: inspectionImages.id })
    .from(inspectionImages)
    .where(eq(inspectionImages.cameraId, cameraId))
    .limit(1);
  return row !== undefined;
}

/** The newest image of each camera (of one camera, or of a station's cameras). */
export async function latestImages(
  tx: Executor,
  { cameraId, stationId }: { cameraId?: string; stationId?: string } = {},
): Promise<ImageRow[]> {
  const ids = await queryRows<{ id: string }>(
    tx,
    sql`select i.id from inspection_cameras c
        cross join lateral (
          select id from inspection_images where camera_id = c.id order by captured_at desc, id desc limit 1
        ) i
        where (${cameraId ?? null}::uuid is null or c.id = ${cameraId ?? null}::uuid)
          and (${stationId ?? null}::uuid is null or c.station_id = ${stationId ?? null}::uuid)`,
  );
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(inspectionImages)
    .where(
      inArray(
        inspectionImages.id,
        ids.map((r) => r.id),
      ),
    );
}

export async function defectsOfImages(tx: Executor, imageIds: string[]): Promise<DefectRow[]> {
  if (imageIds.length === 0) return [];
  return tx
    .select()
    .from(inspectionDefects)
    .where(inArray(inspectionDefects.imageId, imageIds))
    .orderBy(asc(inspectionDefects.createdAt), asc(inspectionDefects.id));
}

export async function setImageWindow(tx: Executor, id: string, window: { low: number; high: number }) {
  await tx
    .update(inspectionImages)
    .set({ windowLow: Math.round(window.low), windowHigh: Math.round(window.high) })
    .where(eq(inspectionImages.id, id));
}

export async function updateImageVerdict(
  tx: Executor,
  id: string,
  values: Pick<ImageInsert, 'verdict' | 'verdictDetail' | 'regionVersion'>,
) {
  await tx.update(inspectionImages).set(values).where(eq(inspectionImages.id, id));
}

/** Sets each defect's regions and ignored flag from a verdict. */
export async function assignDefects(
  tx: Executor,
  assignments: { id: string; regionIds: string[]; ignored: boolean }[],
) {
  if (assignments.length === 0) return;
  await tx.execute(sql`
    update inspection_defects d set region_ids = a."regionIds", ignored = a.ignored
    from jsonb_to_recordset(${JSON.stringify(assignments)}::jsonb) as a(id uuid, "regionIds" uuid[], ignored boolean)
    where d.id = a.id`);
}

/** Which of `keys` some image row still references (across tenants when run as the platform). */
export async function referencedFileKeys(tx: Executor, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ key: inspectionImages.fileKey })
    .from(inspectionImages)
    .where(inArray(inspectionImages.fileKey, keys));
  return new Set(rows.map((r) => r.key));
}

/** Removes an image's defects of one source (the detector's, before it runs again). */
export async function deleteDefectsBySource(tx: Executor, imageId: string, source: string) {
  await tx
    .delete(inspectionDefects)
    .where(and(eq(inspectionDefects.imageId, imageId), eq(inspectionDefects.source, source)));
}

/** Deletes a station's triggers older than its newest `keep` (the demo simulator's retention). */
export async function deleteTriggersBeyond(tx: Executor, stationId: string, keep: number): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`delete from inspection_triggers where id in (
          select id from inspection_triggers where station_id = ${stationId}
          order by ts desc, id desc offset ${keep}
        ) returning id`,
  );
  return rows.length;
}
