// The tenant's default pipeline, for PlantIntel's own AI calls (analysis chat, narratives,
// explanations): created with its workspace on first use (resolver.defaultFor).
import type { PipelineGraph } from '../contracts.ts';

export const DEFAULT_WORKSPACE = { name: 'PlantIntel assistant', sector: 'manufacturing' } as const;
export const DEFAULT_SLUG = 'plantintel-assistant';

/** The default pipeline: input → guard(redactPii) → cache(exact) → model(provider default) → output. */
export const DEFAULT_GRAPH: PipelineGraph = {
  nodes: [
    { id: 'input', type: 'input', config: {} },
    { id: 'guard', type: 'guard', config: { redactPii: true } },
    { id: 'cache', type: 'cache', config: { mode: 'exact', ttlSeconds: 3600 } },
    { id: 'model', type: 'model', config: { provider: 'default', model: 'default' } },
    { id: 'output', type: 'output', config: {} },
  ],
  connections: [
    { from: 'input', to: 'guard' },
    { from: 'guard', to: 'cache' },
    { from: 'cache', to: 'model' },
    { from: 'model', to: 'output' },
  ],
};
