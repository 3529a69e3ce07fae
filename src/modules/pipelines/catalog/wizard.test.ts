import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateGraph } from './graph.ts';
import { generatePipeline, PREFERENCES, type WizardSpec } from './wizard.ts';

const spec = (overrides: Partial<WizardSpec> = {}): WizardSpec => ({
  sector: 'Automotive',
  useCase: 'maintenance assistant',
  dataSources: [],
  latency: 'balanced',
  cost: 'balanced',
  ...overrides,
});

describe('generatePipeline', () => {
  test('every combination of preferences and sources gives a valid pipeline with a reason per node', () => {
    const sourceSets = [[], ['analysis'], ['alarms', 'sensors'], ['sensors', 'analysis', 'alarms']] as const;
    for (const latency of PREFERENCES) {
      for (const cost of PREFERENCES) {
        for (const dataSources of sourceSets) {
          const result = generatePipeline(spec({ latency, cost, dataSources: [...dataSources] }));
          const check = validateGraph(result);
          assert.deepEqual(check.errors, [], `${latency}/${cost}/${dataSources.join(',')}`);
          assert.deepEqual(
            result.reasons.map((r) => r.nodeId),
            result.nodes.map((n) => n.id),
          );
          assert.ok(result.reasons.every((r) => r.reason.length > 20));
        }
      }
    }
  });

  test('deterministic: the same spec, the same pipeline; source order does not matter', () => {
    const a = generatePipeline(spec({ dataSources: ['sensors', 'alarms'] }));
    const b = generatePipeline(spec({ dataSources: ['alarms', 'sensors', 'alarms'] }));
    assert.deepEqual(a, b);
  });

  test('low cost: a semantic cache; live data caps its TTL; grounding after retrieval', () => {
    const result = generatePipeline(spec({ cost: 'low', dataSources: ['alarms'] }));
    assert.deepEqual(
      result.nodes.map((n) => n.id),
      ['input', 'retrieve-alarms', 'guard', 'cache', 'model', 'postprocess', 'output'],
    );
    const cache = result.nodes.find((n) => n.type === 'cache');
    // No threshold of its own: the embedder's default applies (0.65 with the built-in one).
    assert.deepEqual(cache?.config, { mode: 'semantic', ttlSeconds: 300 });
    const post = result.nodes.find((n) => n.type === 'postprocess');
    assert.deepEqual(post?.config, { groundNumbers: true });
    assert.deepEqual(result.features, [
      'fallbacks',
      'input-limit',
      'number-grounding',
      'pii-redaction',
      'retries',
      'retrieve:alarms',
      'semantic-cache',
    ]);
  });

  test('quality cost and quality latency: no cache, a strong model, retries, the offline model last', () => {
    const result = generatePipeline(spec({ cost: 'quality', latency: 'quality' }));
    assert.equal(
      result.nodes.some((n) => n.type === 'cache'),
      false,
    );
    const model = result.nodes.find((n) => n.type === 'model');
    assert.equal(model?.type, 'model');
    if (model?.type !== 'model') return;
    assert.equal(model.config.provider, 'anthropic');
    assert.equal(model.config.retries, 2);
    assert.deepEqual(model.config.fallbacks?.at(-1), { provider: 'offline', model: 'plantintel-offline' });
    assert.deepEqual(result.connections, [
      { from: 'input', to: 'guard' },
      { from: 'guard', to: 'model' },
      { from: 'model', to: 'output' },
    ]);
  });

  test('balanced cost: exact cache unless latency is low', () => {
    const exact = generatePipeline(spec());
    assert.deepEqual(exact.nodes.find((n) => n.type === 'cache')?.config, {
      mode: 'exact',
      ttlSeconds: 86_400,
    });
    const fast = generatePipeline(spec({ latency: 'low' }));
    assert.deepEqual(fast.nodes.find((n) => n.type === 'cache')?.config, {
      mode: 'semantic',
      ttlSeconds: 86_400,
      threshold: 0.7,
    });
  });

  test('regulated sectors refuse their topics; structured use cases get a JSON check', () => {
    const result = generatePipeline(
      spec({ sector: 'Pharma', useCase: 'extract batch record fields as JSON' }),
    );
    const guard = result.nodes.find((n) => n.type === 'guard');
    assert.deepEqual(guard?.config, {
      redactPii: true,
      maxInputTokens: 16_000,
      refuseTopics: ['dosage advice', 'medical diagnosis'],
    });
    assert.deepEqual(result.nodes.find((n) => n.type === 'postprocess')?.config, {
      jsonSchema: { type: 'object' },
    });
    assert.equal(result.sector, 'pharma');
    assert.equal(result.name, 'Pharma extract batch record fields as JSON');
  });

  test('several sources run side by side and join at the guard', () => {
    const result = generatePipeline(spec({ dataSources: ['analysis', 'sensors'], name: 'Line assistant' }));
    assert.equal(result.name, 'Line assistant');
    assert.deepEqual(result.connections.slice(0, 4), [
      { from: 'input', to: 'retrieve-analysis' },
      { from: 'retrieve-analysis', to: 'guard' },
      { from: 'input', to: 'retrieve-sensors' },
      { from: 'retrieve-sensors', to: 'guard' },
    ]);
  });
});
