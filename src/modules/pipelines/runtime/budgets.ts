// Budgets: a pipeline's daily tokens and USD (its model node's dailyTokenBudget and
// dailyCostBudgetUsd, per UTC day) and a workspace's monthly ones (ai_workspaces, per UTC month).
//
// No database read on the request path in the steady state: what a pipeline or workspace used is
// read once per period (the first request of the day or month waits for it), then kept in memory
// and increased by every request this process answers. Every REFRESH_MS a request triggers a
// background re-read (a workspace's limits may have been edited, other processes serve traffic
// too); usage then becomes the larger of the database's sum and the in-memory one, since the
// recorder writes rows in batches and the freshest of this process's requests may not be there yet.
// A read that fails lets traffic through (logged): a budget is a cost guard, not an access control.
import type { Db } from '../../../platform/db/database.ts';
import { readInTenant } from '../../../platform/db/scope.ts';
import { GatewayError, type ModelNodeConfig, type RunnablePipeline } from '../contracts.ts';
import { pipelineUsageSince, type UsageSum, type WorkspaceBudget, workspaceBudget } from './budgets.repo.ts';

export const REFRESH_MS = 60_000;

export interface BudgetSource {
  pipelineUsage(tenantId: string, pipelineId: string, since: Date): Promise<UsageSum>;
  workspace(tenantId: string, workspaceId: string, since: Date): Promise<WorkspaceBudget | null>;
}

export function dbBudgetSource(db: Db): BudgetSource {
  return {
    pipelineUsage: (tenantId, pipelineId, since) =>
      readInTenant(db, tenantId, (tx) => pipelineUsageSince(tx, pipelineId, since)),
    workspace: (tenantId, workspaceId, since) =>
      readInTenant(db, tenantId, (tx) => workspaceBudget(tx, workspaceId, since)),
  };
}

export interface Budgets {
  /** Throws GatewayError budget (429) when a limit is reached. */
  check(pipeline: RunnablePipeline, model: ModelNodeConfig | undefined): Promise<void>;
  /** What a request used (after it ended, whatever its outcome). */
  add(pipeline: RunnablePipeline, tokens: number, usd: number): void;
}

interface Entry<T> {
  period: number;
  value: T;
  loaded: boolean;
  loadedAt: number;
  pending: Promise<void> | null;
}

const DAY_MS = 86_400_000;
export const dayStart = (now: number) => Math.floor(now / DAY_MS) * DAY_MS;
export function monthStart(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;

export function createBudgets(o: {
  source: BudgetSource;
  logger?: { warn(obj: object, msg: string): void };
  now?: () => number;
}): Budgets {
  const now = o.now ?? Date.now;
  const pipelines = new Map<string, Entry<UsageSum>>();
  const workspaces = new Map<string, Entry<WorkspaceBudget | null>>();

  /**
   * The entry for this period: loaded (awaited) when new, refreshed in the background when old. The
   * first load adds what requests used meanwhile; a refresh keeps the larger of the two.
   */
  async function current<T>(
    map: Map<string, Entry<T>>,
    key: string,
    period: number,
    load: () => Promise<T>,
    merge: (fresh: T, mem: T, first: boolean) => T,
    empty: T,
  ): Promise<Entry<T>> {
    let entry = map.get(key);
    const reload = (e: Entry<T>, first: boolean) => {
      e.loadedAt = now();
      e.pending = load()
        .then((value) => {
          e.value = merge(value, e.value, first);
          e.loaded = true;
        })
        .catch((err: unknown) => {
          e.loaded = true;
          o.logger?.warn({ err, key }, 'AI budget: usage not read, traffic let through');
        })
        .finally(() => {
          e.pending = null;
        });
    };
    if (!entry || entry.period !== period) {
      entry = { period, value: empty, loaded: false, loadedAt: now(), pending: null };
      map.set(key, entry);
      reload(entry, true);
    } else if (!entry.pending && now() - entry.loadedAt > REFRESH_MS) {
      reload(entry, false);
    }
    if (!entry.loaded && entry.pending) await entry.pending;
    return entry;
  }

  const mergeUsage = (fresh: UsageSum, mem: UsageSum, first: boolean): UsageSum =>
    first
      ? { tokens: fresh.tokens + mem.tokens, usd: fresh.usd + mem.usd }
      : { tokens: Math.max(fresh.tokens, mem.tokens), usd: Math.max(fresh.usd, mem.usd) };
  const noUsage: UsageSum = { tokens: 0, usd: 0 };

  return {
    async check(pipeline, model) {
      const t = now();
      const daily = model?.dailyTokenBudget !== undefined || model?.dailyCostBudgetUsd !== undefined;
      if (daily && model) {
        const day = dayStart(t);
        const since = new Date(day);
        const entry = await current(
          pipelines,
          pipeline.id,
          day,
          () => o.source.pipelineUsage(pipeline.tenantId, pipeline.id, since),
          mergeUsage,
          noUsage,
        );
        const used = entry.value;
        if (model.dailyTokenBudget !== undefined && used.tokens >= model.dailyTokenBudget) {
          throw new GatewayError(
            'budget',
            429,
            `daily token budget of ${model.dailyTokenBudget} reached (used ${used.tokens})`,
          );
        }
        if (model.dailyCostBudgetUsd !== undefined && used.usd >= model.dailyCostBudgetUsd) {
          throw new GatewayError(
            'budget',
            429,
            `daily cost budget of ${usd(model.dailyCostBudgetUsd)} reached (used ${usd(used.usd)})`,
          );
        }
      }
      const month = monthStart(t);
      const since = new Date(month);
      const ws = await current<WorkspaceBudget | null>(
        workspaces,
        pipeline.workspaceId,
        month,
        () => o.source.workspace(pipeline.tenantId, pipeline.workspaceId, since),
        (fresh, mem, first) => (fresh && mem ? { ...fresh, ...mergeUsage(fresh, mem, first) } : fresh),
        null,
      );
      const b = ws.value;
      if (!b) return;
      if (b.limitTokens !== null && b.tokens >= b.limitTokens) {
        throw new GatewayError(
          'budget',
          429,
          `the workspace's monthly token budget of ${b.limitTokens} is reached (used ${b.tokens})`,
        );
      }
      if (b.limitUsd !== null && b.usd >= b.limitUsd) {
        throw new GatewayError(
          'budget',
          429,
          `the workspace's monthly cost budget of ${usd(b.limitUsd)} is reached (used ${usd(b.usd)})`,
        );
      }
    },
    add(pipeline, tokens, cost) {
      if (tokens === 0 && cost === 0) return;
      const t = now();
      const p = pipelines.get(pipeline.id);
      if (p && p.period === dayStart(t))
        p.value = { tokens: p.value.tokens + tokens, usd: p.value.usd + cost };
      const w = workspaces.get(pipeline.workspaceId);
      if (w?.value && w.period === monthStart(t)) {
        w.value = { ...w.value, tokens: w.value.tokens + tokens, usd: w.value.usd + cost };
      }
    },
  };
}
