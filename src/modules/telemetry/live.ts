// Live readings for chart subscribers: each sensor's newest value, at most once per interval per
// sensor (the latest value wins), sent after the batch that carried it has committed. Values of
// many sensors share one notification (one event on all their `sensor:<id>` topics, at most
// CHUNK sensors each), so a 1,000-sensor firehose costs a few notifications per interval.
import type { Db } from '../../platform/db/database.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';

const CHUNK = 40;

export interface LivePush {
  /** Offers the newest reading of a sensor; it is sent at the next flush unless a newer one replaces it. */
  offer(tenantId: string, sensorId: string, ts: number, value: number): void;
  /** Sends what is pending now (the timer calls it). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export function createLivePush({
  db,
  realtime,
  intervalMs = 250,
  onError,
}: {
  db: Db;
  realtime: Pick<Realtime, 'publish'>;
  intervalMs?: number;
  onError: (err: unknown) => void;
}): LivePush {
  /** tenant → sensor → newest [ts, value] not sent yet. */
  let pending = new Map<string, Map<string, [number, number]>>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();
  let stopped = false;

  async function send(batch: typeof pending) {
    for (const [tenantId, sensors] of batch) {
      const entries = [...sensors];
      for (let i = 0; i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        const readings = Object.fromEntries(
          chunk.map(([id, [ts, value]]) => [id, { ts: new Date(ts).toISOString(), value }]),
        );
        await realtime.publish(
          db,
          tenantId,
          chunk.map(([id]) => `sensor:${id}`),
          {
            id: `readings-${Date.now()}-${i}`,
            type: 'SensorReadings',
            occurredAt: new Date().toISOString(),
            data: { readings },
          },
        );
      }
    }
  }

  function flush() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = new Map();
    flushing = flushing.then(() => send(batch)).catch(onError);
    return flushing;
  }

  return {
    offer(tenantId, sensorId, ts, value) {
      if (stopped) return;
      let sensors = pending.get(tenantId);
      if (!sensors) {
        sensors = new Map();
        pending.set(tenantId, sensors);
      }
      const current = sensors.get(sensorId);
      if (!current || ts >= current[0]) sensors.set(sensorId, [ts, value]);
      timer ??= setTimeout(() => void flush(), intervalMs);
    },
    flush,
    async stop() {
      stopped = true;
      await flush();
    },
  };
}
