// The usage budgets start from: today's (UTC) tokens and cost of a pipeline, this month's of a
// workspace, and the workspace's monthly limits. Read in the tenant's scope, once per pipeline or
// workspace and period, then refreshed in the background (budgets.ts).
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../platform/db/database.ts';

export interface UsageSum {
  tokens: number;
  usd: number;
}

export async function pipelineUsageSince(tx: Executor, pipelineId: string, since: Date): Promise<UsageSum> {
  const rows = await queryRows<{ tokens: string | number | null; usd: string | number | null }>(
    tx,
    sql`select coalesce(sum(tokens_in + tokens_out), 0)::bigint as tokens, coalesce(sum(cost_usd), 0)::float8 as usd
        from ai_requests where pipeline_id = ${pipelineId}::uuid and at >= ${since.toISOString()}::timestamptz`,
  );
  return { tokens: Number(rows[0]?.tokens ?? 0), usd: Number(rows[0]?.usd ?? 0) };
}

export interface WorkspaceBudget extends UsageSum {
  limitTokens: number | null;
  limitUsd: number | null;
}

/** The workspace's monthly limits and what it used since `since`; null when it does not exist. */
export async function workspaceBudget(
  tx: Executor,
  workspaceId: string,
  since: Date,
): Promise<WorkspaceBudget | null> {
  const rows = await queryRows<{
    limit_tokens: number | null;
    limit_usd: number | null;
    tokens: string | number | null;
    usd: string | number | null;
  }>(
    tx,
    sql`select w.monthly_budget_tokens as limit_tokens, w.monthly_budget_usd as limit_usd,
               u.tokens, u.usd
        from ai_workspaces w
        cross join lateral (
          select coalesce(sum(r.tokens_in + r.tokens_out), 0)::bigint as tokens,
                 coalesce(sum(r.cost_usd), 0)::float8 as usd
          from ai_requests r
          where r.workspace_id = w.id and r.at >= ${since.toISOString()}::timestamptz
            and (w.monthly_budget_tokens is not null or w.monthly_budget_usd is not null)
        ) u
        where w.id = ${workspaceId}::uuid`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    limitTokens: row.limit_tokens === null ? null : Number(row.limit_tokens),
    limitUsd: row.limit_usd === null ? null : Number(row.limit_usd),
    tokens: Number(row.tokens ?? 0),
    usd: Number(row.usd ?? 0),
  };
}
