// The AI gateway's overhead and its caches (issue 18), on a real `plantintel serve` in a child
// process and a local fake upstream (src/modules/pipelines/runtime/fake-upstream.ts) in another:
// 1. overhead: every 1/rate seconds (open loop, a fixed schedule) one chat completion through the
//    gateway to a pipeline input → model (OpenAI-compatible, the fake) → output, without a cache
//    node, and at the same moment the same request straight to the fake — the baseline, measured in
//    the same run. Overhead = the paired differences (gateway − direct of the same request), and
//    the differences of the percentiles;
// 2. misses: the same through input → exact cache → model → output, every request a new one (a
//    lookup and a store each): (2) − (1) is what the cache costs a miss;
// 3. exact-cache hits: the same at `rate` to the pipeline with the exact cache node, one request
//    repeated (every answer after the first is a hit): latency as the client sees it;
// 4. semantic lookups with `entries` cached answers: the pipeline's entries are written straight
//    into ai_cache_entries in the cache's own format (one set-based insert per 5,000 rows) before
//    the server starts, loaded by the cache service (the runtime's AnswerCache) in this process,
//    and looked up through it — paraphrases of cached questions and unrelated ones, half each.
// The client sends over keep-alive node:http agents (fetch costs several times the CPU, which on a
// small machine the server and the fake then lack); its own event-loop delay is reported, and the
// CPU the server and the fake used per request (from /proc), a figure the machine's other load
// disturbs far less than latencies. The fake answers at once. Each of 1–3 runs `repeat` times
// after a warm-up second of both paths; the medians over the runs are printed.
// Usage: npm run bench:gateway [-- --driver pglite|postgres|both] [--rate 500] [--duration 10]
//        [--entries 100000] [--repeat 1] [--only overhead,misses,exact,semantic] [--profile dir] [--json]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_PASSWORD } from '../src/modules/identity/testing.ts';
import { openDatabase, targetFromConfig } from '../src/platform/db/database.ts';
import { TEST_RATE_LIMIT_ENV } from '../src/platform/http/rate-limit/testing.ts';
import {
  failures,
  observe,
  openLoop,
  type Percentiles,
  percentiles,
  pools,
  timed,
} from './gateway-client.ts';
import { semanticLookups } from './gateway-semantic.ts';
import { killServersNow, SERVER_NODE_FLAGS, startServer, stopServer, stopServers } from './servers.ts';
import { count, driversOf, parseArgs } from './telemetry-server.ts';
import { median, prepare } from './work-orders-server.ts';

const { values: flags } = parseArgs({
  options: {
    driver: { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    entries: { type: 'string' },
    repeat: { type: 'string' },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
    /** A directory: the server runs with --cpu-prof and writes its profile there when stopped. */
    profile: { type: 'string' },
  },
});
const drivers = driversOf(flags.driver ?? 'both');
const RATE = count(flags.rate, 'BENCH_RATE', 500);
const SECONDS = count(flags.duration, 'BENCH_DURATION', 10);
const ENTRIES = count(flags.entries, 'BENCH_ENTRIES', 100_000);
const REPEAT = count(flags.repeat, 'BENCH_REPEAT', 1);
const PHASES = ['overhead', 'misses', 'exact', 'semantic'] as const;
type Phase = (typeof PHASES)[number];
const only = new Set((flags.only ?? PHASES.join(',')).split(',').map((p) => p.trim()));
for (const p of only)
  if (!PHASES.includes(p as Phase)) throw new Error(`--only takes ${PHASES.join(', ')} (got ${p})`);
const runs = (phase: Phase) => only.has(phase);
const progress = (message: string) => process.stderr.write(`${message}\n`);

// ------------------------------------------------------------------------------------------------
// Overhead and exact hits through a real server

const PIPELINES = { overhead: 'bench-direct', misses: 'bench-exact-miss', exact: 'bench-exact' } as const;

async function runOn(driver: 'pglite' | 'postgres') {
  progress(`\n== ${driver}: ${RATE}/s for ${SECONDS} s ×${REPEAT}; semantic lookups with ${ENTRIES} entries`);
  const { dataDir, postgresUrl, tenant, drop } = await prepare(driver, 'gateway');
  const fake = await startFake();
  try {
    let semantic: Awaited<ReturnType<typeof semanticLookups>> | null = null;
    if (runs('semantic')) {
      progress('  semantic: filling the cache and looking up');
      const database = await openDatabase(targetFromConfig({ databaseUrl: postgresUrl, dataDir }));
      semantic = await semanticLookups(database, tenant.id, ENTRIES).finally(() => database.close());
    }

    const env: NodeJS.ProcessEnv = {
      ...TEST_RATE_LIMIT_ENV, // budgets far above the load, the limiter still on
      ...process.env,
      DATA_DIR: dataDir,
      PLANTINTEL_DEMO: '0',
      PLANTINTEL_SIMULATOR: '0',
      LOG_LEVEL: 'warn',
      ACCESS_TOKEN_TTL_SECONDS: '7200',
      LLM_BASE_URL: fake.openAiBaseUrl,
      LLM_API_KEY: 'sk-bench',
    };
    if (postgresUrl) env.DATABASE_URL = postgresUrl;
    else delete env.DATABASE_URL;
    // With the Node flags of `npm start`: the server measured as it is run.
    const node = [
      process.execPath,
      ...SERVER_NODE_FLAGS,
      ...(flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${flags.profile}`] : []),
    ];
    // A fresh data directory is restored and migrated at start: on a busy machine that takes a minute.
    const started = await startServer(`ours (${driver})`, [...node, 'src/main.ts', 'serve'], env, {
      timeoutMs: 180_000,
    });
    const base = started.url.replace(/\/health$/, '');
    const pids = { server: started.pid, fake: fake.pid };
    try {
      const key = await setUp(base, tenant.users.admin.email);
      const gateway = `${base}/api/v1/ai/v1/chat/completions`;
      const direct = `${fake.openAiBaseUrl}/chat/completions`;
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
      const fakeHeaders = { 'content-type': 'application/json', authorization: 'Bearer sk-bench' };
      const body = (model: string, i: number) => ({
        model,
        messages: [
          { role: 'user', content: `Bench question ${i}: what was the OEE of line ${i % 7} yesterday?` },
        ],
      });
      let n = 0; // every request a new question (a miss), across warm-ups and runs
      /** Each request through the gateway and straight to the fake at the same moment: both latencies. */
      const paired = async (pipeline: string) => {
        const viaGateway: number[] = [];
        const viaDirect: number[] = [];
        const differences: number[] = [];
        const done = observe(pids);
        await openLoop(RATE, SECONDS, async () => {
          const i = n++;
          const [g, d] = await Promise.all([
            timed(gateway, headers, body(`pipeline/${pipeline}`, i)),
            timed(direct, fakeHeaders, body('gpt-4o-mini', i), pools.direct),
          ]);
          viaGateway.push(g);
          viaDirect.push(d);
          differences.push(g - d);
        });
        const g = percentiles(viaGateway);
        const d = percentiles(viaDirect);
        return {
          gateway: g,
          direct: d,
          paired: percentiles(differences),
          ofPercentiles: { p50: g.p50 - d.p50, p99: g.p99 - d.p99 },
          ...done(viaGateway.length),
        };
      };
      // Warm-up (connections of both pools, the resolver's and the auth caches, JIT): a second of
      // both paths at the rate, and a second of the cache pipelines, not counted.
      progress('  warm-up');
      await openLoop(RATE, 1, async () => {
        const i = n++;
        await Promise.all([
          timed(gateway, headers, body(`pipeline/${PIPELINES.overhead}`, i)),
          timed(direct, fakeHeaders, body('gpt-4o-mini', i), pools.direct),
        ]);
      });
      await openLoop(RATE, 1, async (i) => {
        await timed(gateway, headers, body(`pipeline/${i % 2 ? PIPELINES.exact : PIPELINES.misses}`, n++));
      });
      await timed(gateway, headers, body(`pipeline/${PIPELINES.exact}`, -1)); // the entry the hits find
      failures.clear();

      const overhead: Awaited<ReturnType<typeof paired>>[] = [];
      const misses: Awaited<ReturnType<typeof paired>>[] = [];
      const exact: (Percentiles & ReturnType<ReturnType<typeof observe>>)[] = [];
      for (let r = 1; r <= REPEAT; r++) {
        if (runs('overhead')) {
          progress(`  overhead (no cache node): gateway vs direct, run ${r}`);
          overhead.push(await paired(PIPELINES.overhead));
        }
        if (runs('misses')) {
          progress(`  exact-cache misses: gateway vs direct, run ${r}`);
          misses.push(await paired(PIPELINES.misses));
        }
        if (runs('exact')) {
          progress(`  exact-cache hits, run ${r}`);
          const latencies: number[] = [];
          const done = observe(pids);
          await openLoop(RATE, SECONDS, async () => {
            latencies.push(await timed(gateway, headers, body(`pipeline/${PIPELINES.exact}`, -1)));
          });
          exact.push({ ...percentiles(latencies), ...done(latencies.length) });
        }
      }
      const failed = Object.fromEntries(failures);
      failures.clear();
      return { driver, failed, overhead, misses, exact, semantic };
    } finally {
      await stopServer(`ours (${driver})`);
    }
  } finally {
    await fake.close();
    // A server killed while still writing its data directory can leave files behind a moment.
    await drop().catch(async () => {
      await sleep(1000);
      await drop().catch((err: Error) => progress(`  could not remove the scratch data: ${err.message}`));
    });
  }
}

/** The fake upstream in a child process; its base URL and a close(). */
async function startFake() {
  const child = spawn(process.execPath, ['bench/fake-upstream-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return {
    openAiBaseUrl: line.trim(),
    pid: child.pid ?? 0,
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Signs in as the admin, creates the workspace, its key and two deployed pipelines; the key. */
async function setUp(base: string, email: string): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const post = async <T>(path: string, payload: object): Promise<T> => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(payload),
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const ws = await post<{ id: string }>('/ai/workspaces', { name: 'Bench', sector: 'automotive' });
  const model = {
    id: 'model',
    type: 'model',
    config: { provider: 'openai', model: 'gpt-4o-mini', retries: 0 },
  };
  const withCache = [
    { id: 'input', type: 'input', config: {} },
    { id: 'cache', type: 'cache', config: { mode: 'exact', ttlSeconds: 3600 } },
    model,
    { id: 'output', type: 'output', config: {} },
  ];
  const graphs = {
    [PIPELINES.overhead]: [
      { id: 'input', type: 'input', config: {} },
      model,
      { id: 'output', type: 'output', config: {} },
    ],
    [PIPELINES.misses]: withCache,
    [PIPELINES.exact]: withCache,
  };
  for (const [slug, nodes] of Object.entries(graphs)) {
    const p = await post<{ id: string }>('/ai/pipelines', {
      workspaceId: ws.id,
      slug,
      name: slug,
      nodes,
      connections: nodes.slice(1).map((n, i) => ({ from: nodes[i]?.id, to: n.id })),
    });
    await post(`/ai/pipelines/${p.id}/deploy`, {});
  }
  return (await post<{ key: string }>(`/ai/workspaces/${ws.id}/keys`, { name: 'bench' })).key;
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
const ms = (v: number) => `${v.toFixed(2)} ms`;
/** The median over the runs of one figure. */
const med = <T>(list: T[], of: (x: T) => number) => median(list.map(of));
type Paired = Awaited<ReturnType<typeof runOn>>['overhead'];
const pairedLines = (label: string, list: Paired) =>
  list.length === 0
    ? []
    : [
        `  ${label}`,
        `    direct to the fake (baseline)   p50 ${ms(med(list, (x) => x.direct.p50))}, p99 ${ms(med(list, (x) => x.direct.p99))}`,
        `    through the gateway             p50 ${ms(med(list, (x) => x.gateway.p50))}, p99 ${ms(med(list, (x) => x.gateway.p99))}`,
        `    overhead, paired differences    p50 ${ms(med(list, (x) => x.paired.p50))} (goal < 1 ms), p99 ${ms(med(list, (x) => x.paired.p99))} (goal < 3 ms)`,
        `    overhead, of the percentiles    p50 ${ms(med(list, (x) => x.ofPercentiles.p50))}, p99 ${ms(med(list, (x) => x.ofPercentiles.p99))}`,
        `    CPU per request                 server ${ms(med(list, (x) => x.serverCpuMsPerRequest))}, fake ${ms(med(list, (x) => x.fakeCpuMsPerRequest))} (both of its requests); client event-loop delay p99 ${ms(med(list, (x) => x.clientLagP99Ms))}`,
        `    runs (paired p50/p99)           ${list.map((x) => `${x.paired.p50.toFixed(2)}/${x.paired.p99.toFixed(2)}`).join(', ')}`,
      ];
if (flags.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else
  for (const r of results) {
    const s = r.semantic;
    const n = r.overhead[0]?.gateway.n ?? r.misses[0]?.gateway.n ?? r.exact[0]?.n ?? 0;
    process.stdout.write(
      [
        `\n${r.driver} (${RATE}/s for ${SECONDS} s, ${n} requests each way, median of ${REPEAT} run(s))`,
        ...pairedLines('overhead, a pipeline without a cache node (input → model → output):', r.overhead),
        ...pairedLines('exact-cache misses (input → cache → model → output, every request new):', r.misses),
        ...(r.exact.length === 0
          ? []
          : [
              `  exact-cache hits                p50 ${ms(med(r.exact, (x) => x.p50))}, p99 ${ms(med(r.exact, (x) => x.p99))} (goal p99 < 5 ms; one request repeated); server CPU ${ms(med(r.exact, (x) => x.serverCpuMsPerRequest))} a request; runs p99 ${r.exact.map((x) => x.p99.toFixed(2)).join(', ')}`,
            ]),
        `  failed requests                 ${Object.keys(r.failed).length === 0 ? 'none' : JSON.stringify(r.failed)}`,
        ...(s
          ? [
              `  semantic lookup, ${s.entries} entries  p50 ${ms(s.lookups.p50)}, p99 ${ms(s.lookups.p99)} (goal p99 < 10 ms; ${s.hits} hits of ${s.lookups.n}; fill ${s.fillSeconds.toFixed(1)} s, load and index ${s.loadSeconds.toFixed(1)} s)`,
            ]
          : []),
        '',
      ].join('\n'),
    );
  }
