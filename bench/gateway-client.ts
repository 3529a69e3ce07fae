// The bench:gateway client (bench/gateway.ts): an open-loop sender, keep-alive node:http pools (fetch
// costs several times the CPU, which on a small machine the server and the fake then lack), the
// latency of one request, percentiles, and what the client's event loop and the processes under
// test did meanwhile.
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuSeconds } from './work-orders-server.ts';

export interface Percentiles {
  n: number;
  p50: number;
  p99: number;
}
export function percentiles(values: number[]): Percentiles {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99) };
}

/** Calls `send(i)` every 1/rate s for `seconds` (a slow answer never delays the next one). */
export async function openLoop(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<void>,
): Promise<void> {
  const period = 1000 / rate;
  const start = performance.now() + 50;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < rate * seconds; i++) {
    const wait = start + i * period - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(send(i));
  }
  await Promise.all(inFlight);
}

export const failures = new Map<string, number>();
// One keep-alive pool per destination, as a real client of either would have.
export const pools = {
  gateway: new Agent({ keepAlive: true, maxSockets: 512 }),
  direct: new Agent({ keepAlive: true, maxSockets: 512 }),
};

/** The latency of a 200 answer (read to its end); anything else is counted (by status and message) and gives NaN. */
export function timed(
  url: string,
  headers: Record<string, string>,
  body: object,
  agent = pools.gateway,
): Promise<number> {
  const payload = JSON.stringify(body);
  const t0 = performance.now();
  const failed = (reason: string) => {
    const why = `${agent === pools.direct ? 'direct' : 'gateway'}: ${reason}`;
    failures.set(why, (failures.get(why) ?? 0) + 1);
    return Number.NaN;
  };
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': Buffer.byteLength(payload) },
    });
    req.on('error', (err) => resolve(failed(err.message)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (b: Buffer) => chunks.push(b));
      res.on('error', (err) => resolve(failed(err.message)));
      res.on('end', () => {
        if (res.statusCode === 200) resolve(performance.now() - t0);
        else resolve(failed(`${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 160)}`));
      });
    });
    req.end(payload);
  });
}

/** What the client's own event loop was late by, and the CPU the server and the fake used. */
export function observe(pids: { server: number; fake: number }) {
  const lag = monitorEventLoopDelay({ resolution: 2 });
  lag.enable();
  const cpu0 = { server: cpuSeconds(pids.server), fake: cpuSeconds(pids.fake) };
  return (requests: number) => {
    lag.disable();
    return {
      clientLagP99Ms: lag.percentile(99) / 1e6,
      clientLagMaxMs: lag.max / 1e6,
      serverCpuMsPerRequest: ((cpuSeconds(pids.server) - cpu0.server) * 1000) / requests,
      fakeCpuMsPerRequest: ((cpuSeconds(pids.fake) - cpu0.fake) * 1000) / requests,
    };
  };
}
