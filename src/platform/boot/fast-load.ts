// Start-up cost of loading the code. Imported first by every entry point (the CLI, the test command,
// compute workers) so that it applies before any dependency is loaded:
//
// 1. Node's compile cache: compiled code (and TypeScript with its types stripped) is kept on disk
//    and reused by the next process — a quarter of the load time on a warm cache.
// 2. A shortcut for relative imports inside ESM packages. For every file it loads, Node looks up
//    the package's package.json to tell ESM from CommonJS, and in Node 24 that lookup re-parses the
//    package's whole `exports` map each time (drizzle-orm's is 170 KB, read for each of its 112
//    files). The server loads about 1,000 such files (typebox, drizzle-orm, jose, pg-boss…). Here an
//    `import './x.js'` from a file inside node_modules/<package>/ whose nearest package.json says
//    `"type": "module"` resolves directly; everything else goes through Node's own resolution.
// 3. A cache of bare imports (`import … from 'drizzle-orm'`, 130 of them from our own files): Node
//    resolves each again (and re-parses that exports map twice). A bare specifier resolves the same
//    from any file that sees the same node_modules directories and sits in the same package, so
//    the first answer is reused for those.
// 4. Prebundled packages: TypeBox ships as ~680 small ES modules, the largest single part of loading
//    the app in a CPU profile. `npm install` bundles each of its entry points (scripts/build-bundles.ts, into
//    node_modules/.cache/plantintel/bundles/), and an import that Node resolves to one of those
//    entry points loads the bundle's file instead — while the installed package is the version that
//    was bundled. All entry points share the bundle's chunks, so its state (TypeBox's format
//    registry) is one, whichever entry a module imports. Without a bundle, packages load as shipped.
// Node's own NODE_DISABLE_COMPILE_CACHE=1 turns the cache off.
import { readFileSync, statSync } from 'node:fs';
import { enableCompileCache, registerHooks } from 'node:module';

const NODE_MODULES = '/node_modules/';

/** The package directory URL (…/node_modules/<name> or …/node_modules/@scope/<name>) of a file URL. */
export function packageRoot(url: string): string | null {
  const at = url.lastIndexOf(NODE_MODULES);
  if (at < 0) return null;
  const start = at + NODE_MODULES.length;
  let end = url.indexOf('/', start);
  if (end < 0) return null;
  if (url[start] === '@') {
    end = url.indexOf('/', end + 1);
    if (end < 0) return null;
  }
  return url.slice(0, end);
}

const typeOfDir = new Map<string, 'module' | 'commonjs' | null>();

/** The module type that governs files in `dir` (a directory URL without trailing slash), up to `root`. */
function scopeType(dir: string, root: string): 'module' | 'commonjs' | null {
  const known = typeOfDir.get(dir);
  if (known !== undefined) return known;
  let type: 'module' | 'commonjs' | null;
  try {
    const json = JSON.parse(readFileSync(new URL(`${dir}/package.json`), 'utf8')) as { type?: unknown };
    type = json.type === 'module' ? 'module' : 'commonjs';
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    // No package.json here: the parent directory decides, up to the package root (which must have one).
    type = missing && dir !== root ? scopeType(dir.slice(0, dir.lastIndexOf('/')), root) : null;
  }
  typeOfDir.set(dir, type);
  return type;
}

/** The URL a relative ESM import inside a package resolves to, or null to let Node resolve it. */
export function fastResolve(specifier: string, parentURL: string | undefined): string | null {
  if (!parentURL?.startsWith('file:')) return null;
  if (!(specifier.startsWith('./') || specifier.startsWith('../'))) return null;
  if (!(specifier.endsWith('.js') || specifier.endsWith('.mjs'))) return null;
  const root = packageRoot(parentURL);
  if (!root) return null;
  const url = new URL(specifier, parentURL);
  if (url.search || url.hash) return null;
  const href = url.href;
  // Staying inside the same package (not into a nested node_modules).
  if (packageRoot(href) !== root) return null;
  if (!href.endsWith('.mjs') && scopeType(href.slice(0, href.lastIndexOf('/')), root) !== 'module')
    return null;
  // A missing file gets Node's own error.
  if (!statSync(url, { throwIfNoEntry: false })?.isFile()) return null;
  return href;
}

const existsDir = new Map<string, boolean>();
function isDir(path: string): boolean {
  let known = existsDir.get(path);
  if (known === undefined) {
    known = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
    existsDir.set(path, known);
  }
  return known;
}
const hasPackageJson = new Map<string, boolean>();

/**
 * What a bare import's resolution depends on besides the specifier: the node_modules directories
 * seen from the importing file's directory (in lookup order) and the package that file belongs to
 * (self-references). Null when the parent is not a plain file.
 */
export function lookupScope(parentURL: string | undefined): string | null {
  if (!parentURL?.startsWith('file:') || parentURL.includes('?') || parentURL.includes('#')) return null;
  let dir = parentURL.slice(0, parentURL.lastIndexOf('/'));
  const seen: string[] = [];
  let pkg: string | undefined;
  while (dir.length > 'file://'.length) {
    const path = decodeURIComponent(dir.slice('file://'.length));
    if (!path.endsWith('/node_modules') && isDir(`${path}/node_modules`)) seen.push(path);
    if (pkg === undefined) {
      let has = hasPackageJson.get(path);
      if (has === undefined) {
        has = statSync(`${path}/package.json`, { throwIfNoEntry: false })?.isFile() ?? false;
        hasPackageJson.set(path, has);
      }
      if (has) pkg = path;
    }
    dir = dir.slice(0, dir.lastIndexOf('/'));
  }
  return `${pkg ?? ''}|${seen.join(',')}`;
}

const bareResolved = new Map<string, { url: string; format?: string | null | undefined }>();

function isBare(specifier: string) {
  return !(
    specifier.startsWith('.') ||
    specifier.startsWith('/') ||
    specifier.startsWith('#') ||
    specifier.includes(':')
  );
}

/** What scripts/build-bundles.ts writes: per package, its entry points' URLs → the bundle's files. */
export interface BundleManifest {
  packages: { dir: string; version: string; entries: Record<string, string> }[];
}

export const BUNDLE_MANIFEST = new URL(
  '../../../node_modules/.cache/plantintel/bundles/manifest.json',
  import.meta.url,
);

/** The entries of the packages still installed at the bundled version (others load as shipped). */
export function bundledEntries(
  manifest: BundleManifest,
  versionOf: (dir: string) => unknown,
): Map<string, string> {
  const entries = new Map<string, string>();
  for (const pkg of manifest.packages ?? []) {
    if (versionOf(pkg.dir) !== pkg.version) continue;
    for (const [from, to] of Object.entries(pkg.entries)) entries.set(from, to);
  }
  return entries;
}

function readBundles(): Map<string, string> {
  try {
    const manifest = JSON.parse(readFileSync(BUNDLE_MANIFEST, 'utf8')) as BundleManifest;
    return bundledEntries(manifest, (dir) => {
      try {
        return (JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { version?: unknown }).version;
      } catch {
        return undefined;
      }
    });
  } catch {
    return new Map();
  }
}

let installed = false;

export function installFastLoad() {
  if (installed) return;
  installed = true;
  enableCompileCache();
  const bundles = readBundles();
  const bundled = <T extends { url: string; format?: string | null | undefined }>(resolved: T) => {
    const url = bundles.get(resolved.url);
    return url ? { ...resolved, url, format: 'module' } : resolved;
  };
  registerHooks({
    resolve(specifier, context, nextResolve) {
      // ESM imports only; require() keeps Node's own (cached) resolution.
      if (!context.conditions?.includes('import')) return nextResolve(specifier, context);
      const url = fastResolve(specifier, context.parentURL);
      if (url) return { url, format: 'module', shortCircuit: true };
      if (!isBare(specifier) || Object.keys(context.importAttributes ?? {}).length > 0)
        return nextResolve(specifier, context);
      const scope = lookupScope(context.parentURL);
      if (scope === null) return bundled(nextResolve(specifier, context));
      const key = `${specifier}\0${scope}\0${context.conditions.join(',')}`;
      const known = bareResolved.get(key);
      if (known) return { ...known, shortCircuit: true };
      const resolved = bundled(nextResolve(specifier, context));
      bareResolved.set(key, { url: resolved.url, format: resolved.format });
      return resolved;
    },
  });
}

installFastLoad();
