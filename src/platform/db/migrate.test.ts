import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { loadTestSettings } from '../../config.ts';
import { MIGRATIONS_DIR } from './migrate.ts';

const { databaseUrl } = loadTestSettings();

// The migration's own statements up to the first that touches a table: creating the two roles and
// granting them to the connecting user. Roles are cluster-wide, so two new databases migrating at
// once on a new cluster (parallel test files, two soaks) both run them.
function roleStatements(suffix: string) {
  const text = readFileSync(join(MIGRATIONS_DIR, '0002_identity_rls.sql'), 'utf8');
  const statements = text
    .split('--> statement-breakpoint')
    .slice(0, 3)
    .map((s) => s.replaceAll(/plantintel_(app|platform)\b/g, `plantintel_$1_${suffix}`));
  assert.equal(statements.length, 3);
  assert.match(statements[0] ?? '', /CREATE ROLE/);
  assert.match(statements[2] ?? '', /GRANT/);
  return statements;
}

test('two databases creating the roles at once: the one that waits does not fail', {
  skip: databaseUrl ? false : 'roles are PostgreSQL cluster objects (DATABASE_URL unset)',
}, async () => {
  const suffix = `race_${randomBytes(4).toString('hex')}`;
  const statements = roleStatements(suffix);
  const first = new pg.Client({ connectionString: databaseUrl });
  const second = new pg.Client({ connectionString: databaseUrl });
  await first.connect();
  await second.connect();
  try {
    const { rows: pids } = await second.query<{ pid: number }>('select pg_backend_pid() as pid');
    const secondPid = pids[0]?.pid;
    await first.query('begin');
    for (const s of statements) await first.query(s);
    await second.query('begin');
    // The second transaction blocks on the first's uncommitted role row…
    const waiting = (async () => {
      for (const s of statements) await second.query(s);
      await second.query('commit');
    })();
    const blocked = async () => {
      const { rows } = await first.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where pid = $1 and wait_event_type = 'Lock'`,
        [secondPid],
      );
      return rows[0]?.n === 1;
    };
    const deadline = Date.now() + 30_000;
    while (!(await blocked())) {
      assert.ok(Date.now() < deadline, 'the second transaction never waited on the first');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // …and carries on without an error once the first commits.
    await first.query('commit');
    await waiting;
    const { rows } = await first.query<{ rolname: string }>(
      'select rolname from pg_roles where rolname like $1 order by rolname',
      [`plantintel_%_${suffix}`],
    );
    assert.deepEqual(
      rows.map((r) => r.rolname),
      [`plantintel_app_${suffix}`, `plantintel_platform_${suffix}`],
    );
  } finally {
    await second.query('rollback').catch(() => undefined);
    await first.query(`drop role if exists plantintel_app_${suffix}, plantintel_platform_${suffix}`);
    await first.end();
    await second.end();
  }
});
