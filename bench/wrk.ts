// wrk (C, one thread) as the load generator when it is installed: it needs a fraction of the CPU
// autocannon needs, so on a 2-core machine the server, not the load generator, is the bottleneck.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function wrkAvailable(): boolean {
  return spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value);
  if (!match) throw new Error(`unexpected wrk latency "${value}"`);
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
}

export interface WrkRound {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function wrkRound(
  url: string,
  seconds: number,
  connections: number,
  headers: Record<string, string> = {},
): Promise<WrkRound> {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...headerArgs, url];
  const { stdout } = await run('wrk', args);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const p50 = /\s50%\s+(\S+)/.exec(stdout)?.[1];
  const p99 = /\s99%\s+(\S+)/.exec(stdout)?.[1];
  if (!Number.isFinite(rps) || !p50 || !p99) throw new Error(`could not read wrk output:\n${stdout}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const errors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  return { rps, p50: toMs(p50), p99: toMs(p99), errors, non2xx };
}
