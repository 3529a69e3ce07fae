// Options the benchmarks share: which drivers to run on, how long, and the output format; and a
// scratch PostgreSQL database for the postgres side, dropped afterwards.
import { parseArgs } from 'node:util';
import pg from 'pg';

export type Driver = 'pglite' | 'postgres';

export interface BenchArgs {
  drivers: Driver[];
  seconds: number;
  asJson: boolean;
}

/** `--driver pglite|postgres|both` (default both), `--seconds N`, `--json`. */
export function benchArgs(
  defaults: { seconds: number },
  { driver: defaultDriver = 'both' }: { driver?: Driver | 'both' } = {},
): BenchArgs {
  const { values } = parseArgs({
    options: {
      driver: { type: 'string', default: defaultDriver },
      seconds: { type: 'string', default: String(defaults.seconds) },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const driver = values.driver;
  if (driver !== 'pglite' && driver !== 'postgres' && driver !== 'both') {
    throw new Error(`--driver must be pglite, postgres or both (got "${driver}")`);
  }
  const seconds = Number(values.seconds);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) {
    throw new Error('--seconds must be a whole number of seconds between 1 and 3600');
  }
  return {
    drivers: driver === 'both' ? ['pglite', 'postgres'] : [driver],
    seconds,
    asJson: values.json === true,
  };
}

const adminUrl = () => process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function asAdmin(query: string) {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** An empty database next to DATABASE_URL's; the server migrates it on start. */
export async function scratchPostgres(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `plantintel_bench_${label}_${process.pid}`;
  await asAdmin(`drop database if exists ${name} with (force)`);
  await asAdmin(`create database ${name}`);
  const url = Object.assign(new URL(adminUrl()), { pathname: `/${name}` }).toString();
  return { url, drop: () => asAdmin(`drop database if exists ${name} with (force)`) };
}
