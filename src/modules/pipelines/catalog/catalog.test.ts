import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import {
  callApi,
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../../identity/testing.ts';

// Workspaces, workspace keys and pipelines through the HTTP API on a real database: CRUD, graph
// validation errors, versions, status changes, the wizard, roles and tenant isolation.

let t: TestApp;
let acme: TestTenant;
let other: TestTenant;
const s = {} as Record<'admin' | 'analyst' | 'viewer' | 'other', TestSession>;

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'ai-catalog');
  other = await createTestTenant(t.database.db, 'ai-catalog-other');
  s.admin = await signIn(t.app, acme.users.admin.email);
  s.analyst = await signIn(t.app, acme.users.analyst.email);
  s.viewer = await signIn(t.app, acme.users.viewer.email);
  s.other = await signIn(t.app, other.users.admin.email);
});
after(async () => {
  await t?.close();
});

async function call(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  url: string,
  who: TestSession,
  payload?: object,
) {
  const res =
    method === 'PUT'
      ? await t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, payload: payload ?? {} })
      : await callApi(t.app, method, url, who.headers, payload);
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, config });
const graph = (cacheMode: 'exact' | 'semantic' = 'exact') => ({
  nodes: [
    node('in', 'input'),
    node('guard', 'guard', { redactPii: true }),
    node(
      'cache',
      'cache',
      cacheMode === 'exact'
        ? { mode: 'exact', ttlSeconds: 600 }
        : { mode: 'semantic', ttlSeconds: 600, threshold: 0.9 },
    ),
    node('llm', 'model', { provider: 'offline', model: 'plantintel-offline' }),
    node('out', 'output'),
  ],
  connections: [
    { from: 'in', to: 'guard' },
    { from: 'guard', to: 'cache' },
    { from: 'cache', to: 'llm' },
    { from: 'llm', to: 'out' },
  ],
});

let workspaceId: string;

describe('workspaces', () => {
  test('admins create, everyone reads, names are unique', async () => {
    const created = await call('POST', '/ai/workspaces', s.admin, {
      name: 'Quality team',
      sector: 'Food & Beverage',
      monthlyBudgetUsd: 500,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.sector, 'food-beverage');
    assert.equal(created.body.pipelines, 0);
    workspaceId = created.body.id;

    assert.equal(
      (await call('POST', '/ai/workspaces', s.analyst, { name: 'x', sector: 'pharma' })).status,
      403,
    );
    const again = await call('POST', '/ai/workspaces', s.admin, { name: 'Quality team', sector: 'pharma' });
    assert.equal(again.status, 409);

    const list = await call('GET', '/ai/workspaces?limit=10', s.viewer);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((w: { name: string }) => w.name),
      ['Quality team'],
    );
    const patched = await call('PATCH', `/ai/workspaces/${workspaceId}`, s.admin, {
      description: 'Inspection questions',
      monthlyBudgetUsd: null,
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.monthlyBudgetUsd, null);
    assert.equal(patched.body.description, 'Inspection questions');
  });

  test('another tenant sees none of them', async () => {
    assert.equal((await call('GET', `/ai/workspaces/${workspaceId}`, s.other)).status, 404);
    assert.equal(
      (await call('PATCH', `/ai/workspaces/${workspaceId}`, s.other, { name: 'mine' })).status,
      404,
    );
    assert.equal((await call('DELETE', `/ai/workspaces/${workspaceId}`, s.other)).status, 404);
    assert.equal((await call('GET', `/ai/workspaces/${workspaceId}/keys`, s.other)).status, 404);
    assert.equal((await call('GET', '/ai/workspaces', s.other)).body.total, 0);
  });
});

describe('pipelines', () => {
  let pipelineId: string;

  test('create computes the estimate, a slug and version 1', async () => {
    const created = await call('POST', '/ai/pipelines', s.analyst, {
      workspaceId,
      name: 'Line 3 assistant',
      ...graph(),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const p = created.body;
    pipelineId = p.id;
    assert.equal(p.slug, 'line-3-assistant');
    assert.equal(p.model, 'pipeline/line-3-assistant');
    assert.equal(p.sector, 'food-beverage');
    assert.equal(p.status, 'draft');
    assert.equal(p.version, 1);
    assert.equal(p.nodeCount, 5);
    assert.equal(p.complexityScore, 7.5);
    assert.equal(p.complexityTier, 'simple');
    assert.equal(p.monthlyCost, 0);
    assert.deepEqual(p.features, ['exact-cache', 'pii-redaction']);
    assert.ok(p.explanation.length >= 2);

    const twin = await call('POST', '/ai/pipelines', s.analyst, {
      workspaceId,
      name: 'Line 3 assistant',
      ...graph(),
    });
    assert.equal(twin.body.slug, 'line-3-assistant-2');
    const taken = await call('POST', '/ai/pipelines', s.analyst, {
      workspaceId,
      name: 'Other',
      slug: 'line-3-assistant',
      ...graph(),
    });
    assert.equal(taken.status, 409);
    assert.equal(
      (await call('POST', '/ai/pipelines', s.viewer, { workspaceId, name: 'v', ...graph() })).status,
      403,
    );
  });

  test('graph errors: a cycle, a disconnected node, an unknown type — each named', async () => {
    const g = graph();
    g.nodes.push(
      node('g2', 'guard', { redactPii: false }),
      node('lonely', 'retrieve', { source: 'alarms' }),
      node('x', 'translator'),
    );
    g.connections.push({ from: 'guard', to: 'g2' }, { from: 'g2', to: 'guard' });
    const res = await call('POST', '/ai/pipelines', s.analyst, { workspaceId, name: 'Broken', ...g });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'validation_failed');
    const text = res.body.error.message as string;
    assert.match(text, /cycle through "guard", "g2"/);
    assert.match(text, /node "lonely" is not reachable from the input node \(disconnected\)/);
    assert.match(text, /node "x" has an unknown type "translator"/);
    assert.ok(res.body.error.details.some((d: { path: string }) => d.path === '/body/nodes/6'));

    const check = await call('POST', '/ai/pipelines/validate', s.viewer, g);
    assert.equal(check.status, 200);
    assert.equal(check.body.valid, false);
    assert.equal(check.body.estimate, null);
    assert.ok(check.body.errors.some((e: { nodeId: string }) => e.nodeId === 'lonely'));
    const ok = await call('POST', '/ai/pipelines/validate', s.viewer, graph('semantic'));
    assert.equal(ok.body.valid, true);
    assert.equal(ok.body.estimate.complexityScore, 9);
  });

  test('a changed graph is a new version; other fields are not', async () => {
    const renamed = await call('PATCH', `/ai/pipelines/${pipelineId}`, s.analyst, {
      name: 'Line 3 helper',
      storePrompts: true,
      retentionDays: 7,
    });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.version, 1);
    assert.equal(renamed.body.storePrompts, true);
    assert.equal(renamed.body.slug, 'line-3-assistant');

    const semantic = await call('PATCH', `/ai/pipelines/${pipelineId}`, s.analyst, {
      nodes: graph('semantic').nodes,
    });
    assert.equal(semantic.status, 200, JSON.stringify(semantic.body));
    assert.equal(semantic.body.version, 2);
    assert.deepEqual(semantic.body.features, ['pii-redaction', 'semantic-cache']);
    assert.equal(semantic.body.complexityScore, 9);

    const same = await call('PATCH', `/ai/pipelines/${pipelineId}`, s.analyst, {
      nodes: graph('semantic').nodes,
    });
    assert.equal(same.body.version, 2);

    const replaced = await call('PUT', `/ai/pipelines/${pipelineId}`, s.analyst, {
      name: 'Line 3 helper',
      ...graph(),
    });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.body.version, 3);
    assert.equal(replaced.body.storePrompts, false, 'PUT resets what it does not give');
    assert.equal(replaced.body.retentionDays, 30);

    const bad = await call('PATCH', `/ai/pipelines/${pipelineId}`, s.analyst, { connections: [] });
    assert.equal(bad.status, 400);

    const versions = await call('GET', `/ai/pipelines/${pipelineId}/versions`, s.viewer);
    assert.equal(versions.status, 200);
    assert.deepEqual(
      versions.body.items.map((v: { version: number }) => v.version),
      [3, 2, 1],
    );
    assert.equal(versions.body.items[1].nodes[2].config.mode, 'semantic');
  });

  test('deploy, pause, archive', async () => {
    assert.equal(
      (await call('POST', `/ai/pipelines/${pipelineId}/pause`, s.analyst)).status,
      409,
      'a draft cannot pause',
    );
    const deployed = await call('POST', `/ai/pipelines/${pipelineId}/deploy`, s.analyst);
    assert.equal(deployed.status, 200);
    assert.equal(deployed.body.status, 'active');
    assert.ok(deployed.body.deployedAt);
    const paused = await call('POST', `/ai/pipelines/${pipelineId}/pause`, s.analyst);
    assert.equal(paused.body.status, 'paused');
    assert.equal((await call('POST', `/ai/pipelines/${pipelineId}/deploy`, s.viewer)).status, 403);

    const archived = await call('DELETE', `/ai/pipelines/${pipelineId}`, s.analyst);
    assert.equal(archived.status, 200);
    assert.equal(archived.body.status, 'archived');
    assert.equal(
      (await call('PATCH', `/ai/pipelines/${pipelineId}`, s.analyst, { name: 'again' })).status,
      409,
    );
    assert.equal((await call('POST', `/ai/pipelines/${pipelineId}/deploy`, s.analyst)).status, 409);
    assert.equal(
      (await call('DELETE', `/ai/pipelines/${pipelineId}`, s.analyst)).status,
      200,
      'archiving twice is fine',
    );

    const live = await call('GET', `/ai/pipelines?workspaceId=${workspaceId}`, s.viewer);
    assert.ok(live.body.items.every((p: { id: string }) => p.id !== pipelineId));
    const all = await call('GET', `/ai/pipelines?workspaceId=${workspaceId}&status=archived`, s.viewer);
    assert.deepEqual(
      all.body.items.map((p: { id: string }) => p.id),
      [pipelineId],
    );
  });

  test('list: pagination, filters and 24 h metrics', async () => {
    const page = await call('GET', '/ai/pipelines?limit=1&sector=Food%20%26%20Beverage', s.viewer);
    assert.equal(page.status, 200);
    assert.equal(page.body.items.length, 1);
    assert.ok(page.body.total >= 1);
    assert.equal(page.body.items[0].metrics24h.requests, 0);
    assert.equal((await call('GET', '/ai/pipelines?limit=1000', s.viewer)).status, 400);
    const one = await call('GET', `/ai/pipelines/${page.body.items[0].id}`, s.viewer);
    assert.equal(one.body.metrics24h.hitRate, 0);
  });

  test('the wizard explains, and saves when asked', async () => {
    const spec = {
      sector: 'Pharma',
      useCase: 'deviation triage',
      dataSources: ['alarms'],
      latency: 'low',
      cost: 'low',
    };
    const preview = await call('POST', '/ai/pipelines/generate', s.analyst, spec);
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.equal(preview.body.pipeline, null);
    assert.deepEqual(
      preview.body.reasons.map((r: { nodeId: string }) => r.nodeId),
      preview.body.nodes.map((n: { id: string }) => n.id),
    );
    assert.ok(preview.body.monthlyCost > 0);
    assert.equal(
      (await call('POST', '/ai/pipelines/generate', s.analyst, { ...spec, save: true })).status,
      400,
    );
    const saved = await call('POST', '/ai/pipelines/generate', s.analyst, {
      ...spec,
      save: true,
      workspaceId,
    });
    assert.equal(saved.status, 200);
    assert.equal(saved.body.pipeline.status, 'draft');
    assert.equal(saved.body.pipeline.slug, 'pharma-deviation-triage');
  });

  test('another tenant cannot see or change them', async () => {
    const list = await call('GET', '/ai/pipelines', s.other);
    assert.equal(list.body.total, 0);
    assert.equal((await call('GET', `/ai/pipelines/${pipelineId}`, s.other)).status, 404);
    assert.equal((await call('PATCH', `/ai/pipelines/${pipelineId}`, s.other, { name: 'x' })).status, 404);
    assert.equal((await call('GET', `/ai/pipelines/${pipelineId}/versions`, s.other)).status, 404);
    const foreign = await call('POST', '/ai/pipelines', s.other, {
      workspaceId,
      name: 'Intruder',
      ...graph(),
    });
    assert.equal(foreign.status, 404, 'a workspace of another tenant is not found');
  });

  test('a workspace with live pipelines cannot be deleted', async () => {
    assert.equal((await call('GET', `/ai/workspaces/${workspaceId}`, s.viewer)).body.pipelines, 2);
    const res = await call('DELETE', `/ai/workspaces/${workspaceId}`, s.admin);
    assert.equal(res.status, 409);
    assert.match(res.body.error.message, /not archived/);
  });
});
