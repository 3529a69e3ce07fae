// The editor's operations on a pipeline graph, as pure functions: add and remove nodes with their
// types' default configuration, connect and disconnect them, lay them out left to right, and find
// the problems the server reported per node. The server's POST /pipelines/validate has the last word.
import type {
  GraphProblem,
  NodeConfig,
  NodeType,
  PipelineConnection,
  PipelineGraph,
  PipelineNode,
} from '../api';

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 56;
const COLUMN_GAP = 60;
const ROW_GAP = 30;
const MARGIN = 20;

export const NODE_TYPE_LABEL: Record<NodeType, string> = {
  input: 'Input',
  retrieve: 'Retrieve context',
  cache: 'Cache',
  guard: 'Guard',
  model: 'Model',
  postprocess: 'Post-process',
  output: 'Output',
};

export const NODE_TYPE_HINT: Record<NodeType, string> = {
  input: 'Where a request enters: its messages and parameters.',
  retrieve: 'Adds context from PlantIntel data the caller may read: an analysis, alarms or sensors.',
  cache: 'Answers repeated (exact) or similar (semantic) questions from earlier answers.',
  guard: 'Redacts personal data, caps the prompt’s size and refuses configured topics.',
  model: 'The model that answers, with its fallbacks, retries, timeout and daily budgets.',
  postprocess: 'Checks the answer: a JSON schema, numbers grounded in the context.',
  output: 'Where the answer leaves, in the caller’s protocol.',
};

/** What a new node of each type starts with (the server's defaults, spelled out). */
export function defaultConfig(type: NodeType): NodeConfig {
  switch (type) {
    case 'retrieve':
      return { source: 'analysis', maxChars: 4000 };
    case 'cache':
      return { mode: 'exact', ttlSeconds: 3600 };
    case 'guard':
      return { redactPii: true };
    case 'model':
      return { provider: 'default', model: 'default', timeoutMs: 30000 };
    case 'postprocess':
      return { groundNumbers: true };
    default:
      return {};
  }
}

/** `type`, `type-2`, `type-3`…: the first id not taken. */
export function freshId(type: NodeType, nodes: readonly PipelineNode[]): string {
  const taken = new Set(nodes.map((n) => n.id));
  if (!taken.has(type)) return type;
  for (let i = 2; ; i++) if (!taken.has(`${type}-${i}`)) return `${type}-${i}`;
}

/** Right of every node, on the first row: where a new node appears until it is moved. */
function freePosition(nodes: readonly PipelineNode[]): { x: number; y: number } {
  const right = Math.max(MARGIN - NODE_WIDTH - COLUMN_GAP, ...nodes.map((n) => n.position?.x ?? 0));
  return { x: right + NODE_WIDTH + COLUMN_GAP, y: MARGIN };
}

export function addNode(graph: PipelineGraph, type: NodeType): { graph: PipelineGraph; id: string } {
  const id = freshId(type, graph.nodes);
  const node = { id, type, position: freePosition(graph.nodes), config: defaultConfig(type) } as PipelineNode;
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, id };
}

export function removeNode(graph: PipelineGraph, id: string): PipelineGraph {
  return {
    nodes: graph.nodes.filter((n) => n.id !== id),
    connections: graph.connections.filter((c) => c.from !== id && c.to !== id),
  };
}

/** Adds the connection unless it exists, loops on one node or names an unknown node. */
export function connect(graph: PipelineGraph, from: string, to: string): PipelineGraph {
  const ids = new Set(graph.nodes.map((n) => n.id));
  if (from === to || !ids.has(from) || !ids.has(to)) return graph;
  if (graph.connections.some((c) => c.from === from && c.to === to)) return graph;
  return { ...graph, connections: [...graph.connections, { from, to }] };
}

export function disconnect(graph: PipelineGraph, connection: PipelineConnection): PipelineGraph {
  return {
    ...graph,
    connections: graph.connections.filter((c) => c.from !== connection.from || c.to !== connection.to),
  };
}

export function updateNode(graph: PipelineGraph, id: string, patch: Partial<PipelineNode>): PipelineGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (n.id === id ? ({ ...n, ...patch } as PipelineNode) : n)),
  };
}

export function moveNode(graph: PipelineGraph, id: string, x: number, y: number): PipelineGraph {
  return updateNode(graph, id, {
    position: { x: Math.max(0, Math.round(x)), y: Math.max(0, Math.round(y)) },
  });
}

/**
 * Each node's column: its longest path from a node without inputs (cycles are cut where they are
 * met, so a cyclic graph still gets drawn).
 */
export function layers(graph: PipelineGraph): Map<string, number> {
  const incoming = new Map<string, string[]>();
  for (const c of graph.connections) incoming.set(c.to, [...(incoming.get(c.to) ?? []), c.from]);
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const d = Math.max(-1, ...(incoming.get(id) ?? []).map(depthOf)) + 1;
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const n of graph.nodes) depthOf(n.id);
  return depth;
}

/** Positions every node: columns by layer, rows in the order of the nodes. */
export function autoLayout(graph: PipelineGraph): PipelineGraph {
  const depth = layers(graph);
  const rows = new Map<number, number>();
  const nodes = graph.nodes.map((n) => {
    const column = depth.get(n.id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return {
      ...n,
      position: { x: MARGIN + column * (NODE_WIDTH + COLUMN_GAP), y: MARGIN + row * (NODE_HEIGHT + ROW_GAP) },
    } as PipelineNode;
  });
  return { ...graph, nodes };
}

/** The graph with every node placed: laid out when any node lacks a position. */
export function placed(graph: PipelineGraph): PipelineGraph {
  return graph.nodes.every((n) => n.position) ? graph : autoLayout(graph);
}

/** The drawing's size: every node inside, with a margin. */
export function extent(graph: PipelineGraph): { width: number; height: number } {
  const xs = graph.nodes.map((n) => (n.position?.x ?? 0) + NODE_WIDTH);
  const ys = graph.nodes.map((n) => (n.position?.y ?? 0) + NODE_HEIGHT);
  return { width: Math.max(400, ...xs) + MARGIN, height: Math.max(160, ...ys) + MARGIN };
}

/** The server's problems grouped by the node they are about ('' for the graph as a whole). */
export function problemsByNode(problems: readonly GraphProblem[]): Map<string, string[]> {
  const byNode = new Map<string, string[]>();
  for (const p of problems) {
    const key = p.nodeId ?? '';
    byNode.set(key, [...(byNode.get(key) ?? []), p.message]);
  }
  return byNode;
}

/** The smallest graph that runs: input → model → output. */
export function starterGraph(): PipelineGraph {
  return autoLayout({
    nodes: [
      { id: 'input', type: 'input', config: {} },
      { id: 'model', type: 'model', config: defaultConfig('model') },
      { id: 'output', type: 'output', config: {} },
    ] as PipelineNode[],
    connections: [
      { from: 'input', to: 'model' },
      { from: 'model', to: 'output' },
    ],
  });
}
