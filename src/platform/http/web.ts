import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFoundRoute } from './error-handler.ts';
import type { App } from './types.ts';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

// Paths owned by the server; everything else is a page of the single-page app.
const SERVER_PREFIXES = ['/api/', '/ws', '/docs', '/openapi.json', '/health', '/ready', '/metrics'];

function wantsPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '/';
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (SERVER_PREFIXES.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p))) return false;
  // A missing asset (/assets/x.js) is a real 404, not the app shell.
  if (/\.[a-z0-9]+$/i.test(path)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Sent with the dashboard's files only (never on /api or the probes, which pay per request). The
 * built app has no inline script or style element, and React sets styles through the DOM, which
 * style-src does not govern, so nothing inline is allowed. 'self' in connect-src covers the
 * same-origin WebSocket (CSP Level 3).
 */
export const WEB_SECURITY_HEADERS = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

const NOT_BUILT_PAGE = `<!doctype html><meta charset="utf-8"><title>PlantIntel</title>
<p>The web app has not been built. Run <code>npm run build:web</code> and reload.
The API is up: see <a href="/docs">/docs</a>.</p>`;

/** Serves the built dashboard at / with a fallback to index.html for its client-side routes. */
export async function registerWeb(app: App, distDir = WEB_DIST) {
  const built = existsSync(`${distDir}/index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // Hashed bundles never change; index.html must always be revalidated.
      setHeaders: (reply, filePath) => {
        reply.headers(WEB_SECURITY_HEADERS);
        reply.header(
          'cache-control',
          filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  } else {
    app.log.warn({ distDir }, 'web app not built; serving a placeholder page at /');
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (!wantsPage(request)) return notFoundRoute(request, reply);
    if (!built)
      return reply.headers(WEB_SECURITY_HEADERS).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
