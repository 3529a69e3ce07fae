import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import {
  createTestSuperadmin,
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../identity/testing.ts';
import { CONFIG_VARIABLES, presetValues } from './analysis/config.ts';

// The analyzer configuration API: the 39 variables and presets, a tenant's and a facility's
// configuration (the facility inherits the tenant's), validation that names the variable and its
// range, the history of changes, and who may change what (admins their tenant, superadmins any).

let t: TestApp;
let acme: TestTenant;
let globex: TestTenant;
const s = {} as Record<'admin' | 'analyst' | 'viewer' | 'root' | 'globexAdmin', TestSession>;

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'config-acme');
  globex = await createTestTenant(t.database.db, 'config-globex');
  await createTestSuperadmin(t.database.db, 'root@config.test');
  for (const role of ['admin', 'analyst', 'viewer'] as const)
    s[role] = await signIn(t.app, acme.users[role].email);
  s.root = await signIn(t.app, 'root@config.test');
  s.globexAdmin = await signIn(t.app, globex.users.admin.email);
});
after(() => t?.close());

async function call(method: 'GET' | 'PUT', url: string, session: TestSession, payload?: object) {
  const res = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: session.headers,
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.json() };
}

describe('analyzer configuration', () => {
  test('the presets list all 39 variables with unit, range, default and analyzer', async () => {
    const { status, body } = await call('GET', '/analytics/config/presets', s.viewer);
    assert.equal(status, 200);
    assert.equal(body.variables.length, 39);
    assert.equal(new Set(body.variables.map((v: { key: string }) => v.key)).size, 39);
    const counts: Record<string, number> = {};
    for (const v of body.variables) counts[v.analyzer] = (counts[v.analyzer] ?? 0) + 1;
    assert.deepEqual(counts, { shared: 5, cost: 9, equipment: 9, quality: 8, efficiency: 8 });
    assert.deepEqual(Object.keys(body.presets).sort(), ['aggressive', 'balanced', 'conservative']);
    for (const v of body.variables) assert.equal(body.presets.balanced[v.key], v.default, v.key);
  });

  test('defaults until set; a preset, then custom values; the facility inherits the tenant', async () => {
    const initial = await call('GET', '/admin/config', s.admin);
    assert.equal(initial.status, 200);
    assert.equal(initial.body.presetType, 'balanced');
    assert.equal(initial.body.own, false);
    assert.deepEqual(initial.body.values, presetValues('balanced'));

    const put = await call('PUT', '/admin/config', s.admin, { presetType: 'conservative' });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.presetType, 'conservative');
    assert.equal(put.body.values.confidence_level, 0.99);

    const facility = await call('GET', `/admin/config?facilityId=${acme.facilityId}`, s.admin);
    assert.equal(facility.body.own, false);
    assert.equal(facility.body.values.confidence_level, 0.99, 'inherited from the tenant');

    const custom = await call('PUT', `/admin/config?facilityId=${acme.facilityId}`, s.admin, {
      presetType: 'balanced',
      config: { scrap_rate_threshold_pct: 2.5, spc_rules: 'nelson' },
    });
    assert.equal(custom.status, 200, JSON.stringify(custom.body));
    assert.equal(custom.body.presetType, 'custom');
    assert.equal(custom.body.own, true);
    assert.deepEqual(
      custom.body.diffFromPreset.map((d: { variable: string }) => d.variable),
      ['scrap_rate_threshold_pct', 'spc_rules'],
    );
  });

  test('invalid values are refused with the variable and its range named', async () => {
    for (const [config, pattern] of [
      [{ confidence_level: 1.5 }, /confidence_level/],
      [{ min_sample_size: 2.5 }, /min_sample_size/],
      [{ spc_rules: 'astrology' }, /spc_rules/],
      [{ include_scrap_cost: 'yes' }, /include_scrap_cost/],
      [{ not_a_variable: 1 }, /not_a_variable|additional/i],
    ] as const) {
      const res = await call('PUT', '/admin/config', s.admin, { presetType: 'custom', config });
      assert.equal(res.status, 400, JSON.stringify(config));
      assert.match(JSON.stringify(res.body), pattern);
    }
    const range = await call('PUT', '/admin/config', s.admin, {
      presetType: 'custom',
      config: { oee_target_pct: 120 },
    });
    const v = CONFIG_VARIABLES.find((x) => x.key === 'oee_target_pct');
    assert.ok(v && v.type === 'number');
    assert.match(JSON.stringify(range.body), new RegExp(String(v.max)));
  });

  test('the history records who changed which variables, newest first', async () => {
    const { status, body } = await call(
      'GET',
      `/admin/config/history?facilityId=${acme.facilityId}`,
      s.admin,
    );
    assert.equal(status, 200);
    assert.equal(body.length, 1);
    assert.equal(body[0].changedBy, acme.users.admin.id);
    // The facility went from the tenant's conservative values (inherited) to balanced with two changes.
    const diff = new Map(
      body[0].diff.map((d: { variable: string; from: unknown; to: unknown }) => [d.variable, d]),
    );
    assert.deepEqual(diff.get('scrap_rate_threshold_pct'), {
      variable: 'scrap_rate_threshold_pct',
      from: 8,
      to: 2.5,
    });
    assert.deepEqual(diff.get('confidence_level'), { variable: 'confidence_level', from: 0.99, to: 0.95 });
    assert.equal(diff.has('default_labor_rate'), false, 'unchanged variables are not in the diff');
    const tenantWide = await call('GET', '/admin/config/history', s.admin);
    assert.ok(
      tenantWide.body[0].diff.some(
        (d: { variable: string; to: number }) => d.variable === 'confidence_level' && d.to === 0.99,
      ),
    );
  });

  test('analysts and viewers may not read or change it; another tenant is not found; superadmins reach any', async () => {
    assert.equal((await call('GET', '/admin/config', s.analyst)).status, 403);
    assert.equal((await call('PUT', '/admin/config', s.viewer, { presetType: 'aggressive' })).status, 403);
    assert.equal((await call('GET', `/admin/config?customerId=${globex.id}`, s.admin)).status, 404);
    assert.equal((await call('GET', `/admin/config?facilityId=${globex.facilityId}`, s.admin)).status, 404);
    // Globex's admin sees Globex's defaults, untouched by Acme's changes.
    assert.equal((await call('GET', '/admin/config', s.globexAdmin)).body.presetType, 'balanced');

    assert.equal((await call('GET', '/admin/config', s.root)).status, 400, 'a superadmin names the customer');
    const root = await call('PUT', `/admin/config?customerId=${globex.id}`, s.root, {
      presetType: 'aggressive',
    });
    assert.equal(root.status, 200, JSON.stringify(root.body));
    assert.equal((await call('GET', '/admin/config', s.globexAdmin)).body.presetType, 'aggressive');
    const unknown = await call(
      'GET',
      '/admin/config?customerId=00000000-0000-4000-8000-000000000000',
      s.root,
    );
    assert.equal(unknown.status, 404);
  });
});
