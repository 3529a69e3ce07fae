import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PipelineGraph } from '../contracts.ts';
import { featuresOf, type GraphInput, runOrder, validateGraph } from './graph.ts';

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, config });
const chain = (...ids: string[]) => ids.slice(1).map((to, i) => ({ from: ids[i] as string, to }));

/** input → guard → cache → model → output, the default pipeline's shape. */
function basic(): GraphInput {
  return {
    nodes: [
      node('in', 'input'),
      node('guard', 'guard', { redactPii: true }),
      node('cache', 'cache', { mode: 'exact', ttlSeconds: 600 }),
      node('llm', 'model', { provider: 'default', model: 'default' }),
      node('out', 'output'),
    ],
    connections: chain('in', 'guard', 'cache', 'llm', 'out'),
  };
}

const messages = (g: GraphInput) => validateGraph(g).errors.map((e) => e.message);

describe('validateGraph', () => {
  test('a linear pipeline with every stage is valid', () => {
    const g: GraphInput = {
      nodes: [
        node('in', 'input'),
        node('r', 'retrieve', { source: 'alarms', hours: 24 }),
        node('g', 'guard', { redactPii: true, maxInputTokens: 4000, refuseTopics: ['salaries'] }),
        node('c', 'cache', { mode: 'semantic', ttlSeconds: 3600, threshold: 0.9 }),
        node('m', 'model', {
          provider: 'openai',
          model: 'gpt-4o-mini',
          fallbacks: [{ provider: 'offline', model: 'plantintel-offline' }],
          retries: 2,
          retryOn: ['timeout', 'server_error'],
        }),
        node('p', 'postprocess', { groundNumbers: true }),
        node('out', 'output'),
      ],
      connections: chain('in', 'r', 'g', 'c', 'm', 'p', 'out'),
    };
    assert.deepEqual(validateGraph(g), { valid: true, errors: [] });
  });

  test('parallel retrieves that join are valid', () => {
    const g = basic();
    g.nodes.push(node('r1', 'retrieve', { source: 'alarms' }), node('r2', 'retrieve', { source: 'sensors' }));
    g.connections = [
      { from: 'in', to: 'r1' },
      { from: 'in', to: 'r2' },
      { from: 'r1', to: 'guard' },
      { from: 'r2', to: 'guard' },
      ...chain('guard', 'cache', 'llm', 'out'),
    ];
    assert.equal(validateGraph(g).valid, true);
  });

  test('a cycle is named with its nodes', () => {
    const g = basic();
    g.nodes.push(node('g2', 'guard', { redactPii: false }));
    g.connections.push({ from: 'guard', to: 'g2' }, { from: 'g2', to: 'guard' });
    const errors = messages(g);
    // Only the nodes on the cycle, not those downstream of it.
    assert.ok(errors.includes('the graph has a cycle through "guard", "g2"'), errors.join('\n'));
  });

  test('a node off the path input → output is disconnected', () => {
    const g = basic();
    g.nodes.push(node('lonely', 'retrieve', { source: 'sensors' }));
    const { valid, errors } = validateGraph(g);
    assert.equal(valid, false);
    assert.deepEqual(
      errors.map((e) => e.nodeId),
      ['lonely'],
    );
    assert.match(errors[0]?.message ?? '', /"lonely" is not reachable from the input node \(disconnected\)/);
  });

  test('a dead end that never reaches the output is disconnected', () => {
    const g = basic();
    g.nodes.push(node('dead', 'retrieve', { source: 'sensors' }));
    g.connections.push({ from: 'in', to: 'dead' });
    assert.ok(messages(g).some((m) => m.includes('"dead" does not lead to the output node')));
  });

  test('an unknown type is named', () => {
    const g = basic();
    g.nodes.push(node('x', 'translator'));
    assert.ok(messages(g).some((m) => m.includes('node "x" has an unknown type "translator"')));
  });

  test('exactly one input and one output', () => {
    const g = basic();
    g.nodes.push(node('out2', 'output'));
    g.connections.push({ from: 'llm', to: 'out2' });
    assert.ok(messages(g).includes('a pipeline has exactly one output node (found 2)'));
    const none = { nodes: [node('m', 'model', { provider: 'offline', model: 'x' })], connections: [] };
    const errors = messages(none);
    assert.ok(errors.includes('a pipeline has exactly one input node (found 0)'));
    assert.ok(errors.includes('a pipeline has exactly one output node (found 0)'));
  });

  test('a backwards connection is refused with the order', () => {
    const g: GraphInput = {
      nodes: [
        node('in', 'input'),
        node('m', 'model', { provider: 'offline', model: 'x' }),
        node('c', 'cache', { mode: 'exact', ttlSeconds: 60 }),
        node('out', 'output'),
      ],
      connections: chain('in', 'm', 'c', 'out'),
    };
    assert.ok(
      messages(g).some((m) => m.includes('connection m → c: a cache node cannot come after a model node')),
    );
  });

  test('unknown ends, self-loops and duplicates', () => {
    const g = basic();
    g.connections.push(
      { from: 'llm', to: 'ghost' },
      { from: 'guard', to: 'guard' },
      { from: 'in', to: 'guard' },
    );
    const errors = messages(g);
    assert.ok(errors.includes('connection llm → ghost: no node "ghost"'));
    assert.ok(errors.some((m) => m.includes('a node cannot connect to itself')));
    assert.ok(errors.some((m) => m.includes('connection in → guard appears more than once')));
  });

  test('duplicate ids and malformed ids', () => {
    const g = basic();
    g.nodes.push(node('guard', 'guard', { redactPii: true }), node('bad id!', 'guard', { redactPii: true }));
    const errors = messages(g);
    assert.ok(errors.includes('node id "guard" is used more than once'));
    assert.ok(errors.some((m) => m.startsWith('node id "bad id!" must be')));
  });

  test('a model node is required unless the pipeline is retrieval-only', () => {
    const noModel: GraphInput = {
      nodes: [
        node('in', 'input'),
        node('c', 'cache', { mode: 'exact', ttlSeconds: 60 }),
        node('out', 'output'),
      ],
      connections: chain('in', 'c', 'out'),
    };
    assert.ok(messages(noModel).some((m) => m.startsWith('a model node is required')));
    const lookup: GraphInput = {
      nodes: [
        node('in', 'input'),
        node('r', 'retrieve', { source: 'analysis' }),
        node('g', 'guard', { redactPii: true }),
        node('out', 'output'),
      ],
      connections: chain('in', 'r', 'g', 'out'),
    };
    assert.equal(validateGraph(lookup).valid, true);
  });

  test('at most one model and one cache', () => {
    const g = basic();
    g.nodes.push(node('llm2', 'model', { provider: 'offline', model: 'x' }));
    g.connections.push({ from: 'cache', to: 'llm2' }, { from: 'llm2', to: 'out' });
    assert.ok(messages(g).includes('a pipeline has at most one model node (found 2)'));
  });

  test('per-type configs: required, ranges, foreign settings, each naming the node', () => {
    const g = basic();
    g.nodes = [
      node('in', 'input', { mode: 'exact' }),
      node('guard', 'guard', {}),
      node('cache', 'cache', { mode: 'fuzzy', ttlSeconds: 0, threshold: 0.9 }),
      node('llm', 'model', {
        provider: 'mistral',
        model: '',
        temperature: 3,
        fallbacks: [{ provider: 'openai' }],
        retries: 0,
        retryOn: ['timeout'],
      }),
      node('out', 'output'),
    ];
    const errors = messages(g);
    for (const expected of [
      'node "in" (input): has no settings ("mode" given)',
      'node "guard" (guard): redactPii is required',
      'node "cache" (cache): mode must be one of exact, semantic',
      'node "cache" (cache): ttlSeconds must be an integer from 1 to 2592000',
      'node "llm" (model): provider must be one of default, offline, openai, anthropic',
      'node "llm" (model): model must be a non-empty text of at most 100 characters',
      'node "llm" (model): temperature must be a number from 0 to 2',
      'node "llm" (model): retryOn is set but retries is 0',
    ]) {
      assert.ok(errors.includes(expected), `missing: ${expected}\n${errors.join('\n')}`);
    }
    assert.ok(errors.some((m) => m.startsWith('node "llm" (model): fallbacks must be a list whose item 1')));
  });

  test('cache and retrieve cross-field rules', () => {
    const g = basic();
    g.nodes[2] = node('cache', 'cache', { mode: 'exact', ttlSeconds: 60, threshold: 0.9 });
    g.nodes.push(
      node('r', 'retrieve', { source: 'alarms', entityId: '00000000-0000-4000-8000-000000000000' }),
    );
    g.connections.push({ from: 'in', to: 'r' }, { from: 'r', to: 'guard' });
    const errors = messages(g);
    assert.ok(errors.includes('node "cache" (cache): threshold applies to semantic caches only'));
    assert.ok(errors.includes('node "r" (retrieve): entityId does not apply to alarms'));
  });

  test('a post-process node must do something', () => {
    const g = basic();
    g.nodes.push(node('p', 'postprocess', {}));
    g.connections = [...chain('in', 'guard', 'cache', 'llm', 'p', 'out')];
    assert.ok(messages(g).includes('node "p" (postprocess): does nothing: set jsonSchema or groundNumbers'));
  });
});

describe('runOrder and featuresOf', () => {
  const graph = (): PipelineGraph => ({
    nodes: [
      { id: 'out', type: 'output', config: {} },
      {
        id: 'llm',
        type: 'model',
        config: { provider: 'offline', model: 'x', fallbacks: [{ provider: 'openai', model: 'y' }] },
      },
      { id: 'r2', type: 'retrieve', config: { source: 'sensors' } },
      { id: 'r1', type: 'retrieve', config: { source: 'alarms' } },
      { id: 'in', type: 'input', config: {} },
      { id: 'c', type: 'cache', config: { mode: 'semantic', ttlSeconds: 60 } },
    ],
    connections: [
      { from: 'in', to: 'r2' },
      { from: 'in', to: 'r1' },
      { from: 'r1', to: 'c' },
      { from: 'r2', to: 'c' },
      { from: 'c', to: 'llm' },
      { from: 'llm', to: 'out' },
    ],
  });

  test('a topological order, ties by stage then by listing', () => {
    assert.deepEqual(runOrder(graph()), ['in', 'r2', 'r1', 'c', 'llm', 'out']);
  });

  test('features are derived and sorted', () => {
    assert.deepEqual(featuresOf(graph()), [
      'fallbacks',
      'retrieve:alarms',
      'retrieve:sensors',
      'semantic-cache',
    ]);
  });
});
