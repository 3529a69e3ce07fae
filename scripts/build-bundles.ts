// Run by `npm install` (postinstall): bundles the ES-module packages that ship as hundreds of small
// files into a few files each, which src/platform/boot/fast-load.ts loads in their place (TypeBox:
// ~680 modules, the largest single part of loading the app in a CPU profile). One output file per entry point of
// the package's `exports`, with the code they share in common chunks. Rebuilt at every install;
// a package that cannot be bundled (or no esbuild: an install without devDependencies) simply loads
// as shipped.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_MANIFEST, type BundleManifest } from '../src/platform/boot/fast-load.ts';

const PACKAGES = ['typebox'];

const root = join(import.meta.dirname, '..');
const bundlesDir = new URL('.', BUNDLE_MANIFEST);

/** `<package>@<version>`: the bundle's directory name, and how the install names it. */
const label = (pkg: BundleManifest['packages'][number]) => `${pkg.dir.split('/').pop()}@${pkg.version}`;

type ExportTarget = string | { import?: unknown; default?: unknown } | null;

/** Entry name → file, for every ESM entry point a package's `exports` map names. */
export function entryPoints(dir: string, exportsMap: Record<string, ExportTarget>): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(exportsMap)) {
    if (subpath.includes('*')) continue;
    const file = typeof target === 'string' ? target : (target?.import ?? target?.default);
    if (typeof file !== 'string' || !/\.m?js$/.test(file)) continue;
    const name = subpath === '.' ? 'index' : subpath.replace(/^\.\//, '').replaceAll('/', '-');
    entries[name] = join(dir, file);
  }
  return entries;
}

async function bundle(name: string): Promise<BundleManifest['packages'][number]> {
  const { build } = await import('esbuild');
  const dir = join(root, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version: string;
    exports: Record<string, ExportTarget>;
  };
  const entries = entryPoints(dir, pkg.exports);
  const out = new URL(`${name}@${pkg.version}/`, bundlesDir);
  const building = new URL(`${name}@${pkg.version}.building-${process.pid}/`, bundlesDir);
  rmSync(building, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    outdir: fileURLToPath(building),
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  rmSync(out, { recursive: true, force: true });
  renameSync(building, out);
  return {
    dir,
    version: pkg.version,
    entries: Object.fromEntries(
      Object.entries(entries).map(([entry, file]) => [
        pathToFileURL(file).href,
        new URL(`${entry}.mjs`, out).href,
      ]),
    ),
  };
}

if (import.meta.main) {
  const started = performance.now();
  // The manifest goes first, so that nothing loads a bundle half rebuilt.
  rmSync(BUNDLE_MANIFEST, { force: true });
  mkdirSync(bundlesDir, { recursive: true });
  const manifest: BundleManifest = { packages: [] };
  for (const name of PACKAGES) {
    try {
      manifest.packages.push(await bundle(name));
    } catch (err) {
      process.stdout.write(
        `${name} not bundled (it loads as shipped): ${(err as Error).message.split('\n')[0]}\n`,
      );
    }
  }
  // Bundles of versions no longer installed go.
  const kept = new Set(manifest.packages.map(label));
  for (const entry of readdirSync(bundlesDir))
    if (!kept.has(entry)) rmSync(new URL(entry, bundlesDir), { recursive: true, force: true });
  writeFileSync(BUNDLE_MANIFEST, `${JSON.stringify(manifest, null, 1)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`bundled ${manifest.packages.map(label).join(', ') || 'nothing'} (${seconds} s)\n`);
}
