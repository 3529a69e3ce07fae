// What /ready checks: each dependency of this process, run in parallel, each bounded by a timeout.
// A failing required check makes the process unready (503); an optional one (mail, the MQTT bridge,
// the AI provider: their work is queued and retried) is reported but keeps it ready. Details name
// hosts and counts, never credentials: /ready is public.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Registry } from 'prom-client';
import type { Config } from '../../config.ts';
import { selectProvider } from '../ai/ai.ts';
import { ANTHROPIC_BASE_URL } from '../ai/anthropic.ts';
import { OPENAI_BASE_URL } from '../ai/openai.ts';
import { type Database, queryRows } from '../db/database.ts';
import { MIGRATIONS_DIR } from '../db/migrate.ts';
import type { Events } from '../events/events.ts';
import type { Jobs } from '../jobs/jobs.ts';

export const CHECK_NAMES = [
  'database',
  'migrations',
  'job_queue',
  'event_delivery',
  'storage',
  'mqtt_bridge',
  'smtp',
  'ai_provider',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export interface ReadinessCheck {
  name: CheckName;
  /** Down → the process answers 503. */
  required: boolean;
  /** Resolves with a short detail when the dependency works; throws (a safe message) when not. */
  run(): Promise<string>;
}

export interface CheckResult {
  name: CheckName;
  required: boolean;
  ok: boolean;
  latencyMs: number;
  detail: string;
}

const TIMEOUT_MS = 3000;
/** Undelivered events older than this mean delivery is stuck (the process stays ready: it is optional). */
const EVENTS_STALLED_SECONDS = 300;

class CheckFailed extends Error {}

/** Runs every check at once; each answers within the timeout. */
export async function runChecks(checks: readonly ReadinessCheck[]): Promise<CheckResult[]> {
  return Promise.all(
    checks.map(async (check) => {
      const start = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new CheckFailed(`no answer within ${TIMEOUT_MS / 1000} s`)),
          TIMEOUT_MS,
        );
      });
      let ok = true;
      let detail: string;
      try {
        detail = await Promise.race([check.run(), timeout]);
      } catch (err) {
        ok = false;
        detail = safeReason(err);
      } finally {
        clearTimeout(timer);
      }
      const latencyMs = Math.round((performance.now() - start) * 100) / 100;
      return { name: check.name, required: check.required, ok, latencyMs, detail: detail.slice(0, 300) };
    }),
  );
}

/** Our own messages as they are; anything else by its error code only (driver messages may quote URLs). */
function safeReason(err: unknown): string {
  if (err instanceof CheckFailed) return err.message;
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? `failed (${code})` : 'failed';
}

/** The newest migration this build carries (drizzle's journal), read once. */
let expectedMigration: { count: number; when: number } | undefined;
function latestMigration() {
  if (!expectedMigration) {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    expectedMigration = {
      count: journal.entries.length,
      when: Math.max(...journal.entries.map((e) => e.when)),
    };
  }
  return expectedMigration;
}

/** Opens a TCP connection to the host and port and closes it. */
function reachable(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, timeout: TIMEOUT_MS });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new CheckFailed(`${host}:${port} did not answer`));
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      socket.destroy();
      reject(new CheckFailed(`${host}:${port} unreachable (${err.code ?? 'error'})`));
    });
  });
}

function endpointOf(url: string, defaultPorts: Record<string, number>): { host: string; port: number } {
  const u = new URL(url);
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: Number(u.port) || (defaultPorts[u.protocol] ?? 443),
  };
}

/** The AI provider's endpoint, or undefined when PlantIntel answers offline. */
function aiEndpoint(config: Config): { host: string; port: number } | undefined {
  const provider = selectProvider(config).name;
  if (provider === 'anthropic') return endpointOf(config.anthropicBaseUrl ?? ANTHROPIC_BASE_URL, HTTP_PORTS);
  if (provider === 'openai') return endpointOf(config.llmBaseUrl ?? OPENAI_BASE_URL, HTTP_PORTS);
  return undefined;
}
const HTTP_PORTS = { 'http:': 80, 'https:': 443 };

export function readinessChecks(deps: {
  config: Config;
  database: Database;
  jobs: Pick<Jobs, 'queueDepths'>;
  events: Pick<Events, 'pending'>;
  /** Where the MQTT bridge reports its connection (mqtt_bridge_connected). */
  registry: Registry;
}): ReadinessCheck[] {
  const { config, database, jobs, events, registry } = deps;
  const checks: ReadinessCheck[] = [
    {
      name: 'database',
      required: true,
      run: async () => `${database.driver}, round trip ${await database.ping()} ms`,
    },
    {
      name: 'migrations',
      required: true,
      run: async () => {
        const expected = latestMigration();
        const [row] = await queryRows<{ n: number; latest: string | number | null }>(
          database.db,
          sql`select count(*)::int as n, max(created_at) as latest from drizzle.__drizzle_migrations`,
        );
        if (Number(row?.latest ?? 0) < expected.when)
          throw new CheckFailed(
            `${row?.n ?? 0} migrations applied, this version needs ${expected.count}: run \`plantintel migrate\``,
          );
        return `${row?.n ?? 0} applied, current`;
      },
    },
    {
      name: 'job_queue',
      required: true,
      run: async () => {
        const depths = await jobs.queueDepths();
        const waiting = depths.reduce((n, d) => n + d.waiting, 0);
        const oldest = Math.max(0, ...depths.map((d) => d.oldestWaitingSeconds));
        return `${waiting} jobs waiting${waiting ? `, the oldest for ${Math.round(oldest)} s` : ''}`;
      },
    },
    {
      name: 'event_delivery',
      required: false,
      run: async () => {
        const { pending, oldestSeconds } = await events.pending();
        if (oldestSeconds > EVENTS_STALLED_SECONDS)
          throw new CheckFailed(
            `${pending} events undelivered, the oldest for ${Math.round(oldestSeconds)} s`,
          );
        return `${pending} events to deliver`;
      },
    },
    {
      name: 'storage',
      required: true,
      run: async () => {
        // A real write (and flush) of a small file: a full disk or a read-only mount fails here.
        const probe = join(config.dataDir, `.ready-${randomUUID()}`);
        try {
          await mkdir(config.dataDir, { recursive: true });
          const file = await open(probe, 'w');
          try {
            await file.writeFile('ready\n');
            await file.sync();
          } finally {
            await file.close();
          }
        } catch (err) {
          throw new CheckFailed(
            `DATA_DIR is not writable (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
          );
        } finally {
          await rm(probe, { force: true }).catch(() => {});
        }
        return 'DATA_DIR writable';
      },
    },
  ];
  if (config.mqttUrl) {
    const { host, port } = endpointOf(config.mqttUrl, {
      'mqtt:': 1883,
      'mqtts:': 8883,
      'ws:': 80,
      'wss:': 443,
    });
    checks.push({
      name: 'mqtt_bridge',
      required: false,
      run: async () => {
        const gauge = await registry.getSingleMetric('mqtt_bridge_connected')?.get();
        if (gauge?.values[0]?.value !== 1) throw new CheckFailed(`not connected to ${host}:${port}`);
        return `connected to ${host}:${port}`;
      },
    });
  }
  if (config.smtpUrl) {
    const { host, port } = endpointOf(config.smtpUrl, { 'smtp:': 25, 'smtps:': 465 });
    checks.push({
      name: 'smtp',
      required: false,
      run: async () => {
        await reachable(host, port);
        return `${host}:${port} reachable`;
      },
    });
  }
  const ai = aiEndpoint(config);
  if (ai) {
    checks.push({
      name: 'ai_provider',
      required: false,
      run: async () => {
        await reachable(ai.host, ai.port);
        return `${ai.host}:${ai.port} reachable`;
      },
    });
  }
  return checks;
}
