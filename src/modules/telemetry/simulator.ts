// The demo tenant's live data: each demo sensor's process (level, slow drift, noise) with faults
// now and then — a spike past a spec limit, a sustained shift, a ramp — fed through the real
// ingest path every few seconds, so charts move and real alarms open and clear. On start it
// fills the gap since the newest stored reading (up to BACKFILL_HOURS) in batches, logging progress.
// Faults are drawn per sensor and half-hour slot from a seeded generator: the same time gives the
// same value whether it is back-filled or live.
import type { Db } from '../../platform/db/database.ts';
import { readInTenant } from '../../platform/db/scope.ts';
import { seededRandom as generator } from '../../platform/random.ts';
import { DEMO_PROCESSES, DEMO_SAMPLING_SECONDS, type DemoProcess, demoSensors } from './demo.ts';
import type { Ingest, ReadingInput } from './ingest.service.ts';
import { findSensorState } from './sensors.repo.ts';

export const BACKFILL_HOURS = 24;
const STEP_MS = DEMO_SAMPLING_SECONDS * 1000;
const SLOT_MS = 30 * 60_000;
const TICKS_PER_BATCH = 500;

function hash(text: string, n: number): number {
  let h = 2166136261 ^ n;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

interface Fault {
  start: number;
  end: number;
  kind: 'spike' | 'shift' | 'ramp';
}

/** The fault of a sensor in the half hour containing `t`, if any (about one slot in eight). */
function faultAt(p: DemoProcess, t: number): Fault | null {
  const slot = Math.floor(t / SLOT_MS);
  const rand = generator(hash(p.key, slot));
  if (rand() > 0.12) return null;
  const start = slot * SLOT_MS + Math.floor(rand() * (SLOT_MS - 10 * 60_000));
  const kinds = ['spike', 'shift', 'ramp'] as const;
  const kind = kinds[Math.floor(rand() * kinds.length)] as Fault['kind'];
  const minutes = kind === 'spike' ? 1 + rand() * 2 : 3 + rand() * 5;
  return { start, end: start + minutes * 60_000, kind };
}

/** The simulated reading of a process at time `t` (ms). */
export function simulatedValue(p: DemoProcess, t: number): number {
  const rand = generator(hash(p.key, Math.floor(t / STEP_MS)));
  // Box–Muller from two uniform draws.
  const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const drift = 0.6 * p.noise * Math.sin((2 * Math.PI * t) / (6 * 3600_000) + hash(p.key, 0));
  let value = p.level + drift + p.noise * normal;
  const fault = faultAt(p, t);
  if (fault && t >= fault.start && t < fault.end) {
    const room = Math.max(p.upperSpec - p.level, p.noise);
    if (fault.kind === 'spike') value = p.upperSpec + 0.3 * room + p.noise * Math.abs(normal);
    else if (fault.kind === 'shift') value += 2.5 * p.noise;
    else value += (1.2 * room * (t - fault.start)) / (fault.end - fault.start);
  }
  return Number(value.toFixed(4));
}

export interface SimulatorDeps {
  db: Db;
  ingest: Ingest;
  tenantId: string;
  logger: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  now?: () => number;
}

export interface Simulator {
  /** Resolves once the back-fill has caught up with the present. */
  caughtUp: Promise<void>;
  progress(): { done: number; total: number };
  stop(): Promise<void>;
}

export async function startSimulator({
  db,
  ingest,
  tenantId,
  logger,
  now = Date.now,
}: SimulatorDeps): Promise<Simulator> {
  const sensors = await demoSensors(db, tenantId);
  const processes = DEMO_PROCESSES.filter((p) => sensors.has(p.key));
  const newest = await readInTenant(db, tenantId, async (tx) => {
    let max = 0;
    for (const p of processes) {
      const state = await findSensorState(tx, (sensors.get(p.key) as { id: string }).id);
      max = Math.max(max, state?.lastTs?.getTime() ?? 0);
    }
    return max;
  });
  const earliest = now() - BACKFILL_HOURS * 3600_000;
  let cursor = Math.ceil(Math.max(newest + 1, earliest) / STEP_MS) * STEP_MS;
  const firstTick = cursor;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  /** Sends every tick from the cursor up to `until`, in batches. */
  async function sendUpTo(until: number) {
    while (!stopped && cursor <= until) {
      const rows: ReadingInput[] = [];
      for (let n = 0; n < TICKS_PER_BATCH && cursor <= until; n++, cursor += STEP_MS) {
        for (const p of processes) {
          rows.push({ sensorId: sensors.get(p.key)?.id, ts: cursor, value: simulatedValue(p, cursor) });
        }
      }
      await ingest.ingest(tenantId, rows, { channel: 'simulator' });
    }
  }

  const backfillEnd = now();
  const total = Math.max(0, Math.floor((backfillEnd - firstTick) / STEP_MS) + 1);
  const caughtUp = (async () => {
    if (processes.length === 0) return;
    const started = Date.now();
    let logged = started;
    while (!stopped && cursor <= backfillEnd) {
      await sendUpTo(Math.min(backfillEnd, cursor + TICKS_PER_BATCH * STEP_MS - 1));
      if (Date.now() - logged > 5000) {
        logged = Date.now();
        logger.info(
          { done: Math.round((cursor - firstTick) / STEP_MS), total },
          'sensor simulator: back-filling',
        );
      }
    }
    if (total > 1)
      logger.info(
        { ticks: total, sensors: processes.length, ms: Date.now() - started },
        'sensor simulator: back-fill done',
      );
  })();
  running = caughtUp.catch((err) => logger.warn({ err }, 'sensor simulator: back-fill failed'));

  const tick = () => {
    running = running
      .then(() => sendUpTo(now()))
      .catch((err) => logger.warn({ err }, 'sensor simulator: a tick failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, STEP_MS);
      });
  };
  void running.then(() => {
    if (!stopped && processes.length > 0) tick();
  });

  return {
    caughtUp,
    progress: () => ({ done: Math.min(total, Math.round((cursor - firstTick) / STEP_MS)), total }),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
