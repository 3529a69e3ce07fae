import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createReachability, importsOf, testFiles } from '../../scripts/test-files.ts';

// Which test files the PostgreSQL run of `npm test` runs: those whose run-time imports reach the
// database layer, the app, a database driver, or processes and threads.

describe('test files that reach a database', () => {
  const root = mkdtempSync(join(tmpdir(), 'plantintel-test-files-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  test('imports are read from every form but `import type`', () => {
    assert.deepEqual(
      importsOf(`import a from './a.ts';
import { type B, c } from "./c.ts";
import type { D } from './d.ts';
export { e } from './e.ts';
export * from './f.ts';
import './g.ts';
const h = await import('./h.ts');
const k = await import(\`./\${name}.ts\`);
const task = new URL('./task.ts', import.meta.url);
// import { gone } from './commented.ts';
/* import './block.ts'; */
const url = 'http://example.com/x'; import { l } from './l.ts';
import {
  i,
  j,
} from './ij.ts';`),
      ['./a.ts', './c.ts', './e.ts', './f.ts', './g.ts', './h.ts', '?', './task.ts', './l.ts', './ij.ts'],
    );
  });

  test('followed through relative imports, cycles included; unresolvable imports count as reaching', () => {
    write('src/platform/db/database.ts', 'export const db = 1;\n');
    write(
      'src/engine/math.ts',
      "import type { Executor } from '../platform/db/database.ts';\nexport const add = 1;\n",
    );
    write('src/engine/cycle-a.ts', "import { b } from './cycle-b.ts';\nexport const a = 1;\n");
    write('src/engine/cycle-b.ts', "import { a } from './cycle-a.ts';\nimport { add } from './math.ts';\n");
    write('src/mod/repo.ts', "import { db } from '../platform/db/database.ts';\n");
    write(
      'src/mod/service.ts',
      "import { repo } from './repo.ts';\nimport { add } from '../engine/math.ts';\n",
    );
    write('src/mod/spawns.ts', "import { spawn } from 'node:child_process';\n");
    write('src/mod/pg.ts', "import pg from 'pg';\n");
    write('src/mod/lost.ts', "import { gone } from './gone.ts';\n");
    write('src/mod/pool.ts', "import { Piscina } from 'piscina';\n");
    write('src/mod/data.json', '{}');
    write('src/mod/reads-json.ts', "const f = new URL('./data.json', import.meta.url);\n");
    const cases: Record<string, boolean> = {
      'src/engine/math.ts': false,
      'src/engine/cycle-a.ts': false,
      'src/engine/cycle-b.ts': false,
      'src/mod/service.ts': true,
      'src/mod/spawns.ts': true,
      'src/mod/pg.ts': true,
      'src/mod/lost.ts': true,
      'src/mod/pool.ts': true,
      'src/mod/reads-json.ts': false,
    };
    const reaches = createReachability(root);
    for (const [file, expected] of Object.entries(cases)) assert.equal(reaches(file), expected, file);
    // A cycle with a reaching import on one side reaches from both.
    write('src/engine/ring-a.ts', "import { b } from './ring-b.ts';\n");
    write('src/engine/ring-b.ts', "import { a } from './ring-a.ts';\nimport pg from 'pg';\n");
    const fresh = createReachability(root);
    assert.equal(fresh('src/engine/ring-a.ts'), true);
    assert.equal(fresh('src/engine/ring-b.ts'), true);
  });

  test("the project's own: the database tests are in, the pure engines' out", () => {
    const { all, reachingDatabase } = testFiles(join(import.meta.dirname, '..', '..'));
    for (const file of [
      'src/modules/telemetry/alarms.test.ts',
      'src/platform/db/database.test.ts',
      'src/main.test.ts',
      'test/security/rls.test.ts',
    ])
      assert.ok(reachingDatabase.includes(file), file);
    for (const file of [
      'src/modules/supply/forecasting/ets.test.ts',
      'src/modules/telemetry/alarm-episodes.test.ts',
    ])
      assert.ok(all.includes(file) && !reachingDatabase.includes(file), file);
  });
});
