// `plantintel backup` and `plantintel restore` (main.ts holds their entries and loads this lazily).
import { parseArgs } from 'node:util';
import type { Config } from '../../config.ts';
import { backup } from './backup.ts';
import { terminalProgress } from './progress.ts';
import { restore } from './restore.ts';

const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;

export async function backupCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string', short: 'o' } }, strict: true });
  if (!values.out) {
    process.stderr.write('usage: plantintel backup --out <file>\n');
    return 2;
  }
  const summary = await backup({
    source: config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite' },
    dataDir: config.dataDir,
    out: values.out,
    version: config.version,
    progress: terminalProgress(),
  });
  const how = summary.via === 'server' ? ' (dumped by the running server)' : '';
  process.stdout.write(
    `Backup written: ${summary.out}: ${mb(summary.bytes)} (${summary.driver} database ${mb(summary.databaseBytes)}${how}, ${summary.files} stored files) in ${summary.seconds} s\n`,
  );
  return 0;
}

export async function restoreCommand(args: string[], config: Config): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: 'boolean' } },
    strict: true,
  });
  const [archive] = positionals;
  if (!archive || positionals.length > 1) {
    process.stderr.write('usage: plantintel restore <file> [--force]\n');
    return 2;
  }
  const summary = await restore({
    archive,
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    force: values.force === true,
    progress: terminalProgress(),
  });
  const m = summary.manifest;
  process.stdout.write(
    `Restored the backup of ${m.createdAt} (PlantIntel ${m.plantintelVersion}, ${m.driver}, migration ${m.migrations.last ?? 'none'}) with ${summary.files} stored files in ${summary.seconds} s; migrations are current.\n`,
  );
  return 0;
}
