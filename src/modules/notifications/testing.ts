// Test kit for notifications: the app with short retry delays, a tenant with a session per role,
// a real SMTP server (scripts/smtp-sink.ts) in its own process, and a real HTTP webhook receiver.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Tx } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/scope.ts';
import type { NewEvent } from '../../platform/events/events.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import type { Runtime } from '../../platform/runtime.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';
import { createEvaluator } from './evaluate.ts';

export interface SinkMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; size: number; head: string }[];
  file: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  messages: SinkMessage[];
  next(match: (m: SinkMessage) => boolean, what: string): Promise<SinkMessage>;
  stop(): Promise<void>;
}

const SINK = fileURLToPath(new URL('../../../scripts/smtp-sink.ts', import.meta.url));

/** scripts/smtp-sink.ts in a child process, on a free port; its JSON lines are the messages. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const dir = await mkdtemp(join(tmpdir(), 'plantintel-mail-'));
  const child: ChildProcess = spawn(process.execPath, [SINK, '--port', '0', '--json', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const messages: SinkMessage[] = [];
  let port = 0;
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  lines.on('line', (line) => {
    const parsed = JSON.parse(line) as { listening?: number; message?: SinkMessage };
    if (parsed.listening !== undefined) port = parsed.listening;
    if (parsed.message) messages.push(parsed.message);
  });
  await eventually(async () => (port > 0 ? port : undefined), 'the SMTP sink to listen', 30_000);
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    next: (match, what) => eventually(async () => messages.find(match), what, 30_000),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface Receiver {
  url: string;
  requests: Received[];
  /** The status the next requests get (default 200). */
  status: number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver = { requests: [] as Received[], status: 200 } as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receiver.requests.push({
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      res.statusCode = receiver.status;
      res.end(receiver.status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

export interface Kit {
  t: TestApp;
  acme: TestTenant;
  s: Record<'admin' | 'viewer' | 'operator', TestSession>;
  call(
    session: TestSession,
    method: string,
    url: string,
    body?: object,
    // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the route answered
  ): Promise<{ status: number; body: any }>;
  evaluate(now?: Date): Promise<number>;
  record(event: Omit<NewEvent, 'tenantId'>): Promise<void>;
  inAcme<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** Registers before/after hooks: the app (with `env`) and a tenant, fresh for the file. */
export function notificationsKit(
  slug: string,
  env: () => Record<string, string> | Promise<Record<string, string>> = () => ({}),
  setup?: (runtime: Runtime) => void,
): Kit {
  const kit = {} as Kit;
  before(async () => {
    kit.t = await createTestApp({
      env: {
        NOTIFY_RETRY_BASE_SECONDS: '1',
        NOTIFY_MAX_ATTEMPTS: '3',
        NOTIFY_TICK_SECONDS: '3600',
        WEBHOOK_TIMEOUT_MS: '5000',
        ...(await env()),
      },
      ...(setup ? { setup } : {}),
    });
    kit.acme = await createTestTenant(kit.t.database.db, slug);
    kit.s = {
      admin: await signIn(kit.t.app, kit.acme.users.admin.email),
      viewer: await signIn(kit.t.app, kit.acme.users.viewer.email),
      operator: await signIn(kit.t.app, kit.acme.users.operator.email),
    };
    const evaluator = createEvaluator({
      db: kit.t.database.db,
      jobs: kit.t.runtime.jobs,
      realtime: kit.t.runtime.realtime,
      logger: kit.t.app.log,
    });
    kit.evaluate = (now) => evaluator(now);
  });
  after(async () => {
    await kit.t?.close();
  });
  kit.call = async (session, method, url, body) => {
    const res = await kit.t.app.inject({
      method: method as 'GET',
      url: `/api/v1/notifications${url}`,
      headers: session.headers,
      ...(body ? { payload: body } : {}),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  kit.inAcme = (work) => inTenant(kit.t.database.db, kit.acme.id, work);
  kit.record = (event) =>
    kit.inAcme(async (tx) => {
      await kit.t.runtime.events.record(tx, { tenantId: kit.acme.id, ...event });
    });
  return kit;
}

/** Waits for a delivery to reach one of `statuses` and returns it (with its attempt log). */
export function deliveryIn(kit: Kit, id: string, statuses: string[], timeoutMs = 60_000) {
  return eventually(
    async () => {
      const res = await kit.call(kit.s.admin, 'GET', `/deliveries/${id}`);
      return statuses.includes(res.body?.status) ? res.body : undefined;
    },
    `delivery ${id} to be ${statuses.join(' or ')}`,
    timeoutMs,
  );
}
