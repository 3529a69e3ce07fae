// Routing decisions and simulations under load (issue 17), on a real `plantintel serve` in a child
// process, with the server's responsiveness measured meanwhile:
// 1. a routing decision for 200 orders and 15 vehicles (one depot, clients within ~40 km, one or
//    two time windows each) at time limits of 5 s and 30 s (`--limits`): the engine's time to its
//    first feasible plan (the construction), the decision's wall time from POST to `proposed`, and
//    the plan's quality (vehicles, km, cost, unserved) at each limit;
// 2. a simulation of 1,000 replications × 30 days × 200 SKUs (POST /supply/simulations/run),
//    polled until `completed`: wall time;
// while a prober sends GET /health at 20 requests/s (open loop) the whole time. Baseline, measured
// in the same run on the same server: /health p99 while the server is idle.
// Usage: npm run bench:routing [-- --driver pglite|postgres|both] [--orders 200] [--vehicles 15]
//        [--limits 5,30] [--replications 1000] [--days 30] [--skus 200] [--json]
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { openDatabase, targetFromConfig } from '../src/platform/db/database.ts';
import { inTenant } from '../src/platform/db/scope.ts';
import { killServersNow, stopServer, stopServers } from './servers.ts';
import { count, driversOf, parseArgs } from './telemetry-server.ts';
import { api, prepare, type Server, startOurs, until } from './work-orders-server.ts';

const { values: flags } = parseArgs({
  options: {
    driver: { type: 'string' },
    orders: { type: 'string' },
    vehicles: { type: 'string' },
    limits: { type: 'string' },
    replications: { type: 'string' },
    days: { type: 'string' },
    skus: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const drivers = driversOf(flags.driver ?? 'pglite');
const ORDERS = count(flags.orders, 'BENCH_ORDERS', 200);
const VEHICLES = count(flags.vehicles, 'BENCH_VEHICLES', 15);
const LIMITS = (flags.limits ?? '5,30').split(',').map(Number);
if (LIMITS.some((l) => !(l >= 1 && l <= 300))) throw new Error('--limits: seconds between 1 and 300');
const REPLICATIONS = count(flags.replications, 'BENCH_REPLICATIONS', 1000);
const DAYS = count(flags.days, 'BENCH_DAYS', 30);
const SKUS = count(flags.skus, 'BENCH_SKUS', 200);
const PROBE_RATE = 20;
/** How often a decision or simulation is polled (its wall time is this precise). */
const POLL_MS = 100;
const progress = (message: string) => process.stderr.write(`${message}\n`);

type Database = Awaited<ReturnType<typeof openDatabase>>;

/** Tomorrow (UTC), the delivery day of the generated orders. */
const DAY = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** One depot, the fleet, clients with windows, a day of orders, SKUs with 120 days of demand. */
async function seed(database: Database, tenantId: string) {
  await inTenant(database.db, tenantId, async (tx) => {
    await tx.execute(sql`select setseed(0.17)`);
    await tx.execute(sql`
      insert into supply_warehouses (tenant_id, code, name, latitude, longitude, capacity)
      values (${tenantId}, 'DEP', 'Bench depot', 52.48, -1.89, null)`);
    await tx.execute(sql`
      insert into supply_vehicles (tenant_id, code, type, capacity_kg, capacity_m3, cost_per_km, cost_per_hour,
                                   co2_per_km, depot_id, shift_start, shift_end, max_driving_hours)
      select ${tenantId}, 'V' || lpad(v::text, 2, '0'), 'van', 1200, 12, 0.6, 18, 0.25, w.id, '06:00', '20:00', 9
        from supply_warehouses w cross join generate_series(1, ${VEHICLES}) v`);
    // Clients in a ring of 3–40 km around the depot; a third have two windows.
    await tx.execute(sql`
      insert into supply_clients (tenant_id, name, latitude, longitude, time_windows, service_minutes, priority)
      select ${tenantId}, 'Client ' || lpad(c::text, 4, '0'),
             52.48 + r * cos(a) / 111.0, -1.89 + r * sin(a) / (111.0 * cos(radians(52.48))),
             case when c % 3 = 0
                  then jsonb_build_array(jsonb_build_object('start', '08:00', 'end', '10:00'),
                                         jsonb_build_object('start', '14:00', 'end', '16:00'))
                  else jsonb_build_array(jsonb_build_object('start', lpad((7 + c % 8)::text, 2, '0') || ':00',
                                                            'end', lpad((10 + c % 8)::text, 2, '0') || ':00'))
             end,
             10, 1 + c % 5
        from (select c, 3 + 37 * random() as r, 2 * pi() * random() as a
                from generate_series(1, ${ORDERS}) c) g`);
    await tx.execute(sql`
      insert into supply_orders (tenant_id, kind, reference, client_id, warehouse_id, lines, requested_date,
                                 status, priority, weight_kg, volume_m3)
      select ${tenantId}, 'customer', 'B-' || c.name, c.id, w.id,
             jsonb_build_array(jsonb_build_object('sku', 'SKU-0001', 'quantity', 1)), ${DAY}::date,
             'confirmed', c.priority, round((20 + 100 * random())::numeric, 1), 0.3
        from supply_clients c cross join supply_warehouses w`);
    await tx.execute(sql`
      insert into supply_inventory (tenant_id, warehouse_id, sku, on_hand, unit_cost, ordering_cost,
                                    lead_time_days, lead_time_sd_days, service_level, policy)
      select ${tenantId}, w.id, 'SKU-' || lpad(s::text, 4, '0'), 40 + s % 60, 5 + s % 50, 40, 2 + s % 10,
             s % 3, 0.95, 'sQ'
        from supply_warehouses w cross join generate_series(1, ${SKUS}) s`);
    await tx.execute(sql`
      insert into supply_demand (tenant_id, warehouse_id, sku, day, quantity)
      select i.tenant_id, i.warehouse_id, i.sku, current_date - d,
             greatest(0, round(5 + right(i.sku, 2)::int % 20 + 4 * (random() + random() - 1)))
        from supply_inventory i cross join generate_series(1, 120) d`);
  });
}

/** GET /health on a fixed schedule (open loop); latencies in ms, grouped by phase. */
function startProbe(base: string) {
  const samples: { phase: string; ms: number }[] = [];
  let phase = 'idle';
  let failures = 0;
  const timer = setInterval(() => {
    const label = phase;
    const t0 = performance.now();
    fetch(`${base}/health`)
      .then((r) => r.arrayBuffer().then(() => r.status))
      .then(
        (status) => {
          if (status !== 200) failures++;
          samples.push({ phase: label, ms: performance.now() - t0 });
        },
        () => failures++,
      );
  }, 1000 / PROBE_RATE);
  return {
    setPhase: (name: string) => {
      phase = name;
    },
    stats(name: string) {
      const values = samples
        .filter((s) => s.phase === name)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      const at = (q: number) =>
        values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? Number.NaN;
      return { n: values.length, p50: at(0.5), p99: at(0.99), max: values.at(-1) ?? Number.NaN };
    },
    failures: () => failures,
    stop: () => clearInterval(timer),
  };
}

interface Decision {
  id: string;
  status: string;
  errorMessage: string | null;
  predictedCost: number | null;
  plan: {
    objective?: { value: { vehicles: number; distance: number; cost: number; total: number } };
    stats?: { firstFeasibleMs: number; iterations: number; elapsedMs: number };
    unserved?: unknown[];
  };
}

async function routingDecision(server: Server, limit: number) {
  const t0 = performance.now();
  const started = await api<{ id: string }>(server, '/supply/decisions', {
    method: 'POST',
    body: JSON.stringify({ type: 'routing', routing: { date: DAY, timeLimitSeconds: limit, seed: 1 } }),
  });
  const decision = await until(async () => {
    const d = await api<Decision>(server, `/supply/decisions/${started.id}`);
    if (d.status === 'failed') throw new Error(`routing decision failed: ${d.errorMessage}`);
    return d.status === 'proposed' ? d : undefined;
  }, POLL_MS);
  return { limit, wallSeconds: (performance.now() - t0) / 1000, decision };
}

async function simulation(server: Server) {
  const t0 = performance.now();
  const started = await api<{ id: string }>(server, '/supply/simulations/run', {
    method: 'POST',
    body: JSON.stringify({
      name: 'bench',
      replications: REPLICATIONS,
      horizonDays: DAYS,
      seed: 7,
      scope: { limit: SKUS },
    }),
  });
  const id = (started as { id?: string; simulation?: { id: string } }).simulation?.id ?? started.id;
  const done = await until(async () => {
    const s = await api<{ status: string; errorMessage: string | null }>(server, `/supply/simulations/${id}`);
    if (s.status === 'failed') throw new Error(`simulation failed: ${s.errorMessage}`);
    return s.status === 'completed' ? s : undefined;
  }, POLL_MS);
  return { seconds: (performance.now() - t0) / 1000, status: done.status };
}

async function runOn(driver: 'pglite' | 'postgres') {
  progress(
    `\n== ${driver}: routing ${ORDERS} orders × ${VEHICLES} vehicles; simulation ${REPLICATIONS} × ${DAYS} days × ${SKUS} SKUs`,
  );
  const { dataDir, postgresUrl, tenant, drop } = await prepare(driver, 'routing');
  try {
    const database = await openDatabase(targetFromConfig({ databaseUrl: postgresUrl, dataDir }));
    await seed(database, tenant.id);
    await database.close();
    const server = await startOurs(driver, dataDir, postgresUrl, tenant);
    const probe = startProbe(server.base);
    try {
      await sleep(5000); // the idle baseline: five seconds of probes with nothing else running
      const routing = [];
      for (const limit of LIMITS) {
        probe.setPhase(`routing ${limit} s`);
        progress(`  routing decision, time limit ${limit} s`);
        routing.push({
          ...(await routingDecision(server, limit)),
          health: probe.stats(`routing ${limit} s`),
        });
      }
      probe.setPhase('simulation');
      progress('  simulation');
      const sim = await simulation(server);
      probe.setPhase('done');
      return {
        driver,
        idle: probe.stats('idle'),
        routing: routing.map((r) => ({ ...r, health: probe.stats(`routing ${r.limit} s`) })),
        simulation: { ...sim, health: probe.stats('simulation') },
        probeFailures: probe.failures(),
      };
    } finally {
      probe.stop();
      await stopServer(`ours (${driver})`);
    }
  } finally {
    await drop();
  }
}

process.on('SIGINT', () => {
  killServersNow();
  process.exit(130);
});

const results = [];
try {
  for (const driver of drivers) results.push(await runOn(driver));
} finally {
  await stopServers();
}
const ms = (v: number) => `${v.toFixed(1)} ms`;
if (flags.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else
  for (const r of results) {
    const lines = [
      `\n${r.driver}`,
      `  /health idle (baseline)  p50 ${ms(r.idle.p50)}, p99 ${ms(r.idle.p99)} (${r.idle.n} probes)`,
    ];
    for (const x of r.routing) {
      const o = x.decision.plan.objective?.value;
      const s = x.decision.plan.stats;
      lines.push(
        `  routing, limit ${x.limit} s   first feasible plan ${s ? ms(s.firstFeasibleMs) : '?'}; proposed after ${x.wallSeconds.toFixed(1)} s; ` +
          `${o?.vehicles ?? '?'} vehicles, ${o?.distance.toFixed(1) ?? '?'} km, cost ${x.decision.predictedCost?.toFixed(2) ?? '?'}, ` +
          `${x.decision.plan.unserved?.length ?? 0} unserved, ${s?.iterations ?? '?'} iterations`,
        `    /health meanwhile       p50 ${ms(x.health.p50)}, p99 ${ms(x.health.p99)} (${(x.health.p99 / r.idle.p99).toFixed(1)}× idle p99)`,
      );
    }
    lines.push(
      `  simulation ${REPLICATIONS} × ${DAYS} d × ${SKUS} SKUs   ${r.simulation.seconds.toFixed(1)} s (goal < 20 s)`,
      `    /health meanwhile       p50 ${ms(r.simulation.health.p50)}, p99 ${ms(r.simulation.health.p99)} (${(r.simulation.health.p99 / r.idle.p99).toFixed(1)}× idle p99)`,
      `  probe failures           ${r.probeFailures}`,
      '',
    );
    process.stdout.write(lines.join('\n'));
  }
