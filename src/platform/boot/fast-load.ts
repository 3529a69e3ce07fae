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

let installed = false;

export function installFastLoad() {
  if (installed) return;
  installed = true;
  enableCompileCache();
  registerHooks({
    resolve(specifier, context, nextResolve) {
      // ESM imports only; require() keeps Node's own (cached) resolution.
      if (context.conditions?.includes('import')) {
        const url = fastResolve(specifier, context.parentURL);
        if (url) return { url, format: 'module', shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
}

installFastLoad();
