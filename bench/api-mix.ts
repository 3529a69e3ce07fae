// The simulated users of bench:api and soak: each signs in as one of the demo roles, holds a
// WebSocket subscribed to its tenant, a line and a sensor, and sends requests OPEN LOOP: a
// Poisson process of `rate` requests a second per user, each sent at its time whether or not the
// previous answer has come (people do not wait for a slow server before clicking again), so a
// slow server shows up as queueing in the latencies instead of a lower request rate.
import WebSocket from 'ws';
import { DEMO_ROLES, type DemoRole, signIn } from './demo-server.ts';

export const ROUTE_CLASSES = [
  'dashboard',
  'reports',
  'lists',
  'charts',
  'analyses+decisions',
  'writes',
] as const;
export type RouteClass = (typeof ROUTE_CLASSES)[number];

interface Fixtures {
  facilityId: string;
  lineIds: string[];
  sensorIds: string[];
}

interface Call {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
}

interface User {
  role: DemoRole;
  token: string;
  socket?: WebSocket;
  /** The last batch this user created (its notes are what a PATCH changes). */
  batchId?: string;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** What a user asks for in each class (paths under /api/v1). */
function readCall(routeClass: RouteClass, f: Fixtures): Call {
  const get = (path: string): Call => ({ method: 'GET', path });
  switch (routeClass) {
    case 'dashboard':
      return get(
        pick([
          '/plant-ops/lines',
          `/plant-ops/alarms/summary?facilityId=${f.facilityId}`,
          '/supply/frontend/dashboard',
          '/facilities',
        ]),
      );
    case 'reports':
      return get(
        pick([
          `/plant-ops/oee?groupBy=day&from=${day(-7)}&to=${day(0)}`,
          `/plant-ops/oee?groupBy=line&from=${day(-7)}&to=${day(0)}`,
          `/plant-ops/oee?groupBy=shift&from=${day(-1)}&to=${day(0)}`,
          `/plant-ops/downtime/pareto?from=${hoursAgo(24 * 7)}`,
        ]),
      );
    case 'lists':
      return get(
        pick(['/plant-ops/batches?limit=50', '/plant-ops/alarms?limit=50', '/plant-ops/sensors?limit=50']),
      );
    case 'charts':
      return get(`/plant-ops/sensors/${pick(f.sensorIds)}/readings?from=${hoursAgo(24)}`);
    default:
      return get(pick(['/analytics/analyses?limit=20', '/supply/decisions?limit=20']));
  }
}

/** A write an operator makes: a manual reading, a planned batch, a note on that batch. */
function writeCall(user: User, f: Fixtures): Call {
  const roll = Math.random();
  if (roll < 0.6) {
    return {
      method: 'POST',
      path: `/plant-ops/sensors/${pick(f.sensorIds)}/readings`,
      body: { value: Math.random() * 100 },
    };
  }
  if (roll < 0.8 || !user.batchId) {
    return {
      method: 'POST',
      path: '/plant-ops/batches',
      body: {
        lineId: pick(f.lineIds),
        productSku: 'BENCH-SKU',
        plannedQuantity: 500,
        idealCycleSeconds: 2.5,
      },
    };
  }
  return {
    method: 'PATCH',
    path: `/plant-ops/batches/${user.batchId}`,
    body: { notes: `checked ${Date.now()}` },
  };
}

// Weights of the classes; users without the operate scope (analyst, viewer) read instead of writing.
const WEIGHTS: [RouteClass, number][] = [
  ['dashboard', 24],
  ['reports', 14],
  ['lists', 20],
  ['charts', 16],
  ['analyses+decisions', 12],
  ['writes', 14],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

function chooseClass(user: User): RouteClass {
  for (;;) {
    let roll = Math.random() * TOTAL_WEIGHT;
    for (const [routeClass, weight] of WEIGHTS) {
      roll -= weight;
      if (roll >= 0) continue;
      if (routeClass === 'writes' && (user.role === 'viewer' || user.role === 'analyst')) break;
      return routeClass;
    }
  }
}

export interface ClassStats {
  latencies: number[];
  errors: number;
}

export interface MixResult {
  seconds: number;
  users: number;
  rate: number;
  sent: number;
  answered: number;
  errors: number;
  /** A few of the errors, "status method path", for the reader. */
  errorSamples: string[];
  byClass: Record<RouteClass, ClassStats>;
  /** By route (method and path with ids as {id}, the query left out but for groupBy). */
  byRoute: Map<string, ClassStats>;
  sockets: { subscribed: number; frames: number; closedEarly: number };
}

/** Live counters a caller can read while the mix runs (the soak samples them). */
export interface MixCounters {
  answered: number;
  errors: number;
}

async function fixtures(base: string, token: string): Promise<Fixtures> {
  const get = async <T>(path: string) => {
    const response = await fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  const facilities = await get<{ items: { id: string; code: string }[] }>('/facilities');
  const facility = facilities.items.find((f) => f.code === 'DEMO-1') ?? facilities.items[0];
  const lines = await get<{ items: { id: string }[] }>(`/plant-ops/lines?facilityId=${facility?.id}`);
  const sensors = await get<{ items: { sensor: { id: string } }[] }>('/plant-ops/sensors?limit=50');
  if (!facility || lines.items.length === 0 || sensors.items.length === 0) {
    throw new Error('the demo data has no facility, lines or sensors');
  }
  return {
    facilityId: facility.id,
    lineIds: lines.items.map((l) => l.id),
    sensorIds: sensors.items.map((s) => s.sensor.id),
  };
}

/** Opens the user's socket: auth, then subscribe; resolves once subscribed. */
function subscribe(base: string, user: User, f: Fixtures, onFrame: () => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/ws`);
    const timer = setTimeout(() => reject(new Error('WebSocket subscription timed out')), 60_000);
    socket.once('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: user.token })));
    socket.on('message', (data) => {
      const text = String(data);
      if (text.includes('"type":"ready"')) {
        const topics = ['tenant', `line:${pick(f.lineIds)}`, `sensor:${pick(f.sensorIds)}`];
        socket.send(JSON.stringify({ type: 'subscribe', topics }));
      } else if (text.includes('"type":"subscribed"')) {
        clearTimeout(timer);
        resolve(socket);
      } else if (text.includes('"type":"error"')) {
        reject(new Error(`WebSocket: ${text}`));
      } else onFrame();
    });
  });
}

/** Signs `users` users in (a few at a time: sign-in hashes a password) and opens their sockets. */
export async function prepareUsers(base: string, users: number, onFrame: () => void) {
  const list: User[] = [];
  for (let i = 0; i < users; i += 4) {
    const roles = Array.from(
      { length: Math.min(4, users - i) },
      (_, k) => DEMO_ROLES[(i + k) % DEMO_ROLES.length] ?? 'viewer',
    );
    list.push(...(await Promise.all(roles.map(async (role) => ({ role, token: await signIn(base, role) })))));
  }
  const f = await fixtures(base, list[0]?.token ?? '');
  const sockets = { closed: 0, closing: false };
  for (const user of list) {
    user.socket = await subscribe(base, user, f, onFrame);
    user.socket.once('close', () => {
      if (!sockets.closing) sockets.closed += 1;
    });
  }
  return { list, fixtures: f, sockets };
}

/** Closes the users' sockets. */
export function closeUsers(prepared: Awaited<ReturnType<typeof prepareUsers>>) {
  prepared.sockets.closing = true;
  for (const user of prepared.list) user.socket?.close();
}

/** Runs the mix for `seconds` with prepared users (their sockets stay open). */
export async function runMix(
  base: string,
  prepared: Awaited<ReturnType<typeof prepareUsers>>,
  { seconds, rate, counters }: { seconds: number; rate: number; counters?: MixCounters },
  frames: () => number,
): Promise<MixResult> {
  const { list, fixtures: f } = prepared;
  const byClass = Object.fromEntries(
    ROUTE_CLASSES.map((c): [RouteClass, ClassStats] => [c, { latencies: [], errors: 0 }]),
  ) as Record<RouteClass, ClassStats>;
  const byRoute = new Map<string, ClassStats>();
  const live = counters ?? { answered: 0, errors: 0 };
  const errorSamples: string[] = [];
  let sent = 0;
  const closedBefore = prepared.sockets.closed;
  const framesBefore = frames();

  const send = async (user: User) => {
    const routeClass = chooseClass(user);
    const call = routeClass === 'writes' ? writeCall(user, f) : readCall(routeClass, f);
    const stats = byClass[routeClass];
    const route = routeOf(call);
    const perRoute = byRoute.get(route) ?? { latencies: [], errors: 0 };
    byRoute.set(route, perRoute);
    const started = performance.now();
    let status = 0;
    let detail = '';
    try {
      const response = await fetch(`${base}/api/v1${call.path}`, {
        method: call.method,
        headers: {
          authorization: `Bearer ${user.token}`,
          ...(call.body ? { 'content-type': 'application/json' } : {}),
        },
        body: call.body ? JSON.stringify(call.body) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      const body = await response.arrayBuffer();
      if (status < 300) {
        stats.latencies.push(performance.now() - started);
        perRoute.latencies.push(performance.now() - started);
        live.answered += 1;
        if (call.path === '/plant-ops/batches' && call.method === 'POST') {
          user.batchId = (JSON.parse(Buffer.from(body).toString()) as { id: string }).id;
        }
        return;
      }
      detail = Buffer.from(body).toString().slice(0, 160);
    } catch (err) {
      detail = (err as Error).name; // a timeout or a reset
    }
    stats.errors += 1;
    perRoute.errors += 1;
    live.errors += 1;
    if (errorSamples.length < 10)
      errorSamples.push(`${status || 'no answer'} ${call.method} ${call.path} ${detail}`);
  };

  const start = performance.now() + 100;
  const end = start + seconds * 1000;
  const inFlight: Promise<void>[] = [];
  await Promise.all(
    list.map(async (user) => {
      // Exponential gaps: each user is a Poisson source, independent of the answers.
      let at = start + Math.random() * (1000 / rate);
      while (at < end) {
        const wait = at - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        sent += 1;
        inFlight.push(send(user));
        at += (-Math.log(1 - Math.random()) * 1000) / rate;
      }
    }),
  );
  await Promise.all(inFlight);
  const subscribed = list.filter((u) => u.socket?.readyState === WebSocket.OPEN).length;
  const answered = ROUTE_CLASSES.reduce((n, c) => n + byClass[c].latencies.length, 0);
  return {
    seconds,
    users: list.length,
    rate,
    sent,
    answered,
    errors: sent - answered,
    errorSamples,
    byClass,
    byRoute,
    sockets: {
      subscribed,
      frames: frames() - framesBefore,
      closedEarly: prepared.sockets.closed - closedBefore,
    },
  };
}

function routeOf({ method, path }: Call): string {
  const [pathname = '', query = ''] = path.split('?');
  const groupBy = /groupBy=(\w+)/.exec(query)?.[1];
  const template = pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}');
  return `${method} ${template}${groupBy ? `?groupBy=${groupBy}` : ''}`;
}

/** The p-quantile (0–1) of `values`, NaN when empty. */
export function quantile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}
