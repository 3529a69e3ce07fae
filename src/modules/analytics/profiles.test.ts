import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';

// Mapping profiles: CRUD, versions kept on every save, validation of the mapping, the seed's fields,
// role checks (analysts and admins write, viewers and operators read), tenant isolation.

let t: TestApp;
let acme: TestTenant;
let other: TestTenant;
const s = {} as Record<'admin' | 'analyst' | 'operator' | 'viewer' | 'outsider', TestSession>;

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'profiles');
  other = await createTestTenant(t.database.db, 'profiles-other');
  for (const role of ['admin', 'analyst', 'operator', 'viewer'] as const)
    s[role] = await signIn(t.app, acme.users[role].email);
  s.outsider = await signIn(t.app, other.users.admin.email);
});
after(async () => t?.close());

async function call(
  session: TestSession,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  const res = await t.app.inject({
    method,
    url: `/api/v1/analytics${url}`,
    headers: session.headers,
    ...(payload !== undefined ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.body ? res.json() : undefined };
}

const sapMappings = [
  { field: 'workOrder', column: 'Order' },
  { field: 'partNumber', column: 'Material' },
  { field: 'qtyCompleted', column: 'Confirmed Yield', transform: { decimal: ',', thousands: '.' } },
  { field: 'downtimeMinutes', column: 'Downtime (h)', transform: { scale: 60 } },
  { field: 'machineFailure', column: 'Breakdown', transform: { valueMap: { X: true, '': false } } },
  { field: 'shift', constant: 'A' },
];

describe('mapping profiles', () => {
  test('create, get, list with search, replace as a new version, versions kept, delete', async () => {
    const created = await call(s.analyst, 'POST', '/profiles', {
      name: 'SAP PP confirmations',
      description: 'CO11N export',
      erpSystem: 'SAP',
      dataGranularity: 'operation',
      aggregationStrategy: { qtyCompleted: 'max' },
      mappings: sapMappings,
      configVariables: [{ key: 'currency', value: 'EUR' }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const p = created.body;
    assert.equal(p.version, 1);
    assert.equal(p.usageCount, 0);
    assert.equal(p.lastUsed, null);
    assert.equal(p.isActive, true);
    assert.deepEqual(p.mappings, sapMappings);
    assert.deepEqual(p.aggregationStrategy, { qtyCompleted: 'max' });

    assert.deepEqual((await call(s.viewer, 'GET', `/profiles/${p.id}`)).body, p);
    const found = await call(s.viewer, 'GET', '/profiles?q=sap&limit=10');
    assert.equal(found.body.total, 1);
    assert.equal((await call(s.viewer, 'GET', '/profiles?q=oracle')).body.total, 0);

    const next = [...sapMappings.slice(0, 3), { field: 'operator', column: 'Personnel No.' }];
    const replaced = await call(s.admin, 'PUT', `/profiles/${p.id}`, {
      name: 'SAP PP confirmations',
      mappings: next,
    });
    assert.equal(replaced.status, 200, JSON.stringify(replaced.body));
    assert.equal(replaced.body.version, 2);
    assert.equal(replaced.body.dataGranularity, 'header', 'PUT replaces: left-out fields take defaults');
    const versions = await call(s.viewer, 'GET', `/profiles/${p.id}/versions`);
    assert.deepEqual(
      versions.body.map((v: { version: number }) => v.version),
      [2, 1],
    );
    assert.deepEqual(versions.body[1].content.mappings, sapMappings, 'version 1 is kept as it was');
    assert.deepEqual(versions.body[0].content.mappings, next);

    assert.equal((await call(s.analyst, 'DELETE', `/profiles/${p.id}`)).status, 204);
    assert.equal((await call(s.viewer, 'GET', `/profiles/${p.id}`)).status, 404);
  });

  test('a mapping that cannot work is a 400 naming each problem', async () => {
    const res = await call(s.analyst, 'POST', '/profiles', {
      name: 'broken',
      mappings: [
        { field: 'workOrder', column: 'WO' },
        { field: 'workOrder', column: 'Order' },
        { field: 'qtyScrap', column: 'Scrap', constant: 0 },
        { field: 'qtyPlanned' },
      ],
    });
    assert.equal(res.status, 400);
    const text = res.body.error.message as string;
    assert.match(text, /"workOrder" is mapped twice/);
    assert.match(text, /"qtyScrap" needs exactly one of column or constant/);
    assert.match(text, /"qtyPlanned" needs exactly one of column or constant/);
    assert.match(text, /required field "partNumber" is not mapped/);
    assert.match(text, /required field "qtyCompleted" is not mapped/);

    const unknown = await call(s.analyst, 'POST', '/profiles', {
      name: 'unknown field',
      mappings: [{ field: 'colour', column: 'Colour' }],
    });
    assert.equal(unknown.status, 400, 'the field list is a closed enum');
  });

  test('names are unique per tenant; other tenants neither see nor clash', async () => {
    const body = { name: 'Odoo MRP', mappings: sapMappings };
    assert.equal((await call(s.analyst, 'POST', '/profiles', body)).status, 201);
    assert.equal((await call(s.analyst, 'POST', '/profiles', body)).status, 409);
    assert.equal((await call(s.outsider, 'POST', '/profiles', body)).status, 201);
    const mine = await call(s.viewer, 'GET', '/profiles?q=odoo');
    assert.equal(mine.body.total, 1);
    const theirs = await call(s.outsider, 'GET', '/profiles?q=odoo');
    assert.notEqual(theirs.body.items[0].id, mine.body.items[0].id);
    assert.equal((await call(s.outsider, 'GET', `/profiles/${mine.body.items[0].id}`)).status, 404);
  });

  test('roles: analysts and admins write, operators and viewers read only', async () => {
    const body = { name: 'roles', mappings: sapMappings };
    for (const role of ['operator', 'viewer'] as const) {
      assert.equal((await call(s[role], 'POST', '/profiles', body)).status, 403, role);
    }
    const created = await call(s.admin, 'POST', '/profiles', body);
    assert.equal(created.status, 201);
    for (const role of ['operator', 'viewer'] as const) {
      assert.equal((await call(s[role], 'PUT', `/profiles/${created.body.id}`, body)).status, 403, role);
      assert.equal((await call(s[role], 'DELETE', `/profiles/${created.body.id}`)).status, 403, role);
      assert.equal((await call(s[role], 'GET', `/profiles/${created.body.id}`)).status, 200, role);
    }
  });

  test('the canonical schema is listed with required fields and units', async () => {
    const { status, body } = await call(s.viewer, 'GET', '/fields');
    assert.equal(status, 200);
    const required = body.filter((f: { required: boolean }) => f.required).map((f: { key: string }) => f.key);
    assert.deepEqual(required, ['workOrder', 'partNumber', 'qtyCompleted']);
    assert.equal(body.find((f: { key: string }) => f.key === 'downtimeMinutes').unit, 'min');
  });

  test('auto-mapping learns: a column a saved profile mapped is suggested for that field next time', async () => {
    const headers = ['Beleg', 'Artikel', 'Stück gut'];
    const rows = [
      ['B-1', 'A-1', '5'],
      ['B-2', 'A-2', '7'],
    ];
    const suggest = async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/analytics/mapping/suggest',
        headers: s.analyst.headers,
        payload: { headers, rows },
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().suggestions.find((x: { field: string }) => x.field === 'workOrder');
    };
    assert.notEqual((await suggest()).column, 'Beleg');
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/analytics/profiles',
      headers: s.analyst.headers,
      payload: {
        name: 'Learned',
        mappings: [
          { field: 'workOrder', column: 'Beleg' },
          { field: 'partNumber', column: 'Artikel' },
          { field: 'qtyCompleted', column: 'Stück gut' },
        ],
      },
    });
    assert.equal(saved.statusCode, 201, saved.body);
    const next = await suggest();
    assert.equal(next.column, 'Beleg');
    assert.equal(next.reason, 'profile');
  });
});
