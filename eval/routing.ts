// Evaluation of the routing engine (src/modules/supply/routing/) on Solomon-format VRPTW instances:
// vehicles and distance per instance beside the best-known solutions, the gap in %, and feasibility
// checked twice — by the engine's independent checker and by a self-contained check below that
// reads only the instance text and the written route text.
// Conventions (see the dataset's README): double-precision Euclidean distances, travel time =
// distance, service starts within [ready, due], node 0 is the depot and its due date the horizon
// (latest return), fleet and capacity as in the file.
// Usage: npm run eval:routing [-- --instances <dir>] [--bks <csv>] [--time 10,60] [--only C101,R2*]
//        [--threads N] [--seed N] [--out <dir>] [--objective distance|hierarchical]
// --objective distance (default) compares with the distance-only best known (`mindist_*`);
// hierarchical minimises vehicles first and compares with `bks_*` (vehicles, then distance).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { Piscina } from 'piscina';
import { checkSolution, solve } from '../src/modules/supply/routing/index.ts';
import type { RoutingProblem } from '../src/modules/supply/routing/types.ts';

const DATA = path.resolve(import.meta.dirname, '../../shared/datasets/solomon-vrptw');

interface Customer {
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}
interface Instance {
  name: string;
  vehicles: number;
  capacity: number;
  nodes: Customer[];
}

function parseInstance(text: string, fallbackName: string): Instance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines[0] || fallbackName;
  const v = lines.findIndex((l) => /^VEHICLE/i.test(l));
  const fleet = lines.slice(v + 1).find((l) => /^\d/.test(l));
  const [vehicles, capacity] = (fleet ?? '').split(/\s+/).map(Number) as [number, number];
  const c = lines.findIndex((l) => /^CUSTOMER/i.test(l));
  const nodes: Customer[] = [];
  for (const l of lines.slice(c + 1)) {
    if (!/^\d/.test(l)) continue;
    const [id, x, y, demand, ready, due, service] = l.split(/\s+/).map(Number) as number[];
    nodes.push({ id, x, y, demand, ready, due, service } as Customer);
  }
  return { name, vehicles, capacity, nodes };
}

function toProblem(inst: Instance, hierarchical: boolean): RoutingProblem {
  const [depot, ...customers] = inst.nodes;
  if (!depot) throw new Error(`${inst.name}: no depot`);
  return {
    metric: 'euclidean',
    depots: [{ id: '0', location: { x: depot.x, y: depot.y }, open: { start: depot.ready, end: depot.due } }],
    vehicles: Array.from({ length: inst.vehicles }, (_, k) => ({
      id: `v${k + 1}`,
      depotId: '0',
      capacity: [inst.capacity, Number.POSITIVE_INFINITY] as [number, number],
      shift: { start: depot.ready, end: depot.due },
    })),
    orders: customers.map((c) => ({
      id: String(c.id),
      location: { x: c.x, y: c.y },
      demand: [c.demand, 0] as [number, number],
      windows: [{ start: c.ready, end: c.due }],
      serviceMinutes: c.service,
    })),
    objective: { mode: hierarchical ? 'hierarchical' : 'weighted' },
  };
}

export interface EvalTask {
  text: string;
  file: string;
  seconds: number;
  seed: number;
  hierarchical: boolean;
}
export interface EvalResult {
  name: string;
  vehicles: number;
  distance: number;
  unserved: number;
  iterations: number;
  checkerViolations: number;
  routeText: string;
}

/** Worker entry: solve one instance and write its solution in the usual text form. */
export default function runTask(t: EvalTask): EvalResult {
  const inst = parseInstance(t.text, t.file);
  const problem = toProblem(inst, t.hierarchical);
  const s = solve(problem, { seed: t.seed, timeLimitMs: t.seconds * 1000 });
  const lines = s.routes.map((r, k) => `Route ${k + 1}: ${r.stops.map((x) => x.orderId).join(' ')}`);
  lines.push(`Cost ${s.objective.distance.toFixed(2)}`);
  return {
    name: inst.name,
    vehicles: s.objective.vehicles,
    distance: s.objective.distance,
    unserved: s.unserved.length,
    iterations: s.stats.iterations,
    checkerViolations: checkSolution(problem, s).length,
    routeText: `${lines.join('\n')}\n`,
  };
}

/** The self-contained check: the instance text and the route text only. Returns the problems. */
export function selfCheck(inst: Instance, routeText: string): { errors: string[]; distance: number } {
  const errors: string[] = [];
  const byId = new Map(inst.nodes.map((c) => [c.id, c]));
  const depot = inst.nodes[0] as Customer;
  const seen = new Set<number>();
  let total = 0;
  const routes = routeText.split('\n').filter((l) => l.startsWith('Route'));
  if (routes.length > inst.vehicles) errors.push(`${routes.length} routes for a fleet of ${inst.vehicles}`);
  for (const line of routes) {
    const ids = (line.split(':')[1] ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
    let at = depot;
    let t = depot.ready;
    let load = 0;
    for (const id of ids) {
      const c = byId.get(id);
      if (!c || id === depot.id) {
        errors.push(`${line}: unknown customer ${id}`);
        continue;
      }
      if (seen.has(id)) errors.push(`customer ${id} visited twice`);
      seen.add(id);
      const d = Math.sqrt((at.x - c.x) ** 2 + (at.y - c.y) ** 2);
      total += d;
      t = Math.max(t + d, c.ready);
      if (t > c.due + 1e-9) errors.push(`customer ${id} served at ${t}, due ${c.due}`);
      t += c.service;
      load += c.demand;
      at = c;
    }
    const back = Math.sqrt((at.x - depot.x) ** 2 + (at.y - depot.y) ** 2);
    total += back;
    if (t + back > depot.due + 1e-9)
      errors.push(`${line.split(':')[0]} returns at ${t + back}, horizon ${depot.due}`);
    if (load > inst.capacity) errors.push(`${line.split(':')[0]} carries ${load} > ${inst.capacity}`);
  }
  for (const c of inst.nodes.slice(1)) if (!seen.has(c.id)) errors.push(`customer ${c.id} not served`);
  const cost = /^Cost\s+([\d.]+)/m.exec(routeText);
  if (!cost || Math.abs(Number(cost[1]) - total) > 0.006)
    errors.push(`stated cost ${cost?.[1]} ≠ ${total.toFixed(2)}`);
  return { errors, distance: total };
}

const CLASSES = ['C1', 'C2', 'R1', 'R2', 'RC1', 'RC2'];
const classOf = (name: string) => /^(RC|C|R)(\d)/i.exec(name)?.slice(1, 3).join('').toUpperCase() ?? '?';

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      instances: { type: 'string', default: path.join(DATA, 'instances') },
      bks: { type: 'string' },
      time: { type: 'string', default: '10,60' },
      only: { type: 'string' },
      threads: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      objective: { type: 'string', default: 'distance' },
    },
  });
  const dir = path.resolve(args.instances);
  const bksFile = path.resolve(args.bks ?? path.join(dir, '..', 'best_known_solutions.csv'));
  const times = args.time.split(',').map(Number);
  if (times.some((t) => !(t > 0))) throw new Error('--time takes positive seconds, e.g. 10,60');
  const hierarchical = args.objective === 'hierarchical';
  if (!hierarchical && args.objective !== 'distance')
    throw new Error('--objective is distance or hierarchical');
  const threads = Math.max(1, Number(args.threads) || 1);
  const seed = Number(args.seed) || 1;
  const patterns = (args.only ?? '')
    .split(',')
    .filter(Boolean)
    .map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i'));
  const files = readdirSync(dir)
    .filter((f) => /\.txt$/i.test(f))
    .filter((f) => patterns.length === 0 || patterns.some((p) => p.test(f.replace(/\.txt$/i, ''))))
    .sort();
  if (files.length === 0) throw new Error(`no instances in ${dir}`);
  const bks = new Map<string, Record<string, string>>();
  if (existsSync(bksFile)) {
    for (const row of parse(readFileSync(bksFile), { columns: true }) as Record<string, string>[]) {
      bks.set(String(row.instance).toUpperCase(), row);
    }
  }
  // Always worker threads, so the watchdog can stop a run that outlives its limit (see runWatched).
  const WATCHDOG_MS = 60_000;
  const pool = new Piscina({ filename: import.meta.url, minThreads: threads, maxThreads: threads });
  const ref = hierarchical ? 'bks' : 'mindist';
  console.log(
    `routing eval: ${files.length} instances from ${dir}; objective ${args.objective} (reference ${ref}_*); ` +
      `seed ${seed}; ${threads} thread(s)${threads > 1 ? ' — parallel runs share the CPU cores' : ''}\n`,
  );
  for (const seconds of times) {
    console.log(`== ${seconds} s per instance ==`);
    console.log('instance  veh   distance   bks-veh  bks-dist   gap%   feasible  iterations');
    const tasks = files.map((file) => ({
      text: readFileSync(path.join(dir, file), 'utf8'),
      file: file.replace(/\.txt$/i, ''),
      seconds,
      seed,
      hierarchical,
    }));
    const rows: Array<{
      cls: string;
      gap: number;
      veh: number;
      dist: number;
      feasible: boolean;
      bv: number;
    }> = [];
    // At most `threads` runs at a time, each stopped by a watchdog (its thread terminated) if it
    // outlives its limit by WATCHDOG_MS; results are printed in instance order.
    const done = tasks.map(() => Promise.withResolvers<EvalResult | Error>());
    let next = 0;
    const slot = async () => {
      for (let i = next++; i < tasks.length; i = next++) {
        const t = tasks[i] as EvalTask;
        const signal = AbortSignal.timeout(t.seconds * 1000 + WATCHDOG_MS);
        const r = await (pool.run(t, { signal }) as Promise<EvalResult>).catch((err: unknown) =>
          signal.aborted
            ? new Error(`stopped by the watchdog after ${t.seconds + WATCHDOG_MS / 1000} s`)
            : (err as Error),
        );
        done[i]?.resolve(r);
      }
    };
    void Promise.all(Array.from({ length: threads }, slot));
    for (const [i, t] of tasks.entries()) {
      const r = await (done[i] as PromiseWithResolvers<EvalResult | Error>).promise;
      if (r instanceof Error) {
        console.log(`${t.file.padEnd(8)} NO RESULT: ${r.message}`);
        rows.push({
          cls: classOf(t.file),
          gap: Number.NaN,
          veh: Number.NaN,
          dist: Number.NaN,
          feasible: false,
          bv: Number.NaN,
        });
        continue;
      }
      const inst = parseInstance(t.text, t.file);
      const own = selfCheck(inst, r.routeText);
      const feasible = r.checkerViolations === 0 && own.errors.length === 0 && r.unserved === 0;
      if (args.out) {
        mkdirSync(path.resolve(args.out), { recursive: true });
        writeFileSync(path.join(path.resolve(args.out), `${t.file}.${seconds}s.sol`), r.routeText);
      }
      const b = bks.get(t.file.toUpperCase()) ?? bks.get(inst.name.toUpperCase());
      const bv = Number(b?.[`${ref}_vehicles`] ?? Number.NaN);
      const bd = Number(b?.[`${ref}_distance`] ?? Number.NaN);
      const gap = ((r.distance - bd) / bd) * 100;
      rows.push({ cls: classOf(t.file), gap, veh: r.vehicles, dist: r.distance, feasible, bv });
      const note = feasible
        ? 'yes'
        : `NO (${r.checkerViolations} checker, ${own.errors.slice(0, 2).join('; ')})`;
      console.log(
        `${t.file.padEnd(8)} ${String(r.vehicles).padStart(4)} ${r.distance.toFixed(2).padStart(10)} ` +
          `${String(bv).padStart(8)} ${bd.toFixed(2).padStart(9)} ${gap.toFixed(2).padStart(6)}   ${note.padEnd(8)} ${r.iterations}`,
      );
    }
    console.log('\nclass  n   mean veh  (bks)   veh<=bks   mean gap%   feasible');
    const summary = (label: string, rs: typeof rows) => {
      if (rs.length === 0) return;
      const mean = (f: (r: (typeof rows)[number]) => number) => rs.reduce((a, r) => a + f(r), 0) / rs.length;
      const fewer = rs.filter((r) => r.veh <= r.bv).length;
      const cols = [
        label.padEnd(6),
        String(rs.length).padStart(2),
        `  ${mean((r) => r.veh)
          .toFixed(2)
          .padStart(7)}`,
        ` (${mean((r) => r.bv).toFixed(2)})`,
        `  ${`${fewer}/${rs.length}`.padStart(7)}`,
        `  ${mean((r) => r.gap)
          .toFixed(2)
          .padStart(9)}`,
        `  ${rs.filter((r) => r.feasible).length}/${rs.length}`,
      ];
      console.log(cols.join(' '));
    };
    for (const c of CLASSES)
      summary(
        c,
        rows.filter((r) => r.cls === c),
      );
    summary('all', rows);
    console.log('');
  }
  await pool.destroy();
}

if (isMainThread) await main();
