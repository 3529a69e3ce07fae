// PostgreSQL dump and restore with Debian's postgresql-client (pg_dump, pg_restore, psql).
//
// pg_dump reads one snapshot (REPEATABLE READ): consistent while servers keep writing, without
// stopping them. The roles the migrations create (plantintel_app, plantintel_platform: see
// drizzle/0002_identity_rls.sql) belong to the cluster, not the database, so pg_dump does not carry
// them; the restore creates them when missing (the connecting user needs CREATEROLE, or create them
// beforehand) before replaying the dump's grants and row-level security policies. Objects are
// restored owned by the connecting user (--no-owner): the same user the servers connect as.
//
// The restore is one transaction: pg_restore turns the archive into SQL, psql runs it with
// --single-transaction and ON_ERROR_STOP, so a failure leaves the target as it was.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { backupError } from './archive.ts';
import { APPLIED_MIGRATIONS_SQL } from './migration-state.ts';

/** The URL without its password, and the environment that passes the password (never on argv). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: '10' };
  if (password) env.PGPASSWORD = password;
  return { dbname: u.toString(), env };
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin?: 'pipe',
): ReturnType<typeof spawn> {
  return spawn(command, args, { env, stdio: [stdin ?? 'ignore', 'pipe', 'pipe'] });
}

/** Resolves when `child` exits 0; rejects with its stderr's tail otherwise. */
function finished(child: ReturnType<typeof spawn>, what: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? backupError(
              `${what} is not installed: install Debian's postgresql-client (apt-get install postgresql-client)`,
            )
          : err,
      ),
    );
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${what} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function appliedMigrations(url: string): Promise<{ count: number; last: string | null }> {
  return withClient(url, async (client) => {
    const exists = await client.query("select to_regclass('drizzle.__drizzle_migrations') as t");
    if (!exists.rows[0]?.t) return { count: 0, last: null };
    const { rows } = await client.query(APPLIED_MIGRATIONS_SQL);
    return { count: rows[0].count, last: rows[0].last };
  });
}

/**
 * Refuses, before anything is written, a role that cannot read every row of every table: pg_dump
 * would stop half-way on a permission or on row-level security. Superusers, roles with BYPASSRLS and
 * the owner of every table with row-level security pass.
 */
export async function checkDumpRole(url: string): Promise<void> {
  const problem = await withClient(url, async (client) => {
    const { rows } = await client.query(
      `select r.rolname as role, r.rolsuper or r.rolbypassrls as bypass,
              (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where ${SYSTEM_SCHEMA} and c.relkind in ('r', 'p', 'S')
                  and not has_table_privilege(c.oid, 'SELECT')) as unreadable,
              (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where ${SYSTEM_SCHEMA} and c.relkind in ('r', 'p') and c.relrowsecurity
                  and (c.relforcerowsecurity or not pg_has_role(c.relowner, 'USAGE'))) as secured
         from pg_roles r where r.rolname = current_user`,
    );
    const row = rows[0] as { role: string; bypass: boolean; unreadable: number; secured: number };
    if (row.bypass) return null;
    if (row.unreadable > 0)
      return `${row.role} may not read ${row.unreadable} of the tables and sequences: run the backup as the database's owner or a superuser`;
    if (row.secured > 0)
      return `pg_dump needs a role that bypasses row-level security to read every tenant's rows, and ${row.role} does not (${row.secured} tables have policies): run the backup as a superuser, or grant it once with ALTER ROLE ${row.role} BYPASSRLS`;
    return null;
  });
  if (problem) throw backupError(problem);
}

/** `pg_dump --format=custom` of `url` into `file`. */
export async function dumpPostgres(url: string, file: string): Promise<void> {
  const { dbname, env } = connection(url);
  const child = run(
    'pg_dump',
    ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${dbname}`],
    env,
  );
  await finished(child, 'pg_dump');
}

const SYSTEM_SCHEMA = "n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'";

/** Tables, views and sequences outside the system schemas: 0 for a database fit to restore into. */
export async function userObjectCount(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where ${SYSTEM_SCHEMA} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`,
    );
    return rows[0].n as number;
  });
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

const ENSURE_ROLES = `
DO $$ BEGIN CREATE ROLE plantintel_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE plantintel_platform NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  EXECUTE format('GRANT plantintel_app, plantintel_platform TO %I', current_user);
EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN NULL;
END $$;
`;

/**
 * Restores the dump in `file` into `url` in one transaction. With `replace`, every non-system schema
 * of the target is dropped first, in the same transaction (a failed restore keeps the old data).
 */
export async function restorePostgres(url: string, file: string, replace: boolean): Promise<void> {
  let prelude = ENSURE_ROLES;
  if (replace) {
    const schemas = await withClient(url, async (client) => {
      const { rows } = await client.query(`select n.nspname from pg_namespace n where ${SYSTEM_SCHEMA}`);
      return rows.map((r) => r.nspname as string);
    });
    prelude += schemas.map((s) => `DROP SCHEMA ${quoteIdent(s)} CASCADE;\n`).join('');
    prelude += 'CREATE SCHEMA public;\n';
  }
  const { dbname, env } = connection(url);
  const restore = run('pg_restore', ['--no-owner', '--file=-', file], env);
  const psql = run(
    'psql',
    [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '--single-transaction',
      '-c',
      prelude,
      '-f',
      '-',
      `--dbname=${dbname}`,
    ],
    { ...env, PGOPTIONS: '--client-min-messages=warning' },
    'pipe',
  );
  psql.stdout?.resume();
  restore.stdout?.pipe(psql.stdin as NodeJS.WritableStream);
  psql.stdin?.on('error', () => {}); // psql stopped early: its own exit status says why
  const results = await Promise.allSettled([finished(restore, 'pg_restore'), finished(psql, 'psql')]);
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) {
    const reason = (failure as PromiseRejectedResult).reason as Error;
    throw new Error(`the database restore failed and was rolled back: ${reason.message}`);
  }
}
