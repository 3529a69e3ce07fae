// The fields of a pipeline as clients give them, checked and turned into columns: the graph
// validated (a 400 naming every problem), features derived when not given, the estimate computed.
import { validationFailed } from '../../../platform/http/errors.ts';
import type { PipelineGraph } from '../contracts.ts';
import { assessComplexity } from './complexity.ts';
import { featuresOf, type GraphInput, validateGraph } from './graph.ts';
import { normaliseSector } from './naming.ts';
import type { PipelineRow, PipelineStatus, updatePipeline } from './pipelines.repo.ts';

export interface PipelineFields {
  name: string;
  description?: string | undefined;
  sector?: string | undefined;
  nodes: GraphInput['nodes'];
  connections: GraphInput['connections'];
  features?: string[] | undefined;
  storePrompts?: boolean | undefined;
  retentionDays?: number | undefined;
}

export interface NewPipeline extends PipelineFields {
  workspaceId: string;
  slug?: string | undefined;
  /** Created as a draft unless given (the default pipeline and the demo start active). */
  status?: PipelineStatus | undefined;
}

export type PipelinePatchFields = Partial<PipelineFields>;

export interface CatalogChanges {
  /** Called after every committed change of the tenant's workspaces or pipelines. */
  changed(tenantId: string): void;
}

/** The graph checked, or a 400 naming every problem. */
export function checkedGraph(input: GraphInput): PipelineGraph {
  const check = validateGraph(input);
  if (!check.valid) {
    throw validationFailed(
      `The pipeline graph is not valid: ${check.errors.map((e) => e.message).join('; ')}`,
      check.errors.map((e) => ({
        path:
          e.nodeId === null
            ? '/body'
            : `/body/nodes/${Math.max(
                0,
                input.nodes.findIndex((n) => n.id === e.nodeId),
              )}`,
        message: e.message,
      })),
    );
  }
  return input as PipelineGraph;
}

export const graphFields = (graph: PipelineGraph, features: string[] | undefined) => {
  const estimate = assessComplexity(graph);
  return {
    nodes: graph.nodes,
    connections: graph.connections,
    features: features ? [...new Set(features)] : featuresOf(graph),
    nodeCount: estimate.nodeCount,
    complexityScore: estimate.complexityScore,
    complexityTier: estimate.complexityTier,
    monthlyCost: estimate.monthlyCost,
  };
};

/** The columns a full or partial update sets (graph checked, estimate recomputed). */
export function fieldsOf(input: PipelinePatchFields, current: PipelineRow) {
  const values: Parameters<typeof updatePipeline>[2] = {};
  if (input.name !== undefined) values.name = input.name.trim();
  if (input.description !== undefined) values.description = input.description;
  if (input.sector !== undefined) values.sector = normaliseSector(input.sector);
  if (input.storePrompts !== undefined) values.storePrompts = input.storePrompts;
  if (input.retentionDays !== undefined) values.retentionDays = input.retentionDays;
  if (input.nodes !== undefined || input.connections !== undefined) {
    const graph = checkedGraph({
      nodes: input.nodes ?? (current.nodes as GraphInput['nodes']),
      connections: input.connections ?? (current.connections as GraphInput['connections']),
    });
    Object.assign(values, graphFields(graph, input.features));
  } else if (input.features !== undefined) {
    values.features = [...new Set(input.features)];
  }
  return values;
}
