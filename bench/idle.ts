// Idle cost: CPU seconds an idle `plantintel serve` uses per 10 s, on each driver. Nothing calls
// the server during the window; what it spends is polling and timers. Baseline in the same run: the
// bare Fastify server of bench/http.ts, idle for the same window.
// Usage: npm run bench:idle [-- --driver pglite|postgres|both] [--seconds 30] [--json]
//   DATABASE_URL: the PostgreSQL server for the postgres side (default postgres://postgres@127.0.0.1:5432/test);
//   a scratch database is created next to it and dropped.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchArgs, type Driver, scratchPostgres } from './args.ts';
import { killServersNow, plantintel, startServer, stopServers } from './servers.ts';

const { drivers, seconds, asJson } = benchArgs({ seconds: 30 });
const settleSeconds = 10;
const progress = (message: string) => process.stderr.write(`${message}\n`);

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}

async function idleCpu(pid: number): Promise<number> {
  await sleep(settleSeconds * 1000);
  const before = cpuSeconds(pid);
  await sleep(seconds * 1000);
  return ((cpuSeconds(pid) - before) * 10) / seconds;
}

async function measureOurs(driver: Driver): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plantintel-idle-'));
  const scratch = driver === 'postgres' ? await scratchPostgres('idle') : undefined;
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PLANTINTEL_DEMO: '0' };
    if (scratch) env.DATABASE_URL = scratch.url;
    else delete env.DATABASE_URL;
    const server = await startServer(`ours (${driver})`, plantintel('serve'), env);
    progress(`ours on ${driver}: settling ${settleSeconds} s, then measuring ${seconds} s`);
    const cpu = await idleCpu(server.pid);
    await stopServers();
    return cpu;
  } finally {
    await stopServers();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const bare = await startServer('bare', [process.execPath, 'bench/bare-server.ts'], process.env);
  progress(`bare: settling ${settleSeconds} s, then measuring ${seconds} s`);
  const baseline = await idleCpu(bare.pid);
  await stopServers();
  const results: Record<string, number> = {};
  for (const driver of drivers) results[driver] = await measureOurs(driver);

  if (asJson) {
    console.log(JSON.stringify({ seconds, baseline, ...results }, null, 2));
    return;
  }
  console.log(`\nidle CPU seconds per 10 s (measured over ${seconds} s after ${settleSeconds} s to settle)`);
  console.log(`bare Fastify (baseline)  ${baseline.toFixed(3)}`);
  for (const [driver, cpu] of Object.entries(results)) {
    console.log(`plantintel on ${driver.padEnd(9)}  ${cpu.toFixed(3)}   goal < 0.050`);
  }
}

process.on('exit', killServersNow);
try {
  await main();
} catch (error) {
  progress(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stopServers();
}
