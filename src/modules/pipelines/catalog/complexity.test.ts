import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PipelineGraph, PipelineNode } from '../contracts.ts';
import { assessComplexity, priceOf, tierOf } from './complexity.ts';

const linear = (...nodes: PipelineNode[]): PipelineGraph => ({
  nodes,
  connections: nodes.slice(1).map((n, i) => ({ from: (nodes[i] as PipelineNode).id, to: n.id })),
});
const input: PipelineNode = { id: 'in', type: 'input', config: {} };
const output: PipelineNode = { id: 'out', type: 'output', config: {} };
const guard: PipelineNode = { id: 'g', type: 'guard', config: { redactPii: true } };
const exact: PipelineNode = { id: 'c', type: 'cache', config: { mode: 'exact', ttlSeconds: 600 } };

describe('assessComplexity', () => {
  test('the default pipeline: 7.5, simple, free platform tier at the generic price', () => {
    const result = assessComplexity(
      linear(
        input,
        guard,
        exact,
        { id: 'm', type: 'model', config: { provider: 'default', model: 'default' } },
        output,
      ),
    );
    assert.equal(result.nodeCount, 5);
    assert.equal(result.complexityScore, 7.5);
    assert.equal(result.complexityTier, 'simple');
    // 600 tokens in × $1/M + 250 out × $3/M = $0.00135 per call; 10,000 × 85 % × 0.00135 = 11.475
    assert.equal(result.monthlyCost, 11.48);
    assert.match(
      result.explanation[0] ?? '',
      /^complexity score 7\.5 = 3 working nodes × 1 \+ 1 model nodes × 3/,
    );
    assert.match(result.explanation[2] ?? '', /\$0 simple platform fee \+ 10000 requests × 85 %/);
  });

  test('an offline model costs only the platform fee', () => {
    const result = assessComplexity(
      linear(input, { id: 'm', type: 'model', config: { provider: 'offline', model: 'plantintel' } }, output),
    );
    assert.equal(result.complexityScore, 4);
    assert.equal(result.monthlyCost, 0);
  });

  test('retrieval, a semantic cache, fallbacks and grounding: the terms add up', () => {
    const graph: PipelineGraph = {
      nodes: [
        input,
        { id: 'r1', type: 'retrieve', config: { source: 'alarms', maxChars: 4000 } },
        { id: 'r2', type: 'retrieve', config: { source: 'sensors' } },
        { id: 'g', type: 'guard', config: { redactPii: true, refuseTopics: ['salaries'] } },
        { id: 'c', type: 'cache', config: { mode: 'semantic', ttlSeconds: 600, threshold: 0.9 } },
        {
          id: 'm',
          type: 'model',
          config: {
            provider: 'openai',
            model: 'gpt-4o-mini',
            fallbacks: [{ provider: 'anthropic', model: 'claude-3-5-haiku-latest' }],
            retries: 2,
          },
        },
        { id: 'p', type: 'postprocess', config: { groundNumbers: true, jsonSchema: { type: 'object' } } },
        output,
      ],
      connections: [
        { from: 'in', to: 'r1' },
        { from: 'in', to: 'r2' },
        { from: 'r1', to: 'g' },
        { from: 'r2', to: 'g' },
        { from: 'g', to: 'c' },
        { from: 'c', to: 'm' },
        { from: 'm', to: 'p' },
        { from: 'p', to: 'out' },
      ],
    };
    const result = assessComplexity(graph);
    // 6 working + 2 branches × 1.5 + 3 model + 1.5 fallback + 0.5 retries + 2 semantic + 1 guard
    // + 0.5 refusing + 2 × 2 retrieve + 2 checks = 23.5
    assert.equal(result.complexityScore, 23.5);
    assert.equal(result.complexityTier, 'complex');
    // tokens in 600 + 1000 + 1500 = 3100, out 250.
    // primary 3100 × 0.15 + 250 × 0.6 = 615 µ$ → 0.000615; fallback 3100 × 0.8 + 250 × 4 = 3480 → 5 % = 0.000174
    // 75 + 10,000 × 0.65 × 0.000789 = 80.1285
    assert.equal(result.monthlyCost, 80.13);
  });

  test('a retrieval-only pipeline costs the platform fee', () => {
    const result = assessComplexity(
      linear(input, { id: 'r', type: 'retrieve', config: { source: 'analysis' } }, output),
    );
    assert.equal(result.complexityScore, 3);
    assert.equal(result.monthlyCost, 0);
    assert.match(result.explanation[1] ?? '', /no model is called/);
  });

  test('maxTokens below the assumed answer length lowers the output tokens', () => {
    const result = assessComplexity(
      linear(
        input,
        { id: 'm', type: 'model', config: { provider: 'openai', model: 'gpt-4o', maxTokens: 50 } },
        output,
      ),
    );
    // 600 × 2.5 + 50 × 10 = 2000 µ$ → 10,000 × 0.002 = 20
    assert.equal(result.monthlyCost, 20);
  });
});

describe('tiers and prices', () => {
  test('tier boundaries are inclusive upper limits', () => {
    assert.deepEqual([0, 8, 8.1, 16, 16.5, 28, 28.1].map(tierOf), [
      'simple',
      'simple',
      'moderate',
      'moderate',
      'complex',
      'complex',
      'enterprise',
    ]);
  });

  test('the longest model-name prefix wins; unknown models and default are generic', () => {
    assert.deepEqual(priceOf({ provider: 'openai', model: 'gpt-4o-mini-2024-07-18' }), {
      input: 0.15,
      output: 0.6,
    });
    assert.deepEqual(priceOf({ provider: 'openai', model: 'gpt-4o' }), { input: 2.5, output: 10 });
    assert.deepEqual(priceOf({ provider: 'openai', model: 'llama3' }), { input: 1, output: 3 });
    assert.deepEqual(priceOf({ provider: 'default', model: 'gpt-4o' }), { input: 1, output: 3 });
    assert.deepEqual(priceOf({ provider: 'offline', model: 'x' }), { input: 0, output: 0 });
  });
});
