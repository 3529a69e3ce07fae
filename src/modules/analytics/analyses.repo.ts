import { and, asc, desc, eq, gte, ilike, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import {
  analyses,
  analysisInsights,
  analysisMetrics,
  analyzerConfigHistory,
  analyzerConfigs,
  chatMessages,
} from '../../platform/db/schema/index.ts';
import type { Baseline, Insight } from './analysis/types.ts';

export type AnalysisRow = typeof analyses.$inferSelect;
export type AnalysisInsert = typeof analyses.$inferInsert;

export async function insertAnalysis(tx: Executor, values: AnalysisInsert): Promise<AnalysisRow> {
  const [row] = await tx.insert(analyses).values(values).returning();
  if (!row) throw new Error('analysis not inserted');
  return row;
}

export async function findAnalysis(tx: Executor, id: string, lock = false): Promise<AnalysisRow | undefined> {
  const query = tx.select().from(analyses).where(eq(analyses.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateAnalysis(tx: Executor, id: string, patch: Partial<AnalysisInsert>) {
  const [row] = await tx.update(analyses).set(patch).where(eq(analyses.id, id)).returning();
  if (!row) throw new Error('analysis vanished');
  return row;
}

export async function deleteAnalysis(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx.delete(analyses).where(eq(analyses.id, id)).returning({ id: analyses.id });
  return rows.length > 0;
}

export async function listAnalyses(
  tx: Executor,
  filter: {
    status?: string | undefined;
    facilityId?: string | undefined;
    importId?: string | undefined;
    q?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const where = and(
    filter.status ? eq(analyses.status, filter.status) : undefined,
    filter.facilityId ? eq(analyses.facilityId, filter.facilityId) : undefined,
    filter.importId ? eq(analyses.importId, filter.importId) : undefined,
    filter.q ? ilike(analyses.name, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const rows = await tx
    .select({ analysis: analyses, total: matchedRows() })
    .from(analyses)
    .where(where)
    .orderBy(desc(analyses.createdAt), desc(analyses.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r) => r.analysis,
    () => countWhere(tx, analyses, where),
  );
}

export async function insertInsights(
  tx: Executor,
  tenantId: string,
  analysisId: string,
  insights: Insight[],
) {
  for (let i = 0; i < insights.length; i += 500) {
    const chunk = insights.slice(i, i + 500);
    await tx.insert(analysisInsights).values(
      chunk.map((insight, j) => ({
        analysisId,
        tenantId,
        rank: i + j + 1,
        key: insight.key,
        analyzer: insight.analyzer,
        kind: insight.kind,
        severity: insight.severity,
        score: insight.impact.score,
        body: insight as unknown as Record<string, unknown>,
      })),
    );
  }
}

export async function listInsights(
  tx: Executor,
  analysisId: string,
  filter: { analyzer?: string | undefined; severity?: string | undefined; limit?: number } = {},
) {
  const rows = await tx
    .select({ rank: analysisInsights.rank, body: analysisInsights.body })
    .from(analysisInsights)
    .where(
      and(
        eq(analysisInsights.analysisId, analysisId),
        filter.analyzer ? eq(analysisInsights.analyzer, filter.analyzer) : undefined,
        filter.severity ? eq(analysisInsights.severity, filter.severity) : undefined,
      ),
    )
    .orderBy(asc(analysisInsights.rank))
    .limit(filter.limit ?? 10_000);
  return rows.map((r) => ({ rank: r.rank, insight: r.body as unknown as Insight }));
}

export async function findInsight(tx: Executor, analysisId: string, rank: number) {
  const [row] = await tx
    .select({ rank: analysisInsights.rank, body: analysisInsights.body })
    .from(analysisInsights)
    .where(and(eq(analysisInsights.analysisId, analysisId), eq(analysisInsights.rank, rank)));
  return row ? { rank: row.rank, insight: row.body as unknown as Insight } : undefined;
}

export async function insertMetrics(
  tx: Executor,
  scope: { tenantId: string; facilityId: string; analysisId: string },
  metrics: Record<string, number>,
) {
  const values = Object.entries(metrics)
    .filter(([, v]) => Number.isFinite(v))
    .map(([metric, value]) => ({ ...scope, metric, value }));
  if (values.length) await tx.insert(analysisMetrics).values(values);
}

/** Per metric, the mean over the facility's earlier completed analyses inside the window. */
export async function baselinesOf(
  tx: Executor,
  facilityId: string,
  windowDays: number,
  excludeAnalysisId: string,
): Promise<Record<string, Baseline>> {
  const since = new Date(Date.now() - windowDays * 86_400_000);
  const rows = await tx
    .select({
      metric: analysisMetrics.metric,
      value: sql<number>`avg(${analysisMetrics.value})`.mapWith(Number),
      analyses: sql<number>`count(*)`.mapWith(Number),
    })
    .from(analysisMetrics)
    .where(
      and(
        eq(analysisMetrics.facilityId, facilityId),
        gte(analysisMetrics.createdAt, since),
        ne(analysisMetrics.analysisId, excludeAnalysisId),
      ),
    )
    .groupBy(analysisMetrics.metric);
  return Object.fromEntries(rows.map((r) => [r.metric, r]));
}

// Configuration

export type ConfigRow = typeof analyzerConfigs.$inferSelect;

const scopeOf = (facilityId: string | null) =>
  facilityId ? eq(analyzerConfigs.facilityId, facilityId) : isNull(analyzerConfigs.facilityId);

export async function findConfig(tx: Executor, facilityId: string | null): Promise<ConfigRow | undefined> {
  const [row] = await tx.select().from(analyzerConfigs).where(scopeOf(facilityId));
  return row;
}

export async function saveConfig(
  tx: Executor,
  values: {
    tenantId: string;
    facilityId: string | null;
    presetType: string;
    config: Record<string, number | boolean | string>;
    updatedBy: string | null;
  },
): Promise<ConfigRow> {
  const existing = await tx.select().from(analyzerConfigs).where(scopeOf(values.facilityId)).for('update');
  if (existing[0]) {
    const [row] = await tx
      .update(analyzerConfigs)
      .set({
        presetType: values.presetType,
        config: values.config,
        updatedBy: values.updatedBy,
        updatedAt: new Date(),
      })
      .where(eq(analyzerConfigs.id, existing[0].id))
      .returning();
    if (!row) throw new Error('configuration vanished');
    return row;
  }
  const [row] = await tx.insert(analyzerConfigs).values(values).returning();
  if (!row) throw new Error('configuration not inserted');
  return row;
}

export async function insertConfigHistory(tx: Executor, values: typeof analyzerConfigHistory.$inferInsert) {
  await tx.insert(analyzerConfigHistory).values(values);
}

export async function configHistory(tx: Executor, facilityId: string | null, limit: number) {
  return tx
    .select()
    .from(analyzerConfigHistory)
    .where(
      facilityId
        ? eq(analyzerConfigHistory.facilityId, facilityId)
        : isNull(analyzerConfigHistory.facilityId),
    )
    .orderBy(desc(analyzerConfigHistory.changedAt), desc(analyzerConfigHistory.id))
    .limit(limit);
}

// Chat

export type ChatRow = typeof chatMessages.$inferSelect;

export async function insertChatMessage(
  tx: Executor,
  values: typeof chatMessages.$inferInsert,
): Promise<ChatRow> {
  const [row] = await tx.insert(chatMessages).values(values).returning();
  if (!row) throw new Error('message not inserted');
  return row;
}

export async function chatHistory(tx: Executor, analysisId: string, limit: number): Promise<ChatRow[]> {
  const rows = await tx
    .select()
    .from(chatMessages)
    .where(eq(chatMessages.analysisId, analysisId))
    .orderBy(desc(chatMessages.createdAt), asc(chatMessages.role))
    .limit(limit);
  return rows.reverse();
}
