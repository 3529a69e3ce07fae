import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, targetFromConfig } from '../src/platform/db/database.ts';
import { inTenant } from '../src/platform/db/scope.ts';
import { killServersNow, stopServer, stopServers } from './servers.ts';
import { count, driversOf, parseArgs } from './telemetry-server.ts';
import { api, prepare, processStats, resetPeakRss, startOurs, until } from './work-orders-server.ts';

const { values: flags } = parseArgs({
  options: {
    driver: { type: 'string' },
    skus: { type: 'string' },
    warehouses: { type: 'string' },
    weeks: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const drivers = driversOf(flags.driver);
const SKUS = count(flags.skus, 'BENCH_SKUS', 1000);
const WAREHOUSES = count(flags.warehouses, 'BENCH_WAREHOUSES', 10);
const WEEKS = count(flags.weeks, 'BENCH_WEEKS', 156);
const progress = (message: string) => process.stderr.write(`${message}\n`);

type Database = Awaited<ReturnType<typeof openDatabase>>;

/** Warehouses, inventory rows and weekly demand, written by SQL (deterministic: setseed). */
async function seed(database: Database, tenantId: string) {
  await inTenant(database.db, tenantId, async (tx) => {
    await tx.execute(sql`select setseed(0.16)`);
    await tx.execute(sql`
      insert into supply_warehouses (tenant_id, code, name, capacity)
      select ${tenantId}, 'W' || w, 'Warehouse ' || w, null from generate_series(1, ${WAREHOUSES}) w`);
    await tx.execute(sql`
      insert into supply_inventory (tenant_id, warehouse_id, sku, category, on_hand, unit_cost, ordering_cost,
                                    lead_time_days, lead_time_sd_days, service_level, moq, lot_size, policy)
      select ${tenantId}, w.id, 'SKU-' || lpad(s::text, 5, '0'), 'cat-' || (s % 12), (s % 40) * 5,
             5 + (s % 50), 40, 3 + (s % 20), (s % 4), 0.95, 0, case when s % 3 = 0 then 10 else 1 end,
             case when s % 5 = 0 then 'RS' else 'sQ' end
        from supply_warehouses w cross join generate_series(1, ${SKUS}) s`);
  });
  // One statement per warehouse keeps each transaction to ~150k rows.
  const warehouses = await inTenant(database.db, tenantId, (tx) =>
    queryRows<{ id: string }>(tx, sql`select id from supply_warehouses order by code`),
  );
  for (const [i, { id }] of warehouses.entries()) {
    await inTenant(database.db, tenantId, (tx) =>
      tx.execute(sql`
        insert into supply_demand (tenant_id, warehouse_id, sku, day, quantity)
        select i.tenant_id, i.warehouse_id, i.sku,
               (date_trunc('week', now())::date - 7 * ${WEEKS}) + 7 * w,
               case when right(i.sku, 1)::int % 7 = 0
                    then case when random() < 0.2 then round(20 * random()) else 0 end
                    else greatest(0, round((20 + (right(i.sku, 3)::int % 80)) * (1 + 0.002 * w)
                               * (1 + 0.3 * sin(2 * pi() * w / 52.0 + right(i.sku, 2)::int))
                               + 6 * (random() + random() + random() - 1.5)))
               end
          from supply_inventory i cross join generate_series(0, ${WEEKS - 1}) w
         where i.warehouse_id = ${id}`),
    );
    progress(`  demand for warehouse ${i + 1} of ${warehouses.length} written`);
  }
}

async function baselineSeconds(database: Database, tenantId: string) {
  const t0 = performance.now();
  await inTenant(database.db, tenantId, (tx) =>
    queryRows(
      tx,
      sql`select warehouse_id, sku, count(*) as n, sum(quantity) as total, stddev(quantity) as sd
            from supply_demand group by warehouse_id, sku`,
    ),
  );
  return (performance.now() - t0) / 1000;
}

async function runOn(driver: 'pglite' | 'postgres') {
  progress(`\n== ${driver}: ${SKUS * WAREHOUSES} series × ${WEEKS} weeks`);
  const { dataDir, postgresUrl, tenant, drop } = await prepare(driver, 'forecast');
  try {
    const database = await openDatabase(targetFromConfig({ databaseUrl: postgresUrl, dataDir }));
    const s0 = performance.now();
    await seed(database, tenant.id);
    progress(`  seeded in ${((performance.now() - s0) / 1000).toFixed(1)} s`);
    const baseline = await baselineSeconds(database, tenant.id);
    await database.close();

    const name = `ours (${driver})`;
    const server = await startOurs(driver, dataDir, postgresUrl, tenant);
    resetPeakRss(server.pid);
    const f0 = performance.now();
    const started = await api<{ run: { id: string } }>(server, '/supply/forecasts', {
      method: 'POST',
      body: JSON.stringify({ bucket: 'week', horizon: 13 }),
    });
    const run = await until(async () => {
      const r = await api<{
        status: string;
        errorMessage: string | null;
        seriesCount: number;
        summary: Record<string, unknown>;
      }>(server, `/supply/forecasts/${started.run.id}`);
      if (r.status === 'failed') throw new Error(`forecast failed: ${r.errorMessage}`);
      return r.status === 'completed' ? r : undefined;
    });
    const forecastSeconds = (performance.now() - f0) / 1000;
    const forecastRss = processStats(server.pid).peakRssMb;

    resetPeakRss(server.pid);
    const d0 = performance.now();
    const decision = await api<{ id: string }>(server, '/supply/decisions', {
      method: 'POST',
      body: JSON.stringify({ type: 'replenishment', constraints: { forecastRunId: started.run.id } }),
    });
    const decided = await until(async () => {
      const d = await api<{ status: string; errorMessage: string | null; actionCount: number }>(
        server,
        `/supply/decisions/${decision.id}`,
      );
      if (d.status === 'failed') throw new Error(`decision failed: ${d.errorMessage}`);
      return d.status === 'proposed' ? d : undefined;
    });
    const decisionSeconds = (performance.now() - d0) / 1000;
    const decisionRss = processStats(server.pid).peakRssMb;
    await stopServer(name);
    return {
      driver,
      series: run.seriesCount,
      forecastSeconds,
      seriesPerSecond: run.seriesCount / forecastSeconds,
      forecastPeakRssMb: forecastRss,
      methods: run.summary.methods,
      meanMase: run.summary.meanMase,
      decisionSeconds,
      decisionActions: decided.actionCount,
      decisionPeakRssMb: decisionRss,
      baselineSeconds: baseline,
    };
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
if (flags.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else
  for (const r of results) {
    process.stdout.write(
      [
        `\n${r.driver}: ${r.series} series`,
        `  forecast job   ${r.forecastSeconds.toFixed(1)} s, ${r.seriesPerSecond.toFixed(0)} series/s, peak RSS ${r.forecastPeakRssMb.toFixed(0)} MB, mean back-test MASE ${Number(r.meanMase).toFixed(3)}`,
        `  methods        ${JSON.stringify(r.methods)}`,
        `  decision       ${r.decisionSeconds.toFixed(1)} s, ${r.decisionActions} order lines, peak RSS ${r.decisionPeakRssMb.toFixed(0)} MB`,
        `  baseline       ${r.baselineSeconds.toFixed(2)} s (one SQL pass aggregating every demand row per series)`,
        `  ratio          forecast job ${(r.forecastSeconds / r.baselineSeconds).toFixed(1)}× the SQL pass; decision ${(r.decisionSeconds / r.baselineSeconds).toFixed(1)}×`,
        '',
      ].join('\n'),
    );
  }
