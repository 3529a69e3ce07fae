// The embedded database in this process's thread (PGlite as such) against PGlite in a worker thread
// behind EmbeddedClient (what PlantIntel uses): the cost of a statement and of a small transaction,
// and how long the event loop stalls while a long query runs. The reason for the design, measured.
// Usage: npm run bench:embedded [-- --json]
import { PGlite } from '@electric-sql/pglite';
import { EmbeddedClient } from '../src/platform/db/embedded/client.ts';

const asJson = process.argv.includes('--json');
const progress = (message: string) => process.stderr.write(`${message}\n`);

interface Client {
  query(text: string, params?: unknown[]): Promise<unknown>;
  transaction<T>(work: (tx: { query(text: string): Promise<unknown> }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const LONG_QUERY = 'select count(*) from generate_series(1, 3000000::bigint) g where (g * 7919) % 13 = 1';

/** The longest gap between 5 ms timer ticks while `work` runs: how long the event loop was stuck. */
async function worstTimerGap(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  await work();
  clearInterval(timer);
  return Math.max(worst, performance.now() - last);
}

async function measure(name: string, client: Client) {
  await client.query('create table t (id int primary key, v text)');
  await client.query("insert into t select g, 'x' from generate_series(1, 100) g");
  const statement = () => client.query('select * from t where id = $1', [7]);
  const transaction = () =>
    client.transaction(async (tx) => {
      await tx.query("select set_config('app.x', 'y', true)");
      await tx.query('select * from t order by id limit 50');
      await tx.query('select count(*) from t');
    });
  const time = async (run: () => Promise<unknown>, n: number) => {
    for (let i = 0; i < n / 10; i++) await run();
    const start = performance.now();
    for (let i = 0; i < n; i++) await run();
    return (performance.now() - start) / n;
  };
  progress(`${name}: statements, transactions, a long query`);
  const result = {
    name,
    statementMs: await time(statement, 2000),
    transactionMs: await time(transaction, 500),
    stallMs: await worstTimerGap(() => client.query(LONG_QUERY)),
  };
  await client.close();
  return result;
}

const inThread = await PGlite.create();
const results = [
  await measure('PGlite in the main thread', inThread as unknown as Client),
  await measure('PGlite in a worker (EmbeddedClient)', (await EmbeddedClient.create()) as unknown as Client),
];
if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log(
    '\nembedded database, in memory                statement ms  3-statement tx ms  event loop stuck ms',
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(44)} ${r.statementMs.toFixed(3).padStart(12)}  ${r.transactionMs.toFixed(3).padStart(17)}  ${r.stallMs.toFixed(0).padStart(19)}`,
    );
  }
}
