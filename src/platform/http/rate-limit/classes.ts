// Which budget a route spends, decided once per route when it is registered (never per request).
import type { RouteClass } from './engine.ts';

// Telemetry ingest: one reading, bulk readings, the sensor-history CSV import and InfluxDB's write API.
const INGEST_ROUTES = new Set([
  'POST /api/v1/plant-ops/sensors/:id/readings',
  'POST /api/v1/plant-ops/sensors/readings/bulk',
  'POST /api/v1/plant-ops/sensors/import',
  'POST /write',
  'POST /api/v2/write',
]);

// Calls that ask a language model: the gateway's OpenAI- and Anthropic-compatible endpoints, the chat
// about an analysis and pipeline generation from a description.
const AI_ROUTES = new Set([
  'POST /api/v1/ai/v1/chat/completions',
  'POST /api/v1/ai/v1/messages',
  'POST /api/v1/ai/pipelines/generate',
  'POST /api/v1/analytics/chat',
  'POST /api/v1/analytics/analyses/:id/chat',
]);

/** The budget class of a route: its own (ingest, AI) or by method (GET/HEAD reads, the rest writes). */
export function routeClass(method: string, url: string): RouteClass {
  const route = `${method} ${url}`;
  if (INGEST_ROUTES.has(route)) return 'ingest';
  if (AI_ROUTES.has(route)) return 'ai';
  return method === 'GET' || method === 'HEAD' ? 'reads' : 'writes';
}

/** Whether a route is limited: everything under /api, and InfluxDB's /write (the same route as /api/v2/write). */
export function isLimited(url: string): boolean {
  return url.startsWith('/api/') || url === '/write';
}
