import type { PipelineGraph } from '../contracts.ts';
import type { Metrics24h } from '../metrics/metrics24h.repo.ts';
import { assessComplexity } from './complexity.ts';
import type { PipelineRow, PipelineVersionRow } from './pipelines.repo.ts';
import type { WorkspaceKeyRow, WorkspaceWithCount } from './workspaces.repo.ts';

// Rows to API bodies for workspaces, their keys, pipelines and versions.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentWorkspace = (w: WorkspaceWithCount) => ({
  id: w.id,
  name: w.name,
  sector: w.sector,
  description: w.description,
  monthlyBudgetUsd: w.monthlyBudgetUsd,
  monthlyBudgetTokens: w.monthlyBudgetTokens,
  pipelines: w.pipelines,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});

export const presentWorkspaceKey = (k: WorkspaceKeyRow) => ({
  id: k.id,
  workspaceId: k.workspaceId,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes,
  createdAt: k.createdAt.toISOString(),
  expiresAt: iso(k.expiresAt),
  lastUsedAt: iso(k.lastUsedAt),
  revokedAt: iso(k.revokedAt),
});

/** A pipeline; with its 24 h figures when given. The explanation is recomputed (pure, cheap). */
export function presentPipeline(p: PipelineRow, metrics24h?: Metrics24h) {
  const graph = { nodes: p.nodes, connections: p.connections } as PipelineGraph;
  return {
    id: p.id,
    workspaceId: p.workspaceId,
    slug: p.slug,
    model: `pipeline/${p.slug}`,
    name: p.name,
    description: p.description,
    sector: p.sector,
    nodes: graph.nodes,
    connections: graph.connections,
    features: p.features,
    nodeCount: p.nodeCount,
    complexityScore: p.complexityScore,
    complexityTier: p.complexityTier,
    monthlyCost: p.monthlyCost,
    explanation: assessComplexity(graph).explanation,
    status: p.status,
    version: p.version,
    isDefault: p.isDefault,
    storePrompts: p.storePrompts,
    retentionDays: p.retentionDays,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    deployedAt: iso(p.deployedAt),
    ...(metrics24h ? { metrics24h } : {}),
  };
}

export const presentVersion = (v: PipelineVersionRow) => ({
  version: v.version,
  nodes: v.nodes as PipelineGraph['nodes'],
  connections: v.connections as PipelineGraph['connections'],
  features: v.features,
  createdBy: v.createdBy,
  createdAt: v.createdAt.toISOString(),
});
