// Producer for bench/realtime.ts, in its own process as a real writer would be: commits one domain
// event per transaction at BENCH_RATE per second for BENCH_DURATION seconds, through the real
// events.record (outbox row + NOTIFY), and prints "<seq> <commit time ms>" after each commit.
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../src/config.ts';
import { openDatabase, targetFromConfig } from '../src/platform/db/database.ts';
import { inTenant } from '../src/platform/db/scope.ts';
import { createLogger } from '../src/platform/observability/logger.ts';
import { createRuntime } from '../src/platform/runtime.ts';

const rate = Number(process.env.BENCH_RATE ?? 200);
const seconds = Number(process.env.BENCH_DURATION ?? 30);
const tenantId = process.env.BENCH_TENANT ?? '';
const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const database = await openDatabase(targetFromConfig(config));
const runtime = createRuntime({ config, database, logger: createLogger(config, process.stderr) });
const now = () => performance.timeOrigin + performance.now();

const total = rate * seconds;
const start = now();
const out: string[] = [];
for (let seq = 0; seq < total; seq++) {
  // Paced against the start, so a slow commit does not lower the rate.
  const due = start + (seq * 1000) / rate;
  const wait = due - now();
  if (wait > 0) await sleep(wait);
  await inTenant(database.db, tenantId, (tx) =>
    runtime.events.record(tx, {
      tenantId,
      aggregateType: 'bench',
      aggregateId: 'b1',
      type: 'BenchTick',
      data: { seq },
    }),
  );
  out.push(`${seq} ${now()}`);
  if (out.length >= 100) process.stdout.write(`${out.splice(0).join('\n')}\n`);
}
if (out.length) process.stdout.write(`${out.join('\n')}\n`);
process.stdout.write(`done ${((now() - start) / 1000).toFixed(2)}\n`);
await database.close();
