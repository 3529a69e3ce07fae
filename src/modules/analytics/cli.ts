// `plantintel import <file>`: a work-order export imported from the terminal through the same code
// as an upload (file store, head check, mapping, the import job), run in this process with a
// progress bar (plain lines when the output is not a terminal).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { eq, or, sql } from 'drizzle-orm';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { facilities, memberships, tenants } from '../../platform/db/schema/index.ts';
import { acrossTenants, inTenant, isUuid } from '../../platform/db/scope.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { localFileStore } from '../../platform/storage/file-store.ts';
import { FieldMapping, Strategy, Transform } from './analytics.schemas.ts';
import { IMPORT_USAGE as USAGE } from './cli-usage.ts';
import { frameStoreIn } from './frame-snapshot.ts';
import { importWorkOrdersJob } from './import.job.ts';
import { findImport } from './imports.repo.ts';
import { createImportsService, type MappingChoice } from './imports.service.ts';
import { findProfileByName } from './profiles.repo.ts';
import { fileReader } from './reader.ts';

export type WithDatabase = (
  work: (config: { dataDir: string; uploadMaxMb: number }, db: Db) => Promise<number>,
) => Promise<number>;

/** A profile file: what POST /analytics/profiles takes (name optional). */
const checkProfileFile = Compile(
  { MappingTransform: Transform, FieldMapping },
  Type.Object({
    name: Type.Optional(Type.String()),
    mappings: Type.Array(Type.Ref('FieldMapping'), { maxItems: 100 }),
    dataGranularity: Type.Optional(Type.Union([Type.Literal('header'), Type.Literal('operation')])),
    aggregationStrategy: Type.Optional(Strategy),
  }),
);

async function tenantOf(db: Db, wanted: string | undefined) {
  const rows = await acrossTenants(db, (tx) =>
    tx
      .select({ id: tenants.id, name: tenants.name })
      .from(tenants)
      .where(wanted ? (isUuid(wanted) ? eq(tenants.id, wanted) : eq(tenants.name, wanted)) : undefined)
      .limit(50),
  );
  if (rows.length === 1 && rows[0]) return rows[0];
  const demo = rows.find((r) => r.name === 'Demo Manufacturing');
  if (!wanted && demo) return demo;
  throw badRequest(wanted ? `No tenant "${wanted}"` : 'Several tenants: choose one with --tenant');
}

export function progressBar(tty: boolean) {
  let lastStep = -1;
  return (percent: number, message?: string) => {
    if (tty) {
      const filled = Math.round(percent / 4);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${' '.repeat(25 - filled)}] ${percent.toFixed(0).padStart(3)}% ${message ?? ''}\u001b[K`,
      );
    } else if (Math.floor(percent / 10) > lastStep) {
      lastStep = Math.floor(percent / 10);
      process.stderr.write(`${percent.toFixed(0)}% ${message ?? ''}\n`);
    }
  };
}

export interface CliImportOptions {
  path: string;
  facility?: string | undefined;
  profile?: string | undefined;
  autoMap?: boolean | undefined;
  tenant?: string | undefined;
  sheet?: string | undefined;
  rejectPolicy?: string | undefined;
  onDuplicate?: string | undefined;
  /** Shown on stderr while the import runs. */
  show: (percent: number, message?: string) => void;
}

/** Checks the options that need no database (exit code 2 material). */
export async function checkImportOptions(o: CliImportOptions) {
  if (!o.profile === !o.autoMap) throw badRequest('Choose --profile <name|file.json> or --auto-map');
  if (o.rejectPolicy !== undefined && o.rejectPolicy !== 'skip' && o.rejectPolicy !== 'fail')
    throw badRequest('--reject-policy is skip or fail');
  if (o.onDuplicate !== undefined && o.onDuplicate !== 'refuse' && o.onDuplicate !== 'mark')
    throw badRequest('--on-duplicate is refuse or mark');
  const size = (await stat(o.path).catch(() => null))?.size;
  if (size === undefined) throw badRequest(`Cannot read ${o.path}`);
}

/** A principal acting for the tenant's first admin (what the CLI does, it does as an admin). */
function cliPrincipal(tenantId: string, userId: string | undefined, label: string): Principal {
  return {
    kind: 'user',
    userId: userId ?? '00000000-0000-0000-0000-000000000000',
    tenantId,
    role: 'admin',
    platformRole: null,
    scopes: new Set(['read', 'operate', 'analyze', 'admin']),
    apiKeyId: null,
    label,
    sessionId: null,
  };
}

/**
 * Imports a file through the upload's code and runs the import job right here. Without --facility
 * the tenant's only facility (or DEMO-1) is taken. Returns the import as stored.
 */
export async function importFromCli(
  config: { dataDir: string; uploadMaxMb: number },
  db: Db,
  o: CliImportOptions,
) {
  const tenant = await tenantOf(db, o.tenant);
  const scope = await inTenant(db, tenant.id, async (tx) => {
    const candidates = await tx
      .select({ id: facilities.id, code: facilities.code })
      .from(facilities)
      .where(
        o.facility
          ? or(eq(facilities.code, o.facility), sql`${facilities.id}::text = ${o.facility}`)
          : undefined,
      );
    const facility =
      candidates.length === 1
        ? candidates[0]
        : o.facility
          ? undefined
          : candidates.find((f) => f.code === 'DEMO-1');
    if (!facility)
      throw badRequest(
        o.facility
          ? `No facility "${o.facility}" in ${tenant.name}`
          : `Several facilities in ${tenant.name}: choose one with --facility`,
      );
    const [admin] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.role, 'admin'))
      .limit(1);
    let choice: MappingChoice = { autoMap: true };
    if (o.profile?.endsWith('.json')) {
      const content = await readFile(o.profile, 'utf8')
        .then((text) => JSON.parse(text))
        .catch((err: unknown) => {
          throw badRequest(`Cannot read the profile ${o.profile}: ${(err as Error).message}`);
        });
      if (!checkProfileFile.Check(content)) {
        const first = [...checkProfileFile.Errors(content)][0];
        throw badRequest(
          `${o.profile} is not a profile ({"mappings": [...]}): ${first ? `${first.instancePath || '/'} ${first.message}` : ''}`,
        );
      }
      choice = {
        mappings: content.mappings,
        granularity: content.dataGranularity,
        aggregationStrategy: content.aggregationStrategy,
      };
    } else if (o.profile) {
      const profile = await findProfileByName(tx, o.profile);
      if (!profile) throw badRequest(`No mapping profile named "${o.profile}"`);
      choice = { profileIds: [profile.id] };
    }
    return { facilityId: facility.id, userId: admin?.userId, choice };
  });
  const principal = cliPrincipal(tenant.id, scope.userId, 'plantintel import');
  const files = localFileStore(join(config.dataDir, 'files'));
  const reader = fileReader();
  const imports = createImportsService({
    db,
    files,
    reader,
    maxBytes: config.uploadMaxMb * 1_048_576,
    // Not queued: the job runs right here, below, on the import the upload records.
    jobs: { submit: async () => ({ id: 'cli' }) as never },
  });
  const stored = await imports.store(principal, createReadStream(o.path));
  const started = await imports.upload(principal, {
    ...scope.choice,
    stored,
    fileName: basename(o.path),
    facilityId: scope.facilityId,
    sheet: o.sheet,
    rejectPolicy: o.rejectPolicy as 'skip' | 'fail' | undefined,
    onDuplicate: o.onDuplicate as 'refuse' | 'mark' | undefined,
  });
  const job = importWorkOrdersJob({
    db,
    files,
    reader,
    frames: frameStoreIn(join(config.dataDir, 'files')),
    realtime: { publish: async () => {} },
  });
  await job.run({ importId: started.importId }, cliJobContext(db, tenant.id, o.show)).catch(() => undefined);
  if (process.stderr.isTTY) process.stderr.write('\n');
  const row = await inTenant(db, tenant.id, (tx) => findImport(tx, started.importId));
  if (!row) throw new Error('the import vanished');
  return { row, tenantId: tenant.id, principal };
}

/** A job context for running a job in the CLI's own process: its last attempt (a failure is final). */
export function cliJobContext(db: Db, tenantId: string, show: (percent: number, message?: string) => void) {
  return {
    jobId: 'cli',
    tenantId,
    attempt: 99,
    signal: new AbortController().signal,
    progress: async (percent: number, message?: string) => show(percent, message),
    complete: <T>(work: (tx: Parameters<Parameters<typeof inTenant>[2]>[0]) => Promise<T>) =>
      inTenant(db, tenantId, work),
  };
}

export const importCounts = (row: NonNullable<Awaited<ReturnType<typeof findImport>>>) =>
  `Import ${row.id} ${row.status}: ${row.rowsRead} rows read, ${row.rowsAccepted} accepted, ` +
  `${row.rowsRejected} rejected, ${row.workOrders} work orders` +
  (row.errorMessage ? `\n${row.errorMessage}` : '');

export function importCommand(withDatabase: WithDatabase) {
  return {
    summary: 'Import a work-order export (CSV/XLSX) from the terminal: import <file> --facility <code> …',
    usage: USAGE,
    run: async (args: string[]) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          facility: { type: 'string' },
          profile: { type: 'string' },
          'auto-map': { type: 'boolean' },
          tenant: { type: 'string' },
          sheet: { type: 'string' },
          'reject-policy': { type: 'string' },
          'on-duplicate': { type: 'string' },
        },
      });
      const [path] = positionals;
      if (!path || !values.facility) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      const options: CliImportOptions = {
        path,
        facility: values.facility,
        profile: values.profile,
        autoMap: values['auto-map'],
        tenant: values.tenant,
        sheet: values.sheet,
        rejectPolicy: values['reject-policy'],
        onDuplicate: values['on-duplicate'],
        show: progressBar(process.stderr.isTTY === true),
      };
      await checkImportOptions(options);
      return withDatabase(async (config, db) => {
        const { row } = await importFromCli(config, db, options);
        process.stdout.write(`${importCounts(row)}\n`);
        return row.status === 'completed' ? 0 : 1;
      });
    },
  };
}
