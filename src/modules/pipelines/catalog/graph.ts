// Validation of a pipeline graph (issue 18). Pure: no database, no HTTP.
//
// A valid pipeline is a connected acyclic graph from exactly one `input` node to exactly one
// `output` node, over the known node types, in which every node lies on a path input → output.
// The runtime runs the nodes in the order input → retrieve → guard → cache → model → postprocess →
// output, so a connection may not go backwards in that order (two nodes of the same type may
// follow each other: two retrieves, two guards). Parallel branches (e.g. two retrieves side by
// side) are allowed; they join before the next stage.
//
// Decisions:
// - At most one model node and at most one cache node (a semantic cache also answers exact repeats).
// - A model node is required unless the pipeline is retrieval-only: at least one retrieve node and
//   no cache, model or post-process node. Such a pipeline answers with the retrieved context itself
//   (a lookup, no tokens spent).
// - Each node's config is checked against its type: required settings present, values in range,
//   settings of other node types refused. Every message names the node.
import { NODE_TYPES, type NodeType, type PipelineGraph } from '../contracts.ts';
import { configProblems } from './node-config.ts';

export const MAX_NODES = 50;
export const MAX_CONNECTIONS = 100;
const NODE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The order the runtime runs the stages in; connections may not go backwards. */
export const STAGE: Record<NodeType, number> = {
  input: 0,
  retrieve: 1,
  guard: 2,
  cache: 3,
  model: 4,
  postprocess: 5,
  output: 6,
};

/** A graph as a client sends it: types and configs not yet checked. */
export interface GraphInput {
  nodes: { id: string; type: string; config?: object | undefined }[];
  connections: { from: string; to: string }[];
}

export interface GraphProblem {
  /** The node the problem is about (null: the graph as a whole). */
  nodeId: string | null;
  message: string;
}

export interface GraphCheck {
  valid: boolean;
  errors: GraphProblem[];
}

const isNodeType = (type: string): type is NodeType => (NODE_TYPES as readonly string[]).includes(type);
const ORDER_TEXT = 'input → retrieve → guard → cache → model → postprocess → output';

/** Every problem of the graph (empty when it is valid), in a stable order. */
export function validateGraph(graph: GraphInput): GraphCheck {
  const errors: GraphProblem[] = [];
  const fail = (nodeId: string | null, message: string) => errors.push({ nodeId, message });
  const { nodes, connections } = graph;

  if (nodes.length > MAX_NODES) fail(null, `a pipeline has at most ${MAX_NODES} nodes (got ${nodes.length})`);
  if (connections.length > MAX_CONNECTIONS)
    fail(null, `a pipeline has at most ${MAX_CONNECTIONS} connections (got ${connections.length})`);

  const byId = new Map<string, NodeType>();
  for (const node of nodes) {
    if (!NODE_ID.test(node.id)) {
      fail(node.id, `node id "${node.id}" must be 1–64 letters, digits, "-" or "_"`);
      continue;
    }
    if (byId.has(node.id)) {
      fail(node.id, `node id "${node.id}" is used more than once`);
      continue;
    }
    if (!isNodeType(node.type)) {
      fail(node.id, `node "${node.id}" has an unknown type "${node.type}" (known: ${NODE_TYPES.join(', ')})`);
      continue;
    }
    byId.set(node.id, node.type);
    for (const message of configProblems(node.type, (node.config ?? {}) as Record<string, unknown>)) {
      fail(node.id, `node "${node.id}" (${node.type}): ${message}`);
    }
  }

  const count = (type: NodeType) => [...byId.values()].filter((t) => t === type).length;
  for (const type of ['input', 'output'] as const) {
    const n = count(type);
    if (n !== 1) fail(null, `a pipeline has exactly one ${type} node (found ${n})`);
  }
  for (const type of ['model', 'cache'] as const) {
    const n = count(type);
    if (n > 1) fail(null, `a pipeline has at most one ${type} node (found ${n})`);
  }
  const retrievalOnly = count('retrieve') > 0 && count('cache') + count('postprocess') === 0;
  if (count('model') === 0 && !retrievalOnly) {
    fail(
      null,
      'a model node is required (only a retrieval-only pipeline — retrieve nodes, no cache or postprocess — may leave it out)',
    );
  }

  // Connections: known ends, no self-loops or duplicates, never backwards in the stage order.
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const id of byId.keys()) {
    out.set(id, []);
    into.set(id, []);
  }
  const seen = new Set<string>();
  for (const { from, to } of connections) {
    const fromType = byId.get(from);
    const toType = byId.get(to);
    const name = `connection ${from} → ${to}`;
    if (!fromType || !toType) {
      const missing = [from, to].filter((id) => !byId.has(id) && !nodes.some((n) => n.id === id));
      if (missing.length > 0) fail(null, `${name}: no node "${missing.join('", "')}"`);
      continue;
    }
    if (from === to) {
      fail(from, `${name}: a node cannot connect to itself`);
      continue;
    }
    if (seen.has(`${from}\u0000${to}`)) {
      fail(from, `${name} appears more than once`);
      continue;
    }
    seen.add(`${from}\u0000${to}`);
    if (STAGE[toType] < STAGE[fromType]) {
      fail(to, `${name}: a ${toType} node cannot come after a ${fromType} node (order: ${ORDER_TEXT})`);
    }
    out.get(from)?.push(to);
    into.get(to)?.push(from);
  }
  for (const [id, type] of byId) {
    if (type === 'input' && (into.get(id)?.length ?? 0) > 0)
      fail(id, `input node "${id}" cannot have incoming connections`);
    if (type === 'output' && (out.get(id)?.length ?? 0) > 0)
      fail(id, `output node "${id}" cannot have outgoing connections`);
  }

  const cycle = cycleNodes(byId, out);
  if (cycle.length > 0)
    fail(cycle[0] ?? null, `the graph has a cycle through ${cycle.map((id) => `"${id}"`).join(', ')}`);

  // Every node on a path input → output.
  const inputId = [...byId].find(([, t]) => t === 'input')?.[0];
  const outputId = [...byId].find(([, t]) => t === 'output')?.[0];
  if (inputId && outputId) {
    const fromInput = reach(inputId, out);
    const toOutput = reach(outputId, into);
    if (!fromInput.has(outputId)) fail(null, `no path leads from input "${inputId}" to output "${outputId}"`);
    for (const id of byId.keys()) {
      if (!fromInput.has(id)) fail(id, `node "${id}" is not reachable from the input node (disconnected)`);
      else if (!toOutput.has(id)) fail(id, `node "${id}" does not lead to the output node (disconnected)`);
    }
  }
  return { valid: errors.length === 0, errors };
}

/**
 * The nodes on cycles: what Kahn's algorithm cannot order, less what only hangs off a cycle
 * (peeled from both ends), in insertion order.
 */
function cycleNodes(byId: Map<string, NodeType>, out: Map<string, string[]>): string[] {
  const into = new Map<string, string[]>([...byId.keys()].map((id) => [id, []]));
  for (const [from, targets] of out) for (const to of targets) into.get(to)?.push(from);
  const left = new Set(byId.keys());
  const peel = (edgesIn: Map<string, string[]>, edgesOut: Map<string, string[]>) => {
    const degree = new Map(
      [...left].map((id) => [id, (edgesIn.get(id) ?? []).filter((x) => left.has(x)).length]),
    );
    const queue = [...degree].filter(([, d]) => d === 0).map(([id]) => id);
    while (queue.length > 0) {
      const id = queue.shift() as string;
      left.delete(id);
      for (const next of edgesOut.get(id) ?? []) {
        if (!left.has(next)) continue;
        const d = (degree.get(next) ?? 0) - 1;
        degree.set(next, d);
        if (d === 0) queue.push(next);
      }
    }
  };
  peel(into, out);
  peel(out, into);
  return [...byId.keys()].filter((id) => left.has(id));
}

function reach(start: string, edges: Map<string, string[]>): Set<string> {
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const next of edges.get(stack.pop() as string) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** The nodes in an order the runtime may run them in (a topological order; ties by stage, then as listed). */
export function runOrder(graph: PipelineGraph): string[] {
  const position = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const stage = new Map(graph.nodes.map((n) => [n.id, STAGE[n.type]]));
  const indegree = new Map(graph.nodes.map((n) => [n.id, 0]));
  for (const c of graph.connections) indegree.set(c.to, (indegree.get(c.to) ?? 0) + 1);
  const ready = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  const rank = (id: string) => (stage.get(id) ?? 0) * 10_000 + (position.get(id) ?? 0);
  while (ready.length > 0) {
    ready.sort((a, b) => rank(a) - rank(b));
    const id = ready.shift() as string;
    order.push(id);
    for (const c of graph.connections) {
      if (c.from !== id) continue;
      const d = (indegree.get(c.to) ?? 0) - 1;
      indegree.set(c.to, d);
      if (d === 0) ready.push(c.to);
    }
  }
  return order;
}

/** The features a graph has, for lists and filters (what `features` holds when the client gives none). */
export function featuresOf(graph: PipelineGraph): string[] {
  const features = new Set<string>();
  for (const node of graph.nodes) {
    switch (node.type) {
      case 'retrieve':
        features.add(`retrieve:${node.config.source}`);
        break;
      case 'cache':
        features.add(`${node.config.mode}-cache`);
        break;
      case 'guard':
        if (node.config.redactPii) features.add('pii-redaction');
        if (node.config.refuseTopics?.length) features.add('topic-refusal');
        if (node.config.maxInputTokens !== undefined) features.add('input-limit');
        break;
      case 'model':
        if (node.config.fallbacks?.length) features.add('fallbacks');
        if (node.config.retries) features.add('retries');
        if (node.config.dailyTokenBudget !== undefined || node.config.dailyCostBudgetUsd !== undefined)
          features.add('daily-budget');
        break;
      case 'postprocess':
        if (node.config.jsonSchema) features.add('json-schema');
        if (node.config.groundNumbers) features.add('number-grounding');
        break;
    }
  }
  return [...features].sort();
}
