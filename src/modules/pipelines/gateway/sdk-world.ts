// What the SDK tests point the official `openai` and `@anthropic-ai/sdk` clients at: the real app
// listening on a port, its model nodes calling a local fake upstream (runtime/fake-upstream.ts), a
// tenant with a workspace, deployed pipelines made through the catalog's API, and a workspace API
// key (`pi_…`) as an integrator would get it.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { callApi, createTestTenant, signIn } from '../../identity/testing.ts';
import { type FakeUpstream, startFakeUpstream } from '../runtime/fake-upstream.ts';

export interface GatewayWorld {
  t: TestApp;
  fake: FakeUpstream;
  /** The workspace key. */
  key: string;
  /** A key bound to another workspace of the same tenant (no pipelines). */
  otherWorkspaceKey: string;
  /** A read key of another tenant. */
  otherTenantKey: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** How many entries the pipeline's cache holds. */
  cacheEntries(slug: string): Promise<number>;
  /** Resolves once the pipeline's cache holds `n` entries (a miss's answer is stored after it ends). */
  cached(slug: string, n: number): Promise<void>;
  close(): Promise<void>;
}

/** The key the world's embeddings calls carry. */
export const EMBEDDINGS_KEY = 'sk-embed-fake';

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, config });

/** input → (cache) → model → output. */
function graph(model: Record<string, unknown>, cached: boolean | 'semantic') {
  const mode = cached === 'semantic' ? 'semantic' : 'exact';
  const nodes = [
    node('in', 'input'),
    ...(cached ? [node('cache', 'cache', { mode, ttlSeconds: 3600 })] : []),
    node('llm', 'model', model),
    node('out', 'output'),
  ];
  return { nodes, connections: nodes.slice(1).map((n, i) => ({ from: nodes[i]?.id ?? '', to: n.id })) };
}

/** Deployed pipelines by slug: `assist` (OpenAI upstream, exact cache), `claude` (Anthropic upstream,
 * exact cache), `semantic` (OpenAI upstream, a semantic cache with the fake's embeddings), `tools` (an upstream that calls the first tool), `budget` (a daily budget of one
 * token), `garbage` (an upstream that breaks off mid-stream); `draft` is never deployed. */
const PIPELINES: Record<
  string,
  { model: Record<string, unknown>; cached: boolean | 'semantic'; deploy?: false }
> = {
  assist: { model: { provider: 'openai', model: 'gpt-test' }, cached: true },
  semantic: { model: { provider: 'openai', model: 'gpt-test' }, cached: 'semantic' },
  claude: { model: { provider: 'anthropic', model: 'claude-test' }, cached: true },
  tools: { model: { provider: 'openai', model: 'tools-1' }, cached: false },
  budget: { model: { provider: 'openai', model: 'gpt-test', dailyTokenBudget: 1 }, cached: false },
  garbage: { model: { provider: 'openai', model: 'garbage' }, cached: false },
  draft: { model: { provider: 'openai', model: 'gpt-test' }, cached: false, deploy: false },
};

export async function gatewayWorld(name: string): Promise<GatewayWorld> {
  const fake = await startFakeUpstream();
  const t = await createTestApp({
    env: {
      LLM_BASE_URL: fake.openAiBaseUrl,
      LLM_API_KEY: 'sk-fake',
      ANTHROPIC_BASE_URL: fake.url,
      ANTHROPIC_API_KEY: 'ak-fake',
      LLM_RETRIES: '0',
      LLM_TIMEOUT_MS: '5000',
      // The semantic cache embeds with the fake's embeddings endpoint (its own key and model).
      EMBEDDINGS_BASE_URL: fake.openAiBaseUrl,
      EMBEDDINGS_API_KEY: EMBEDDINGS_KEY,
      EMBEDDINGS_MODEL: 'embed-test',
      EMBEDDINGS_THRESHOLD: '0.8',
      EMBEDDINGS_TIMEOUT_MS: '30000', // a busy machine must not turn the expected hit into a miss
    },
  });
  const tenant = await createTestTenant(t.database.db, name);
  const admin = await signIn(t.app, tenant.users.admin.email);
  const post = async (url: string, payload: object) => {
    const res = await callApi(t.app, 'POST', url, admin.headers, payload);
    assert.ok(res.statusCode < 300, `${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const workspace = await post('/ai/workspaces', { name: 'Integrations', sector: 'automotive' });
  const ids = new Map<string, string>();
  for (const [slug, spec] of Object.entries(PIPELINES)) {
    const pipeline = await post('/ai/pipelines', {
      workspaceId: workspace.id,
      slug,
      name: `SDK ${slug}`,
      ...graph(spec.model, spec.cached),
    });
    if (spec.deploy !== false) await post(`/ai/pipelines/${pipeline.id}/deploy`, {});
    ids.set(slug, pipeline.id);
  }
  const { key } = await post(`/ai/workspaces/${workspace.id}/keys`, { name: 'sdk' });
  const elsewhere = await post('/ai/workspaces', { name: 'Elsewhere', sector: 'pharma' });
  const { key: otherWorkspaceKey } = await post(`/ai/workspaces/${elsewhere.id}/keys`, { name: 'sdk' });
  const stranger = await createTestTenant(t.database.db, `${name}-other`);
  const strangerAdmin = await signIn(t.app, stranger.users.admin.email);
  const strangerKey = await callApi(t.app, 'POST', '/api-keys', strangerAdmin.headers, {
    name: 'stranger',
    scopes: ['read'],
  });
  assert.equal(strangerKey.statusCode, 201, strangerKey.body);
  const cacheEntries = async (slug: string) => {
    const res = await callApi(t.app, 'GET', `/ai/pipelines/${ids.get(slug)}/cache`, admin.headers);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().entries.total as number;
  };
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return {
    t,
    fake,
    key,
    otherWorkspaceKey,
    otherTenantKey: strangerKey.json().key,
    origin: `http://127.0.0.1:${port}`,
    cacheEntries,
    async cached(slug, n) {
      await eventually(
        async () => ((await cacheEntries(slug)) >= n ? true : undefined),
        `${n} cache entries of ${slug}`,
      );
    },
    async close() {
      await t.close();
      await fake.close();
    },
  };
}
