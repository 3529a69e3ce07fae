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
import { type CallerContext, GatewayError } from '../contracts.ts';
import type { PipelinesDeps } from '../deps.ts';
import { DEFAULT_GRAPH } from './default-pipeline.ts';
import { type Catalog, createCatalog } from './part.ts';

// The resolver on a real database: the default pipeline made on first use, resolution by slug
// with the contract's error kinds, changes seen at once in the process that made them, and
// workspace keys that reach only their workspace.

let t: TestApp;
let acme: TestTenant;
let other: TestTenant;
let admin: TestSession;
let catalog: Catalog;

before(async () => {
  t = await createTestApp({ workers: false });
  acme = await createTestTenant(t.database.db, 'ai-resolver');
  other = await createTestTenant(t.database.db, 'ai-resolver-other');
  admin = await signIn(t.app, acme.users.admin.email);
  // A catalog of the test's own over the app's database (the app's is not reachable from outside).
  catalog = createCatalog({
    db: t.database.db,
    realtime: t.runtime.realtime,
    apiKeys: {
      create: () => Promise.reject(new Error('not used')),
      revoke: () => Promise.reject(new Error('not used')),
    },
  } as unknown as PipelinesDeps);
});
after(async () => {
  await t?.close();
});

const userCtx = (tenant: TestTenant): CallerContext => ({
  tenantId: tenant.id,
  userId: tenant.users.admin.id,
  apiKeyId: null,
  workspaceId: null,
});

async function rejectsWith(promise: Promise<unknown>, kind: string, status: number, pattern: RegExp) {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof GatewayError, String(err));
    assert.equal(err.kind, kind);
    assert.equal(err.status, status);
    assert.match(err.message, pattern);
    return true;
  });
}

describe('resolver', () => {
  test('defaultFor creates the PlantIntel assistant workspace and pipeline once', async () => {
    const [a, b] = await Promise.all([
      catalog.resolver.defaultFor(acme.id),
      catalog.resolver.defaultFor(acme.id),
    ]);
    assert.equal(a.id, b.id);
    assert.equal(a.slug, 'plantintel-assistant');
    assert.equal(a.status, 'active');
    assert.equal(a.version, 1);
    assert.deepEqual(
      a.nodes.map((n) => n.type),
      ['input', 'guard', 'cache', 'model', 'output'],
    );
    assert.deepEqual(a.nodes, DEFAULT_GRAPH.nodes);
    const workspace = await catalog.service.findWorkspace(acme.id, 'PlantIntel assistant');
    assert.equal(workspace?.id, a.workspaceId);
    const again = await catalog.resolver.defaultFor(acme.id);
    assert.equal(again.id, a.id);
    const page = await catalog.service.pipelines.list(acme.id, { limit: 50, offset: 0 });
    assert.equal(page.items.filter((p) => p.row.isDefault).length, 1);
    // The default pipeline cannot be archived.
    await assert.rejects(catalog.service.pipelines.archive(acme.id, a.id), /default pipeline/);
  });

  test('resolve: active only, unknown slugs not found, changes seen at once', async () => {
    const ws = await catalog.service.createWorkspace(acme.id, { name: 'Maintenance', sector: 'automotive' });
    const p = await catalog.service.createPipeline(acme.id, {
      ...DEFAULT_GRAPH,
      workspaceId: ws.id,
      name: 'Press line helper',
    });
    const ctx = userCtx(acme);
    await rejectsWith(catalog.resolver.resolve(ctx, p.slug), 'invalid_request', 400, /is draft; deploy it/);
    await catalog.service.deploy(acme.id, p.id);
    const resolved = await catalog.resolver.resolve(ctx, p.slug);
    assert.equal(resolved.id, p.id);
    assert.equal(resolved.sector, 'automotive');
    assert.equal(await catalog.resolver.resolve(ctx, p.slug), resolved, 'served from memory');

    await catalog.service.pipelines.patch(acme.id, p.id, {
      nodes: DEFAULT_GRAPH.nodes.map((n) => ({ ...n, label: n.id })),
    });
    assert.equal((await catalog.resolver.resolve(ctx, p.slug)).version, 2);
    await catalog.service.pause(acme.id, p.id);
    await rejectsWith(catalog.resolver.resolve(ctx, p.slug), 'invalid_request', 400, /is paused/);
    await rejectsWith(
      catalog.resolver.resolve(ctx, 'no-such-pipeline'),
      'not_found',
      404,
      /pipeline\/no-such-pipeline/,
    );
    // Another tenant's slug is unknown to this one.
    await rejectsWith(catalog.resolver.resolve(userCtx(other), p.slug), 'not_found', 404, /does not exist/);
    const listed = await catalog.resolver.list(ctx);
    assert.ok(listed.some((x) => x.id === p.id && x.status === 'paused'));
  });

  test('a workspace key reaches only its workspace', async () => {
    const make = async (name: string) => {
      const res = await callApi(t.app, 'POST', '/ai/workspaces', admin.headers, {
        name,
        sector: 'logistics',
      });
      return res.json().id as string;
    };
    const mine = await make('Dispatch');
    const theirs = await make('Finance desk');
    const graph = { ...DEFAULT_GRAPH, status: 'active' as const };
    const inside = await catalog.service.createPipeline(acme.id, {
      ...graph,
      workspaceId: mine,
      name: 'Dispatch bot',
    });
    const outside = await catalog.service.createPipeline(acme.id, {
      ...graph,
      workspaceId: theirs,
      name: 'Ledger bot',
    });

    const created = await callApi(t.app, 'POST', `/ai/workspaces/${mine}/keys`, admin.headers, {
      name: 'integrator',
    });
    assert.equal(created.statusCode, 201, created.body);
    const { apiKey, key } = created.json() as { apiKey: { id: string; scopes: string[] }; key: string };
    assert.deepEqual(apiKey.scopes, ['read']);
    assert.match(key, /^pi_/);

    const ctx = await catalog.resolver.callerContext({
      tenantId: acme.id,
      userId: acme.users.admin.id,
      apiKeyId: apiKey.id,
    });
    assert.equal(ctx.workspaceId, mine);
    assert.equal((await catalog.resolver.resolve(ctx, inside.slug)).id, inside.id);
    await rejectsWith(catalog.resolver.resolve(ctx, outside.slug), 'not_found', 404, /does not exist/);
    assert.deepEqual(
      (await catalog.resolver.list(ctx)).map((p) => p.id),
      [inside.id],
    );
    const unbound = await catalog.resolver.callerContext({
      tenantId: acme.id,
      userId: acme.users.admin.id,
      apiKeyId: null,
    });
    assert.equal(unbound.workspaceId, null);
    assert.equal((await catalog.resolver.resolve(unbound, outside.slug)).id, outside.id);

    // The key works as a read-scoped API key; listed once, never with its secret; revoked, it stops.
    const withKey = { 'x-api-key': key };
    assert.equal((await callApi(t.app, 'GET', '/ai/pipelines', withKey)).statusCode, 200);
    assert.equal(
      (await callApi(t.app, 'POST', `/ai/workspaces/${mine}/keys`, withKey, { name: 'x' })).statusCode,
      403,
    );
    const keys = await callApi(t.app, 'GET', `/ai/workspaces/${mine}/keys`, admin.headers);
    assert.deepEqual(
      keys.json().items.map((k: { id: string }) => k.id),
      [apiKey.id],
    );
    assert.ok(!keys.body.includes(key));
    const wrongWorkspace = await callApi(
      t.app,
      'DELETE',
      `/ai/workspaces/${theirs}/keys/${apiKey.id}`,
      admin.headers,
    );
    assert.equal(wrongWorkspace.statusCode, 404);
    const revoked = await callApi(t.app, 'DELETE', `/ai/workspaces/${mine}/keys/${apiKey.id}`, admin.headers);
    assert.equal(revoked.statusCode, 204);
    assert.equal((await callApi(t.app, 'GET', '/ai/pipelines', withKey)).statusCode, 401);
    const afterRevoke = await callApi(
      t.app,
      'GET',
      `/ai/workspaces/${mine}/keys?includeRevoked=true`,
      admin.headers,
    );
    assert.ok(afterRevoke.json().items[0].revokedAt);
    // The analyst may not manage keys.
    const analyst = await signIn(t.app, acme.users.analyst.email);
    assert.equal(
      (await callApi(t.app, 'POST', `/ai/workspaces/${mine}/keys`, analyst.headers, { name: 'x' }))
        .statusCode,
      403,
    );
  });

  test('deleting a workspace revokes its keys first', async () => {
    const ws = (
      await callApi(t.app, 'POST', '/ai/workspaces', admin.headers, { name: 'Short-lived', sector: 'x' })
    ).json();
    const { key } = (
      await callApi(t.app, 'POST', `/ai/workspaces/${ws.id}/keys`, admin.headers, { name: 'k' })
    ).json();
    assert.equal((await callApi(t.app, 'GET', '/ai/pipelines', { 'x-api-key': key })).statusCode, 200);
    assert.equal((await callApi(t.app, 'DELETE', `/ai/workspaces/${ws.id}`, admin.headers)).statusCode, 204);
    assert.equal((await callApi(t.app, 'GET', '/ai/pipelines', { 'x-api-key': key })).statusCode, 401);
    assert.equal((await callApi(t.app, 'GET', `/ai/workspaces/${ws.id}`, admin.headers)).statusCode, 404);
  });
});
