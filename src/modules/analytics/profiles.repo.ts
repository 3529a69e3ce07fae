import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import { mappingProfiles, mappingProfileVersions } from '../../platform/db/schema/index.ts';

export type ProfileRow = typeof mappingProfiles.$inferSelect;
export type ProfileInsert = typeof mappingProfiles.$inferInsert;

/** What a version keeps: the profile's content, without its counters and timestamps. */
export function contentOf(row: ProfileRow): Record<string, unknown> {
  return {
    name: row.name,
    description: row.description,
    erpSystem: row.erpSystem,
    dataGranularity: row.dataGranularity,
    aggregationStrategy: row.aggregationStrategy,
    mappings: row.mappings,
    configVariables: row.configVariables,
    isActive: row.isActive,
  };
}

async function recordVersion(tx: Executor, row: ProfileRow, userId: string | null) {
  await tx.insert(mappingProfileVersions).values({
    profileId: row.id,
    version: row.version,
    tenantId: row.tenantId,
    content: contentOf(row),
    createdBy: userId,
  });
}

export async function insertProfile(tx: Executor, values: ProfileInsert): Promise<ProfileRow> {
  const [row] = await tx.insert(mappingProfiles).values(values).returning();
  if (!row) throw new Error('profile not inserted');
  await recordVersion(tx, row, values.createdBy ?? null);
  return row;
}

export async function findProfile(tx: Executor, id: string, lock = false): Promise<ProfileRow | undefined> {
  const query = tx.select().from(mappingProfiles).where(eq(mappingProfiles.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findProfileByName(tx: Executor, name: string): Promise<ProfileRow | undefined> {
  const [row] = await tx.select().from(mappingProfiles).where(eq(mappingProfiles.name, name));
  return row;
}

/** Replaces the content and raises the version; the new version is recorded. */
export async function replaceProfile(
  tx: Executor,
  id: string,
  content: Partial<ProfileInsert>,
  userId: string | null,
): Promise<ProfileRow> {
  const [row] = await tx
    .update(mappingProfiles)
    .set({ ...content, version: sql`${mappingProfiles.version} + 1`, updatedAt: sql`now()` })
    .where(eq(mappingProfiles.id, id))
    .returning();
  if (!row) throw new Error('profile vanished');
  await recordVersion(tx, row, userId);
  return row;
}

export async function deleteProfile(tx: Executor, id: string) {
  await tx.delete(mappingProfiles).where(eq(mappingProfiles.id, id));
}

/** Counts a use by an import. */
export async function markProfileUsed(tx: Executor, id: string) {
  await tx
    .update(mappingProfiles)
    .set({ usageCount: sql`${mappingProfiles.usageCount} + 1`, lastUsed: sql`now()` })
    .where(eq(mappingProfiles.id, id));
}

export async function listProfiles(
  tx: Executor,
  filter: { q?: string | undefined; active?: boolean | undefined; limit: number; offset: number },
) {
  const text = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    text
      ? or(
          ilike(mappingProfiles.name, text),
          ilike(mappingProfiles.erpSystem, text),
          ilike(mappingProfiles.description, text),
        )
      : undefined,
    filter.active === undefined ? undefined : eq(mappingProfiles.isActive, filter.active),
  );
  const rows = await tx
    .select({ profile: mappingProfiles, total: matchedRows() })
    .from(mappingProfiles)
    .where(where)
    .orderBy(asc(mappingProfiles.name))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (row) => row.profile,
    () => countWhere(tx, mappingProfiles, where),
  );
}

export async function profileVersions(tx: Executor, id: string) {
  return tx
    .select()
    .from(mappingProfileVersions)
    .where(eq(mappingProfileVersions.profileId, id))
    .orderBy(desc(mappingProfileVersions.version));
}

/** Header → field pairs of the tenant's active profiles, weighted by use: what auto-mapping learned. */
export async function learnedPairs(tx: Executor) {
  const rows = await tx
    .select({ mappings: mappingProfiles.mappings, usageCount: mappingProfiles.usageCount })
    .from(mappingProfiles)
    .where(eq(mappingProfiles.isActive, true))
    .orderBy(desc(mappingProfiles.lastUsed))
    .limit(200);
  const pairs: { header: string; field: string; weight: number }[] = [];
  for (const row of rows)
    for (const m of row.mappings)
      if (m.column) pairs.push({ header: m.column, field: m.field, weight: 1 + row.usageCount });
  return pairs;
}

/** The analyzer configuration variables a profile carries (analyses of its imports apply them). */
export async function profileConfigVariables(tx: Executor, id: string) {
  const [row] = await tx
    .select({ variables: mappingProfiles.configVariables })
    .from(mappingProfiles)
    .where(eq(mappingProfiles.id, id));
  return row?.variables ?? [];
}
