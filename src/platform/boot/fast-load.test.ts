import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fastResolve, installFastLoad, lookupScope, packageRoot } from './fast-load.ts';

const base = mkdtempSync(join(tmpdir(), 'fast-load-'));
after(() => rmSync(base, { recursive: true, force: true }));

function put(path: string, text: string) {
  const full = join(base, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
}
const url = (path: string) => pathToFileURL(join(base, path)).href;

// An ESM package with a CommonJS corner, a nested dependency and a scoped sibling.
put('node_modules/esm/package.json', JSON.stringify({ name: 'esm', type: 'module' }));
put('node_modules/esm/index.js', "export { b } from './lib/b.js';\nexport { c } from './cjs/c.js';\n");
put('node_modules/esm/lib/b.js', "export const b = 'b';\n");
put('node_modules/esm/cjs/package.json', JSON.stringify({ type: 'commonjs' }));
put('node_modules/esm/cjs/c.js', "exports.c = 'c';\n");
put('node_modules/esm/node_modules/dep/package.json', JSON.stringify({ type: 'module' }));
put('node_modules/esm/node_modules/dep/x.js', 'export const x = 1;\n');
put('node_modules/cjs/package.json', JSON.stringify({ name: 'cjs' }));
put('node_modules/cjs/index.js', "require('./other.js');\n");
put('node_modules/cjs/other.js', '');
put('node_modules/@scope/pkg/package.json', JSON.stringify({ type: 'module' }));
put('node_modules/@scope/pkg/a.mjs', 'export const a = 1;\n');

describe('fast-load', () => {
  test('packageRoot finds the package directory, scoped or not', () => {
    assert.equal(packageRoot(url('node_modules/esm/lib/b.js')), url('node_modules/esm'));
    assert.equal(packageRoot(url('node_modules/@scope/pkg/a.mjs')), url('node_modules/@scope/pkg'));
    assert.equal(
      packageRoot(url('node_modules/esm/node_modules/dep/x.js')),
      url('node_modules/esm/node_modules/dep'),
    );
    assert.equal(packageRoot(url('src/app.ts')), null);
  });

  test('a relative .js import inside an ESM package resolves directly', () => {
    assert.equal(
      fastResolve('./lib/b.js', url('node_modules/esm/index.js')),
      url('node_modules/esm/lib/b.js'),
    );
    assert.equal(
      fastResolve('../index.js', url('node_modules/esm/lib/b.js')),
      url('node_modules/esm/index.js'),
    );
    assert.equal(
      fastResolve('./a.mjs', url('node_modules/@scope/pkg/x.js')),
      url('node_modules/@scope/pkg/a.mjs'),
    );
  });

  test('everything else is left to Node', () => {
    const parent = url('node_modules/esm/index.js');
    // A directory with its own package.json saying CommonJS.
    assert.equal(fastResolve('./cjs/c.js', parent), null);
    // A CommonJS package.
    assert.equal(fastResolve('./other.js', url('node_modules/cjs/index.js')), null);
    // Into a nested node_modules, or out of the package.
    assert.equal(fastResolve('./node_modules/dep/x.js', parent), null);
    assert.equal(fastResolve('../cjs/index.js', parent), null);
    // Missing files, bare specifiers, extensionless, query strings, parents outside node_modules.
    assert.equal(fastResolve('./lib/missing.js', parent), null);
    assert.equal(fastResolve('esm', parent), null);
    assert.equal(fastResolve('./lib/b', parent), null);
    assert.equal(fastResolve('./lib/b.js?x=1', parent), null);
    assert.equal(fastResolve('./b.js', url('src/a.js')), null);
    assert.equal(fastResolve('./lib/b.js', undefined), null);
  });

  test('bare imports share a resolution only where they would resolve alike', () => {
    put('app/package.json', JSON.stringify({ name: 'app' }));
    put('app/src/a/x.ts', '');
    put('app/src/b/c/y.ts', '');
    put('app/src/with-deps/node_modules/.keep', '');
    put('app/src/with-deps/z.ts', '');
    const x = lookupScope(url('app/src/a/x.ts'));
    // Same package, same node_modules directories in sight: one scope.
    assert.equal(lookupScope(url('app/src/b/c/y.ts')), x);
    // A node_modules directory of its own, or another package: another scope.
    assert.notEqual(lookupScope(url('app/src/with-deps/z.ts')), x);
    assert.notEqual(lookupScope(url('node_modules/esm/lib/b.js')), x);
    assert.notEqual(
      lookupScope(url('node_modules/esm/lib/b.js')),
      lookupScope(url('node_modules/cjs/index.js')),
    );
    assert.equal(lookupScope('data:text/javascript,1'), null);
  });

  test('with the hooks installed, the package loads as Node would load it', async () => {
    installFastLoad();
    const mod = (await import(url('node_modules/esm/index.js'))) as { b: string; c: string };
    assert.equal(mod.b, 'b');
    assert.equal(mod.c, 'c');
  });
});
