// Which test files can reach a database: the PostgreSQL run of `npm test` (DATABASE_URL set) runs
// only those. The rest (the pure engines' unit and property tests: OEE, SPC, forecasting, routing,
// parsers, …) run the same code whatever the driver, so the embedded run covers them and running
// them again on PostgreSQL would only cost CI time.
//
// A file reaches a database when anything it imports at run time, followed through relative
// imports, is the database layer, the server, a database or queue driver, or starts processes or
// threads (which may open one). `import type` is erased before run time and not followed. The rule
// errs on the side of running a file: an import it cannot resolve counts as reaching a database.
import { existsSync, globSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const TEST_GLOBS = ['src/**/*.test.ts', 'test/**/*.test.ts'];

/** Bare modules that talk to a database or run work elsewhere. */
const REACHING_MODULES = new Set([
  'pg',
  '@electric-sql/pglite',
  'pg-boss',
  'node:child_process',
  'child_process',
  'node:worker_threads',
  'worker_threads',
  'node:cluster',
  'cluster',
  'piscina',
]);
/** Files of ours that are the database layer, or start the app. */
const REACHING_FILES = [
  /^src\/platform\/db\//,
  /^src\/server\.ts$/,
  /^src\/main\.ts$/,
  /^src\/platform\/http\/testing\.ts$/,
];

// `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')`, and a module run as a task
// or worker (`new URL('./x.ts', import.meta.url)`); not `import type … from`. An `import(…)` of a
// computed path is returned as `?` (cannot be resolved, so it counts as reaching).
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(?!type\s)(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\bnew URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url|\bimport\((?!\s*['"][^'"]+['"]\s*\))/g;
/** Block comments, and line comments that start a line or follow a space (not `http://` in a string). */
const COMMENTS = /\/\*[\s\S]*?\*\/|(^|\s)\/\/[^\n]*/g;

export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.replace(COMMENTS, '$1').matchAll(SPECIFIER)) out.push(m[1] ?? m[2] ?? m[3] ?? '?');
  return out;
}

export function createReachability(root: string) {
  const memo = new Map<string, boolean>();
  const reaches = (file: string, path: string[] = []): boolean => {
    const known = memo.get(file);
    if (known !== undefined) return known;
    if (path.includes(file)) return false; // a cycle: decided by the other imports along it
    const rel = relative(root, file);
    let result = REACHING_FILES.some((re) => re.test(rel));
    if (!result) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          // A JSON module is data: nothing to follow.
          if (target.endsWith('.json') && existsSync(target)) continue;
          if (!existsSync(target) || !/\.(ts|mts|js|mjs)$/.test(target)) {
            result = true;
            break;
          }
          if (reaches(target, [...path, file])) {
            result = true;
            break;
          }
        } else if (spec === '?' || REACHING_MODULES.has(spec)) {
          result = true;
          break;
        }
      }
    }
    // Inside a cycle the answer may still change with the other imports: memoised at the top only.
    if (path.length === 0 || result) memo.set(file, result);
    return result;
  };
  return (file: string) => reaches(resolve(root, file));
}

/** The test files, and those of them that reach a database. */
export function testFiles(root: string) {
  const all = TEST_GLOBS.flatMap((g) => globSync(g, { cwd: root })).sort();
  const reaches = createReachability(root);
  return { all, reachingDatabase: all.filter((f) => reaches(f)) };
}

if (import.meta.main) {
  const root = join(import.meta.dirname, '..');
  const { all, reachingDatabase } = testFiles(root);
  const pure = all.filter((f) => !reachingDatabase.includes(f));
  console.log(
    `${all.length} test files; ${reachingDatabase.length} reach a database; ${pure.length} do not:`,
  );
  for (const f of pure) console.log(`  ${f}`);
}
