// Proof that tenant isolation is enforced by the database itself: for every table holding tenant
// data, a query with no tenant filter, run in tenant A's context, returns no row of tenant B — and
// cannot write one. Runs on PGlite and on PostgreSQL (DATABASE_URL).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestTenant, signIn, type TestTenant } from '../../src/modules/identity/testing.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { acrossTenants, inTenant, PLATFORM_ROLE, TENANT_ROLE } from '../../src/platform/db/scope.ts';
import { createTestApp, type TestApp } from '../../src/platform/http/testing.ts';
import { populateTenant, probeConsumer } from './tenant-data.ts';

/** Tables without tenant data. The application roles may not touch them at all. */
const OWNER_ONLY = new Set(['instance', 'platform_secrets', 'rate_limit_hits']);
/** Tables without tenant data used only on the platform path (sign-in): never by the tenant role. */
const PLATFORM_ONLY = new Set(['login_attempts']);
/**
 * Daily partitions of readings: reached only through their parent (which carries the policies);
 * neither application role may touch one directly.
 */
const isReadingsPartition = (table: string) => /^readings_p\d{8}$/.test(table);
/** Tenant data keyed by another column than tenant_id. */
const TENANT_COLUMN: Record<string, string> = { tenants: 'id' };
/** Global rows a tenant sees through its memberships (users belong to several tenants). */
const MEMBERSHIP_SCOPED = new Set(['users']);

let t: TestApp;
let a: TestTenant;
let b: TestTenant;
let tables: string[];

before(async () => {
  t = await createTestApp({ setup: probeConsumer });
  a = await createTestTenant(t.database.db, 'rls-a');
  b = await createTestTenant(t.database.db, 'rls-b');
  for (const tenant of [a, b]) await populateTenant(t, tenant, await signIn(t.app, tenant.users.admin.email));
  const rows = await queryRows<{ table_name: string }>(
    t.database.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  tables = rows.map((r) => r.table_name);
});
after(() => t?.close());

const quote = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);
const tenantColumn = (table: string) => TENANT_COLUMN[table] ?? 'tenant_id';

async function count(
  run: typeof inTenant | typeof acrossTenants,
  tenantId: string,
  query: ReturnType<typeof sql>,
) {
  const exec = (tx: Parameters<Parameters<typeof acrossTenants>[1]>[0]) =>
    queryRows<{ n: number }>(tx, query);
  const rows =
    run === inTenant
      ? await inTenant(t.database.db, tenantId, exec)
      : await acrossTenants(t.database.db, exec);
  return Number(rows[0]?.n ?? 0);
}

describe('row-level security', () => {
  test('every table is either tenant-protected (RLS enabled and forced, with a policy) or owner-only', async () => {
    const catalog = await queryRows<{ relname: string; rls: boolean; forced: boolean; policies: number }>(
      t.database.db,
      sql`select c.relname, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
                 (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p')`,
    );
    for (const table of tables) {
      const row = catalog.find((c) => c.relname === table);
      if (PLATFORM_ONLY.has(table)) {
        const [grant] = await queryRows<{ app: boolean }>(
          t.database.db,
          sql`select has_table_privilege(${TENANT_ROLE}, ${table}, 'select') as app`,
        );
        assert.equal(grant?.app, false, `${table} must stay out of the tenant role's reach`);
        continue;
      }
      if (OWNER_ONLY.has(table) || isReadingsPartition(table)) {
        const [grant] = await queryRows<{ app: boolean; platform: boolean }>(
          t.database.db,
          sql`select has_table_privilege(${TENANT_ROLE}, ${table}, 'select') as app,
                     has_table_privilege(${PLATFORM_ROLE}, ${table}, 'select') as platform`,
        );
        assert.deepEqual(grant, { app: false, platform: false }, `${table} must stay owner-only`);
        continue;
      }
      assert.ok(row?.rls && row.forced, `${table}: row-level security must be enabled and forced`);
      assert.ok((row?.policies ?? 0) >= 2, `${table}: needs its tenant and platform policies`);
    }
  });

  test("in tenant A's context, unfiltered queries see no row of tenant B on any table", async () => {
    const checked: string[] = [];
    const tenantTables = tables.filter(
      (name) => !OWNER_ONLY.has(name) && !PLATFORM_ONLY.has(name) && !isReadingsPartition(name),
    );
    for (const table of tenantTables) {
      if (MEMBERSHIP_SCOPED.has(table)) continue;
      const column = quote(tenantColumn(table));
      const ofB = sql`select count(*)::int as n from ${quote(table)} where ${column} = ${b.id}`;
      assert.ok(
        (await count(acrossTenants, b.id, ofB)) > 0,
        `no row of tenant B in ${table}: extend tenant-data.ts`,
      );
      const unfiltered = sql`select count(*)::int as n from ${quote(table)}`;
      const notA = sql`select count(*)::int as n from ${quote(table)} where ${column} is distinct from ${a.id}`;
      assert.equal(await count(inTenant, a.id, notA), 0, `${table} leaks other tenants' rows to tenant A`);
      assert.ok((await count(inTenant, a.id, unfiltered)) > 0, `${table}: tenant A sees its own rows`);
      assert.equal(await count(inTenant, a.id, ofB), 0);
      checked.push(table);
    }
    assert.ok(checked.length >= 7, `checked ${checked.join(', ')}`);
  });

  test('users: a tenant sees exactly its members', async () => {
    const visible = await inTenant(t.database.db, a.id, (tx) =>
      queryRows<{ email: string }>(tx, sql`select email from users order by email`),
    );
    const emails = visible.map((u) => u.email);
    // The four role users and the invited one of A; nobody of B.
    assert.equal(emails.length, 5, JSON.stringify(emails));
    assert.ok(
      emails.every((e) => /rls-?a/.test(e)),
      JSON.stringify(emails),
    );
  });

  test("tenant A cannot write rows into tenant B, nor move or delete B's rows", async () => {
    const attempt = (statement: ReturnType<typeof sql>) =>
      inTenant(t.database.db, a.id, (tx) => tx.execute(statement)).then(
        (result) => ({
          ok: true,
          rowCount:
            (result as unknown as { rowCount?: number; affectedRows?: number }).rowCount ??
            (result as unknown as { affectedRows?: number }).affectedRows ??
            0,
        }),
        (err: Error) => ({ ok: false, message: String(err.cause ?? err.message) }),
      );
    const insert = await attempt(
      sql`insert into facilities (tenant_id, code, name) values (${b.id}, 'X1', 'smuggled')`,
    );
    assert.equal(insert.ok, false);
    assert.match((insert as { message: string }).message, /row-level security/);
    const update = await attempt(sql`update facilities set name = 'hijacked' where tenant_id = ${b.id}`);
    assert.deepEqual(update, { ok: true, rowCount: 0 });
    const remove = await attempt(sql`delete from api_keys where tenant_id = ${b.id}`);
    assert.deepEqual(remove, { ok: true, rowCount: 0 });
    const steal = await attempt(sql`update facilities set tenant_id = ${b.id} where tenant_id = ${a.id}`);
    assert.equal(steal.ok, false);
  });

  test('the audit log is append-only for the application', async () => {
    const result = await inTenant(t.database.db, a.id, (tx) => tx.execute(sql`delete from audit_log`)).then(
      () => 'deleted',
      (err: Error) => String(err.cause ?? err.message),
    );
    assert.match(result, /permission denied/);
  });
});
