// The prebundled packages of fast-load.ts (built by scripts/build-bundles.ts at `npm install`).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { entryPoints } from '../../../scripts/build-bundles.ts';
import { BUNDLE_MANIFEST, type BundleManifest, bundledEntries } from './fast-load.ts';

test("a package's ESM entry points are bundled, one file each", () => {
  const entries = entryPoints('/p', {
    '.': { import: './build/index.mjs', default: './build/index.mjs' },
    './value': { import: './build/value/index.mjs' },
    './deep/er': './lib/deeper.js',
    './package.json': './package.json',
    './cjs-only': { default: './cjs/index.cjs' },
    './*': './build/*.mjs',
  });
  assert.deepEqual(entries, {
    index: '/p/build/index.mjs',
    value: '/p/build/value/index.mjs',
    'deep-er': '/p/lib/deeper.js',
  });
});

test('only a package still installed at the bundled version loads from the bundle', () => {
  const manifest: BundleManifest = {
    packages: [
      {
        dir: '/nm/a',
        version: '1.0.0',
        entries: { 'file:///nm/a/index.mjs': 'file:///b/a@1.0.0/index.mjs' },
      },
      {
        dir: '/nm/b',
        version: '2.0.0',
        entries: { 'file:///nm/b/index.mjs': 'file:///b/b@2.0.0/index.mjs' },
      },
    ],
  };
  const installed: Record<string, string> = { '/nm/a': '1.0.0', '/nm/b': '2.1.0' };
  const entries = bundledEntries(manifest, (dir) => installed[dir]);
  assert.deepEqual([...entries], [['file:///nm/a/index.mjs', 'file:///b/a@1.0.0/index.mjs']]);
});

test('after npm install, TypeBox loads from its bundle, with one format registry for every entry point', async () => {
  assert.ok(existsSync(BUNDLE_MANIFEST), 'no bundles: run `npm install` (or node scripts/build-bundles.ts)');
  const manifest = JSON.parse(readFileSync(BUNDLE_MANIFEST, 'utf8')) as BundleManifest;
  const typebox = manifest.packages.find((p) => p.dir.endsWith(join('node_modules', 'typebox')));
  assert.ok(typebox, 'TypeBox is not in the bundles');
  // The test processes load through fast-load.ts, as the server does.
  for (const file of Object.values(typebox.entries)) assert.ok(existsSync(new URL(file)), file);
  assert.match(import.meta.resolve('typebox'), /\/\.cache\/plantintel\/bundles\/typebox@[^/]+\/index\.mjs$/);
  assert.match(import.meta.resolve('typebox/compile'), /\/bundles\/typebox@[^/]+\/compile\.mjs$/);
  // Fastify's TypeBox provider imports the format registry itself: the same object as ours.
  const provider = (await import('@fastify/type-provider-typebox')) as unknown as { Format: unknown };
  const format = await import('typebox/format');
  assert.equal(provider.Format, format.default);
  const { Type } = await import('typebox');
  const { Compile } = await import('typebox/compile');
  const check = Compile(Type.Object({ n: Type.Integer({ minimum: 1 }) }));
  assert.deepEqual(
    [check.Check({ n: 2 }), check.Check({ n: 0 }), check.Check({ n: 1.5 })],
    [true, false, false],
  );
});
